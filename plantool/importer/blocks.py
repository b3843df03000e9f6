"""The document model every reader produces: blocks in reading order, whatever the source format.

Word (read_docx) and saved web pages (read_html) both become a list of
`Block`s: headings, paragraphs, bullets and tables, with their text in the
plan's free-text subset (plantool.plan.richtext: **bold**, [text](url), "- "
bullets). The mapping walks blocks only, so both formats are placed by the
same rules. A table keeps each cell as its own blocks, so bullets inside a
cell stay separate items and bold stays bold.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Span:
    text: str
    bold: bool = False
    url: str | None = None


@dataclass
class Block:
    """One thing in the document body, in document order."""

    kind: str  # "title" | "subtitle" | "heading" | "paragraph" | "bullet" | "table"
    text: str = ""  # the plan's free-text markup (**bold**, [link](url))
    plain: str = ""  # the words only
    level: int = 0  # heading level (1 = Heading 1); 0 for other blocks
    bold_only: bool = False  # every word is bold: a heading typed as bold text
    lead_in: str = ""  # the bold words a paragraph or bullet starts with
    rest: str = ""  # the markup after the lead-in
    links: list = field(default_factory=list)  # (text, url)
    rows: list = field(default_factory=list)  # tables: rows of cells, each cell's markup
    plain_rows: list = field(default_factory=list)  # tables: rows of cells, words only
    style: str = ""
    size: float = 0.0  # the largest font size of its words, in points; 0 when the source does not say
    cells: list = field(default_factory=list)  # tables: rows of cells, each cell a list of Blocks
    header_rows: int = 0  # tables: rows marked or formatted as column titles
    how: str = ""  # headings: what made it one ("style", "bold", "numbered", "capitals", "larger", "html")


@dataclass
class SourceDocument:
    """What a reader found: the blocks, and what it saw but does not import (counted for the summary)."""

    blocks: list[Block]
    core_title: str = ""
    core_author: str = ""
    images: int = 0
    footnotes: int = 0
    comments: int = 0
    kind: str = "Word document"  # how the summary and the YAML header name the source
    own_export: bool = False  # made by `plantool export`: its layout (and so its other sections) is known
    skipped: list[str] = field(default_factory=list)  # page furniture left out: "navigation", "footer", …


WordDocument = SourceDocument  # the name the Word reader has always used


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        text = span.text.replace("\u00a0", " ")
        if not text:
            continue
        if merged and merged[-1].bold == span.bold and merged[-1].url == span.url:
            merged[-1] = Span(merged[-1].text + text, span.bold, span.url)
        elif merged and not text.strip() and span.url is None and merged[-1].url is None:
            merged[-1] = Span(merged[-1].text + text, merged[-1].bold, None)  # a bold space is just a space
        else:
            merged.append(Span(text, span.bold, span.url))
    return merged


def _markup(span: Span) -> str:
    text = span.text
    if span.url:
        core = text.strip()
        if not core:
            return text
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        link = f"[{core}]({span.url.strip()})"
        return f"{lead}**{link}**{trail}" if span.bold else f"{lead}{link}{trail}"
    if span.bold and text.strip():
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        return f"{lead}**{text.strip()}**{trail}"
    return text


def render(spans: list[Span]) -> tuple[str, str, list]:
    """Spans -> (markup, plain words, links)."""
    merged = _merge(spans)
    text = " ".join("".join(_markup(s) for s in merged).split())
    plain = " ".join("".join(s.text for s in merged).split())
    links = [(s.text.strip(), s.url) for s in merged if s.url and s.text.strip()]
    return text, plain, links


def lead_in(spans: list[Span]) -> tuple[str, str]:
    """'**Staffing:** 412 FTE…' -> ('Staffing:', '412 FTE…'): the bold words a paragraph opens with."""
    merged = _merge(spans)
    while merged and not merged[0].text.strip():
        merged = merged[1:]
    if len(merged) < 2 or not merged[0].bold or merged[0].url:
        return "", ""
    rest, _, _ = render(merged[1:])
    return " ".join(merged[0].text.split()), rest


def text_block(kind: str, spans: list[Span], style: str = "", level: int = 0, size: float = 0.0) -> Block | None:
    """A paragraph, bullet or heading from its spans; None when it holds no words."""
    text, plain, links = render(spans)
    if not plain.strip():
        return None
    words = [s for s in spans if s.text.strip()]
    block = Block(kind, text=text, plain=plain, level=level, links=links, style=style, size=size)
    block.bold_only = bool(words) and all(s.bold for s in words)
    block.lead_in, block.rest = lead_in(spans)
    return block


def join_markup(blocks: list[Block]) -> str:
    """Paragraphs separated by a blank line, consecutive bullets on their own lines."""
    out: list[str] = []
    previous = None
    for block in blocks:
        if block.kind == "bullet":
            line = f"- {block.text}"
            if previous == "bullet":
                out[-1] += "\n" + line
            else:
                out.append(line)
        elif block.kind == "table":
            out.append(table_markup(block, between_rows="\n\n"))  # in free text a single line break is a space
        else:
            out.append(block.text)
        previous = "bullet" if block.kind == "bullet" else "paragraph"
    return "\n\n".join(out)


def table(cells: list[list[list[Block]]], header_rows: int = 0) -> Block:
    """A table block from its cells (each a list of blocks); `rows` and `plain_rows` are derived."""
    rows = [[join_markup(cell) for cell in row] for row in cells]
    plain_rows = [[" ".join(b.plain for b in cell).strip() for cell in row] for row in cells]
    plain = "\n".join(" | ".join(row) for row in plain_rows)
    return Block("table", text=plain, plain=plain, rows=rows, plain_rows=plain_rows, cells=cells, header_rows=header_rows)


def header_row(rows: list[list[list[Block]]], marked: int) -> tuple[list, int]:
    """The rows, and how many are column titles: marked as header rows, else found by their bold.

    Without a marked header row, a first row whose every cell is bold is one;
    so are bold first lines in the first row's cells when each cell has more
    under it, which are split off into a row of their own.
    """
    if marked or len(rows) < 1:
        return rows, marked
    first = rows[0]
    filled = [cell for cell in first if cell]
    if len(filled) < 2:
        return rows, 0
    if len(rows) > 1 and all(all(b.bold_only for b in cell) for cell in filled):
        return rows, 1
    if all(cell[0].bold_only and cell[0].kind == "paragraph" and len(cell) > 1 for cell in filled):
        titles = [cell[:1] for cell in first]
        rest = [cell[1:] for cell in first]
        return [titles, rest, *rows[1:]], 1
    return rows, 0


def simple_table(block: Block) -> bool:
    """Every cell one short line: a grid that reads well as 'a | b' rows."""
    return all(len(cell) <= 1 and all(b.kind != "bullet" for b in cell) for row in block.cells for cell in row)


def table_markup(block: Block, between_rows: str = "\n") -> str:
    """A table kept as free text without losing its structure.

    A grid of one-line cells reads as 'a | b' rows (column titles as words).
    Otherwise the column titles come first as one such line, then each row
    with its first cell as a bold lead-in ('**Transformation:** fewer teams')
    and the rest of its cells after it, so bullets stay bullets and bold stays
    bold.
    """
    if not block.cells:
        return block.text
    if simple_table(block):  # column titles as words; the body's bold and links kept
        rows = block.plain_rows[: block.header_rows] + block.rows[block.header_rows :]
        return between_rows.join(" | ".join(row) for row in rows)
    out: list[str] = [" | ".join(row) for row in block.plain_rows[: block.header_rows]]
    for row in block.cells[block.header_rows :]:
        first, rest = (row[0], [b for cell in row[1:] for b in cell]) if row else ([], [])
        if len(first) == 1 and first[0].kind == "paragraph" and rest:
            lead = first[0].plain.rstrip(":")
            if rest[0].kind == "paragraph":
                out.append(f"**{lead}:** {rest[0].text}")
                rest = rest[1:]
            else:
                out.append(f"**{lead}**")
            if rest:
                out.append(join_markup(rest))
        else:
            out.extend(join_markup(cell) for cell in row if cell)
    return "\n\n".join(out)
