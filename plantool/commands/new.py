"""`plantool new`: resolve the council, ask for what is missing on a terminal, write the scaffold.

Plans are named *.plan.yaml: that is the convention the pre-commit hook and
`check DIRECTORY` look for. A copy of the schema is written beside the plan so
the editor modeline works offline and the same on every colleague's machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TextIO

from plantool import __version__
from plantool.exit_codes import CLEAN, ERRORS, USAGE
from plantool.plan.paths import display_name
from plantool.plan.period import PERIOD
from plantool.plan.schema import SCHEMA_NAME
from plantool.plan.schema_copy import modeline

PLAN_NAME = re.compile(r"\.plan\.ya?ml$")


class NewPlanError(Exception):
    """A one-line reason `new` cannot go on: exit 2, or with `findings` (check's lines about the old plan) exit 1."""

    def __init__(self, message: str, code: int = USAGE, findings: tuple[str, ...] = ()):
        super().__init__(message)
        self.code = code
        self.findings = findings


# Text options are written into the plan, some of them into comments: a line break would end
# the comment and put the rest outside it, and a lone surrogate (an undecodable byte in the
# argument) cannot be written as UTF-8 at all.
TEXT_OPTIONS = (("--council", "council"), ("--council-type", "council_type"), ("--gss-code", "gss_code"),
                ("--period", "period"), ("--schema-ref", "schema_ref"))
_REFUSED_CATEGORIES = ("Cc", "Cs", "Zl", "Zp")  # control characters (tab and newline too), surrogates, line breaks


def check_plain_text(option: str, value: str) -> None:
    """Refuse an option value YAML could not hold in a comment: control characters, line breaks, surrogates."""
    import unicodedata

    for ch in value:
        if unicodedata.category(ch) in _REFUSED_CATEGORIES or ch in "\ufffe\uffff":
            raise NewPlanError(f"{option} contains a control character or line break (U+{ord(ch):04X}); give it as plain text on one line")


@dataclass
class Options:
    path: Path
    council: str | None = None
    council_type: str | None = None
    gss_code: str | None = None
    period: str | None = None
    from_plan: Path | None = None
    schema_ref: str | None = None
    force: bool = False
    warnings: list[str] = field(default_factory=list)


def valid_period(period: str) -> str:
    match = PERIOD.match(period.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise NewPlanError(f"period '{period}' is not a financial year written like 2025/26")
    return period.strip()


def check_type_and_code(schema, council_type: str | None, gss_code: str | None) -> None:
    """The same tests `check` applies (schema enum and pattern, gss-code-type rule)."""
    from plantool.check.semantics import pattern_finds

    council = schema.node_at(("council",)) or {}
    types = [t for t in (schema.child(council, "type") or {}).get("enum", []) if t]
    if council_type and council_type not in types:
        raise NewPlanError(f"council type '{council_type}' is not one of: {', '.join(types)}")
    if gss_code:
        pattern = (schema.child(council, "gss_code") or {}).get("pattern", "")
        if pattern and not pattern_finds(pattern, gss_code):
            raise NewPlanError(f"GSS code '{gss_code}' is not E followed by eight digits, like E10000007")
        prefixes = schema.annotation("x-plantool-gss-prefixes", {}).get(council_type or "")
        if prefixes and gss_code[:3] not in prefixes:
            raise NewPlanError(f"GSS code {gss_code} starts {gss_code[:3]}, but a {council_type} council's code starts {' or '.join(prefixes)}")


def resolve_council(options: Options, choose: Callable | None) -> dict[str, str]:
    """Name, type and code from the register, checked against any explicit options."""
    from plantool.register import Ambiguous, NotFound, RegisterError, load_register

    given_type, given_code = options.council_type, (options.gss_code or "").upper() or None
    if not options.council and not given_code:
        return {"type": given_type} if given_type else {}
    try:
        register = load_register()
        council = register.resolve(options.council) if options.council else register.by_code(given_code)
    except RegisterError as exc:
        raise NewPlanError(str(exc)) from None
    except Ambiguous as exc:
        if choose is None:
            listed = "; ".join(f"{c.name} ({c.gss_code})" for c in exc.candidates[:10])
            raise NewPlanError(f"'{exc.query}' matches {len(exc.candidates)} councils: {listed}; give the full name or the GSS code") from None
        council = choose(exc.candidates)
    except NotFound as exc:
        if given_type and given_code:
            options.warnings.append(
                f"'{options.council}' is not in the council register; using the type and GSS code you gave"
            )
            return {"name": options.council, "type": given_type, "gss_code": given_code}
        raise NewPlanError(f"{exc}; a council newer than the register needs --council-type and --gss-code") from None
    if council is None:  # a code the register does not hold
        options.warnings.append(f"GSS code {given_code} is not in the council register; check it")
        found = {"gss_code": given_code}
        if given_type:
            found["type"] = given_type
        return found
    if given_type and given_type != council.type:
        raise NewPlanError(f"the register holds {council.name} ({council.gss_code}) as a {council.type} council, not {given_type}")
    if given_code and given_code != council.gss_code:
        raise NewPlanError(f"the register holds {council.name} with GSS code {council.gss_code}, not {given_code}")
    return {"name": council.name, "type": council.type, "gss_code": council.gss_code}


def header(name: str, schema_ref: str | None, council: str | None, period: str | None) -> list[str]:
    whose = " ".join(p for p in (council, period) if p) or "a council"
    return [
        modeline(schema_ref),
        f"# Productivity plan for {whose}, started with plantool {__version__}.",
        "# Replace every TODO with your answer, fill in the figures, then run:",
        f"#   plantool check {name}",
        "# Lines starting with # are guidance; keep or delete them, check ignores them.",
        "# Any figure you cannot give may be written as {not_available: 'the reason'}.",
    ]


def run_new(options: Options, *, interactive: bool, ask: Any = None, err: TextIO) -> int:
    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.plan import schema_copy
    from plantool.plan.schema import load_schema

    schema = load_schema()
    path = options.path
    shown = display_name(path)
    try:
        for option, attribute in TEXT_OPTIONS:
            if getattr(options, attribute):
                check_plain_text(option, getattr(options, attribute))
        if path.exists() and not options.force:
            raise NewPlanError(f"{shown}: already exists; use --force to replace it (nothing was changed)")
        if not path.parent.is_dir() and str(path.parent):
            raise NewPlanError(f"{shown}: directory {display_name(path.parent)} does not exist")
        if options.period:
            options.period = valid_period(options.period)
        if options.from_plan is not None:
            text = rolled_forward(options, schema)
        else:
            asking = interactive and ask is not None
            if asking and not options.council and not options.gss_code:
                options.council = ask.text("Council (name, short name or GSS code; blank to skip)") or None
            found = resolve_council(options, ask.choose if asking else None)
            if asking and not options.period:
                options.period = ask_period(ask)
            check_type_and_code(schema, found.get("type"), found.get("gss_code"))
            text = scaffold(options, schema, found)
    except NewPlanError as exc:
        err.write("".join(line + "\n" for line in exc.findings))
        err.write(f"plantool: error: {exc}\n")
        return exc.code
    writes = [(path, text, options.force)]
    copy = schema_copy.copy_beside(path, schema) if options.schema_ref is None else None
    if copy:
        writes.append((*copy, True))
    try:
        for target, content, force in writes:
            atomic_write(target, content.encode("utf-8"), force=force)
    except WriteError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    for warning in options.warnings:
        err.write(f"plantool: warning: {warning}\n")
    if not PLAN_NAME.search(path.name):
        err.write(f"plantool: warning: {path.name} does not end in .plan.yaml, so the pre-commit hook will not check it\n")
    err.write(f"wrote {shown}" + (f" and {SCHEMA_NAME} (for editor help)" if copy else "") + "\n")
    todo = "review each answer marked '# plantool: review'" if options.from_plan else "fill in each TODO"
    err.write(f"next: {todo}, then run `plantool check {shown}`\n")
    return CLEAN


def scaffold(options: Options, schema, found: dict) -> str:
    from plantool.plan.status import DRAFT
    from plantool.scaffold.blank import scaffold_text

    values: dict[tuple, Any] = {("plan", "status"): DRAFT}
    for key in ("name", "type", "gss_code"):
        if found.get(key):
            values[("council", key)] = found[key]
    if options.period:
        values[("plan", "period")] = options.period
        values[("plan", "title")] = f"Productivity Plan {options.period}"
    return scaffold_text(schema, values, header(display_name(options.path.name), options.schema_ref, found.get("name"), options.period))


def rolled_forward(options: Options, schema) -> str:
    from plantool.scaffold.rollforward import RollForwardError, roll_forward

    from plantool.plan import loader

    source = options.from_plan
    # The plan loader reads it first, with every limit `check` has (size, depth, aliases,
    # tags, encoding): a file it refuses is refused here with the same findings and exit code,
    # and only a file it read cleanly is given to the round-trip parser.
    try:
        doc = loader.load(source)
    except loader.PlanIOError as exc:
        raise NewPlanError(str(exc)) from None
    if doc.problems:
        from plantool.check.findings import ERROR, Finding
        from plantool.check.reports.text import finding_line

        lines = tuple(finding_line(Finding(doc.path, p.line, p.col, ERROR, p.rule, p.message)) for p in doc.problems)
        raise NewPlanError(f"{doc.path}: cannot roll forward a file check refuses; fix the error(s) above first", ERRORS, lines)
    try:
        new_text, old, new = roll_forward(doc.text, schema, options.period)
    except RollForwardError as exc:
        raise NewPlanError(f"{doc.path}: cannot roll forward: {exc}") from None
    first_line = modeline(options.schema_ref)
    new_text, replaced = re.subn(r"(?m)^# yaml-language-server: \$schema=.*$", lambda _: first_line, new_text, count=1)
    if not replaced:
        new_text = f"{first_line}\n{new_text}"
    options.warnings.append(f"rolled forward from {old or 'the old plan'} to {new}; status set to draft, approval and publication record cleared")
    return new_text


def ask_period(ask) -> str | None:
    """Ask until the answer is a financial year, or blank."""
    while True:
        answer = ask.text("Plan period, like 2025/26 (blank to skip)")
        if not answer:
            return None
        try:
            return valid_period(answer)
        except NewPlanError as exc:
            ask.say(str(exc))


class TerminalQuestions:
    """rich prompts, used only when stdin and stdout are both terminals."""

    def __init__(self):
        from rich.console import Console

        self.console = Console(stderr=True)

    def text(self, question: str) -> str:
        from rich.prompt import Prompt

        return Prompt.ask(question, default="", show_default=False, console=self.console).strip()

    def say(self, message: str) -> None:
        self.console.print(message)

    def choose(self, candidates):
        from rich.prompt import IntPrompt

        shown = candidates[:20]
        for number, council in enumerate(shown, start=1):
            self.console.print(f"  {number}. {council.name} ({council.gss_code}, {council.type})")
        choice = IntPrompt.ask("Which council?", choices=[str(n) for n in range(1, len(shown) + 1)], console=self.console)
        return shown[choice - 1]
