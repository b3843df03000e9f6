"""The WordprocessingML helpers, each on a fresh python-docx document, saved and re-opened."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from plantool.export.docx import ooxml


def reopen(document):
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer)


@pytest.mark.parametrize("raw, kept", [("a\x00b\x07c", "abc"), ("tab\tand\nnewline", "tab\tand\nnewline"), ("\ufffeok\ud800", "ok"), ("£ – é", "£ – é")])
def test_xml_safe_removes_only_what_xml_cannot_hold(raw, kept):
    assert ooxml.xml_safe(raw) == kept


def test_hyperlink_is_external_styled_and_survives_a_round_trip():
    document = docx.Document()
    paragraph = document.add_paragraph("See ")
    ooxml.add_hyperlink(paragraph, "our 2025 budget", "https://example.gov.uk/budget", bold=True)
    again = reopen(document)
    link = again.paragraphs[0]._p.find(qn("w:hyperlink"))
    relationship = again.part.rels[link.get(qn("r:id"))]
    assert relationship.is_external and relationship.target_ref == "https://example.gov.uk/budget"
    assert "".join(t.text for t in link.iter(qn("w:t"))) == "our 2025 budget"
    style_id = link.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val"))
    assert {s.style_id: s.name for s in again.styles}[style_id] == "Hyperlink"


def test_update_fields_sits_before_compat_in_schema_order():
    document = docx.Document()
    assert document.settings.element.find(qn("w:compat")) is not None  # python-docx's default settings have one
    ooxml.set_update_fields_on_open(document)
    ooxml.set_update_fields_on_open(document)  # idempotent
    settings = reopen(document).settings.element
    tags = [child.tag for child in settings]
    assert tags.count(qn("w:updateFields")) == 1
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    # right before the first of its schema successors, so every element before it may precede it
    assert tags[tags.index(qn("w:updateFields")) + 1] == qn("w:compat")


def test_update_fields_goes_last_when_nothing_must_follow_it():
    document = docx.Document()
    settings = document.settings.element
    kept = [qn("w:zoom"), qn("w:defaultTabStop")]
    for child in list(settings):
        if child.tag not in kept:
            settings.remove(child)
    ooxml.set_update_fields_on_open(document)
    assert [child.tag for child in reopen(document).settings.element] == kept + [qn("w:updateFields")]


def test_header_row_is_marked_once_and_cannot_split():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    ooxml.mark_header_row(table, 0)
    ooxml.mark_header_row(table, 0)
    rows = reopen(document).tables[0]._tbl.tr_lst
    properties = rows[0].trPr
    assert len(properties.findall(qn("w:tblHeader"))) == 1 and properties.find(qn("w:cantSplit")) is not None
    assert rows[1].trPr is None or rows[1].trPr.find(qn("w:tblHeader")) is None


def test_language_is_set_in_styles_and_core_properties():
    document = docx.Document()
    ooxml.set_language(document, "en-GB")
    again = reopen(document)
    language = again.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert language.get(qn("w:val")) == "en-GB"
    assert again.core_properties.language == "en-GB"


def test_contents_field_with_no_headings_still_closes():
    document = docx.Document()
    paragraph = document.add_paragraph()
    ooxml.add_table_of_contents(paragraph, "1-1")
    ooxml.fill_table_of_contents(paragraph, [])
    kinds = [c.get(qn("w:fldCharType")) for c in reopen(document).element.body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]


def test_columns_share_the_width_by_content_and_keep_long_figures_whole():
    from docx.shared import Cm

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[1].cells, ["Done", "£262,000,000", "A long description of the work. " * 10]):
        cell.text = text
    ooxml.fit_columns(table, Cm(17))
    widths = [column.w for column in reopen(document).tables[0]._tbl.tblGrid.gridCol_lst]
    assert abs(sum(widths) - Cm(17)) < Cm(0.1)
    assert widths[2] > widths[1] > widths[0]
    assert widths[1] >= Cm(17) * 14 / (8 + 14 + 60)  # the figure's 12 characters plus room


@pytest.mark.parametrize("text", ["plain words", " leading and trailing ", "tab\there", "two\nlines", "", "£1,200 – 9.26%"])
@pytest.mark.parametrize("bold", [False, True])
def test_add_run_writes_what_python_docx_writes(text, bold):
    """The shortcut past python-docx's character loop must give the same run XML."""
    from lxml import etree

    ours, theirs = docx.Document().add_paragraph(), docx.Document().add_paragraph()
    ooxml.add_run(ours, text, bold=bold)
    run = theirs.add_run(text)
    if bold:
        run.bold = True
    assert etree.tostring(ours._p) == etree.tostring(theirs._p)
    assert ours.text == text
