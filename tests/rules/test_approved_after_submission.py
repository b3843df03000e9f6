"""approved-after-submission: members endorsed the plan after the department received it."""

from __future__ import annotations

import pytest
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, fixture_with

from plantool.check.rules import approved_after_submission as rule

APPROVED = '    date: "2025-07-10"\n'  # line 14


def submitted(on: str, extra: str = "") -> str:
    return fixture_with((APPROVED, f"{APPROVED}  submitted_on: {on}\n{extra}"))


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_approval_after_submission_points_at_the_approval_date():
    [finding] = assert_findings(submitted('"2025-07-01"'), rule.ID, (14, 11))
    assert "9 days after" in finding.message and "record any changes" in finding.message
    assert finding.severity == "warning" and finding.path == "plan.approval.date"


def test_the_message_notes_amendments_already_recorded():
    amendments = '  amendments:\n    - {date: "2025-07-10", by: Cabinet, description: Added a review of waste services.}\n'
    [finding] = findings_of(submitted('"2025-07-01"', amendments), rule.ID)
    assert "are under plan.amendments" in finding.message


@pytest.mark.parametrize("on", ['"2025-07-10"', '"2025-07-19"', '"2025-02-30"', "15 July", "null", "[2025]"])
def test_approval_before_or_on_submission_or_no_real_date_passes(on):
    assert findings_of(submitted(on), rule.ID) == []


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
