"""publish/labels.py is the one home of the words plantool's export prints and its import reads back.

Proof by change: a process rewords every label before anything else loads,
exports a plan, imports the document, and gets the plan back. If the writer or
the importer kept a copy of any label, that round trip would lose the fact,
table or note behind it; a second process that rewords the labels only after
the importer has loaded shows exactly that loss.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, REPO
from plan_helpers import complete_plan

REWORDED = {
    "PERIOD": "Reporting year",
    "STATUS": "Stage",
    "APPROVED_BY": "Agreed by",
    "PUBLISHED_AT": "Find it at",
    "CONTACT": "Get in touch",
    "TELEPHONE": "Ring us on",
    "ADDRESS": "Write to us at",
    "COST_OF_PRODUCING": "What this plan cost",
    "CONTENTS": "In this plan",
    "NOT_ANSWERED": "Still to be written.",
    "FIGURE": "Measure name",
    "VALUE": "Reading",
}

SCRIPT = """
import json, sys
from pathlib import Path

from plantool.publish import labels

def reword():
    for name, text in json.loads(sys.argv[1]).items():
        setattr(labels, name, text)
    labels.APPROVAL = labels.APPROVED_BY + " " + labels.APPROVAL_DETAIL + "."  # built from APPROVED_BY at import

if sys.argv[3] == "before":
    reword()
import plantool.importer.mapping, plantool.importer.read_docx  # the importer and its vocabulary, loaded
from plantool.importer.assembly import import_plan
if sys.argv[3] == "after":
    reword()
from plantool.export.docx.writer import build
from plantool.plan import loader
from plantool.plan.schema import load_schema

schema = load_schema()
data = loader.load(Path(sys.argv[2])).data
data["plan"]["cost_of_producing"] = 12500
data["plan"]["publication_url"] = "https://www.example.gov.uk/plan"
data["plan"]["contact"].update({"telephone": "01283 595795", "address": "Civic Offices, Swadlincote"})
data["plan"]["published_on"] = "2025-07-21"
data["themes"]["transformation"]["future_plans"] = None
out = Path(sys.argv[4])
build(schema, data, draft_mark=True).save(out)
result = import_plan(out, schema)
imported = result.data
print(json.dumps({
    "plan": imported["plan"],
    "future_plans": imported["themes"]["transformation"].get("future_plans"),
    "agency_staff": imported["disclosures"]["agency_staff"],
    "unmapped": " ".join(item["text"] for item in imported.get("unmapped") or []),
    "status_seen": result.status_seen,
}))
"""


def round_trip(tmp_path, when: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(REWORDED), str(FIXTURES / "complete.plan.yaml"), when, str(tmp_path / "plan.docx")],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_reworded_labels_are_printed_by_the_writer_and_read_by_the_importer(tmp_path):
    original = complete_plan()
    got = round_trip(tmp_path, "before")
    plan = got["plan"]
    contact = {**original["plan"]["contact"], "telephone": "01283 595795", "address": "Civic Offices, Swadlincote"}
    assert {k: v for k, v in plan["contact"].items() if v is not None} == contact
    assert plan["published_on"] == "2025-07-21"  # printed '21 July 2025', read back as the schema writes it
    assert plan["cost_of_producing"] == 12500
    assert plan["publication_url"] == "https://www.example.gov.uk/plan"
    assert plan["approval"]["body"] == original["plan"]["approval"]["body"]
    assert str(plan["approval"]["date"]) == str(original["plan"]["approval"]["date"])
    assert got["status_seen"] == original["plan"]["status"].capitalize()
    assert got["future_plans"] in (None, "TODO")  # the note under an unanswered prompt is not an answer
    assert got["agency_staff"]["share"] == original["disclosures"]["agency_staff"]["share"]
    for text in REWORDED.values():  # no label was left over as content
        assert text.rstrip(".") not in got["unmapped"]


def test_labels_reworded_behind_the_importers_back_break_the_round_trip(tmp_path):
    """The control: the importer really reads these labels, so changing them under it loses the facts."""
    got = round_trip(tmp_path, "after")
    assert "contact" not in got["plan"] or got["plan"]["contact"] != complete_plan()["plan"]["contact"]
    assert not (got["plan"].get("contact") or {}).get("telephone") and not (got["plan"].get("contact") or {}).get("address")
    assert got["plan"].get("cost_of_producing") != 12500
    assert REWORDED["NOT_ANSWERED"].rstrip(".") in (got["future_plans"] or "") + got["unmapped"]


@pytest.mark.parametrize("name", sorted(REWORDED))
def test_the_importer_vocabulary_holds_the_label_objects_themselves(name):
    from plantool.importer import synonyms
    from plantool.publish import labels

    label = getattr(labels, name)
    phrases = [p for phrases in synonyms.SYNONYMS.values() for p in phrases]
    headers = [cell for row in synonyms.FIGURE_TABLE_HEADERS for cell in row]
    furniture = synonyms.CONTENTS_LABELS + synonyms.UNANSWERED_MARKS
    assert any(p is label for p in phrases) or label.lower() in headers or label.lower().rstrip(".") in furniture
