"""Write check results as text (file:line:col), JSON, or GitHub workflow annotations."""

from __future__ import annotations

import json
import os
from typing import TextIO

from plantool.check.findings import ERROR, INFO, WARNING

FORMATS = ("text", "json", "github")
JSON_VERSION = 1


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR set (https://no-color.org)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def counts(findings) -> dict[str, int]:
    tally = {ERROR: 0, WARNING: 0, INFO: 0}
    for finding in findings:
        tally[finding.severity] += 1
    return tally


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(findings, answered: int | None = None, questions: int | None = None) -> str:
    tally = counts(findings)
    parts = [_plural(tally[ERROR], "error"), _plural(tally[WARNING], "warning")]
    if tally[INFO]:
        parts.append(f"{tally[INFO]} info")
    line = ", ".join(parts)
    if questions:
        line += f"; {answered} of {questions} questions answered"
    return line


def finding_line(f) -> str:
    return f"{f.file}:{f.line}:{f.col}: {f.severity}: {f.message} ({f.rule})"


def write_text(results, out: TextIO, *, colour: bool) -> None:
    lines: list[tuple[str, str]] = []  # (text, style)
    for result in results:
        if result.io_error:
            continue
        for f in result.findings:
            lines.append((finding_line(f), f.severity))
        lines.append((f"{result.file}: {summary_line(result.findings, result.answered, result.questions)}", "summary"))
    checked = [r for r in results if not r.io_error]
    if len(checked) > 1:
        total = [f for r in checked for f in r.findings]
        lines.append((f"{len(checked)} files checked: {summary_line(total)}", "summary"))
    if not colour:
        out.write("".join(text + "\n" for text, _ in lines))
        return
    from rich.console import Console
    from rich.text import Text

    styles = {ERROR: "bold red", WARNING: "yellow", INFO: "cyan", "summary": "bold"}
    console = Console(file=out, highlight=False, soft_wrap=True)
    for text, kind in lines:
        if kind in (ERROR, WARNING, INFO):
            location, _, rest = text.partition(f": {kind}: ")
            console.print(Text.assemble((location, "dim"), ": ", (kind, styles[kind]), ": ", rest))
        else:
            console.print(Text(text, style=styles["summary"]))


def as_json(results, exit_code: int, version: str) -> dict:
    """The documented, stable JSON structure (see README, "JSON output")."""
    all_findings = [f for r in results for f in r.findings]
    tally = counts(all_findings)
    return {
        "version": JSON_VERSION,
        "tool": f"plantool {version}",
        "files": [
            {
                "file": r.file,
                "error": r.io_error,
                "status": r.status,
                "questions": {"answered": r.answered, "total": r.questions},
                "findings": [
                    {
                        "line": f.line,
                        "col": f.col,
                        "severity": f.severity,
                        "rule": f.rule,
                        "message": f.message,
                        "path": f.path,
                        "schema_path": f.schema_path or None,
                        "detail": f.detail or None,
                    }
                    for f in r.findings
                ],
            }
            for r in results
        ],
        "summary": {
            "files": len(results),
            "errors": tally[ERROR],
            "warnings": tally[WARNING],
            "info": tally[INFO],
            "unreadable": sum(1 for r in results if r.io_error),
            "exit_code": exit_code,
        },
    }


def write_json(results, out: TextIO, exit_code: int, version: str) -> None:
    json.dump(as_json(results, exit_code, version), out, indent=2, ensure_ascii=False)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(results, out: TextIO) -> None:
    """Workflow commands, so findings show on the offending lines of a pull request."""
    level = {ERROR: "error", WARNING: "warning", INFO: "notice"}
    for result in results:
        if result.io_error:
            out.write(f"::error file={_escape_property(result.file)},title=plantool::{_escape_data(result.io_error)}\n")
            continue
        for f in result.findings:
            props = f"file={_escape_property(f.file)},line={f.line},col={f.col},title={_escape_property(f.rule)}"
            out.write(f"::{level[f.severity]} {props}::{_escape_data(f.message)}\n")
        out.write(f"{result.file}: {summary_line(result.findings, result.answered, result.questions)}\n")
