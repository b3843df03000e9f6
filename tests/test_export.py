"""`plantool export docx`: the Word document, re-opened with python-docx and read as XML."""

from __future__ import annotations

import zipfile

import docx
import pytest

from conftest import FIXTURES, run_plantool
from plan_helpers import at, complete_plan, findings, to_yaml

from plantool.plan.schema import load_schema

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def export(tmp_path, data, *args, name="plan.plan.yaml"):
    plan = tmp_path / name
    plan.write_text(to_yaml(data) if not isinstance(data, str) else data, encoding="utf-8")
    result = run_plantool("export", "docx", plan, *args)
    return plan, result


@pytest.fixture
def exported(tmp_path):
    data = complete_plan()
    data["themes"]["transformation"]["future_plans"] = (
        "We will move planning online. See [our digital strategy](https://www.example.gov.uk/digital)."
    )
    plan, result = export(tmp_path, data)
    assert result.returncode == 0, result.stderr
    return tmp_path / "plan.docx", data


def headings(document):
    return [
        (int(p.style.name.split()[-1]), p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading ")
    ]


def test_default_output_sits_beside_the_plan(exported):
    path, _ = exported
    assert path.is_file()


def test_headings_follow_the_schema_in_order_and_never_skip_levels(exported):
    path, data = exported
    found = headings(docx.Document(path))
    schema = load_schema()
    level_one = [text for level, text in found if level == 1]
    assert level_one == [node["title"] for _, node in schema.themes()] + ["Disclosures"]
    previous = 1
    for level, _ in found:
        assert level <= previous + 1
        previous = level
    transformation = schema.themes()[0][1]
    prompt_titles = [transformation["properties"][k] for k in ("organisational_change", "measuring_productivity")]
    assert all(schema.resolve(p)["title"] in [t for _, t in found] for p in prompt_titles)


def test_tables_have_marked_header_rows_and_contents(exported):
    path, _ = exported
    document = docx.Document(path)
    assert len(document.tables) >= 4
    for table in document.tables:
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    initiatives = next(t for t in document.tables if t.rows[0].cells[0].text == "Initiative name")
    assert [c.text for c in initiatives.rows[1].cells][:2] == ["Service centre", "Done"]
    assert "£450,000" in " ".join(c.text for c in initiatives.rows[1].cells)
    figures = [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
    assert "Cost of facility time | £8,000" in figures
    assert "Facility time as a share of the pay bill | 0.04%" in figures
    assert "Agency spend as a share | 1.5% of the pay bill (£20,000,000)" in figures
    assert any(line.startswith("Period | 2024/25") for line in figures)


def test_hyperlinks_are_real_and_descriptive(exported):
    path, _ = exported
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    assert 'Target="https://www.example.gov.uk/digital"' in rels and 'TargetMode="External"' in rels
    assert "<w:hyperlink" in body and "our digital strategy" in body
    assert 'Target="mailto:policy@example.gov.uk"' in rels


def test_toc_and_page_fields_and_update_on_open(exported):
    path, _ = exported
    document = docx.Document(path)
    body = document.element.body
    instructions = [t.text.strip() for t in body.iter(f"{W}instrText")]
    assert instructions and instructions[0].startswith('TOC \\o "1-')
    begins = [c for c in body.iter(f"{W}fldChar") if c.get(f"{W}fldCharType") == "begin"]
    ends = [c for c in body.iter(f"{W}fldChar") if c.get(f"{W}fldCharType") == "end"]
    assert len(begins) == len(ends) == 1 and begins[0].get(f"{W}dirty") == "true"
    # until Word refreshes it, the contents field shows the theme headings in order
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    start = next(i for i, p in enumerate(document.paragraphs) if p._p.find(f".//{W}instrText") is not None)
    shown = [p.text for p in document.paragraphs[start : start + len(headings)]]
    assert shown == headings
    settings = document.settings.element
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"
    footer = document.sections[0].footer._element
    codes = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert codes == ["PAGE", "NUMPAGES"]
    assert document.sections[0].footer.paragraphs[-1].text.startswith("Page ")


def test_core_properties_and_language(exported):
    path, data = exported
    document = docx.Document(path)
    props = document.core_properties
    assert props.title == data["plan"]["title"]
    assert props.author == data["council"]["name"]
    assert "2025/26" in props.subject
    assert "productivity plan" in props.keywords
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert 'w:val="en-GB"' in styles


def test_title_block_has_council_status_and_approval(exported):
    path, _ = exported
    text = "\n".join(p.text for p in docx.Document(path).paragraphs[:8])
    assert "South Derbyshire District Council" in text and "Status: Approved" in text
    assert "Approved by Cabinet on 10 July 2025." in text


def test_plan_with_errors_is_refused_and_nothing_written(tmp_path):
    plan, result = export(tmp_path, at(complete_plan(), "council.type", "county"))
    assert result.returncode == 1
    assert "(gss-code-type)" in result.stderr and "export refused" in result.stderr
    assert not (tmp_path / "plan.docx").exists()


def header_text(path):
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header"))


def test_draft_flag_exports_anyway_and_marks_every_page(tmp_path):
    """An approved plan with errors, exported as a draft, says how many findings it has to resolve (not 'not approved')."""
    data = at(complete_plan(), "council.type", "county")
    errors = [f for f in findings(data) if f.severity == "error"]
    plan, result = export(tmp_path, data, "--draft")
    assert result.returncode == 0, result.stderr
    mark = f"DRAFT – {len(errors)} finding{'s' if len(errors) != 1 else ''} to resolve"
    assert errors and mark in header_text(tmp_path / "plan.docx")
    assert "not approved" not in header_text(tmp_path / "plan.docx")
    assert f"(marked {mark})" in result.stderr


def test_draft_status_is_always_marked_and_unanswered_prompts_show(tmp_path):
    data = at(complete_plan(), "plan.status", "draft")
    data = at(data, "themes.transformation.future_plans", "TODO")
    plan, result = export(tmp_path, data)
    assert result.returncode == 0
    path = tmp_path / "plan.docx"
    assert "DRAFT – not approved" in header_text(path)
    assert "Not answered yet." in [p.text for p in docx.Document(path).paragraphs]


def test_final_document_leaves_unanswered_prompts_out(tmp_path):
    text = (FIXTURES / "complete.plan.yaml").read_text()
    text = text.replace(
        "    foundations: Our case system is replaced in 2026, and staff are trained in data skills.",
        "    # plantool: disable=unanswered -- covered by the council's digital strategy\n    foundations:",
    )
    plan, result = export(tmp_path, text)
    assert result.returncode == 0, result.stderr
    titles = [t for _, t in headings(docx.Document(tmp_path / "plan.docx"))]
    assert "Foundations: systems, skills and data sharing" not in titles
    assert "New technology" in titles
    assert "DRAFT" not in header_text(tmp_path / "plan.docx")


def test_refuses_to_replace_an_unrelated_file_but_replaces_its_own_export(tmp_path, exported):
    path, data = exported
    first = path.read_bytes()
    plan = tmp_path / "plan.plan.yaml"
    again = run_plantool("export", "docx", plan)
    assert again.returncode == 0, again.stderr  # its own previous export is replaced
    other = tmp_path / "other.docx"
    other.write_bytes(b"precious")
    refused = run_plantool("export", "docx", plan, "-o", other)
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert other.read_bytes() == b"precious"
    forced = run_plantool("export", "docx", plan, "-o", other, "--force")
    assert forced.returncode == 0 and other.read_bytes()[:2] == b"PK"
    assert first[:2] == b"PK"


def test_control_characters_do_not_corrupt_the_file(tmp_path):
    data = at(complete_plan(), "themes.transformation.future_plans", "Plans\x0b with a vertical tab and \x1f unit separator.")
    plan, result = export(tmp_path, data)
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in docx.Document(tmp_path / "plan.docx").paragraphs]
    assert "Plans with a vertical tab and  unit separator." in texts


def test_template_missing_styles_are_listed_and_exit_2(tmp_path):
    template = tmp_path / "council.docx"
    document = docx.Document()
    document.save(template)
    # Remove a style the export needs from the template's styles part.
    import shutil

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "word/styles.xml":
                import re

                content = re.sub(rb'<w:style [^>]*w:styleId="Subtitle".*?</w:style>', b"", content, flags=re.S)
            dst.writestr(item, content)
    shutil.copy(FIXTURES / "complete.plan.yaml", tmp_path / "plan.plan.yaml")
    result = run_plantool("export", "docx", tmp_path / "plan.plan.yaml", "--template", broken)
    assert result.returncode == 2 and "Subtitle" in result.stderr
    assert not (tmp_path / "plan.docx").exists()


@pytest.mark.parametrize("name, content", [("notes.docx", b"just text"), ("macro.docm", b"PK\x03\x04broken")])
def test_template_that_is_not_a_docx_is_refused(tmp_path, name, content):
    import shutil

    template = tmp_path / name
    template.write_bytes(content)
    shutil.copy(FIXTURES / "complete.plan.yaml", tmp_path / "plan.plan.yaml")
    result = run_plantool("export", "docx", tmp_path / "plan.plan.yaml", "--template", template)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(template) in result.stderr or name in result.stderr


def test_a_council_template_keeps_its_header_art_and_margins(tmp_path):
    import shutil

    from docx.shared import Cm

    template = tmp_path / "council.docx"
    document = docx.Document()
    document.sections[0].left_margin = Cm(3.3)
    document.sections[0].header.paragraphs[0].text = "South Derbyshire District Council crest"
    document.add_paragraph("Template body text that must not appear")
    document.save(template)
    shutil.copy(FIXTURES / "complete.plan.yaml", tmp_path / "plan.plan.yaml")
    result = run_plantool("export", "docx", tmp_path / "plan.plan.yaml", "--template", template)
    assert result.returncode == 0, result.stderr
    out = docx.Document(tmp_path / "plan.docx")
    assert abs(out.sections[0].left_margin.cm - 3.3) < 0.01
    assert "South Derbyshire District Council crest" in header_text(tmp_path / "plan.docx")
    assert "Template body text that must not appear" not in [p.text for p in out.paragraphs]


def test_without_a_template_the_page_is_a4_in_arial(exported):
    from docx.shared import Cm

    path, _ = exported
    document = docx.Document(path)
    section = document.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert document.styles["Normal"].font.name == "Arial"
    fonts = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Arial" and fonts.get(f"{W}asciiTheme") is None


def test_years_in_measure_tables_have_no_thousands_separator(tmp_path):
    from conftest import EXAMPLES

    out = tmp_path / "durham.docx"
    assert run_plantool("export", "docx", EXAMPLES / "durham-2024.plan.yaml", "-o", out, "--draft").returncode == 0
    table = next(t for t in docx.Document(out).tables if t.rows[0].cells[0].text == "Measure")
    row = [c.text for c in table.rows[1].cells]
    assert row[1] == "2019" and row[2] == "9,307"


def test_building_on_the_second_core_gives_the_same_document(tmp_path):
    """export builds the document in a forked child while it checks; without fork it runs in turn."""
    from conftest import EXAMPLES

    plan = EXAMPLES / "durham-2024.plan.yaml"
    forked = run_plantool("export", "docx", plan, "-o", tmp_path / "forked.docx", "--draft")
    serial = run_plantool("export", "docx", plan, "-o", tmp_path / "serial.docx", "--draft", env={"PLANTOOL_NO_FORK": "1"})
    assert forked.returncode == serial.returncode == 0
    assert forked.stderr.replace("forked", "serial") == serial.stderr
    documents = [docx.Document(tmp_path / name) for name in ("forked.docx", "serial.docx")]
    assert [p.text for p in documents[0].paragraphs] == [p.text for p in documents[1].paragraphs]
    assert [[c.text for c in r.cells] for t in documents[0].tables for r in t.rows] == [
        [c.text for c in r.cells] for t in documents[1].tables for r in t.rows
    ]


EXAMPLE_PLANS = sorted((FIXTURES.parent.parent / "examples").glob("*.plan.yaml"))


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_every_example_exports_a_well_formed_accessible_document(tmp_path, plan):
    """Each bundled example, re-opened: headings, tables, links, fields, properties, language."""
    from plantool.plan import loader as documents
    from plantool.check.rules.link_scheme import allowed

    data = documents.load(plan).data
    out = tmp_path / "example.docx"
    result = run_plantool("export", "docx", plan, "-o", out, "--draft")
    assert result.returncode == 0, result.stderr
    document = docx.Document(out)
    found = headings(document)
    schema = load_schema()
    theme_titles = [node["title"] for _, node in schema.themes()]
    assert [title for level, title in found if level == 1 and title in theme_titles] == theme_titles
    assert found[0][0] == 1 and all(b[0] - a[0] <= 1 for a, b in zip(found, found[1:]))
    for table in document.tables:
        rows = table._tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None and len(rows) >= 2
        assert all(cell.text.strip() for cell in table.rows[0].cells)
    external = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert all(allowed(target) for target in external)
    instructions = [t.text.strip() for t in document.element.body.iter(f"{W}instrText")]
    assert instructions[0].startswith("TOC")
    footer = [t.text.strip() for t in document.sections[0].footer._element.iter(f"{W}instrText")]
    assert footer == ["PAGE", "NUMPAGES"]
    properties = document.core_properties
    assert properties.author == data["council"]["name"] and properties.title and properties.language == "en-GB"
    errors = sum(1 for line in result.stderr.splitlines() if ": error: " in line)
    if data["plan"]["status"] == "draft":
        assert document.sections[0].header.paragraphs[0].text == "DRAFT – not approved"
    else:  # approved or published, marked a draft because of its errors (or on request)
        assert document.sections[0].header.paragraphs[0].text == (f"DRAFT – {errors} findings to resolve" if errors > 1 else "DRAFT" if not errors else "DRAFT – 1 finding to resolve")
