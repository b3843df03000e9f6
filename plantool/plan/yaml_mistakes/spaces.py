"""Tabs and the spaces Word pastes that YAML does not count as spaces."""

from __future__ import annotations

import unicodedata

from plantool.plan.loader import PASTED_SPACES
from plantool.plan.yaml_mistakes.failure import WINDOW, Explanation, Failure, plural, shorten

TAB = (
    "YAML syntax error: a tab character where YAML does not allow one; indent with spaces, "
    "and put text containing tabs in quotes or a | block"
)

# The ones Word pastes most; others are named by their code.
_SPACE_NAMES = {"\u00a0": "a non-breaking space", "\u200b": "a zero-width space", "\ufeff": "a zero-width no-break space"}


def tab(f: Failure) -> Explanation | None:
    if "'\\t'" in f.problem:  # text pasted from Word often brings tabs
        return Explanation(f.line, f.col, TAB)
    return None


def _first_invisible(content: str) -> int | None:
    """Index of a pasted space-like or zero-width character among the line's leading blanks."""
    for index, char in enumerate(content):
        if char in PASTED_SPACES:
            return index
        if char != " ":
            return None
    return None


def _without_invisible(content: str, *, as_spaces: bool) -> str:
    """The line with the pasted characters in its indentation deleted, or turned into spaces."""
    stripped = content.lstrip(" " + PASTED_SPACES)
    lead = content[: len(content) - len(stripped)]
    return "".join(_plain_space(c, as_spaces) for c in lead) + stripped


def _plain_space(char: str, as_space: bool) -> str:
    """An ordinary space for a pasted one ("" to delete it); nothing for an invisible one (a format character)."""
    if char not in PASTED_SPACES:
        return char
    return " " if as_space and unicodedata.category(char) != "Cf" else ""


def _invisible_name(char: str) -> str:
    name = _SPACE_NAMES.get(char, "a character that looks like a space")
    return f"{name} (U+{ord(char):04X}), usually pasted from Word,"


def _invisible_message(content: str, at: int, repaired: str) -> str:
    shown = repaired.lstrip(" ")
    indent = len(repaired) - len(shown)
    return (
        f"this line starts with {_invisible_name(content[at])} which YAML does not read as indentation; "
        f"delete the start of the line and type ordinary spaces: {plural(indent, 'space')}, then '{shorten(shown)}'"
    )


def invisible_space(f: Failure) -> Explanation | None:
    tried = 0
    for number in range(min(f.line, len(f.lines)), max(0, f.line - WINDOW), -1):
        content = f.content(number)
        at = _first_invisible(content)
        if at is None:
            continue
        for as_spaces in (True, False):
            repaired = _without_invisible(content, as_spaces=as_spaces)
            if f.fixed_by({number: repaired}):
                return Explanation(number, at + 1, _invisible_message(content, at, repaired))
        tried += 1
        if tried == 3:
            break
    return None


def invisible_spaces_before_keys(doc) -> list[Explanation]:
    """Keys that begin with a pasted non-breaking or zero-width space: valid YAML, but not the key typed."""
    found = []
    keys = set(doc.keys.values())
    for number, content in enumerate(doc.text.splitlines(), start=1):
        at = _first_invisible(content)
        if at is not None and (number, at + 1) in keys:
            key = _without_invisible(content, as_spaces=False).strip().split(":")[0]
            found.append(
                Explanation(
                    number,
                    at + 1,
                    f"the key '{key}' starts with {_invisible_name(content[at])} so YAML reads a different key "
                    f"that only looks like '{key}'; delete the character before '{key}' and keep the spaces",
                )
            )
    return found
