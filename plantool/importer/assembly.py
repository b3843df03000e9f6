"""Assemble the plan from what the walk placed: every schema field in order, the document's content filled in.

`import_plan` is the importer's one entry point: a Word file in, an
`ImportResult` out (the plan as data and the record of what went where).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plantool.importer import synonyms
from plantool.importer.facts import fill_council, fill_period
from plantool.importer.blocks import WordDocument, join_markup
from plantool.plan.schema import is_free_text
from plantool.plan.status import DRAFT, statuses

PLACEHOLDER = "TODO"  # what `plantool new` writes, and check reports as unanswered
UNMAPPED_KEY = "unmapped"


@dataclass
class ImportResult:
    """A Word document turned into a draft plan, and the account of how."""

    data: dict  # the plan, in schema order; what could not be placed is under data["unmapped"]
    document: WordDocument  # what was read: blocks, and the images, footnotes and comments left out
    mapped: list[str] = field(default_factory=list)  # "heading 'X' -> Theme › Prompt", in document order
    figures_placed: list[tuple[tuple, Any, str]] = field(default_factory=list)  # (path, value, where it was found)
    unmapped: list[dict] = field(default_factory=list)  # {"source", "text"}: the same items as data["unmapped"]
    notes: list[str] = field(default_factory=list)  # what was worked out beyond the document (the council)
    status_seen: str | None = None  # the status the document states; the import is a draft whatever it says


def import_plan(source: Path, schema=None) -> ImportResult:
    """Read a Word plan (checked as untrusted) and place its content; raises source.DocumentError."""
    from plantool.importer.source import load_word

    return place(load_word(source), schema)


def import_pages(sources: list[Path], schema=None) -> ImportResult:
    """Read saved web pages, in order, as one plan; raises source.DocumentError."""
    from plantool.importer.read_html import load_pages

    return place(load_pages(sources), schema)


def place(document: WordDocument, schema=None) -> ImportResult:
    """Find the headings a document has by formatting and text, then place every block in the plan."""
    from plantool.importer.headings import find_headings
    from plantool.importer.mapping import Mapper
    from plantool.plan.schema import load_schema
    from plantool.register import RegisterError, load_register

    schema = schema or load_schema()
    find_headings(document.blocks)
    try:
        register = load_register()
    except RegisterError:
        register = None
    mapper = Mapper(schema, document, register)
    mapper.run()
    return build(schema, mapper)


def set_in(data: dict, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        if not isinstance(data.get(part), dict):
            data[part] = {}
        data = data[part]
    data[path[-1]] = value


def get_in(data: dict, path: tuple) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def skeleton(schema, node: dict, path: tuple, questions: set) -> Any:
    """Every field of an object, empty: text questions say TODO, everything else null."""
    node = schema.resolve(node)
    props = schema.object_branch(node).get("properties")
    if is_free_text(node):
        return PLACEHOLDER if path in questions else None
    if props and "items" not in node and "not_available" not in props and not ("percent" in props and "of" in props):
        return {key: skeleton(schema, child, path + (key,), questions) for key, child in props.items()}
    if "enum" in node and len(node["enum"]) == 1:
        return node["enum"][0]
    return None


def _empty_plan(schema, plan_keys: set) -> dict:
    """Every section in schema order, empty; of the plan's own fields, the required ones and `plan_keys`."""
    questions = {path for path, _ in schema.questions()}
    data: dict[str, Any] = {}
    for key, node in schema.resolve(schema.raw)["properties"].items():
        node = schema.resolve(node)
        if key == UNMAPPED_KEY:
            continue
        if key == "plan":
            props = schema.object_branch(node)["properties"]
            keep = set(node.get("required") or []) | {synonyms.GENERAL_TEXT["plan"]} | plan_keys
            data[key] = {k: skeleton(schema, props[k], (key, k), questions) for k in props if k in keep}
        elif key == "disclosures":
            data[key] = {section: skeleton(schema, section_node, (key, section), questions) for section, section_node in schema.disclosures()}
        else:
            data[key] = skeleton(schema, node, (key,), questions)
    return data


def own_section(section) -> dict:
    """A placed.OwnSection as the schema's own_section: title, then only what it holds."""
    out: dict[str, Any] = {"title": section.title}
    text = join_markup(section.blocks)
    if text:
        out["text"] = text
    for key in ("initiatives", "measures"):
        if getattr(section, key):
            out[key] = list(getattr(section, key))
    if section.sections:
        out["sections"] = [own_section(sub) for sub in section.sections]
    return out


def build(schema, mapper) -> ImportResult:
    """The plan as data, in schema order, with everything the document gave placed in it."""
    placed = mapper.placed
    data = _empty_plan(schema, {path[1] for path in placed.values if path[0] == "plan"})
    for path, value in placed.values.items():
        set_in(data, path, value)
    for path, blocks in placed.texts.items():
        set_in(data, path, join_markup(blocks))
    for path, records in placed.lists.items():
        if records:
            set_in(data, path, records)
    for path, sections in placed.own.items():
        set_in(data, path, [own_section(section) for section in sections])
    figures_placed = []
    for path, value, source in placed.table_figures:
        set_in(data, path, value)
        figures_placed.append((path, value, source))
    for found in placed.text_figures:
        if get_in(data, found.path) is None:
            set_in(data, found.path, found.value)
            figures_placed.append((found.path, found.value, f"text: \"{found.sentence}\""))
    if DRAFT in statuses(schema):
        data["plan"]["status"] = DRAFT
    # optional sections that replace others (x-plantool-covers) only when the document filled them
    for section, section_node in schema.disclosures():
        filled = any(p[:2] == ("disclosures", section) for p, _, _ in figures_placed) or ("disclosures", section) in {p[:2] for p in placed.texts}
        if section_node.get("x-plantool-covers") and not filled:
            del data["disclosures"][section]
    note = fill_council(data, mapper.register, mapper.document, mapper.council_source)
    fill_period(schema, data, mapper.document)
    signatories_from_foreword(data)
    if placed.unmapped:
        data[UNMAPPED_KEY] = list(placed.unmapped)
    return ImportResult(
        data=data,
        document=mapper.document,
        mapped=list(placed.mapped),
        figures_placed=figures_placed,
        unmapped=list(placed.unmapped),
        notes=[note],
        status_seen=placed.status_seen,
    )


def signatories_from_foreword(data: dict) -> None:
    """A foreword's closing lines that are only a name in bold, with a role after it, are who signed it.

    That is how councils sign a foreword, and how the export prints the
    signatories, so they come back as `signatories` rather than as text.
    """
    import re

    from plantool.publish.labels import SIGNATORY_ROLE

    foreword = (data.get("plan") or {}).get("foreword")
    if not isinstance(foreword, dict) or not isinstance(foreword.get("text"), str) or foreword.get("signatories"):
        return
    before, _, after = SIGNATORY_ROLE.partition("{role}")
    line = re.compile(rf"\*\*(?P<name>[^*\n]+)\*\*(?:{re.escape(before)}(?P<role>[^\n]+){re.escape(after)})?")
    paragraphs = foreword["text"].split("\n\n")
    signed = []
    while paragraphs and (found := line.fullmatch(paragraphs[-1].strip())):
        signed.insert(0, {"name": found["name"].strip(), **({"role": found["role"].strip()} if found["role"] else {})})
        paragraphs.pop()
    if signed and paragraphs:  # a foreword that is only names is not a foreword with signatories
        foreword["text"] = "\n\n".join(paragraphs)
        foreword["signatories"] = signed
