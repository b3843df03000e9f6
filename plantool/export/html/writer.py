"""Draw a published plan as one accessible, self-contained HTML5 page, or as the inside of its `main`.

What the page says, and in what order, is decided by `publish.build`, as for
Word; this module only decides the markup. Every block type is drawn the same
way wherever it appears, so content the model gains later needs no change
here. Plan text is untrusted: every character goes through `escape`, and a
link is drawn only for a web or email address.

The page follows GOV.UK's pattern for an HTML publication: a skip link, a
header naming the council, then `main` holding the title (the one `h1`),
the title block as a description list, a contents `nav`, and the sections,
whose heading ranks follow their nesting so a level is never skipped. No
script, no image, nothing fetched: the stylesheet is inline and a
Content-Security-Policy allows that stylesheet alone.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path
from urllib.parse import quote, unquote

from plantool import __version__
from plantool.check.rules.link_scheme import allowed as link_allowed
from plantool.export.html.style import stylesheet
from plantool.publish.build import build_plan
from plantool.publish.model import NOTE, BulletList, Cell, ContentsEntry, Paragraph, PublishedPlan, Section, Table

# The page's own furniture, which only HTML has (the plan's words come from the model).
SKIP_LINK = "Skip to main content"
TITLE_SEPARATOR = " – "

NUMERIC_UNITS = frozenset({"pounds", "percent", "count", "number", "share"})  # right-aligned, as figures are
READS_AS_FIGURE = re.compile(r"[-−+£]?\d")  # "£820,000", "-2.7", "4.1% of …": not "Not available: …"
STACK_FROM_COLUMNS = 3  # on a phone, tables this wide become one card per row
MARKER_COMMENT = re.compile(r"<!-- (plantool-export:[^<>]*?) -->")

# Characters HTML may not carry: controls other than tab, line feed, form feed and
# carriage return; lone surrogates; and the noncharacters.
_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
_NOT_HTML = re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff{_NONCHARACTERS}]")
_NOT_IN_URL = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]')  # what a URL may not hold as typed


def escape(text, *, attribute: bool = False) -> str:
    """Text safe in an element (or a quoted attribute): markup characters as entities, forbidden characters gone."""
    return html.escape(_NOT_HTML.sub("", str(text)), quote=attribute)


LONG_WORD = re.compile(r"\S{40,}")  # longer than any word or email address: a web address or a code typed as text
BREAK_AFTER = "/.-_?&=,;:"
PIECE = 20


def breakable(text: str) -> str:
    """Escaped text in which a very long word may break (`<wbr>`) rather than stretch a table past the screen.

    `<wbr>` holds no text, so what is read, copied and searched is unchanged.
    """
    out, last = [], 0
    for match in LONG_WORD.finditer(text):
        out.append(escape(text[last : match.start()]))
        word, pieces, piece = match.group(), [], ""
        for index, character in enumerate(word):
            piece += character
            following = word[index + 1 : index + 2]
            if (character in BREAK_AFTER and following not in BREAK_AFTER) or len(piece) >= PIECE:  # "://" stays whole
                pieces.append(piece)
                piece = ""
        out.append("<wbr>".join(escape(p) for p in pieces + [piece] if p))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def attr(value) -> str:
    """A value for a double-quoted attribute."""
    return escape(value, attribute=True)


def href(url: str) -> str:
    """A link target as an attribute value: spaces and the like percent-encoded, then escaped."""
    cleaned = _NOT_HTML.sub("", url.strip())
    return attr(_NOT_IN_URL.sub(lambda m: f"%{ord(m.group()):02X}", cleaned))


def marker_comment(marker: str) -> str:
    """The export marker as a comment: lets a later export recognise and replace this file."""
    return f"<!-- {quote(marker, safe=':/ ,+=@()&;$!*~')} -->\n" if marker else ""


def previous_marker(path: Path) -> str | None:
    """The export marker in an existing HTML file, if it has one (it sits near the top)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536).decode("utf-8", "replace")
    except OSError:
        return None
    match = MARKER_COMMENT.search(head)
    return unquote(match.group(1)) if match else None


class Ids:
    """Unique, valid ids: the model's anchors keep their exact value; anything that clashes gets a suffix."""

    def __init__(self):
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        base = re.sub(r"\s+", "-", _NOT_HTML.sub("", wanted)) or "section"
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        self.taken.add(candidate)
        return candidate


class HtmlWriter:
    """Draws one PublishedPlan. `main()` is the content of `main`; `page()` wraps it in a whole document."""

    def __init__(self, plan: PublishedPlan):
        self.plan = plan
        ids = Ids()
        self.section_ids = [ids.claim(section.anchor) for section in plan.walk()]  # in walk order
        self.anchor_ids: dict[str, str] = {}
        for section, claimed in zip(plan.walk(), self.section_ids):
            self.anchor_ids.setdefault(section.anchor, claimed)
        self.main_id = ids.claim("main-content")
        self.contents_id = ids.claim("contents-title")

    # -- the whole page ---------------------------------------------------------------
    def page(self, marker: str = "") -> str:
        plan, meta = self.plan, self.plan.metadata
        css = stylesheet(plan.draft_banner)
        style_hash = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
        policy = f"default-src 'none'; style-src 'sha256-{style_hash}'; base-uri 'none'; form-action 'none'"
        head = [
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            f"<title>{escape(self.page_title())}</title>",
            f'<meta name="description" content="{attr(meta.subject)}">',
            f'<meta name="author" content="{attr(meta.author)}">',
            f'<meta name="keywords" content="{attr(", ".join(meta.keywords))}">',
            f'<meta name="generator" content="plantool {__version__}">',
            f"<style>{css}</style>",
        ]
        footer = [f"<p>{escape(TITLE_SEPARATOR.join(p for p in (meta.author, meta.subject) if p))}</p>"]
        if plan.draft_banner:
            footer.append(f"<p><strong>{escape(plan.draft_banner)}</strong></p>")
        return "\n".join([
            "<!DOCTYPE html>",
            f'<html lang="{attr(meta.language)}">',
            "<head>",
            marker_comment(marker) + "\n".join(head),
            "</head>",
            "<body>",
            f'<a class="skip-link" href="#{attr(self.main_id)}">{escape(SKIP_LINK)}</a>',
            '<header class="page-header"><div class="width-container">',
            f"<p>{escape(plan.subtitle or meta.subject or meta.title)}</p>",
            "</div></header>",
            f'<main id="{attr(self.main_id)}" class="width-container">',
            self.main(),
            "</main>",
            '<footer class="page-footer"><div class="width-container">',
            *footer,
            "</div></footer>",
            "</body>",
            "</html>",
            "",
        ])

    def page_title(self) -> str:
        """The browser tab's words: the plan's title, with the period and council when it lacks them."""
        meta, plan = self.plan.metadata, self.plan
        parts = [meta.title]
        for extra in (meta.period, plan.subtitle):
            if extra and extra not in meta.title:
                parts.append(extra)
        title = TITLE_SEPARATOR.join(parts)
        return f"{plan.draft_banner}: {title}" if plan.draft_banner else title

    # -- inside main ------------------------------------------------------------------
    def main(self) -> str:
        """The title block, the contents and every section: all the plan says."""
        plan = self.plan
        out = []
        if plan.draft_banner:
            out.append(f'<p class="draft-banner"><strong>{escape(plan.draft_banner)}</strong></p>')
        if plan.subtitle:  # HTML's mark-up for a title with its subtitle: one heading, read as one
            out.append(f'<hgroup><h1>{escape(plan.title)}</h1><p class="subtitle">{escape(plan.subtitle)}</p></hgroup>')
        else:
            out.append(f"<h1>{escape(plan.title)}</h1>")
        if plan.facts:
            out.append('<dl class="facts">')
            out.extend(f"<div><dt>{escape(f.label)}</dt><dd>{self.spans(f.spans)}</dd></div>" for f in plan.facts)
            out.append("</dl>")
        if plan.contents.entries:
            out.append(f'<nav class="contents" aria-labelledby="{attr(self.contents_id)}">')
            out.append(f'<h2 id="{attr(self.contents_id)}">{escape(plan.contents.title)}</h2>')
            out.append(self.contents_list(plan.contents.entries))
            out.append("</nav>")
        ids = iter(self.section_ids)
        for section in plan.sections:
            self.section(section, 1, ids, out)
        return "\n".join(out)

    def contents_list(self, entries: tuple[ContentsEntry, ...]) -> str:
        """Nested ordered lists of links, one level per heading level (never skipping one).

        Each link sits in a paragraph so that, even unstyled (a fragment in a
        CMS), the links are far enough apart to be easy targets (WCAG 2.5.8).
        """
        out, depth = [], 0
        top = min(entry.level for entry in entries)
        for entry in entries:
            level = min(entry.level - top + 1, depth + 1)
            if level > depth:
                out.append("<ol>")
            else:
                out.append("</li>" + "</ol></li>" * (depth - level))
            depth = level
            target = self.anchor_ids.get(entry.anchor, entry.anchor)
            out.append(f'<li><p><a href="#{attr(target)}">{escape(entry.title)}</a></p>')
        out.append("</li>" + "</ol></li>" * (depth - 1) + "</ol>")
        return "\n".join(out)

    def section(self, section: Section, depth: int, ids, out: list[str]) -> None:
        """A heading (h2 for a top-level section: the title is the h1) and what follows it."""
        rank = min(depth + 1, 6)
        out.append(f'<section class="level-{depth}">')
        out.append(f'<h{rank} id="{attr(next(ids))}">{escape(section.title)}</h{rank}>')
        for block in section.blocks:
            out.append(self.table(block, section.title) if isinstance(block, Table) else self.block(block))
        for child in section.sections:
            self.section(child, depth + 1, ids, out)
        out.append("</section>")

    # -- blocks -----------------------------------------------------------------------
    def block(self, block: Paragraph | BulletList) -> str:
        if isinstance(block, Paragraph):
            role = ' class="note"' if block.role == NOTE else ""
            return f"<p{role}>{self.spans(block.spans)}</p>"
        if isinstance(block, BulletList):
            return "<ul>\n" + "\n".join(f"<li>{self.spans(item)}</li>" for item in block.items) + "\n</ul>"
        raise TypeError(f"the HTML writer cannot draw a {type(block).__name__}")

    def spans(self, spans) -> str:
        """Inline runs: bold, italic and links (web and email only, with their real words)."""
        out = []
        for span in spans:
            text = breakable(span.text)
            if span.italic:
                text = f"<em>{text}</em>"
            if span.bold:
                text = f"<strong>{text}</strong>"
            if span.url is not None and link_allowed(span.url):
                words = text if span.text.strip() else breakable(span.url.strip())  # a link always says something
                text = f'<a href="{href(span.url)}">{words}</a>'
            out.append(text)
        return "".join(out)

    def cell_content(self, cell: Cell) -> str:
        """One plain paragraph goes straight into the cell; anything more keeps its paragraphs and lists."""
        if len(cell.blocks) == 1 and isinstance(cell.blocks[0], Paragraph) and cell.blocks[0].role != NOTE:
            return self.spans(cell.blocks[0].spans)
        return "".join(self.block(block) for block in cell.blocks)

    def table(self, table: Table, heading: str) -> str:
        """A data table: caption, column headers, the first cell of each row as its row header, figures right-aligned.

        The caption is hidden from the eye (not from screen readers) when the
        heading just above says the same words. A table with no columns says
        nothing, and is left out.
        """
        if not table.columns:
            return ""
        numeric = [numeric_column(table, index) for index in range(len(table.columns))]
        stack = len(table.columns) >= STACK_FROM_COLUMNS
        caption_class = ' class="visually-hidden"' if table.caption.strip() == heading.strip() else ""
        out = ["<table" + (' class="stack"' if stack else "") + ">"]
        out.append(f"<caption{caption_class}>{escape(table.caption)}</caption>")
        out.append("<thead><tr>")
        for column, right in zip(table.columns, numeric):
            right_aligned = ' class="numeric"' if right else ""
            out.append(f'<th scope="col"{right_aligned}>{escape(column.title)}</th>')
        out.append("</tr></thead>")
        out.append("<tbody>")
        for row in table.rows:
            cells = []
            for index, (column, cell) in enumerate(zip(table.columns, row.cells)):
                attributes = ' class="numeric"' if is_figure(cell) else ""
                if index == 0 and cell.text.strip():
                    cells.append(f'<th scope="row"{attributes}>{self.cell_content(cell)}</th>')
                    continue
                if stack:
                    attributes += f' data-label="{attr(column.title)}"'
                cells.append(f"<td{attributes}>{self.cell_content(cell)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody>")
        out.append("</table>")
        return "\n".join(out)


def is_figure(cell: Cell) -> bool:
    """A cell that shows a figure, right-aligned: a number's unit, and words that start with the number."""
    return cell.unit in NUMERIC_UNITS and READS_AS_FIGURE.match(cell.text.strip()) is not None


def numeric_column(table: Table, index: int) -> bool:
    """A column of figures (its header is right-aligned over them): by its unit, or because every filled cell is one."""
    if table.columns[index].unit in NUMERIC_UNITS:
        return True
    filled = [row.cells[index] for row in table.rows if index < len(row.cells) and row.cells[index].text.strip()]
    return bool(filled) and all(is_figure(cell) for cell in filled)


def render(plan: PublishedPlan, *, fragment: bool = False, marker: str = "") -> str:
    """The whole page, or (`fragment`) only what goes inside its `main`, with no styles, for a council's CMS."""
    writer = HtmlWriter(plan)
    if fragment:
        return marker_comment(marker) + writer.main() + "\n"
    return writer.page(marker)


def build(schema, data: dict, *, draft_mark: bool, marker: str = "", fragment: bool = False, findings: int | None = None) -> bytes:
    """The plan's model, drawn as HTML, as UTF-8 bytes ready to write (`findings` words the draft mark)."""
    plan = build_plan(schema, data, draft=draft_mark, findings=findings)
    return render(plan, fragment=fragment, marker=marker).encode("utf-8")
