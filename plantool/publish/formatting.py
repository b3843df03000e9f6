"""Figures written the British way, for the Word export and messages."""

from __future__ import annotations

import datetime as dt
import math


def money(value) -> str:
    """£166,275 ; £47,000,000 ; £4,164,000.50 only when pence are given."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
        return str(value)
    if isinstance(value, int) or value.is_integer():
        return f"£{int(value):,}"
    return f"£{value:,.2f}"


def percent(value) -> str:
    """9.26% ; 0.0711% ; 1.5% : as written, without trailing zeros."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return f"{value:,.6f}".rstrip("0").rstrip(".") + "%"


def number(value) -> str:
    """7,977 ; 6.5"""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
        return str(value)
    if isinstance(value, int) or value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _finite(value) -> bool:
    """An int of any size, or a float that is not inf or nan: a figure these functions can write out."""
    return isinstance(value, int) or math.isfinite(value)


def date(value) -> str:
    """2024-07-11 -> 11 July 2024; anything else as written."""
    try:
        parsed = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{parsed.day} {parsed:%B %Y}"
