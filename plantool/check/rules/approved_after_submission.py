"""The plan was approved after it was sent to the department.

Government asked for plans that members had overseen and endorsed. A council
that submitted first (to meet the deadline) and approved later sent a text no
member had endorsed, and members may have changed it on approval. That is
worth saying, and the changes belong under plan.amendments.

PASS:
    plan:
      approval: {body: Cabinet, date: "2024-07-11"}
      submitted_on: "2024-07-19"

FAIL:
    plan:
      approval: {body: Cabinet, date: "2024-07-30"}
      submitted_on: "2024-07-19"
"""

from __future__ import annotations

import datetime as dt

from plantool.check.rules import Problem

ID = "approved-after-submission"
SEVERITY = "warning"

APPROVED = ("plan", "approval", "date")
SUBMITTED = ("plan", "submitted_on")


def _date(value) -> dt.date | None:
    if not isinstance(value, str) or len(value.strip()) != 10:
        return None  # the schema and approval-date report dates that are not dates
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def check(ctx):
    approved, submitted = _date(ctx.get(APPROVED)), _date(ctx.get(SUBMITTED))
    if approved is None or submitted is None or approved <= submitted:
        return
    days = (approved - submitted).days
    amendments = ctx.get(("plan", "amendments"))
    record = (
        "the changes made on approval are under plan.amendments"
        if isinstance(amendments, list) and amendments
        else "record any changes made on approval under plan.amendments"
    )
    yield Problem(
        APPROVED,
        f"{ctx.schema.label(APPROVED)}: members endorsed the plan on {approved.isoformat()}, "
        f"{days} day{'s' if days != 1 else ''} after the department received it on {submitted.isoformat()}, "
        f"so the text sent had not been endorsed; {record}",
    )
