"""`--format github`: workflow commands, so findings show on the offending lines of a pull request."""

from __future__ import annotations

from typing import TextIO

from plantool.check.findings import ERROR, INFO, WARNING
from plantool.check.reports.text import file_summary
from plantool.output import encodable

LEVELS = {ERROR: "error", WARNING: "warning", INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(report, out: TextIO) -> None:
    lines = []
    for result in report.results:
        if result.io_error:
            lines.append(f"::error file={_escape_property(result.file)},title=plantool::{_escape_data(result.io_error)}")
            continue
        for f in result.findings:
            props = f"file={_escape_property(f.file)},line={f.line},col={f.col},title={_escape_property(f.rule)}"
            lines.append(f"::{LEVELS[f.severity]} {props}::{_escape_data(f.message)}")
        lines.append(file_summary(result, strict=report.strict))
    out.write(encodable("".join(line + "\n" for line in lines), out))  # one write, of text the stream takes
