"""The report as plain text for a terminal: underlined headings and aligned, wrapped tables.

Colour (rich) only when the caller says so: on a terminal, without NO_COLOR.
Progress shows green, going back red, review marks and warnings yellow.
"""

from __future__ import annotations

import textwrap
from typing import TextIO

from plantool.diff import report
from plantool.diff.model import BACK, FORWARD
from plantool.output import encodable
from plantool.publish.model import NOTE, BulletList, Paragraph, Section, Table

WIDTH = 44  # widest a table column gets before its text wraps
UNDERLINE = {1: "=", 2: "-"}
STYLES = {FORWARD: "green", BACK: "red", report.REVIEW: "yellow", "added": "cyan", "removed": "magenta", NOTE: "yellow"}


def write(comparison, out: TextIO, *, colour: bool = False) -> None:
    lines: list[tuple[str, str | None]] = []
    emit(report.build(comparison, review_lines=True), lines)
    if not colour:
        out.write(encodable("".join(text + "\n" for text, _ in lines), out))  # one write, of text the stream takes
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    for text, style in lines:
        console.print(Text(encodable(text, out), style=style or ""))


def emit(section: Section, lines: list) -> None:
    style = "bold" if section.level > 1 else "bold underline"
    lines.append((section.title, style))
    if section.level in UNDERLINE:
        lines.append((UNDERLINE[section.level] * len(section.title), None))
    for block in section.blocks:
        lines.extend(block_lines(block))
    lines.append(("", None))
    for child in section.sections:
        emit(child, lines)


def block_lines(block) -> list[tuple[str, str | None]]:
    if isinstance(block, Paragraph):
        text = "".join(span.text for span in block.spans)
        return [(line, STYLES.get(block.role)) for line in textwrap.wrap(text, 100) or [""]]
    if isinstance(block, BulletList):
        return [("- " + "".join(span.text for span in item), None) for item in block.items]
    if isinstance(block, Table):
        return table_lines(block)
    return []


def table_lines(table: Table) -> list[tuple[str, str | None]]:
    """Columns as wide as their longest text (up to WIDTH, then wrapped), two spaces apart."""
    grid = [[column.title for column in table.columns]] + [[cell.text for cell in row.cells] for row in table.rows]
    widths = [min(WIDTH, max(len(row[i]) for row in grid)) for i in range(len(table.columns))]
    values = [None] + [tuple(cell.value for cell in row.cells) for row in table.rows]
    out = []
    for number, row in enumerate(grid):
        wrapped = [textwrap.wrap(text, width) or [""] for text, width in zip(row, widths)]
        style = "bold" if number == 0 else row_style(values[number])
        for depth in range(max(len(w) for w in wrapped)):
            parts = [(w[depth] if depth < len(w) else "").ljust(width) for w, width in zip(wrapped, widths)]
            out.append(("  " + "  ".join(parts).rstrip(), style))
        if number == 0:
            out.append(("  " + "  ".join("-" * width for width in widths), None))
    return out


def row_style(values) -> str | None:
    for value in values:
        if isinstance(value, str) and value in STYLES:
            return STYLES[value]
    return None
