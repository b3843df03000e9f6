"""question-as-answer: the question's own wording copied in as the answer, or left above it."""

from __future__ import annotations

import pytest
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, fixture_with

from plantool.check.rules import question_as_answer as rule

ANSWER = "measuring_productivity: We compare unit costs with similar districts every quarter."  # line 25


def answer(value: str) -> str:
    return fixture_with((ANSWER, f"measuring_productivity: {value}"))


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_the_question_as_the_whole_answer_points_at_it():
    [finding] = assert_findings(answer("How does the council measure its productivity?"), rule.ID, (25, 29))
    assert "only the question's own wording" in finding.message and finding.severity == "error"  # approved: a gap


def test_the_question_left_above_the_answer_points_at_its_line():
    text = answer("|\n      How does the Council measure its productivity\n\n      We compare unit costs every quarter.")
    [finding] = assert_findings(text, rule.ID, (26, 7))
    assert "left above the answer" in finding.message


def test_the_title_as_a_heading_above_the_answer_is_found():
    text = answer("|\n      **How we measure productivity:**\n      We compare unit costs every quarter.")
    assert_findings(text, rule.ID, (26, 7))


def test_a_question_with_a_typo_is_still_the_question():
    assert findings_of(answer("How does the council measure it's productivity? We compare unit costs."), rule.ID)


@pytest.mark.parametrize(
    "value",
    [
        "We measure productivity by comparing unit costs with similar councils.",
        "How we measure productivity matters: we compare unit costs every quarter.",
        "Productivity is measured through unit costs.",
        "|\n      **Unit costs:** compared every quarter.",
    ],
)
def test_answers_that_use_the_words_of_the_question_are_answers(value):
    assert findings_of(answer(value), rule.ID) == []


def test_a_disclosure_title_as_a_lead_in_is_an_answer():
    text = fixture_with(("networks: Two staff networks meet quarterly with a budget of £1,000.", "networks: 'Staff networks: two meet quarterly, with a budget of £1,000.'"))
    assert findings_of(text, rule.ID) == []


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
