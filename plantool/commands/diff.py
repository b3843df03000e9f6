"""`plantool diff LAST THIS`: what changed between last year's plan and this year's.

Both inputs must load as plans (one line naming the file otherwise, exit 2).
Two different councils are refused unless --force; a period that does not
follow on is a warning, in the report and on stderr. The report goes to
stdout, or atomically to -o OUT (never over an existing file without --force).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TextIO

from plantool.exit_codes import CLEAN, USAGE


def run_diff(last: str, this: str, output_format: str, output: str | None, *, force: bool, out: TextIO, err: TextIO) -> int:
    from plantool.check.reports.text import use_colour
    from plantool.check.runner import check_document
    from plantool.diff.compare import DiffError, compare, load_plan
    from plantool.diff.formats import FORMATS, writer
    from plantool.plan.schema import load_schema

    if output_format not in FORMATS:
        err.write(f"plantool: error: unknown format '{output_format}'; choose one of: {', '.join(FORMATS)}\n")
        return USAGE
    schema = load_schema()
    try:
        last_doc, this_doc = load_plan(Path(last)), load_plan(Path(this))
        findings = check_document(this_doc, schema).findings
        comparison = compare(schema, last_doc, this_doc, force=force, this_findings=findings)
    except DiffError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    for warning in comparison.warnings:
        err.write(f"plantool: warning: {warning}\n")
    write = writer(output_format)
    if output is None:
        write(comparison, out, colour=output_format == "text" and use_colour(out))
        return CLEAN
    from plantool.output import ESCAPES
    from plantool.plan.fileio import WriteError, atomic_write

    buffer = io.StringIO()
    write(comparison, buffer, colour=False)
    try:
        atomic_write(Path(output), buffer.getvalue().encode("utf-8", ESCAPES), force=force)  # as printed: escapes for lone surrogates
    except WriteError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    err.write(f"wrote {output}\n")
    return CLEAN
