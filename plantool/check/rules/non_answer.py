"""Words that stand in for an answer without giving one: "see attached", "to follow", "N/A".

- "insufficient space to list them", "space does not allow": the plan has room;
- "see attached", "please see the attached": a plan file has no attachments, so
  the reader is sent nowhere;
- "details to follow", "figures to follow", or "to follow" on its own;
- "N/A" or "not applicable" with no reason, on its own or after a lead-in
  ("- **Champions:** N/A"): say why it does not apply. For a figure the
  council cannot give, write {not_available: 'the reason'}, which check keeps
  apart from a gap.

Placeholders (TODO, TBC, [insert …]) are the placeholder rule's, and a question
whose whole answer is "N/A" or "TBC" is the unanswered rule's, so each defect is
reported once.

PASS:
    champions: Not applicable, because the council has no EDI programme of its own.

FAIL:
    future_plans: Insufficient space to list them here; see attached.

    future_plans: Our plans for the next two years are to follow.

    future_plans: |
      - **Digital:** a new website in 2026.
      - **Workforce:** N/A
"""

from __future__ import annotations

import re

from plantool.check.rules import Problem, offset_place
from plantool.plan.questions import accepts_not_available, is_blank

ID = "non-answer"
SEVERITY = "gap"

_STAND_INS = (
    r"(?:insufficient|not\s+enough|no|limited)\s+(?:space|room)(?:\s+(?:here|in\s+this\s+\w+))?\s+to\s+"
    r"(?:list|include|give|detail|set\s+out|describe|explain|cover|provide|show|record|answer)\b",
    r"\bspace\s+(?:does\s+not|doesn't|did\s+not)\s+(?:allow|permit)\b",
    r"\b(?:please\s+)?see\s+(?:the\s+)?attached\b",
    r"\b(?:details?|information|info|figures?|data|numbers?|more|update|narrative|response|answer|text|"
    r"content|breakdown|plans?)\s+(?:(?:are|is|will\s+be)\s+)?to\s+follow(?=\s*(?:[.;:!)]|$))",
    r"\b(?:are|is|will\s+be)\s+to\s+follow(?=\s*(?:[.;:!)]|$))",
    r"^\s*to\s+follow(?=\s*(?:[.;:!)]|$))",
)
_PATTERN = re.compile("|".join(f"(?:{p})" for p in _STAND_INS), re.IGNORECASE | re.MULTILINE)
# "N/A" or "not applicable" that is all a line says, after any bullet and bold lead-in.
_BARE_NA = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*][ \t]+)?(?:\*\*[^*\n]*\*\*[ \t]*[-–—:]?[ \t]*)?)(?P<na>n/a|not\s+applicable)[ \t]*[.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Words every match holds: a text with none of them is not searched.
_STAND_IN_WORDS = ("space", "room", "attached", "follow")
_NA_WORDS = ("n/a", "applicable")


def check(ctx):
    everything = ctx.all_text.lower()
    if not any(word in everything for word in _STAND_IN_WORDS + _NA_WORDS):
        return  # most plans
    for path, text, node in ctx.strings:
        lowered = text.lower()
        stand_in = any(word in lowered for word in _STAND_IN_WORDS)
        if not stand_in and not any(word in lowered for word in _NA_WORDS):
            continue
        for match in _PATTERN.finditer(text) if stand_in else ():
            said = " ".join(match.group(0).split())
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: '{said}' stands in for an answer without giving one; "
                "write the answer in the plan itself",
                at=offset_place(text, match.start()),
            )
        if is_blank(text):
            continue  # a whole answer of "N/A": the unanswered rule (or the schema, for a figure) reports it
        for match in _BARE_NA.finditer(text):
            way_out = (
                "write {not_available: 'the reason'}" if accepts_not_available(ctx.schema, node)
                else "say why it does not apply"
            )
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: '{match.group('na')}' with no reason; {way_out}",
                at=offset_place(text, match.start("na")),
            )
