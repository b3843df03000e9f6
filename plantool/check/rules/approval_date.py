"""The approval date is in the future, or is not a real date.

PASS:
    approval: {body: Cabinet, date: "2024-07-11"}

FAIL:
    approval: {body: Cabinet, date: "2099-07-11"}

    approval: {body: Cabinet, date: "2024-02-30"}
"""

from __future__ import annotations

import datetime as dt

from plantool.check.rules import Problem

ID = "approval-date"
SEVERITY = "error"

PATH = ("plan", "approval", "date")


def check(ctx, today: dt.date | None = None):
    value = ctx.get(PATH)
    if not isinstance(value, str):
        return
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        if len(value.strip()) == 10:  # right shape (the schema checks that), impossible date
            yield Problem(PATH, f"{ctx.schema.label(PATH)}: {value} is not a real date")
        return
    today = today or dt.date.today()
    if date > today:
        yield Problem(PATH, f"{ctx.schema.label(PATH)}: {value} is in the future; record the date it was approved")
