"""One plan's data as one row of plain values: numbers as numbers, text on one line, None for empty.

Runs in the worker that has just checked the plan, on the data it loaded, so
each file is read once. Every value is read defensively: a plan that does not
fit the schema still gives every figure it can, and marks the rest `invalid`.
The council register is not consulted here (see `coverage`).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from plantool.plan.questions import is_blank, is_not_available
from plantool.plan.schema import follow_pointer
from plantool.summary import columns as C

NOTE_LIMIT = 200  # characters of an invalid value kept in its note


def one_line(value: Any) -> str | None:
    """A text value on one line (its lines joined by spaces), or None; numbers as typed (a period of 2024 stays '2024')."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(line.strip() for line in str(value).splitlines() if line.strip())
    return text or None


def number(value: Any) -> int | float | None:
    """A finite int or float, or None (booleans, text, NaN and infinities are not figures)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def empty_row(file: str, load_error: str | None = None) -> dict:
    row = dict.fromkeys(C.NAMES)
    row["file"], row["load_error"] = file, load_error
    return row


def plan_row(file: str, data: dict, schema, *, answered: int, questions: int, errors: int, warnings: int) -> dict:
    """The row for a plan that was read: everything but the register's columns."""
    row = empty_row(file)
    council = _mapping(data.get("council"))
    plan = _mapping(data.get("plan"))
    row["plan_council_name"] = one_line(council.get("name"))
    row["plan_gss_code"] = one_line(council.get("gss_code"))
    row["council_type"] = one_line(council.get("type"))  # the register's type replaces it when it knows the council
    row["period"] = one_line(plan.get("period"))
    row["status"] = one_line(plan.get("status"))
    row["questions_answered"], row["questions_total"] = answered, questions
    row["questions_answered_percent"] = round(answered / questions * 100, 2) if questions else None
    row["errors"], row["warnings"] = errors, warnings
    for column in C.TEXT_FROM_PLAN:
        row[column.name] = one_line(_at(data, column.path))
    combining = _mapping(_mapping(data.get("disclosures")).get(C.COMBINING))
    covered = _covered(schema) if combining else {}
    for column in C.FIGURES:
        value, status, note = figure(data, column.path)
        if status == C.MISSING:
            section, field = column.path[1], column.path[2]
            if field in covered.get(section, ()):
                status = C.COMBINED
            elif section == C.COMBINING and not combining:
                status = C.NOT_COMBINED
        row[column.name], row[f"{column.name}_status"], row[f"{column.name}_note"] = value, status, note
    row.update(_totals(data, _places(schema)))
    items = _mapping(_mapping(data.get("themes")).get("barriers")).get("items")
    row["barriers"] = len(items) if isinstance(items, list) else 0
    return row


def figure(data: dict, path: tuple) -> tuple[Any, str, str | None]:
    """(value, status, note) of the figure at `path`; a not-available declaration anywhere above it counts."""
    value: Any = data
    for part in path:
        if not isinstance(value, dict):
            value = None
            break
        if "not_available" in value:  # declared not available here, above the figure
            break
        value = value.get(part)
    if isinstance(value, dict) and is_not_available(value):
        return None, C.NOT_AVAILABLE, one_line(value["not_available"])
    if number(value) is not None:
        return value, C.GIVEN, None
    if is_blank(value):
        return None, C.MISSING, None
    written = one_line(value) if not isinstance(value, (dict, list)) else str(value)
    return None, C.INVALID, (written or "")[:NOTE_LIMIT]


def _totals(data: dict, places: tuple[frozenset, frozenset, frozenset]) -> dict:
    """Savings by kind and type, income lines by kind, initiatives by status: wherever the plan holds them."""
    initiative_keys, saving_keys, through = places
    totals: dict[str, float] = {f"savings_{kind}_gbp": 0 for kind in C.SAVING_KINDS}
    totals.update({f"savings_{kind}_{kind_of}_gbp": 0 for kind in C.SAVING_KINDS for kind_of in (*C.SAVING_TYPES, C.TYPE_NOT_STATED)})
    totals.update({f"savings_{kind}_{span}_gbp": 0 for kind in C.SAVING_KINDS for span in (*C.SAVING_SPANS, C.SPAN_NOT_STATED)})
    totals.update({f"initiatives_{status}": 0 for status in C.INITIATIVE_STATUSES})

    def walk(node: dict) -> None:
        for key, value in node.items():
            if key not in through:  # the schema holds no initiatives or savings down there
                continue
            if isinstance(value, dict):
                walk(value)
            elif isinstance(value, list):
                if key in saving_keys:
                    _add_savings(value, totals)
                elif key in initiative_keys:
                    for item in value:
                        status = item.get("status") if isinstance(item, dict) else None
                        if status in C.INITIATIVE_STATUSES:
                            totals[f"initiatives_{status}"] += 1
                for item in value:
                    if isinstance(item, dict):
                        walk(item)

    walk(data)
    income = _mapping(_mapping(data.get("topics")).get("income_generation")).get("items")
    for kind in C.INCOME_KINDS:
        totals[f"income_{kind}_gbp"] = sum(
            number(item.get("amount")) or 0 for item in (income if isinstance(income, list) else ())
            if isinstance(item, dict) and item.get("kind") == kind)
    return totals


def _add_savings(savings: list, totals: dict) -> None:
    for saving in savings:
        if not isinstance(saving, dict):
            continue
        amount, kind = number(saving.get("amount")), saving.get("kind")
        if amount is None or kind not in C.SAVING_KINDS:
            continue
        kind_of = saving.get("type") if saving.get("type") in C.SAVING_TYPES else C.TYPE_NOT_STATED
        span = saving.get("span") if saving.get("span") in C.SAVING_SPANS else C.SPAN_NOT_STATED
        totals[f"savings_{kind}_gbp"] += amount
        totals[f"savings_{kind}_{kind_of}_gbp"] += amount
        totals[f"savings_{kind}_{span}_gbp"] += amount


@lru_cache(maxsize=4)
def _covered(schema) -> dict[str, tuple]:
    """The separate figures a combined disclosure stands in for (the schema's x-plantool-covers)."""
    for _, node in schema.disclosures():
        if node.get("x-plantool-covers"):
            return {section: tuple(fields) for section, fields in node["x-plantool-covers"].items()}
    return {}


INITIATIVES_REF, SAVING_REF = "#/$defs/initiatives", "#/$defs/saving"


@lru_cache(maxsize=4)
def _places(schema) -> tuple[frozenset, frozenset, frozenset]:
    """(keys of initiatives lists, keys of savings lists, every key on the way to either), found once from the schema.

    The walk for totals goes down only through the keys the schema can hold them under,
    so a new place in the schema is found without a change here.
    """
    initiative_keys: set[str] = set()
    saving_keys: set[str] = set()
    through: set[str] = set()
    known: dict[int, bool] = {}

    def holds(node: Any) -> bool:
        if isinstance(node, list):
            return any([holds(item) for item in node])  # every item, so every key is seen
        if not isinstance(node, dict):
            return False
        if node.get("$ref") in (INITIATIVES_REF, SAVING_REF):
            return True
        if id(node) in known:
            return known[id(node)]
        known[id(node)] = False  # while it is being looked at
        found = isinstance(node.get("$ref"), str) and holds(follow_pointer(schema.raw, node["$ref"]))
        for name, child in (node.get("properties") or {}).items():
            if isinstance(child, dict) and child.get("$ref") == INITIATIVES_REF:
                initiative_keys.add(name)
            if isinstance(child, dict) and (child.get("items") or {}).get("$ref") == SAVING_REF:
                saving_keys.add(name)
            if holds(child):
                through.add(name)
                found = True
        found = any([holds(value) for key, value in node.items() if key not in ("properties", "$ref")]) or found
        known[id(node)] = found
        return found

    holds(schema.raw)
    return frozenset(initiative_keys), frozenset(saving_keys), frozenset(through)


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _at(data: dict, path: tuple) -> Any:
    value: Any = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value
