"""A published plan must give the web address where it is published.

PASS:
    plan:
      status: published
      publication_url: https://www.example.gov.uk/productivity-plan

FAIL:
    plan:
      status: published
"""

from __future__ import annotations

from plantool.plan.questions import is_blank
from plantool.plan.status import PUBLISHED
from plantool.check.rules import Problem

ID = "publication-url"
SEVERITY = "error"

PATH = ("plan", "publication_url")


def check(ctx):
    value = ctx.get(PATH)
    if ctx.status == PUBLISHED and is_blank(value):
        yield Problem(
            PATH,
            f"{ctx.schema.label(PATH)}: a published plan must give the address it is published at (plan.publication_url)",
            key=value is None,
        )
