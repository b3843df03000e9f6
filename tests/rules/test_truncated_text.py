"""truncated-text: a sentence cut off mid-way, and nothing else."""

from __future__ import annotations

import pytest
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, with_answer

from plantool.check.rules import truncated_text as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_a_paragraph_that_stops_on_to_points_at_the_last_word():
    # line 27 is `    future_plans: …`; the answer starts in column 19
    [finding] = assert_findings(with_answer("We will move online, which will help us to"), rule.ID, (27, 59))
    assert "which will help us to" in finding.message and finding.severity == "warning"


def test_a_sentence_that_stops_before_its_figure_points_at_its_noun():
    text = with_answer("|\n      Our contact centre opened in 2023.\n      It delivered savings of. Staff numbers fell.")
    [finding] = assert_findings(text, rule.ID, (29, 20))
    assert "savings of." in finding.message


def test_a_comparison_with_no_noun_points_at_its_article():
    text = with_answer("|\n      We use the council tax actually paid as a much more\n      relevant. Reports go to Cabinet.")
    assert_findings(text, rule.ID, (28, 47))


def test_a_bullet_that_stops_on_the_points_at_it():
    text = with_answer("|\n      Our plans:\n\n      - a new website in 2026\n      - a review of the\n      - a new contact centre")
    assert_findings(text, rule.ID, (31, 21))


@pytest.mark.parametrize(
    "text",
    [
        "We will move online, which will help us to",
        "The council has set up a new board for the",
        "Savings come from three sources: staffing, buildings and",
        "The centre delivered savings of. Staff numbers fell.",
        "Agency spend fell by. Reasons follow.",
        "We expect a total of around. Cabinet will decide.",
        "We will look at the waste contract and. The review starts in June.",
        "The average council tax paid is a more relevant. We also use unit costs.",
    ],
)
def test_cut_sentences_are_found(text):
    assert findings_of(with_answer(f"|\n      {text}"), rule.ID), text


@pytest.mark.parametrize(
    "text",
    [
        "We will move online, which will help us to cut costs.",
        "These are the services we are responsible for",
        "We work with the partners we have always worked with",
        "We did what the department asked us to.",
        "We will change services where we need to.",
        "It is a project we are proud of.",
        "The plan is a much more relevant point of comparison.",
        "Option A.",
        "Costs fell by 4% in 2023/24.",
        "Savings of £1.5m were made.",
        "There is a lot more to do.",
        "- Field staff log inspections on handheld devices\n- Payments are cashless",
        "**Staffing:**",
        "Further actions:",
        "Spending rose to £2m, e.g. the care budget.",
    ],
)
def test_whole_sentences_and_common_endings_are_not_cut(text):
    answer = with_answer("|\n" + "\n".join("      " + line for line in text.splitlines()))
    assert findings_of(answer, rule.ID) == [], text


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
