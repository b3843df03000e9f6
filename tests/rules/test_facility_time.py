"""facility-time: trade union facility time figures that cannot all be true, or look mistyped."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import facility_time as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_each_problem_points_at_its_figure():
    text = fixture_with(("all: 0}", "all: 2}"), ("fte: 0.6}", "fte: 4.5}"))
    found = assert_findings(text, rule.ID, (72, 36), (73, 17))  # the FTE value; the time bands
    assert [f.path for f in found] == ["disclosures.facility_time.officials.fte", "disclosures.facility_time.time_bands"]


def test_facility_time_bands_must_sum_to_headcount():
    data = at(complete_plan(), "disclosures.facility_time.time_bands.all", 2)
    [finding] = findings(data, "facility-time")
    assert "add up to 6" in finding.message and finding.severity == "error"


def test_facility_time_fte_cannot_exceed_headcount():
    data = at(complete_plan(), "disclosures.facility_time.officials.fte", 4.5)
    [finding] = findings(data, "facility-time")
    assert finding.path == "disclosures.facility_time.officials.fte"


def test_facility_time_rate_unusual_and_typo():
    data = complete_plan()
    data["disclosures"]["facility_time"].update(cost=50000, percent_of_pay_bill=0.25)
    [unusual] = findings(data, "facility-time")
    assert unusual.severity == "warning" and "unusually high" in unusual.message
    data["disclosures"]["facility_time"].update(cost=800000, percent_of_pay_bill=4)
    [typo] = findings(data, "facility-time")
    assert "did you mean 0.04%" in typo.message
