"""The summary's output formats: one registry, one module per format.

`FORMATS` maps each `--format` name to the module in this package that writes
it and a line for `--help`; the CLI's choices come from here. To add a format,
add a module with `render(summary: Summary) -> str` and one entry below.
"""

from __future__ import annotations

import importlib
from typing import Callable

# name -> (module in this package, what it is for)
FORMATS: dict[str, tuple[str, str]] = {
    "csv": ("csv", "one row per plan (or, with --group-by, one row per figure and group), for pandas, R or Excel"),
    "json": ("json", "plans, coverage and group statistics in one object, with units and a version"),
    "html": ("html", "one self-contained, accessible report with tables and charts"),
}


class Summary:
    """Everything a format may write about one `summary` run."""

    __slots__ = ("rows", "coverage", "groups", "group_by", "version")

    def __init__(self, rows: list[dict], coverage, groups: list | None, group_by: str | None, version: str):
        self.rows = rows  # one dict per plan, keyed by the column names, in the order the files were found
        self.coverage = coverage  # coverage.Coverage
        self.groups = groups  # groups.Group list, when grouped
        self.group_by = group_by  # "type" or "region", or None
        self.version = version  # plantool's


def choices_text() -> str:
    names = list(FORMATS)
    return ", ".join(names[:-1]) + " or " + names[-1]


def renderer(name: str) -> Callable[[Summary], str]:
    """The `render` function of the format called `name` (a key of FORMATS)."""
    module, _ = FORMATS[name]
    return importlib.import_module(f"{__name__}.{module}").render
