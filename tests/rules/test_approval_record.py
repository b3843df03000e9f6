"""approval-record: an approved or published plan must say who approved it and when."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, drop, findings
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import approval_record as rule

APPROVAL = '  approval:\n    body: Cabinet\n    date: "2025-07-10"\n'


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_no_approval_at_all_points_at_the_plan_section():
    assert_findings(fixture_with((APPROVAL, "")), rule.ID, (8, 1), (8, 1))


def test_a_missing_date_points_at_the_approval():
    [finding] = assert_findings(fixture_with(('    date: "2025-07-10"\n', "")), rule.ID, (12, 3))
    assert finding.path == "plan.approval.date"


def test_a_draft_needs_no_approval():
    assert_findings(fixture_with((APPROVAL, ""), ("status: approved", "status: draft")), rule.ID)


def test_approved_plan_needs_approval_record():
    data = drop(complete_plan(), "plan.approval")
    found = findings(data, "approval-record")
    assert {f.path for f in found} == {"plan.approval.body", "plan.approval.date"}
    assert findings(at(data, "plan.status", "draft"), "approval-record") == []
