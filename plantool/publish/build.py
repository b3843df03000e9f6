"""Plan data and the schema -> the published plan: what it says, and in what order.

The order is the one Cabinet reads: the title block, the contents, the
foreword and its signatories, the introduction; the four themes in schema
order, each with its prompts and tables, then the council's own sections;
the further topics and the council's other sections; the disclosures with
their figures and narrative; and last, the related documents and the changes
made since approval; in a draft, the content an import could not place yet.
Headings, column titles and captions are the schema's
titles (or the council's own, for its own sections); every other word comes
from `labels`. No theme, topic or prompt is named here: one added to the
schema appears in the next export.

A draft shows every question `check` counts as unanswered, wherever it is (a
prompt, a list, a disclosure figure, a whole disclosure section), with a note;
a final plan leaves them out. A draft may hold anything where the schema
expects something else: the builder reads the plan through `typed.well_typed`,
so a wrongly typed part counts as absent and shows as not answered.
"""

from __future__ import annotations

from types import SimpleNamespace

from plantool.plan.questions import is_blank
from plantool.plan.schema import is_free_text
from plantool.publish import labels
from plantool.publish.model import Contents, ContentsEntry, Paragraph, PublishedPlan, Section, Span
from plantool.publish.tables import figures_table, records_table
from plantool.publish.text import not_answered, text_blocks
from plantool.publish.title_block import draft_banner, metadata, title_facts
from plantool.publish.typed import well_typed

CONTENTS_DEPTH = 1  # top-level sections only: a 3-8 page plan needs no second level
OWN_SECTIONS = "x-plantool-own-sections"  # the schema's mark on a list of the council's own headed sections
OWN_HEADING = "title"  # the field of an own section that holds its heading
THEME_OWN_HEADING = "heading"  # the field of a theme that holds the council's own heading for it


def build_plan(schema, data: dict, *, draft: bool, findings: int | None = None) -> PublishedPlan:
    """The whole published plan.

    A draft shows unanswered questions with a note; a final plan leaves them
    out. `findings` is the number of findings `check` says stand between an
    approved plan and a final document; it words the draft mark ("DRAFT – 13
    findings to resolve") and is ignored for a plan whose status is draft.
    """
    data = well_typed(schema, data)  # a draft's wrongly typed parts, as if absent: shown as not answered
    council = data.get("council") if isinstance(data.get("council"), dict) else {}
    plan = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    unanswered = unanswered_questions(schema, data) if draft else frozenset()
    parts = (
        foreword(schema, plan),
        introduction(schema, plan),
        *themes(schema, data, unanswered),
        *topics(schema, data),
        *other_sections(schema, data),
        disclosures(schema, data, unanswered),
        related_documents(schema, plan),
        amendments(schema, plan),
        unmapped(schema, data) if draft else None,
    )
    sections = tuple(section for section in parts if section)
    return PublishedPlan(
        title=str(plan.get("title") or labels.DOCUMENT_KIND),
        subtitle=str(council["name"]) if council.get("name") else None,
        facts=title_facts(schema, council, plan),
        contents=Contents(
            labels.CONTENTS,
            CONTENTS_DEPTH,
            tuple(ContentsEntry(s.anchor, s.title, s.level) for s in sections if s.level <= CONTENTS_DEPTH),
        ),
        sections=sections,
        metadata=metadata(council, plan),
        draft_banner=draft_banner(plan, draft=draft, findings=findings),
    )


def unanswered_questions(schema, data: dict) -> frozenset[tuple]:
    """The paths of the questions `check` counts as unanswered: the same survey, so the draft and check agree."""
    from plantool.check.rules import Context

    context = Context(SimpleNamespace(data=data), schema)
    return frozenset(question.path for question in context.questions if question.state == "unanswered")


def anchor(*keys) -> str:
    """A stable id from schema keys: ('transformation', 'future_plans') -> 'transformation-future-plans'; list items count from 1."""
    return "-".join(str(key + 1 if isinstance(key, int) else key).replace("_", "-") for key in keys)


GROUPS = ("plan", "themes", "topics")  # data paths whose first key an anchor leaves out ('transformation', not 'themes-transformation')


def anchor_of(path: tuple) -> str:
    """The anchor of what a data path shows: ('themes', 'transformation', 'sections', 0) -> 'transformation-sections-1'."""
    return anchor(*(path[1:] if path[0] in GROUPS else path))


def fallback_title(key: str) -> str:
    """For a schema node without a title: its key, as words."""
    return key.replace("_", " ").capitalize()


def title_of(node: dict | None, key) -> str:
    return (node or {}).get("title") or fallback_title(str(key))


# -- before the themes --------------------------------------------------------------------


def foreword(schema, plan: dict) -> Section | None:
    """The foreword's text, then who signed it, one to a line."""
    path = ("plan", "foreword")
    value = plan.get(path[-1])
    if not isinstance(value, dict):
        return None
    node = schema.node_at(path) or {}
    blocks = []
    for key, child in schema.object_branch(node).get("properties", {}).items():
        child = schema.resolve(child)
        field = value.get(key)
        if is_free_text(child) and not is_blank(field):
            blocks.extend(text_blocks(field))
        elif isinstance(field, list):
            blocks.extend(signatory(item) for item in field if isinstance(item, dict) and item.get("name"))
    if not blocks:
        return None
    return Section(anchor_of(path), title_of(node, path[-1]), 1, tuple(blocks), (), path)


def signatory(item: dict) -> Paragraph:
    """'A. Leader, Leader of the Council', the name in bold."""
    name = Span(str(item["name"]), bold=True)
    role = item.get("role")
    return Paragraph((name, Span(labels.SIGNATORY_ROLE.format(role=role))) if role else (name,))


def introduction(schema, plan: dict) -> Section | None:
    path = ("plan", "introduction")
    text = plan.get(path[-1])
    if is_blank(text):
        return None
    return Section(anchor_of(path), title_of(schema.node_at(path), path[-1]), 1, text_blocks(text), (), path)


# -- themes, topics and the council's own sections ----------------------------------------


def themes(schema, data: dict, unanswered: frozenset) -> list[Section]:
    """Each theme in schema order, even an absent one: a draft shows its unanswered prompts."""
    values = data.get("themes") if isinstance(data.get("themes"), dict) else {}
    out = []
    for key, node in schema.themes():
        path = ("themes", key)
        value = values.get(key) if isinstance(values.get(key), dict) else {}
        out.append(Section(anchor_of(path), heading_with_own(node["title"], value), 1, (), parts(schema, value, node, path, unanswered), path))
    return out


def heading_with_own(title: str, values: dict) -> str:
    """A theme's title with the council's own heading for it beside it: 'Reducing wasteful spend: Use of resources'."""
    own = values.get(THEME_OWN_HEADING)
    if is_blank(own) or " ".join(str(own).split()).casefold() == title.casefold():
        return title
    return labels.TITLE_WITH_OWN_HEADING.format(title=title, heading=" ".join(str(own).split()))


def topics(schema, data: dict) -> list[Section]:
    """The further topics the plan covers (income, assets, partnerships), in schema order, after the themes."""
    node = schema.node_at(("topics",)) or {}
    values = data.get("topics") if isinstance(data.get("topics"), dict) else {}
    out = []
    for key, child in schema.object_branch(node).get("properties", {}).items():
        child = schema.resolve(child)
        value = values.get(key)
        if not isinstance(value, dict):
            continue
        path = ("topics", key)
        inner = parts(schema, value, child, path, frozenset())
        if inner:
            out.append(Section(anchor_of(path), title_of(child, key), 1, (), inner, path))
    return out


def other_sections(schema, data: dict) -> list[Section]:
    """The council's sections that belong to no theme or topic, each a top-level section."""
    path = ("other_sections",)
    return own_sections(schema, data.get(path[0]), schema.node_at(path) or {}, path, level=1)


def parts(schema, values: dict, node: dict, path: tuple, unanswered: frozenset) -> tuple[Section, ...]:
    """A theme's or topic's fields in schema order: each text under its title, each list as a table, then own sections.

    A question a draft has not answered yet appears with a note; other empty fields are left out.
    """
    out = []
    for key, child in schema.object_branch(node).get("properties", {}).items():
        child = schema.resolve(child)
        value = values.get(key)
        where = path + (key,)
        here = anchor_of(where)
        title = title_of(child, key)
        if child.get(OWN_SECTIONS):
            out.extend(own_sections(schema, value, child, where, level=2))
        elif is_free_text(child) and not is_blank(value):
            out.append(Section(here, title, 2, text_blocks(value), (), where))
        elif isinstance(value, list) and value:
            out.append(Section(here, title, 2, (records_table(schema, value, child, where),), (), where))
        elif where in unanswered:  # a final document leaves unanswered questions out
            out.append(Section(here, title, 2, (not_answered(),), (), where))
    return tuple(out)


def own_sections(schema, values, node: dict, path: tuple, *, level: int) -> list[Section]:
    """The council's own headed sections: its heading, its text, then its tables (no headings of ours between)."""
    if not isinstance(values, list):
        return []
    item_node = schema.child(node, 0) or {}
    props = schema.object_branch(item_node).get("properties", {})
    out = []
    for index, item in enumerate(values):
        if not isinstance(item, dict) or is_blank(item.get(OWN_HEADING)):
            continue
        where = path + (index,)
        blocks = []
        blocks, inner = [], []
        for key, child in props.items():
            child = schema.resolve(child)
            value = item.get(key)
            if key == OWN_HEADING or is_blank(value):
                continue
            if is_free_text(child):
                blocks.extend(text_blocks(value))
            elif isinstance(value, list) and headed(schema, child):  # sub-sections, one level down
                inner.extend(own_sections(schema, value, child, where + (key,), level=level + 1))
            elif isinstance(value, list):
                blocks.append(records_table(schema, value, child, where + (key,)))
        out.append(Section(anchor_of(where), str(item[OWN_HEADING]), level, tuple(blocks), tuple(inner), where))
    return out


def headed(schema, node: dict) -> bool:
    """A list of sections under headings of the council's own (each item needs its heading)."""
    item = schema.object_branch(schema.child(node, 0) or {})
    return bool(node.get(OWN_SECTIONS)) or OWN_HEADING in (item.get("required") or [])


# -- the disclosures ----------------------------------------------------------------------


def disclosures(schema, data: dict, unanswered: frozenset) -> Section | None:
    """Each disclosure the plan fills: its figures as a table, then its narrative under the schema's titles.

    In a draft, a section the plan lacks shows the note under its title, and a
    figure or narrative not answered yet shows the note in its place.
    """
    values = data.get("disclosures") if isinstance(data.get("disclosures"), dict) else {}
    out = []
    for key, node in schema.disclosures():
        path = ("disclosures", key)
        section = values.get(key) if isinstance(values.get(key), dict) else {}
        if not section:
            if any(question[:2] == path for question in unanswered):
                out.append(Section(anchor_of(path), node["title"], 2, (not_answered(),), (), path))
            continue
        table = figures_table(schema, section, node, path, unanswered)
        narrative = []
        for field, child in schema.object_branch(node).get("properties", {}).items():
            child = schema.resolve(child)
            if not is_free_text(child):
                continue
            where = path + (field,)
            if not is_blank(section.get(field)):
                narrative.append(Section(anchor_of(where), child["title"], 3, text_blocks(section[field]), (), where))
            elif where in unanswered:
                narrative.append(Section(anchor_of(where), child["title"], 3, (not_answered(),), (), where))
        out.append(Section(anchor_of(path), node["title"], 2, (table,) if table else (), tuple(narrative), path))
    if not out:
        return None
    node = schema.node_at(("disclosures",)) or {}
    return Section(anchor_of(("disclosures",)), title_of(node, "disclosures"), 1, (), tuple(out), ("disclosures",))


# -- after the disclosures ----------------------------------------------------------------


def related_documents(schema, plan: dict) -> Section | None:
    """Documents published with the plan, as a table: title, web address (printed, for a reader on paper, and linked), what it covers."""
    return plan_list(schema, plan, ("plan", "related_documents"))


def amendments(schema, plan: dict) -> Section | None:
    """The changes made since approval or submission, as a table: when, by whom, what."""
    return plan_list(schema, plan, ("plan", "amendments"))


def plan_list(schema, plan: dict, path: tuple) -> Section | None:
    """A list the plan keeps about itself, as a section of its own holding one table."""
    values = plan.get(path[-1])
    if not isinstance(values, list) or not any(isinstance(item, dict) for item in values):
        return None
    node = schema.node_at(path) or {}
    return Section(anchor_of(path), title_of(node, path[-1]), 1, (records_table(schema, values, node, path),), (), path)


def unmapped(schema, data: dict) -> Section | None:
    """Content an import kept because it could not tell where it belongs: a draft prints it, so nothing is lost on a round trip.

    One section holds the items, each under its source as a heading; a final
    plan never prints it (check reports every item until the author moves it).
    """
    path = ("unmapped",)
    items = data.get(path[0])
    if not isinstance(items, list):
        return None
    inner = tuple(
        Section(anchor_of(path + (index,)), str(item.get("source") or labels.UNPLACED_ITEM), 2, text_blocks(item.get("text")), (), path + (index,))
        for index, item in enumerate(items)
        if isinstance(item, dict) and not is_blank(item.get("text"))
    )
    if not inner:
        return None
    return Section(anchor_of(path), title_of(schema.node_at(path), path[0]), 1, (), inner, path)
