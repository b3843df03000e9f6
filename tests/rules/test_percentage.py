"""percentage-mismatch: a stated percentage that does not match amount ÷ base × 100."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, drop, findings
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import percentage as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_mismatch_points_at_the_stated_percentage():
    [finding] = assert_findings(fixture_with(("share: {percent: 1.5,", "share: {percent: 2.5,")), rule.ID, (61, 22))
    assert finding.path == "disclosures.agency_staff.share.percent"


def test_percentage_mismatch_fails_and_rounding_passes():
    data = at(complete_plan(), "disclosures.agency_staff.share.percent", 2.5)
    [finding] = findings(data, "percentage-mismatch")
    assert finding.path == "disclosures.agency_staff.share.percent" and "1.5%" in finding.message
    # 0.04 written for 8,000 / 20,000,000 = 0.04% exactly; 0.0412% written as 0.04 is within rounding.
    data = at(complete_plan(), "disclosures.facility_time.cost", 8240)
    assert findings(data, "percentage-mismatch") == []
    data = at(complete_plan(), "disclosures.facility_time.cost", 10000)
    assert [f.path for f in findings(data, "percentage-mismatch")] == ["disclosures.facility_time.percent_of_pay_bill"]


def test_percentage_not_checked_without_all_three():
    data = drop(complete_plan(), "disclosures.agency_staff.share.base_amount")
    data = at(data, "disclosures.agency_staff.share.percent", 9.0)
    assert findings(data, "percentage-mismatch") == []
