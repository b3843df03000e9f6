"""Placeholder text left in the plan: TODO, TBC, TBD, [insert …], "to be updated", lorem ipsum, XX.

A value that is nothing but a placeholder is reported by the unanswered rule;
this rule finds placeholders left inside otherwise written text.

PASS:
    future_plans: We will review the waste contract by March 2026.

FAIL:
    future_plans: We will review the waste contract by TBC.

    future_plans: Savings of £XXm are planned.

    future_plans: This section will be updated after Cabinet.
"""

from __future__ import annotations

import re

from plantool.plan.questions import is_blank
from plantool.check.rules import Problem

ID = "placeholder"
SEVERITY = "gap"

PATTERN = re.compile(
    r"\b(TODO|TBC|TBD|TBA|FIXME)\b"
    r"|\[[ \t]*insert[^\]\n]*\]"
    r"|\b(?:to be|will be) (?:updated|confirmed|added|completed|inserted)\b"
    r"|\blorem ipsum\b"
    r"|(?<![A-Za-z])£?X{2,}(?:m|bn|k)?(?![A-Za-z])",
    re.IGNORECASE,
)
# Cheap substring tests that every match contains: most texts hold none, and skip the regex.
_MARKERS = ("todo", "tbc", "tbd", "tba", "fixme", "insert", "be ", "lorem", "xx")
# "XX" must be in capitals to count: "xx" is too common inside words and codes.
_CASE_SENSITIVE_X = re.compile(r"X{2,}")


def check(ctx):
    for path, text, node in ctx.strings:
        if is_blank(text):
            continue  # wholly a placeholder: the unanswered rule reports it
        lowered = text.lower()
        if not any(marker in lowered for marker in _MARKERS):
            continue
        for match in PATTERN.finditer(text):  # one pass over the whole text; lines only for a hit
            found = match.group(0)
            if "x" in found.lower() and not _CASE_SENSITIVE_X.search(found):
                continue
            line_start = text.rfind("\n", 0, match.start()) + 1
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: placeholder '{found}' left in the text; replace it with the real content",
                at=(text.count("\n", 0, match.start()), match.start() - line_start),
            )
