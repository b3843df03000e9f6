"""review-needed: an answer carried over from last year's plan that has not been reviewed yet."""

from __future__ import annotations

import pytest
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import review_needed as rule

MEASURING = "    measuring_productivity: We compare"


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_review_comment_is_reported_at_the_comment():
    text = fixture_with((MEASURING, "    # plantool: review -- carried over\n" + MEASURING))
    [finding] = assert_findings(text, rule.ID, (25, 5))
    assert finding.severity == "error"  # a gap, and the fixture is approved


def test_each_review_comment_is_reported_once():
    text = fixture_with(
        (MEASURING, "    # plantool: review -- carried over\n" + MEASURING),
        ("  edi:\n", "  # plantool: review -- carried over\n  edi:\n"),
    )
    assert_findings(text, rule.ID, (25, 5), (52, 3))
