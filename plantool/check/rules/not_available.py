"""A figure is declared not available: reported as information, not as a gap.

Declaring a figure not available, with a reason, is an honest answer, and
plantool keeps it apart from a silent gap.

PASS (reported as info):
    edi:
      staff_time: {not_available: Time spent on EDI is not recorded.}

FAIL: nothing; a silent gap is reported by the unanswered rule instead.
"""

from __future__ import annotations

from plantool.plan.questions import is_not_available
from plantool.check.rules import Problem

ID = "not-available"
SEVERITY = "info"


def check(ctx):
    for path, value, _node in ctx.values:
        if is_not_available(value):
            reason = str(value["not_available"]).strip().rstrip(".")
            yield Problem(path, f"{ctx.schema.label(path)}: declared not available ({reason})")
