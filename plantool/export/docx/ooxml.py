"""Small WordprocessingML helpers for what python-docx does not offer.

Each helper writes the same XML Word itself writes, so Word, LibreOffice and
screen readers treat the result as native: real hyperlinks, real fields
(contents, page numbers), header rows, document language.

This is the one module that uses python-docx's private API (`Run._r`,
`Paragraph._p` and `._parent`, `Table._tbl`, `_Row._tr`, `docx.table._Cell`)
and the XML classes behind it. tests/test_docx_private_api.py probes each name
on a real document and fails loudly, naming it, if an upgrade changes one.
"""

from __future__ import annotations

import re
from typing import Iterable

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

# XML 1.0 cannot hold C0 controls (except tab, newline, carriage return), lone
# surrogates or the two non-characters; python-docx raises on them, so drop them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

HYPERLINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)  # Word's own link blue: 5.9:1 on white (WCAG AA)


def xml_safe(text: str) -> str:
    """Text python-docx can store: characters XML forbids are removed."""
    return _NOT_XML.sub("", str(text))


def add_run(paragraph, text: str, *, bold: bool = False, italic: bool = False):
    """paragraph.add_run(text), made XML-safe, with bold or italic only when set.

    python-docx passes run text through a character-by-character loop to turn
    tabs and line breaks into their elements; text with neither (nearly all of
    a plan) gives the same single <w:t> when added directly, in a fraction of
    the time. Setting bold=None would still add an empty run-properties element.
    """
    text = xml_safe(text)
    if "\t" in text or "\n" in text or "\r" in text:
        run = paragraph.add_run(text)
    else:
        run = paragraph.add_run()
        if text:
            run._r.add_t(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def _run(text: str = "", *, style_id: str | None = None, bold: bool = False, italic: bool = False):
    run = OxmlElement("w:r")
    if style_id or bold or italic:
        properties = OxmlElement("w:rPr")
        if style_id:
            style = OxmlElement("w:rStyle")
            style.set(qn("w:val"), style_id)
            properties.append(style)
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        run.append(properties)
    if text:
        text_element = OxmlElement("w:t")
        text_element.set(qn("xml:space"), "preserve")
        text_element.text = xml_safe(text)
        run.append(text_element)
    return run


def add_body_paragraph(document):
    """document.add_paragraph(), in time that does not grow with the document.

    python-docx finds where a new paragraph goes (before the body's closing
    section properties) by searching the body from its first child, so each
    paragraph costs as much as the body is long, and thousands of short ones
    (a list of links) grew with their square. The closing <w:sectPr> is the
    body's last child, so it is looked for there.
    """
    from docx.text.paragraph import Paragraph

    body = document.element.body
    try:
        last = body[-1]  # lxml reaches the last child directly
    except IndexError:
        return document.add_paragraph()
    if last.tag != qn("w:sectPr"):
        return document.add_paragraph()
    p = OxmlElement("w:p")
    last.addprevious(p)
    return Paragraph(p, document)


def set_paragraph_style_id(paragraph, style_id: str) -> None:
    """Give a paragraph a style by its id, without python-docx's slow lookup by name.

    A paragraph with no properties yet (nearly every one plantool writes) gets
    its <w:pPr><w:pStyle/></w:pPr> built directly: python-docx's setter searches
    the element's children for where each goes, which costs more than the rest
    of writing a table cell.
    """
    p = paragraph._p
    if p.pPr is not None:
        p.pPr.style = style_id
        return
    properties = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    properties.append(style)
    p.insert(0, properties)


def set_table_style_id(table, style_id: str) -> None:
    """Give a table a style by its id ('TableGrid')."""
    table._tbl.tblPr.style = style_id


def hyperlink_style_id(document) -> str:
    """The id of the 'Hyperlink' character style, adding Word's usual one if the document lacks it."""
    styles = document.styles
    for style in styles:
        if style.type == WD_STYLE_TYPE.CHARACTER and style.name == "Hyperlink":
            return style.style_id
    style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = HYPERLINK_COLOUR
    style.font.underline = True
    style.unhide_when_used = True
    return style.style_id


class Hyperlinks:
    """One part's external links by address, so adding a link costs the same however many came before.

    python-docx's `part.relate_to` searches every relationship of the part for
    the address and then tries rId1, rId2, … for a free id, so the n-th link
    costs n steps and export time grew with the square of the links (10,000
    took a minute). Here the part's link relationships are read once into a dict
    by address, the next free id is counted on, and the link style's id is looked
    up once; relationships are added through python-docx's public `part.rels`.
    """

    def __init__(self, part):
        self.part = part
        self.rels = part.rels
        self.style_id = hyperlink_style_id(part.document)
        self._ids = {
            rel.target_ref: rel.rId for rel in self.rels.values() if rel.is_external and rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
        }
        numbers = [int(rid[3:]) for rid in self.rels if rid.startswith("rId") and rid[3:].isdigit()]
        self._next = max(numbers, default=0) + 1

    def relationship_id(self, url: str) -> str:
        """The id of the part's relationship to `url`, added if the part has none yet."""
        rid = self._ids.get(url)
        if rid is None:
            while f"rId{self._next}" in self.rels:  # taken since, by python-docx itself
                self._next += 1
            rid = f"rId{self._next}"
            self._next += 1
            self.rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, rid, is_external=True)
            self._ids[url] = rid
        return rid


def add_hyperlink(paragraph, text: str, url: str, *, bold: bool = False, italic: bool = False, links: Hyperlinks | None = None):
    """An external link a screen reader announces as a link, styled as Word's Hyperlink.

    Pass the part's `links` when adding many: without it each call reads the
    part's relationships afresh.
    """
    links = links if links is not None else Hyperlinks(paragraph.part)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), links.relationship_id(xml_safe(url)))  # a relationship's target is XML too
    link.set(qn("w:history"), "1")
    link.append(_run(text, style_id=links.style_id, bold=bold, italic=italic))
    paragraph._p.append(link)
    return link


def _field_char(kind: str, *, dirty: bool = False):
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def _instruction(code: str):
    run = OxmlElement("w:r")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    run.append(instruction)
    return run


def add_field(paragraph, code: str, shown: str, *, dirty: bool = False) -> None:
    """A complex field (PAGE, NUMPAGES, …) with `shown` as its text until a reader updates it."""
    p = paragraph._p
    p.append(_field_char("begin", dirty=dirty))
    p.append(_instruction(code))
    p.append(_field_char("separate"))
    p.append(_run(shown))
    p.append(_field_char("end"))


def add_table_of_contents(paragraph, levels: str = "1-2") -> None:
    """Open a dirty TOC field in `paragraph`; `fill_table_of_contents` closes it once the headings exist."""
    p = paragraph._p
    p.append(_field_char("begin", dirty=True))
    p.append(_instruction(f'TOC \\o "{levels}" \\h \\z \\u'))
    p.append(_field_char("separate"))


def fill_table_of_contents(paragraph, entries: Iterable[tuple[int, str]]) -> None:
    """Give the TOC field a readable result (heading titles, indented) and close it.

    Word rebuilds it with page numbers on open (w:updateFields); readers that
    never update fields, such as LibreOffice's PDF export, still show a
    contents list rather than an empty box.
    """
    entries = list(entries)
    if not entries:
        paragraph._p.append(_run("Contents will appear when the document is opened in Word."))
        paragraph._p.append(_field_char("end"))
        return
    current = paragraph
    for index, (level, title) in enumerate(entries):
        if index:
            current = _paragraph_after(current)
        current.paragraph_format.left_indent = Pt(14 * (level - 1))
        current.paragraph_format.space_after = Pt(0)
        current.paragraph_format.line_spacing = 1.0
        current._p.append(_run(title))
    current._p.append(_field_char("end"))


def _paragraph_after(paragraph):
    from docx.text.paragraph import Paragraph

    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    return Paragraph(new, paragraph._parent)


_AFTER_UPDATE_FIELDS = {
    qn(f"w:{name}")
    for name in (
        "hdrShapeDefaults footnotePr endnotePr compat docVars rsids attachedSchema themeFontLang "
        "clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
        "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
    ).split()
} | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


def set_update_fields_on_open(document) -> None:
    """Ask Word to refresh fields (contents, page counts) when the document opens."""
    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        # Word rejects settings out of schema order: place it before its successors
        following = [child for child in settings if child.tag in _AFTER_UPDATE_FIELDS]
        if following:
            following[0].addprevious(existing)
        else:
            settings.append(existing)
    existing.set(qn("w:val"), "true")


def add_page_x_of_y_footer(section) -> None:
    """'Page X of Y' centred in the footer, below any footer the template already has."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs and not footer.paragraphs[0].text else footer.add_paragraph()
    paragraph.alignment = 1  # centre
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES", "1")


def add_draft_header(section, text: str) -> None:
    """Put the draft warning, in bold, at the top of every page's header."""
    header = section.header
    header.is_linked_to_previous = False
    if header.paragraphs and not header.paragraphs[0].text:
        paragraph = header.paragraphs[0]
    else:
        paragraph = header.paragraphs[0].insert_paragraph_before() if header.paragraphs else header.add_paragraph()
    run = paragraph.add_run(xml_safe(text))
    run.bold = True
    run.font.color.rgb = RGBColor(0xA0, 0x00, 0x00)  # dark red: 7.7:1 on white


def set_language(document, tag: str) -> None:
    """Set the default proofing language, which screen readers use to choose a voice."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), tag)
    language.set(qn("w:eastAsia"), tag)
    language.set(qn("w:bidi"), tag)
    document.core_properties.language = tag


def set_default_font(document, name: str) -> None:
    """Make `name` the document's base font, replacing the theme font the default template names."""
    styles = document.styles.element
    properties = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if properties is None:
        set_language(document, "en-GB")  # creates docDefaults/rPrDefault/rPr
        properties = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _name_font(properties, name)


def set_style_font(style, name: str) -> None:
    """Make a style's font `name` for every script, dropping the theme fonts Word would otherwise prefer."""
    _name_font(style.element.get_or_add_rPr(), name)


def _name_font(properties, name: str) -> None:
    """Run properties naming `name` for every script, with no theme font (which Word would prefer to it)."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), name)


def mark_header_row(table, index: int = 0) -> None:
    """Mark a row as the table's header: announced as headers and repeated on each page."""
    row = table.rows[index]._tr
    properties = row.get_or_add_trPr()
    if properties.find(qn("w:tblHeader")) is None:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)
    cant_split = properties.find(qn("w:cantSplit"))
    if cant_split is None:
        properties.insert(0, OxmlElement("w:cantSplit"))


def new_row_cells(table) -> list:
    """Add a row and return its cells.

    python-docx's `row.cells` rebuilds the whole table's cell grid on every
    call, which makes a long table quadratic; a new row's cells are simply its
    <w:tc> children.
    """
    from docx.table import _Cell

    row = table.add_row()
    keep_whole = OxmlElement("w:trPr")  # a row is read whole: never half on one page
    keep_whole.append(OxmlElement("w:cantSplit"))
    row._tr.insert(0, keep_whole)  # a new row has no properties, and they come first
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


CELL_MARGIN = 108  # twips, left and right, in Word's Table Grid style (0.19 cm)
EMU_PER_POINT = 12700
EMU_PER_TWIP = 635


def fit_columns(table, available: int, font_size: float = 11.0) -> None:
    """Column widths from the table's text, so it is as short as it can be (see columns.py).

    `available` is the width to fill in EMU; `font_size` the body text's size
    in points. Long words and figures are never broken.
    """
    from plantool.export.docx.columns import column_widths

    rows = [[["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))] for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    if not rows:
        return
    em = font_size * EMU_PER_POINT
    ems = column_widths(rows[0], rows[1:], available / em, padding=2 * CELL_MARGIN * EMU_PER_TWIP / em)
    widths = [int(width * em) for width in ems]
    table.autofit = False
    for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        grid_column.w = width
    for tr in table._tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths):
            tc.width = width


def set_table_description(table, title: str, description: str = "") -> None:
    """Alternative text for a table (Word's Table Properties › Alt Text)."""
    properties = table._tbl.tblPr
    for tag, value in (("w:tblCaption", title), ("w:tblDescription", description)):
        if not value:
            continue
        element = properties.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            properties.append(element)
        element.set(qn("w:val"), xml_safe(value)[:255])
