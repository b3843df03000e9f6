"""A body or a law given a name that does not exist, or a garbled one.

Plans name the government department and the equality law often, and get them
wrong often enough for a reader to notice. The names this rule knows are in
MISNAMES below, each with the right name; it finds only those, so a name it
does not know is never reported.

- "Public Sector Equality Act" or "Public Sector Equalities Act": no such Act;
  the public sector equality duty is in section 149 of the Equality Act 2010.
- "Equalities Act": the Equality Act 2010.
- "MCHLG", "MHLCG" and other shuffles of MHCLG; "DHCLG"; "Department of (or
  for) Housing, Communities and Local Government": the Ministry of Housing,
  Communities and Local Government (MHCLG), which was the Department for
  Levelling Up, Housing and Communities (DLUHC) from September 2021 to July 2024.
- "DLUCH", "DLHUC" and other shuffles of DLUHC.
- "Department of Levelling Up": the Department for Levelling Up, Housing and Communities.
- "Office of Local Government": the Office for Local Government (Oflog).

PASS:
    The council meets the public sector equality duty in the Equality Act 2010.

FAIL:
    The council meets its duties under the Public Sector Equalities Act.

    Cabinet approved the plan for submission to MCHLG.
"""

from __future__ import annotations

import re
from itertools import permutations

from plantool.check.rules import Problem, offset_place

ID = "misnamed"
SEVERITY = "warning"

_DEPARTMENT = (
    "the Ministry of Housing, Communities and Local Government (MHCLG), called the Department for "
    "Levelling Up, Housing and Communities (DLUHC) from September 2021 to July 2024"
)
_DLUHC = "the Department for Levelling Up, Housing and Communities (DLUHC), MHCLG again since July 2024"


def _shuffles(acronym: str) -> str:
    """The other orders of an acronym's letters after its first, as one alternation: its garbled forms."""
    others = {acronym[0] + "".join(p) for p in permutations(acronym[1:])} - {acronym}
    return "|".join(sorted(others))


# (pattern, what it should be called), tried in this order; a longer name comes before one it contains.
MISNAMES = (
    (r"(?i:Public\s+Sector\s+Equalit(?:y|ies)\s+Act)", "there is no such Act: the public sector equality duty is in section 149 of the Equality Act 2010"),
    (r"(?i:Equalities\s+Act)(?:\s+2010)?", "the Act is the Equality Act 2010"),
    (
        r"(?i:(?:Department|Dept\.?)\s+(?:of|for)\s+Housing,?\s+Communities,?\s+(?:and|&)\s+Local\s+Government)"
        r"(?:\s+\(\s*[A-Z]{4,5}\s*\))?",
        f"the department is {_DEPARTMENT}",
    ),
    (r"(?i:Department\s+of\s+Levelling\s+Up)", f"the department was {_DLUHC}"),
    (r"(?i:Office\s+of\s+Local\s+Government)", "the office is the Office for Local Government (Oflog)"),
    (rf"\b(?:DHCLG|{_shuffles('MHCLG')})\b", f"the department is {_DEPARTMENT}"),
    (rf"\b(?:{_shuffles('DLUHC')})\b", f"the department was {_DLUHC}"),
)
_PATTERN = re.compile("|".join(f"(?P<n{i}>{pattern})" for i, (pattern, _) in enumerate(MISNAMES)))
# Every name above holds one of these words, or is an acronym of five capitals starting D or M:
# a text with neither is not searched.
_WORDS = ("equalit", "housing", "levelling", "local government")
_ACRONYM = re.compile(r"[DM][A-Z]{4}")


def check(ctx):
    for path, text, _node in ctx.strings:
        lowered = text.lower()
        if not any(word in lowered for word in _WORDS) and not _ACRONYM.search(text):
            continue
        for match in _PATTERN.finditer(text):
            index = int(match.lastgroup[1:])
            found = " ".join(match.group(0).split())
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: '{found}' is not the right name; {MISNAMES[index][1]}",
                at=offset_place(text, match.start()),
            )
