"""Check and extract many plans in one pass: each file is read once, in a worker for a big batch.

Each worker loads a plan, checks it exactly as `plantool check` does
(`check_document`), and turns the data it already holds into a row, so the
summary's errors, warnings and questions are check's own. The batch runs through
check's own `each_file` (the same workers, the same clean Ctrl-C), and rows come
back in the order of the files, one at a time, so a progress bar can follow them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from plantool.check.findings import ERROR, WARNING
from plantool.check.runner import check_document, each_file
from plantool.plan import loader as documents
from plantool.plan.paths import display_name
from plantool.plan.schema import Schema, load_schema
from plantool.summary.columns import NAMES
from plantool.summary.extract import empty_row, plan_row

IO_ERROR = "io_error"  # beside the row's columns: the file could not be read at all (exit 2)
INTERNAL_ERROR = "internal_error"  # beside the row's columns: a bug in plantool met on this file (exit 3)
FLAGS = (IO_ERROR, INTERNAL_ERROR)


def summarise_file(path: Path, schema: Schema | None = None) -> dict:
    """The row for one plan file; never raises: a file that cannot be read, parsed or summarised is a row with its error."""
    shown = display_name(path)
    try:
        schema = schema or load_schema()
        doc = documents.load(path, display=shown)
        result = check_document(doc, schema)
        if not isinstance(doc.data, dict):
            first = next((f for f in result.findings if f.severity == ERROR), None)
            why = f"{first.file}:{first.line}:{first.col}: {first.message} ({first.rule})" if first else f"{shown}: not a plan"
            return empty_row(shown, why)
        severities = [f.severity for f in result.findings]
        return plan_row(shown, doc.data, schema, answered=result.answered, questions=result.questions,
                        errors=severities.count(ERROR), warnings=severities.count(WARNING))
    except documents.PlanIOError as exc:
        return {**empty_row(shown, str(exc)), IO_ERROR: True}
    except Exception as exc:  # a bug in plantool: this plan's row says so, the others go on, and the exit code is 3
        reason = " ".join(str(exc).split())[:200]
        why = f"{shown}: internal error while summarising this file: {type(exc).__name__}: {reason} (please report this)"
        return {**empty_row(shown, why), INTERNAL_ERROR: True}


def summarise_files(files: list[Path]) -> Iterator[dict]:
    """One row per file, in order, as each is done; a large batch is spread over every core, as `check` does."""
    for values in each_file(_packed, files):
        yield _unpacked(values)


def _packed(path: Path, schema: Schema | None = None) -> tuple:
    """A row as its values in column order, then its flags: a seventh of the pickled size of the dict."""
    row = summarise_file(path, schema)
    return (*map(row.__getitem__, NAMES), *(row.get(flag, False) for flag in FLAGS))


def _unpacked(values: tuple) -> dict:
    row = dict(zip(NAMES, values))
    for flag, value in zip(FLAGS, values[len(NAMES):]):
        if value:
            row[flag] = True
    return row
