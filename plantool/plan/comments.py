"""The real comments of a YAML file, found from the scalars the loader recorded.

A `#` starts a comment only outside every scalar, and only at the start of a line
or after a space or tab; inside a quoted answer or a `|` block it is text. The
loader already knows where every scalar starts and ends (Document.scalars), so
a `#` is a comment exactly when it is not inside one of those spans. This is the
way yamllint reads comments from between the parser's tokens, at the cost of one
look-up per `#`, and only for files that have one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

BLOCK_STYLES = ("|", ">")


@dataclass(frozen=True)
class Comment:
    """One comment: where its `#` is (line and column from 1) and its text from the `#` on."""

    line: int
    col: int
    text: str
    own_line: bool  # nothing but indentation before it


def comments(text: str, scalars: dict) -> Iterator[Comment]:
    """Every real comment in `text`, in order, given the loader's scalar spans."""
    if "#" not in text:
        return
    starts, ends = _spans(scalars)
    for number, line in enumerate(text.splitlines(), start=1):
        at = line.find("#")
        while at != -1:
            if (at == 0 or line[at - 1] in " \t") and not _inside(starts, ends, (number, at + 1)):
                yield Comment(number, at + 1, line[at:], not line[:at].strip())
                break  # the rest of the line belongs to this comment
            at = line.find("#", at + 1)


def _spans(scalars: dict) -> tuple[list, list]:
    """Starts and ends of the scalars, sorted, with block scalars starting below their `|` line.

    A block scalar's header line (`answer: |  # note`) may carry a comment after
    the indicator; its text begins on the next line.
    """
    spans = []
    for (line, col), (end_line, end_col, style) in scalars.items():
        if style in BLOCK_STYLES:
            line, col = line + 1, 1
        spans.append(((line, col), (end_line, end_col)))
    spans.sort()
    return [start for start, _ in spans], [end for _, end in spans]


def _inside(starts: list, ends: list, position: tuple[int, int]) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index]
