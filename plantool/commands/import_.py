"""`plantool import docx`: read a council's Word plan safely, place its content, write a draft plan file."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, TextIO

from plantool.exit_codes import CLEAN, USAGE
from plantool.plan.paths import NEW_PLAN_SUFFIX, beside

WORD_SUFFIXES = (".docx", ".dotx", ".docm", ".dotm")
WIDTH = 88  # free text is wrapped like the examples; single line breaks read as spaces


class DocumentError(Exception):
    """A one-line reason the document cannot be imported."""


def default_output(source: Path) -> Path:
    """council-plan.docx -> council-plan.plan.yaml, beside the document."""
    return beside(source, NEW_PLAN_SUFFIX, WORD_SUFFIXES)


def read_package(path: Path) -> bytes:
    """The .docx bytes after the same checks a Word template gets: no macros, no zip bombs, no corrupt parts."""
    from plantool.export.docx.template import TemplateError, _checked_archive, _read_package

    if path.suffix.lower() in (".docm", ".dotm"):
        raise DocumentError(f"{path}: macro-enabled Word files are refused; save the document as .docx")
    try:
        return _checked_archive(path, _read_package(path))
    except TemplateError as exc:  # the checks speak of a template; here it is the document
        raise DocumentError(re.sub(r"\btemplate\b", "document", str(exc))) from None


def load_word(path: Path):
    from plantool.importer.read_docx import read

    data = read_package(path)
    try:
        return read(data)
    except Exception as exc:  # python-docx and lxml raise many kinds for broken parts
        raise DocumentError(f"{path}: document is corrupt or not a Word document ({type(exc).__name__})") from None


def import_plan(source: Path, schema=None):
    """(data, mapper) for a Word document: the plan as data and the record of what went where."""
    from plantool.register import RegisterError, load_register
    from plantool.plan.schema import load_schema
    from plantool.importer.mapping import Mapper, build

    schema = schema or load_schema()
    document = load_word(source)
    try:
        register = load_register()
    except RegisterError:
        register = None
    mapper = Mapper(schema, document, register)
    mapper.run()
    data = build(schema, mapper)
    return data, mapper


# -- YAML ------------------------------------------------------------------------------


def wrap(line: str, indent: str = "") -> list[str]:
    """Greedy wrap that never starts a line with '- ' or '* ' (which would read as a bullet)."""
    words = line.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= WIDTH or word in ("-", "*", "–") or word.startswith(("-", "*")):
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if not lines:
        return [""]
    return [lines[0]] + [indent + rest for rest in lines[1:]]


def wrap_text(text: str) -> str:
    out = []
    for line in str(text).split("\n"):
        if line.startswith("- "):
            out.extend(wrap(line, "  "))
        else:
            out.extend(wrap(line))
    return "\n".join(out)


def to_yaml(schema, data: dict, source: Path) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    from plantool.plan.schema import is_free_text

    def is_text(path) -> bool:
        if path and path[0] == "unmapped":
            return path[-1] == "text"
        return is_free_text(schema.node_at(tuple(path)))

    def convert(value: Any, path: tuple):
        if isinstance(value, dict):
            out = CommentedMap()
            for key, child in value.items():
                out[key] = convert(child, path + (key,))
            return out
        if isinstance(value, list):
            return CommentedSeq([convert(child, path + (index,)) for index, child in enumerate(value)])
        if isinstance(value, str) and is_text(path):
            wrapped = wrap_text(value).strip("\n")
            if "\n" in wrapped:
                return LiteralScalarString(wrapped + "\n")
        elif isinstance(value, str) and "\n" in value:
            return LiteralScalarString(value.strip("\n") + "\n")
        return value

    document = convert(data, ())
    document.yaml_set_start_comment(
        "yaml-language-server: $schema=../schema/productivity-plan.schema.json\n"
        f"Imported from {source.name} by `plantool import docx`. Review every TODO, move each item\n"
        "under `unmapped` to its field, then run `plantool check` on this file."
    )
    for index, key in enumerate(list(document)):
        if index:
            document.yaml_set_comment_before_after_key(key, before="\n")
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    return buffer.getvalue()


# -- summary ---------------------------------------------------------------------------


def summary(schema, mapper, data: dict, source: Path, out_path: Path) -> list[str]:
    from plantool.publish.values import value_text  # figures as the export shows them
    lines = [f"read {source}: {len(mapper.document.blocks)} blocks"]
    if mapper.log_mapped:
        lines.append("mapped:")
        lines.extend(f"  {line}" for line in mapper.log_mapped)
    placed = getattr(mapper, "figures_placed", [])
    if placed:
        lines.append("figures found:")
        for path, value, where in placed:
            shown = value_text(schema, value, schema.node_at(path) or {})
            if len(where) > 100:
                where = where[:97] + "…\""
            lines.append(f"  {schema.label(path)} = {shown}  ({where})")
    else:
        lines.append("figures found: none")
    unmapped = data.get("unmapped") or []
    if unmapped:
        lines.append(f"left unmapped ({len(unmapped)} item(s), under 'unmapped' in the plan; move them to their fields):")
        for item in unmapped:
            text = " ".join(item["text"].split())
            lines.append(f"  {item['source']}: {text[:70]}{'…' if len(text) > 70 else ''}")
    else:
        lines.append("left unmapped: nothing")
    lines.extend(mapper.log_notes)
    if mapper.status_seen:
        lines.append(f"status: the document says '{mapper.status_seen}'; the imported plan is a draft until you change it")
    skipped = []
    for count, what in ((mapper.document.images, "image"), (mapper.document.footnotes, "footnote"), (mapper.document.comments, "comment")):
        if count:
            skipped.append(f"{count} {what}{'s' if count != 1 else ''}")
    if skipped:
        lines.append(f"not imported: {', '.join(skipped)}")
    lines.append(f"wrote {out_path} (status: draft); next: plantool check {out_path}")
    return lines


def run_import(source: str, output: str | None, *, force: bool, err: TextIO) -> int:
    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.plan.schema import load_schema

    source_path = Path(source)
    out_path = Path(output) if output else default_output(source_path)
    if not out_path.name.lower().endswith((".yaml", ".yml")):
        err.write(f"plantool: error: {out_path}: the output must end in .yaml (for example {default_output(source_path).name})\n")
        return USAGE
    if out_path.exists() and not force:
        err.write(f"plantool: error: {out_path}: already exists; use --force to replace it\n")
        return USAGE
    schema = load_schema()
    try:
        data, mapper = import_plan(source_path, schema)
    except DocumentError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    text = to_yaml(schema, data, source_path)
    try:
        atomic_write(out_path, text.encode("utf-8"), force=force)
    except WriteError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    for line in summary(schema, mapper, data, source_path, out_path):
        err.write(line + "\n")
    return CLEAN
