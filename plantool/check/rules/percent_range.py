"""A percentage outside 0 to 100.

PASS:
    agency_staff:
      share: {percent: 9.26, of: staffing_budget}

FAIL:
    agency_staff:
      share: {percent: 926, of: staffing_budget}
"""

from __future__ import annotations

from plantool.check.rules import Problem, number

ID = "percent-range"
SEVERITY = "error"


def check(ctx):
    for path, value, node in ctx.values:
        if node and node.get("x-plantool-unit") == "percent":
            figure = number(value)
            if figure is not None and not 0 <= figure <= 100:
                yield Problem(path, f"{ctx.schema.label(path)}: {figure:g}% is outside 0 to 100")
