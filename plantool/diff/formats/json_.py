"""The comparison as JSON for tools: the shape documented in the README ("plantool diff", JSON).

Versioned like check's JSON: fields are only ever added within a version.
Raw plan values (numbers, shares, not-available reasons) sit beside the words
the report shows for them; paths are the dotted data paths `check` uses.
"""

from __future__ import annotations

from typing import Any, TextIO

from plantool import __version__
from plantool.diff import matching
from plantool.diff.model import Barrier, Comparison, Initiative, PlanSide, SavingsLine
from plantool.output import json_text
from plantool.plan.schema import dotted

JSON_VERSION = 1


def write(comparison: Comparison, out: TextIO, *, colour: bool = False) -> None:
    out.write(json_text(as_json(comparison), out) + "\n")  # whole, and readable whatever the plans hold


def as_json(c: Comparison) -> dict:
    d = c.initiatives
    return {
        "version": JSON_VERSION,
        "tool": f"plantool {__version__}",
        "last": plan(c.last),
        "this": plan(c.this),
        "warnings": list(c.warnings),
        "initiatives": {
            "threshold": matching.MATCH_THRESHOLD,
            "near_miss": matching.NEAR_MISS,
            "scorer": matching.SCORER,
            "matched": [
                {"last": initiative(m.match.last), "this": initiative(m.match.this), "similarity": m.match.score, "renamed": m.renamed, "move": m.move}
                for m in d.moves
            ],
            "new": [unmatched("initiative", u, initiative) for u in d.new],
            "dropped": [unmatched("initiative", u, initiative) for u in d.dropped],
        },
        "savings": {
            "by_initiative": [dict(initiative=line.label, path=dotted(line.key or ()), **amounts(line)) for line in d.savings],
            "total": amounts(d.savings_total),
            "by_type": [dict(type=line.key, label=line.label, **amounts(line)) for line in d.savings_by_type],
        },
        "disclosures": [
            {
                "key": section.key,
                "title": section.title,
                "note": section.note,
                "figures": [
                    {
                        "path": dotted(f.path), "label": f.label, "unit": f.unit, "state": f.state,
                        "last": f.last, "this": f.this, "last_text": f.last_text or None, "this_text": f.this_text or None,
                        "change": f.change, "change_text": f.change_text or None,
                    }
                    for f in section.figures
                ],
            }
            for section in c.disclosures
        ],
        "barriers": {
            "still_present": [{"last": barrier(m.last), "this": barrier(m.this), "similarity": m.score} for m in c.barriers.still_present],
            "added": [unmatched("barrier", u, barrier) for u in c.barriers.added],
            "removed": [unmatched("barrier", u, barrier) for u in c.barriers.removed],
        },
        "answers": [
            {"path": dotted(a.path), "label": a.label, "state": a.state, "carried_over": a.carried_over, "figure": a.figure, "review_mark": a.review_mark}
            for a in c.answers
        ],
        "review_marks": [{"line": m.line, "path": dotted(m.path) or None, "label": m.label or None} for m in c.review_marks],
    }


def plan(side: PlanSide) -> dict:
    return {"file": side.file, "council": side.council, "gss_code": side.gss_code, "period": side.period, "status": side.status}


def initiative(item: Initiative) -> dict:
    return {
        "name": item.name,
        "description": item.description,
        "status": item.status,
        "where": {"path": dotted(item.group), "title": item.group_title, "section": item.section},
        "path": dotted(item.path),
        "savings": [{"amount": s.amount, "kind": s.kind, "type": s.type, "period": s.period, "text": s.text} for s in item.savings],
    }


def barrier(item: Barrier) -> dict:
    return {"barrier": item.words, "path": dotted(item.path)}


def unmatched(key: str, u: matching.Unmatched, describe) -> dict[str, Any]:
    return {key: describe(u.item), "closest": describe(u.nearest) if u.nearest is not None else None, "similarity": u.score}


def amounts(line: SavingsLine) -> dict:
    return {"planned_last": line.planned_last, "achieved_this": line.achieved_this, "planned_this": line.planned_this}
