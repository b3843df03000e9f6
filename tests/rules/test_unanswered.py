"""unanswered: a theme prompt or disclosure question with no answer yet."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, drop, findings
from rule_case import assert_findings, check_example, docstring_cases, fixture_with

from plantool.check.rules import unanswered as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_placeholder_answer_points_at_the_value():
    text = fixture_with(("measuring_productivity: We compare unit costs with similar districts every quarter.", "measuring_productivity: TODO"))
    assert_findings(text, rule.ID, (25, 29))


def test_missing_prompt_points_at_the_theme_where_it_belongs():
    text = fixture_with(("    measuring_productivity: We compare unit costs with similar districts every quarter.\n", ""))
    [finding] = assert_findings(text, rule.ID, (19, 3))
    assert finding.path == "themes.transformation.measuring_productivity"


def test_empty_figure_points_at_its_key():
    assert_findings(fixture_with(("    spend: 2500\n", "    spend:\n")), rule.ID, (54, 5))


def test_barrier_without_effect_or_ask_points_at_the_item():
    text = fixture_with(("        effect: We cannot plan investment beyond one year.\n        government_action: Return to multi-year funding settlements.\n", ""))
    assert_findings(text, rule.ID, (47, 9), (47, 9))


def test_unanswered_prompt_is_a_warning_in_a_draft_and_an_error_when_approved():
    data = at(complete_plan(), "themes.transformation.measuring_productivity", "TODO")
    [approved] = findings(data, "unanswered")
    assert approved.severity == "error"
    assert "How we measure productivity" in approved.message
    assert approved.path == "themes.transformation.measuring_productivity"
    data = at(data, "plan.status", "draft")
    [draft] = findings(data, "unanswered")
    assert draft.severity == "warning"


def test_unanswered_disclosure_question_and_empty_string():
    data = at(complete_plan(), "disclosures.consultants.reasons", "   ")
    drop(data, "disclosures.agency_staff.spend")
    found = {f.path for f in findings(data, "unanswered")}
    assert found == {"disclosures.consultants.reasons", "disclosures.agency_staff.spend"}


def test_missing_section_is_reported_once():
    data = drop(complete_plan(), "themes.technology_and_data")
    [finding] = findings(data, "unanswered")
    assert "section missing" in finding.message and "3 question" in finding.message


def test_combined_agency_and_consultants_figure_covers_the_separate_ones():
    data = complete_plan()
    for key in ("spend", "share", "workers_over_12_months"):
        drop(data, f"disclosures.agency_staff.{key}")
    assert {f.path for f in findings(data, "unanswered")} == {
        "disclosures.agency_staff.spend",
        "disclosures.agency_staff.share",
        "disclosures.agency_staff.workers_over_12_months",
    }
    for key in ("spend", "share"):
        drop(data, f"disclosures.consultants.{key}")
    data["disclosures"]["agency_and_consultants"] = {
        "period": "2024/25",
        "share": {"percent": 2.1, "of": "pay_bill"},
        "workers_over_12_months": 3,
    }
    assert findings(data, "unanswered") == []


def test_barrier_without_effect_or_ask():
    data = complete_plan()
    data["themes"]["barriers"]["items"].append({"barrier": "Competitive bidding"})
    found = findings(data, "unanswered")
    assert {f.path for f in found} == {
        "themes.barriers.items[1].effect",
        "themes.barriers.items[1].government_action",
    }
    assert all("Competitive bidding" in f.message for f in found)
