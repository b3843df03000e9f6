"""Italic in the free-text subset: `*words*` and `_words_`, defined tightly, drawn in Word, never taken from ordinary text."""

from __future__ import annotations

import docx
import pytest

from conftest import run_plantool
from plan_helpers import at, complete_plan, to_yaml

from plantool.plan import richtext

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def styled(text: str) -> list[tuple[str, bool, bool, str | None]]:
    return [(s.text, s.bold, s.italic, s.url) for s in richtext.spans(text)]


@pytest.mark.parametrize(
    ("text", "italic"),
    [
        ("a *key* word", ["key"]),
        ("a _key_ word", ["key"]),
        ("*Note:* figures are provisional.", ["Note:"]),
        ("(*see below*)", ["see below"]),
        ("*two* and _three_", ["two", "three"]),
        ("*across a\nline break*", ["across a line break"]),
    ],
)
def test_italic_is_found(text, italic):
    paragraph = richtext.blocks(text)[0].items[0]
    assert [s.text for s in paragraph if s.italic] == italic


@pytest.mark.parametrize(
    "text",
    ["file_name and snake_case_name", "5 * 3 = 15", "a*b*c", "__init__", "a lone * star", "a lone _ mark", "* ", "_",
     "2 * 3 * 4", "see https://example.gov.uk/_a_b_ today", "**bold** only", "* a bullet", "_ spaced _", "x_1_ and _y"],
)
def test_ordinary_text_is_never_italic(text):
    assert not any(s.italic for block in richtext.blocks(text) for item in block.items for s in item)
    if "**" not in text and not text.startswith("* "):  # bold and bullets aside, the text is shown as typed
        assert richtext.plain(text) == " ".join(text.split())


def test_bold_stays_as_it_is_and_holds_italic():
    assert styled("**Lead-in:** rest") == [("Lead-in:", True, False, None), (" rest", False, False, None)]
    assert styled("**a *b* c**") == [("a ", True, False, None), ("b", True, True, None), (" c", True, False, None)]
    assert styled("*a **b** c*") == [("a ", False, True, None), ("b", True, True, None), (" c", False, True, None)]


def test_links_inside_italic_are_links_and_found_where_they_are():
    assert styled("*see [our plan](https://x.gov.uk/p)*") == [("see ", False, True, None), ("our plan", False, True, "https://x.gov.uk/p")]
    [link] = richtext.links("Read _[our plan](https://x.gov.uk/p)_ now.")
    assert (link.text, link.col) == ("our plan", 6)


def test_italic_words_are_counted_without_their_marks():
    assert richtext.word_count("a *key* word and _another_") == 5
    assert richtext.plain("a *key* word") == "a key word"


def test_check_reports_nothing_about_italic(tmp_path):
    plan = tmp_path / "plan.plan.yaml"
    plan.write_text(to_yaml(at(complete_plan(), "themes.transformation.future_plans", "We will *first* move planning online.")), encoding="utf-8")
    result = run_plantool("check", plan)
    assert result.returncode == 0 and ": warning:" not in result.stdout, result.stdout


def test_word_draws_italic_runs_and_italic_links(tmp_path):
    text = "We use *key* measures, _[our plan](https://www.example.gov.uk/plan)_, file_name and 5 * 3."
    plan = tmp_path / "plan.plan.yaml"
    plan.write_text(to_yaml(at(complete_plan(), "themes.transformation.future_plans", text)), encoding="utf-8")
    result = run_plantool("export", "docx", plan)
    assert result.returncode == 0, result.stderr
    document = docx.Document(tmp_path / "plan.docx")
    [paragraph] = [p for p in document.paragraphs if "file_name" in p.text]
    runs = [(r.text, bool(r.italic)) for r in paragraph.runs]
    assert ("key", True) in runs and all(not italic for t, italic in runs if "file_name" in t or "5 * 3" in t)
    [link] = paragraph._p.findall(f"{W}hyperlink")
    [link_run] = link.findall(f"{W}r")
    assert link_run.find(f"{W}rPr/{W}i") is not None and link_run.findtext(f"{W}t") == "our plan"
    assert "*" not in paragraph.text.replace("5 * 3", "") and "_our" not in paragraph.text
