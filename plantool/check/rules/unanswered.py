"""A theme prompt or disclosure question has no answer yet.

A question counts as unanswered when its key is missing, empty, or holds only
a placeholder word such as TODO. Barrier items should also say how the barrier
affects the council and what government could do.

PASS:
    themes:
      transformation:
        measuring_productivity: We track unit costs against similar councils.

FAIL:
    themes:
      transformation:
        measuring_productivity: TODO
"""

from __future__ import annotations

from plantool.plan.questions import is_blank
from plantool.check.rules import Problem

ID = "unanswered"
SEVERITY = "gap"


def check(ctx):
    missing_sections = set()
    for question in ctx.questions:
        if question.state != "unanswered":
            continue
        path = question.path
        parent = path[:-1]
        if ctx.get(parent) is None and len(parent) >= 2:
            # A whole theme or disclosure section is absent: say it once.
            if parent not in missing_sections:
                missing_sections.add(parent)
                count = sum(1 for q in ctx.questions if q.path[: len(parent)] == parent and q.state == "unanswered")
                yield Problem(
                    parent,
                    f"{ctx.schema.label(parent)}: section missing, so its {count} question(s) are unanswered",
                    key=True,
                )
            continue
        asked = question.node.get("x-plantool-question", "")
        yield Problem(path, f"{ctx.schema.label(path)}: not answered yet. {asked}", key=ctx.get(path) is None)
    yield from _expected_fields(ctx)


def _expected_fields(ctx):
    """List items whose schema names fields they should carry (x-plantool-expected)."""
    for path, value, node in ctx.values:
        if not (isinstance(value, dict) and node and node.get("x-plantool-expected")):
            continue
        for field in node["x-plantool-expected"]:
            if is_blank(value.get(field)):
                child = ctx.schema.child(node, field) or {}
                name = next((str(v) for v in value.values() if isinstance(v, str) and v.strip()), "")
                yield Problem(
                    path + (field,),
                    f"{ctx.schema.label(path)} '{name}': say {child.get('title', field).lower()}",
                    key=field not in value,
                )
