"""`--format text`: one `file:line:col: severity: message (rule-id)` line per finding, then summaries.

The one-line forms of a finding and of a file's summary live here; the GitHub
format and `export` reuse them.
"""

from __future__ import annotations

import os
from typing import TextIO

from plantool.check.findings import ERROR, INFO, WARNING
from plantool.output import encodable


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


def summary_line(findings, answered: int | None = None, questions: int | None = None, *, strict: bool = False) -> str:
    tally = counts(findings)
    parts = [_plural(tally[ERROR], "error"), _plural(tally[WARNING], "warning")]
    if tally[INFO]:
        parts.append(f"{tally[INFO]} info")
    line = ", ".join(parts)
    if questions:
        line += f"; {answered} of {questions} questions answered"
    if strict and tally[WARNING] and not tally[ERROR]:
        line += f"; fails because of --strict, which counts {'its warning' if tally[WARNING] == 1 else 'the warnings'} as errors"
    return line


def file_summary(result, *, strict: bool = False) -> str:
    """'plan.plan.yaml: 2 errors, 3 warnings; 27 of 31 questions answered'."""
    return f"{result.file}: {summary_line(result.findings, result.answered, result.questions, strict=strict)}"


def finding_line(f) -> str:
    return f"{f.file}:{f.line}:{f.col}: {f.severity}: {f.message} ({f.rule})"


def write(report, out: TextIO) -> None:
    lines: list[tuple[str, str]] = []  # (text, style)
    checked = [r for r in report.results if not r.io_error]
    for result in checked:
        lines += [(finding_line(f), f.severity) for f in result.findings]
        lines.append((file_summary(result, strict=report.strict), "summary"))
    if len(checked) > 1:
        total = [f for r in checked for f in r.findings]
        lines.append((f"{len(checked)} files checked: {summary_line(total, strict=report.strict)}", "summary"))
    if not use_colour(out):
        out.write(encodable("".join(text + "\n" for text, _ in lines), out))  # one write, of text the stream takes
        return
    from rich.console import Console
    from rich.text import Text

    styles = {ERROR: "bold red", WARNING: "yellow", INFO: "cyan", "summary": "bold"}
    console = Console(file=out, highlight=False, soft_wrap=True)
    for text, kind in lines:
        text = encodable(text, out)
        if kind in (ERROR, WARNING, INFO):
            location, _, rest = text.partition(f": {kind}: ")
            console.print(Text.assemble((location, "dim"), ": ", (kind, styles[kind]), ": ", rest))
        else:
            console.print(Text(text, style=styles["summary"]))
