"""What holds for every completeness rule; each rule's own tests are in tests/rules/test_<rule>.py.

The complete fixture passes every rule; each rule's module breaks one thing at
a time, runs the examples of the rule's docstring and checks exact line:col.
"""

from __future__ import annotations

from pathlib import Path

from plan_helpers import complete_plan, findings

from plantool.check.rules import RULE_MODULES, load_rules

RULE_TESTS = Path(__file__).resolve().parent / "rules"


def test_complete_fixture_is_clean():
    assert findings(complete_plan()) == []


def test_every_rule_has_id_docstring_with_examples_and_severity():
    ids = set()
    for rule in load_rules():
        assert rule.ID and rule.ID not in ids
        ids.add(rule.ID)
        assert "PASS" in rule.__doc__ and "FAIL" in rule.__doc__, rule.ID
        assert rule.SEVERITY in ("gap", "error", "warning", "info")
    assert len(ids) == len(RULE_MODULES)


def test_every_rule_has_its_own_test_module_that_runs_its_docstring():
    for name in RULE_MODULES:
        module = RULE_TESTS / f"test_{name}.py"
        assert module.is_file(), f"{name}: add {module.relative_to(RULE_TESTS.parent.parent)} (see tests/rules/rule_case.py)"
        text = module.read_text(encoding="utf-8")
        assert f"from plantool.check.rules import {name} as rule" in text, name
        assert "docstring_cases(rule)" in text or "examples(rule)" in text, name
