"""Text brought in by `plantool import` that has not been placed in the plan yet.

The importer never drops a paragraph it cannot match to a prompt; it keeps it
under `unmapped` with where it came from. Move each item's text to the right
field, then delete the item. Content that came before every theme heading the
importer recognised lands in the introduction, with its headings kept as bold
lines: each such heading with text under it is reported as a warning too, so
a theme imported into the introduction is not mistaken for an introduction.

PASS:
    unmapped: []

FAIL:
    unmapped:
      - source: "Thematic Area 1: Transformation, paragraph 3"
        text: The council has reduced its office space by a third.

FAIL:
    plan:
      introduction: |
        This plan looks back over the year and ahead to the next.

        **3) Managing our spending**

        Every order above £5,000 is checked before it is placed.
"""

from __future__ import annotations

import re

from plantool.check.rules import Problem
from plantool.check.findings import WARNING

ID = "unmapped-content"
SEVERITY = "gap"

_HEADING_LINE = re.compile(r"^\*\*(?P<heading>[^*\n]+?)\*\*\s*$")
INTRODUCTION = ("plan", "introduction")


def check(ctx):
    items = ctx.get(("unmapped",))
    if isinstance(items, list):
        for index, item in enumerate(items):
            source = item.get("source") if isinstance(item, dict) else None
            where = f" (from {source})" if source else ""
            yield Problem(
                ("unmapped", index),
                f"imported text not yet placed{where}; move it to the right question, then delete this item",
            )
    yield from sections_in_introduction(ctx)


def sections_in_introduction(ctx):
    """A paragraph that is one bold line, with paragraphs under it: a section of its own inside the introduction."""
    text = ctx.get(INTRODUCTION)
    if not isinstance(text, str) or "**" not in text:
        return
    lines = text.splitlines()
    headings = [(index, match.group("heading").strip()) for index, line in enumerate(lines) if (match := _HEADING_LINE.match(line.strip()))]
    headings = [(i, h) for i, h in headings if (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())]
    for number, (index, heading) in enumerate(headings):
        end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
        words = len(" ".join(lines[index + 1 : end]).split())
        if not words:
            continue
        yield Problem(
            INTRODUCTION,
            f"{ctx.schema.label(INTRODUCTION)}: the section headed '{heading}' ({words} words) sits in the introduction; "
            "if it is a theme, topic or section of its own, move it there",
            severity=WARNING,
            at=(index, len(lines[index]) - len(lines[index].lstrip())),
        )
