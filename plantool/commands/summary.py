"""`plantool summary`: many plans as one table, with the register's coverage; returns the exit code.

Exit 0 once the summary is written, whatever the plans' findings; 2 for a
usage or I/O problem (an output that exists without --force, a path that
names no plan or cannot be read: such a plan is still a row, with its error);
3 when a bug in plantool was met on a plan (that plan's row says so).
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from plantool import __version__
from plantool.exit_codes import CLEAN, INTERNAL, USAGE


def run_summary(paths: list[str], output: Path | None, output_format: str, group_by: str | None, *, force: bool,
                out: TextIO, err: TextIO) -> int:
    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.plan.paths import expand
    from plantool.register import RegisterError
    from plantool.summary.coverage import Matcher, cover
    from plantool.summary.formats import Summary, renderer
    from plantool.summary.progress import DelayedProgress, wanted

    if output is not None and (output.is_dir() or output.exists() and not force):  # before the work, not after it
        why = "is a directory" if output.is_dir() else "already exists; use --force to replace it"
        err.write(f"plantool: error: {output}: {why}\n")
        return USAGE
    files, problems = expand(paths)
    match = Matcher()  # reads the register at the first row, while the workers start on the others
    try:
        rows, unreadable, internal = _collect(files, match, DelayedProgress(len(files), err, enabled=wanted(err, out, output is not None)))
        coverage = cover(rows, match.register, matched=True)
    except RegisterError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    grouping = group_by or ("type" if output_format == "html" else None)  # the report always has its group tables
    groups = None
    if grouping:
        from plantool.summary.groups import group_statistics  # the statistics module is imported only when needed

        groups = group_statistics(rows, grouping)
    text = renderer(output_format)(Summary(rows, coverage, groups, grouping, __version__))
    if output is None:
        out.write(text)
        out.flush()
    else:
        try:
            atomic_write(output, text.encode("utf-8"), force=force)
        except WriteError as exc:
            err.write(f"plantool: error: {exc}\n")
            return USAGE
    err.write(closing_line(rows, coverage, output) + "\n")
    for message in problems + unreadable:
        err.write(f"plantool: error: {message}\n")
    if internal:
        return INTERNAL
    return USAGE if problems or unreadable else CLEAN


def _collect(files: list[Path], match, progress) -> tuple[list[dict], list[str], bool]:
    """Every file's row, matched to the register as it arrives; the errors of files that could not be read or
    summarised; and whether one of those was a bug in plantool."""
    from plantool.summary.batch import INTERNAL_ERROR, IO_ERROR, summarise_files

    rows, errors, internal = [], [], False
    try:
        for row in summarise_files(files):
            flags = [row.pop(IO_ERROR, False), row.pop(INTERNAL_ERROR, False)]
            if any(flags):
                errors.append(row["load_error"])
                internal = internal or flags[1]
            match(row)  # here, while the workers go on with the next plans
            rows.append(row)
            progress.advance()
    finally:
        progress.close()
    return rows, errors, internal


def closing_line(rows: list[dict], coverage, output: Path | None) -> str:
    """What was summarised, in one line: plans, unreadable ones, and the register's coverage."""
    failed = sum(row["load_error"] is not None for row in rows)
    parts = [f"{len(rows)} plan{'s' if len(rows) != 1 else ''}" + (f" ({failed} could not be read)" if failed else "")]
    parts.append(f"{len(coverage.with_plan)} of {coverage.councils} councils in the register have a plan")
    unknown, several = len(coverage.not_in_register), len(coverage.more_than_one_plan)
    if unknown:
        parts.append(f"{unknown} plan{' names' if unknown == 1 else 's name'} a council the register does not know")
    if several:
        parts.append(f"{several} council{' has' if several == 1 else 's have'} more than one plan")
    where = f"wrote {output}: " if output is not None else "summary: "
    return where + "; ".join(parts)
