"""not-available: a figure declared not available is reported as information, never as a gap."""

from __future__ import annotations

from plan_helpers import at, complete_plan, findings
from rule_case import assert_findings, examples, findings_of, fixture_with, whole_plan

from plantool.check.rules import not_available as rule


def test_docstring_pass_example_is_reported_as_info_at_its_place():
    [example] = [e for e in examples(rule) if e.verdict == "PASS"]
    merged = whole_plan(example.text)
    found = findings_of(merged.text, rule.ID)
    assert found and all(f.severity == "info" and f.line in merged.place for f in found), found
    assert findings_of(merged.text, "unanswered") == []  # an honest answer, not a gap


def test_docstring_says_there_is_no_fail_and_the_gap_goes_to_unanswered():
    [fail] = [e for e in examples(rule) if e.verdict == "FAIL"]
    assert fail.prose and fail.text.startswith("nothing")
    silent = fixture_with(("    staff_time: 30 minutes per new starter\n", ""))
    assert findings_of(silent, rule.ID) == [] and findings_of(silent, "unanswered")


def test_flow_and_block_declarations_point_at_the_declaration():
    flow = fixture_with(("    spend: 2500", "    spend: {not_available: EDI spend is not coded separately}"))
    assert_findings(flow, rule.ID, (54, 12))
    block = fixture_with(("    spend: 2500", "    spend:\n      not_available: EDI spend is not coded separately"))
    assert_findings(block, rule.ID, (55, 7))


def test_not_available_is_info_not_a_gap():
    data = at(complete_plan(), "disclosures.edi.spend", {"not_available": "EDI spend is not coded separately"})
    result = findings(data)
    assert [(f.rule, f.severity) for f in result] == [("not-available", "info")]
    assert "not coded separately" in result[0].message
