"""Which questions a plan answers: shared by the unanswered rule and the summary line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plantool.plan import richtext

PLACEHOLDER_ONLY = {"todo", "tbc", "tbd", "tba", "n/a", "xx", "xxx", "-", "–", "?"}


@dataclass(frozen=True)
class Question:
    path: tuple
    node: dict
    state: str  # "answered" | "not-available" | "unanswered" | "not-expected"


def is_not_available(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"not_available"}


def accepts_not_available(schema, node: dict | None) -> bool:
    """Whether a field is a figure that may be written {not_available: 'reason'} instead."""
    node = schema.resolve(node) if isinstance(node, dict) else None
    return bool(node) and any(
        "not_available" in (schema.resolve(option) or {}).get("properties", {}) for option in node.get("anyOf", ())
    )


def answered_by_list(ctx, path: tuple, node: dict) -> bool:
    """A prompt the schema lets a list answer (x-plantool-answered-by), answered by one.

    `{list: initiatives, status: [done]}` on a theme's prompt: any initiative of those
    statuses in that theme answers it, whether listed under the theme itself or under
    one of its own sections or their sub-sections (a table of "what we have done").
    """
    rule = node.get("x-plantool-answered-by")
    if not isinstance(rule, dict):
        return False
    key, statuses = rule.get("list"), rule.get("status") or ()
    return any(
        isinstance(item, dict) and item.get("status") in statuses for item in _listed(ctx.get(path[:-1]), key)
    )


def _listed(container: Any, key: Any, depth: int = 0) -> list:
    """The items of `container[key]`, and of the same list in its own sections and sub-sections."""
    if not isinstance(container, dict):
        return []
    items = container.get(key)
    found = list(items) if isinstance(items, list) else []
    sections = container.get("sections")
    if isinstance(sections, list) and depth < 2:  # own sections are one level deep, with sub-sections
        for section in sections:
            found += _listed(section, key, depth + 1)
    return found


def is_blank(value: Any, node: dict | None = None) -> bool:
    """True when a value says nothing yet: missing, empty, or only a placeholder word."""
    if value is None:
        return True
    if isinstance(value, str):
        stripped = value.strip()
        if len(stripped) > 40:  # longer than any placeholder with its markup: real text
            return False
        if stripped.startswith("- ") or any(mark in stripped for mark in "*[_`"):  # markup: compare the words only
            stripped = richtext.plain(stripped).strip()
        text = stripped.strip(".:").strip().lower()
        return not text or text in PLACEHOLDER_ONLY
    if isinstance(value, list):
        return not value
    if isinstance(value, dict):
        if not value:
            return True
        required = (node or {}).get("required") or list(value)
        return all(is_blank(value.get(key)) for key in required) or any(
            value.get(key) is None for key in required
        )
    return False


def not_expected(schema, data: dict) -> set[tuple]:
    """Questions not asked of this plan.

    A combined disclosure (x-plantool-covers) is optional: when it is filled
    in, it answers the separate figures it covers; when it is absent, its own
    questions are not asked.
    """
    skipped: set[tuple] = set()
    disclosures = data.get("disclosures") if isinstance(data, dict) else None
    disclosures = disclosures if isinstance(disclosures, dict) else {}
    for key, node in schema.disclosures():
        covers = node.get("x-plantool-covers")
        if not covers:
            continue
        if isinstance(disclosures.get(key), dict) and disclosures[key]:
            for section, fields in covers.items():
                skipped.update(("disclosures", section, field) for field in fields)
        else:
            skipped.update(path for path, _ in schema.questions() if path[:2] == ("disclosures", key))
    return skipped


def survey(ctx) -> list[Question]:
    """Every schema question with its state for this plan."""
    skipped = not_expected(ctx.schema, ctx.data)
    result = []
    for path, node in ctx.schema.questions():
        value = ctx.get(path)
        if path in skipped:
            state = "not-expected"
        elif is_not_available(value):
            state = "not-available"
        elif (value is None or (isinstance(value, str) and not value.strip())) and answered_by_list(ctx, path, node):
            state = "answered"  # left empty, and answered by a table of initiatives
        elif is_blank(value, ctx.schema.object_branch(node)):
            state = "unanswered"
        else:
            state = "answered"
        result.append(Question(path, node, state))
    return result


def summary_counts(questions: list[Question]) -> tuple[int, int]:
    """(answered, total): questions not expected do not count; not-available ones count as answered."""
    relevant = [q for q in questions if q.state != "not-expected"]
    return sum(q.state != "unanswered" for q in relevant), len(relevant)
