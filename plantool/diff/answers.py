"""Every schema question across two years: updated, carried over word for word, or not yet reviewed.

Review marks are taken from `check`'s review-needed findings, so the diff
finds exactly the marks `check` finds. A mark belongs to the key written just
below it: an answer, or a whole disclosure section (`new --from` marks each
disclosure section once).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from plantool.diff.model import (
    ANSWER_CHANGED,
    ANSWER_UNCHANGED,
    NEWLY_ANSWERED,
    NO_LONGER_ANSWERED,
    NOT_EXPECTED,
    UNANSWERED,
    AnswerChange,
    ReviewMark,
)
from plantool.diff.items import same_words
from plantool.plan.schema import value_at
from plantool.plan.questions import is_blank, not_expected
from plantool.plan.schema import dotted, is_free_text

REVIEW_RULE = "review-needed"


def short_label(schema, path: tuple) -> str:
    """The schema's titles for a path, without the top level: 'Transformation › How we measure productivity'."""
    titles = schema.label(path).split(" › ")
    return " › ".join(titles[1:] if len(titles) > 1 else titles)


def review_marks(schema, doc, findings) -> tuple[ReviewMark, ...]:
    """This year's review marks, each with the key below it."""
    keys = sorted((((line, col), path) for path, (line, col) in doc.keys.items()), key=lambda item: item[0])
    lines = [line for (line, _), _ in keys]
    out = []
    for finding in findings:
        if finding.rule != REVIEW_RULE:
            continue
        path: tuple = ()
        if finding.path:  # the check may one day say which answer the mark is on
            path = next((p for _, p in keys if dotted(p) == finding.path), ())
        if not path:
            at = bisect_right(lines, finding.line)
            path = keys[at][1] if at < len(keys) else ()
        out.append(ReviewMark(finding.line, path, short_label(schema, path) if path else ""))
    return tuple(out)


def compare(schema, last_data: Any, this_data: Any, marks: tuple[ReviewMark, ...]) -> tuple[AnswerChange, ...]:
    skipped = not_expected(schema, this_data)
    out = []
    for path, node in schema.questions():
        branch = schema.object_branch(node)
        before, after = value_at(last_data, path), value_at(this_data, path)
        answered_before, answered_after = not is_blank(before, branch), not is_blank(after, branch)
        same = answered_before and answered_after and same_words(before, after)
        if path in skipped:
            state = NOT_EXPECTED
        elif answered_before and answered_after:
            state = ANSWER_UNCHANGED if same else ANSWER_CHANGED
        elif answered_after:
            state = NEWLY_ANSWERED
        elif answered_before:
            state = NO_LONGER_ANSWERED
        else:
            state = UNANSWERED
        marked = state != NOT_EXPECTED and any(m.path and path[: len(m.path)] == m.path for m in marks)
        figure = not is_free_text(node) and not isinstance(after if after is not None else before, list)
        out.append(AnswerChange(path, short_label(schema, path), state, same and state != NOT_EXPECTED, marked, figure))
    return tuple(out)
