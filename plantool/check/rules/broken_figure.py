"""A figure in the text that is broken or was never filled in: "in 202.", "£Xm", "X%", "£m".

A year missing a digit after "in", "by", "since" and the like; a sum with a
pound sign and a scale but no number ("£m", "£ million"); an X where a digit
belongs ("£Xm", "£X.Xm", "X%", "202X"); a per cent sign with no number before it.
Placeholders of two or more X ("£XXm", "XX%") and "[insert …]" are the
placeholder rule's, so each is reported once.

PASS:
    future_plans: We will save £2.5m by 2026, a cut of 4%.

FAIL:
    future_plans: The new contact centre opened in 202.

    future_plans: The programme will save £Xm a year.

    future_plans: Agency spend fell by X% last year.

    future_plans: Savings of £m are planned for next year.
"""

from __future__ import annotations

import re

from plantool.check.rules import Problem, offset_place, placeholder

ID = "broken-figure"
SEVERITY = "gap"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_AMOUNT_WORDS = "of|by|to|at|from|around|about|approximately|nearly|almost|over|under|some"

# (quick test, pattern, what is wrong). The pattern is tried only on a text that passes the quick
# test (most texts pass none). Each pattern is written so that ordinary figures and units never
# match: "rose to 202." is a count, "Budget (£m)" a unit.
_YEAR_HINT = re.compile(r"20[12](?![\d/])")
# Patterns start with a literal character where they can, so that the search skips to it.
_BROKEN = (
    (
        _YEAR_HINT.search,
        rf"\b(?:in|since|until|till|during|before|after|by|{_MONTHS})\s+20[12](?![\d/])(?=\s*[.,;:)!?]|\s*$)",
        "a year with a digit missing",
    ),
    (lambda text: "X" in text, r"\b(?:19|20)\dX\b", "a year with X for a digit"),
    (lambda text: "£" in text, r"£(?<!\(£)\s*(?:m|bn|k|million|billion|thousand)\b(?!\s*\))", "a sum with no number"),
    (lambda text: "£" in text, r"£\s*X(?!X)(?:[.,]X+)*(?:\s*(?:m|bn|k|million|billion))?(?!\w)", "a sum with X for its number"),
    (lambda text: "X" in text, r"X(?<![\w£.,]X)(?:[.,]X+)*\s*(?:%|per\s*cent\b)", "a percentage with X for its number"),
    (lambda text: "£" in text, r"£(?=\s*(?:[.,;:!?]|$))", "a pound sign with no number"),
)
_PATTERNS = tuple((quick, re.compile(pattern, re.MULTILINE), what) for quick, pattern, what in _BROKEN)
# A per cent sign or "per cent" straight after "of", "by", "to" …: "fell by %".
_PERCENT = re.compile(r"%|per\s*cent\b")
_AMOUNT_BEFORE = re.compile(rf"\b(?:{_AMOUNT_WORDS})\s+$", re.IGNORECASE)


def _bare_percentages(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _PERCENT.finditer(text):
        before = _AMOUNT_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if before:
            found.append((before.start(), match.end(), "a percentage with no number"))
    return found


def broken(text: str) -> list[tuple[int, int, str]]:
    """(start, end, what is wrong) of each broken figure in a text, in order, none overlapping another."""
    found: list[tuple[int, int, str]] = _bare_percentages(text) if "%" in text or "per cent" in text else []
    for quick, pattern, what in _PATTERNS:
        if quick(text):
            found += [(m.start(), m.end(), what) for m in pattern.finditer(text)]
    if not found:
        return []
    taken = placeholder.matches(text)  # "£XXm" and "[insert]" are placeholders: reported once, there
    kept: list[tuple[int, int, str]] = []
    for start, end, what in sorted(found):
        if not any(a < end and start < b for a, b in taken) and not (kept and start < kept[-1][1]):
            kept.append((start, end, what))
    return kept


def check(ctx):
    for path, text, _node in ctx.strings:
        for start, end, what in broken(text):
            shown = " ".join(text[start:end].split()) or text[start:end]
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: '{shown}' is {what}; give the figure, or say plainly that it is not known",
                at=offset_place(text, start),
            )
