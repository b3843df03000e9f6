"""Each completeness rule, shown passing and failing on real YAML checked by the real checker.

The complete fixture passes every rule; each test breaks one thing.
"""

from __future__ import annotations

import pytest

from plan_helpers import at, complete_plan, drop, findings

from plantool.check.rules import RULE_MODULES, load_rules


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


# -- unanswered ------------------------------------------------------------
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


# -- not-available ---------------------------------------------------------
def test_not_available_is_info_not_a_gap():
    data = at(complete_plan(), "disclosures.edi.spend", {"not_available": "EDI spend is not coded separately"})
    result = findings(data)
    assert [(f.rule, f.severity) for f in result] == [("not-available", "info")]
    assert "not coded separately" in result[0].message


# -- placeholder -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Savings of TBC are expected.",
        "We will report this TBD.",
        "Figures [insert figure] here.",
        "This section will be updated after Cabinet.",
        "Lorem ipsum dolor sit amet.",
        "Savings of £XXm are planned.",
        "We plan to TODO finish this.",
    ],
)
def test_placeholder_fails(text):
    data = at(complete_plan(), "themes.transformation.future_plans", text)
    [finding] = findings(data, "placeholder")
    assert finding.path == "themes.transformation.future_plans"


@pytest.mark.parametrize("text", ["We review the X-ray contract.", "The box was 20xx10 cm.", "Totals are confirmed."])
def test_placeholder_passes_ordinary_text(text):
    data = at(complete_plan(), "themes.transformation.future_plans", text)
    assert findings(data, "placeholder") == []


# -- empty-label -------------------------------------------------------------
@pytest.mark.parametrize("bullet", ["- **Capital funding** –", "- Capital funding:", "- **Capital funding:**"])
def test_empty_label_fails(bullet):
    text = f"Our barriers:\n\n{bullet}\n- **Revenue:** grants are one-off.\n"
    data = at(complete_plan(), "themes.transformation.future_plans", text)
    [finding] = findings(data, "empty-label")
    assert "Capital funding" in finding.message


def test_empty_label_passes_full_bullets():
    text = "- **Capital funding** – one-off grants cannot pay running costs.\n- Revenue: grants end in March.\n"
    assert findings(at(complete_plan(), "themes.transformation.future_plans", text), "empty-label") == []


# -- percentage-mismatch -----------------------------------------------------
def test_percentage_mismatch_fails_and_rounding_passes():
    data = at(complete_plan(), "disclosures.agency_staff.share.percent", 2.5)
    [finding] = findings(data, "percentage-mismatch")
    assert finding.path == "disclosures.agency_staff.share.percent" and "1.5%" in finding.message
    # 0.04 written for 8,000 / 20,000,000 = 0.04% exactly; 0.0412% written as 0.04 is within rounding.
    data = at(complete_plan(), "disclosures.facility_time.cost", 8240)
    assert findings(data, "percentage-mismatch") == []
    data = at(complete_plan(), "disclosures.facility_time.cost", 10000)
    assert [f.path for f in findings(data, "percentage-mismatch")] == ["disclosures.facility_time.percent_of_pay_bill"]


def test_percentage_not_checked_without_all_three():
    data = drop(complete_plan(), "disclosures.agency_staff.share.base_amount")
    data = at(data, "disclosures.agency_staff.share.percent", 9.0)
    assert findings(data, "percentage-mismatch") == []


# -- percent-range -----------------------------------------------------------
def test_percent_range():
    data = at(complete_plan(), "disclosures.facility_time.paid_activities_percent", 140)
    [finding] = findings(data, "percent-range")
    assert "outside 0 to 100" in finding.message
    assert findings(at(complete_plan(), "disclosures.facility_time.paid_activities_percent", 100), "percent-range") == []


# -- facility-time -----------------------------------------------------------
def test_facility_time_bands_must_sum_to_headcount():
    data = at(complete_plan(), "disclosures.facility_time.time_bands.all", 2)
    [finding] = findings(data, "facility-time")
    assert "add up to 6" in finding.message and finding.severity == "error"


def test_facility_time_fte_cannot_exceed_headcount():
    data = at(complete_plan(), "disclosures.facility_time.officials.fte", 4.5)
    [finding] = findings(data, "facility-time")
    assert finding.path == "disclosures.facility_time.officials.fte"


def test_facility_time_rate_unusual_and_typo():
    data = complete_plan()
    data["disclosures"]["facility_time"].update(cost=50000, percent_of_pay_bill=0.25)
    [unusual] = findings(data, "facility-time")
    assert unusual.severity == "warning" and "unusually high" in unusual.message
    data["disclosures"]["facility_time"].update(cost=800000, percent_of_pay_bill=4)
    [typo] = findings(data, "facility-time")
    assert "did you mean 0.04%" in typo.message


# -- gss-code-type -----------------------------------------------------------
def test_gss_code_prefix_must_suit_type():
    data = at(complete_plan(), "council.type", "county")
    [finding] = findings(data, "gss-code-type")
    assert "E10" in finding.message and finding.path == "council.gss_code"
    data = at(data, "council.gss_code", "E10000007")
    assert findings(data, "gss-code-type") == []


# -- approval-record / publication-url / approval-date ------------------------
def test_approved_plan_needs_approval_record():
    data = drop(complete_plan(), "plan.approval")
    found = findings(data, "approval-record")
    assert {f.path for f in found} == {"plan.approval.body", "plan.approval.date"}
    assert findings(at(data, "plan.status", "draft"), "approval-record") == []


def test_published_plan_needs_url():
    data = at(complete_plan(), "plan.status", "published")
    [finding] = findings(data, "publication-url")
    assert finding.severity == "error"
    data = at(data, "plan.publication_url", "https://www.example.gov.uk/plan")
    assert findings(data, "publication-url") == []


def test_approval_date_in_future_or_impossible():
    data = at(complete_plan(), "plan.approval.date", "2999-01-01")
    [finding] = findings(data, "approval-date")
    assert "future" in finding.message
    data = at(complete_plan(), "plan.approval.date", "2025-02-30")
    [finding] = findings(data, "approval-date")
    assert "not a real date" in finding.message


def test_approval_date_check_uses_today():
    import datetime as dt

    from plan_helpers import to_yaml

    from plantool.plan import loader as document
    from plantool.check.rules import Context, approval_date
    from plantool.plan.schema import load_schema

    data = at(complete_plan(), "plan.approval.date", "2025-07-10")
    ctx = Context(document.parse(to_yaml(data)), load_schema())
    assert list(approval_date.check(ctx, today=dt.date(2025, 7, 9)))
    assert not list(approval_date.check(ctx, today=dt.date(2025, 7, 10)))


# -- link-text / link-scheme -----------------------------------------------
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


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///S:/plan.docx", "data:text/html,hi", "ftp://x.gov.uk/a"])
def test_link_scheme_refuses_other_schemes(url):
    data = at(complete_plan(), "themes.transformation.future_plans", f"See [the savings plan]({url}).")
    [finding] = findings(data, "link-scheme")
    assert finding.severity == "error"


# -- plan-length -------------------------------------------------------------
def test_plan_length_warns_with_word_count_and_pages():
    long_text = "\n\n".join(["Our council has changed how it works in many ways over the years. " * 10] * 20)
    data = at(complete_plan(), "themes.transformation.organisational_change", long_text)
    [finding] = findings(data, "plan-length")
    assert "words" in finding.message and "pages" in finding.message and finding.severity == "warning"


def test_unmapped_content_is_a_gap_until_moved():
    data = at(complete_plan(), "unmapped", [{"source": "Background, paragraph 2", "text": "We closed two offices."}])
    [finding] = findings(data, "unmapped-content")
    assert finding.severity == "error" and "Background, paragraph 2" in finding.message
    draft = at(data, "plan.status", "draft")
    assert [f.severity for f in findings(draft, "unmapped-content")] == ["warning"]
    assert findings(at(complete_plan(), "unmapped", []), "unmapped-content") == []
