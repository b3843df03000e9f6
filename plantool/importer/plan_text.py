"""The imported plan as YAML text: schema order, free text wrapped as `|` blocks, a header saying what to do next."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

WIDTH = 88  # free text is wrapped like the examples; single line breaks read as spaces


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


def to_yaml(schema, data: dict, source, command: str = "docx") -> str:
    """The plan as YAML; `source` names what was read (a Path or the pages' names), `command` how."""
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
        f"Imported from {getattr(source, 'name', source)} by `plantool import {command}`. Review every TODO, move each item\n"
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
