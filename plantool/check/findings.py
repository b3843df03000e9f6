"""What a check reports, and how findings turn into an exit code."""

from __future__ import annotations

from dataclasses import dataclass

from plantool.exit_codes import CLEAN, ERRORS

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Finding:
    """One problem at one place in one file. Lines and columns count from 1."""

    file: str
    line: int
    col: int
    severity: str
    rule: str
    message: str
    path: str = ""  # dotted data path, e.g. disclosures.agency_staff.spend
    schema_path: str = ""  # JSON pointer into the schema, for schema findings
    detail: str = ""  # the underlying tool's own words (e.g. the YAML parser's), for those who want them

    def sort_key(self):
        return (self.file, self.line, self.col, self.rule, self.message)


def exit_code(findings, *, strict: bool = False) -> int:
    """0 clean (warnings allowed unless strict), 1 errors."""
    failing = {ERROR, WARNING} if strict else {ERROR}
    return ERRORS if any(f.severity in failing for f in findings) else CLEAN
