"""Plan data and the schema -> the published plan: what it says, and in what order.

The order is the one Cabinet reads: the title block, the contents, the
introduction, the themes in schema order with their prompts and tables, then
the disclosures with their figures and narrative. Headings, column titles and
captions are the schema's titles; every other word comes from `labels`. No
theme is named here: a prompt added to the schema appears in the next export.
"""

from __future__ import annotations

from typing import Any

from plantool.check.rules.link_scheme import allowed as link_allowed
from plantool.plan import richtext
from plantool.plan.questions import is_blank, is_not_available
from plantool.plan.schema import is_free_text
from plantool.publish import formatting, labels
from plantool.publish.model import (
    FIGURES,
    NOTE,
    BulletList,
    Cell,
    Column,
    Contents,
    ContentsEntry,
    Fact,
    Metadata,
    Paragraph,
    PublishedPlan,
    Row,
    Section,
    Span,
    Table,
)
from plantool.publish.values import unit_of, value_text

CONTENTS_DEPTH = 1  # themes only: a 3-6 page plan needs no second level


def build_plan(schema, data: dict, *, draft: bool) -> PublishedPlan:
    """The whole published plan. A draft shows unanswered prompts with a note; a final plan leaves them out."""
    council = data.get("council") or {}
    plan = data.get("plan") or {}
    sections = tuple(s for s in (introduction(schema, plan), *themes(schema, data, draft), disclosures(schema, data)) if s)
    return PublishedPlan(
        title=str(plan.get("title") or labels.DOCUMENT_KIND),
        subtitle=str(council["name"]) if council.get("name") else None,
        facts=title_facts(council, plan),
        contents=Contents(
            labels.CONTENTS,
            CONTENTS_DEPTH,
            tuple(ContentsEntry(s.anchor, s.title, s.level) for s in sections if s.level <= CONTENTS_DEPTH),
        ),
        sections=sections,
        metadata=metadata(council, plan),
        draft_banner=labels.DRAFT_MARK if draft else None,
    )


def anchor(*keys: str) -> str:
    """A stable id from schema keys: ('transformation', 'future_plans') -> 'transformation-future-plans'."""
    return "-".join(str(key).replace("_", "-") for key in keys)


def fallback_title(key: str) -> str:
    """For a schema node without a title: its key, as words."""
    return key.replace("_", " ").capitalize()


# -- inline text -----------------------------------------------------------------------


def inline(spans) -> tuple[Span, ...]:
    """Free-text spans as published: links only to web and email addresses (check reports the rest as link-scheme)."""
    out = []
    for span in spans:
        if span.url is not None and link_allowed(span.url):
            out.append(Span(span.text, span.bold, span.url.strip(), span.italic))
        else:  # a refused scheme keeps its words only
            out.append(Span(span.text, span.bold, None, span.italic))
    return tuple(out)


def text_blocks(value: Any) -> tuple:
    """Free text as paragraphs and bullet lists."""
    out = []
    for block in richtext.blocks(str(value)):
        if block.kind == "bullets":
            out.append(BulletList(tuple(inline(item) for item in block.items)))
        else:
            out.extend(Paragraph(inline(item)) for item in block.items)
    return tuple(out)


def figure_cell(schema, value: Any, node: dict | None) -> Cell:
    """A value shown as words in one paragraph (an empty one when there is nothing to show)."""
    unit = unit_of(schema, node)
    if unit == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        unit = None  # a field that may hold a number holds words here
    return Cell((Paragraph((Span(value_text(schema, value, node)),)),), value, unit)


# -- the title block -------------------------------------------------------------------


def plain_fact(key: str, label: str, shown: str, value: Any, *, short: bool = False, sentence: str | None = None) -> Fact:
    return Fact(key, label, (Span(shown),), (Span(sentence or labels.FACT.format(label=label, value=shown)),), value, short)


def title_facts(council: dict, plan: dict) -> tuple[Fact, ...]:
    """Period, status, approval, where it is published, whom to contact, what it cost."""
    facts = []
    if plan.get("period"):
        facts.append(plain_fact("period", labels.PERIOD, str(plan["period"]), plan["period"], short=True))
    if plan.get("status"):
        facts.append(plain_fact("status", labels.STATUS, str(plan["status"]).capitalize(), plan["status"], short=True))
    approval = plan.get("approval") or {}
    if approval.get("body") and approval.get("date"):
        words = {"body": approval["body"], "date": formatting.date(approval["date"])}
        shown, sentence = labels.APPROVAL_DETAIL.format(**words), labels.APPROVAL.format(**words)
        facts.append(plain_fact("approval", labels.APPROVED_BY, shown, approval, sentence=sentence))
    url = plan.get("publication_url")
    if isinstance(url, str) and link_allowed(url):
        link = Span(labels.PUBLICATION_LINK.format(council=council.get("name") or labels.NO_COUNCIL), url=url)
        lead = Span(labels.FACT.format(label=labels.PUBLISHED_AT, value=""))
        facts.append(Fact("publication", labels.PUBLISHED_AT, (link,), (lead, link), url))
    contact = plan.get("contact") or {}
    who = ", ".join(str(contact[k]) for k in ("name", "role") if contact.get(k))
    if who or contact.get("email"):
        email = contact.get("email")
        shown = who + (labels.CONTACT_SEPARATOR if who and email else "")
        link = (Span(labels.EMAIL_LINK.format(address=email), url=f"mailto:{email}"),) if email else ()
        lead = Span(labels.FACT.format(label=labels.CONTACT, value=shown))
        facts.append(Fact("contact", labels.CONTACT, ((Span(shown),) if shown else ()) + link, (lead, *link), contact))
    cost = plan.get("cost_of_producing")
    if isinstance(cost, (int, float)):
        shown = formatting.money(cost)
        sentence = labels.FACT.format(label=labels.COST_OF_PRODUCING, value=shown) + "."
        facts.append(plain_fact("cost", labels.COST_OF_PRODUCING, shown, cost, sentence=sentence))
    return tuple(facts)


def metadata(council: dict, plan: dict) -> Metadata:
    author = str(council.get("name") or labels.NO_COUNCIL_AUTHOR)
    period = str(plan.get("period") or "")
    keywords = (labels.KEYWORDS[0], author, period, *labels.KEYWORDS[1:])
    return Metadata(
        title=str(plan.get("title") or labels.DOCUMENT_KIND),
        subject=labels.SUBJECT.format(period=period).strip(),
        author=author,
        keywords=tuple(k for k in keywords if k),
        language=labels.LANGUAGE,
        period=period or None,
    )


# -- sections --------------------------------------------------------------------------


def introduction(schema, plan: dict) -> Section | None:
    path = ("plan", "introduction")
    text = plan.get(path[-1])
    if is_blank(text):
        return None
    node = schema.node_at(path) or {}
    return Section(anchor(path[-1]), node.get("title", fallback_title(path[-1])), 1, text_blocks(text), (), path)


def themes(schema, data: dict, draft: bool) -> list[Section]:
    values = data.get("themes") or {}
    out = []
    for key, node in schema.themes():
        path = ("themes", key)
        out.append(Section(anchor(key), node["title"], 1, (), prompts(schema, values.get(key) or {}, node, path, draft), path))
    return out


def prompts(schema, values: dict, node: dict, path: tuple, draft: bool) -> tuple[Section, ...]:
    """Each prompt as a heading with its answer, and each list as a table, in schema order."""
    out = []
    for key, child in schema.object_branch(node).get("properties", {}).items():
        child = schema.resolve(child)
        value = values.get(key)
        here = anchor(*path[1:], key)
        if is_free_text(child):
            if not is_blank(value):
                out.append(Section(here, child["title"], 2, text_blocks(value), (), path + (key,)))
            elif draft and "x-plantool-question" in child:  # a final document leaves unanswered prompts out
                note = Paragraph((Span(labels.NOT_ANSWERED),), NOTE)
                out.append(Section(here, child["title"], 2, (note,), (), path + (key,)))
        elif isinstance(value, list) and value:
            out.append(Section(here, child.get("title", key), 2, (records_table(schema, value, child, path + (key,)),), (), path + (key,)))
    return tuple(out)


def records_table(schema, rows: list, node: dict, path: tuple) -> Table:
    """A list of records as a table, with only the columns some record fills."""
    item_node = schema.child(node, 0) or {}
    props = schema.object_branch(item_node).get("properties", {})
    keys = [key for key in props if any(isinstance(r, dict) and not is_blank(r.get(key)) for r in rows)]
    children = {key: schema.resolve(props[key]) for key in keys}
    columns = tuple(Column(key, children[key].get("title", key), unit_of(schema, children[key])) for key in keys)
    table_rows = []
    for index, row in enumerate(rows):
        cells = []
        for key in keys:
            value = row.get(key) if isinstance(row, dict) else None
            if is_free_text(children[key]) and isinstance(value, str):
                cells.append(Cell(text_blocks(value), value))
            else:
                cells.append(figure_cell(schema, value, children[key]))
        table_rows.append(Row(tuple(cells), path + (index,)))
    return Table(node.get("title", ""), node.get("description", ""), columns, tuple(table_rows))


def disclosures(schema, data: dict) -> Section | None:
    """Each disclosure the plan fills: its figures as a table, then its narrative under the schema's titles."""
    values = data.get("disclosures") or {}
    present = [(k, n) for k, n in schema.disclosures() if isinstance(values.get(k), dict) and values[k]]
    if not present:
        return None
    node = schema.node_at(("disclosures",)) or {}
    out = []
    for key, section_node in present:
        section = values[key]
        path = ("disclosures", key)
        table = figures_table(schema, section, section_node, path)
        narrative = []
        for field, child in section_node.get("properties", {}).items():
            child = schema.resolve(child)
            if is_free_text(child) and not is_blank(section.get(field)):
                narrative.append(Section(anchor(*path, field), child["title"], 3, text_blocks(section[field]), (), path + (field,)))
        out.append(Section(anchor(*path), section_node["title"], 2, (table,) if table else (), tuple(narrative), path))
    return Section(anchor("disclosures"), node.get("title", fallback_title("disclosures")), 1, (), tuple(out), ("disclosures",))


def figures_table(schema, section: dict, node: dict, path: tuple) -> Table | None:
    """A disclosure's figures as a two-column table: what, and the figure (every share with its base)."""
    rows = tuple(
        Row((Cell((Paragraph((Span(label),)),)), figure_cell(schema, value, child)), where)
        for label, value, child, where in figure_rows(schema, section, node, path, group="")
    )
    if not rows:
        return None
    columns = (Column("figure", labels.FIGURE), Column("value", labels.VALUE))
    return Table(labels.FIGURES_CAPTION.format(section=node.get("title", "")), "", columns, rows, FIGURES)


def figure_rows(schema, section: dict, node: dict, path: tuple, group: str):
    """(label, value, node, path) for each figure given, groups of figures flattened ('Union officials: Number of officials')."""
    for key, child in schema.object_branch(node).get("properties", {}).items():
        child = schema.resolve(child)
        value = section.get(key)
        if value is None or is_free_text(child):
            continue
        title = child.get("title", key)
        label = labels.FIGURE_IN_GROUP.format(group=group, figure=title) if group else title
        if isinstance(value, dict) and not is_not_available(value) and "percent" not in value:
            yield from figure_rows(schema, value, schema.object_branch(child), path + (key,), group=title)
        elif value_text(schema, value, child):
            yield label, value, child, path + (key,)
