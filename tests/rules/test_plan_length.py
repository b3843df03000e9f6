"""plan-length: a plan much longer than the suggested 3 to 4 pages.

Its docstring states its examples in words ("a plan of 1,800 words"); this
module builds plans of those sizes from the complete fixture.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, examples, findings_of, fixture_with

from plantool.check.rules import Context
from plantool.check.rules import plan_length as rule
from plantool.plan import loader, richtext
from plantool.plan.schema import load_schema

SENTENCE = "Our council has changed how it works in many ways over the years."  # 13 words


def count(text: str) -> int:
    return rule.word_count(Context(loader.parse(text), load_schema()))


def plan_of(words: int) -> str:
    """The complete fixture, with one answer grown until the plan has `words` words, as the rule counts them."""
    start = count(fixture_with())
    extra = max(0, words - start)
    paragraph = " ".join([SENTENCE] * (extra // 13 + 1)).split()[:extra]
    text = fixture_with(("organisational_change: |\n", "organisational_change: |\n      " + " ".join(paragraph) + "\n\n"))
    assert count(text) == words
    return text


@pytest.mark.parametrize("example", examples(rule), ids=lambda e: e.verdict)
def test_docstring_example(example):
    assert example.prose
    words = int(re.search(r"a plan of ([\d,]+) words", example.text).group(1).replace(",", ""))
    found = findings_of(plan_of(words), rule.ID)
    if example.verdict == "PASS":
        assert found == []
    else:
        [finding] = found
        assert f"about {words:,} words" in finding.message


def test_long_plan_points_at_the_themes():
    assert_findings(plan_of(4500), rule.ID, (19, 3))


def test_plan_length_warns_with_word_count_and_pages():
    long_text = "\n\n".join(["Our council has changed how it works in many ways over the years. " * 10] * 20)
    data = at(complete_plan(), "themes.transformation.organisational_change", long_text)
    [finding] = findings(data, "plan-length")
    assert "words" in finding.message and "pages" in finding.message and finding.severity == "warning"


def count_of(data) -> int:
    from plan_helpers import to_yaml

    return count(to_yaml(data))


def test_every_word_of_a_table_counts_once_where_it_is_written():
    base = complete_plan()
    start = count_of(base)
    grown = complete_plan()
    grown["themes"]["transformation"]["sections"] = [
        {"title": "Stronger communities", "sections": [
            {"title": "What we have done", "initiatives": [{"description": "Handed the museum to a charitable trust.", "status": "done"}]},
        ]},
    ]
    # 2 (title) + 4 (sub-title) + 7 (description) + 1 (status)
    assert count_of(grown) == start + 14
    grown["themes"]["transformation"]["measures"].append(
        {"measure": "Missed bins – per 1,000 homes", "baseline": 80, "current": 64, "change": "-20%"}
    )
    # 5 words (the dash is not one), 2 figures and the change
    assert count_of(grown) == start + 14 + 8


def test_markup_and_lone_punctuation_are_not_words():
    text = "- **Staffing:** 410 FTE – down from 452 & [our workforce plan](https://x.gov.uk/w) *in full*"
    with_markup = count_of(at(complete_plan(), "themes.transformation.future_plans", text))
    plain = count_of(at(complete_plan(), "themes.transformation.future_plans", "Staffing 410 FTE down from 452 our workforce plan in full"))
    assert with_markup == plain


def test_the_file_format_version_is_not_a_word_of_the_plan():
    data = complete_plan()
    assert count_of(data) == count_of({key: value for key, value in data.items() if key != "schema_version"})


MARKUP_PIECES = list("ab *_-[]()\n\t.:/") + ["**", "](", "- ", "\n- ", "https://x.gov.uk", "–", "…", "&"]


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=40).map("".join))
def test_taking_markup_away_never_adds_a_word(text):
    """What lets the rule skip the exact count on a plan whose raw words are within the limit."""
    assert richtext.words(richtext.shown(text)) <= richtext.words(text)


def test_a_plan_whose_markup_brings_it_within_the_limit_is_judged_by_the_words_a_reader_sees():
    limit = rule.SUGGESTED_PAGES * rule.WORDS_PER_PAGE
    text = plan_of(limit)  # exactly at the limit as a reader counts it: no warning
    marked = text.replace("      Our council has changed", "      **Our** council *–* *–* *–* has changed", 1)  # 3 raw words a reader never sees
    ctx = Context(loader.parse(marked), load_schema())
    assert rule._at_most(ctx) >= limit + 3 and rule.word_count(ctx) == limit  # over the bound: the exact count decides
    assert findings_of(marked, rule.ID) == [] and len(findings_of(plan_of(limit + 1), rule.ID)) == 1
