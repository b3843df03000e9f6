"""misnamed: a body or law given a name that does not exist or is garbled, from a documented list."""

from __future__ import annotations

import pytest
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, with_answer

from plantool.check.rules import misnamed as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_a_garbled_acronym_points_at_it_and_gives_the_right_name():
    # line 27 is `    future_plans: …`; the answer starts in column 19
    [finding] = assert_findings(with_answer("Cabinet approved it for submission to MCHLG."), rule.ID, (27, 57))
    assert "MHCLG" in finding.message and "DLUHC" in finding.message and finding.severity == "warning"


def test_a_name_across_two_lines_is_one_finding_at_its_start():
    text = with_answer("|\n      The council meets its duties under the Public Sector Equalities\n      Act, and reports every year.")
    [finding] = assert_findings(text, rule.ID, (28, 46))
    assert "'Public Sector Equalities Act'" in finding.message and "Equality Act 2010" in finding.message


def test_a_wrong_long_name_with_its_acronym_is_one_finding():
    text = with_answer("|\n      The plan went to the Department of Housing, Communities and\n      Local Government (DHCLG) by 19 July.")
    [finding] = findings_of(text, rule.ID)
    assert "(DHCLG)" in finding.message


@pytest.mark.parametrize(
    "value",
    ["sent to MHLCG", "sent to DHCLG", "sent to DLUCH", "under the Equalities Act 2010", "under the public sector equality act",
     "the Department of Levelling Up, Housing and Communities", "the Office of Local Government"],
)
def test_misnamings_are_found(value):
    assert findings_of(with_answer(f"|\n      The plan was {value}."), rule.ID), value


@pytest.mark.parametrize(
    "value",
    [
        "sent to the Ministry of Housing, Communities and Local Government (MHCLG)",
        "sent to DLUHC",
        "sent to the Department for Levelling Up, Housing and Communities",
        "written under the Equality Act 2010 and the public sector equality duty",
        "reviewed by the Office for Local Government (Oflog)",
        "sent to the DCLG in 2015",
        "shared with the MASH and DHSC",
    ],
)
def test_right_names_pass(value):
    assert findings_of(with_answer(f"|\n      The plan was {value}."), rule.ID) == [], value


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
