"""percent-range: a percentage outside 0 to 100."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import percent_range as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_out_of_range_points_at_the_figure():
    assert_findings(fixture_with(("paid_activities_percent: 10", "paid_activities_percent: 140")), rule.ID, (77, 30))
    assert_findings(fixture_with(("paid_activities_percent: 10", "paid_activities_percent: -1")), rule.ID, (77, 30))


def test_percent_range():
    data = at(complete_plan(), "disclosures.facility_time.paid_activities_percent", 140)
    [finding] = findings(data, "percent-range")
    assert "outside 0 to 100" in finding.message
    assert findings(at(complete_plan(), "disclosures.facility_time.paid_activities_percent", 100), "percent-range") == []
