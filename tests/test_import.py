"""`plantool import docx`: real Word files in, plan files out, read back with plantool's own loader.

Round trips export every example with `plantool export docx --draft` (and
in-process with plantool.export.docx.writer.build), import the document, and compare
field by field. Layout fixtures (tests/docx_fixtures.py) mimic how councils
format their plans. No mocks: every document is a real .docx on disk.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from conftest import EXAMPLES, run_plantool
from docx_fixtures import build_all
from plan_helpers import all_strings

from plantool.plan import loader as documents
from plantool.plan import richtext
from plantool.export.docx.writer import build
from plantool.publish.values import value_text
from plantool.exit_codes import CLEAN as EXIT_CLEAN, USAGE as EXIT_USAGE
from plantool.importer import figures
from plantool.importer.vocabulary import normalise
from plantool.commands.import_ import default_output, run_import
from plantool.plan.questions import is_blank
from plantool.check.rules.link_scheme import allowed as link_allowed
from plantool.plan.schema import load_schema

SCHEMA = load_schema()
EXAMPLE_PLANS = sorted(EXAMPLES.glob("*.plan.yaml"))


# -- helpers ---------------------------------------------------------------------------


def import_file(source: Path, output: Path | None = None, *, force: bool = False):
    err = io.StringIO()
    code = run_import(str(source), str(output) if output else None, force=force, err=err)
    return code, err.getvalue()


def imported(source: Path, tmp_path: Path) -> tuple[dict, str]:
    out = tmp_path / (source.stem + ".plan.yaml")
    code, log = import_file(source, out, force=True)
    assert code == EXIT_CLEAN, log
    doc = documents.load(out)
    assert not doc.problems, doc.problems
    return doc.data, log


def export_in_process(plan: Path, out: Path) -> dict:
    data = documents.load(plan).data
    build(SCHEMA, data, draft_mark=True).save(out)
    return data


def tokens(text) -> list[tuple[str, bool, str | None]]:
    """Free text as (word, bold, link) triples: layout-independent, markup-aware.

    Links the export refuses (file:, javascript:) are written as plain words, so
    they are expected back as plain words.
    """
    out = []
    for block in richtext.blocks(str(text or "")):
        for item in block.items:
            out.append(("¶" if block.kind == "paragraph" else "•", False, None))
            merged: list[list] = []
            for span in item:
                url = span.url.strip() if span.url is not None and link_allowed(span.url) else None
                if merged and merged[-1][1:] == [span.bold, url]:
                    merged[-1][0] += span.text
                else:
                    merged.append([span.text, span.bold, url])
            for text, bold, url in merged:
                for word in text.split():
                    out.append((word, bold, url))
    return out


def inlined_node(path: tuple) -> dict:
    node = SCHEMA.inlined()
    for part in path:
        if isinstance(part, int):
            node = node["items"]
            continue
        if "properties" not in node:
            branch = next(o for o in node.get("anyOf", []) if "properties" in o and part in o["properties"])
            node = branch
        node = node["properties"][part]
    return node


def valid(value, path: tuple) -> bool:
    return not list(Draft202012Validator(inlined_node(path)).iter_errors(value))


def is_text(path: tuple) -> bool:
    node = SCHEMA.node_at(path) or {}
    return node.get("x-plantool-format") == "text"


def words(text: str) -> str:
    plain = richtext.plain(text) if "\n" in text or "**" in text or "](" in text else text
    return " ".join(re.findall(r"[a-z0-9£%]+", plain.lower()))


# -- comparison, field by field ----------------------------------------------------------


def compare_text(original, got, path, problems):
    if is_blank(original):
        if not is_blank(got):
            problems.append(f"{path}: expected nothing, got {got!r}")
        return
    if tokens(original) != tokens(got):
        problems.append(f"{path}: text differs\n  want {' '.join(w for w, _, _ in tokens(original))}\n  got  {' '.join(w for w, _, _ in tokens(got))}")


def compare_value(original, got, path, problems):
    if original is None:
        return
    node = SCHEMA.node_at(path) or {}
    if isinstance(original, dict) and not {"percent", "not_available"} & set(original):
        for key, value in original.items():
            compare_value(value, (got or {}).get(key) if isinstance(got, dict) else None, path + (key,), problems)
        return
    if valid(original, path):
        same = original == got or (
            isinstance(original, (int, float)) and isinstance(got, (int, float)) and abs(original - got) < 1e-9
        )
        if not same:
            problems.append(f"{path}: want {original!r}, got {got!r}")
    elif value_text(SCHEMA, original, node).strip() != value_text(SCHEMA, got, node).strip():
        problems.append(f"{path}: shown as {value_text(SCHEMA, original, node)!r}, imported as {got!r}")


def compare_records(original: list, got: list, path: tuple, unmapped_text: str, problems):
    expected = [r for r in original or [] if valid(r, path + (0,))]
    for record in original or []:
        if record not in expected:  # a record the schema refuses cannot be a record: its words are kept
            for value in record.values():
                if isinstance(value, str) and words(value) not in words(unmapped_text):
                    problems.append(f"{path}: invalid record {record} not kept under unmapped")
    got = got or []
    if len(expected) != len(got):
        problems.append(f"{path}: {len(expected)} records expected, {len(got)} imported")
        return
    for index, (want, have) in enumerate(zip(expected, got)):
        for key, value in want.items():
            here = path + (index, key)
            if is_blank(value):
                continue
            if is_text(here):
                compare_text(value, have.get(key), here, problems)
            else:
                compare_value(value, have.get(key), here, problems)


def compare_plans(original: dict, got: dict) -> list[str]:
    problems: list[str] = []
    unmapped_text = "\n".join(all_strings(got.get("unmapped") or []))
    council, plan = original.get("council") or {}, original.get("plan") or {}
    if council.get("name") != (got.get("council") or {}).get("name"):
        problems.append(f"council.name: {council.get('name')!r} -> {(got.get('council') or {}).get('name')!r}")
    got_plan = got.get("plan") or {}
    for key in ("title", "period", "cost_of_producing"):
        if plan.get(key) is not None and plan.get(key) != got_plan.get(key):
            problems.append(f"plan.{key}: {plan.get(key)!r} -> {got_plan.get(key)!r}")
    if got_plan.get("status") != "draft":
        problems.append("plan.status: an import is always a draft")
    approval = plan.get("approval") or {}
    if approval.get("body") and approval.get("date"):
        for key in ("body", "date"):
            if str(approval[key]) != str((got_plan.get("approval") or {}).get(key)):
                problems.append(f"plan.approval.{key}: {approval[key]!r} -> {(got_plan.get('approval') or {}).get(key)!r}")
    for key, value in (plan.get("contact") or {}).items():
        if value and value != (got_plan.get("contact") or {}).get(key):
            problems.append(f"plan.contact.{key}: {value!r} -> {(got_plan.get('contact') or {}).get(key)!r}")
    url = plan.get("publication_url")
    if isinstance(url, str) and link_allowed(url) and got_plan.get("publication_url") != url:
        problems.append(f"plan.publication_url: {url!r} -> {got_plan.get('publication_url')!r}")
    compare_text(plan.get("introduction"), got_plan.get("introduction"), ("plan", "introduction"), problems)

    for theme, node in SCHEMA.themes():
        want = (original.get("themes") or {}).get(theme) or {}
        have = (got.get("themes") or {}).get(theme) or {}
        for key, child in SCHEMA.object_branch(node)["properties"].items():
            path = ("themes", theme, key)
            if is_text(path):
                compare_text(want.get(key), have.get(key), path, problems)
            elif isinstance(want.get(key), list):
                compare_records(want[key], have.get(key), path, unmapped_text, problems)

    for section, node in SCHEMA.disclosures():
        want = (original.get("disclosures") or {}).get(section) or {}
        have = (got.get("disclosures") or {}).get(section) or {}
        for key in SCHEMA.object_branch(node)["properties"]:
            path = ("disclosures", section, key)
            if is_text(path):
                compare_text(want.get(key), have.get(key), path, problems)
            else:
                compare_value(want.get(key), have.get(key), path, problems)

    want_links = sorted((l.text, l.url) for s in all_strings(original) for l in richtext.links(s) if link_allowed(l.url))
    got_links = sorted((l.text, l.url) for s in all_strings({k: v for k, v in got.items() if k != "unmapped"}) for l in richtext.links(s))
    if want_links != got_links:
        problems.append(f"links differ: {set(want_links) ^ set(got_links)}")
    return problems


def schema_errors(data: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in SCHEMA.validator().iter_errors(data)]


# -- round trips -------------------------------------------------------------------------


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_round_trip_through_the_cli_export(plan, tmp_path):
    """plantool export docx --draft, then import: every exported field comes back."""
    out = tmp_path / (plan.name.replace(".plan.yaml", ".docx"))
    result = run_plantool("export", "docx", "--draft", plan, "-o", out)
    assert result.returncode == 0, result.stderr
    original = documents.load(plan).data
    got, log = imported(out, tmp_path)
    assert compare_plans(original, got) == []
    assert schema_errors(got) == []


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_the_web_page_export_imports_as_the_word_export_does(plan, tmp_path):
    """export html then import html gives the plan export docx then import docx gives: title block included.

    The page's hgroup is its title and the council's name, its facts list is
    the title block's facts, and the draft mark is left out, as in Word.
    """
    from plantool.commands.import_ import run_import_html

    plans = {}
    for kind in ("docx", "html"):
        exported, back = tmp_path / f"plan.{kind}", tmp_path / f"{kind}.plan.yaml"
        result = run_plantool("export", kind, "--draft", plan, "-o", exported)
        assert result.returncode == 0, result.stderr
        log = io.StringIO()
        code = (import_file(exported, back, force=False)[0] if kind == "docx"
                else run_import_html([str(exported)], str(back), force=False, err=log))
        assert code == EXIT_CLEAN, log.getvalue()
        plans[kind] = documents.load(back).data
    assert plans["html"] == plans["docx"]
    assert plans["html"]["plan"].get("period") == documents.load(plan).data["plan"].get("period")  # read from the title block


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_round_trip_leaves_nothing_unmapped_but_what_the_schema_refuses(plan, tmp_path):
    out = tmp_path / "plan.docx"
    original = export_in_process(plan, out)
    got, log = imported(out, tmp_path)
    unmapped = got.get("unmapped") or []
    invalid_records = [
        r
        for theme in (original.get("themes") or {}).values()
        for key, items in (theme or {}).items()
        if isinstance(items, list)
        for r in items
        if isinstance(r, dict) and not valid(r, ("themes", "transformation", "initiatives", 0)) and "status" in r
    ]
    assert len(unmapped) == len(invalid_records), unmapped
    assert "left unmapped" in log and "figures found" in log


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_imported_plan_passes_plantool_check_structure(plan, tmp_path):
    """No schema errors: check then reports only what is missing or wrong in the content."""
    out = tmp_path / "plan.docx"
    export_in_process(plan, out)
    target = tmp_path / "imported.plan.yaml"
    code, _ = import_file(out, target)
    assert code == EXIT_CLEAN
    result = run_plantool("check", "--format", "json", target)
    assert "(schema)" not in result.stdout and '"rule": "schema"' not in result.stdout, result.stdout
    assert result.returncode in (0, 1), result.stderr


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789£%,.;'()/", min_size=1, max_size=12).filter(
    lambda w: not w.startswith(("-", "*")) and "**" not in w and "](" not in w and "[" not in w
)
_PHRASE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_LINK = st.builds(lambda t, p: f"[{t}](https://www.example.gov.uk/{p})", _PHRASE, st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True))
_INLINE = st.one_of(_PHRASE, _PHRASE.map(lambda p: f"**{p}**"), _LINK)
_LINE = st.lists(_INLINE, min_size=1, max_size=4).map(" ".join)
_BLOCK = st.one_of(_LINE, st.lists(_LINE, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)))
_FREE_TEXT = st.lists(_BLOCK, min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_FREE_TEXT.filter(lambda t: not is_blank(t)))  # "XX" or "TODO" alone is a gap, exported as one
def test_any_free_text_survives_export_and_import(text, tmp_path):
    data = documents.load(EXAMPLES / "riverside-2025.plan.yaml").data
    data["themes"]["transformation"]["future_plans"] = text
    data["disclosures"]["facility_time"]["narrative"] = text
    out = tmp_path / "hypothesis.docx"
    build(SCHEMA, data, draft_mark=True).save(out)
    got, _ = imported(out, tmp_path)
    assert tokens(got["themes"]["transformation"]["future_plans"]) == tokens(text)
    assert tokens(got["disclosures"]["facility_time"]["narrative"]) == tokens(text)
    assert not got.get("unmapped")


# -- council layouts -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    directory = tmp_path_factory.mktemp("layouts")
    paths = build_all(directory)
    results = {}
    for name, path in paths.items():
        out = directory / f"{name}.plan.yaml"
        code, log = import_file(path, out)
        assert code == EXIT_CLEAN, log
        results[name] = (path, documents.load(out).data, log, out)
    return results


def body_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style, text) of every non-empty body paragraph outside tables and the contents field."""
    document = docx.Document(path)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out, in_toc = [], False
    for element in document.element.body.iter(f"{w}p"):
        if element.getparent().tag not in (f"{w}body", f"{w}sdtContent"):
            continue
        instr = "".join(t.text or "" for t in element.iter(f"{w}instrText"))
        kinds = [c.get(f"{w}fldCharType") for c in element.iter(f"{w}fldChar")]
        if "TOC" in instr:
            in_toc = True
        text = "".join(t.text or "" for t in element.iter(f"{w}t"))
        style = element.find(f"{w}pPr/{w}pStyle")
        style = style.get(f"{w}val") if style is not None else "Normal"
        if not in_toc and text.strip():
            out.append((style, text))
        if "end" in kinds:
            in_toc = False
    return out


@pytest.mark.parametrize("name", ["thematic-areas", "numbered-questions", "mixed-layout", "front-matter"])
def test_every_paragraph_reaches_the_plan(fixtures, name):
    """Each paragraph of text is somewhere in the plan: an answer, a record, or under `unmapped`."""
    path, data, log, _ = fixtures[name]
    everything = " ".join(words(s) for s in all_strings(data))
    paragraphs = [(style, text) for style, text in body_paragraphs(path) if not re.match(r"(Heading|Title|Subtitle|Council)", style)]
    paragraphs = [(s, t) for s, t in paragraphs if normalise(t) not in ("contents", "barriers")]  # furniture; a bold heading
    assert len(paragraphs) >= 3
    # title-block lines ('Period: 2024/25') become fields; the summary names each one
    missing = [text for _, text in paragraphs if words(text) not in everything and f"'{text}' -> " not in log]
    assert missing == []


@pytest.mark.parametrize("name", ["thematic-areas", "numbered-questions", "mixed-layout", "front-matter"])
def test_every_heading_is_placed_or_kept(fixtures, name):
    path, data, log, _ = fixtures[name]
    kept = " ".join(words(s) for s in all_strings(data))
    for style, text in body_paragraphs(path):
        if style.startswith(("Heading", "Title", "Subtitle", "Council")):
            assert f"'{text}'" in log or words(text) in kept, text


@pytest.mark.parametrize("name", ["thematic-areas", "numbered-questions", "mixed-layout", "front-matter"])
def test_layout_imports_pass_the_schema(fixtures, name):
    _, data, _, out = fixtures[name]
    assert schema_errors(data) == []
    result = run_plantool("check", out)
    assert "(schema)" not in result.stdout, result.stdout


def test_thematic_areas_layout(fixtures):
    _, data, log, _ = fixtures["thematic-areas"]
    assert data["council"] == {"name": "Rutland County Council", "type": "unitary", "gss_code": "E06000017"}
    assert data["plan"]["status"] == "draft"
    assert data["plan"]["introduction"].startswith("Rutland County Council has prepared this plan")
    assert [i["barrier"] for i in data["themes"]["barriers"]["items"]] == [
        "Short-term funding",
        "Data sharing rules",
        "Limited broadband in rural villages holds back online services.",
    ]
    assert data["themes"]["barriers"]["items"][0]["effect"] == "makes it hard to plan beyond one year at a time."
    assert data["themes"]["barriers"]["overview"] == "Several barriers stand in the way of further improvement:"
    # figures stated in sentences, with their base
    combined = data["disclosures"]["agency_and_consultants"]
    assert combined["share"] == {"percent": 7.5, "of": "staffing_budget"}
    assert combined["workers_over_12_months"] == 41
    assert data["disclosures"]["facility_time"]["cost"] == 98500
    assert data["disclosures"]["facility_time"]["percent_of_pay_bill"] == 0.05
    assert data["disclosures"]["edi"]["spend"] is None  # a networks' budget is not EDI spend
    # theme text with no prompt heading lands in the theme, under the council's heading (issue 20:
    # it used to be kept under `unmapped`), with links as markup and bullets as bullets
    [section] = data["themes"]["transformation"]["sections"]
    assert section["title"] == "Transformation"
    transformation = section["text"]
    assert "[medium-term financial strategy](https://www.rutland.example.gov.uk/mtfs)" in " ".join(transformation.split())
    assert "- **Libraries Review:** opening hours" in transformation
    assert data["themes"]["transformation"]["organisational_change"] == "TODO"
    assert "unmapped" not in data
    assert "Combined spend as a share" in log and "figures found" in log


def test_numbered_questions_layout(fixtures):
    _, data, log, _ = fixtures["numbered-questions"]
    assert data["council"]["gss_code"] == "E06000057"
    assert "Productivity Plan On A Page" in data["plan"]["title"]
    measures = data["themes"]["transformation"]["measures"]
    assert measures[0] == {"measure": "Adults receiving home care", "baseline_period": 2015, "baseline": 3120, "current": 3890, "change": "25%"}
    assert len(measures) == 2
    assert [i["barrier"] for i in data["themes"]["barriers"]["items"]][:2] == ["Return to multi-year settlements", "Simplify grant funding"]
    disclosures = data["disclosures"]
    assert disclosures["agency_staff"]["share"] == {"percent": 2.1, "of": "pay_bill"}
    assert disclosures["consultants"]["share"] == {"percent": 3.4, "of": "pay_bill"}
    assert "two e-learning courses" in disclosures["edi"]["narrative"]
    assert "**Agency workers**" in disclosures["agency_staff"]["reasons"]
    # the theme's text lands in the theme under its heading (issue 20: it used to be kept under `unmapped`)
    [section] = data["themes"]["transformation"]["sections"]
    assert section["title"].startswith("How the council has transformed")
    assert "[Council Plan](https://www.northumberland.example.gov.uk/council-plan)" in section["text"]  # a HYPERLINK field


def test_mixed_layout(fixtures):
    _, data, log, _ = fixtures["mixed-layout"]
    assert data["plan"]["title"] == "Productivity Plan 2025/26" and data["plan"]["period"] == "2025/26"
    assert data["council"]["type"] == "county"
    assert data["plan"]["introduction"].count("Our vision") == 1  # the contents entry is furniture, not text
    transformation = data["themes"]["transformation"]
    assert "**Lessons learned**" in transformation["measuring_productivity"]  # a sub-heading inside an answer
    assert transformation["initiatives"] == [
        {"name": "Waste depot merger", "status": "done", "savings": [{"amount": 250000, "kind": "achieved", "period": "2023/24"}]}
    ]
    by_source = {item["source"]: item["text"] for item in data["unmapped"]}
    # theme-level text lands in the theme under its heading (issue 20: it used to be kept under `unmapped`)
    assert transformation["sections"] == [{"title": "Transformation", "text": "Theme-level text with no prompt heading of its own."}]
    assert by_source["Transformation › Initiatives, table 1 row 2, column 'Notes'"] == "Two depots became one"
    assert "Initiative status: Paused" in by_source["Transformation › Initiatives, table 1 row 3"]
    assert by_source["Workforce data, table 1"].splitlines() == ["Directorate | Headcount", "Adults | 1,204", "Children | 988"]
    assert by_source["Workforce data, paragraph 1"] == "Text held in a content control is still read."
    assert "about a dozen" in by_source["Trade union facility time, table 1 row 5"]
    assert "Conclusion" in by_source.values()
    facility = data["disclosures"]["facility_time"]
    assert (facility["cost"], facility["pay_bill"], facility["percent_of_pay_bill"]) == (61000, 120000000, 0.05)
    assert facility["officials"]["headcount"] is None
    assert facility["narrative"] == "Facility time is agreed with the unions each April."
    assert data["themes"]["barriers"]["overview"] == "National pay awards arrive after budgets are set."


def test_front_matter_layout(fixtures):
    _, data, log, _ = fixtures["front-matter"]
    plan = data["plan"]
    assert (plan["period"], plan["status"], plan["cost_of_producing"]) == ("2024/25", "draft", 1250)
    assert plan["publication_url"] == "https://www.kent.example.gov.uk/productivity"
    assert "contact" not in plan  # 'Contact us at …' is a sentence, not a 'Contact:' line
    assert "Contact us at plans@kent.example.gov.uk" in plan["introduction"]
    assert "Text inside a text box is read too." in plan["introduction"]
    assert data["themes"]["barriers"]["items"] == [{"barrier": "Planning fees", "effect": "set nationally below the cost of the service."}]
    assert "status: the document says 'Approved'" in log


# -- figures and headings ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path, shown, value",
    [
        (("disclosures", "agency_staff", "spend"), "£166,275", 166275),
        (("disclosures", "agency_staff", "spend"), "£4,164,000.50", 4164000.5),
        (("disclosures", "agency_staff", "spend"), "£1.5m", 1500000),
        (("disclosures", "facility_time", "percent_of_pay_bill"), "0.0711%", 0.0711),
        (("disclosures", "agency_staff", "workers_over_12_months"), "69", 69),
        (("disclosures", "agency_staff", "share"), "9.26% of the staffing budget (£1,000,000)", {"percent": 9.26, "of": "staffing_budget", "base_amount": 1000000}),
        (("disclosures", "consultants", "share"), "5.4% of the pay bill", {"percent": 5.4, "of": "pay_bill"}),
        (("disclosures", "edi", "spend"), "Not available: no central record", {"not_available": "no central record"}),
        (("disclosures", "edi", "staff_time"), "0.4 FTE", "0.4 FTE"),
        (("disclosures", "edi", "staff_time"), "12", 12),
        (("themes", "transformation", "initiatives", 0, "status"), "Under way", "under_way"),
    ],
)
def test_figure_values_invert_the_export(path, shown, value):
    assert figures.value(SCHEMA, SCHEMA.node_at(path), shown) == value


@pytest.mark.parametrize("shown", ["about a dozen", "£", "12%%"])
def test_figures_that_do_not_fit_are_refused(shown):
    with pytest.raises(figures.Unparsed):
        figures.value(SCHEMA, SCHEMA.node_at(("disclosures", "agency_staff", "workers_over_12_months")), shown)


@pytest.mark.parametrize(
    "sentence, path, value",
    [
        ("Spending on Trade Union Facility Time was £70,000, or 0.03% of the pay bill.", ("disclosures", "facility_time", "cost"), 70000),
        ("Spending on Trade Union Facility Time was £70,000, or 0.03% of the pay bill.", ("disclosures", "facility_time", "percent_of_pay_bill"), 0.03),
        ("The council spends the equivalent of 1.2% of its paybill on agency staff.", ("disclosures", "agency_staff", "share"), {"percent": 1.2, "of": "pay_bill"}),
        ("We spent £2.5 million on consultants in 2023/24.", ("disclosures", "consultants", "spend"), 2500000),
        ("By March, 12 agency workers had been engaged for over 12 months.", ("disclosures", "agency_staff", "workers_over_12_months"), 12),
    ],
)
def test_figures_stated_in_sentences(sentence, path, value):
    found = {f.path: f.value for f in figures.in_text(SCHEMA, sentence)}
    assert found.get(path) == value


def test_sentences_without_a_disclosure_subject_give_no_figures():
    assert figures.in_text(SCHEMA, "We saved £47 million, 12% of the budget, since 2019.") == []


@pytest.mark.parametrize(
    "heading, normal",
    [
        ("Thematic Area 1: Transformation", "transformation"),
        ("1. Transformation", "transformation"),
        ("2.3 Barriers & asks", "barriers and asks"),
        ("4. The barriers preventing progress", "the barriers preventing progress"),
        ("Appendix 3: 1. Other information", "other information"),
        ("Section 5 – Disclosures", "disclosures"),
    ],
)
def test_headings_are_normalised_before_matching(heading, normal):
    assert normalise(heading) == normal


# -- the command's contract --------------------------------------------------------------


@pytest.fixture
def exported_docx(tmp_path):
    out = tmp_path / "riverside.docx"
    export_in_process(EXAMPLES / "riverside-2025.plan.yaml", out)
    return out


def test_default_output_sits_beside_the_document(exported_docx):
    code, log = import_file(exported_docx)
    assert code == EXIT_CLEAN
    assert default_output(exported_docx) == exported_docx.with_name("riverside.plan.yaml")
    assert exported_docx.with_name("riverside.plan.yaml").is_file()
    assert "wrote" in log and "riverside.plan.yaml" in log


def test_existing_output_is_not_replaced_without_force(exported_docx, tmp_path):
    out = tmp_path / "mine.plan.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    code, log = import_file(exported_docx, out)
    assert code == EXIT_USAGE
    assert log.startswith("plantool: error: ") and "--force" in log and log.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "keep me\n"
    code, _ = import_file(exported_docx, out, force=True)
    assert code == EXIT_CLEAN and out.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_multi_line_text_is_written_as_block_scalars(exported_docx, tmp_path):
    out = tmp_path / "blocks.plan.yaml"
    import_file(exported_docx, out)
    text = out.read_text(encoding="utf-8")
    assert "organisational_change: |\n" in text
    assert "status: draft" in text


def refused(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    code, log = import_file(path, tmp_path / "out.plan.yaml")
    assert code == EXIT_USAGE
    assert not (tmp_path / "out.plan.yaml").exists()
    assert log.count("\n") == 1 and log.startswith(f"plantool: error: {path}: "), log
    return log


def test_refuses_a_file_that_is_not_word(tmp_path):
    assert "not a Word .docx file" in refused(tmp_path, "plan.docx", b"just some text\n")


def test_refuses_a_corrupt_package(tmp_path, exported_docx):
    data = exported_docx.read_bytes()
    log = refused(tmp_path, "broken.docx", data[: len(data) // 2])
    assert "Word" in log or "corrupt" in log


def test_refuses_macros(tmp_path, exported_docx):
    assert "macro" in refused(tmp_path, "plan.docm", exported_docx.read_bytes())
    buffer = io.BytesIO()
    with zipfile.ZipFile(exported_docx) as source, zipfile.ZipFile(buffer, "w") as copy:
        for item in source.infolist():
            copy.writestr(item, source.read(item))
        copy.writestr("word/vbaProject.bin", b"\x00" * 64)
    assert "macro" in refused(tmp_path, "sneaky.docx", buffer.getvalue())


def test_refuses_a_missing_file_and_a_non_yaml_output(tmp_path, exported_docx):
    code, log = import_file(tmp_path / "nowhere.docx", tmp_path / "x.plan.yaml")
    assert code == EXIT_USAGE and "not found" in log and log.count("\n") == 1
    code, log = import_file(exported_docx, tmp_path / "x.docx")
    assert code == EXIT_USAGE and ".yaml" in log


def test_summary_says_what_went_where(exported_docx):
    _, log = import_file(exported_docx, exported_docx.with_name("summary.plan.yaml"))
    assert "heading 'Transformation' -> Themes › Transformation" in log
    assert "Disclosures › Agency staff › Spend on agency staff = £820,000" in log
    assert "left unmapped: nothing" in log
    assert "status: the document says 'Approved'" in log


# -- web pages: definition lists, titles and the draft mark -----------------------------------------


def html_blocks(body: str) -> list[tuple[str, str]]:
    from plantool.importer.read_html import read_html

    blocks, _, _, _ = read_html(f"<!doctype html><html lang=en><body><main>{body}</main></body></html>")
    return [(block.kind, block.plain) for block in blocks]


def test_a_definition_list_reads_as_one_fact_a_line():
    assert html_blocks(
        "<dl><dt>Published</dt><dd>11 July 2024</dd><div><dt>Contact</dt><dd><p>Policy team</p></dd><dd>01234 567890</dd></div></dl>"
    ) == [("paragraph", "Published: 11 July 2024"), ("paragraph", "Contact: Policy team, 01234 567890")]


def test_a_long_description_keeps_its_list_under_its_term():
    assert html_blocks("<dl><dt>Savings</dt><dd><ul><li>Waste round review</li><li>Shared legal team</li></ul></dd></dl>") == [
        ("paragraph", "Savings"), ("bullet", "Waste round review"), ("bullet", "Shared legal team")]


def test_the_draft_mark_is_left_out_and_a_sentence_about_a_draft_is_not():
    assert html_blocks(
        "<p><strong>DRAFT – 3 findings to resolve</strong></p><p>DRAFT</p><p>DRAFT – this plan was agreed in July.</p>"
    ) == [("paragraph", "DRAFT – this plan was agreed in July.")]


def test_an_hgroup_is_the_title_and_the_subtitle():
    assert html_blocks("<hgroup><h1>Productivity plan</h1><p>Anytown Borough Council</p></hgroup><h2>Transformation</h2>") == [
        ("title", "Productivity plan"), ("subtitle", "Anytown Borough Council"), ("heading", "Transformation")]


def test_the_imported_plan_names_a_schema_copy_written_beside_it(exported_docx, tmp_path):
    """The editor modeline must resolve wherever the plan is kept: the copy sits beside it, as `new` writes it."""
    from plantool.plan.schema import SCHEMA_NAME, schema_text

    out = tmp_path / "fresh" / "ours.plan.yaml"
    out.parent.mkdir()
    code, log = import_file(exported_docx, out, force=False)
    assert code == EXIT_CLEAN, log
    assert out.read_text(encoding="utf-8").splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_NAME}"
    assert (out.parent / SCHEMA_NAME).read_text(encoding="utf-8") == schema_text()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / SCHEMA_NAME).write_text('{"title": "the council\'s own"}', encoding="utf-8")
    code, log = import_file(exported_docx, foreign / "ours.plan.yaml", force=False)
    assert code == EXIT_CLEAN and (foreign / SCHEMA_NAME).read_text(encoding="utf-8") == '{"title": "the council\'s own"}'


def test_a_definition_list_as_pages_really_write_it():
    """White space between the elements, terms ending in a colon, groups in divs, hidden parts, links and stray text."""
    assert html_blocks("""
      <dl>
        <dt>Period:</dt>
        <dd>2025/26</dd>
        <div hidden><dt>Secret</dt><dd>not shown</dd></div>
        <dt>Contact</dt>
        <dd hidden>old address</dd>
        <dd><p>the <a href="https://x.gov.uk/team">policy team</a></p></dd>
        <dd></dd>
        Loose words
        <dt aria-hidden="true">Hidden term</dt>
      </dl>""") == [("paragraph", "Period: 2025/26"), ("paragraph", "Contact: the policy team"), ("paragraph", "Loose words")]
    from plantool.importer.read_html import read_html

    blocks, _, _, _ = read_html('<main><dl><dt>Contact</dt><dd><p>the <a href="https://x.gov.uk/team">team</a></p></dd></dl></main>')
    assert blocks[0].links == [("team", "https://x.gov.uk/team")]  # the link survives


def test_draft_in_a_table_cell_or_a_list_is_content_not_a_mark():
    assert html_blocks("<ul><li>DRAFT</li></ul><table><tr><th>Budget</th></tr><tr><td>DRAFT</td></tr></table>")[0] == ("bullet", "DRAFT")
    from plantool.importer.read_html import read_html

    blocks, _, _, _ = read_html("<main><table><tr><th>Budget</th></tr><tr><td>DRAFT</td></tr></table></main>")
    assert "DRAFT" in str(blocks[0].rows)


def test_a_subtitle_is_only_the_titles_and_a_paragraph_of_class_subtitle_stays_text():
    assert html_blocks('<h1>Plan</h1><h2>Transformation</h2><p class="subtitle">How the council has changed since 2021</p>'
                       '<hgroup><h2>Barriers</h2><p>What holds us back</p></hgroup>') == [
        ("heading", "Plan"), ("heading", "Transformation"), ("paragraph", "How the council has changed since 2021"),
        ("heading", "Barriers"), ("paragraph", "What holds us back")]


def test_a_title_and_subtitle_every_page_repeats_are_kept_once(tmp_path):
    from plantool.importer.read_html import load_pages

    pages = []
    for n, theme in enumerate(("Transformation", "Barriers")):
        page = tmp_path / f"p{n}.html"
        page.write_text(f"<main><hgroup><h1>Plan 2025/26</h1><p>Anytown Borough Council</p></hgroup><h2>{theme}</h2>"
                        f"<p>Text about {theme.lower()}.</p></main>", encoding="utf-8")
        pages.append(page)
    kinds = [(b.kind, b.plain) for b in load_pages(pages).blocks]
    assert kinds == [("title", "Plan 2025/26"), ("subtitle", "Anytown Borough Council"), ("heading", "Transformation"),
                     ("paragraph", "Text about transformation."), ("heading", "Barriers"), ("paragraph", "Text about barriers.")]


def test_structure_inside_a_term_or_description_keeps_every_word():
    assert html_blocks("<dl><dt>Council</dt><dd>Name <dl><dt>A</dt><dd>1</dd><dt>B</dt><dd>2</dd></dl> tail</dd></dl>") == [
        ("paragraph", "Council: Name A: 1 B: 2 tail")]
    assert html_blocks("<dl><dt>Intro <h3>Heading</h3></dt><dd>value</dd></dl>") == [("paragraph", "Intro Heading: value")]
    assert html_blocks("<dl><dt>Term<table><tr><td>cell</td></tr></table></dt><dd>value</dd></dl>") == [("paragraph", "Term cell: value")]
