"""council-register: the council's name, type and GSS code must agree with the register."""

from __future__ import annotations

import pytest
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import council_register as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_name_and_type_that_disagree_with_the_code_point_at_each():
    text = fixture_with(("name: South Derbyshire District Council", "name: Derbyshire County Council"), ("type: district", "type: county"))
    name, kind = assert_findings(text, rule.ID, (5, 9), (6, 9))
    assert "E07000039 is South Derbyshire District Council" in name.message and "district council" in kind.message


def test_a_code_the_register_lacks_is_a_warning_at_the_code():
    [finding] = assert_findings(fixture_with(("gss_code: E07000039", "gss_code: E07999999")), rule.ID, (7, 13))
    assert finding.severity == "warning"


def test_other_names_for_the_council_are_accepted():
    assert_findings(fixture_with(("name: South Derbyshire District Council", "name: South Derbyshire")), rule.ID)
