"""Every place the schema gained reaches the published plan, where Cabinet expects it, in the schema's words.

Built from tests/fixtures/every-place.plan.yaml, which fills each new place:
the title block's dates, reference, telephone and address; the foreword and
its signatories; savings of each type and span; funding; an initiative that is
only a sentence; a theme's own sections; the further topics; other sections;
related documents and an amendment. Expectations come from the schema's
titles and labels, and from the plan data, never from copied output.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from conftest import FIXTURES

from plantool.export.docx.writer import build
from plantool.plan import loader, richtext
from plantool.plan.schema import load_schema
from plantool.publish import labels
from plantool.publish.build import build_plan
from plantool.publish.model import BulletList, Paragraph, Table
from plantool.publish.values import value_text

SCHEMA = load_schema()
EVERY_PLACE = FIXTURES / "every-place.plan.yaml"


@pytest.fixture(scope="module")
def data() -> dict:
    return loader.load(EVERY_PLACE).data


@pytest.fixture(scope="module")
def plan(data):
    return build_plan(SCHEMA, data, draft=False)


def title(*path) -> str:
    return SCHEMA.node_at(path)["title"]


def section_at(plan, path: tuple):
    return next(s for s in plan.walk() if s.path == path)


def words_of(blocks) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append("".join(span.text for span in block.spans))
        elif isinstance(block, BulletList):
            out.extend("".join(span.text for span in item) for item in block.items)
        elif isinstance(block, Table):
            out.extend(cell.text for row in block.rows for cell in row.cells)
    return " ".join(out)


def table_in(section) -> Table:
    return next(b for b in section.blocks if isinstance(b, Table))


def cell(table: Table, row: int, key: str):
    return table.rows[row].cells[[c.key for c in table.columns].index(key)]


# -- where each part goes -----------------------------------------------------------------


def test_the_order_cabinet_reads(plan):
    top = [s.path for s in plan.sections]
    order = [("plan", "foreword"), ("plan", "introduction"), *[("themes", k) for k, _ in SCHEMA.themes()]]
    order += [("topics", k) for k in SCHEMA.node_at(("topics",))["properties"]]
    order += [("other_sections", 0), ("disclosures",), ("plan", "related_documents"), ("plan", "amendments")]
    assert top == order
    assert [e.title for e in plan.contents.entries] == [s.title for s in plan.sections]


def test_the_foreword_comes_first_with_its_signatories_named_in_bold(plan, data):
    foreword = section_at(plan, ("plan", "foreword"))
    assert foreword.title == title("plan", "foreword") and foreword.level == 1
    text, *signed = foreword.blocks
    assert "".join(s.text for s in text.spans) == data["plan"]["foreword"]["text"]
    for block, person in zip(signed, data["plan"]["foreword"]["signatories"], strict=True):
        assert [(s.text, s.bold) for s in block.spans] == [(person["name"], True), (labels.SIGNATORY_ROLE.format(role=person["role"]), False)]


def test_a_themes_own_sections_follow_its_prompts_and_tables_under_the_councils_heading(plan, data):
    theme = section_at(plan, ("themes", "transformation"))
    own = data["themes"]["transformation"]["sections"][0]
    last = theme.sections[-1]
    assert last.path == ("themes", "transformation", "sections", 0) and last.level == 2
    assert last.title == own["title"] and last.anchor == "transformation-sections-1"
    assert [s.path[-1] for s in theme.sections[:-1]][-2:] == ["initiatives", "measures"]  # after the prompts and tables
    text, table = last.blocks
    assert "".join(s.text for s in text.spans) == own["text"]
    assert [c.key for c in table.columns] == ["status", "description"]  # only what the items fill
    assert table.rows[0].cells[1].text == own["initiatives"][0]["description"]
    (sub,) = last.sections  # its sub-section, one level down
    assert (sub.title, sub.level, sub.anchor) == (own["sections"][0]["title"], 3, "transformation-sections-1-sections-1")
    assert words_of(sub.blocks) == own["sections"][0]["text"]


def test_a_themes_own_heading_stands_beside_its_title(plan, data):
    theme = section_at(plan, ("themes", "reducing_wasteful_spend"))
    own = data["themes"]["reducing_wasteful_spend"]["heading"]
    assert theme.title == labels.TITLE_WITH_OWN_HEADING.format(title=title("themes", "reducing_wasteful_spend"), heading=own)
    assert theme.anchor == "reducing-wasteful-spend"  # anchors come from the schema's keys, whatever the heading


def test_further_topics_and_other_sections_come_after_the_themes_with_their_parts(plan, data):
    income = section_at(plan, ("topics", "income_generation"))
    assert income.title == title("topics", "income_generation") and income.level == 1
    assert [s.title for s in income.sections] == [title("topics", "income_generation", k) for k in ("overview", "items")]
    assets = section_at(plan, ("topics", "assets_and_estates"))
    treasury = assets.sections[-1]
    assert treasury.title == title("topics", "assets_and_estates", "treasury_management")
    assert words_of(treasury.blocks) == data["topics"]["assets_and_estates"]["treasury_management"]
    other = section_at(plan, ("other_sections", 0))
    assert other.title == data["other_sections"][0]["title"] and other.level == 1 and other.anchor == "other-sections-1"


def test_related_documents_and_amendments_close_the_plan_as_tables(plan, data):
    related = table_in(section_at(plan, ("plan", "related_documents")))
    document = data["plan"]["related_documents"][0]
    address = cell(related, 0, "url")
    assert address.text == document["url"] and address.blocks[0].spans[0].url == document["url"]  # printed, and linked
    assert cell(related, 0, "title").text == document["title"]
    amendments = table_in(section_at(plan, ("plan", "amendments")))
    assert [c.title for c in amendments.columns] == [title("plan", "amendments", 0, k) for k in ("date", "by", "description")]
    assert cell(amendments, 0, "date").text == "2 September 2025"


# -- the title block ----------------------------------------------------------------------


def test_the_title_block_has_every_new_fact_in_the_schemas_words(plan, data):
    facts = {f.key: f for f in plan.facts}
    sentence = {key: "".join(s.text for s in fact.sentence) for key, fact in facts.items()}
    assert list(facts) == [
        "period", "status", "approval", "reference", "submitted_on", "decision_record", "decision_notes", "publication",
        "published_on", "last_updated", "next_review", "contact", "telephone", "address", "cost",
    ]
    approval = data["plan"]["approval"]
    assert sentence["reference"] == f"{title('plan', 'approval', 'reference')}: {approval['reference']}"
    assert sentence["decision_record"] == f"{title('plan', 'approval', 'url')}: {approval['url']}"  # printed, for paper
    assert facts["decision_record"].sentence[-1].url == approval["url"]  # and linked, for a screen
    assert sentence["decision_notes"] == f"{title('plan', 'approval', 'notes')}: {approval['notes']}"
    for key, shown in (("submitted_on", "18 July 2025"), ("published_on", "21 July 2025"), ("last_updated", "2 September 2025"), ("next_review", "1 July 2026")):
        assert sentence[key] == f"{title('plan', key)}: {shown}" and facts[key].value == data["plan"][key] and facts[key].short
    assert sentence["telephone"] == f"{labels.TELEPHONE}: {data['plan']['contact']['telephone']}"
    assert sentence["address"] == f"{labels.ADDRESS}: Civic Offices, Civic Way, Swadlincote DE11 0AH"  # its lines, on one line
    assert not facts["contact"].short and facts["telephone"].short and facts["address"].short


def test_short_facts_share_a_line_with_their_neighbours_only(plan):
    from plantool.export.docx.writer import fact_lines

    lines = [[f.key for f in line] for line in fact_lines(plan.facts)]
    assert lines == [
        ["period", "status"], ["approval"], ["reference", "submitted_on"], ["decision_record"], ["decision_notes"], ["publication"],
        ["published_on", "last_updated", "next_review"], ["contact"], ["telephone", "address"], ["cost"],
    ]


# -- money in words -----------------------------------------------------------------------


def test_savings_state_their_type_and_span(plan):
    initiatives = table_in(section_at(plan, ("themes", "transformation", "initiatives")))
    assert cell(initiatives, 0, "savings").text == (
        "£1,485,000 achieved, cashable saving, 2024/25" + labels.LIST_SEPARATOR + "£42,000,000 planned over 10 years"
        + labels.LIST_SEPARATOR + "£3,500,000 required, 2027/28"
    )
    assert cell(initiatives, 2, "savings").text == "£40,000 planned a year, cost avoidance, since 2025/26"
    partnerships = table_in(section_at(plan, ("topics", "partnerships", "items")))
    assert cell(partnerships, 0, "savings").text == "£300,000 achieved a year"


def test_funding_is_shown_with_its_source_and_year(plan):
    initiatives = table_in(section_at(plan, ("themes", "transformation", "initiatives")))
    assert "funding" in [c.key for c in initiatives.columns]
    assert cell(initiatives, 2, "funding").text == "£250,000 from Public Sector Decarbonisation Scheme, 2024/25"


def test_an_income_lines_amount_carries_its_span_and_its_labels_read_as_words(plan):
    income = table_in(section_at(plan, ("topics", "income_generation", "items")))
    keys = [c.key for c in income.columns]
    assert "span" not in keys and "years" not in keys
    assert cell(income, 0, "amount").text == "£1,200,000 a year" and cell(income, 0, "amount").value == 1200000
    assert cell(income, 1, "amount").text == "£5,000,000 over 5 years"
    assert cell(income, 0, "source").text == "Fees and charges" and cell(income, 1, "kind").text == "Target"


def test_an_initiative_given_only_as_a_sentence_shows_its_sentence(plan, data):
    initiatives = table_in(section_at(plan, ("themes", "transformation", "initiatives")))
    sentence = data["themes"]["transformation"]["initiatives"][1]
    assert "name" not in sentence
    assert cell(initiatives, 1, "name").text == "" and cell(initiatives, 1, "description").text == sentence["description"]


# -- nothing dropped ------------------------------------------------------------------------

NOT_PRINTED = {("schema_version",), ("council", "type"), ("council", "gss_code")}  # the file's facts, not the plan's words


def shown_forms(value, node) -> list[str]:
    """How a leaf value may read in the published plan."""
    if isinstance(value, str) and node and node.get("x-plantool-format") == "text":
        return [richtext.plain(value)]
    lines = labels.ADDRESS_LINE_SEPARATOR.join(line for line in str(value).splitlines() if line.strip())  # an address, on one line
    return [value_text(SCHEMA, value, node), str(value), lines]


def test_every_value_in_the_plan_reaches_the_published_plan(plan, data):
    everything = " ".join(
        [plan.title, plan.subtitle or ""]
        + ["".join(s.text for s in f.sentence) + " " + " ".join(s.url or "" for s in f.sentence) for f in plan.facts]
        + [s.title + " " + words_of(s.blocks) for s in plan.walk()]
        + [span.url or "" for s in plan.walk() for b in s.blocks if isinstance(b, Table) for r in b.rows for c in r.cells for p in c.blocks for span in getattr(p, "spans", ())]
    )
    flat = " ".join(everything.split()).lower()
    missing = []
    for path, value, node in SCHEMA.walk_data(data):
        if isinstance(value, (dict, list)) or value is None or path[:2] in NOT_PRINTED or path[:1] in NOT_PRINTED:
            continue
        if path[-1] == "span" and isinstance(path[-2], int) and "years" in get_in(data, path[:-1]):
            continue  # 'over 10 years' says the span
        if not any(" ".join(form.split()).lower() in flat for form in shown_forms(value, node)):
            missing.append((path, value))
    assert missing == []


def get_in(data, path):
    for part in path:
        data = data[part]
    return data


# -- the Word document ----------------------------------------------------------------------


def test_the_word_document_draws_every_new_place(data, plan):
    buffer = io.BytesIO()
    build(SCHEMA, data, draft_mark=False).save(buffer)
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    texts = [p.text for p in document.paragraphs]
    for line in ("Decision reference: Minute 41/25 · Date submitted to government: 18 July 2025",
                 "Date published: 21 July 2025 · Last updated: 2 September 2025 · Next review: 1 July 2026",
                 "Telephone: 01283 595795 · Address: Civic Offices, Civic Way, Swadlincote DE11 0AH"):
        assert line in texts
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [s.title for s in plan.walk()]
    signed = next(p for p in document.paragraphs if p.text.startswith("A. Leader"))
    assert signed.runs[0].bold and signed.runs[0].text == "A. Leader"
    rels = {rel.target_ref for rel in document.part.rels.values() if rel.is_external}
    assert data["plan"]["related_documents"][0]["url"] in rels
    assert len(document.tables) == sum(1 for s in plan.walk() for b in s.blocks if isinstance(b, Table))


# -- back through the importer ------------------------------------------------------------


def exported_and_imported(data, tmp_path: Path) -> dict:
    from plantool.importer.assembly import import_plan

    from plantool.export import EXPORT_MARK

    out = tmp_path / "every-place.docx"
    build(SCHEMA, data, draft_mark=True, marker=EXPORT_MARK + "every-place.plan.yaml").save(out)  # as `plantool export` marks it
    return import_plan(out, SCHEMA).data


def test_the_new_title_facts_lists_and_topics_come_back_through_the_importer(data, tmp_path):
    got = exported_and_imported(data, tmp_path)
    plan, want = got["plan"], data["plan"]
    for key in ("submitted_on", "published_on", "last_updated", "next_review", "related_documents", "amendments"):
        assert plan[key] == want[key], key
    for key in ("reference", "url", "notes"):
        assert plan["approval"][key] == want["approval"][key], key
    assert {k: v for k, v in plan["contact"].items() if k != "address"} == {k: v for k, v in want["contact"].items() if k != "address"}
    assert plan["contact"]["address"].split(", ") == want["contact"]["address"].split("\n")[:-1]  # printed on one line
    assert got["themes"]["transformation"]["initiatives"][:3] == data["themes"]["transformation"]["initiatives"]
    assert got["themes"]["reducing_wasteful_spend"]["heading"] == data["themes"]["reducing_wasteful_spend"]["heading"]
    for topic, values in data["topics"].items():
        assert {k: v for k, v in got["topics"][topic].items() if v is not None} == values, topic


def test_the_foreword_and_own_sections_come_back_through_the_importer(data, tmp_path):
    got = exported_and_imported(data, tmp_path)
    assert got["plan"].get("foreword") == data["plan"]["foreword"]
    assert got["plan"]["introduction"] == data["plan"]["introduction"]
    assert got["themes"]["transformation"].get("sections") == data["themes"]["transformation"]["sections"]
    assert got.get("other_sections") == data["other_sections"]
