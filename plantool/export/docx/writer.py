"""Write a published plan as the Word document that goes to Cabinet and onto the council's website.

What the document says, and in what order, is decided by `publish.build`;
this module only draws it with python-docx: styles, runs, tables, fields.
`ooxml` adds what python-docx lacks (links, fields, language) and holds every
use of python-docx's private API.
"""

from __future__ import annotations

from pathlib import Path

from plantool.export.docx import ooxml
from plantool.publish.build import build_plan
from plantool.publish.labels import FACT_SEPARATOR
from plantool.publish.model import NOTE, BulletList, Paragraph, PublishedPlan, Section, Table

REQUIRED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Table Grid")
BULLET_STYLE = "List Bullet"
TABLE_STYLE = "Table Grid"


class DocxWriter:
    """Draws one PublishedPlan into one python-docx Document."""

    def __init__(self, document):
        self.doc = document
        self._styles: dict[str, str] = {}

    def write(self, plan: PublishedPlan, *, marker: str = "") -> None:
        self.title_block(plan)
        contents = self.contents(plan)
        for section in plan.sections:
            self.section(section)
        ooxml.fill_table_of_contents(contents, [(e.level, ooxml.xml_safe(e.title)) for e in plan.contents.entries])
        self.properties(plan, marker)

    # -- paragraphs -------------------------------------------------------------------
    def add_paragraph(self, container, text: str = "", style: str | None = None):
        """A paragraph in `style`, set by id.

        python-docx's own style setter compares every style with the default
        one, about 1 ms a paragraph; the ids are looked up once instead.
        """
        paragraph = container.add_paragraph()
        if text:
            ooxml.add_run(paragraph, text)
        if style is not None:
            ooxml.set_paragraph_style_id(paragraph, self.style_id(style))
        return paragraph

    def style_id(self, name: str) -> str:
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name].style_id
        return self._styles[name]

    def spans(self, paragraph, spans, *, italic: bool = False) -> None:
        """Runs and links; the model carries only links that are safe to publish."""
        for span in spans:
            if span.url is not None:
                ooxml.add_hyperlink(paragraph, span.text, span.url, bold=span.bold)
            else:
                ooxml.add_run(paragraph, span.text, bold=span.bold, italic=italic or span.italic)

    def blocks(self, container, blocks) -> None:
        """Paragraphs and bullets into the document body or a table cell (whose first paragraph is used first)."""
        reuse = container.paragraphs[0] if container is not self.doc else None
        for block in blocks:
            items = block.items if isinstance(block, BulletList) else (block.spans,)
            style = BULLET_STYLE if isinstance(block, BulletList) else None
            for item in items:
                if reuse is not None:
                    paragraph, reuse = reuse, None
                    if style is not None:
                        ooxml.set_paragraph_style_id(paragraph, self.style_id(style))
                else:
                    paragraph = self.add_paragraph(container, style=style)
                self.spans(paragraph, item, italic=isinstance(block, Paragraph) and block.role == NOTE)

    # -- the parts of the document ----------------------------------------------------
    def title_block(self, plan: PublishedPlan) -> None:
        self.add_paragraph(self.doc, plan.title, "Title")  # add_run makes it XML-safe
        if plan.subtitle:
            self.add_paragraph(self.doc, plan.subtitle, "Subtitle")
        short = [fact for fact in plan.facts if fact.short]
        if short:  # period and status on one line
            self.add_paragraph(self.doc, FACT_SEPARATOR.join(span.text for f in short for span in f.sentence))
        for fact in plan.facts:
            if not fact.short:
                self.spans(self.add_paragraph(self.doc), fact.sentence)

    def contents(self, plan: PublishedPlan):
        """The contents label and an open contents field, closed once the headings are written."""
        ooxml.add_run(self.add_paragraph(self.doc), plan.contents.title, bold=True)
        paragraph = self.doc.add_paragraph()
        ooxml.add_table_of_contents(paragraph, levels=f"1-{plan.contents.depth}")
        return paragraph

    def section(self, section: Section) -> None:
        self.add_paragraph(self.doc, ooxml.xml_safe(section.title), f"Heading {section.level}")
        for block in section.blocks:
            if isinstance(block, Table):
                self.table(block)
            else:
                self.blocks(self.doc, (block,))
        for child in section.sections:
            self.section(child)

    def table(self, table: Table) -> None:
        """A real table: header row marked and repeated on each page, alternative text, fitted columns."""
        grid = self.doc.add_table(rows=1, cols=len(table.columns))
        ooxml.set_table_style_id(grid, self.style_id(TABLE_STYLE))
        for cell, column in zip(grid.rows[0].cells, table.columns):
            ooxml.add_run(cell.paragraphs[0], column.title, bold=True)
        ooxml.mark_header_row(grid, 0)
        ooxml.set_table_description(grid, table.caption, table.description)
        for row in table.rows:
            for cell, content in zip(ooxml.new_row_cells(grid), row.cells):
                self.blocks(cell, content.blocks)
        section = self.doc.sections[-1]
        ooxml.fit_columns(grid, section.page_width - section.left_margin - section.right_margin)
        self.doc.add_paragraph()

    def properties(self, plan: PublishedPlan, marker: str) -> None:
        """Title, language and page furniture: what a reader, a website and a screen reader see first."""
        meta = plan.metadata
        ooxml.set_core_properties(self.doc, title=meta.title, subject=meta.subject, author=meta.author, keywords=meta.keywords)
        self.doc.core_properties.identifier = marker
        ooxml.set_language(self.doc, meta.language)
        ooxml.set_update_fields_on_open(self.doc)
        for section in self.doc.sections:
            ooxml.add_page_x_of_y_footer(section)
            if plan.draft_banner:
                ooxml.add_draft_header(section, plan.draft_banner)


def apply_house_style(document) -> None:
    """Plain, accessible defaults for a council without its own template.

    A4 with 2 cm margins, Arial 11 pt, and dark headings (all above 10:1
    contrast on white), so a 3 to 6 page plan prints as councils expect.
    """
    from docx.shared import Cm, Pt, RGBColor

    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    ooxml.set_default_font(document, "Arial")
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    dark = RGBColor(0x1F, 0x38, 0x64)
    for name, size, before in (("Title", 24, 0), ("Heading 1", 16, 18), ("Heading 2", 13, 12), ("Heading 3", 11, 10)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = dark
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
    styles["Subtitle"].font.color.rgb = dark


def new_document(template: Path | None = None):
    """The council's template emptied of sample content, or a blank document in the house style."""
    import docx

    from plantool.export.docx.template import clear_body, open_template

    if template is not None:
        document = open_template(template, REQUIRED_STYLES)
        clear_body(document)
    else:
        document = docx.Document()
        apply_house_style(document)
    return document


def write(plan: PublishedPlan, *, template: Path | None = None, marker: str = ""):
    """A python-docx Document that shows `plan`."""
    document = new_document(template)
    DocxWriter(document).write(plan, marker=marker)
    return document


def build(schema, data: dict, *, draft_mark: bool, template: Path | None = None, marker: str = ""):
    """The whole document, in the order Cabinet reads it: the plan's model, then Word."""
    return write(build_plan(schema, data, draft=draft_mark), template=template, marker=marker)
