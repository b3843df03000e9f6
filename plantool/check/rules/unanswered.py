"""A theme prompt or disclosure question has no answer yet.

A question counts as unanswered when its key is missing, empty, or holds only
a placeholder word such as TODO. A prompt the schema lets a table answer (for
example "Service improvements", by initiatives with status done) counts as
answered when the theme lists such initiatives and the prompt is left empty.
A figure the council cannot give is answered honestly with
{not_available: 'reason'}, and the message says so.

A barrier item should also say how the barrier affects the council and what
government could do; when it leaves one implied, that is a suggestion (info),
not a gap, because a barrier described with its ask implied is a legitimate answer.

PASS:
    themes:
      transformation:
        measuring_productivity: We track unit costs against similar councils.

FAIL:
    themes:
      transformation:
        measuring_productivity: TODO
"""

from __future__ import annotations

from plantool.check.findings import INFO
from plantool.check.rules import Problem
from plantool.plan.questions import accepts_not_available, is_blank

ID = "unanswered"
SEVERITY = "gap"

NOT_AVAILABLE_HINT = "If the council does not have this figure, write {not_available: 'the reason'} instead."


def check(ctx):
    missing_sections = set()
    for question in ctx.questions:
        if question.state != "unanswered":
            continue
        path = question.path
        parent = path[:-1]
        if ctx.get(parent) is None and len(parent) >= 2:
            # A whole theme or disclosure section is absent: say it once, naming its questions.
            if parent not in missing_sections:
                missing_sections.add(parent)
                yield _missing_section(ctx, parent)
            continue
        value = ctx.get(path)
        if isinstance(value, str) and value.strip() and not _takes_text(ctx.schema, question.node):
            continue  # text such as 'N/A' where a figure belongs: the schema finding says it, with the way out
        yield Problem(path, _not_answered(ctx, question), key=value is None)
    yield from _expected_fields(ctx)


def _takes_text(schema, node: dict) -> bool:
    options = [schema.resolve(node)] + [schema.resolve(o) for o in schema.resolve(node).get("anyOf", ())]
    for option in options:
        types = option.get("type", ())
        if "string" in ([types] if isinstance(types, str) else types):
            return True
    return False


def _not_answered(ctx, question) -> str:
    message = f"{ctx.schema.label(question.path)}: not answered yet. {question.node.get('x-plantool-question', '')}".rstrip()
    value = ctx.get(question.path)
    if isinstance(value, str) and value.strip().lower().rstrip(".") in ("n/a", "na", "-", "–", "?"):
        message += f" '{value.strip()}' gives no reason: say why it does not apply."
    answered_by = question.node.get("x-plantool-answered-by")
    if isinstance(answered_by, dict) and isinstance(answered_by.get("status"), list):
        statuses = " or ".join(str(s) for s in answered_by["status"])
        message += f" Answer it here, or list the work as {answered_by.get('list')} with status {statuses}."
    if accepts_not_available(ctx.schema, question.node):
        message += f" {NOT_AVAILABLE_HINT}"
    return message


def _missing_section(ctx, section: tuple) -> Problem:
    """One finding for an absent section: which questions it leaves unanswered, and where to add it."""
    titles = [
        q.node.get("title", q.path[-1])
        for q in ctx.questions
        if q.path[: len(section)] == section and q.state == "unanswered"
    ]
    count = f"its {len(titles)} question is" if len(titles) == 1 else f"its {len(titles)} questions are"
    where, line_col = _where_it_goes(ctx, section)
    return Problem(
        section,
        f"{ctx.schema.label(section)}: section missing, so {count} unanswered ({'; '.join(titles)}); {where}",
        key=True,
        line_col=line_col,
    )


def _where_it_goes(ctx, section: tuple) -> tuple[str, tuple[int, int] | None]:
    """What to add, and the place in the file to point at: the key it goes under, or where that key would go."""
    for depth in range(len(section) - 1, 0, -1):
        parent = section[:depth]
        if parent in ctx.document.keys:
            keys = "` with `".join(section[depth:])
            return f"add `{keys}:` under `{parent[-1]}:`", None
    top, rest = section[0], section[1:]
    what = f"add `{top}:` with `{'` with `'.join(rest)}:` under it" if rest else f"add `{top}:`"
    order = list(ctx.schema.raw.get("properties", {}))
    later = [key for key in order[order.index(top) + 1 :] if (key,) in ctx.document.keys] if top in order else []
    if later:
        return f"{what}, before `{later[0]}:`", ctx.document.keys[(later[0],)]
    last_line = max(1, len(ctx.document.lines))
    return f"{what}, at the end of the file", (last_line, 1)


def _expected_fields(ctx):
    """List items whose schema names fields they should carry (x-plantool-expected): suggestions, not gaps."""
    for path, value, node in ctx.values:
        if not (isinstance(value, dict) and node and node.get("x-plantool-expected")):
            continue
        for field in node["x-plantool-expected"]:
            if is_blank(value.get(field)):
                child = ctx.schema.child(node, field) or {}
                name = next((str(v) for v in value.values() if isinstance(v, str) and v.strip()), "")
                yield Problem(
                    path + (field,),
                    f"{ctx.schema.label(path)} '{name}': consider adding '{child.get('title', field)}' ({field}), "
                    "if the text leaves it implied",
                    severity=INFO,
                    key=field not in value,
                )
