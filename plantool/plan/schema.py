"""The packaged JSON Schema: the one place themes, prompts and questions are defined.

Everything that needs a title, a question or guidance asks this module, which
reads them from the schema; no other module spells them out.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA_NAME = "productivity-plan.schema.json"


def schema_path() -> Path:
    """The schema shipped in the wheel, or the repository's copy in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data" / SCHEMA_NAME
    if packaged.is_file():
        return packaged
    return package.parent / "schema" / SCHEMA_NAME


def schema_text() -> str:
    return schema_path().read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_schema(path: str | None = None) -> "Schema":
    """Load (once per process) the packaged schema, or another copy for tests."""
    source = Path(path) if path else schema_path()
    return Schema(json.loads(source.read_text(encoding="utf-8")))


class SchemaError(Exception):
    """The schema itself cannot be used: a $ref that leads nowhere, or back to itself. The message gives the pointers."""


def follow_pointer(root: Any, ref: str) -> Any:
    """What a local $ref ('#/$defs/period') points at in `root` (JSON pointer escapes included).

    Raises SchemaError for a reference outside the schema or to a place it does not have.
    """
    if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")):
        raise SchemaError(f"$ref {ref!r}: only references within the schema (#/...) are supported")
    target = root
    for part in ref[2:].split("/") if ref != "#" else ():
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            raise SchemaError(f"$ref {ref}: the schema has nothing at that place")
    return target


def check_references(raw: dict) -> None:
    """Refuse a schema in which a $ref reaches itself, directly or through others (plantool inlines them).

    The error gives the chain of pointers, e.g. '#/$defs/a -> #/$defs/b -> #/$defs/a'.
    """
    sound: set[str] = set()  # references whose targets were walked to the end without meeting a cycle

    def visit(node: Any, chain: list[str]) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, chain)
            return
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            if ref in chain:
                loop = " -> ".join(chain[chain.index(ref) :] + [ref])
                raise SchemaError(f"$ref reaches itself: {loop}")
            if ref not in sound:
                visit(follow_pointer(raw, ref), chain + [ref])
                sound.add(ref)
        for key, value in node.items():
            if key != "$ref":
                visit(value, chain)

    visit(raw, [])


def is_free_text(node: dict | None) -> bool:
    """A field written in the free-text subset (paragraphs, bullets, bold, links)."""
    return bool(node) and node.get("x-plantool-format") == "text"


def dotted(path) -> str:
    """themes.transformation.initiatives[2].status; a '[]' step (any item of a list) reads initiatives[].status."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[]":
            out += "[]"
        else:
            out += f".{part}" if out else str(part)
    return out


def value_at(data: Any, path, default: Any = None) -> Any:
    """The value at a data path (keys and list indexes), or `default` where the path leads nowhere."""
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return default
    return data


class Schema:
    """Read-only views over the raw schema dict: titles, questions, themes."""

    def __init__(self, raw: dict):
        check_references(raw)
        self.raw = raw
        self._validator = None
        self._prevalidator = None
        self._questions: tuple | None = None
        # Walks ask the same few hundred questions thousands of times per plan;
        # the schema never changes, so each answer is worked out once. Answers are
        # keyed by the node's identity and keep the node alive beside them, so an
        # id is never reused for another node while its answer is cached.
        self._resolved: dict[int, tuple[dict, dict]] = {}
        self._branches: dict[int, tuple[dict, dict]] = {}
        self._children: dict[tuple[int, Any], tuple[dict, dict | None]] = {}

    # -- walking ---------------------------------------------------------
    def resolve(self, node: dict) -> dict:
        """Follow local $refs; the referring node's own keywords win (title, description)."""
        if not isinstance(node, dict) or "$ref" not in node:
            return node
        cached = self._resolved.get(id(node))
        if cached is None:
            cached = self._resolved[id(node)] = (node, self._follow(node))
        return cached[1]

    def _follow(self, node: dict) -> dict:
        while isinstance(node, dict) and "$ref" in node:  # ends: check_references refused cycles
            merged = dict(follow_pointer(self.raw, node["$ref"]))
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            node = merged
        return node

    def object_branch(self, node: dict) -> dict:
        """The branch of an anyOf that describes an object with properties, if any."""
        if not node:
            return node  # callers pass a fresh {} for "no schema"; caching it would only grow
        cached = self._branches.get(id(node))
        if cached is None:
            cached = self._branches[id(node)] = (node, self._object_branch(node))
        return cached[1]

    def _object_branch(self, node: dict) -> dict:
        node = self.resolve(node)
        if "properties" in node:
            return node
        for option in node.get("anyOf", []):
            option = self.resolve(option)
            if "properties" in option and "not_available" not in option["properties"]:
                merged = dict(option)
                for key in ("title", "description"):
                    if key in node:
                        merged[key] = node[key]
                return merged
        return node

    def child(self, node: dict, part) -> dict | None:
        """The schema node for one step into the data (a key or a list index)."""
        if not node:
            return None
        key = (id(node), 0 if isinstance(part, int) else part)  # every list item has the same schema
        cached = self._children.get(key)
        if cached is None:
            cached = self._children[key] = (node, self._child(node, part))
        return cached[1]

    def _child(self, node: dict, part) -> dict | None:
        node = self.object_branch(node)
        if isinstance(part, int):
            items = node.get("items")
            return self.resolve(items) if items else None
        prop = node.get("properties", {}).get(part)
        return self.resolve(prop) if prop is not None else None

    def node_at(self, path) -> dict | None:
        node: dict | None = self.resolve(self.raw)
        for part in path:
            if node is None:
                return None
            node = self.child(node, part)
        return node

    def label(self, path) -> str:
        """Human breadcrumb for a data path: 'Disclosures › Agency staff › Spend on agency staff'."""
        titles = []
        node: dict | None = self.resolve(self.raw)
        for index, part in enumerate(path):
            node = self.child(node, part) if node is not None else None
            if isinstance(part, int):
                if titles:
                    titles[-1] = f"{titles[-1]} item {part + 1}"
                continue
            if node is not None and node.get("title"):
                title = node["title"]
                if title == "Period" and titles:  # generic titles read better with their parent
                    title = "period"
                titles.append(title)
            else:
                titles.append(str(part))
        return " › ".join(titles) if titles else "The plan"

    # -- the plan's shape --------------------------------------------------
    def themes(self) -> list[tuple[str, dict]]:
        """(key, node) for each theme, in schema order."""
        themes = self.raw["properties"]["themes"]["properties"]
        return [(key, self.resolve(node)) for key, node in themes.items() if "x-plantool-theme" in node]

    def disclosures(self) -> list[tuple[str, dict]]:
        """(key, node) for each disclosure section, in schema order."""
        return [(key, self.resolve(node)) for key, node in self.raw["properties"]["disclosures"]["properties"].items()]

    def questions(self) -> tuple[tuple[tuple, dict], ...]:
        """Every (path, node) marked x-plantool-question, in schema order (found once per schema)."""
        if self._questions is None:

            def walk(node: dict, path: tuple):
                node = self.object_branch(node)
                for key, child in node.get("properties", {}).items():
                    child = self.resolve(child)
                    if "x-plantool-question" in child:
                        yield path + (key,), child
                    elif "properties" in child:
                        yield from walk(child, path + (key,))

            self._questions = tuple(walk(self.raw, ()))
        return self._questions

    def annotation(self, name: str, default: Any = None) -> Any:
        return self.raw.get(name, default)

    def walk_data(self, data: Any) -> list[tuple[tuple, Any, dict | None]]:
        """Every value in the data, in document order, with its path and schema node (None where the schema has none).

        Built as one list by plain recursion: every rule reads it, and nested
        generators cost a third of the rules' time on a real plan.
        """
        out: list[tuple[tuple, Any, dict | None]] = []
        child = self.child

        def walk(value: Any, path: tuple, node: dict | None) -> None:
            out.append((path, value, node))
            if isinstance(value, dict):
                for key, item in value.items():
                    walk(item, path + (key,), child(node, key))
            elif isinstance(value, list):
                item_node = child(node, 0)
                for index, item in enumerate(value):
                    walk(item, path + (index,), item_node)

        walk(data, (), self.resolve(self.raw))
        return out

    # -- validation --------------------------------------------------------
    def certainly_fits(self, data: Any) -> bool:
        """True only when jsonschema would find nothing wrong; see prevalidate."""
        if self._prevalidator is None:
            from plantool.check.prevalidate import compile_schema

            self._prevalidator = compile_schema(self.raw)
        return self._prevalidator(data)

    def validator(self):
        """One validator per process, over the schema with its local $refs inlined.

        Inlining is safe because check_references refused recursive references, and
        it saves the reference lookups that otherwise dominate validation time.
        """
        if self._validator is None:
            from plantool.check.semantics import validator_class  # finite numbers, ECMA-262 patterns

            self._validator = validator_class()(self.inlined())
        return self._validator

    def inlined(self) -> dict:
        """The schema with every local $ref replaced by what it points at."""
        annotations = {"title", "description", "examples"}

        def inline(node):
            if isinstance(node, list):
                return [inline(item) for item in node]
            if not isinstance(node, dict):
                return node
            if "$ref" in node and node["$ref"].startswith("#/"):
                target = follow_pointer(self.raw, node["$ref"])
                siblings = {k: v for k, v in node.items() if k != "$ref"}
                clash = (set(siblings) & set(target)) - annotations - {k for k in siblings if k.startswith("x-")}
                if clash:  # keep both sets of constraints, as $ref with siblings means in 2020-12
                    return {"allOf": [inline(target)], **inline(siblings)}
                return {**inline(target), **inline(siblings)}
            return {key: (value if key == "$defs" else inline(value)) for key, value in node.items() if key != "$defs"}

        return inline(self.raw)
