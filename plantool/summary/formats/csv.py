"""`--format csv`: the plans table, or with --group-by the group statistics, as analysts load CSV.

UTF-8, a header row, one value per cell, numbers as plain numbers (Python's
shortest form: no thousands separators, no £ or %), an empty cell for nothing, the columns always in the
order of `columns.COLUMNS`. A text cell that a spreadsheet would run as a
formula (it starts with =, + or @) gets a leading apostrophe, as spreadsheets
themselves do to show text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import fields

from plantool.summary.columns import COLUMNS, NAMES
from plantool.summary.groups import Line

GROUP_HEADER = ("group_by", "group", "plans", *(f.name for f in fields(Line)))
FORMULA_STARTS = ("=", "+", "@")
TEXT_AT = tuple(i for i, column in enumerate(COLUMNS) if not column.numeric)  # only text can look like a formula


def cell(value):
    """A value as the csv module should write it: None is an empty cell, numbers stay numbers, formulas are defused."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render(summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if summary.groups is None:
        writer.writerow(NAMES)
        for row in summary.rows:
            values = list(map(row.__getitem__, NAMES))
            for i in TEXT_AT:
                if values[i]:
                    values[i] = cell(values[i])
            writer.writerow(values)
    else:
        writer.writerow(GROUP_HEADER)
        for group in summary.groups:
            for line in group.lines:
                writer.writerow([summary.group_by, cell(group.name), group.plans,
                                 *(cell(getattr(line, f.name)) for f in fields(Line))])
    return out.getvalue()
