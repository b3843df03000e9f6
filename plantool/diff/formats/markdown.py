"""The report as Markdown, to paste into a Cabinet report's appendix.

Headings start at level 2 (the appendix has its own title); every table has
a header row; figures columns are right-aligned; warnings are block quotes.
"""

from __future__ import annotations

import re
from typing import TextIO

from plantool.diff import report
from plantool.output import encodable
from plantool.publish.model import NOTE, BulletList, Paragraph, Section, Span, Table

TOP_LEVEL = 2  # the report's title is a level-2 heading
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def write(comparison, out: TextIO, *, colour: bool = False) -> None:
    out.write(encodable(render(report.build(comparison)), out))


def render(section: Section) -> str:
    lines: list[str] = []
    emit(section, lines)
    return "\n".join(lines).rstrip("\n") + "\n"


def emit(section: Section, lines: list[str]) -> None:
    lines += ["#" * (section.level + TOP_LEVEL - 1) + " " + escape(section.title), ""]
    for block in section.blocks:
        lines += block_lines(block) + [""]
    for child in section.sections:
        emit(child, lines)


def escape(text: str) -> str:
    """Plain words, safe in Markdown: characters with a meaning there are escaped; line breaks become spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def inline(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        text = escape(span.text)
        if span.url:
            text = f"[{text}]({span.url})"
        if span.bold and text:
            text = f"**{text}**"
        if span.italic and text:
            text = f"*{text}*"
        out.append(text)
    return "".join(out)


def block_lines(block) -> list[str]:
    if isinstance(block, Paragraph):
        text = inline(block.spans)
        return [f"> {text}" if block.role == NOTE else text]
    if isinstance(block, BulletList):
        return [f"- {inline(item)}" for item in block.items]
    if isinstance(block, Table):
        return table_lines(block)
    return []


NUMERIC = {"pounds", "percent", "count", "number", "share"}


def table_lines(table: Table) -> list[str]:
    header = "| " + " | ".join(escape(c.title) for c in table.columns) + " |"
    rule = "|" + "|".join("---:" if c.unit in NUMERIC else "---" for c in table.columns) + "|"
    rows = ["| " + " | ".join(escape(cell.text) for cell in row.cells) + " |" for row in table.rows]
    return [header, rule, *rows]
