"""plan-length: a plan much longer than the suggested 3 to 4 pages.

Its docstring states its examples in words ("a plan of 1,800 words"); this
module builds plans of those sizes from the complete fixture.
"""

from __future__ import annotations

import re

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, examples, findings_of, fixture_with

from plantool.check.rules import Context
from plantool.check.rules import plan_length as rule
from plantool.plan import loader
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
