"""Read a plan file into plain data, remembering the line:col of every key and value.

We build the data ourselves from ruamel.yaml's parse events rather than using a
loader, for four reasons:
- positions come free with the events, so no second, slower parse is needed;
- dates, times and YAML 1.1 yes/no stay as the strings the author typed;
- aliases are counted as they are expanded, so an alias bomb or an alias cycle
  is refused instead of eating memory;
- no tag can ever construct a Python object.
The C parser (ruamel.yaml.clib) and the pure-Python parser give the same events,
so both paths build identical documents; tests hold them to that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from plantool.plan.paths import NotARegularFile, display_name, open_regular

# Limits for hostile input, documented in the README (Reliability).
MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 200_000

Path_ = tuple  # a path into the data: keys and list indexes


class PlanIOError(Exception):
    """The file could not be read at all: a usage or I/O problem (exit 2)."""


@dataclass(frozen=True)
class LoadProblem:
    """Something wrong with the file as YAML, found while reading it."""

    rule: str
    message: str
    line: int
    col: int
    detail: str = ""  # the parser's own words, where the message rephrases them


@dataclass
class Document:
    """A plan's data with positions. Lines and columns count from 1."""

    path: str
    text: str
    data: Any = None
    values: dict = field(default_factory=dict)  # path -> (line, col) of the value
    keys: dict = field(default_factory=dict)  # path -> (line, col) of the key
    problems: list = field(default_factory=list)
    literal_blocks: set = field(default_factory=set)  # paths of `|` block scalars
    scalar_events: list = field(default_factory=list, repr=False)  # every scalar as typed, keys too

    @cached_property
    def scalars(self) -> dict:
        """Every scalar's start (line, col) -> (end line, end col, style), the end just past its last
        character and style "" for plain text. Real comments are what lies outside these spans
        (plan/comments.py); a plain answer's end shows where a ` #` cut it short. Worked out only
        when asked: most files need it for a few lines at most."""
        spans = {}
        for event in self.scalar_events:
            start, end = event.start_mark, event.end_mark
            spans[(start.line + 1, start.column + 1)] = (end.line + 1, end.column + 1, event.style or "")
        return spans

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines, split once: every finding placed inside a text reads them."""
        return self.text.splitlines()

    @cached_property
    def comments(self) -> list:
        """The file's real YAML comments (plan/comments.py), found once for every reader."""
        from plantool.plan.comments import find_comments

        return find_comments(self.text, self.scalar_events)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Where to point for `path`: its value, or with key=True its key.

        A path that is not in the file (a missing key) points at the key of the
        nearest mapping that is, which is where the author has to add it.
        """
        path = tuple(path)
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if isinstance(path[-1], int) and path in self.values:
                return self.values[path]  # a list item has no key: point at the item itself
            path = path[:-1]
        return self.values.get((), (1, 1))

    def text_position(self, path: Path_, line_index: int, col_index: int) -> tuple[int, int]:
        """Where a character inside a text value sits in the file.

        Exact for one-line plain values and `|` blocks, which is how plans are
        written; for other multi-line styles, the start of the value.
        """
        line, col = self.position(path)
        if tuple(path) in self.literal_blocks:
            target = line + 1 + line_index
            lines = self.lines
            if target <= len(lines):
                source = lines[target - 1]
                return target, len(source) - len(source.lstrip(" ")) + col_index + 1
            return line, col
        if line_index == 0:
            source = self.lines[line - 1] if line <= len(self.lines) else ""
            quoted = source[col - 1 : col] in ("'", '"')
            return line, col + col_index + (1 if quoted else 0)
        return line, col


def read_text(path: Path) -> tuple[str, LoadProblem | None]:
    """Read and decode a plan file; refuse what is not a readable UTF-8 text file.

    A directory, FIFO, socket or device is refused without being opened for reading.
    """
    name = display_name(path)
    try:
        with open_regular(path) as handle:
            raw = handle.read(MAX_BYTES + 1)
    except NotARegularFile as exc:
        message = str(exc)
        if message.startswith(f"{name}: is a directory"):
            message = f"{name}: is a directory, not a plan file"
        raise PlanIOError(message) from None
    except FileNotFoundError:
        raise PlanIOError(f"{name}: no such file") from None
    except PermissionError:
        raise PlanIOError(f"{name}: permission denied") from None
    except OSError as exc:
        raise PlanIOError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        return "", LoadProblem("file-format", f"file is larger than the {limit} MB limit for a plan", 1, 1)
    if b"\x00" in raw:
        line, col = _line_col(raw, raw.index(b"\x00"))
        return "", LoadProblem("file-format", "file contains NUL bytes: it is binary, not a YAML text file", line, col)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        return "", LoadProblem(
            "file-format",
            f"file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8 and try again",
            line,
            col,
        )
    return text.removeprefix("\ufeff"), None


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def load(path: Path, *, display: str | None = None, pure: bool = False) -> Document:
    """Read a plan file. Raises PlanIOError only when the file cannot be read at all."""
    text, problem = read_text(path)
    doc = Document(path=display_name(path) if display is None else display, text=text)
    if problem:
        doc.problems.append(problem)
        return doc
    return parse(text, doc, pure=pure)


def parse(text: str, doc: Document | None = None, *, pure: bool = False) -> Document:
    """Build a Document from YAML text (also used for in-memory plans in tests)."""
    doc = doc or Document(path="<string>", text=text)
    builder = _Builder(doc)
    try:
        builder.run(_events(text, pure))
    except _Refused:
        doc.data = None
    except Exception as exc:  # ruamel's scanner/parser errors carry a problem_mark
        if not pure:
            # libyaml and ruamel's own parser place some errors differently; report the
            # pure parser's, so a finding's position never depends on which one is installed
            fresh = Document(path=doc.path, text=doc.text)
            parsed = parse(text, fresh, pure=True)
            doc.data, doc.values, doc.keys = parsed.data, parsed.values, parsed.keys
            doc.problems, doc.literal_blocks = parsed.problems, parsed.literal_blocks
            doc.scalar_events = parsed.scalar_events
            return doc
        from plantool.plan.yaml_mistakes import explain

        found = explain(text, exc)
        doc.problems.append(LoadProblem("yaml-syntax", found.message, found.line, found.col, found.detail))
        doc.data = None
    else:
        if not text.isascii() and any(char in text for char in PASTED_SPACES):  # 19 quick scans beat one regex
            # Pasted from Word: valid YAML, but a key may not be the one it looks like.
            from plantool.plan.yaml_mistakes import invisible_spaces_before_keys

            doc.problems += [
                LoadProblem("yaml-syntax", found.message, found.line, found.col) for found in invisible_spaces_before_keys(doc)
            ]
    return doc


# Characters pasted from Word that look like a space, or are invisible, but are not a space to YAML.
PASTED_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000\u200b\u200c\u200d\u2060\ufeff"


@lru_cache(maxsize=1)
def _c_parser():
    """libyaml's parser class when ruamel.yaml can use it, else None (then the reference parser is used).

    The choice is ruamel.yaml's own: YAML(typ="safe", pure=False) picks the C
    parser when ruamel.yaml.clib is installed and falls back to its Python
    `Parser` when it is not. Both parsers give events through the same
    check_event / get_event calls that YAML.parse uses.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.parser import Parser

    chosen = YAML(typ="safe", pure=False).Parser
    return None if chosen is Parser else chosen


def _events(text: str, pure: bool):
    CParser = _c_parser() if not pure else None
    pure = CParser is None
    if pure:
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = CParser(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    finally:
        parser.dispose()


class _Refused(Exception):
    """Stop building: the input breaks a safety limit (already recorded as a problem)."""


# At least one digit after 0o or 0x: "0x_" is text, not a number Python cannot read.
_INT = re.compile(r"[-+]?[0-9][0-9_]*|0o_*[0-7][0-7_]*|0x_*[0-9a-fA-F][0-9a-fA-F_]*")
# Longer integers are read as infinity: Python refuses to read or print longer decimals
# exactly (its guard against slow conversions; 640 digits is the least it may be set to),
# no real figure comes near, and check then reports "too large to be a real figure".
MAX_INT_DIGITS = 640
_MAX_INT_BITS = int(MAX_INT_DIGITS * 3.32)  # a hexadecimal or octal integer of this many bits prints in fewer digits
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INFINITY = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {"!", _STD + "str", _STD + "int", _STD + "float", _STD + "bool", _STD + "null", _STD + "map", _STD + "seq"}


def plain_scalar(value: str) -> Any:
    """Resolve an unquoted scalar by the YAML 1.2 core schema; everything else is text."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        digits = value.replace("_", "")
        if digits[:2] in ("0o", "0x"):
            number = int(digits, 0)  # powers of two convert in linear time, at any length
            return number if number.bit_length() <= _MAX_INT_BITS else float("inf")
        if len(digits.lstrip("+-")) > MAX_INT_DIGITS:
            return float("-inf") if digits.startswith("-") else float("inf")
        return int(digits)
    if _FLOAT.fullmatch(value) and any(ch.isdigit() for ch in value):
        return float(value.replace("_", ""))
    if value in _INFINITY:
        return float("inf")
    if value in {"-.inf", "-.Inf", "-.INF"}:
        return float("-inf")
    if value in {".nan", ".NaN", ".NAN"}:
        return float("nan")
    return value


class _Builder:
    """Turn a stream of parse events into data, positions and problems."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.anchors: dict[str, tuple] = {}  # name -> (events, is_complete)
        self.nodes = 0
        self.record_scalar = doc.scalar_events.append  # an alias's scalars again: harmless, same marks

    def run(self, events) -> None:
        events = iter(events)
        documents = 0
        for event in events:
            kind = type(event).__name__
            if kind == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    self._problem("yaml-syntax", "file holds more than one YAML document; a plan is one document", event)
                    raise _Refused
                self.doc.data = self._node(next(events), events, (), 0, recording=None)
        if documents == 0:
            self._problem("file-format", "file is empty: a plan needs at least schema_version, council and plan", None)

    def _problem(self, rule: str, message: str, event) -> None:
        line, col = (event.start_mark.line + 1, event.start_mark.column + 1) if event is not None else (1, 1)
        self.doc.problems.append(LoadProblem(rule, message, line, col))

    def _count(self, event) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self._problem(
                "yaml-limits",
                f"file expands to more than {MAX_NODES:,} values (aliases repeated too often); refusing it",
                event,
            )
            raise _Refused

    def _node(self, event, events, path: tuple, depth: int, recording, replaying: bool = False) -> Any:
        """Build one node. `recording` lists the event logs of anchors being defined."""
        kind = type(event).__name__
        self._count(event)
        if recording is not None:
            for rec in recording:
                rec.append(event)
        if kind == "AliasEvent":
            return self._alias(event, path, depth, recording)
        anchor = None if replaying else getattr(event, "anchor", None)
        if anchor is not None:
            recorder: list = [event]
            self.anchors[anchor] = (recorder, False)
            recording = (recording or []) + [recorder]
        self.doc.values.setdefault(path, (event.start_mark.line + 1, event.start_mark.column + 1))
        if depth > MAX_DEPTH:
            self._problem("yaml-limits", f"nesting is deeper than {MAX_DEPTH} levels; refusing it", event)
            raise _Refused
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            shown = tag.replace(_STD, "!!")
            self._problem(
                "yaml-tag",
                f"tag {shown} is not allowed in a plan (plantool never builds objects from tags); remove it",
                event,
            )
        if kind == "ScalarEvent":
            self.record_scalar(event)
            value = self._scalar(event, tag)
            if event.style == "|":
                self.doc.literal_blocks.add(path)
        elif kind == "SequenceStartEvent":
            value = self._sequence(events, path, depth, recording)
        elif kind == "MappingStartEvent":
            value = self._mapping(event, events, path, depth, recording)
        else:  # pragma: no cover - the parser guarantees a node here
            raise _Refused
        if anchor is not None:
            self.anchors[anchor] = (self.anchors[anchor][0], True)
        return value

    @staticmethod
    def _scalar(event, tag) -> Any:
        value = event.value
        plain = event.style in (None, "") and event.implicit[0]
        if tag in (None, "!") and plain:
            return plain_scalar(value)
        if tag in (_STD + "int", _STD + "float", _STD + "bool", _STD + "null"):
            resolved = plain_scalar(value)
            return resolved if not isinstance(resolved, str) else value
        return value

    def _sequence(self, events, path, depth, recording) -> list:
        items = []
        for event in events:
            if type(event).__name__ == "SequenceEndEvent":
                if recording is not None:
                    for rec in recording:
                        rec.append(event)
                return items
            items.append(self._node(event, events, path + (len(items),), depth + 1, recording))
        raise _Refused

    def _mapping(self, start, events, path, depth, recording) -> dict:
        result: dict = {}
        for key_event in events:
            if recording is not None and type(key_event).__name__ in ("ScalarEvent", "MappingEndEvent"):
                for rec in recording:
                    rec.append(key_event)
            if type(key_event).__name__ == "MappingEndEvent":
                return result
            key = self._key(key_event, events, recording)
            value_event = next(events)
            child = path + (key,)
            line, col = key_event.start_mark.line + 1, key_event.start_mark.column + 1
            if key in result:
                first = self.doc.keys[child][0]
                self._problem(
                    "duplicate-key",
                    f"duplicate key '{key}' at lines {first} and {line}; YAML keeps only the last one, so merge them",
                    key_event,
                )
                self._drop_positions(child)
            self.doc.keys[child] = (line, col)
            result[key] = self._node(value_event, events, child, depth + 1, recording)
        raise _Refused

    def _key(self, event, events, recording) -> str:
        kind = type(event).__name__
        if kind == "ScalarEvent":
            self.record_scalar(event)
            if event.value == "<<" and event.style in (None, ""):
                self._problem("yaml-syntax", "merge keys (<<) are not supported in a plan; write the keys out", event)
            return event.value  # keys are names: keep them as typed ("000" stays "000")
        self._problem("yaml-syntax", "a key must be plain text, not a list or mapping", event)
        # Consume the complex key so parsing can go on.
        self._node(event, events, ("<complex key>",), 0, recording)
        return f"<complex key at line {event.start_mark.line + 1}>"

    def _drop_positions(self, prefix: tuple) -> None:
        n = len(prefix)
        for table in (self.doc.values, self.doc.keys):
            for stale in [p for p in table if p[:n] == prefix]:
                del table[stale]

    def _alias(self, event, path, depth, recording) -> Any:
        name = event.anchor
        if name not in self.anchors:
            self._problem("yaml-syntax", f"alias *{name} refers to no anchor &{name} above it", event)
            return None
        recorded, complete = self.anchors[name]
        if not complete:
            self._problem("yaml-limits", f"alias *{name} refers to the node that contains it (a cycle); refusing it", event)
            raise _Refused
        # The alias's own position is kept for `path`; positions inside point at the anchored text.
        self.doc.values.setdefault(path, (event.start_mark.line + 1, event.start_mark.column + 1))
        replay = iter(recorded)
        return self._node(next(replay), replay, path, depth, recording, replaying=True)
