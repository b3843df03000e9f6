"""placeholder: TODO, TBC, [insert …], "to be updated", lorem ipsum or XX left inside written text."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, with_answer

from plantool.check.rules import placeholder as rule

@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_placeholder_in_a_one_line_answer_points_at_the_word():
    assert_findings(with_answer("We will review it by TBC."), rule.ID, (27, 40))


def test_placeholder_in_a_block_points_at_its_line_and_column():
    text = with_answer("|\n      Our plans:\n\n      - Savings of £XXm by 2027.")
    assert_findings(text, rule.ID, (30, 20))


@pytest.mark.parametrize(
    "text",
    [
        "Savings of TBC are expected.",
        "We will report this TBD.",
        "Figures [insert figure] here.",
        "This section will be updated after Cabinet.",
        "Lorem ipsum dolor sit amet.",
        "Savings of £XXm are planned.",
        "We plan to TODO finish this.",
    ],
)
def test_placeholder_fails(text):
    data = at(complete_plan(), "themes.transformation.future_plans", text)
    [finding] = findings(data, "placeholder")
    assert finding.path == "themes.transformation.future_plans"


@pytest.mark.parametrize("text", ["We review the X-ray contract.", "The box was 20xx10 cm.", "Totals are confirmed."])
def test_placeholder_passes_ordinary_text(text):
    data = at(complete_plan(), "themes.transformation.future_plans", text)
    assert findings(data, "placeholder") == []


def test_a_pending_note_points_at_its_bracket():
    [finding] = assert_findings(with_answer("Our People Strategy (due to be reviewed) guides how staff are supported."), rule.ID, (27, 39))
    assert "pending note '(due to be reviewed)'" in finding.message


@pytest.mark.parametrize("text", ["The strategy (to be confirmed) applies.", "The board (awaiting approval) meets monthly.", "Our plan (pending) is here.", "To be confirmed.", "Figures to be added after Cabinet."])
def test_pending_notes_fail(text):
    assert [f.rule for f in findings(at(complete_plan(), "themes.transformation.future_plans", text))] == ["placeholder"]


@pytest.mark.parametrize(
    "text",
    [
        "The data and formulae used to distribute funding need to be updated to ensure it is fair.",
        "Our performance figures will be updated every quarter on the website.",
        "The strategy (to be delivered by 2026) sets our priorities.",
        "Funding (subject to Cabinet approval) is set aside.",
        "The policy will be reviewed in 2025.",
    ],
)
def test_real_points_about_updates_pass(text):
    assert findings(at(complete_plan(), "themes.transformation.future_plans", text), "placeholder") == []


def test_a_placeholder_that_is_all_a_field_holds_is_reported_where_no_question_is_asked():
    data = complete_plan()
    data["themes"]["transformation"]["initiatives"][0]["description"] = "TBC"
    [finding] = findings(data, "placeholder")
    assert finding.path == "themes.transformation.initiatives[0].description"
    assert [f.rule for f in findings(at(complete_plan(), "disclosures.edi.champions", "TBC"))] == ["unanswered"]


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)


@pytest.mark.parametrize("text", [
    "Our People Strategy (due to be\nreviewed) guides how staff are supported.",  # a wrapped line in a | answer
    "To be\u00a0confirmed.",
    "This section will be\tupdated after Cabinet.",
])
def test_a_note_split_by_any_white_space_is_still_found(text):
    """The quick test before the pattern accepts any white space after 'be', as the pattern does."""
    assert rule.matches(text)


@pytest.mark.parametrize("text", ["Spending fell by 4%.", "Overspending is reviewed monthly.", "We will be reviewing it."])
def test_spending_is_no_pending_note(text):
    assert rule.matches(text) == []
