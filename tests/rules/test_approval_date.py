"""approval-date: an approval date in the future, or not a real date."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_helpers import at, complete_plan, findings, to_yaml
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import Context
from plantool.check.rules import approval_date as rule
from plantool.plan import loader as document
from plantool.plan.schema import load_schema


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


@pytest.mark.parametrize("date", ["2999-01-01", "2025-02-30"])
def test_bad_date_points_at_the_date(date):
    assert_findings(fixture_with(('date: "2025-07-10"', f'date: "{date}"')), rule.ID, (14, 11))


def test_approval_date_in_future_or_impossible():
    data = at(complete_plan(), "plan.approval.date", "2999-01-01")
    [finding] = findings(data, "approval-date")
    assert "future" in finding.message
    data = at(complete_plan(), "plan.approval.date", "2025-02-30")
    [finding] = findings(data, "approval-date")
    assert "not a real date" in finding.message


def test_approval_date_check_uses_today():
    data = at(complete_plan(), "plan.approval.date", "2025-07-10")
    ctx = Context(document.parse(to_yaml(data)), load_schema())
    assert list(rule.check(ctx, today=dt.date(2025, 7, 9)))
    assert not list(rule.check(ctx, today=dt.date(2025, 7, 10)))
