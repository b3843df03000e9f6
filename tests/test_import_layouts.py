"""Import on councils' real layouts (tests/council_layouts.py), from Word and from saved web pages, measured.

Each layout is written as a real .docx with python-docx and as real saved
pages with site navigation, header and footer, then imported through the
command's own functions and read back with plantool's loader. The measures
are those issue 20 sets: how much of each theme's wording lands in that
theme, how many bullets inside table cells stay separate items, how much of
the running text is recovered, that the summary shows each decision with its
score, and that web pages give the same plan as Word.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest

from conftest import run_plantool
from plan_helpers import all_strings as strings
from council_layouts import LAYOUTS, THEMES, Heading, cell_bullets, texts_by_place, words, write_docx, write_html

from plantool.commands.import_ import run_import, run_import_html
from plantool.exit_codes import CLEAN
from plantool.plan import loader

NAMES = sorted(LAYOUTS)


def word_list(value) -> list[str]:
    return [w for s in strings(value) for w in words(s)]


def covered(wanted: list[str], found: list[str]) -> float:
    """The share of `wanted` words (counted with repeats) that `found` holds."""
    want, have = Counter(wanted), Counter(found)
    return sum(min(n, have[w]) for w, n in want.items()) / max(1, sum(want.values()))


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """name -> (word data, word summary, html data, html summary, plan path)."""
    directory = tmp_path_factory.mktemp("council-layouts")
    out = {}
    for name, layout in LAYOUTS.items():
        word_plan, html_plan = directory / f"{name}.plan.yaml", directory / f"{name}-html.plan.yaml"
        err = io.StringIO()
        assert run_import(str(write_docx(layout, directory / f"{name}.docx")), str(word_plan), force=False, err=err) == CLEAN, err.getvalue()
        html_err = io.StringIO()
        pages = [str(p) for p in write_html(layout, directory)]
        assert run_import_html(pages, str(html_plan), force=False, err=html_err) == CLEAN, html_err.getvalue()
        word, html = loader.load(word_plan), loader.load(html_plan)
        assert not word.problems and not html.problems
        out[name] = (word.data, err.getvalue(), html.data, html_err.getvalue(), word_plan)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_each_themes_words_land_in_that_theme(imported, name):
    data = imported[name][0]
    expected = texts_by_place(LAYOUTS[name])
    for theme in THEMES:
        wanted = [w for text in expected.get(theme, []) for w in words(text)]
        if wanted:
            share = covered(wanted, word_list(data["themes"][theme]))
            assert share >= 0.90, f"{name}: {share:.0%} of {theme}'s words landed in it"


@pytest.mark.parametrize("name", NAMES)
def test_text_for_topics_and_the_introduction_lands_there(imported, name):
    data = imported[name][0]
    for place, texts in texts_by_place(LAYOUTS[name]).items():
        wanted = [w for text in texts for w in words(text)]
        if place == "intro":
            share = covered(wanted, words(data["plan"].get("introduction") or ""))
        elif place.startswith("topics."):
            share = covered(wanted, word_list(data["topics"][place.split(".", 1)[1]]))
        else:
            continue
        assert share >= 0.90, f"{name}: {share:.0%} of the words for {place} landed there"


def separate_items(data) -> set[str]:
    """Every item the plan holds on its own: initiatives (name and description), bullets, records' names."""
    items = set()
    for text in strings(data):
        items.add(text.strip())
        items.update(line[2:].strip() for line in text.split("\n") if line.startswith("- "))

    def walk(value):
        if isinstance(value, dict):
            if "status" in value and ("description" in value or "name" in value):
                items.add(" ".join(str(value[k]) for k in ("name", "description") if value.get(k)))
                items.add(": ".join(str(value[k]) for k in ("name", "description") if value.get(k)))
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(data)
    return {re.sub(r"\*\*", "", item) for item in items}


def test_bullets_in_table_cells_stay_separate_items(imported):
    found, total = 0, 0
    for name in NAMES:
        bullets = cell_bullets(LAYOUTS[name])
        items = separate_items(imported[name][0])
        found += sum(1 for bullet in bullets if bullet in items)
        total += len(bullets)
    assert total >= 14
    assert found / total >= 0.95, f"{found} of {total} cell bullets are separate items"


@pytest.mark.parametrize("name", NAMES)
def test_running_text_is_recovered(imported, name):
    """At least 98% of the words of paragraphs, bullets and table cells are in the plan (anywhere, `unmapped` included)."""
    layout = LAYOUTS[name]
    wanted = [w for texts in texts_by_place(layout).values() for text in texts for w in words(text)]
    share = covered(wanted, word_list(imported[name][0]))
    assert share >= 0.98, f"{name}: {share:.1%} of the words recovered"


@pytest.mark.parametrize("name", NAMES)
def test_every_heading_is_kept_or_its_decision_shown(imported, name):
    """A heading is in the plan in the council's words, or the summary says where it led and with what score."""
    data, log = imported[name][0], imported[name][1]
    kept = " ".join(word_list(data))
    for item in LAYOUTS[name].items:
        if isinstance(item, Heading):
            shown = re.search(rf"'{re.escape(item.text)}' -> .*(score \d+|Plan title)", log)
            assert shown or " ".join(words(item.text)) in kept, item.text


@pytest.mark.parametrize("name", NAMES)
def test_the_summary_shows_each_mapping_decision_with_its_score(imported, name):
    log = imported[name][1]
    decisions = [line for line in log.splitlines() if re.match(r"\s+heading( \(\w+\))? '", line)]
    assert decisions
    for line in decisions:
        assert re.search(r"\(exact, score 100\)|\(score \d+\)|score \d+ < \d+\)|\(status heading, score 100\)|\(nearest .+, score \d+\)|Plan title", line), line


def test_a_section_below_the_threshold_stays_unmapped_with_its_best_guess_named(imported):
    data, log = imported["bold-numbered"][0], imported["bold-numbered"][1]
    assert re.search(r"heading \(bold\) '8\) Conclusions' -> left unmapped \(best guess .+, score \d+ < 70\)", log)
    assert any(item["source"].startswith("8) Conclusions") for item in data["unmapped"])


@pytest.mark.parametrize("name", NAMES)
def test_web_pages_give_the_same_plan_as_word(imported, name):
    word, _, html, html_log, _ = imported[name]
    assert html == word
    assert "left out as page furniture: footer, header, navigation, sidebar" in html_log


def test_bold_numbered_headings_and_facts_stated_in_sentences(imported):
    data, log = imported["bold-numbered"][0], imported["bold-numbered"][1]
    plan = data["plan"]
    assert plan["cost_of_producing"] == 2500
    assert (plan["approval"]["body"], str(plan["approval"]["date"])) == ("Cabinet", "2024-07-10")
    assert plan["period"] == "2024/25"
    themes = data["themes"]
    assert themes["reducing_wasteful_spend"]["heading"] == "Managing our spending"  # the council's own words, kept
    assert themes["transformation"]["heading"] == "Redesigning how we deliver services"
    assert re.search(r"heading \(bold\) '4\) Managing our spending' -> Themes › Reducing wasteful spend \(score \d+\)", log)
    assert "Garden waste permits" in data["topics"]["income_generation"]["overview"]
    assert "Two depots were sold" in data["topics"]["assets_and_estates"]["overview"]
    assert "invest-to-save" in themes["barriers"]["overview"]


def test_done_doing_tables_become_initiatives_with_their_status(imported):
    data = imported["done-doing-tables"][0]
    transformation = data["themes"]["transformation"]["initiatives"]
    assert {"name": "Customer hub", "status": "done", "description": "one number for every service"} in transformation
    assert {"status": "under_way", "description": "Shared legal service with a neighbour"} in transformation
    assert [i["status"] for i in data["themes"]["technology_and_data"]["initiatives"]] == ["done"] * 2 + ["under_way"] * 3
    # the column titles were bold first lines inside the first row: taken as the header, not as initiatives
    assert not any("What we have done" in str(i) for i in data["themes"]["technology_and_data"]["initiatives"])
    assert len(data["themes"]["reducing_wasteful_spend"]["initiatives"]) == 4  # a header row marked as such
    # a line that introduces the bullets under it is text, kept in the theme
    assert data["themes"]["transformation"]["sections"] == [{"title": "Transformation", "text": "Key changes so far:"}]


def test_numbered_report_paragraphs_stay_paragraphs(imported):
    data, log = imported["report-paragraphs"][0], imported["report-paragraphs"][1]
    assert "1.1 The borough is home" in data["plan"]["introduction"] and "1.3 The council employs" in data["plan"]["introduction"]
    assert "'1.1" not in log and "'2.1" not in log  # never decided as headings
    assert re.search(r"heading \(numbered\) '2\. Transforming our services' -> Themes › Transformation", log)
    assert "2.2 The joint teams" in data["themes"]["transformation"]["sections"][0]["text"]


def test_corporate_priorities_with_done_and_future_pairs(imported):
    data = imported["priority-pairs"][0]
    sections = data["themes"]["transformation"]["sections"]
    assert [s["title"] for s in sections] == ["Stronger communities", "A greener district"]
    stronger = sections[0]["initiatives"]
    assert [i["status"] for i in stronger] == ["done"] * 3 + ["planned"] * 2
    assert stronger[1] == {"status": "done", "description": "Passed the town museum to a charitable trust"}
    assert (data["plan"]["approval"]["body"], str(data["plan"]["approval"]["date"])) == ("cabinet", "2024-07-15")


def test_lead_in_question_headings_and_an_unheaded_paragraph(imported):
    data = imported["lead-in-questions"][0]
    spend = " ".join(strings(data["themes"]["reducing_wasteful_spend"]))
    assert "equality duties" in spend  # EDI as an unheaded paragraph stays in its theme
    assert "Budget review" in " ".join(strings(data["themes"]["transformation"]))
    assert data["plan"]["title"] == "Productivity Plan 2024"  # the title every page repeats, once


def test_headings_in_capitals_and_larger_type(imported):
    data, log = imported["plan-on-a-page"][0], imported["plan-on-a-page"][1]
    assert re.search(r"heading \(capitals\) 'TRANSFORMATION' -> Themes › Transformation", log)
    assert data["plan"]["title"].startswith("Harrowdale County Council")
    assert "spend board" in " ".join(strings(data["themes"]["reducing_wasteful_spend"]))


def test_own_programme_headings_become_the_themes_sections(imported):
    data = imported["programme-structure"][0]
    titles = [s["title"] for s in data["themes"]["transformation"]["sections"]]
    assert titles[-2:] == ["Our target operating model", "Service reviews"]
    assert "fraud team" in data["topics"]["partnerships"]["overview"]


@pytest.mark.parametrize("name", NAMES)
def test_imports_fit_the_schema_and_check_points_at_what_is_unplaced(imported, name):
    plan = imported[name][4]
    result = run_plantool("check", "--format", "json", plan)
    assert result.returncode in (0, 1), result.stderr
    assert '"rule": "schema"' not in result.stdout, result.stdout
    if imported[name][0].get("unmapped"):
        assert '"rule": "unmapped-content"' in result.stdout


def test_content_not_yet_placed_and_a_themes_own_heading_are_read_back(tmp_path):
    """What a draft export prints for them (the schema's title for `unmapped`, one heading per item;
    'Barriers: What holds us back') comes back into the same places on a second import."""
    import docx

    from plantool.plan.schema import load_schema

    title = load_schema().node_at(("unmapped",))["title"]
    document = docx.Document()
    document.add_heading("Barriers: What holds us back", 1)
    document.add_paragraph("Funding comes a year at a time.")
    document.add_heading(title, 1)
    document.add_heading("8) Conclusions, paragraph 1", 2)
    document.add_paragraph("Progress goes to Cabinet every quarter.")
    document.add_paragraph("Quarterly reports", style="List Bullet")
    document.add_paragraph("An annual review", style="List Bullet")
    document.add_heading("Workforce data, table 1", 2)
    document.add_paragraph("Directorate | Headcount")
    path = document.save(tmp_path / "draft.docx") or tmp_path / "draft.docx"
    err = io.StringIO()
    assert run_import(str(path), str(tmp_path / "back.plan.yaml"), force=False, err=err) == CLEAN, err.getvalue()
    data = loader.load(tmp_path / "back.plan.yaml").data
    assert data["themes"]["barriers"]["heading"] == "What holds us back"
    assert [{"source": item["source"], "text": item["text"].strip()} for item in data["unmapped"]] == [
        {"source": "8) Conclusions, paragraph 1", "text": "Progress goes to Cabinet every quarter.\n\n- Quarterly reports\n- An annual review"},
        {"source": "Workforce data, table 1", "text": "Directorate | Headcount"},
    ]


@pytest.mark.parametrize("name", NAMES)
def test_import_export_import_loses_nothing(imported, name, tmp_path):
    """import -> export --draft -> import: every word of the first import is in the second."""
    first, plan = imported[name][0], imported[name][4]
    exported = tmp_path / "draft.docx"
    result = run_plantool("export", "docx", "--draft", plan, "-o", exported)
    assert result.returncode == 0, result.stderr
    err = io.StringIO()
    assert run_import(str(exported), str(tmp_path / "again.plan.yaml"), force=False, err=err) == CLEAN, err.getvalue()
    second = loader.load(tmp_path / "again.plan.yaml").data
    lost = Counter(word_list(first)) - Counter(word_list(second))
    assert not lost, f"{sum(lost.values())} words lost: {sorted(lost.elements())[:20]}"
