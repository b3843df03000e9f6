"""What a draft says about itself: the mark on every page, and "Not answered yet." wherever check finds a gap.

The mark must be true: a plan whose status is draft is "not approved"; an
approved or published plan exported as a draft says how many findings it has
to resolve. The notes must show every time: a disclosure section the plan
lacks shows its title and the note however it is missing (no key, an empty
key, an empty mapping, or no disclosures at all), exactly when check counts
its questions as unanswered.
"""

from __future__ import annotations

import io

import docx
import pytest

from plan_helpers import at, complete_plan, drop, findings

from plantool.export.docx.writer import build
from plantool.plan.schema import load_schema
from plantool.publish import labels
from plantool.publish.build import build_plan
from plantool.publish.model import NOTE, Paragraph, Table

SCHEMA = load_schema()
DISCLOSURES = [key for key, _ in SCHEMA.disclosures()]


# -- the draft mark -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status, draft, findings_count, mark",
    [
        ("draft", True, None, labels.DRAFT_MARK),
        ("draft", True, 13, labels.DRAFT_MARK),  # not approved, whatever its findings
        ("approved", True, 13, "DRAFT – 13 findings to resolve"),
        ("published", True, 1, "DRAFT – 1 finding to resolve"),
        ("approved", True, 0, labels.DRAFT_ONLY),  # a clean approved plan marked a draft on request
        ("approved", True, None, labels.DRAFT_ONLY),  # the count unknown: say no more than is true
        ("approved", False, 13, None),
        ("published", False, None, None),
    ],
)
def test_the_draft_mark_says_what_is_true(status, draft, findings_count, mark):
    data = at(complete_plan(), "plan.status", status)
    assert build_plan(SCHEMA, data, draft=draft, findings=findings_count).draft_banner == mark


def test_the_mark_is_worded_from_labels():
    assert labels.plural(labels.DRAFT_FINDINGS, 13) == labels.DRAFT_FINDINGS[1].format(count=13)
    assert labels.plural(labels.DRAFT_FINDINGS, 1) == labels.DRAFT_FINDINGS[0].format(count=1)


def test_an_approved_plan_never_reads_not_approved_above_its_status(tmp_path):
    data = at(complete_plan(), "council.type", "county")  # an error: exported only as a draft
    errors = [f for f in findings(data) if f.severity == "error"]
    buffer = io.BytesIO()
    build(SCHEMA, data, draft_mark=True, findings=len(errors)).save(buffer)
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    header = document.sections[0].header.paragraphs[0].text
    assert header == labels.plural(labels.DRAFT_FINDINGS, len(errors)) and "not approved" not in header
    assert "Status: Approved" in document.paragraphs[2].text


# -- "Not answered yet." --------------------------------------------------------------------


def note_sections(plan) -> dict[tuple, str]:
    return {s.path: s.title for s in plan.walk() if any(isinstance(b, Paragraph) and b.role == NOTE for b in s.blocks)}


def owed(data) -> set[str]:
    """The disclosure sections with a question check reports as unanswered (the section itself, or one of its fields)."""
    return {".".join(f.path.split(".")[:2]) for f in findings(data, "unanswered") if f.path.startswith("disclosures.")}


def missing(data: dict, key: str, how: str) -> dict:
    if how == "no key":
        data["disclosures"].pop(key, None)
        return data
    return at(data, f"disclosures.{key}", None if how == "empty key" else {})


@pytest.mark.parametrize("how", ["no key", "empty key", "empty mapping"])
@pytest.mark.parametrize("key", DISCLOSURES)
def test_a_missing_disclosure_section_shows_the_note_every_time(key, how):
    data = missing(complete_plan(), key, how)
    noted = note_sections(build_plan(SCHEMA, data, draft=True))
    shown = {".".join(path) for path in noted if path[0] == "disclosures"}
    assert shown == owed(data)  # exactly the sections check finds unanswered: a combined figure not given is not asked
    if SCHEMA.node_at(("disclosures", key)).get("x-plantool-covers"):
        assert not shown
    else:  # the section's own title, with the note under it
        assert shown == {f"disclosures.{key}"} and noted[("disclosures", key)] == SCHEMA.node_at(("disclosures", key))["title"]
    assert not note_sections(build_plan(SCHEMA, data, draft=False))


def test_a_plan_with_no_disclosures_at_all_shows_each_section_it_owes():
    data = drop(complete_plan(), "disclosures")
    plan = build_plan(SCHEMA, data, draft=True)
    noted = {path for path in note_sections(plan) if path[0] == "disclosures"}
    assert {".".join(p) for p in noted} == owed(data) and len(noted) == len(DISCLOSURES) - 1  # all but the combined figure
    assert build_plan(SCHEMA, data, draft=False).sections[-1].path[0] != "disclosures"


def test_in_the_word_document_the_missing_section_has_its_heading_and_the_note():
    data = drop(complete_plan(), "disclosures.consultants")
    buffer = io.BytesIO()
    build(SCHEMA, data, draft_mark=True).save(buffer)
    texts = [p.text for p in docx.Document(io.BytesIO(buffer.getvalue())).paragraphs]
    at_title = texts.index(SCHEMA.node_at(("disclosures", "consultants"))["title"])
    assert texts[at_title + 1] == labels.NOT_ANSWERED


def test_a_missing_figure_and_a_missing_narrative_show_in_their_places():
    data = drop(drop(complete_plan(), "disclosures.agency_staff.spend"), "disclosures.agency_staff.reasons")
    plan = build_plan(SCHEMA, data, draft=True)
    agency = next(s for s in plan.walk() if s.path == ("disclosures", "agency_staff"))
    table = next(b for b in agency.blocks if isinstance(b, Table))
    row = next(r for r in table.rows if r.path == ("disclosures", "agency_staff", "spend"))
    assert row.cells[0].text == SCHEMA.node_at(row.path)["title"] and row.cells[1].text == labels.NOT_ANSWERED
    assert [r.path[-1] for r in table.rows] == [k for k in ("period", "spend", "share", "workers_over_12_months")]  # in schema order
    assert ("disclosures", "agency_staff", "reasons") in note_sections(plan)
    final = build_plan(SCHEMA, data, draft=False)
    agency = next(s for s in final.walk() if s.path == ("disclosures", "agency_staff"))
    assert labels.NOT_ANSWERED not in [c.text for b in agency.blocks if isinstance(b, Table) for r in b.rows for c in r.cells]
