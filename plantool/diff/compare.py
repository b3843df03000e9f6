"""Compare two loaded plans: the checks on the pair, then each part of the plan in turn.

`load_plan` turns every way an input can fail to be a plan into one line
naming the file. `compare` refuses two different councils (by GSS code, or by
name when a code is missing) unless forced, and warns when this year's plan
does not cover the year after last year's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plantool.diff import answers, barriers, figures, initiatives, labels
from plantool.diff.model import Comparison, PlanSide, Titles
from plantool.plan import loader


class DiffError(Exception):
    """A one-line reason the comparison cannot be made (exit 2)."""


def load_plan(path: Path) -> loader.Document:
    """A plan to compare, or DiffError naming the file: missing, unreadable, not YAML, or not a plan."""
    try:
        doc = loader.load(path)
    except loader.PlanIOError as exc:
        raise DiffError(str(exc)) from None
    if doc.data is None:
        problem = doc.problems[0] if doc.problems else None
        where = f"{path}:{problem.line}:{problem.col}" if problem else str(path)
        raise DiffError(f"{where}: cannot compare it: {problem.message if problem else 'it holds no data'}")
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("plan"), dict):
        raise DiffError(f"{path}: not a plan: it has no 'plan' section")
    return doc


def side(doc: loader.Document) -> PlanSide:
    council = doc.data.get("council") if isinstance(doc.data.get("council"), dict) else {}
    plan = doc.data["plan"]

    def text(value: Any) -> str | None:
        return str(value).strip() or None if value is not None else None

    return PlanSide(doc.path, text(council.get("name")), text(council.get("gss_code")), text(plan.get("period")), text(plan.get("status")))


def same_council(last: PlanSide, this: PlanSide) -> bool:
    """By GSS code when both give one; otherwise by name, when both give one; unknown counts as the same."""
    if last.gss_code and this.gss_code:
        return last.gss_code.strip().upper() == this.gss_code.strip().upper()
    if last.council and this.council:
        return " ".join(last.council.casefold().split()) == " ".join(this.council.casefold().split())
    return True


def council_text(plan: PlanSide) -> str:
    name = plan.council or labels.NO_COUNCIL
    return f"{name} ({plan.gss_code})" if plan.gss_code else name


def period_warning(last: PlanSide, this: PlanSide) -> str | None:
    from plantool.scaffold.rollforward import RollForwardError, next_period

    names = {"last_file": Path(last.file).name, "this_file": Path(this.file).name}
    try:
        expected = next_period(last.period or "")
        next_period(this.period or "")  # this year's must be a financial year too
    except RollForwardError as exc:
        return labels.PERIOD_UNKNOWN.format(reason=str(exc).split(";")[0], **names)
    if this.period != expected:
        return labels.NOT_NEXT_PERIOD.format(last=last.period, this=this.period, **names)
    return None


def definition(schema, name: str) -> dict:
    """A shared definition of the schema ($defs), with its references followed."""
    return schema.resolve((schema.raw.get("$defs") or {}).get(name) or {})


def titles(schema) -> Titles:
    initiatives_node = definition(schema, "initiatives")
    initiative_node = schema.child(initiatives_node, 0) or {}
    barrier_themes = [node for _, node in schema.themes() if any(True for _ in _barrier_lists(schema, node))]
    barriers_node = barrier_themes[0] if barrier_themes else {}
    return Titles(
        initiatives=initiatives_node.get("title", "Initiatives"),
        initiative=initiative_node.get("title", "Initiative"),
        status=(schema.child(initiative_node, "status") or {}).get("title", "Status"),
        disclosures=(schema.node_at(("disclosures",)) or {}).get("title", "Disclosures"),
        barriers=barriers_node.get("title", "Barriers"),
        barrier=definition(schema, "barrier").get("title", "Barrier"),
        savings=(schema.child(initiative_node, "savings") or {}).get("title", "Savings"),
    )


def _barrier_lists(schema, theme: dict):
    for child in schema.object_branch(theme).get("properties", {}).values():
        if (child.get("items") or {}).get("$ref") == "#/$defs/barrier":
            yield child


def compare(schema, last_doc: loader.Document, this_doc: loader.Document, *, force: bool = False, this_findings=()) -> Comparison:
    """The whole comparison. `this_findings` are check's findings on this year's plan (for its review marks)."""
    last, this = side(last_doc), side(this_doc)
    warnings = []
    if not same_council(last, this):
        words = {"last_file": Path(last.file).name, "this_file": Path(this.file).name, "last": council_text(last), "this": council_text(this)}
        if not force:
            raise DiffError(labels.DIFFERENT_COUNCILS.format(**words) + "; use --force to compare them anyway")
        warnings.append(labels.FORCED_COUNCILS.format(**words))
    period = period_warning(last, this)
    if period:
        warnings.append(period)
    periods = (last.period or labels.UNKNOWN_PERIOD, this.period or labels.UNKNOWN_PERIOD)
    marks = answers.review_marks(schema, this_doc, this_findings)
    return Comparison(
        last=last,
        this=this,
        warnings=tuple(warnings),
        titles=titles(schema),
        initiatives=initiatives.compare(schema, last_doc.data, this_doc.data),
        disclosures=figures.compare(schema, last_doc.data, this_doc.data, periods),
        barriers=barriers.compare(schema, last_doc.data, this_doc.data),
        answers=answers.compare(schema, last_doc.data, this_doc.data, marks),
        review_marks=marks,
    )
