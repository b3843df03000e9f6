"""Completeness and consistency rules, one module per rule (the yamllint pattern).

Each rule module has:
- ID: the rule id shown in output and used to silence it;
- SEVERITY: "gap" (a warning in a draft, an error once approved or published),
  or a fixed "error", "warning" or "info";
- a docstring whose first line says what it checks, followed by PASS and FAIL
  examples; `plantool rules` prints it;
- check(ctx) yielding Problem objects.

The examples are run by the rule's test module (tests/rules/test_<rule>.py), so
write them to be run: separate examples by a blank line; a YAML example is put
into a complete plan where its first key belongs (name the section when the key
is found in several, e.g. `agency_staff:` above `share:`); any other example is
the text of an answer.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from plantool.check.findings import ERROR, WARNING
from plantool.check.semantics import is_figure
from plantool.plan.schema import is_free_text, value_at
from plantool.plan.status import DRAFT, SIGNED_OFF

# Order is the order `plantool rules` lists them in.
RULE_MODULES = (
    "unanswered",
    "not_available",
    "placeholder",
    "empty_label",
    "percentage",
    "percent_range",
    "facility_time",
    "gss_code",
    "council_register",
    "approval_record",
    "approval_date",
    "publication_url",
    "link_text",
    "link_scheme",
    "plan_length",
    "review_needed",
    "unmapped_content",
    "comment_in_answer",
    "truncated_text",
    "question_as_answer",
    "non_answer",
    "broken_figure",
    "misnamed",
    "staging_url",
    "approved_after_submission",
)

# Problems with the file as a whole. No comment silences them: a plan that is not
# readable YAML, or does not fit the schema, cannot be checked or published.
FILE_LEVEL_RULES = ("file-format", "yaml-syntax", "yaml-limits", "duplicate-key", "schema")

# Findings the loader, the schema and the silencing of rules produce, documented beside the rules.
BUILTIN_RULES = {
    "file-format": "The file is not a readable UTF-8 YAML text file (binary, wrong encoding, empty, or too large).",
    "yaml-syntax": "The file is not valid YAML (the common mistakes are explained where they were made), "
    "or uses YAML features a plan does not allow (merge keys, complex keys).",
    "yaml-tag": "A YAML tag such as !!python/object; plans are plain data and tags are refused.",
    "yaml-limits": "Hostile structure refused: alias expansion beyond the limit, alias cycles, or nesting too deep.",
    "duplicate-key": "The same key twice in one mapping; YAML would silently keep only the last one.",
    "schema": "The plan does not fit the schema: unknown key, wrong type, value not allowed, missing required field.",
    "silence-refused": f"A '# plantool: disable=' or 'disable-file=' comment names a file-level rule "
    f"({', '.join(FILE_LEVEL_RULES)}); those cannot be silenced, so it silences nothing for that rule.",
}
BUILTIN_SEVERITY = {"silence-refused": WARNING}  # the others are errors


@dataclass(frozen=True)
class Problem:
    """What a rule reports: where (a data path), what, and optionally how serious."""

    path: tuple
    message: str
    severity: str | None = None
    key: bool = False  # point at the key (e.g. a missing child's parent) rather than the value
    at: tuple[int, int] | None = None  # (line index, column index) inside a text value
    line_col: tuple[int, int] | None = None  # a place in the file itself, e.g. a comment


class Context:
    """What rules may look at: the data, the document's positions, and the schema."""

    def __init__(self, document, schema):
        self.document = document
        self.schema = schema
        self.data = document.data if isinstance(document.data, dict) else {}

    @cached_property
    def status(self) -> str:
        plan = self.data.get("plan")
        status = plan.get("status") if isinstance(plan, dict) else None
        return status if status in (DRAFT, *SIGNED_OFF) else DRAFT

    @cached_property
    def values(self) -> list[tuple[tuple, Any, dict | None]]:
        """Every value with its path and schema node, walked once and shared by all rules."""
        return self.schema.walk_data(self.data)

    @cached_property
    def questions(self) -> list:
        """The state of every schema question, shared by the unanswered rule and the summary."""
        from plantool.plan.questions import survey

        return survey(self)

    @cached_property
    def strings(self) -> list[tuple[tuple, str, dict | None]]:
        """Every text value, with its path and schema node (worked out once, read by several rules)."""
        return [(path, value, node) for path, value, node in self.values if isinstance(value, str)]

    @cached_property
    def all_text(self) -> str:
        """Every text value joined: one search of it tells a rule whether any text can concern it."""
        return "\n".join(value for _, value, _ in self.strings)

    @cached_property
    def texts(self) -> list[tuple[tuple, str]]:
        """Free-text fields, where the markup subset applies."""
        return [(path, value) for path, value, node in self.strings if is_free_text(node)]

    def get(self, path, default=None):
        return value_at(self.data, path, default)

    def gap_severity(self) -> str:
        return WARNING if self.status == DRAFT else ERROR


def load_rules() -> list:
    return [importlib.import_module(f"{__name__}.{name}") for name in RULE_MODULES]


def severity_of(rule, problem: Problem, ctx: Context) -> str:
    severity = problem.severity or rule.SEVERITY
    return ctx.gap_severity() if severity == "gap" else severity


def offset_place(text: str, offset: int) -> tuple[int, int]:
    """(line index, column index) of a character of a text value, for Problem.at."""
    return text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1)


def number(value) -> float | None:
    """A figure as a float, or None for gaps, not-available declarations, text, and numbers that are
    not real figures (.inf, .nan, integers beyond a float's range: the schema reports those)."""
    return float(value) if is_figure(value) else None
