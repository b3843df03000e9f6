"""Generate a new plan from the schema: every section in order, guidance as comments.

Nothing here names a theme or a question. A prompt added to the schema appears
in the next scaffold with no other change.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from plantool.plan.schema import Schema, is_free_text

PLACEHOLDER = "TODO"  # what check reports as unanswered (questions.PLACEHOLDER_ONLY)
WIDTH = 88
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()&/_-]*[A-Za-z0-9.)]|[A-Za-z]")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def scalar(value: Any) -> str:
    """A value as YAML: plain where that is unambiguous, otherwise double-quoted (JSON is valid YAML)."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if re.fullmatch(r"[0-9]{4}/[0-9]{2}", text) or re.fullmatch(r"E[0-9]{8}", text):
        return text
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


class Scaffold:
    def __init__(self, schema: Schema, values: dict[tuple, Any]):
        self.schema = schema
        self.values = values
        self.question_paths = {path for path, _ in schema.questions()}
        self.lines: list[str] = []

    # -- comments ----------------------------------------------------------------
    def comment(self, text: str, indent: int, commented: bool = False) -> None:
        prefix = " " * indent + "# "
        for line in textwrap.wrap(" ".join(str(text).split()), WIDTH - len(prefix)) or [""]:
            self.lines.append(prefix + line)

    def guidance(self, node: dict, indent: int) -> None:
        """Title, the question asked, and the guidance, above the key they explain."""
        title = node.get("title")
        question = node.get("x-plantool-question")
        description = node.get("description")
        head = title or ""
        if question:
            head = f"{title}: {question}" if title else question
        if head:
            self.comment(head, indent)
        if description and description != question:
            self.comment(description, indent)
        choices = self.choices(node)
        if choices and "One of" not in (description or ""):
            self.comment(f"One of: {choices}.", indent)

    def choices(self, node: dict) -> str:
        enum = [v for v in node.get("enum") or () if v is not None]
        labels = node.get("x-plantool-labels") or {}
        if len(enum) < 2:
            return ""
        return ", ".join(f"{v} ({labels[v]})" if v in labels and labels[v] != v else str(v) for v in enum)

    # -- structure ----------------------------------------------------------------
    def emit_object(self, node: dict, path: tuple, indent: int) -> None:
        for key, child in self.schema.object_branch(node).get("properties", {}).items():
            child = self.schema.resolve(child)
            here = path + (key,)
            if indent == 0 or self.schema.object_branch(child).get("properties") and indent <= 2:
                self.lines.append("")
            if child.get("x-plantool-import-only"):
                continue  # filled only by `plantool import docx`
            if child.get("x-plantool-covers"):
                self.emit_alternative(key, child, indent, "Remove the # marks to use this instead of the separate sections it covers.")
                continue
            if child.get("x-plantool-scaffold") == "commented":
                self.emit_alternative(key, child, indent, "Optional: remove the # marks to use it.")
                continue
            self.guidance(child, indent)
            self.emit_value(key, child, here, indent)

    def emit_value(self, key: str, node: dict, path: tuple, indent: int) -> None:
        pad = " " * indent
        if path in self.values:
            self.lines.append(f"{pad}{key}: {scalar(self.values[path])}".rstrip())
        elif "const" in node or (node.get("enum") and len(node["enum"]) == 1):
            self.lines.append(f"{pad}{key}: {scalar(node.get('const', (node.get('enum') or [None])[0]))}")
        elif self.is_array(node):
            self.lines.append(f"{pad}{key}:")
            self.example_items(key, node, indent + 2)
        elif self.schema.object_branch(node).get("properties"):
            self.lines.append(f"{pad}{key}:")
            self.emit_object(node, path, indent + 2)
        elif path in self.question_paths and is_free_text(node):
            self.lines.append(f"{pad}{key}: {PLACEHOLDER}")
        else:
            self.lines.append(f"{pad}{key}:")

    def emit_alternative(self, key: str, node: dict, indent: int, how: str) -> None:
        """A section most plans leave out (an alternative, or an optional extra), written as comments to uncomment."""
        self.guidance(node, indent)
        self.comment(how, indent)
        for line in self.example_lines(key, node, 0):
            self.lines.append(f"{' ' * indent}# {line}")

    # -- examples -----------------------------------------------------------------
    def is_array(self, node: dict) -> bool:
        kinds = node.get("type")
        return kinds == "array" or (isinstance(kinds, list) and "array" in kinds) or "items" in node

    def example_items(self, key: str, node: dict, indent: int) -> None:
        """A list starts empty; one commented item shows its shape, from the schema's examples."""
        outer = " " * (indent - 2)
        self.comment(f"Add one item per {self.item_noun(node).lower()}, for example:", indent - 2)
        item = self.schema.resolve(node.get("items") or {})
        for number, line in enumerate(self.example_lines(None, item, 0, (item.get("examples") or [None])[0])):
            self.lines.append(f"{outer}#   {'- ' if number == 0 else '  '}{line}")

    def item_noun(self, node: dict) -> str:
        item = self.schema.resolve(node.get("items") or {})
        return str(item.get("title") or "item").lower()

    def example_lines(self, key: str | None, node: dict, indent: int, example: Any = None) -> list[str]:
        """YAML lines showing one example of `node` (from the schema's examples where it has them)."""
        node = self.schema.resolve(node)
        pad = " " * indent
        if example is None and node.get("examples"):
            example = node["examples"][0]
        if self.is_array(node):
            item = self.schema.resolve(node.get("items") or {})
            sample = example[0] if isinstance(example, list) and example else (item.get("examples") or [None])[0]
            inner = self.example_lines(None, item, 0, sample)
            head = [f"{pad}{key}:"] if key is not None else []
            return head + [f"{pad}  {'- ' if i == 0 else '  '}{line}" for i, line in enumerate(inner)]
        properties = self.schema.object_branch(node).get("properties")
        if properties:
            head = [f"{pad}{key}:"] if key is not None else []
            body = []
            for name, child in properties.items():
                sample = example.get(name) if isinstance(example, dict) else None
                if isinstance(example, dict) and sample is None:
                    continue  # keep the example as short as the schema's own
                body += self.example_lines(name, child, 0, sample)
            step = "  " if key is not None else ""
            return head + [f"{pad}{step}{line}" for line in body]
        if example is None:
            enum = [v for v in node.get("enum") or () if v is not None]
            example = enum[0] if enum else None
        value = scalar(example)
        return [f"{pad}{key}: {value}".rstrip()] if key is not None else [value]


def scaffold_text(schema: Schema, values: dict[tuple, Any], header: list[str]) -> str:
    """The whole new plan: header comments, then every schema section in order."""
    builder = Scaffold(schema, values)
    builder.lines.extend(header)
    builder.emit_object(schema.raw, (), 0)
    return "\n".join(builder.lines).rstrip() + "\n"
