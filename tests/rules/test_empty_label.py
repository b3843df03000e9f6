"""empty-label: a bullet that is only a label, with nothing after it."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, check_example, docstring_cases, with_answer

from plantool.check.rules import empty_label as rule

@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_empty_bullet_points_at_its_label():
    text = with_answer("|\n      Our barriers:\n\n      - **Capital funding** –\n      - Revenue: grants end.")
    assert_findings(text, rule.ID, (30, 9))


@pytest.mark.parametrize("bullet", ["- **Capital funding** –", "- Capital funding:", "- **Capital funding:**"])
def test_empty_label_fails(bullet):
    text = f"Our barriers:\n\n{bullet}\n- **Revenue:** grants are one-off.\n"
    data = at(complete_plan(), "themes.transformation.future_plans", text)
    [finding] = findings(data, "empty-label")
    assert "Capital funding" in finding.message


def test_empty_label_passes_full_bullets():
    text = "- **Capital funding** – one-off grants cannot pay running costs.\n- Revenue: grants end in March.\n"
    assert findings(at(complete_plan(), "themes.transformation.future_plans", text), "empty-label") == []
