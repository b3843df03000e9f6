"""`--format sarif`: one SARIF 2.1.0 log, for GitHub code scanning and other SARIF readers.

One run. `tool.driver.rules` lists every rule plantool has (the built-in
findings, then the rule modules, as `plantool rules` does), so a reader can show
each rule's documentation. Files are named relative to the working directory
under the base id `%SRCROOT%` (GitHub resolves that to the repository root), or
as absolute `file:` URIs when they lie outside it. A file that could not be read
is not a result about the plan: it is a tool execution notification, and the
invocation is marked unsuccessful, as exit code 2 is.

Each result carries a partial fingerprint made from what it is about (the rule,
the place in the plan's data and the message), not from its line: a finding
stays the same alert in code scanning when lines are added above it, and a
fixed one closes. Identical findings in one file are told apart by their order.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import re
from pathlib import Path, PurePath
from typing import TextIO
from urllib.parse import quote

from plantool.check.findings import ERROR, INFO, WARNING
from plantool.output import json_text
from plantool.exit_codes import USAGE

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/plantool/plantool"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {ERROR: "error", WARNING: "warning", INFO: "note"}
FINGERPRINT = "plantoolFinding/v1"
DEFAULT_LEVELS = {"error": "error", "warning": "warning", "info": "note", "gap": "warning"}  # a gap is an error once approved


def _rule(rule_id: str, doc: str, severity: str) -> dict:
    text = inspect.cleandoc(doc)
    first_line = text.splitlines()[0]
    described = {"id": rule_id, "shortDescription": {"text": first_line}}
    if text != first_line:  # PASS and FAIL examples: code scanning shows them as the rule's help
        described["help"] = {"text": text}
    described["defaultConfiguration"] = {"level": DEFAULT_LEVELS[severity]}
    return described


def rules() -> list[dict]:
    """A reporting descriptor per rule, from the rule registry."""
    from plantool.check.rules import BUILTIN_RULES, load_rules

    described = [_rule(rule_id, doc, "error") for rule_id, doc in BUILTIN_RULES.items()]
    return described + [_rule(rule.ID, rule.__doc__ or rule.ID, rule.SEVERITY) for rule in load_rules()]


def artifact_location(file: str) -> dict:
    """A file as SARIF names it: relative to the working directory and percent-encoded, or a file: URI."""
    absolute = os.path.abspath(file)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive, on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(PurePath(relative).as_posix()), "uriBaseId": SOURCE_ROOT}


def _directory_uri(directory: Path) -> str:
    uri = directory.as_uri()
    return uri if uri.endswith("/") else uri + "/"  # SARIF wants a base URI to end in a slash


# "(line 8)", "at lines 3 and 9", "column 12": where, not what, so left out of a finding's identity.
_PLACES = re.compile(r"\b(lines?|columns?)\s+\d+(?:\s*(?:,|and|to|-)\s*\d+)*", re.IGNORECASE)


def _about(finding) -> tuple[str, str, str]:
    """What a finding is about: its rule, data path and message, less the line numbers the message may give."""
    return finding.rule, finding.path or "", _PLACES.sub(r"\1", finding.message)


def fingerprint(finding, occurrence: int, about: tuple[str, str, str] | None = None) -> str:
    """What the finding is about, hashed, with which of identical ones it is."""
    identity = "\0".join((*(about or _about(finding)), str(occurrence)))
    return hashlib.sha256(identity.encode("utf-8", "backslashreplace")).hexdigest()


def _results(report, rule_index: dict[str, int]) -> list[dict]:
    out = []
    for file_result in report.results:
        seen: dict[tuple, int] = {}
        for finding in file_result.findings:
            about = _about(finding)
            seen[about] = seen.get(about, 0) + 1
            result = _result(finding, rule_index)
            result["partialFingerprints"] = {FINGERPRINT: fingerprint(finding, seen[about], about)}
            out.append(result)
    return out


def _result(finding, rule_index: dict[str, int]) -> dict:
    location: dict = {"artifactLocation": artifact_location(finding.file)}
    if finding.line >= 1:
        location["region"] = {"startLine": finding.line}
        if finding.col >= 1:
            location["region"]["startColumn"] = finding.col
    result = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    extra = {"dataPath": finding.path, "schemaPath": finding.schema_path, "detail": finding.detail}
    extra = {key: value for key, value in extra.items() if value}
    if extra:
        result["properties"] = extra
    return result


def _notifications(report) -> list[dict]:
    """Files that could not be read, and arguments that named no plan: the run did not cover them."""
    notes = [
        {
            "level": "error",
            "message": {"text": r.io_error},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.file)}}],
        }
        for r in report.results
        if r.io_error
    ]
    return notes + [{"level": "error", "message": {"text": problem}} for problem in report.problems]


def as_sarif(report) -> dict:
    described = rules()
    rule_index = {rule["id"]: n for n, rule in enumerate(described)}
    invocation = {"executionSuccessful": report.exit_code != USAGE, "exitCode": report.exit_code}
    notifications = _notifications(report)
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plantool",
                        "version": report.version,
                        "semanticVersion": report.version,
                        "informationUri": INFORMATION_URI,
                        "rules": described,
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": _directory_uri(Path.cwd())}},
                "columnKind": "unicodeCodePoints",
                "results": _results(report, rule_index),
            }
        ],
    }


def write(report, out: TextIO) -> None:
    out.write(json_text(as_sarif(report), out) + "\n")  # whole, and readable whatever the plan holds
