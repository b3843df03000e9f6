"""Text brought in by `plantool import docx` that has not been placed in the plan yet.

The importer never drops a paragraph it cannot match to a prompt; it keeps it
under `unmapped` with where it came from. Move each item's text to the right
field, then delete the item.

PASS:
    unmapped: []

FAIL:
    unmapped:
      - source: "Thematic Area 1: Transformation, paragraph 3"
        text: The council has reduced its office space by a third.
"""

from __future__ import annotations

from plantool.check.rules import Problem

ID = "unmapped-content"
SEVERITY = "gap"


def check(ctx):
    items = ctx.get(("unmapped",))
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        source = item.get("source") if isinstance(item, dict) else None
        where = f" (from {source})" if source else ""
        yield Problem(
            ("unmapped", index),
            f"imported text not yet placed{where}; move it to the right question, then delete this item",
        )
