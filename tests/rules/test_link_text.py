"""link-text: link text that does not say where the link goes, and bare web addresses."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, with_answer

from plantool.check.rules import link_text as rule

@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_vague_link_and_bare_address_point_at_themselves():
    text = with_answer("See [here](https://x.gov.uk/a) or https://x.gov.uk/b.")
    assert_findings(text, rule.ID, (27, 23), (27, 53))


def test_link_inside_a_block_points_at_its_line():
    text = with_answer("|\n      Our plans.\n      Read [more](https://x.gov.uk/plans).")
    assert_findings(text, rule.ID, (29, 12))


@pytest.mark.parametrize(
    "text",
    ["See [here](https://x.gov.uk/a).", "Our [website](https://x.gov.uk).", "[Click here](https://x.gov.uk)", "Go to https://x.gov.uk/plan now."],
)
def test_link_text_fails(text):
    data = at(complete_plan(), "themes.transformation.future_plans", text)
    [finding] = findings(data, "link-text")
    assert finding.severity == "warning"


def test_link_text_passes_descriptive_links():
    text = "See [our savings plan 2025 to 2029](https://x.gov.uk/savings) and [email the policy team](mailto:p@x.gov.uk)."
    assert findings(at(complete_plan(), "themes.transformation.future_plans", text)) == []
