"""council-register: the council's name, type and GSS code must agree with the register."""

from __future__ import annotations

import pytest
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, fixture_with

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


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Middlesbrough Council", "E06000002"),
        ("The Royal Borough of Kensington and Chelsea", "E09000020"),
        ("Kensington & Chelsea Council", "E09000020"),
        ("Folkestone & Hythe District Council", "E07000112"),
        ("South Derbyshire Council", "E07000039"),
        ("Durham Council", "E06000047"),
        ("The Borough Council of King's Lynn & West Norfolk", "E07000146"),
    ],
)
def test_a_known_style_of_the_same_council_is_not_a_finding(name, code):
    text = fixture_with(("name: South Derbyshire District Council", f"name: {name}"), ("gss_code: E07000039", f"gss_code: {code}"))
    assert [f for f in findings_of(text, rule.ID) if f.path == "council.name"] == []


def test_a_name_that_matches_no_council_is_a_warning_naming_the_register_form():
    text = fixture_with(("name: South Derbyshire District Council", "name: Eastmoor Council"))
    [finding] = assert_findings(text, rule.ID, (5, 9))
    assert finding.severity == "warning" and "South Derbyshire District Council" in finding.message


def test_a_misspelt_style_is_a_warning_not_an_error():
    text = fixture_with(("name: South Derbyshire District Council", "name: South Derbyshre District Council"))
    [finding] = findings_of(text, rule.ID)
    assert finding.severity == "warning"


def test_a_name_of_another_council_stays_an_error():
    text = fixture_with(("name: South Derbyshire District Council", "name: Middlesbrough Council"))
    [finding] = assert_findings(text, rule.ID, (5, 9))
    assert finding.severity == "error" and finding.message == "E07000039 is South Derbyshire District Council, not Middlesbrough Council"


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)


def without_code(name: str, kind: str = "district") -> str:
    return fixture_with(("name: South Derbyshire District Council", f"name: {name}"), ("type: district", f"type: {kind}"),
                        ("gss_code: E07000039", "gss_code:"))


@pytest.mark.parametrize("name, kind", [
    ("Newcastle Borough Council", "district"),  # Newcastle-under-Lyme's own short form: never matched to Newcastle upon Tyne to judge its type
    ("The Royal Borough of Kensington and Chelsea", "London borough"),
    ("Folkestone & Hythe District Council", "district"),
    ("West Midlands Combined Authority", "combined authority"),  # not a kind of body the register holds
])
def test_without_a_code_a_name_the_register_knows_or_cannot_judge_gets_no_warning(name, kind):
    assert [f for f in findings_of(without_code(name, kind), rule.ID) if f.severity != "info"] == []


def test_without_a_code_a_misspelling_warns_and_a_name_near_none_is_only_noted():
    [misspelt] = findings_of(without_code("Derbysheer Dales District Council"), rule.ID)
    assert misspelt.severity == "warning" and "did you mean Derbyshire Dales District Council" in misspelt.message
    [unknown] = findings_of(without_code("BCP Council", "unitary"), rule.ID)
    assert unknown.severity == "info" and "GSS code" in unknown.message


def test_without_a_code_the_councils_own_full_name_with_the_wrong_type_is_an_error():
    [finding] = findings_of(without_code("Derbyshire County Council", "district"), rule.ID)
    assert finding.severity == "error" and "county council in the register, not district" in finding.message
