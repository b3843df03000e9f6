"""Barriers across two years: added, removed, and still present (matched by their words, like initiatives)."""

from __future__ import annotations

from typing import Any

from plantool.diff.items import lists_of, words
from plantool.diff.matching import pair
from plantool.diff.model import Barrier, BarriersDiff


def collect(schema, data: Any) -> list[Barrier]:
    found = []
    for path, items, _ in lists_of(schema, data, "barrier"):
        for index, item in enumerate(items):
            text = words(item.get("barrier")) if isinstance(item, dict) else ""
            if text:
                found.append(Barrier(text, path + (index,)))
    return found


def compare(schema, last_data: Any, this_data: Any) -> BarriersDiff:
    pairing = pair(collect(schema, last_data), collect(schema, this_data), words=lambda b: b.words)
    return BarriersDiff(still_present=pairing.matched, added=pairing.only_this, removed=pairing.only_last)
