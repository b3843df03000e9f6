"""The check output formats: one registry, one module per format.

`FORMATS` maps each `--format` name to the module in this package that writes
it and a line for `--help`. The CLI's choice and the fast path's accepted names
both come from here. To add a format, add a module with
`write(report: Report, out: TextIO) -> None` and one entry below.

This module is read on every `check`, so it imports nothing heavy: a format's
module is imported only when that format is asked for.
"""

from __future__ import annotations

import importlib
from typing import Callable, TextIO

# name -> (module in this package, what it is for)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "file:line:col: severity: message (rule-id), then a summary line per file"),
    "json": ("json", "one JSON object whose fields are stable (see README, JSON output)"),
    "github": ("github", "GitHub Actions workflow commands, shown on the lines of a pull request"),
    "sarif": ("sarif", "SARIF 2.1.0, for GitHub code scanning and other SARIF readers"),
}


class Report:
    """Everything a format may write about one `check` run. (A plain class: a dataclass costs 0.5 ms to define.)"""

    __slots__ = ("results", "problems", "exit_code", "version", "strict")

    def __init__(self, results: list, problems: list[str], exit_code: int, version: str, strict: bool = False):
        self.results = results  # one FileResult per file, in the order given; findings in plan order
        self.problems = problems  # arguments that named no plan at all, e.g. a directory without plans
        self.exit_code = exit_code
        self.version = version  # plantool's
        self.strict = strict  # --strict: warnings fail the check too


def choices_text() -> str:
    """'text, json, github or sarif', for help texts."""
    names = list(FORMATS)
    return ", ".join(names[:-1]) + " or " + names[-1]


def writer(name: str) -> Callable[[Report, TextIO], None]:
    """The `write` function of the format called `name` (a key of FORMATS)."""
    module, _ = FORMATS[name]
    return importlib.import_module(f"{__name__}.{module}").write
