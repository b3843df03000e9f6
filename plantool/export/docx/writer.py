"""Build the Word document that goes to Cabinet and onto the council's website.

Headings, column headers and labels come from the schema's titles, so the
document follows the schema without naming any theme here. python-docx makes
the document; `ooxml` adds what python-docx lacks (links, fields, language).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plantool.publish import formatting
from plantool.plan import richtext
from plantool.plan.questions import is_blank, is_not_available
from plantool.check.rules.link_scheme import allowed as link_allowed
from plantool.plan.schema import is_free_text
from plantool.export.docx import ooxml

REQUIRED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Table Grid")
CONTENTS_DEPTH = 1  # themes only: a 3-6 page plan needs no second level
DRAFT_MARK = "DRAFT – not approved"


class Writer:
    """Writes one plan into one python-docx Document."""

    def __init__(self, document, schema, data: dict, *, final: bool):
        self.doc = document
        self.schema = schema
        self.data = data
        self.final = final
        self.headings: list[tuple[int, str]] = []  # for the contents field
        self._styles: dict[str, str] = {}

    def add_paragraph(self, container, text: str = "", style: str | None = None):
        """A paragraph in `style`, set by id.

        python-docx's own style setter compares every style with the default
        one, about 1 ms a paragraph; the ids are looked up once instead.
        """
        paragraph = container.add_paragraph()
        if text:
            ooxml.add_run(paragraph, text)
        if style is not None:
            paragraph._p.get_or_add_pPr().style = self.style_id(style)
        return paragraph

    def style_id(self, name: str) -> str:
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name].style_id
        return self._styles[name]

    # -- text ------------------------------------------------------------------
    def text(self, value: Any, container=None, style: str | None = None) -> None:
        """Render free text (paragraphs, bullets, bold, links) into the document or a cell."""
        container = container or self.doc
        first_in_cell = container is not self.doc and not container.paragraphs[0].text
        for block in richtext.blocks(str(value)):
            for item in block.items:
                if first_in_cell:
                    paragraph = container.paragraphs[0]
                    first_in_cell = False
                    if block.kind == "bullets":
                        paragraph._p.get_or_add_pPr().style = self.style_id("List Bullet")
                else:
                    paragraph = self.add_paragraph(container, style="List Bullet" if block.kind == "bullets" else style)
                self.spans(paragraph, item)

    def spans(self, paragraph, spans) -> None:
        for span in spans:
            if span.url is not None and link_allowed(span.url):
                ooxml.add_hyperlink(paragraph, span.text, span.url.strip(), bold=span.bold)
            else:  # refused schemes were reported by check (link-scheme); keep the words only
                ooxml.add_run(paragraph, span.text, bold=span.bold)

    def plain(self, container, value: str, *, bold: bool = False, italic: bool = False, style: str | None = None):
        paragraph = self.add_paragraph(container, style=style)
        ooxml.add_run(paragraph, value, bold=bold, italic=italic)
        return paragraph

    def heading(self, title: str, level: int) -> None:
        title = ooxml.xml_safe(title)
        self.add_paragraph(self.doc, title, f"Heading {level}")
        self.headings.append((level, title))

    # -- values ----------------------------------------------------------------
    def value_text(self, value: Any, node: dict | None) -> str:
        """A figure or short value as British-formatted words."""
        node = node or {}
        if value is None:
            return ""
        if is_not_available(value):
            return f"Not available: {value['not_available']}"
        unit = node.get("x-plantool-unit")
        if unit == "pounds":
            return formatting.money(value)
        if unit == "percent":
            return formatting.percent(value)
        if unit == "year":
            return str(value)  # 2019, not 2,019
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return formatting.number(value)
        labels = node.get("x-plantool-labels")
        if labels and value in labels:
            return labels[value]
        if isinstance(value, dict):
            return self.share_text(value, node)
        if isinstance(value, list):
            return "; ".join(self.record_text(item, self.schema.child(node, 0)) for item in value)
        return str(value)

    def share_text(self, value: dict, node: dict) -> str:
        """'1.5% of the pay bill (£20,000,000)': every percentage states its base."""
        branch = self.schema.object_branch(node)
        percent = value.get("percent")
        if percent is None:
            return ""
        base_node = self.schema.child(branch, "of") or {}
        base = (base_node.get("x-plantool-labels") or {}).get(value.get("of"), value.get("of") or "an unstated base")
        text = f"{self.value_text(percent, self.schema.child(branch, 'percent'))} of {base}"
        amount = value.get("base_amount")
        if isinstance(amount, (int, float)):
            text += f" ({formatting.money(amount)})"
        return text

    def record_text(self, item: Any, node: dict | None) -> str:
        """One list item inside a cell, e.g. a saving: '£450,000 achieved, 2024/25'."""
        if not isinstance(item, dict):
            return self.value_text(item, node)
        props = self.schema.object_branch(node or {}).get("properties", {})
        parts = [self.value_text(v, self.schema.resolve(props.get(k, {}))) for k, v in item.items() if v is not None]
        return ", ".join(p for p in parts if p)

    # -- tables ----------------------------------------------------------------
    def table(self, rows: list, node: dict) -> None:
        """A list of records as a real table, header row marked and repeated on each page."""
        item_node = self.schema.child(node, 0) or {}
        props = self.schema.object_branch(item_node).get("properties", {})
        columns = [key for key in props if any(isinstance(r, dict) and not is_blank(r.get(key)) for r in rows)]
        table = self.doc.add_table(rows=1, cols=len(columns))
        table._tbl.tblPr.style = self.style_id("Table Grid")
        for cell, key in zip(table.rows[0].cells, columns):
            ooxml.add_run(cell.paragraphs[0], self.schema.resolve(props[key]).get("title", key), bold=True)
        ooxml.mark_header_row(table, 0)
        ooxml.set_table_description(table, node.get("title", ""), node.get("description", ""))
        for row in rows:
            cells = ooxml.new_row_cells(table)
            for cell, key in zip(cells, columns):
                value = row.get(key) if isinstance(row, dict) else None
                child = self.schema.resolve(props[key])
                if is_free_text(child) and isinstance(value, str):
                    self.text(value, cell)
                else:
                    ooxml.add_run(cell.paragraphs[0], self.value_text(value, child))
        self.fit_columns(table)
        self.doc.add_paragraph()

    def fit_columns(self, table) -> None:
        """Share the text width by how much each column holds, so long descriptions get room."""
        section = self.doc.sections[-1]
        available = section.page_width - section.left_margin - section.right_margin
        ooxml.fit_columns(table, available)

    def figures_table(self, section: dict, node: dict) -> None:
        """Disclosure figures as a two-column table: what, and the figure."""
        rows = list(self.figure_rows(section, node, prefix=""))
        if not rows:
            return
        table = self.doc.add_table(rows=1, cols=2)
        table._tbl.tblPr.style = self.style_id("Table Grid")
        for cell, title in zip(table.rows[0].cells, ("Figure", "Value")):
            ooxml.add_run(cell.paragraphs[0], title, bold=True)
        ooxml.mark_header_row(table, 0)
        ooxml.set_table_description(table, f"{node.get('title', '')}: figures")
        for label, text in rows:
            cells = ooxml.new_row_cells(table)
            ooxml.add_run(cells[0].paragraphs[0], label)
            ooxml.add_run(cells[1].paragraphs[0], text)
        self.fit_columns(table)
        self.doc.add_paragraph()

    def figure_rows(self, section: dict, node: dict, prefix: str):
        props = self.schema.object_branch(node).get("properties", {})
        for key, child in props.items():
            child = self.schema.resolve(child)
            value = section.get(key)
            if value is None or is_free_text(child):
                continue
            title = child.get("title", key)
            label = f"{prefix}{title}"
            branch = self.schema.object_branch(child)
            if isinstance(value, dict) and not is_not_available(value) and "percent" not in value:
                yield from self.figure_rows(value, branch, prefix=f"{title}: ")
            else:
                shown = self.value_text(value, child)
                if shown:
                    yield label, shown

    # -- sections --------------------------------------------------------------
    def title_block(self) -> None:
        council = self.data.get("council") or {}
        plan = self.data.get("plan") or {}
        self.add_paragraph(self.doc, str(plan.get("title") or "Productivity plan"), "Title")  # add_run makes it XML-safe
        if council.get("name"):
            self.add_paragraph(self.doc, str(council["name"]), "Subtitle")
        facts = []
        if plan.get("period"):
            facts.append(f"Period: {plan['period']}")
        if plan.get("status"):
            facts.append(f"Status: {str(plan['status']).capitalize()}")
        if facts:
            self.plain(self.doc, " · ".join(facts))
        approval = plan.get("approval") or {}
        if approval.get("body") and approval.get("date"):
            self.plain(self.doc, f"Approved by {approval['body']} on {formatting.date(approval['date'])}.")
        url = plan.get("publication_url")
        if isinstance(url, str) and link_allowed(url):
            paragraph = self.doc.add_paragraph("Published at: ")
            ooxml.add_hyperlink(paragraph, f"{council.get('name') or 'the council'}'s productivity plan page", url)
        contact = plan.get("contact") or {}
        who = ", ".join(str(contact[k]) for k in ("name", "role") if contact.get(k))
        if who or contact.get("email"):
            paragraph = self.add_paragraph(self.doc, f"Contact: {who}" + (" – " if who and contact.get("email") else ""))
            if contact.get("email"):
                ooxml.add_hyperlink(paragraph, f"email {contact['email']}", f"mailto:{contact['email']}")
        cost = plan.get("cost_of_producing")
        if isinstance(cost, (int, float)):
            self.plain(self.doc, f"Cost of producing this plan: {formatting.money(cost)}.")

    def contents(self) -> None:
        self.plain(self.doc, "Contents", bold=True)
        self.contents_paragraph = self.doc.add_paragraph()
        ooxml.add_table_of_contents(self.contents_paragraph, levels=f"1-{CONTENTS_DEPTH}")

    def finish_contents(self) -> None:
        """Close the contents field with the headings actually written."""
        entries = [(level, title) for level, title in self.headings if level <= CONTENTS_DEPTH]
        ooxml.fill_table_of_contents(self.contents_paragraph, entries)

    def introduction(self) -> None:
        plan = self.data.get("plan") or {}
        node = self.schema.node_at(("plan", "introduction")) or {}
        if not is_blank(plan.get("introduction")):
            self.heading(node.get("title", "Introduction"), 1)
            self.text(plan["introduction"])

    def themes(self) -> None:
        themes = self.data.get("themes") or {}
        for key, node in self.schema.themes():
            self.heading(node["title"], 1)
            self.section_body(themes.get(key) or {}, node)

    def section_body(self, values: dict, node: dict, level: int = 2) -> None:
        """Prompts as headings with their answers, then lists as tables."""
        for key, child in self.schema.object_branch(node).get("properties", {}).items():
            child = self.schema.resolve(child)
            value = values.get(key)
            if is_free_text(child):
                if is_blank(value):
                    if self.final or "x-plantool-question" not in child:
                        continue  # a final document leaves unanswered prompts out
                    self.heading(child["title"], level)
                    self.plain(self.doc, "Not answered yet.", italic=True)
                    continue
                self.heading(child["title"], level)
                self.text(value)
            elif isinstance(value, list) and value:
                self.heading(child.get("title", key), level)
                self.table(value, child)

    def disclosures(self) -> None:
        disclosures = self.data.get("disclosures") or {}
        present = [(k, n) for k, n in self.schema.disclosures() if isinstance(disclosures.get(k), dict) and disclosures[k]]
        if not present:
            return
        node = self.schema.node_at(("disclosures",)) or {}
        self.heading(node.get("title", "Disclosures"), 1)
        for key, section_node in present:
            section = disclosures[key]
            self.heading(section_node["title"], 2)
            self.figures_table(section, section_node)
            for field, child in section_node.get("properties", {}).items():
                child = self.schema.resolve(child)
                if is_free_text(child) and not is_blank(section.get(field)):
                    self.heading(child["title"], 3)
                    self.text(section[field])


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


def build(schema, data: dict, *, draft_mark: bool, template: Path | None = None, marker: str = ""):
    """The whole document, in the order Cabinet reads it."""
    import docx

    from plantool.export.docx.template import clear_body, open_template

    if template is not None:
        document = open_template(template, REQUIRED_STYLES)
        clear_body(document)
    else:
        document = docx.Document()
        apply_house_style(document)
    writer = Writer(document, schema, data, final=not draft_mark)
    writer.title_block()
    writer.contents()
    writer.introduction()
    writer.themes()
    writer.disclosures()
    writer.finish_contents()

    council = (data.get("council") or {}).get("name") or "Council"
    plan = data.get("plan") or {}
    title = str(plan.get("title") or "Productivity plan")
    ooxml.set_core_properties(
        document,
        title=title,
        subject=f"Productivity plan {plan.get('period') or ''}".strip(),
        author=str(council),
        keywords=["productivity plan", str(council), str(plan.get("period") or ""), "local government"],
    )
    document.core_properties.identifier = marker
    ooxml.set_language(document, "en-GB")
    ooxml.set_update_fields_on_open(document)
    for section in document.sections:
        ooxml.add_page_x_of_y_footer(section)
        if draft_mark:
            ooxml.add_draft_header(section, DRAFT_MARK)
    return document

