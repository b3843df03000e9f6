"""Disclosure figures across two years: the change in each, in its own unit.

The figures are read from the published-plan model (`publish.build`), the
same rows the Word export prints: the same labels ('Union officials: Number
of officials'), the same British form (£166,275; 9.26% of the staffing
budget), and the raw value beside the words. Changes are worked out in decimal
so 9.3 → 7.1 is −2.2 points, not −2.2000000000000006.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from plantool.diff import labels
from plantool.diff.items import same_words
from plantool.diff.model import (
    CHANGED,
    NO_LONGER_AVAILABLE,
    NOT_AVAILABLE_BOTH,
    NOT_COMPARABLE,
    NOW_AVAILABLE,
    ONLY_LAST,
    ONLY_THIS,
    UNCHANGED,
    DisclosureDiff,
    FigureChange,
)
from plantool.plan.questions import is_not_available
from plantool.publish import formatting
from plantool.publish.build import build_plan
from plantool.publish.model import FIGURES, Cell, Table

MINUS = "\u2212"  # a true minus sign, as printed figures use


def figure_cells(schema, data: dict) -> tuple[dict[str, dict[tuple, tuple[str, Cell]]], set[str]]:
    """For each disclosure: {figure path: (label, cell)} from the published plan's figures tables;
    and the disclosures whose figures could not be read.

    Each disclosure is built on its own, and only the disclosures (the title
    block and themes are not needed). The published-plan model expects figures
    of the schema's shapes; a section it cannot read (a share whose base is a
    list, say) is set aside, named in the report, and left for `check`.
    """
    disclosures = data.get("disclosures") if isinstance(data.get("disclosures"), dict) else {}
    out: dict[str, dict[tuple, tuple[str, Cell]]] = {}
    unreadable = set()
    for key, value in disclosures.items():
        if not isinstance(value, dict):
            continue
        try:
            built = build_plan(schema, {"disclosures": {key: value}}, draft=False)  # given figures only: a draft adds rows for missing ones
        except (TypeError, AttributeError, ValueError):
            unreadable.add(key)
            continue
        for section in built.walk():
            for block in section.blocks:
                if isinstance(block, Table) and block.kind == FIGURES and section.path == ("disclosures", key):
                    out[key] = {row.path: (row.cells[0].text, row.cells[1]) for row in block.rows}
    return out, unreadable


def compare(schema, last_data: dict, this_data: dict, periods: tuple[str, str]) -> tuple[DisclosureDiff, ...]:
    (last_cells, last_unreadable), (this_cells, this_unreadable) = figure_cells(schema, last_data), figure_cells(schema, this_data)
    out = []
    for key, node in schema.disclosures():
        before, after = last_cells.get(key, {}), this_cells.get(key, {})
        unreadable = [period for period, keys in zip(periods, (last_unreadable, this_unreadable)) if key in keys]
        if not before and not after and not unreadable:
            continue
        paths = sorted(set(before) | set(after), key=lambda path: schema_order(schema, path))
        figures = tuple(figure_change(path, before.get(path), after.get(path)) for path in paths)
        notes = [labels.UNREADABLE.format(period=period) for period in unreadable]
        notes.append(combined_note(schema, key, node, last_data, this_data, periods))
        out.append(DisclosureDiff(key, node.get("title", key), figures, " ".join(n for n in notes if n) or None))
    return tuple(out)


def schema_order(schema, path: tuple) -> tuple:
    """Sort key: the position of each key of the path among its parent's properties."""
    order = []
    node = schema.node_at(())
    for part in path:
        properties = list(schema.object_branch(node or {}).get("properties", {}))
        order.append(properties.index(part) if part in properties else len(properties))
        node = schema.child(node, part) if node else None
    return tuple(order)


def combined_note(schema, key: str, node: dict, last_data: dict, this_data: dict, periods: tuple[str, str]) -> str | None:
    """A combined figure (x-plantool-covers) given in one year only cannot be set against separate ones."""
    covers = node.get("x-plantool-covers")
    if not covers:
        return None
    given = [bool(_section(data, key)) for data in (last_data, this_data)]
    if given[0] == given[1]:
        return None
    titles = dict(schema.disclosures())
    covered = ", ".join(titles.get(other, {}).get("title", other) for other in covers)
    return labels.COMBINED_IN_ONE_YEAR.format(period=periods[0] if given[0] else periods[1], covered=covered)


def _section(data: Any, key: str) -> dict:
    disclosures = data.get("disclosures") if isinstance(data, dict) else None
    section = disclosures.get(key) if isinstance(disclosures, dict) else None
    return section if isinstance(section, dict) else {}


def figure_change(path: tuple, last: tuple[str, Cell] | None, this: tuple[str, Cell] | None) -> FigureChange:
    label, cell = this or last
    unit = cell.unit
    a = last[1].value if last else None
    b = this[1].value if this else None
    shown = dict(path=path, label=label, unit=unit, last=a, this=b,
                 last_text=last[1].text if last else "", this_text=this[1].text if this else "")
    if last is None:
        return FigureChange(**shown, state=ONLY_THIS)
    if this is None:
        return FigureChange(**shown, state=ONLY_LAST)
    if is_not_available(a) or is_not_available(b):
        state = NOT_AVAILABLE_BOTH if is_not_available(a) and is_not_available(b) else NOW_AVAILABLE if is_not_available(a) else NO_LONGER_AVAILABLE
        return FigureChange(**shown, state=state)
    if isinstance(a, dict) and isinstance(b, dict):  # shares: percentage points, when of the same base
        if a.get("of") != b.get("of"):
            return FigureChange(**shown, state=NOT_COMPARABLE)
        a, b, unit = a.get("percent"), b.get("percent"), "percent"
    if not (_number(a) and _number(b)):
        return FigureChange(**shown, state=UNCHANGED if same_words(a, b) else CHANGED)
    change = Decimal(str(b)) - Decimal(str(a))
    if change == 0:
        return FigureChange(**shown, state=UNCHANGED, change=0)
    return FigureChange(**shown, state=CHANGED, change=_plain_number(change), change_text=change_text(change, unit, Decimal(str(a))))


def change_text(change: Decimal, unit: str | None, before: Decimal) -> str:
    """'−2.2 points', '−£16,275 (−9.8%)', '+3'."""
    sign = "+" if change > 0 else MINUS
    size = abs(change)
    if unit == "percent":
        words = labels.POINT if size == 1 else labels.POINTS
        return words.format(sign=sign, number=formatting.number(_plain_number(size)))
    if unit == "pounds":
        if before == 0:
            return sign + formatting.money(_plain_number(size))
        relative = (size / before * 100).quantize(Decimal("0.1"))
        return labels.MONEY_CHANGE.format(sign=sign, amount=formatting.money(_plain_number(size)), percent=relative)
    return sign + formatting.number(_plain_number(size))


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
