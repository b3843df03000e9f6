"""Find a plan's list items of one kind (initiatives, barriers) wherever the schema lets them sit.

Initiatives sit under each theme, in a theme's own sections, under the
further topics and in other sections; a schema change may add more places.
So they are found by what the schema says a list holds, never by where.
"""

from __future__ import annotations

from typing import Any, Iterator

from plantool.plan import richtext
from plantool.plan.schema import value_at


def lists_of(schema, data: Any, definition: str) -> Iterator[tuple[tuple, list, dict]]:
    """(path, items, item node) for every list in the data whose items are `#/$defs/<definition>`."""
    wanted = f"#/$defs/{definition}"
    for path, value, node in schema.walk_data(data):
        if isinstance(value, list) and node and (node.get("items") or {}).get("$ref") == wanted:
            yield path, value, schema.child(node, 0) or {}


def words(value: Any) -> str:
    """The plain words of a text field, on one line (markup and line breaks dropped)."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    return " ".join(richtext.plain(value).split())


def owner(schema, path: tuple) -> tuple[tuple, str]:
    """The theme or topic a path belongs to, and its title; the top-level part when it is neither."""
    for end in range(len(path), 0, -1):
        node = schema.node_at(path[:end]) or {}
        if "x-plantool-theme" in node or "x-plantool-topic" in node:
            return path[:end], node.get("title", str(path[end - 1]))
    top = path[:1]
    return top, (schema.node_at(top) or {}).get("title", str(top[0]) if top else "")


def own_section_title(data: Any, path: tuple) -> str | None:
    """The headings of the council's own sections (and sub-sections) a list item sits in: 'Growth › Planning'.

    Themes and topics are mappings, so the list items above the item that carry
    a title are exactly the council's own sections, at whatever depth the schema allows.
    """
    titles = []
    for end in range(1, len(path) - 1):
        if isinstance(path[end], int):
            section = value_at(data, path[: end + 1])
            if isinstance(section, dict) and isinstance(section.get("title"), str):
                titles.append(section["title"])
    return " › ".join(titles) or None


def same_words(a: Any, b: Any) -> bool:
    """The same answer or value: equal, with text compared word for word (line breaks and spacing aside)."""
    if isinstance(a, str) and isinstance(b, str):
        return a.split() == b.split()
    return a == b
