"""Initiatives across two years: matched by their words, status moves, and savings set side by side."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from plantool.diff import labels
from plantool.diff.items import lists_of, own_section_title, owner, words
from plantool.diff.matching import pair
from plantool.diff.model import BACK, FORWARD, SAME, UNKNOWN, Initiative, InitiativesDiff, Saving, SavingsLine, StatusMove
from plantool.publish.values import record_text

# Progress runs this way; the schema lists the same three values (a test keeps them in step).
PROGRESS = ("planned", "under_way", "done")
ACHIEVED, PLANNED = "achieved", "planned"


def collect(schema, data: Any) -> list[Initiative]:
    """Every initiative in the plan, in document order."""
    found = []
    for path, items, node in lists_of(schema, data, "initiative"):
        status_labels = (schema.child(node, "status") or {}).get("x-plantool-labels") or {}
        saving_node = schema.child(schema.child(node, "savings") or {}, 0) or {}
        group, group_title = owner(schema, path)
        section = own_section_title(data, path)
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            name = words(item.get("name")) or None
            description = words(item.get("description")) or None
            status = item.get("status") if isinstance(item.get("status"), str) else None
            found.append(
                Initiative(
                    words=name or description or "",
                    name=name,
                    description=description,
                    status=status,
                    status_text=status_labels.get(status, status or ""),
                    group=group,
                    group_title=group_title,
                    section=section,
                    path=path + (index,),
                    savings=tuple(savings_of(schema, item.get("savings"), saving_node)),
                )
            )
    return found


def savings_of(schema, value: Any, node: dict) -> list[Saving]:
    out = []
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, dict):
            continue
        amount = item.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, (int, float)):
            continue  # check reports it; an amount that is not a number cannot be added up
        kind = item.get("kind") if isinstance(item.get("kind"), str) else None
        kind_type = item.get("type") if isinstance(item.get("type"), str) else None
        period = item.get("period") if isinstance(item.get("period"), str) else None
        since = item.get("since") if isinstance(item.get("since"), str) else None
        out.append(Saving(amount, kind, kind_type, period, record_text(schema, item, node), since))
    return out


def move(last: str | None, this: str | None) -> str:
    if last not in PROGRESS or this not in PROGRESS:
        return UNKNOWN
    step = PROGRESS.index(this) - PROGRESS.index(last)
    return FORWARD if step > 0 else BACK if step < 0 else SAME


def compare(schema, last_data: Any, this_data: Any) -> InitiativesDiff:
    last, this = collect(schema, last_data), collect(schema, this_data)
    pairing = pair(last, this, words=lambda i: i.words, group=lambda i: i.group)
    moves = tuple(StatusMove(m, move(m.last.status, m.this.status)) for m in pairing.matched)
    rows = [(m.match.last, m.match.this) for m in moves]
    rows += [(u.item, None) for u in pairing.only_last] + [(None, u.item) for u in pairing.only_this]
    lines = [line for line in (savings_line(a, b) for a, b in rows) if line is not None and any_amount(line)]
    type_labels = saving_type_labels(schema)
    return InitiativesDiff(
        moves=moves,
        new=pairing.only_this,
        dropped=pairing.only_last,
        savings=tuple(lines),
        savings_total=total(labels.TOTAL, lines),
        savings_by_type=tuple(line for line in by_type(rows, type_labels) if any_amount(line)),
    )


def saving_type_labels(schema) -> dict:
    """The schema's words for each type of saving, in its order: {'cashable': 'cashable saving', …}."""
    saving = (schema.raw.get("$defs") or {}).get("saving") or {}
    return (schema.child(saving, "type") or {}).get("x-plantool-labels") or {}


ALL_TYPES = object()


def split(last: Initiative | None, this: Initiative | None, type_of: Any = ALL_TYPES):
    """(planned last year, newly achieved this year, planned this year) as lists of Savings, for one type or all.

    An achieved saving last year's plan already reported (same amount, year and
    type) is not new. A cumulative one ('since 2019/20') counts only what it
    grew by since last year's figure for the same start and type.
    """
    last_savings = [s for s in (last.savings if last else ()) if type_of is ALL_TYPES or s.type == type_of]
    this_savings = [s for s in (this.savings if this else ()) if type_of is ALL_TYPES or s.type == type_of]
    reported = [(s.amount, s.period, s.type, s.since) for s in last_savings if s.kind == ACHIEVED]
    cumulative = {(s.since, s.type): s.amount for s in last_savings if s.kind == ACHIEVED and s.since}
    newly = []
    for saving in this_savings:
        if saving.kind != ACHIEVED:
            continue
        key = (saving.amount, saving.period, saving.type, saving.since)
        if key in reported:
            reported.remove(key)  # the same saving, reported again
        elif saving.since and (saving.since, saving.type) in cumulative:
            growth = saving.amount - cumulative.pop((saving.since, saving.type))
            if growth > 0:
                newly.append(replace(saving, amount=growth))
        else:
            newly.append(saving)
    return (
        [s for s in last_savings if s.kind == PLANNED],
        newly,
        [s for s in this_savings if s.kind == PLANNED],
    )


def any_amount(line: SavingsLine) -> bool:
    """A line worth showing: something planned, newly achieved or still planned."""
    return bool(line.planned_last or line.achieved_this or line.planned_this)


def _sum(savings) -> float:
    return sum(s.amount for s in savings)


def savings_line(last: Initiative | None, this: Initiative | None) -> SavingsLine | None:
    if not (last and last.savings) and not (this and this.savings):
        return None
    planned_last, achieved, planned_this = split(last, this)
    shown = this or last
    return SavingsLine(shown.title, _sum(planned_last), _sum(achieved), _sum(planned_this), shown.path)


def total(label: str, lines: list[SavingsLine], key: Any = None) -> SavingsLine:
    return SavingsLine(
        label,
        sum(line.planned_last for line in lines),
        sum(line.achieved_this for line in lines),
        sum(line.planned_this for line in lines),
        key,
    )


def by_type(rows, type_labels: dict) -> tuple[SavingsLine, ...]:
    """One line per type of saving found in either plan, in the schema's order, 'not stated' last."""
    found = {s.type for a, b in rows for side in (a, b) if side for s in side.savings}
    order = [t for t in type_labels if t in found] + [t for t in sorted(found, key=str) if t not in type_labels]
    out = []
    for kind in order:
        sums: dict[str, float] = defaultdict(int)
        for last, this in rows:
            planned_last, achieved, planned_this = split(last, this, kind)
            sums["planned_last"] += _sum(planned_last)
            sums["achieved"] += _sum(achieved)
            sums["planned_this"] += _sum(planned_this)
        label = type_labels.get(kind, kind) if kind else labels.TYPE_NOT_STATED
        out.append(SavingsLine(label, sums["planned_last"], sums["achieved"], sums["planned_this"], kind))
    return tuple(out)
