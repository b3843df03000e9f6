"""The real comments of a YAML file, found from the scalars the loader recorded.

A `#` starts a comment only outside every scalar, and only at the start of a line
or after a space or tab; inside a quoted answer or a `|` block it is text. The
loader keeps every scalar event with its start and end, so a `#` is a comment
exactly when it lies in none of those spans: the way yamllint reads comments from
between the parser's tokens, without a second parse.

Only quoted and block scalars need looking at: a plain scalar ends before ` #`,
and a line that starts with `#` ends it too, so no candidate `#` is ever inside one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

BLOCK_STYLES = ("|", ">")


@dataclass(frozen=True)
class Comment:
    """One comment: where its `#` is (line and column from 1) and its text from the `#` on."""

    line: int
    col: int
    text: str
    own_line: bool  # nothing but indentation before it


def find_comments(text: str, scalar_events: list) -> list[Comment]:
    """Every real comment in `text`, in order, given the loader's scalar events."""
    if "#" not in text:
        return []
    starts, ends = _spans(scalar_events)
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        at = line.find("#")
        while at != -1:
            if (at == 0 or line[at - 1] in " \t") and not _inside(starts, ends, (number, at + 1)):
                found.append(Comment(number, at + 1, line[at:], not line[:at].strip()))
                break  # the rest of the line belongs to this comment
            at = line.find("#", at + 1)
    return found


def _spans(scalar_events: list) -> tuple[list, list]:
    """Starts and ends of the quoted and block scalars, in order; a block starts below its `|` line.

    A block scalar's header line (`answer: |  # note`) may carry a comment after
    the indicator; its text begins on the next line.
    """
    spans = []
    for event in scalar_events:
        if event.style:  # "" (libyaml) or None (ruamel) for plain scalars
            start, end = event.start_mark, event.end_mark
            begins = (start.line + 2, 1) if event.style in BLOCK_STYLES else (start.line + 1, start.column + 1)
            spans.append((begins, (end.line + 1, end.column + 1)))
    spans.sort()
    return [start for start, _ in spans], [end for _, end in spans]


def _inside(starts: list, ends: list, position: tuple[int, int]) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index]
