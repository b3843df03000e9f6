"""The published plan model: what every output (Word now, HTML and diff next) says, and in what order.

Built from every example plan, the complete fixture and the fixture that fills
every place in the schema, and checked against the schema, the plan data and
`check` itself, never against copied expectations.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLES, FIXTURES, REPO
from plan_helpers import complete_plan, findings

from plantool.export.docx.writer import build, write
from plantool.plan import loader
from plantool.plan.questions import is_blank
from plantool.plan.schema import Schema, load_schema
from plantool.publish import labels
from plantool.publish.build import build_plan
from plantool.publish.model import FIGURES, NOTE, RECORDS, BulletList, Paragraph, PublishedPlan, Span, Table
from plantool.publish.tables import SHOWN_WITH_AMOUNT
from plantool.publish.values import amount_key, value_text

SCHEMA = load_schema()
PLANS = sorted(EXAMPLES.glob("*.plan.yaml")) + [FIXTURES / "complete.plan.yaml", FIXTURES / "every-place.plan.yaml"]
# Where each part of the plan comes, by the first key of its data path (the plan's own
# parts come twice: foreword and introduction first, related documents and amendments last).
ORDER = ("foreword", "introduction", "themes", "topics", "other_sections", "disclosures", "related_documents", "amendments")


def plan_data(path: Path) -> dict:
    return loader.load(path).data


def models(path: Path) -> tuple[PublishedPlan, PublishedPlan]:
    """(draft, final) for one plan."""
    data = plan_data(path)
    return build_plan(SCHEMA, data, draft=True), build_plan(SCHEMA, data, draft=False)


def get_in(data, path):
    for part in path:
        data = data[part]
    return data


def tables(plan: PublishedPlan):
    for section in plan.walk():
        for block in section.blocks:
            if isinstance(block, Table):
                yield section, block


def is_own_section(path: tuple) -> bool:
    """A section of the council's own (its heading is the council's words, not the schema's)."""
    return isinstance(path[-1], int)


def place(path: tuple) -> str:
    return path[1] if path[0] == "plan" else path[0]


def expected_level(path: tuple) -> int:
    """1 for the plan's own parts, themes, topics and other sections; 2 for what is inside them; disclosures nest by path.

    A sub-section of the council's own sits one level below its section.
    """
    below = sum(1 for part in path if isinstance(part, int)) - 1 if is_own_section(path) else 0
    if path[0] in ("plan", "other_sections"):
        return 1 + below
    if path[0] == "disclosures":
        return len(path)
    return (1 if len(path) == 2 else 2) + below


@pytest.fixture(params=PLANS, ids=lambda p: p.name)
def plan_path(request) -> Path:
    return request.param


# -- order, headings, anchors --------------------------------------------------------------


def test_themes_come_in_schema_order_between_the_front_matter_and_the_disclosures(plan_path):
    data = plan_data(plan_path)
    for plan in models(plan_path):
        top = [section.path for section in plan.sections]
        themes = [path for path in top if path[0] == "themes"]
        assert themes == [("themes", key) for key, _ in SCHEMA.themes()]
        assert top == sorted(top, key=lambda path: ORDER.index(place(path)))  # foreword, intro, themes, topics, …
        has_intro = not is_blank((data.get("plan") or {}).get("introduction"))
        assert (("plan", "introduction") in top) == has_intro
        topics = [path[1] for path in top if path[0] == "topics"]
        assert topics == [key for key in SCHEMA.node_at(("topics",))["properties"] if key in topics]
        assert [path for path in top if path[0] == "other_sections"] == [
            ("other_sections", i) for i, _ in enumerate(data.get("other_sections") or [])
        ]


def test_every_heading_is_the_schema_title_of_what_it_shows(plan_path):
    data = plan_data(plan_path)
    for plan in models(plan_path):
        for section in plan.walk():
            if is_own_section(section.path):  # the council's own heading, as it wrote it
                assert section.title == get_in(data, section.path)["title"], section.path
            elif section.path[0] == "themes" and len(section.path) == 2 and ((data.get("themes") or {}).get(section.path[1]) or {}).get("heading"):
                own = get_in(data, section.path)["heading"]  # a theme the council heads in its own words too
                assert section.title == labels.TITLE_WITH_OWN_HEADING.format(title=SCHEMA.node_at(section.path)["title"], heading=own)
            else:
                assert section.title == SCHEMA.node_at(section.path)["title"], section.path
            assert section.level == expected_level(section.path), section.path


def test_prompts_and_lists_keep_schema_order_within_a_theme(plan_path):
    draft, _ = models(plan_path)
    for theme in draft.sections:
        if theme.path[0] != "themes":
            continue
        order = list(SCHEMA.object_branch(SCHEMA.node_at(theme.path))["properties"])
        shown = [section.path[2] for section in theme.sections]  # own sections come where the schema puts their list
        assert shown == sorted(shown, key=order.index)


def test_anchors_are_unique_and_made_from_schema_keys(plan_path):
    for plan in models(plan_path):
        anchors = [section.anchor for section in plan.walk()]
        assert len(anchors) == len(set(anchors))
        for section in plan.walk():
            keys = section.path[1:] if section.path[0] in ("themes", "topics", "plan") else section.path
            assert section.anchor == "-".join(str(k + 1) if isinstance(k, int) else k for k in keys).replace("_", "-")
            assert re.fullmatch(r"[a-z][a-z0-9-]*", section.anchor)
        assert [entry.anchor for entry in plan.contents.entries] == [s.anchor for s in plan.sections]


def test_anchors_do_not_change_when_the_schema_rewords_its_titles():
    raw = copy.deepcopy(SCHEMA.raw)

    def reword(node):
        if isinstance(node, dict):
            if isinstance(node.get("title"), str):
                node["title"] = "Reworded " + node["title"]
            for child in node.values():
                reword(child)
        elif isinstance(node, list):
            for child in node:
                reword(child)

    reword(raw)
    data = complete_plan()
    before = build_plan(SCHEMA, data, draft=True)
    after = build_plan(Schema(raw), data, draft=True)
    assert [s.anchor for s in after.walk()] == [s.anchor for s in before.walk()]
    assert all(s.title.startswith("Reworded ") for s in after.walk())  # the titles did follow the schema


# -- draft and final -----------------------------------------------------------------------


def notes(plan: PublishedPlan) -> dict[tuple, list]:
    return {s.path: [b for b in s.blocks if isinstance(b, Paragraph) and b.role == NOTE] for s in plan.walk()}


def noted_places(plan: PublishedPlan) -> set[str]:
    """Dotted paths of every section and figure the plan marks "Not answered yet."."""
    from plantool.plan.schema import dotted

    places = {dotted(path) for path, found in notes(plan).items() if found}
    for _, table in tables(plan):
        places |= {dotted(row.path) for row in table.rows if any(b.role == NOTE for c in row.cells for b in c.blocks if isinstance(b, Paragraph))}
    return places


def test_a_draft_shows_what_check_calls_unanswered_and_a_final_plan_leaves_it_out(plan_path):
    """Every question or section `check` reports unanswered has the note in the draft, at or under its place, and nothing else has."""
    data = plan_data(plan_path)
    draft, final = models(plan_path)
    status = (data.get("plan") or {}).get("status")
    assert draft.draft_banner == (labels.DRAFT_MARK if status == "draft" else labels.DRAFT_ONLY) and final.draft_banner is None
    gaps = {f.path for f in findings(plan_path.read_text(encoding="utf-8"), "unanswered") if "[" not in f.path}  # not a list item's field
    noted = noted_places(draft)
    assert all(any(n == gap or n.startswith(gap + ".") for n in noted) for gap in gaps), (gaps, noted)
    assert all(any(n == gap or n.startswith(gap + ".") for gap in gaps) for n in noted), (gaps, noted)
    for path, found in notes(draft).items():
        assert found in ([], [Paragraph((Span(labels.NOT_ANSWERED),), NOTE)]), path
    only_in_draft = {s.path for s in draft.walk()} - {s.path for s in final.walk()}
    assert {s.path for s in final.walk()} <= {s.path for s in draft.walk()}
    assert all(notes(draft)[path] or any(notes(draft)[p] for p in only_in_draft if p[: len(path)] == path) for path in only_in_draft)
    assert not noted_places(final)


def test_draft_and_final_differ_in_an_example_with_unanswered_prompts():
    draft, final = models(EXAMPLES / "flawed-2025.plan.yaml")
    missing = {s.path for s in draft.walk()} - {s.path for s in final.walk()}
    assert missing and all(notes(draft)[path] for path in missing)
    data = complete_plan()
    data["themes"]["transformation"]["future_plans"] = "TODO"
    data["themes"]["barriers"]["overview"] = None  # not a question: left out of a draft too
    draft = build_plan(SCHEMA, data, draft=True)
    final = build_plan(SCHEMA, data, draft=False)
    assert "transformation-future-plans" in [s.anchor for s in draft.walk()]
    assert "transformation-future-plans" not in [s.anchor for s in final.walk()]
    assert "barriers-overview" not in [s.anchor for s in draft.walk()]


# -- tables and figures --------------------------------------------------------------------


def test_figures_tables_show_every_figure_in_british_form_and_keep_the_raw_value(plan_path):
    data = plan_data(plan_path)
    found = 0
    for section, table in tables(models(plan_path)[0]):
        if table.kind != FIGURES:
            continue
        assert [c.title for c in table.columns] == [labels.FIGURE, labels.VALUE]
        assert table.caption == labels.FIGURES_CAPTION.format(section=section.title)
        for row in table.rows:
            label, figure = row.cells
            if figure.text == labels.NOT_ANSWERED:  # a draft's figure still to answer: nothing to show
                assert figure.value is None and SCHEMA.node_at(row.path)["title"] in label.text
                continue
            assert figure.value == get_in(data, row.path)
            assert figure.text == value_text(SCHEMA, figure.value, SCHEMA.node_at(row.path)) != ""
            assert SCHEMA.node_at(row.path)["title"] in label.text
            if figure.unit == "pounds" and isinstance(figure.value, (int, float)):
                assert re.fullmatch(r"£\d{1,3}(,\d{3})*(\.\d\d)?", figure.text)
            found += 1
    assert found  # every example discloses some figures


def test_every_share_states_its_base(plan_path):
    shares = 0
    for _, table in tables(models(plan_path)[0]):
        for row in table.rows:
            for cell in row.cells:
                if cell.unit == "share" and isinstance(cell.value, dict) and cell.value.get("percent") is not None:
                    branch = SCHEMA.object_branch(SCHEMA.node_at(row.path))
                    bases = SCHEMA.child(branch, "of").get("x-plantool-labels", {})
                    base = bases.get(cell.value.get("of"), labels.UNSTATED_BASE)
                    assert f"% of {base}" in cell.text
                    shares += 1
    if plan_path.name in ("complete.plan.yaml", "derbyshire-2024.plan.yaml", "durham-2024.plan.yaml"):
        assert shares


def test_record_tables_show_only_filled_columns_with_schema_titles(plan_path):
    data = plan_data(plan_path)
    for section, table in tables(models(plan_path)[0]):
        if table.kind != RECORDS:
            continue
        where = table.rows[0].path[:-1]  # the list the table shows: the section's own, or one inside an own section
        records = get_in(data, where)
        item = SCHEMA.object_branch(SCHEMA.child(SCHEMA.node_at(where), 0))
        props = {k: SCHEMA.resolve(v) for k, v in item["properties"].items()}
        with_amount = any(amount_key(props, r) for r in records)  # span and years are shown with the amount
        filled = [k for k in props if any(not is_blank(r.get(k)) for r in records) and not (with_amount and k in SHOWN_WITH_AMOUNT)]
        assert [c.key for c in table.columns] == filled
        assert [c.title for c in table.columns] == [props[k]["title"] for k in filled]
        assert table.caption == SCHEMA.node_at(where)["title"]
        assert [row.path for row in table.rows] == [where + (i,) for i in range(len(records))]
        for row in table.rows:
            assert [cell.value for cell in row.cells] == [get_in(data, row.path).get(k) for k in filled]


def test_columns_say_which_hold_figures():
    draft = build_plan(SCHEMA, complete_plan(), draft=True)
    columns = {(s.anchor, c.key): c.unit for s, t in tables(draft) for c in t.columns}
    assert columns[("transformation-measures", "baseline")] == "number"
    assert columns[("transformation-measures", "baseline_period")] == "year"
    assert columns[("transformation-initiatives", "name")] is None
    units = {row.path[-1]: row.cells[1].unit for s, t in tables(draft) if s.anchor == "disclosures-agency-staff" for row in t.rows}
    assert units == {"period": None, "spend": "pounds", "share": "share", "workers_over_12_months": "count"}


# -- the title block, contents and metadata ------------------------------------------------


def test_title_block_facts_use_the_labels_and_keep_raw_values():
    data = complete_plan()
    data["plan"]["cost_of_producing"] = 12500
    data["plan"]["publication_url"] = "https://www.example.gov.uk/plan"
    plan = build_plan(SCHEMA, data, draft=False)
    facts = {fact.key: fact for fact in plan.facts}
    assert [f.key for f in plan.facts] == ["period", "status", "approval", "publication", "contact", "cost"]
    assert facts["period"].label == labels.PERIOD and facts["period"].value == data["plan"]["period"]
    assert [f.key for f in plan.facts if f.short] == ["period", "status"]
    approval = data["plan"]["approval"]
    assert "".join(s.text for s in facts["approval"].sentence).startswith(f"{labels.APPROVED_BY} {approval['body']} on ")
    assert facts["cost"].spans == (Span("£12,500"),) and facts["cost"].value == 12500
    link = facts["publication"].spans[0]
    assert link.url == "https://www.example.gov.uk/plan" and data["council"]["name"] in link.text
    email = data["plan"]["contact"]["email"]
    assert facts["contact"].sentence[-1] == Span(labels.EMAIL_LINK.format(address=email), url=f"mailto:{email}")
    assert plan.metadata.language == labels.LANGUAGE == "en-GB"
    assert plan.metadata.period == data["plan"]["period"] and data["council"]["name"] in plan.metadata.keywords


def test_links_the_plan_may_not_publish_keep_their_words_only():
    data = complete_plan()
    data["plan"]["introduction"] = "See [our budget](javascript:void) and **[the council](https://example.gov.uk)**."
    intro = build_plan(SCHEMA, data, draft=False).sections[0]
    assert intro.blocks[0].spans == (
        Span("See "), Span("our budget"), Span(" and "), Span("the council", bold=True, url="https://example.gov.uk"), Span("."),
    )


def test_the_model_is_frozen_and_made_of_tuples():
    plan = build_plan(SCHEMA, complete_plan(), draft=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.title = "changed"
    for section in plan.walk():
        assert isinstance(section.blocks, tuple) and isinstance(section.sections, tuple)
        for block in section.blocks:
            if isinstance(block, BulletList):
                assert all(isinstance(item, tuple) for item in block.items)
    hash(plan.metadata)


def test_building_the_model_does_not_import_python_docx():
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plantool.plan import loader\n"
        "from plantool.plan.schema import load_schema\n"
        "from plantool.publish.build import build_plan\n"
        f"build_plan(load_schema(), loader.load(Path({str(FIXTURES / 'complete.plan.yaml')!r})).data, draft=True)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", "import json\n" + script], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


# -- the Word writer draws the model, and only the model -----------------------------------


def test_the_word_document_has_the_models_headings_and_contents(plan_path):
    data = plan_data(plan_path)
    for draft in (True, False):
        plan = build_plan(SCHEMA, data, draft=draft)
        buffer = io.BytesIO()
        build(SCHEMA, data, draft_mark=draft).save(buffer)
        document = docx.Document(io.BytesIO(buffer.getvalue()))
        headings = [(int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert headings == [(s.level, s.title) for s in plan.walk()]
        texts = [p.text for p in document.paragraphs]
        assert texts[0] == plan.title and plan.contents.title in texts
        assert (labels.NOT_ANSWERED in texts) == any(notes(plan).values())
        assert len(document.tables) == sum(1 for _ in tables(plan))


def test_the_writer_draws_whatever_the_model_says():
    plan = build_plan(SCHEMA, complete_plan(), draft=True)
    first = plan.sections[0]
    changed = dataclasses.replace(
        plan,
        title="A title only the model has",
        sections=(dataclasses.replace(first, blocks=(Paragraph((Span("in italics", italic=True),)),)), *plan.sections[1:]),
    )
    buffer = io.BytesIO()
    write(changed).save(buffer)
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    assert document.paragraphs[0].text == "A title only the model has"
    run = next(r for p in document.paragraphs for r in p.runs if r.text == "in italics")
    assert run.italic is True


@pytest.mark.parametrize(
    "contact, sentence, spans",
    [
        ({"email": "a@b.gov.uk"}, ["Contact: ", "email a@b.gov.uk"], ["email a@b.gov.uk"]),
        ({"name": "Ann", "role": "Officer"}, ["Contact: Ann, Officer"], ["Ann, Officer"]),
        ({"name": "Ann", "email": "a@b.gov.uk"}, ["Contact: Ann – ", "email a@b.gov.uk"], ["Ann – ", "email a@b.gov.uk"]),
    ],
)
def test_the_contact_fact_reads_well_with_whatever_the_plan_gives(contact, sentence, spans):
    data = complete_plan()
    data["plan"]["contact"] = contact
    fact = next(f for f in build_plan(SCHEMA, data, draft=False).facts if f.key == "contact")
    assert [s.text for s in fact.sentence] == sentence and [s.text for s in fact.spans] == spans
    assert [s.url for s in fact.sentence if s.url] == ([f"mailto:{contact['email']}"] if "email" in contact else [])
