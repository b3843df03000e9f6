"""Write a published plan as the Word document that goes to Cabinet and onto the council's website.

What the document says, and in what order, is decided by `publish.build`;
this module only draws it with python-docx: styles, runs, tables, fields.
`ooxml` adds what python-docx lacks (links, fields, language) and holds every
use of python-docx's private API.
"""

from __future__ import annotations

from docx.shared import Pt

from plantool.export.docx import core_properties, ooxml
from plantool.publish.build import build_plan
from plantool.publish.labels import FACT_SEPARATOR
from plantool.publish.model import NOTE, BulletList, Paragraph, PublishedPlan, Section, Table

REQUIRED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Table Grid")
BULLET_STYLE = "List Bullet"
TABLE_STYLE = "Table Grid"
CELL_STYLE = "Table Text"  # text in table cells: added, based on Normal, when the template has none
SPACE_AFTER_TABLE = 6  # points between a table and the paragraph after it


class DocxWriter:
    """Draws one PublishedPlan into one python-docx Document."""

    def __init__(self, document):
        self.doc = document
        self._styles: dict[str, str] = {}
        self._after_table = False  # the last thing drawn in the body was a table
        self._font_size: float | None = None
        self._links: dict = {}  # part -> ooxml.Hyperlinks, made at the part's first link
        ensure_cell_style(document)

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
        paragraph = ooxml.add_body_paragraph(container) if container is self.doc else container.add_paragraph()
        if text:
            ooxml.add_run(paragraph, text)
        if style is not None:
            ooxml.set_paragraph_style_id(paragraph, self.style_id(style))
        if container is self.doc:
            if self._after_table and (style is None or style == BULLET_STYLE):
                paragraph.paragraph_format.space_before = Pt(SPACE_AFTER_TABLE)  # headings bring their own space
            self._after_table = False
        return paragraph

    def style_id(self, name: str) -> str:
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name].style_id
        return self._styles[name]

    def spans(self, paragraph, spans, *, italic: bool = False) -> None:
        """Runs and links; the model carries only links that are safe to publish."""
        for span in spans:
            if span.url is not None:
                ooxml.add_hyperlink(
                    paragraph, span.text, span.url, bold=span.bold, italic=italic or span.italic, links=self.links(paragraph.part),
                )
            else:
                ooxml.add_run(paragraph, span.text, bold=span.bold, italic=italic or span.italic)

    def links(self, part) -> ooxml.Hyperlinks:
        if part not in self._links:
            self._links[part] = ooxml.Hyperlinks(part)
        return self._links[part]

    def blocks(self, container, blocks) -> None:
        """Paragraphs and bullets into the document body or a table cell (whose first paragraph is used first)."""
        in_cell = container is not self.doc
        reuse = container.paragraphs[0] if in_cell else None
        for block in blocks:
            items = block.items if isinstance(block, BulletList) else (block.spans,)
            style = BULLET_STYLE if isinstance(block, BulletList) else (CELL_STYLE if in_cell else None)
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
        for line in fact_lines(plan.facts):
            paragraph = self.add_paragraph(self.doc)
            for index, fact in enumerate(line):
                if index:
                    ooxml.add_run(paragraph, FACT_SEPARATOR)
                self.spans(paragraph, fact.sentence)

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
        """A real table: header row marked and repeated on each page, alternative text, columns sized by content."""
        if self._after_table:  # two tables in a row would run together: Word joins adjacent tables
            self.add_paragraph(self.doc)
        grid = self.doc.add_table(rows=1, cols=len(table.columns))
        ooxml.set_table_style_id(grid, self.style_id(TABLE_STYLE))
        for cell, column in zip(grid.rows[0].cells, table.columns):
            ooxml.set_paragraph_style_id(cell.paragraphs[0], self.style_id(CELL_STYLE))
            ooxml.add_run(cell.paragraphs[0], column.title, bold=True)
        ooxml.mark_header_row(grid, 0)
        ooxml.set_table_description(grid, table.caption, table.description)
        for row in table.rows:
            for cell, content in zip(ooxml.new_row_cells(grid), row.cells):
                self.blocks(cell, content.blocks)
        section = self.doc.sections[-1]
        ooxml.fit_columns(grid, section.page_width - section.left_margin - section.right_margin, self.font_size())
        self._after_table = True

    def font_size(self) -> float:
        """The cell text's size in points (11 unless the template says otherwise), looked up once."""
        if self._font_size is None:
            sizes = (self.doc.styles[name].font.size for name in (CELL_STYLE, "Normal"))
            self._font_size = next((size.pt for size in sizes if size is not None), 11.0)
        return self._font_size

    def properties(self, plan: PublishedPlan, marker: str) -> None:
        """Title, language and page furniture: what a reader, a website and a screen reader see first."""
        meta = plan.metadata
        core_properties.set_core_properties(
            self.doc, title=meta.title, subject=meta.subject, author=meta.author, keywords=meta.keywords, identifier=marker,
        )
        ooxml.set_language(self.doc, meta.language)
        ooxml.set_update_fields_on_open(self.doc)
        for section in self.doc.sections:
            ooxml.add_page_x_of_y_footer(section)
            if plan.draft_banner:
                ooxml.add_draft_header(section, plan.draft_banner)


def fact_lines(facts) -> list[list]:
    """The title block's lines: each long fact alone, consecutive short facts together ('Period: 2025/26 · Status: Approved')."""
    lines: list[list] = []
    for fact in facts:
        if fact.short and lines and lines[-1][-1].short:
            lines[-1].append(fact)
        else:
            lines.append([fact])
    return lines


def ensure_cell_style(document) -> None:
    """The paragraph style of table cells: Normal without the space between paragraphs, single-spaced.

    A council template may define its own; otherwise one is added, based on
    the template's Normal, so its font and size carry into the tables.
    """
    from docx.enum.style import WD_STYLE_TYPE

    if any(style.name == CELL_STYLE for style in document.styles):
        return
    style = document.styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = False
    style.paragraph_format.space_before = Pt(1)
    style.paragraph_format.space_after = Pt(1)
    style.paragraph_format.line_spacing = 1.0


LINE_SPACING = 1.08  # Word's own default since 2013, which councils' own plans use

# The house style's headings: (style, size in points, space before, space after).
# Space before is two to four times the space after, so a heading sits with
# the text it introduces; the sizes step down clearly from 16 to the body's 11.
HEADINGS = (("Title", 24, 0, 4), ("Heading 1", 16, 12, 4), ("Heading 2", 13, 8, 3), ("Heading 3", 11, 6, 2))


def apply_house_style(document) -> None:
    """Plain, accessible defaults for a council without its own template.

    A4 with 2 cm margins; Arial 11 pt throughout, tables included, at 1.15
    line spacing with 6 pt between paragraphs (tables single-spaced); dark
    headings (above 10:1 contrast on white) spaced to belong to their text.
    Every style names Arial itself: Word prefers a style's theme font (Calibri
    Light for headings) to the font it names, which would also print wider.
    """
    from docx.shared import Cm, RGBColor

    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    ooxml.set_default_font(document, "Arial")
    styles = document.styles
    normal = styles["Normal"]
    ooxml.set_style_font(normal, "Arial")
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = LINE_SPACING
    dark = RGBColor(0x1F, 0x38, 0x64)
    for name, size, before, after in HEADINGS:
        style = styles[name]
        ooxml.set_style_font(style, "Arial")
        style.font.size = Pt(size)
        style.font.color.rgb = dark
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    ooxml.set_style_font(styles["Subtitle"], "Arial")
    styles["Subtitle"].font.color.rgb = dark


def new_document(template=None):
    """The council's template (an opened python-docx Document) emptied of sample content, or a blank document in the house style."""
    import docx

    from plantool.export.docx.template import clear_body

    if template is not None:
        clear_body(template)
        return template
    document = docx.Document()
    apply_house_style(document)
    return document


def write(plan: PublishedPlan, *, template=None, marker: str = ""):
    """A python-docx Document that shows `plan`, drawn into `template` (see `template.open_template`) if given."""
    document = new_document(template)
    DocxWriter(document).write(plan, marker=marker)
    return document


def build(schema, data: dict, *, draft_mark: bool, template=None, marker: str = "", findings: int | None = None):
    """The whole document, in the order Cabinet reads it: the plan's model, then Word.

    `template` is a council template opened by `template.open_template`;
    `findings` is how many errors check found; an approved plan's draft mark states it.
    """
    return write(build_plan(schema, data, draft=draft_mark, findings=findings), template=template, marker=marker)
