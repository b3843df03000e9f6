"""A text the parser refused, and the means to try a repair on it; the wording every explanation shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

CURLY_OPEN = "\u201c\u2018"  # “ ‘
CURLY_CLOSE = "\u201d\u2019"  # ” ’

# `key: value`, `- key: value`; keys in a plan are plain words.
KEY_LINE = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][\w-]*):(?: +(?P<value>.*?))? *$")
KEY_START = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][\w-]*):")

WINDOW = 20  # lines past the failure that a repair must parse cleanly through
# Characters all repairs of one file may re-parse: about a second. A plan is some 10 KB, so this
# allows a hundred tries; a file near the size limit gets the parser's words, as quickly as before.
BUDGET = 1_000_000


@dataclass(frozen=True)
class Explanation:
    line: int
    col: int
    message: str
    detail: str = ""


def quoted(text: str) -> str:
    """`text` as a YAML quoted scalar: double quotes unless it holds `"` or `\\`, then single quotes."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def straight_quotes(text: str) -> tuple[str, bool]:
    """`text` without curly quotes wrapped around it, and whether it had them."""
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] in CURLY_OPEN and stripped[-1] in CURLY_CLOSE + CURLY_OPEN:
        return stripped[1:-1], True
    return text, False


def shorten(text: str, width: int = 50) -> str:
    """Long text cut in the middle, so a one-line message stays readable."""
    if len(text) <= width:
        return text
    half = (width - 1) // 2
    return text[:half].rstrip() + "…" + text[-half:].lstrip()


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class Failure:
    """A text the parser refused, what the parser said, and a way to try repairs on it."""

    def __init__(self, text: str, error):
        self.text = text
        self.lines = text.splitlines(keepends=True)
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        self.line, self.col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        self.context = getattr(error, "context", None) or ""
        context_mark = getattr(error, "context_mark", None)
        self.context_at = (context_mark.line + 1, context_mark.column + 1) if context_mark and self.context else None
        self.budget = BUDGET

    @property
    def out_of_budget(self) -> bool:
        """Whether some repair could not be tried because the file is too large to re-read again."""
        return self.budget < 0 or len(self.text) > BUDGET

    @property
    def detail(self) -> str:
        said = f"{self.problem} (line {self.line}, column {self.col})"
        if self.context_at:
            said = f"{self.context} (line {self.context_at[0]}, column {self.context_at[1]}): {said}"
        return said

    def content(self, number: int) -> str:
        """Line `number` (from 1) without its line end; empty past the end of the file."""
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].rstrip("\r\n\x85\u2028\u2029")
        return ""

    @cached_property
    def tokens(self) -> list:
        """The scanner's tokens up to a little past the failure (the scanner stops at its own errors)."""
        from ruamel.yaml import YAML

        found: list = []
        if len(self.text) > self.budget:
            return found  # too large to explain affordably; the parser's words will do
        try:
            for token in YAML(typ="safe", pure=True).scan(self.text):
                if token.start_mark.line + 1 > self.line + 1:
                    break
                found.append(token)
        except Exception:  # noqa: BLE001 - a scanner error ends the tokens, which is all we need
            pass
        return found

    def scalars_before(self) -> list:
        """Scalar tokens that start before the failure, latest first."""
        at = (self.line, self.col)
        return [
            t
            for t in reversed(self.tokens)
            if type(t).__name__ == "ScalarToken" and (t.start_mark.line + 1, t.start_mark.column + 1) < at
        ]

    def reach(self, changes: dict[int, str]) -> float:
        """Parse the text with `changes` (line number -> new content) and return the line of the
        first error, counted in the original's lines, or infinity when none is met within WINDOW
        lines past the original failure. Once the budget is spent, no repair is confirmed."""
        added = sum(new.count("\n") for new in changes.values())
        last = min(len(self.lines), self.line + WINDOW)
        parts = []
        for number in range(1, last + 1):
            line = self.lines[number - 1]
            if number in changes:
                ending = line[len(line.rstrip("\r\n\x85\u2028\u2029")) :] or "\n"
                line = changes[number] + ending
            parts.append(line)
        repaired = "".join(parts)
        self.budget -= len(repaired)
        if self.budget < 0:
            return 0
        from ruamel.yaml import YAML

        try:
            for _ in YAML(typ="safe", pure=True).parse(repaired):
                pass
        except Exception as exc:  # noqa: BLE001 - any parser error is an answer here
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            if mark is None:
                return 0
            line = mark.line + 1 - added
            return float("inf") if line > last else line
        return float("inf")

    def fixed_by(self, changes: dict[int, str]) -> bool:
        return self.reach(changes) > self.line
