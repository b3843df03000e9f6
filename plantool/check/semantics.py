"""What `number` and `pattern` mean in the plan schema, the same in every place that reads it.

Python's defaults differ from JSON Schema's on both, and each difference let a
wrong value pass:
- a number in JSON is a finite figure; YAML also has .inf, .nan, 1e400 (which
  overflows to infinity) and integers of any length, none of which is a real
  sum of money, count or percentage;
- `pattern` is an ECMA-262 regular expression. In Python `$` also matches
  before a final newline, and `\\d`, `\\w`, `\\s` and `.` match other sets of
  characters, so "E07999999\\n" passed `^E[0-9]{8}$`.
The quick pass (prevalidate), the jsonschema validator, the rules and `new`
all ask this module, so they cannot disagree.
"""

from __future__ import annotations

import math
import re
import sys
from functools import lru_cache
from typing import Any

_LARGEST = sys.float_info.max


def is_figure(value: Any) -> bool:
    """A number JSON can hold: not true/false, finite, and within the range of a float."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, int):
        return -_LARGEST <= value <= _LARGEST  # int-to-float comparison is exact: it never overflows
    return False


def is_whole_figure(value: Any) -> bool:
    """An integer as JSON Schema reads it (3 and 3.0), and a figure."""
    return is_figure(value) and (isinstance(value, int) or float(value).is_integer())


def not_a_figure(value: Any) -> str | None:
    """Why a number is not a real figure, in words for the author; None for figures and non-numbers."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or is_figure(value):
        return None
    what = "is not a number (.nan)" if isinstance(value, float) and math.isnan(value) else "is too large to be a real figure"
    return f"{what}; give the figure, or {{not_available: 'the reason'}}"


# -- patterns ------------------------------------------------------------------------------

# ECMA-262 WhiteSpace and LineTerminator: what \s matches there.
_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_DIGIT = "0-9"
_WORD = "A-Za-z0-9_"
_CLASSES = {"d": _DIGIT, "w": _WORD, "s": _SPACE}
_NOT_LINE_END = "[^\\n\\r\\u2028\\u2029]"  # ECMA `.` without the s flag
_WORD_BOUNDARY = f"(?:(?<![{_WORD}])(?=[{_WORD}])|(?<=[{_WORD}])(?![{_WORD}]))"
_SAME_ESCAPES = set("tnrvf0123456789^$\\.*+?()[]{}|/-")
_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


class UnsupportedPattern(ValueError):
    """A pattern using ECMA-262 syntax this translation does not cover; a schema test keeps every pattern covered."""


@lru_cache(maxsize=None)
def ecma_pattern(source: str) -> re.Pattern:
    """A Python regular expression that finds exactly what the ECMA-262 pattern (u flag) finds."""
    return re.compile(_translate(source))


def pattern_finds(source: str, text: str) -> bool:
    """JSON Schema's `pattern`: true when the ECMA-262 pattern matches anywhere in the text."""
    return ecma_pattern(source).search(text) is not None


def _translate(source: str) -> str:
    out: list[str] = []
    i, n = 0, len(source)
    in_class = False
    while i < n:
        ch = source[i]
        if ch == "\\":
            if i + 1 >= n:
                raise UnsupportedPattern(f"pattern {source!r} ends with a lone backslash")
            out.append(_escape(source, i + 1, in_class))
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
                out.append("]")
            elif ch in "[&~|":
                out.append("\\" + ch)  # literal in ECMA; Python reads some of them as set operations
            else:
                out.append(ch)
        elif ch == "[":
            i, text = _open_class(source, i)
            out.append(text)
            in_class = text.startswith("[")
            continue
        elif ch == ".":
            out.append(_NOT_LINE_END)
        elif ch == "$":
            out.append("\\Z")  # the end of the text only, never before a final newline
        elif ch == "(" and source.startswith("(?", i):
            group = next((g for g in _GROUPS if source.startswith(g, i)), None)
            if group is None:
                named = re.match(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>", source[i:])
                if not named:
                    raise UnsupportedPattern(f"pattern {source!r}: group syntax at {i} is not translated")
                out.append(f"(?P<{named.group(1)}>")
                i += named.end()
                continue
            out.append(group)
            i += len(group)
            continue
        else:
            out.append(ch)
        i += 1
    if in_class:
        raise UnsupportedPattern(f"pattern {source!r} has an unclosed [")
    return "".join(out)


def _open_class(source: str, i: int) -> tuple[int, str]:
    """Start a character class at source[i] == '['; ECMA's [] and [^] have no Python spelling."""
    if source.startswith("[]", i):
        return i + 2, "(?!)"  # matches nothing
    if source.startswith("[^]", i):
        return i + 3, "(?s:.)"  # matches any character
    if source.startswith("[^", i):
        return i + 2, "[^"
    return i + 1, "["


def _escape(source: str, at: int, in_class: bool) -> str:
    """The Python spelling of the escape whose letter is source[at]."""
    letter = source[at]
    if letter in _CLASSES:
        return _CLASSES[letter] if in_class else f"[{_CLASSES[letter]}]"
    if letter in ("D", "W", "S"):
        if in_class:
            raise UnsupportedPattern(f"pattern {source!r}: \\{letter} inside [...] is not translated")
        return f"[^{_CLASSES[letter.lower()]}]"
    if letter == "b":
        return "\\x08" if in_class else _WORD_BOUNDARY
    if letter == "B" and not in_class:
        return f"(?!{_WORD_BOUNDARY})"
    if letter in "ux":
        if source[at + 1 : at + 2] == "{":
            raise UnsupportedPattern(f"pattern {source!r}: \\u{{...}} is not translated")
        return "\\" + letter  # \uXXXX and \xXX mean the same; the digits follow as ordinary characters
    if letter in _SAME_ESCAPES or not letter.isalnum():
        return "\\" + letter
    raise UnsupportedPattern(f"pattern {source!r}: the escape \\{letter} is not translated")


@lru_cache(maxsize=None)
def validator_class():
    """jsonschema's Draft 2020-12 validator with `number`, `integer` and `pattern` read as above."""
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import ValidationError

    types = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"number": lambda _checker, value: is_figure(value), "integer": lambda _checker, value: is_whole_figure(value)}
    )

    def pattern(validator, source, instance, _schema):
        if validator.is_type(instance, "string") and not pattern_finds(source, instance):
            yield ValidationError(f"{instance!r} does not match {source!r}")

    return validators.extend(Draft202012Validator, validators={"pattern": pattern}, type_checker=types)
