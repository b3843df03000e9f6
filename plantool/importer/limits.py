"""How much an import reads: one limit on the size of a document's body, for Word and web pages alike.

A real plan's body is well under 1 MB of XML or HTML (a 20-page plan with
tables is about 0.5 MB). Import time grows in step with the body, about a
second per MB on a small machine (see benchmarks/), so the limit keeps even a
hostile file to a short wait and a modest amount of memory, and refuses it
with one line instead.
"""

from __future__ import annotations

MAX_BODY_BYTES = 10 * 1024 * 1024


class TooLarge(Exception):
    """The body is over the limit; the message is the one line the user sees."""


def check_body(where: str, size: int, what: str = "document body") -> None:
    if size > MAX_BODY_BYTES:
        raise TooLarge(
            f"{where}: the {what} is {size / (1024 * 1024):.1f} MB; the import limit is "
            f"{MAX_BODY_BYTES // (1024 * 1024)} MB (a long plan is under 1 MB)"
        )
