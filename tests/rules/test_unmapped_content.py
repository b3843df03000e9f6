"""unmapped-content: text brought in by `plantool import docx` that has not been placed in the plan yet."""

from __future__ import annotations

import pytest
from plan_helpers import at, complete_plan, findings
from rule_case import COMPLETE_TEXT, assert_findings, check_example, docstring_cases

from plantool.check.rules import unmapped_content as rule


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_each_item_is_reported_at_the_item():
    text = COMPLETE_TEXT + "unmapped:\n  - source: Background, paragraph 2\n    text: We closed two offices.\n  - {source: Annex, text: A table}\n"
    assert_findings(text, rule.ID, (79, 5), (81, 5))


def test_unmapped_content_is_a_gap_until_moved():
    data = at(complete_plan(), "unmapped", [{"source": "Background, paragraph 2", "text": "We closed two offices."}])
    [finding] = findings(data, "unmapped-content")
    assert finding.severity == "error" and "Background, paragraph 2" in finding.message
    draft = at(data, "plan.status", "draft")
    assert [f.severity for f in findings(draft, "unmapped-content")] == ["warning"]
    assert findings(at(complete_plan(), "unmapped", []), "unmapped-content") == []


def test_a_section_imported_into_the_introduction_is_pointed_at():
    intro = "This plan looks ahead.\n\n**3) Managing our spending**\n\nEvery order is checked.\n\nVacancies are reviewed.\n\n**Contact**\n"
    data = at(complete_plan(), "plan.introduction", intro)
    [finding] = findings(data, "unmapped-content")
    assert finding.severity == "warning"  # a council may head parts of its introduction; the import often does
    assert "'3) Managing our spending' (7 words)" in finding.message and "Introduction" in finding.message
    assert findings(at(complete_plan(), "plan.introduction", "**Welcome** to our plan.\n\nIt is short."), "unmapped-content") == []


def test_the_heading_line_is_where_the_finding_points():
    text = COMPLETE_TEXT.replace("plan:\n", "plan:\n  introduction: |\n    Opening words.\n\n    **Our assets**\n\n    Two depots were sold.\n", 1)
    line = text.splitlines().index("    **Our assets**") + 1
    assert_findings(text, rule.ID, (line, 5))
