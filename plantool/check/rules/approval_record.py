"""An approved or published plan must say who approved it and when.

PASS:
    plan:
      status: approved
      approval: {body: Cabinet, date: "2024-07-11"}

FAIL:
    plan:
      status: published
      approval: {body: Cabinet}
"""

from __future__ import annotations

from plantool.plan.questions import is_blank
from plantool.plan.status import DRAFT
from plantool.check.rules import Problem

ID = "approval-record"
SEVERITY = "error"


def check(ctx):
    if ctx.status == DRAFT:
        return
    for field in ("body", "date"):
        path = ("plan", "approval", field)
        value = ctx.get(path)
        if is_blank(value):
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: a plan with status {ctx.status} must record this ({'.'.join(path)})",
                key=value is None,
            )
