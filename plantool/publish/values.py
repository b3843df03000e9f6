"""A plan's figures and short values as a published plan shows them, in British form.

Plain functions of (schema, value, node): the writers show figures this way,
and the importer's summary shows what it read in the same words.
"""

from __future__ import annotations

from typing import Any

from plantool.plan.questions import is_not_available
from plantool.publish import formatting, labels


def value_text(schema, value: Any, node: dict | None) -> str:
    """A figure or short value as British-formatted words."""
    node = node or {}
    if value is None:
        return ""
    if is_not_available(value):
        return labels.NOT_AVAILABLE_TEXT.format(label=not_available_label(schema, node), reason=value["not_available"])
    unit = node.get("x-plantool-unit")
    if unit == "pounds":
        return formatting.money(value)
    if unit == "percent":
        return formatting.percent(value)
    if unit == "year":
        return str(value)  # 2019, not 2,019
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return formatting.number(value)
    names = node.get("x-plantool-labels")
    if names and value in names:
        return names[value]
    if isinstance(value, dict):
        return share_text(schema, value, node)
    if isinstance(value, list):
        return "; ".join(record_text(schema, item, schema.child(node, 0)) for item in value)
    return str(value)


def share_text(schema, value: dict, node: dict) -> str:
    """'1.5% of the pay bill (£20,000,000)': every percentage states its base."""
    branch = schema.object_branch(node)
    percent = value.get("percent")
    if percent is None:
        return ""
    base_node = schema.child(branch, "of") or {}
    base = (base_node.get("x-plantool-labels") or {}).get(value.get("of"), value.get("of") or labels.UNSTATED_BASE)
    text = labels.SHARE.format(percent=value_text(schema, percent, schema.child(branch, "percent")), base=base)
    amount = value.get("base_amount")
    if isinstance(amount, (int, float)):
        text = labels.SHARE_WITH_AMOUNT.format(share=text, amount=formatting.money(amount))
    return text


def record_text(schema, item: Any, node: dict | None) -> str:
    """One list item inside a cell, e.g. a saving: '£450,000, achieved, 2024/25'."""
    if not isinstance(item, dict):
        return value_text(schema, item, node)
    props = schema.object_branch(node or {}).get("properties", {})
    parts = [value_text(schema, v, schema.resolve(props.get(k, {}))) for k, v in item.items() if v is not None]
    return ", ".join(p for p in parts if p)


def not_available_label(schema, node: dict) -> str:
    """The schema's title for a figure declared not available ('Not available'), which the importer reads back."""
    for option in (node or {}).get("anyOf", ()):
        option = schema.resolve(option)
        if "not_available" in (option.get("properties") or {}):
            return option.get("title") or labels.NOT_AVAILABLE
    return labels.NOT_AVAILABLE


def unit_of(schema, node: dict | None) -> str | None:
    """How a field's values read: the schema's unit, 'share', 'number', or None for words."""
    node = node or {}
    if node.get("x-plantool-unit"):
        return node["x-plantool-unit"]
    properties = schema.object_branch(node).get("properties") or {}
    if "percent" in properties and "of" in properties:
        return "share"
    kinds = set()
    for option in (node, *node.get("anyOf", ())):  # a figure's own branch, beside {not_available: …}
        declared = schema.resolve(option).get("type")
        kinds |= set(declared) if isinstance(declared, list) else {declared}
    return "number" if kinds & {"number", "integer"} else None
