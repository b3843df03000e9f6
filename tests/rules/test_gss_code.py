"""gss-code-type: a GSS code whose prefix does not suit the type of council."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import gss_code as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_wrong_prefix_points_at_the_code():
    assert_findings(fixture_with(("type: district", "type: county")), rule.ID, (7, 13))


def test_gss_code_prefix_must_suit_type():
    data = at(complete_plan(), "council.type", "county")
    [finding] = findings(data, "gss-code-type")
    assert "E10" in finding.message and finding.path == "council.gss_code"
    data = at(data, "council.gss_code", "E10000007")
    assert findings(data, "gss-code-type") == []
