"""unanswered: a theme prompt or disclosure question with no answer yet."""

from __future__ import annotations

import pytest
from plan_helpers import at, check_data, complete_plan, drop, findings
from rule_case import COMPLETE_TEXT, assert_copes_with_any_data, assert_findings, check_example, docstring_cases, fixture_with

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


def test_a_barrier_with_its_ask_implied_is_a_suggestion_even_when_approved():
    data = complete_plan()
    data["themes"]["barriers"]["items"].append({"barrier": "Competitive bidding", "effect": "Bids cost us £200,000 a year."})
    [finding] = findings(data, "unanswered")
    assert finding.severity == "info" and finding.path == "themes.barriers.items[1].government_action"
    assert "consider adding 'What government could do'" in finding.message


@pytest.mark.parametrize(
    ("prompt", "status"),
    [("service_improvements", "done"), ("future_plans", "planned"), ("future_plans", "under_way")],
)
def test_a_prompt_answered_by_a_table_of_initiatives_counts_as_answered(prompt, status):
    data = drop(complete_plan(), f"themes.transformation.{prompt}")
    data["themes"]["transformation"]["initiatives"] = [{"description": "Moved the museum to a trust.", "status": status}]
    assert findings(data, "unanswered") == []
    assert check_data(data).answered == check_data(data).questions


def test_initiatives_in_own_sections_and_sub_sections_answer_the_prompt_too():
    data = drop(complete_plan(), "themes.transformation.service_improvements")
    transformation = data["themes"]["transformation"]
    transformation["initiatives"] = [{"name": "Service centre", "status": "planned"}]
    assert [f.path for f in findings(data, "unanswered")] == ["themes.transformation.service_improvements"]
    transformation["sections"] = [{"title": "Stronger communities", "sections": [
        {"title": "What we have done", "initiatives": [{"description": "Handed the museum to a trust.", "status": "done"}]},
    ]}]
    assert findings(data, "unanswered") == []


def test_initiatives_of_another_status_or_theme_do_not_answer_it():
    data = at(complete_plan(), "themes.transformation.service_improvements", None)
    data["themes"]["transformation"]["initiatives"] = [{"name": "Service centre", "status": "planned"}]
    data["themes"]["technology_and_data"]["initiatives"] = [{"name": "New website", "status": "done"}]
    [finding] = findings(data, "unanswered")
    assert "or list the work as initiatives with status done" in finding.message


def test_a_placeholder_is_not_answered_by_a_table():
    data = at(complete_plan(), "themes.transformation.service_improvements", "TODO")
    assert [f.path for f in findings(data, "unanswered")] == ["themes.transformation.service_improvements"]


def test_a_missing_figure_points_at_the_honest_route():
    [finding] = findings(drop(complete_plan(), "disclosures.agency_staff.spend"), "unanswered")
    assert "{not_available: 'the reason'}" in finding.message
    [text_finding] = findings(at(complete_plan(), "disclosures.agency_staff.reasons", ""), "unanswered")
    assert "not_available" not in text_finding.message


def test_text_where_a_figure_belongs_is_reported_once_by_the_schema_with_the_honest_route():
    result = check_data(at(complete_plan(), "disclosures.agency_staff.spend", "N/A"))
    [finding] = result.findings
    assert finding.rule == "schema" and "{not_available: 'the reason'}" in finding.message


def test_a_missing_section_names_its_questions_and_the_key_it_goes_under():
    text = fixture_with(("  consultants:\n    period: 2024/25\n    spend: 120000\n    share: {percent: 0.6, of: pay_bill, base_amount: 20000000}\n    reasons: Specialist valuation advice we do not hold in-house.\n", ""))
    [finding] = assert_findings(text, rule.ID, (50, 1))  # disclosures:
    assert "its 3 questions are unanswered (Spend on consultants; Consultant spend as a share; Why consultants are used)" in finding.message
    assert "add `consultants:` under `disclosures:`" in finding.message


def test_a_section_whose_parent_is_missing_points_where_the_parent_goes():
    themes_end = COMPLETE_TEXT.index("disclosures:\n")
    no_themes = COMPLETE_TEXT[: COMPLETE_TEXT.index("themes:\n")] + COMPLETE_TEXT[themes_end:]
    found = assert_findings(no_themes, rule.ID, *[(18, 1)] * 4)  # disclosures: now on line 18
    assert all("add `themes:` with `" in f.message and "before `disclosures:`" in f.message for f in found)
    no_disclosures = COMPLETE_TEXT[: COMPLETE_TEXT.index("disclosures:\n")]
    last = len(no_disclosures.splitlines())
    found = assert_findings(no_disclosures, rule.ID, *[(last, 1)] * 4)
    assert all("at the end of the file" in f.message for f in found)


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
