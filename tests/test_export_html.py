"""`plantool export html`, read as markup: landmarks, headings, tables, links, escaping, self-containment.

Every example is exported by the real CLI (final where the plan allows it,
draft, and the --fragment), parsed, and held to the structure a screen
reader and a council's website rely on. The browser and the Nu checker look
at the same files in test_export_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from conftest import EXAMPLES, run_plantool
from html_support import case_id, cases, export, exports_cleanly, hostile_plan, marked, model, parse, variants

from plantool.export.html import writer
from plantool.export.html.style import css_string, stylesheet
from plantool.plan import loader
from plantool.publish.model import (
    FIGURES,
    BulletList,
    Cell,
    Column,
    Contents,
    ContentsEntry,
    Metadata,
    Paragraph,
    PublishedPlan,
    Row,
    Section,
    Span,
    Table,
)

CASES = cases()


def html_of(case) -> str:
    plan, variant = case
    return export(plan, "html", variant).read_text(encoding="utf-8")


def headings(root):
    return [node for node in root.iter() if re.fullmatch(r"h[1-6]", node.tag)]


def plan_urls(plan) -> set[str]:
    """Every link the plan itself makes, as the writer writes it into href."""
    found = set()

    def spans_of(block):
        if isinstance(block, Paragraph):
            yield from block.spans
        elif isinstance(block, BulletList):
            for item in block.items:
                yield from item
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for inner in cell.blocks:
                        yield from spans_of(inner)

    spans = [span for fact in plan.facts for span in fact.spans]
    spans += [span for section in plan.walk() for block in section.blocks for span in spans_of(block)]
    for span in spans:
        if span.url:
            found.add(parse(f'<a href="{writer.href(span.url)}"></a>').find_all("a")[0].attrs["href"])
    return found


# -- every example -------------------------------------------------------------------------


def test_every_example_has_a_draft_and_riverside_a_final_version():
    riverside = EXAMPLES / "riverside-2025.plan.yaml"
    assert variants(riverside) == ["final", "draft", "fragment"]
    assert len(CASES) >= 9


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_landmarks_title_language_and_skip_link(case):
    plan, variant = case
    root = parse(html_of(case))
    if variant == "fragment":
        assert not root.find_all("html", "head", "body", "main", "header", "footer", "style", "script", "link")
        return
    [html] = root.find_all("html")
    assert html.attrs["lang"] == "en-GB"
    data = loader.load(plan).data
    [title] = root.find_all("title")
    assert data["council"]["name"] in title.text() and data["plan"]["period"] in title.text()
    for landmark in ("header", "nav", "main", "footer"):
        assert len(root.find_all(landmark)) == 1, landmark
    [body] = root.find_all("body")
    first = next(child for child in body.children if not isinstance(child, str))
    [main] = root.find_all("main")
    assert first.tag == "a" and first.attrs["href"] == f"#{main.attrs['id']}" and "skip" in first.text().lower()
    [nav] = root.find_all("nav")
    assert main in nav.ancestors(), "the contents list is part of the page's content"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_one_h1_and_headings_never_skip_a_level(case):
    found = headings(parse(html_of(case)))
    ranks = [int(node.tag[1]) for node in found]
    assert ranks.count(1) == 1 and ranks[0] == 1
    for before, after in zip(ranks, ranks[1:]):
        assert after <= before + 1, (before, after)
    assert all(node.text().strip() for node in found)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_headings_are_the_models_sections_in_order(case):
    plan, variant = case
    published = model(plan, draft=marked(plan, variant))
    shown = [node.text() for node in headings(parse(html_of(case)))]
    expected = [published.title, published.contents.title] + [section.title for section in published.walk()]
    assert shown == expected


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_tables_have_a_caption_and_scoped_headers(case):
    plan, variant = case
    root = parse(html_of(case))
    tables = root.find_all("table")
    published = model(plan, draft=marked(plan, variant))
    expected = [block for section in published.walk() for block in section.blocks if isinstance(block, Table)]
    assert len(tables) == len(expected) > 0
    for table, source in zip(tables, expected):
        elements = [c for c in table.children if not isinstance(c, str)]
        assert elements[0].tag == "caption" and elements[0].text() == source.caption
        header_cells = table.find_all("thead")[0].find_all("th")
        assert [th.text() for th in header_cells] == [column.title for column in source.columns]
        assert all(th.attrs.get("scope") == "col" for th in header_cells)
        body_rows = table.find_all("tbody")[0].find_all("tr")
        assert len(body_rows) == len(source.rows)
        for th in table.find_all("th"):
            assert th.attrs.get("scope") in ("col", "row")
        assert all(row.find_all("th")[0].attrs["scope"] == "row" for row in body_rows if row.find_all("th"))


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_figures_are_right_aligned_and_words_are_not(case):
    plan, variant = case
    root = parse(html_of(case))
    published = model(plan, draft=marked(plan, variant))
    tables = [block for section in published.walk() for block in section.blocks if isinstance(block, Table)]
    checked = 0
    for table, source in zip(root.find_all("table"), tables):
        for row, source_row in zip(table.find_all("tbody")[0].find_all("tr"), source.rows):
            cells = row.find_all("th", "td")
            for cell, source_cell in zip(cells, source_row.cells):
                numeric = "numeric" in cell.attrs.get("class", "").split()
                shown = cell.text().strip()
                if numeric:
                    assert source_cell.unit in writer.NUMERIC_UNITS and re.match(r"[-£]?\d", shown), shown
                elif source_cell.unit in writer.NUMERIC_UNITS:
                    assert not re.match(r"[-£]?\d", shown), shown  # words in a figure's place ("Not available: …") stay left
                checked += numeric
    assert checked > 0


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_contents_links_and_every_id_resolve(case):
    root = parse(html_of(case))
    ids = [node.attrs["id"] for node in root.iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids)), "ids are unique"
    assert all(not re.search(r"\s", i) and i for i in ids)
    internal = [node.attrs["href"] for node in root.find_all("a") if node.attrs["href"].startswith("#")]
    assert internal and all(href[1:] in ids for href in internal)
    nav = root.find_all("nav")[0]
    assert len(nav.find_all("a")) == len(nav.find_all("li")) >= 4
    for reference in ("aria-labelledby",):
        for node in root.iter():
            if reference in node.attrs:
                assert node.attrs[reference] in ids


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_nothing_is_fetched_and_only_the_plans_own_links_leave_the_page(case):
    plan, variant = case
    text = html_of(case)
    root = parse(text)
    assert not root.find_all("script", "img", "iframe", "object", "embed", "link", "base", "form", "video", "audio", "source")
    assert not [node for node in root.iter() if "src" in node.attrs or "srcset" in node.attrs or "style" in node.attrs]
    assert not [node for node in root.iter() if any(name.startswith("on") for name in node.attrs)]
    for style in root.find_all("style"):
        assert "url(" not in style.text() and "@import" not in style.text()
    published = model(plan, draft=marked(plan, variant))
    own = plan_urls(published)
    external = {node.attrs["href"] for node in root.find_all("a") if not node.attrs["href"].startswith("#")}
    assert external == own  # every link of the plan, and no other address
    assert all(href.startswith(("http://", "https://", "mailto:")) for href in external)


@pytest.mark.parametrize("case", [c for c in CASES if c[1] != "fragment"], ids=case_id)
def test_the_page_allows_its_own_stylesheet_and_nothing_else(case):
    root = parse(html_of(case))
    [policy] = [m for m in root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    [style] = root.find_all("style")
    digest = base64.b64encode(hashlib.sha256(style.text().encode("utf-8")).digest()).decode()
    assert policy.attrs["content"].startswith("default-src 'none'; ")
    assert f"style-src 'sha256-{digest}'" in policy.attrs["content"]
    viewport = [m for m in root.find_all("meta") if m.attrs.get("name") == "viewport"]
    assert viewport and "maximum-scale" not in viewport[0].attrs["content"] and "user-scalable" not in viewport[0].attrs["content"]


@pytest.mark.parametrize("plan", [p for p in sorted(EXAMPLES.glob("*.plan.yaml"))], ids=lambda p: p.name)
def test_the_fragment_is_exactly_what_the_page_holds_in_main(plan):
    page = export(plan, "html", "draft").read_text(encoding="utf-8")
    fragment = export(plan, "html", "fragment").read_text(encoding="utf-8")
    if "final" in variants(plan):
        page = export(plan, "html", "final").read_text(encoding="utf-8")
    inside = page.split("<main", 1)[1].split(">", 1)[1].rsplit("</main>", 1)[0].strip()
    assert fragment.split(" -->\n", 1)[1].strip() == inside


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_a_draft_says_so_in_words_and_a_final_version_does_not(case):
    plan, variant = case
    root = parse(html_of(case))
    draft = marked(plan, variant)
    banners = [node for node in root.iter() if "draft-banner" in node.attrs.get("class", "")]
    if draft:
        mark = model(plan, draft=True).draft_banner
        assert mark.startswith("DRAFT") and len(banners) == 1 and banners[0].text() == mark
        main_children = [c for c in (root.find_all("main") or [root])[0].children if not isinstance(c, str)]
        assert main_children[0] is banners[0], "the first thing in the content"
        if variant != "fragment":
            assert root.find_all("title")[0].text().startswith(mark + ": ")
            assert "DRAFT" in root.find_all("footer")[0].text()
            assert "@top-center" in root.find_all("style")[0].text()
    else:
        assert not banners and "DRAFT" not in html_of(case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_lists_are_lists_and_links_carry_their_words(case):
    plan, variant = case
    root = parse(html_of(case))
    published = model(plan, draft=marked(plan, variant))
    blocks = [block for section in published.walk() for block in section.blocks]
    blocks += [inner for table in blocks if isinstance(table, Table) for row in table.rows for cell in row.cells for inner in cell.blocks]
    bullets = [block for block in blocks if isinstance(block, BulletList)]
    assert [len(ul.find_all("li")) for ul in root.find_all("ul")] == [len(b.items) for b in bullets]
    assert all(c.tag == "li" for ul in root.find_all("ul", "ol") for c in ul.children if not isinstance(c, str))
    assert all(a.text().strip() for a in root.find_all("a"))
    vague = [a for a in root.find_all("a") if a.text().strip().lower() in ("click here", "here", "link", "read more")]
    assert not vague or not exports_cleanly(plan)  # only a --draft of a plan check refuses may hold one


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_the_accessibility_rules_of_check_refuse_a_final_export(tmp_path, fmt):
    out = tmp_path / f"flawed.{fmt}"
    result = run_plantool("export", fmt, EXAMPLES / "flawed-2025.plan.yaml", "-o", out)
    assert result.returncode == 1 and "(link-text)" in result.stderr and "export refused" in result.stderr
    assert not out.exists()


# -- hostile and odd plans ------------------------------------------------------------------


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_a_hostile_plan_comes_out_as_text(tmp_path, fragment):
    plan = hostile_plan(tmp_path)
    out = tmp_path / "hostile.html"
    result = run_plantool("export", "html", plan, "-o", out, "--draft", *(["--fragment"] if fragment else []))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    root = parse(text)
    assert not root.find_all("script", "img", "b")
    assert "javascript:" not in " ".join(a.attrs["href"] for a in root.find_all("a"))
    assert not [node for node in root.iter() if any(name.startswith("on") for name in node.attrs)]
    assert "\x07" not in text
    words = root.text()
    assert '<script>alert("x")</script>' in words and "</style></main>" in words
    assert 'Ampersands & "quotes"' in words and "<img src=x onerror=alert(1)>" in words
    assert "our plan" in words  # the refused link keeps its words
    good = [a for a in root.find_all("a") if a.text() == "a good link"]
    assert good and good[0].attrs["href"] == 'https://example.gov.uk/a?b=1&c=%222%22%3Cx%3E'
    assert len(root.find_all("main")) == (0 if fragment else 1)
    if not fragment:
        assert root.find_all("title")[0].text().endswith("Plan </title><script>alert(1)</script> – 2025/26 – Evil \"District\" <Council> & Co")
        author = [m for m in root.find_all("meta") if m.attrs.get("name") == "author"]
        assert author[0].attrs["content"] == 'Evil "District" <Council> & Co'


def test_the_export_marker_survives_any_file_name(tmp_path):
    plan = tmp_path / "a --> b <c> %41.plan.yaml"
    plan.write_text((EXAMPLES / "riverside-2025.plan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.html"
    assert run_plantool("export", "html", plan, "-o", out).returncode == 0
    assert writer.previous_marker(out) == f"plantool-export:{plan.name}"
    assert "-->" not in out.read_text(encoding="utf-8").split("<!--", 1)[1].split("-->", 1)[0]
    again = run_plantool("export", "html", plan, "-o", out, "--fragment")
    assert again.returncode == 0, again.stderr  # its own earlier export: replaced without --force
    (tmp_path / "mine.html").write_text("<p>the council's own page</p>", encoding="utf-8")
    refused = run_plantool("export", "html", plan, "-o", tmp_path / "mine.html")
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert (tmp_path / "mine.html").read_text(encoding="utf-8") == "<p>the council's own page</p>"


def test_the_output_must_end_in_html(tmp_path):
    result = run_plantool("export", "html", EXAMPLES / "riverside-2025.plan.yaml", "-o", tmp_path / "out.htm")
    assert result.returncode == 2 and "must end in .html" in result.stderr and not (tmp_path / "out.htm").exists()


def test_fragment_is_refused_by_the_other_formats(tmp_path):
    result = run_plantool("export", "docx", EXAMPLES / "riverside-2025.plan.yaml", "-o", tmp_path / "o.docx", "--fragment")
    assert result.returncode == 2 and "--fragment" in result.stderr and "Traceback" not in result.stderr


# -- the writer on models no example has ----------------------------------------------------


def small_plan(sections, entries=None, **fields) -> PublishedPlan:
    entries = entries if entries is not None else tuple(ContentsEntry(s.anchor, s.title, s.level) for s in sections)
    return PublishedPlan(
        title=fields.get("title", "T"), subtitle=None, facts=(), contents=Contents("Contents", 3, entries),
        sections=tuple(sections), metadata=Metadata("T", "S", "A", (), "en-GB"), draft_banner=None,
    )


def test_nested_contents_never_skip_a_list_level():
    deep = Section("c", "C", 3)
    plan = small_plan(
        [Section("a", "A", 1, sections=(Section("b", "B", 2, sections=(deep,)),)), Section("d", "D", 1)],
        entries=(ContentsEntry("a", "A", 1), ContentsEntry("c", "C", 3), ContentsEntry("b", "B", 2), ContentsEntry("d", "D", 1)),
    )
    root = parse(writer.render(plan, fragment=True))
    [outer] = [ol for ol in root.find_all("ol") if ol.parent.tag == "nav"]
    assert [li.find_all("a")[0].text() for li in outer.children if not isinstance(li, str)] == ["A", "D"]
    inner = outer.find_all("ol")
    assert [a.text() for a in inner[0].find_all("a")] == ["C", "B"]  # C, two levels down, is shown one level down
    assert all(c.tag == "li" for ol in root.find_all("ol") for c in ol.children if not isinstance(c, str))


def test_clashing_or_empty_anchors_still_give_unique_ids_and_working_links():
    plan = small_plan([Section("main-content", "One", 1), Section("main-content", "Two", 1), Section("", "Three", 1),
                       Section("contents title", "Four", 1)])
    root = parse(writer.render(plan))
    ids = [node.attrs["id"] for node in root.iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids)) and "main-content" in ids
    assert [h.attrs["id"] for h in root.find_all("h2")][1:] == ["main-content", "main-content-2", "section", "contents-title"]
    skip = root.find_all("a")[0]
    [main] = root.find_all("main")
    assert skip.attrs["href"] == "#" + main.attrs["id"] != "#main-content"


def test_every_block_type_is_drawn_in_a_section_and_in_a_cell():
    cell = Cell((Paragraph((Span("First"),)), BulletList(((Span("one"),), (Span("two", bold=True),)))))
    table = Table("Figures", "", (Column("figure", "Figure"), Column("value", "Value", "pounds")),
                  (Row((cell, Cell((Paragraph((Span("£5"),)),), 5, "pounds"))),), FIGURES)
    section = Section("s", "S", 1, (Paragraph((Span("Note", italic=True),), "note"), BulletList(((Span("x"),),)), table))
    root = parse(writer.render(small_plan([section]), fragment=True))
    [note] = [p for p in root.find_all("p") if "note" in p.attrs.get("class", "")]
    assert note.find_all("em")[0].text() == "Note"
    [th] = root.find_all("tbody")[0].find_all("th")
    assert th.attrs["scope"] == "row" and [li.text() for li in th.find_all("li")] == ["one", "two"]
    assert th.find_all("strong")[0].text() == "two"
    assert root.find_all("tbody")[0].find_all("td")[0].attrs["class"] == "numeric"
    assert root.find_all("thead")[0].find_all("th")[1].attrs["class"] == "numeric"
    with pytest.raises(TypeError):
        writer.HtmlWriter(small_plan([])).block(table)


def test_a_link_without_words_shows_its_address_and_a_refused_scheme_shows_words_only():
    spans = (Span("", url="https://example.gov.uk/x y"), Span("bad", url="javascript:alert(1)"))
    html = writer.HtmlWriter(small_plan([])).spans(spans)
    assert html == '<a href="https://example.gov.uk/x%20y">https://example.gov.uk/x y</a>bad'


def test_css_strings_cannot_break_out():
    assert css_string('a"b\\c</style>–') == '"a\\22 b\\5c c\\3c \\2f style\\3e \\2013 "'
    assert '@top-center { content: "DRAFT "; ' in stylesheet("DRAFT ")
    assert "@top-center" not in stylesheet(None)


def test_only_very_long_words_get_break_opportunities_and_the_text_is_unchanged():
    url = "https://www.example.gov.uk/council/performance/productivity-plan-2025-26/annex-b?view=full&print=yes"
    drawn = writer.breakable(f"See {url} & Supercalifragilisticexpialidocious, or unremarkable words.")
    assert drawn.replace("<wbr>", "") == writer.escape(f"See {url} & Supercalifragilisticexpialidocious, or unremarkable words.")
    assert "unremarkable words" in drawn and "<wbr>" in drawn
    assert "Supercalifragilisticexpialidocious," in drawn  # 35 letters: left whole
    pieces = [piece for token in drawn.split() if "<wbr>" in token for piece in token.split("<wbr>")]
    assert max(len(piece) for piece in pieces) <= 20 + len("&amp;")
    assert "https://<wbr>" in drawn and "/<wbr>annex-<wbr>b?" in drawn


def test_a_fragment_by_default_sits_beside_the_page_and_never_replaces_it(tmp_path):
    plan = tmp_path / "riverside-2025.plan.yaml"
    plan.write_bytes((EXAMPLES / "riverside-2025.plan.yaml").read_bytes())
    assert run_plantool("export", "html", plan).returncode == 0
    page = (tmp_path / "riverside-2025.html").read_bytes()
    result = run_plantool("export", "html", plan, "--fragment")
    assert result.returncode == 0, result.stderr
    assert "riverside-2025.fragment.html" in result.stderr
    assert (tmp_path / "riverside-2025.html").read_bytes() == page  # the full page is untouched
    assert "<main" not in (tmp_path / "riverside-2025.fragment.html").read_text(encoding="utf-8")
