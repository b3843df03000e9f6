"""placeholder: TODO, TBC, [insert …], "to be updated", lorem ipsum or XX left inside written text."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, with_answer

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
