"""publication-url: a published plan must give the web address where it is published."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import publication_url as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_missing_address_points_at_the_plan_section():
    assert_findings(fixture_with(("status: approved", "status: published")), rule.ID, (8, 1))


def test_empty_address_points_at_the_empty_value():
    assert_findings(fixture_with(("status: approved", 'status: published\n  publication_url: ""')), rule.ID, (12, 20))


def test_published_plan_needs_url():
    data = at(complete_plan(), "plan.status", "published")
    [finding] = findings(data, "publication-url")
    assert finding.severity == "error"
    data = at(data, "plan.publication_url", "https://www.example.gov.uk/plan")
    assert findings(data, "publication-url") == []
