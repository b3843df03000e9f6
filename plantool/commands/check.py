"""`plantool check`: check files and write the report in the format asked for; returns the exit code."""

from __future__ import annotations

from typing import TextIO

from plantool import __version__
from plantool.check.findings import exit_code
from plantool.exit_codes import INTERNAL, USAGE


def run_check(paths: list[str], output_format: str, *, strict: bool, out: TextIO, err: TextIO) -> int:
    from plantool.check import runner as checker
    from plantool.check.reports import Report, writer
    from plantool.plan.paths import expand
    from plantool.plan.schema import load_schema

    files, problems = expand(paths)
    results = checker.check_files(files, load_schema())
    io_errors = problems + [r.io_error for r in results if r.io_error]
    code = exit_code([f for r in results for f in r.findings], strict=strict)
    if io_errors:
        code = INTERNAL if any(r.internal_error for r in results) else USAGE
    writer(output_format)(Report(results, problems, code, __version__, strict=strict), out)
    for message in io_errors:
        err.write(f"plantool: error: {message}\n")
    return code
