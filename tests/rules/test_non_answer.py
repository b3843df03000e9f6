"""non-answer: "see attached", "insufficient space", "to follow", "N/A" with no reason."""

from __future__ import annotations

import pytest
from plan_helpers import check_text
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, fixture_with, with_answer

from plantool.check.rules import non_answer as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_see_attached_points_at_its_words():
    [finding] = assert_findings(with_answer("Our plans are set out in full; see attached."), rule.ID, (27, 50))
    assert "see attached" in finding.message and finding.severity == "error"  # the fixture is approved: a gap


def test_na_after_a_lead_in_points_at_the_na():
    text = with_answer("|\n      - **Digital:** a new website in 2026.\n      - **Workforce:** N/A")
    [finding] = assert_findings(text, rule.ID, (29, 24))
    assert "say why it does not apply" in finding.message


def test_na_in_a_figure_points_at_not_available():
    text = fixture_with(("    staff_time: 30 minutes per new starter", "    staff_time: |\n      - **New starters:** 30 minutes\n      - **Managers:** n/a"))
    [finding] = findings_of(text, rule.ID)
    assert "{not_available: 'the reason'}" in finding.message


@pytest.mark.parametrize(
    "value",
    [
        "Insufficient space to list them here.",
        "There is not enough room in this template to describe our programmes.",
        "Space does not allow a full list.",
        "Please see the attached spreadsheet.",
        "Details to follow.",
        "Figures will be to follow",
        "To follow",
        "Our plans for the next two years are to follow.",
    ],
)
def test_stand_ins_are_found(value):
    assert findings_of(with_answer(f"|\n      {value}"), rule.ID), value


@pytest.mark.parametrize(
    "value",
    [
        "The depot has insufficient space for the new fleet, so we lease a second site.",
        "Staff have a clear process to follow when a request comes in.",
        "Our plans are to follow the national guidance on procurement.",
        "Not applicable, because the council runs no EDI programme of its own.",
        "N/A: the council employs no consultants.",
        "We publish our spending data in the attached format on our website every month.",
        "Our national and regional partners share data with us.",
    ],
)
def test_answers_are_not_stand_ins(value):
    assert findings_of(with_answer(f"|\n      {value}"), rule.ID) == [], value


def test_a_whole_answer_of_na_is_reported_once_as_unanswered():
    result = check_text(fixture_with(("champions: There are no EDI champions.", "champions: N/A")))
    assert [(f.rule, f.path) for f in result.findings] == [("unanswered", "disclosures.edi.champions")]
    assert "gives no reason" in result.findings[0].message


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
