"""comment-in-answer: an answer typed without quotes and cut short at ` #`, which YAML reads as a comment."""

from __future__ import annotations

import pytest
from rule_case import COMPLETE_TEXT, assert_findings, check_example, docstring_cases, findings_of, fixture_with, with_answer

from plantool.check.rules import comment_in_answer as rule
from plantool.plan import loader
from plantool.plan.schema import load_schema


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_the_fail_examples_point_at_the_hash():
    text = fixture_with(("  name: South Derbyshire District Council", "  name: South Derbyshire District Council #1 in the county"))
    [finding] = assert_findings(text, rule.ID, (5, 43))
    assert finding.severity == "warning"


def test_the_message_says_what_was_cut_off_and_how_to_keep_it():
    [finding] = assert_findings(with_answer("We are ranked #1 in the county for unit costs."), rule.ID, (27, 33))
    assert "'#1 in the county for unit costs.'" in finding.message  # what was cut off
    assert "the answer is only 'We are ranked'" in finding.message  # what is left
    assert 'future_plans: "We are ranked #1 in the county for unit costs."' in finding.message  # the fix, in their words
    assert "'future_plans: |'" in finding.message  # the other fix


def test_an_answer_in_curly_quotes_is_told_to_use_straight_ones():
    [finding] = findings_of(with_answer("“We are #1”"), rule.ID)
    assert "curly quotes" in finding.message and 'future_plans: "We are #1"' in finding.message


def test_an_answer_inside_a_list_item_is_found_and_its_key_named():
    text = fixture_with(("themes:\n", "unmapped:\n  - text: Ranked #1 in the region\n    source: p1\nthemes:\n"))
    [finding] = assert_findings(text, rule.ID, (19, 18))
    assert 'text: "Ranked #1 in the region"' in finding.message


@pytest.mark.parametrize(
    "answer",
    [
        '"We are ranked #1"',  # quoted: the # is text
        "'We are ranked #1'",
        "|\n      We are ranked #1",  # a block: the # is text
        '"We compare unit costs" # a comment after the closing quote',
        "We compare unit costs.  # plantool: disable=link-text",  # a directive
        "We are ranked#1",  # no space before the #: text
    ],
)
def test_not_flagged(answer):
    assert findings_of(with_answer(answer), rule.ID) == []


def test_a_comment_on_its_own_line_is_not_flagged():
    [line] = [line for line in COMPLETE_TEXT.splitlines() if line.startswith("    future_plans: ")]
    assert findings_of(fixture_with((line, "    # a comment on its own line\n" + line)), rule.ID) == []


@pytest.mark.parametrize(
    "old, new",
    [
        ("  status: approved", "  status: approved  # set after Cabinet"),  # a choice
        ("  period: 2025/26", "  period: 2025/26 # the financial year"),  # a period (a pattern)
        ("    email: policy@example.gov.uk", "    email: policy@example.gov.uk # shared inbox"),  # an address (a pattern)
        ("period: 2024/25}", "period: 2024/25} # pounds"),  # after a number in a flow mapping
    ],
)
def test_a_note_after_a_constrained_answer_is_a_comment_not_a_cut(old, new):
    assert findings_of(fixture_with((old, new)), rule.ID) == []


def test_a_multi_line_plain_answer_cut_on_its_last_line_is_flagged():
    [finding] = assert_findings(with_answer("We compare unit costs\n      every quarter #2 in the region"), rule.ID, (28, 21))
    assert "'#2 in the region'" in finding.message


@pytest.mark.parametrize("pure", [False, True], ids=["c-parser", "pure-parser"])
def test_both_parsers_find_the_same_cut(pure):
    from plantool.check import runner

    text = with_answer("We are ranked #1 in the county")
    doc = loader.parse(text, loader.Document(path="plan.plan.yaml", text=text), pure=pure)
    found = [(f.line, f.col) for f in runner.check_document(doc, load_schema()).findings if f.rule == rule.ID]
    assert found == [(27, 33)]
