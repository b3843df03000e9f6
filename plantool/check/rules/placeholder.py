"""Placeholder text left in the plan: TODO, TBC, TBD, [insert …], "to be updated", lorem ipsum, XX.

Also a pending note left in brackets, such as "(due to be reviewed)", "(to be
confirmed)" or "(awaiting approval)": it belonged to the draft, not to the
published plan. A question whose whole answer is a placeholder is reported by
the unanswered rule; this rule finds placeholders inside written text, and
fields that are nothing but a placeholder where no question is asked (an
initiative's description of "TBC").

PASS:
    future_plans: We will review the waste contract by March 2026.

FAIL:
    future_plans: We will review the waste contract by TBC.

    future_plans: Savings of £XXm are planned.

    future_plans: This section will be updated after Cabinet.

    future_plans: Our People Strategy (due to be reviewed) guides how staff are supported.
"""

from __future__ import annotations

import re

from plantool.plan.questions import is_blank
from plantool.check.rules import Problem, offset_place

ID = "placeholder"
SEVERITY = "gap"

_PENDING_VERBS = (
    "reviewed|updated|confirmed|agreed|added|completed|checked|finali[sz]ed|inserted|revised|refreshed|"
    "approved|decided|determined|provided|supplied|drafted|written|published"
)
PATTERN = re.compile(
    rf"\((?:\s*(?:due\s+)?to\s+be\s+(?:{_PENDING_VERBS})(?:\s+(?:shortly|soon|later))?"
    r"|\s*(?:pending|awaiting)(?:\s+(?:review|approval|sign[- ]off|confirmation|update|agreement))?)\s*\)"
    r"|\b(TODO|TBC|TBD|TBA|FIXME)\b"
    r"|\[[ \t]*insert[^\]\n]*\]"
    r"|(?P<to_be>\bbe\s+(?:updated|confirmed|added|completed|inserted)\b)"
    r"|\blorem ipsum\b"
    r"|(?<![A-Za-z])£?X{2,}(?:m|bn|k)?(?![A-Za-z])",
    re.IGNORECASE,
)
# A "to be updated" note marks unfinished text when a sentence starts with it ("To be confirmed.")
# or it is said of the text itself ("This section will be updated after Cabinet", "Figures to be
# confirmed"); "the formulae need to be updated" and "figures will be updated every year" are real points.
_TO_BE_NOTE = re.compile(
    r"(?:^|[.!?:]\s+)(?P<note>(?:to|will)\s+)$"
    r"|\b(?P<subject>(?:(?:this|the|these|our)\s+)?(?:section|page|part|paragraph|text|table|figures?|details?|"
    r"content|narrative|answer|response|information)\s+(?:will|is\s+(?:yet\s+)?to|are\s+(?:yet\s+)?to|to)\s+)$",
    re.IGNORECASE,
)
_ROUTINE = re.compile(r"\s+(?:annually|yearly|monthly|quarterly|weekly|regularly|every|each)\b", re.IGNORECASE)
# A cheap test of the lower-cased text that every match passes: most texts fail it and skip
# PATTERN. A pending note needs its bracket, so "spending" is no candidate.
_CANDIDATE = re.compile(r"todo|tbc|tbd|tba|fixme|insert|be\s|lorem|xx|\(\s*(?:pending|awaiting)")
# "XX" must be in capitals to count: "xx" is too common inside words and codes.
_CASE_SENSITIVE_X = re.compile(r"X{2,}")


def matches(text: str) -> list[tuple[int, int]]:
    """Where each placeholder in a text starts and ends (shared with broken-figure, so a defect is reported once)."""
    if _CANDIDATE.search(text.lower()) is None:
        return []
    found = []
    for match in PATTERN.finditer(text):  # one pass over the whole text; lines only for a hit
        start, end = match.span()
        if match.group("to_be") is not None:
            window = max(0, start - 80)
            before = _TO_BE_NOTE.search(text[window:start])
            if before is None or (before.group("subject") and _ROUTINE.match(text, end)):
                continue
            start = window + before.start("note" if before.group("note") else "subject")
        elif "x" in match.group(0).lower() and not match.group(0).startswith("(") and not _CASE_SENSITIVE_X.search(match.group(0)):
            continue
        found.append((start, end))
    return found


def check(ctx):
    answered_elsewhere = _unanswered_places(ctx)
    for path, text, _node in ctx.strings:
        if path in answered_elsewhere and is_blank(text):
            continue  # a question left as a placeholder: the unanswered rule reports it
        for start, end in matches(text):
            found = " ".join(text[start:end].split())
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: "
                + (f"pending note '{found}' left in the text; remove it, or say what was decided" if found.startswith("(")
                   else f"placeholder '{found}' left in the text; replace it with the real content"),
                at=offset_place(text, start),
            )


def _unanswered_places(ctx) -> set:
    """The paths the unanswered rule judges: questions, and the fields list items are expected to carry."""
    places = {question.path for question in ctx.questions}
    for path, value, node in ctx.values:
        if isinstance(value, dict) and node and isinstance(node.get("x-plantool-expected"), list):
            places.update(path + (field,) for field in node["x-plantool-expected"])
    return places
