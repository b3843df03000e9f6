"""`--format json`: the same data as the CSV, with units, the coverage and the group statistics.

The structure is stable; fields are only ever added (README, "Summary JSON").
A figure is an object with its value, unit, status and note; every other
column is a plain value whose unit is in `columns`.
"""

from __future__ import annotations

import json

from plantool.summary import columns as C

JSON_VERSION = 1
UNITS = {
    C.GBP: "pounds sterling",
    C.PERCENT: "a percentage: 9.26 means 9.26%",
    C.FTE: "full-time equivalents",
    C.COUNT: "a whole number of things",
    C.TEXT: "words",
}


def plan_object(row: dict) -> dict:
    """One plan: the columns in order, each figure's three columns as one object."""
    plan: dict = {}
    figures: dict = {}
    for column in C.COLUMNS:
        if column.is_figure:
            figures[column.name] = {"value": row[column.name], "unit": column.unit,
                                    "status": row[f"{column.name}_status"], "note": row[f"{column.name}_note"]}
        elif not column.figure:
            plan[column.name] = row[column.name]
    plan["figures"] = figures
    return plan


def as_json(summary) -> dict:
    return {
        "version": JSON_VERSION,
        "tool": f"plantool {summary.version}",
        "units": UNITS,
        "statuses": list(C.STATUSES),
        "columns": [{"name": c.name, "unit": c.unit, "meaning": c.meaning} for c in C.COLUMNS],
        "plans": [plan_object(row) for row in summary.rows],
        "coverage": summary.coverage.as_dict(),
        "group_by": summary.group_by,
        "groups": [group.as_dict() for group in summary.groups] if summary.groups is not None else None,
    }


def render(summary) -> str:
    return json.dumps(as_json(summary), indent=2, ensure_ascii=False) + "\n"
