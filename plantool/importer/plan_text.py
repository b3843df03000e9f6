"""The imported plan as YAML text: schema order, free text wrapped as `|` blocks, a header saying what to do next."""

from __future__ import annotations

import json
import re
from typing import Any

from plantool.plan.schema_copy import modeline

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


_PLAIN = re.compile(r"[A-Za-z£(][^:#\n\t\"'\[\]{},&*!|>%@`]*")
_NOT_PLAIN = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}
_ESCAPE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def scalar(value: Any) -> str:
    """One value as YAML on one line: plain where that reads back as the same string, else double-quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if "e" not in text and "n" not in text else format(value, ".12f").rstrip("0")
    text = str(value)
    if _PLAIN.fullmatch(text) and text == text.strip() and text.lower() not in _NOT_PLAIN:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON's escapes are a subset of YAML's double-quoted ones
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def block(text: str, indent: str) -> list[str]:
    """A literal block scalar's lines (the caller writes 'key: |'), one indentation step in."""
    return [f"{indent}{line}" if line else "" for line in text.split("\n")]


class Emitter:
    """Plain data as block-style YAML, as the examples are written: mappings indented 2, list items 4 with the dash at 2.

    The import writes a whole document in one go; a hand-written emitter for
    dicts, lists and scalars is linear in the data and about fifty times faster
    than a round-trip library's, which matters for the import's time budget.
    Anything not representable plainly is double-quoted, so what is read back
    is what was written (tests load every import with plantool's loader).
    """

    def __init__(self, is_text):
        self.is_text = is_text
        self.lines: list[str] = []

    def value(self, key: str, value: Any, path: tuple, indent: str) -> None:
        head = f"{indent}{key}:"
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{head} {{}}")
                return
            self.lines.append(head)
            self.mapping(value, path, indent + "  ")
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{head} []")
                return
            self.lines.append(head)
            self.sequence(value, path, indent + "  ")
        elif isinstance(value, str) and not _ESCAPE.search(value.replace("\n", "")) and self.literal(value, path) is not None:
            text = self.literal(value, path)
            indicator = "|2" if text[:1] == " " else "|"
            self.lines.append(f"{head} {indicator}")
            self.lines.extend(block(text, indent + "  "))
        else:
            shown = scalar(value)
            self.lines.append(f"{head} {shown}" if shown else head)

    def literal(self, value: str, path: tuple) -> str | None:
        """The text of a `|` block for a value, or None for a one-line value."""
        if self.is_text(path):
            wrapped = wrap_text(value).strip("\n")
            return wrapped if "\n" in wrapped else None
        return value.strip("\n") if "\n" in value else None

    def mapping(self, data: dict, path: tuple, indent: str) -> None:
        for key, child in data.items():
            self.value(str(key), child, path + (key,), indent)

    def sequence(self, items: list, path: tuple, indent: str) -> None:
        for index, item in enumerate(items):
            here = path + (index,)
            if isinstance(item, dict) and item:
                start = len(self.lines)
                self.mapping(item, here, indent + "  ")
                first = self.lines[start]
                self.lines[start] = f"{indent}- {first[len(indent) + 2:]}"
            elif isinstance(item, list) and item:
                self.lines.append(f"{indent}-")
                self.sequence(item, here, indent + "  ")
            else:
                self.lines.append(f"{indent}- {scalar(item)}".rstrip())


def to_yaml(schema, data: dict, source, command: str = "docx") -> str:
    """The plan as YAML; `source` names what was read (a Path or the pages' names), `command` how."""
    from plantool.plan.schema import is_free_text

    def is_text(path) -> bool:
        if path and path[0] == "unmapped":
            return path[-1] == "text"
        return is_free_text(schema.node_at(tuple(path)))

    header = [
        modeline(),
        f"# Imported from {getattr(source, 'name', source)} by `plantool import {command}`. Review every TODO, move each item",
        "# under `unmapped` to its field, then run `plantool check` on this file.",
    ]
    emitter = Emitter(is_text)
    for index, (key, value) in enumerate(data.items()):
        if index:
            emitter.lines.append("")
        emitter.value(str(key), value, (key,), "")
    return "\n".join(header + emitter.lines) + "\n"
