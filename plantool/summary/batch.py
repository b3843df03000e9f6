"""Check and extract many plans in one pass: each file is read once, in a worker for a big batch.

Each worker loads a plan, checks it exactly as `plantool check` does
(`check_document`), and turns the data it already holds into a row, so the
summary's errors, warnings and questions are check's own. Rows come back in
the order of the files, one at a time, so a progress bar can follow them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

from plantool.check.findings import ERROR, WARNING
from plantool.check.runner import PARALLEL_FROM, check_document
from plantool.plan import loader as documents
from plantool.plan.schema import load_schema
from plantool.summary.columns import NAMES
from plantool.summary.extract import empty_row, plan_row

IO_ERROR = "io_error"  # a key beside the row's columns: the file could not be read at all (exit 2)


def summarise_file(path: Path) -> dict:
    """The row for one plan file; a file that cannot be read or parsed is a row with its error."""
    schema = load_schema()
    try:
        doc = documents.load(path)
    except documents.PlanIOError as exc:
        return {**empty_row(str(path), str(exc)), IO_ERROR: True}
    result = check_document(doc, schema)
    if not isinstance(doc.data, dict):
        first = next((f for f in result.findings if f.severity == ERROR), None)
        why = f"{first.file}:{first.line}:{first.col}: {first.message} ({first.rule})" if first else f"{doc.path}: not a plan"
        return empty_row(doc.path, why)
    severities = [f.severity for f in result.findings]
    return plan_row(doc.path, doc.data, schema, answered=result.answered, questions=result.questions,
                    errors=severities.count(ERROR), warnings=severities.count(WARNING))


def summarise_files(files: list[Path]) -> Iterator[dict]:
    """One row per file, in order; a large batch is spread over every core, as `check` does."""
    workers = min(os.cpu_count() or 1, max(1, len(files) // (PARALLEL_FROM // 2)))
    if len(files) < PARALLEL_FROM or workers < 2 or not sys.platform.startswith("linux"):
        for path in files:
            yield summarise_file(path)
        return
    import multiprocessing

    # The first file, done here, pays every one-off cost (imports, compiled schema, rule set) once; forked workers
    # inherit it. The workers start before that first row is handed over, so whatever the caller does with it
    # (reading the council register) happens while they work.
    first = summarise_file(files[0])
    rest = files[1:]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.imap(_packed, rest, chunksize=max(1, len(rest) // (workers * 4)))
        yield first
        for values in results:
            yield _unpacked(values)


def _packed(path: Path) -> tuple:
    """A row as its values in column order (and the I/O flag): a seventh of the pickled size of the dict."""
    row = summarise_file(path)
    return (*map(row.__getitem__, NAMES), row.get(IO_ERROR, False))


def _unpacked(values: tuple) -> dict:
    row = dict(zip(NAMES, values))
    if values[-1]:
        row[IO_ERROR] = True
    return row
