"""Text out to a terminal, a pipe or a file, whatever characters the text holds.

A plan can hold text that no output takes: a lone surrogate (YAML's "\\ud800"
escape, in a key or in a value a message quotes) or characters the output's
encoding lacks (a Windows pipe in cp1252, a CI log set to ASCII). Printing
one must neither crash plantool nor cut a report short, so such a character
is written as a backslash escape (\\ud800, \\u2026), the form file names take
(`plan.paths.display_name`). In JSON the escape is text inside the string,
so a strict JSON reader takes it. Kept free of heavy imports: `check` reads it.
"""

from __future__ import annotations

import codecs
import re
from typing import Any, TextIO

ESCAPES = "backslashreplace"
_SURROGATE = re.compile("[\ud800-\udfff]")


def lenient(*streams: TextIO) -> None:
    """Make each stream write what its encoding cannot hold as an escape, instead of raising.

    Called once at start-up on stdout and stderr, so every command, message and
    format is covered, whoever prints. A stream that cannot be reconfigured (a
    test's StringIO takes any text anyway) is left as it is.
    """
    for stream in streams:
        try:
            stream.reconfigure(errors=ESCAPES)
        except (AttributeError, ValueError, OSError):
            pass


def _encoding(stream: TextIO | None) -> str:
    """The stream's codec name; UTF-8 for a stream without one (StringIO) or with an unknown one."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return "utf-8"


def encodable(text: str, stream: TextIO | None = None) -> str:
    """`text` with every character `stream`'s encoding cannot hold written as a backslash escape."""
    encoding = _encoding(stream)
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        return text.encode(encoding, ESCAPES).decode(encoding)


def escaped(text: str) -> str:
    """`text` with each lone surrogate written as its escape: text any UTF-8 output or JSON reader takes."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _clean(value: Any) -> Any:
    """The same data with every string, keys included, `escaped`."""
    if isinstance(value, str):
        return escaped(value)
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(item) for item in value]
    return value


def json_text(data: Any, stream: TextIO | None = None) -> str:
    """`data` as indented JSON that `stream` can take whole and a strict reader can read.

    Built as one string before anything is written, so an output is never left
    half-written. Lone surrogates become escapes inside the text; if the stream's
    encoding still lacks a character, the JSON is written in ASCII with JSON's
    own escapes, which every reader decodes to the same text.
    """
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False)
    if _SURROGATE.search(text):
        data = _clean(data)
        text = json.dumps(data, indent=2, ensure_ascii=False)
    try:
        text.encode(_encoding(stream))
    except UnicodeEncodeError:
        text = json.dumps(data, indent=2, ensure_ascii=True)
    return text
