"""`--format csv`: the plans table, or with --group-by the group statistics, as analysts load CSV.

UTF-8, a header row, one value per cell, numbers as plain numbers (no thousands
separators, no £ or %), an empty cell for nothing, the columns always in the
order of `columns.COLUMNS`. A text cell that a spreadsheet would run as a
formula (it starts with =, + or @) gets a leading apostrophe, as spreadsheets
themselves do to show text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import fields

from plantool.summary.columns import NAMES
from plantool.summary.groups import Line

GROUP_HEADER = ("group_by", "group", "plans", *(f.name for f in fields(Line)))
FORMULA_STARTS = ("=", "+", "@")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render(summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if summary.groups is None:
        writer.writerow(NAMES)
        for row in summary.rows:
            writer.writerow([cell(row[name]) for name in NAMES])
    else:
        writer.writerow(GROUP_HEADER)
        for group in summary.groups:
            for line in group.lines:
                writer.writerow([summary.group_by, cell(group.name), group.plans,
                                 *(cell(getattr(line, f.name)) for f in fields(Line))])
    return out.getvalue()
