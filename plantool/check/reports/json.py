"""`--format json`: one object with a stable structure; fields are only ever added (README, "JSON output")."""

from __future__ import annotations

from typing import TextIO

from plantool.check.findings import ERROR, INFO, WARNING
from plantool.check.reports.text import counts
from plantool.output import json_text

JSON_VERSION = 1


def as_json(report) -> dict:
    results = report.results
    tally = counts([f for r in results for f in r.findings])
    return {
        "version": JSON_VERSION,
        "tool": f"plantool {report.version}",
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
            "exit_code": report.exit_code,
        },
    }


def write(report, out: TextIO) -> None:
    out.write(json_text(as_json(report), out) + "\n")  # whole, and readable whatever the plan holds
