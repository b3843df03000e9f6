"""Read a Word document's body, in order, as headings, paragraphs, bullets and tables.

Text comes back in the plan's free-text subset (plantool.richtext): bold runs
as **bold**, hyperlinks as [text](url), list paragraphs as bullets. The body's
XML children (w:p, w:tbl, w:sdt) are walked directly so that nothing python-docx
hides (content controls, text boxes, hyperlinks held in fields) is skipped.
A table of contents is document furniture and is left out.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from plantool.importer import synonyms
from plantool.importer.blocks import Block, SourceDocument, Span, WordDocument, header_row, join_markup, lead_in, render, table, text_block  # noqa: F401
from plantool.words import simple_words

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(toc\s*[1-9]|toc heading|contents\s*[1-9]|contents heading)$", re.IGNORECASE)
_FIELD_URL = re.compile(r'HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
_OFF = {"0", "false", "off"}
_P, _TR, _TC, _SDT, _PPR, _RPR, _B = (qn(t) for t in ("w:p", "w:tr", "w:tc", "w:sdt", "w:pPr", "w:rPr", "w:b"))


class _Styles:
    """Paragraph and character styles by id, with what they inherit."""

    def __init__(self, document):
        self.by_id: dict[str, dict] = {}
        for style in document.styles.element.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            name = style.find(qn("w:name"))
            based = style.find(qn("w:basedOn"))
            ppr = style.find(qn("w:pPr"))
            rpr = style.find(qn("w:rPr"))
            outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
            bold = rpr.find(qn("w:b")) if rpr is not None else None
            size = _val(rpr, "w:sz")
            self.by_id[style_id] = {
                "name": name.get(qn("w:val")) if name is not None else style_id,
                "based": based.get(qn("w:val")) if based is not None else None,
                "outline": int(outline.get(qn("w:val"))) if outline is not None and (outline.get(qn("w:val")) or "").isdigit() else None,
                "numbered": ppr is not None and ppr.find(qn("w:numPr")) is not None,
                "bold": bold is not None and (bold.get(qn("w:val")) or "true").lower() not in _OFF,
                "size": _points(size),
            }
        defaults = document.styles.element.find(qn("w:docDefaults"))
        size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}") if defaults is not None else None
        self.default_size = _points(size.get(qn("w:val")) if size is not None else None) or 10.0  # Word's own default

    def chain(self, style_id: str | None):
        seen = 0
        while style_id and style_id in self.by_id and seen < 10:
            yield self.by_id[style_id]
            style_id = self.by_id[style_id]["based"]
            seen += 1

    def name(self, style_id: str | None) -> str:
        for style in self.chain(style_id):
            return style["name"]
        return "Normal"

    def kind(self, style_id: str | None) -> tuple[str, int]:
        """('heading', n), ('title', 0), ('subtitle', 0), ('toc', 0), ('list', 0) or ('paragraph', 0)."""
        for style in self.chain(style_id):
            name = style["name"].strip()
            if _TOC_STYLE.match(name):
                return "toc", 0
            match = _HEADING_STYLE.match(name)
            if match:
                return "heading", int(match.group(1))
            if name.lower() == "title":
                return "title", 0
            if name.lower() == "subtitle":
                return "subtitle", 0
            if style["outline"] is not None and style["outline"] < 9:
                return "heading", style["outline"] + 1
            if name.lower().startswith("list") or style["numbered"]:
                return "list", 0
        return "paragraph", 0

    def bold(self, style_id: str | None) -> bool:
        return any(style["bold"] for style in self.chain(style_id))

    def size(self, style_id: str | None) -> float:
        """The font size a style gives, in points (inherited), or 0 when it says none."""
        for style in self.chain(style_id):
            if style["size"]:
                return style["size"]
        return 0.0


def _points(half_points: str | None) -> float:
    """w:sz is in half-points: '24' -> 12.0."""
    try:
        return int(half_points) / 2 if half_points else 0.0
    except ValueError:
        return 0.0


def element_text(element) -> str:
    """All the text of w:t or w:instrText, including what follows an entity reference.

    python-docx parses without expanding entities, so a reference such as
    &name; becomes a child node and `.text` stops at it: the rest of the
    paragraph would be lost. An entity declared inside the document is
    replaced by its declared text, once and never recursively; any other
    (undeclared, or external and never fetched) is kept as written.
    """
    if len(element) == 0:
        return element.text or ""
    parts = [element.text or ""]
    declared = _declared_entities(element)
    for child in element:
        if not isinstance(child.tag, str):  # an entity, comment or processing instruction
            name = getattr(child, "name", None)
            if name is not None:
                parts.append(declared.get(name, f"&{name};"))
        parts.append(child.tail or "")
    return "".join(parts)


def _declared_entities(element) -> dict[str, str]:
    dtd = element.getroottree().docinfo.internalDTD
    if dtd is None:
        return {}
    return {entity.name: entity.content for entity in dtd.iterentities() if entity.content is not None and not entity.system_url}


def _val(element, tag: str):
    found = element.find(qn(tag)) if element is not None else None
    return None if found is None else found.get(qn("w:val"))


def _is_on(element) -> bool:
    return element is not None and (element.get(qn("w:val")) or "true").lower() not in _OFF


class Reader:
    def __init__(self, document):
        self.document = document
        self.part = document.part
        self.styles = _Styles(document)
        self.fields: list[dict] = []  # open complex fields: {"instr": str, "result": bool}
        self.images = 0
        self.extra: list = []  # paragraphs found in text boxes, emitted after their paragraph
        self.sizes: list[float] = []  # font sizes of the current paragraph's runs (0: the paragraph's own)
        self.paragraph_bold = False  # the paragraph style makes its runs bold

    # -- inline content ----------------------------------------------------------
    def in_toc(self) -> bool:
        return any(f["instr"].strip().upper().startswith("TOC") for f in self.fields)

    def field_url(self) -> str | None:
        for f in reversed(self.fields):
            match = _FIELD_URL.search(f["instr"])
            if match and f["result"] and "\\l" not in f["instr"]:
                return match.group(1)
        return None

    def spans(self, element, url: str | None = None) -> list[Span]:
        out: list[Span] = []
        for child in element:
            tag = child.tag
            if tag == qn("w:r"):
                out.extend(self.run(child, url))
            elif tag == qn("w:hyperlink"):
                target = url
                rid = child.get(qn("r:id"))
                if rid and rid in self.part.rels:
                    rel = self.part.rels[rid]
                    target = rel.target_ref if rel.is_external else url
                out.extend(self.spans(child, target))
            elif tag in (qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr")):
                continue  # deleted text in tracked changes is not part of the document
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    out.extend(self.spans(content, url))
            elif tag == qn("w:fldSimple"):
                instr = child.get(qn("w:instr")) or ""
                match = _FIELD_URL.search(instr)
                out.extend(self.spans(child, match.group(1) if match else url))
            elif tag.startswith(f"{{{W_NS}}}"):  # ins, moveTo, smartTag, customXml, …
                out.extend(self.spans(child, url))
        return out

    def run(self, run, url: str | None) -> list[Span]:
        rpr = run.find(_RPR)
        bold = self.paragraph_bold
        size = 0.0
        if rpr is not None:
            direct = rpr.find(_B)
            if direct is not None:
                bold = _is_on(direct)
            else:
                bold = bold or self.styles.bold(_val(rpr, "w:rStyle"))
            size = _points(_val(rpr, "w:sz")) or self.styles.size(_val(rpr, "w:rStyle"))
        self.sizes.append(size)
        out: list[Span] = []
        for child in run:
            tag = child.tag
            if tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    self.fields.append({"instr": "", "result": False})
                elif kind == "separate" and self.fields:
                    self.fields[-1]["result"] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif tag == qn("w:instrText"):
                if self.fields:
                    self.fields[-1]["instr"] += element_text(child)
            elif tag == qn("w:t"):
                if self.fields and not all(f["result"] for f in self.fields):
                    continue
                out.append(Span(element_text(child), bold, self.field_url() or url))
            elif tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
                if child.get(qn("w:type")) in ("page", "column"):
                    continue
                out.append(Span(" ", bold, url))
            elif tag == qn("w:noBreakHyphen"):
                out.append(Span("-", bold, url))
            elif tag in (qn("w:drawing"), qn("w:pict"), f"{{{MC_NS}}}AlternateContent"):
                self.embedded(child)
        return out

    def embedded(self, element) -> None:
        """Pictures are counted; text boxes give their paragraphs (once, not per fallback)."""
        if element.tag == f"{{{MC_NS}}}AlternateContent":
            choice = element.find(f"{{{MC_NS}}}Choice")
            element = choice if choice is not None else element.find(f"{{{MC_NS}}}Fallback")
            if element is None:
                return
        boxes = list(element.iter(qn("w:txbxContent")))
        if not boxes:
            self.images += 1
            return
        for box in boxes:
            for child in box:
                self.extra.append(child)

    # -- blocks --------------------------------------------------------------------
    def paragraph(self, p) -> Block | None:
        ppr = p.find(_PPR)
        style_id = _val(ppr, "w:pStyle")
        kind, level = self.styles.kind(style_id)
        if ppr is not None:
            outline = _val(ppr, "w:outlineLvl")
            if outline and outline.isdigit() and int(outline) < 9 and kind == "paragraph":
                kind, level = "heading", int(outline) + 1
            num = ppr.find(qn("w:numPr"))
            if num is not None and kind == "paragraph" and _val(num, "w:numId") not in (None, "0"):
                kind = "list"
        was_toc = self.in_toc()
        self.sizes = []
        self.paragraph_bold = self.styles.bold(style_id) and kind not in ("heading", "title", "subtitle")
        spans = self.spans(p)
        if kind == "toc" or was_toc or self.in_toc():
            return Block("toc")
        own = self.styles.size(style_id) or self.styles.default_size
        size = max((s or own for s in self.sizes), default=own)
        return text_block({"list": "bullet"}.get(kind, kind), spans, self.styles.name(style_id), level, size)

    def table(self, tbl) -> Block:
        cells_by_row, marked = [], 0
        for tr in tbl.iter(_TR):
            if tr.getparent() is not None and _owning_table(tr) is not tbl:
                continue  # nested tables are read as part of their cell
            in_order = [c for child in tr for c in ([child] if child.tag == _TC else child.iter(_TC) if child.tag == _SDT else [])]
            row = []
            for tc in in_order:
                blocks = [b for b in (self.paragraph(p) for p in tc.iter(_P)) if b is not None and b.kind != "toc"]
                row.append(blocks)
            if marked == len(cells_by_row) and tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
                marked += 1
            cells_by_row.append(row)
        cells_by_row, header_rows = header_row(cells_by_row, marked)
        return table(cells_by_row, header_rows)

    def body(self, container) -> list[Block]:
        blocks: list[Block] = []
        for child in container:
            if child.tag == qn("w:p"):
                block = self.paragraph(child)
                if block is not None and block.kind == "toc":
                    if blocks and blocks[-1].kind in ("paragraph", "heading") and simple_words(blocks[-1].plain) in synonyms.CONTENTS_LABELS:
                        blocks.pop()  # the "Contents" label above the table of contents
                elif block is not None:
                    blocks.append(block)
                while self.extra:
                    extra = self.extra
                    self.extra = []
                    blocks.extend(self.body(extra))
            elif child.tag == qn("w:tbl"):
                blocks.append(self.table(child))
            elif child.tag == qn("w:sdt"):
                if _is_toc_control(child):
                    if blocks and blocks[-1].kind in ("paragraph", "heading") and simple_words(blocks[-1].plain) in synonyms.CONTENTS_LABELS:
                        blocks.pop()
                    continue
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    blocks.extend(self.body(content))
            elif child.tag in (qn("w:customXml"), qn("w:ins"), qn("w:moveTo")):
                blocks.extend(self.body(child))
        return blocks


def _owning_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != qn("w:tbl"):
        parent = parent.getparent()
    return parent


def _is_toc_control(sdt) -> bool:
    props = sdt.find(qn("w:sdtPr"))
    if props is None:
        return False
    for gallery in props.iter(qn("w:docPartGallery")):
        if "table of contents" in (gallery.get(qn("w:val")) or "").lower():
            return True
    return False


def read(data: bytes) -> WordDocument:
    """The document's body as blocks (data is a checked .docx package)."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    reader = Reader(document)
    blocks = reader.body(document.element.body)
    core = document.core_properties
    footnotes = comments = 0
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in ("footnotes", "comments"):
            try:
                count = len(re.findall(rb"<w:(?:footnote|comment) ", rel.target_part.blob))
            except Exception:  # a part python-docx parsed itself has no blob we need
                count = 0
            if kind == "footnotes":
                footnotes = max(0, count - 2)  # Word's separator and continuation notes
            else:
                comments = count
    from plantool.export import EXPORT_MARK

    own_export = (core.identifier or "").startswith(EXPORT_MARK)
    return SourceDocument(blocks, core.title or "", core.author or "", reader.images, footnotes, comments, own_export=own_export)
