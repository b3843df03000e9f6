"""broken-figure: a figure in the text that is broken or never filled in, each reported once."""

from __future__ import annotations

import pytest
from plan_helpers import check_text
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, with_answer

from plantool.check.rules import broken_figure as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_a_year_missing_a_digit_points_at_the_preposition():
    # line 27 is `    future_plans: …`; the answer starts in column 19
    [finding] = assert_findings(with_answer("The new contact centre opened in 202."), rule.ID, (27, 49))
    assert "'in 202'" in finding.message and "a year with a digit missing" in finding.message


def test_a_sum_with_x_in_a_block_points_at_its_line():
    text = with_answer("|\n      Our plans:\n\n      - Savings of £X.Xm by 2027.")
    assert_findings(text, rule.ID, (30, 20))


@pytest.mark.parametrize(
    "value",
    [
        "The hub opened in 202.",
        "We will finish by March 202.",
        "The programme starts in 202X.",
        "It will save £Xm a year.",
        "It will save £X million a year.",
        "Savings of £m are planned.",
        "Agency spend fell by X%.",
        "Agency spend fell by X per cent.",
        "Sickness absence fell by % last year.",
        "Savings of £.",
    ],
)
def test_broken_figures_are_found(value):
    assert findings_of(with_answer(f"|\n      {value}"), rule.ID), value


@pytest.mark.parametrize(
    "value",
    [
        "Homelessness cases rose from 150 to 202.",
        "We helped 202 families in 2024.",
        "The hub opened in 2024.",
        "The budget (£m) is shown below.",
        "Change (%) is shown against the baseline.",
        "We will save £2.5m by 2026, a cut of 4%.",
        "Project X is our data platform.",
        "We reviewed the X-ray contract.",
        "Costs fell by 0.5 %.",
        "Between 2010/11 and 2023/24 we saved £262 million.",
    ],
)
def test_ordinary_figures_are_not_broken(value):
    assert findings_of(with_answer(f"|\n      {value}"), rule.ID) == [], value


@pytest.mark.parametrize("value", ["Savings of £XXm are planned.", "Agency spend fell by XX%.", "Savings of £[insert] a year."])
def test_a_placeholder_figure_is_reported_once_by_placeholder(value):
    found = [f.rule for f in check_text(with_answer(f"|\n      {value}")).findings]
    assert found == ["placeholder"], value


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
