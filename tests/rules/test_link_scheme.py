"""link-scheme: a link that is not a web or email address."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, with_answer

from plantool.check.rules import link_scheme as rule

@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_bad_scheme_points_at_the_link():
    text = with_answer("|\n      Our plans.\n      See [the plan](javascript:alert(1)).")
    assert_findings(text, rule.ID, (29, 11))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///S:/plan.docx", "data:text/html,hi", "ftp://x.gov.uk/a"])
def test_link_scheme_refuses_other_schemes(url):
    data = at(complete_plan(), "themes.transformation.future_plans", f"See [the savings plan]({url}).")
    [finding] = findings(data, "link-scheme")
    assert finding.severity == "error"
