"""A body or a law given a name that does not exist, or a garbled one.

Plans name the government department and the equality law often, and get them
wrong often enough for a reader to notice. The names this rule knows are in
NAMES and ACRONYMS below, each with the right name; it finds only those, so a name it
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


def _shuffles(acronym: str) -> set[str]:
    """The other orders of an acronym's letters after its first: its garbled forms."""
    return {acronym[0] + "".join(p) for p in permutations(acronym[1:])} - {acronym}


# (words one of which every match holds, pattern, what it should be called); a longer name comes
# before one it contains.
NAMES = (
    (("sector equalit",), r"(?i:Public\s+Sector\s+Equalit(?:y|ies)\s+Act)",
     "there is no such Act: the public sector equality duty is in section 149 of the Equality Act 2010"),
    (("equalities act",), r"(?i:Equalities\s+Act)(?:\s+2010)?", "the Act is the Equality Act 2010"),
    (
        ("communities",),
        r"(?i:(?:Department|Dept\.?)\s+(?:of|for)\s+Housing,?\s+Communities,?\s+(?:and|&)\s+Local\s+Government)"
        r"(?:\s+\(\s*[A-Z]{4,5}\s*\))?",
        f"the department is {_DEPARTMENT}",
    ),
    (("department of levelling",), r"(?i:Department\s+of\s+Levelling\s+Up)", f"the department was {_DLUHC}"),
    (("office of local",), r"(?i:Office\s+of\s+Local\s+Government)", "the office is the Office for Local Government (Oflog)"),
)
_NAMES = tuple((words, re.compile(pattern), right) for words, pattern, right in NAMES)
# Garbled acronyms of the department, each with what it should be called.
ACRONYMS = {
    **{garbled: f"the department is {_DEPARTMENT}" for garbled in {"DHCLG", *_shuffles("MHCLG")}},
    **{garbled: f"the department was {_DLUHC}" for garbled in _shuffles("DLUHC")},
}
# \b[DM][A-Z]{4}\b, written to start with the letter: the regex engine then skips straight to each D
# or M, six times faster over a plan than trying the word boundary at every character.
_CAPITALS = re.compile(r"[DM](?<=\b[DM])[A-Z]{4}\b")


def misnamings(text: str) -> list[tuple[int, str, str]]:
    """(offset, name as written, what it should be) for each misnaming in a text, in order."""
    found: list[tuple[int, int, str, str]] = []
    lowered = text.lower()
    for words, pattern, right in _NAMES:
        if any(word in lowered for word in words):
            found += [(m.start(), m.end(), m.group(0), right) for m in pattern.finditer(text) if not _inside(found, m.start())]
    for match in _CAPITALS.finditer(text):
        if match.group(0) in ACRONYMS and not _inside(found, match.start()):
            found.append((match.start(), match.end(), match.group(0), ACRONYMS[match.group(0)]))
    return [(start, " ".join(name.split()), right) for start, _end, name, right in sorted(found)]


def _inside(found: list, offset: int) -> bool:
    return any(start <= offset < end for start, end, _, _ in found)


def check(ctx):
    everything = ctx.all_text.lower()
    if not any(word in everything for words, _, _ in NAMES for word in words) and not any(
        match.group(0) in ACRONYMS for match in _CAPITALS.finditer(ctx.all_text)
    ):
        return  # nothing in the plan this rule knows: most plans
    for path, text, _node in ctx.strings:
        for offset, name, right in misnamings(text):
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: '{name}' is not the right name; {right}",
                at=offset_place(text, offset),
            )
