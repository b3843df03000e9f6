"""Sums of money as people write them ('£166,275', '£1.2m', '450k') and the number each stands for.

Used where plantool meets figures written for people: the schema check's hint
for a figure typed as text, and the importer reading a Word document. One list
of scale words, so both read '£2bn' and '£2 billion' alike.
"""

from __future__ import annotations

import re

NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+"
SCALES = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
# a sum inside a sentence: the pound sign is what says it is money
IN_TEXT = re.compile(rf"£\s?(?P<n>{NUMBER})(?:\s?(?P<scale>{_SCALE})\b)?", re.IGNORECASE)
# a whole value: '£1.2m', '1.2 million', '166,275'
_WRITTEN = re.compile(rf"£?\s?(?P<n>{NUMBER})(?:\s?(?P<scale>{_SCALE}))?", re.IGNORECASE)


def plain_number(text: str) -> int | float | None:
    """'166,275' -> 166275, '12.5' -> 12.5; None when the text is not a number."""
    cleaned = str(text).strip().replace(",", "").replace("\u2212", "-")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in cleaned else value


def amount(text: str) -> int | float | None:
    """The number a written sum stands for: '£1.2m' -> 1200000; None when it is not one."""
    match = _WRITTEN.fullmatch(str(text).strip().rstrip("."))
    if not match:
        return None
    value = plain_number(match.group("n"))
    scale = match.group("scale")
    if value is None or not scale:
        return value
    value = value * SCALES[scale.lower()]
    return int(value) if float(value).is_integer() else round(value, 2)
