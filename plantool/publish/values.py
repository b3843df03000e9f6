"""A plan's figures and short values as a published plan shows them, in British form.

Plain functions of (schema, value, node): the writers show figures this way,
and the importer's summary shows what it read in the same words.
"""

from __future__ import annotations

import re
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
        return labels.LIST_SEPARATOR.join(record_text(schema, item, schema.child(node, 0)) for item in value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        return formatting.date(value)  # 2024-07-30 -> 30 July 2024
    return str(value)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    """One list item inside a cell: a saving ('£450,000 achieved, 2024/25'), funding, or a partner's name."""
    if not isinstance(item, dict):
        return value_text(schema, item, node)
    props = {key: schema.resolve(child) for key, child in schema.object_branch(node or {}).get("properties", {}).items()}
    if amount_key(props, item):
        return amount_text(schema, item, props)
    parts = [value_text(schema, v, props.get(k, {})) for k, v in item.items() if v is not None]
    return labels.AMOUNT_PART_SEPARATOR.join(p for p in parts if p)


# Fields that say what kind of amount a sum of money is, read together with it
# ('£42,000,000 planned over 10 years', '£16,000,000 from Towns Fund'); every
# other field follows after a comma ('cashable saving', '2024/25', 'since 2019/20').
QUALIFIERS = ("kind", "span", "source")
PHRASED = {"since": labels.SINCE, "source": labels.FROM_SOURCE}  # fields whose value reads inside a phrase


def amount_key(props: dict, item: dict) -> str | None:
    """The field of a record that holds its sum of money (a saving's or funding's amount), if it has one."""
    for key, node in props.items():
        if node.get("x-plantool-unit") == "pounds" and isinstance(item.get(key), (int, float)) and not isinstance(item.get(key), bool):
            return key
    return None


def span_text(schema, item: dict, props: dict) -> str:
    """'a year', 'one-off', or 'over 10 years' when the number of years is given."""
    years = item.get("years")
    if isinstance(years, int) and not isinstance(years, bool) and years > 0:
        return labels.plural(labels.OVER_YEARS, years, years=years)
    if item.get("span") is not None and "span" in props:
        return value_text(schema, item["span"], props["span"])
    return ""


def amount_text(schema, item: dict, props: dict, *, only: tuple[str, ...] | None = None) -> str:
    """A sum of money and what it is, in words: '£1,485,000 achieved, cashable saving, 2024/25'.

    `only` limits the words to those fields (a table whose other fields have
    columns of their own shows '£1,200,000 a year' in its amount column).
    """
    key = amount_key(props, item)
    qualifiers, rest = [], []
    for field, node in props.items():
        if field in (key, "years") or (only is not None and field not in only):
            continue
        if field == "span":
            text = span_text(schema, item, props)
        elif item.get(field) is None:
            continue
        else:
            text = value_text(schema, item[field], node)
            if field in PHRASED and text:
                text = PHRASED[field].format(value=text)
        if text:
            (qualifiers if field in QUALIFIERS else rest).append(text)
    head = formatting.money(item[key])
    if qualifiers:
        head = labels.AMOUNT_QUALIFIED.format(amount=head, qualifier=" ".join(qualifiers))
    return labels.AMOUNT_PART_SEPARATOR.join([head, *rest])


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
