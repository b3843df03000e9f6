"""Turn jsonschema's errors into findings a council officer can act on."""

from __future__ import annotations

import difflib
import re

from plantool.check.findings import ERROR
from plantool.check.semantics import not_a_figure
from plantool.plan.schema import Schema, dotted

RULE = "schema"

_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "object": "a set of named fields",
    "array": "a list",
    "boolean": "true or false",
    "null": "empty",
}


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a set of named fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _number_hint(value) -> str:
    """Suggest the plain number an author probably meant ('£166,275' -> 166275, '£1.2m' -> 1200000)."""
    if not isinstance(value, str):
        return ""
    from plantool.money import amount

    number = amount(re.sub(r"[%\s]", "", value))  # '4.1 %' -> 4.1, '£ 1.2 m' -> 1200000
    if number is None:
        return ""
    shown = int(number) if number == int(number) else number
    return f"; write it as a plain number: {shown}"


def _accepts_not_available(schema: Schema, path: tuple) -> bool:
    from plantool.plan.questions import accepts_not_available

    return accepts_not_available(schema, schema.node_at(path))


def _plain_types(schema_node: dict) -> list[str]:
    types = schema_node.get("type", [])
    return [types] if isinstance(types, str) else list(types)


def findings_from_errors(schema: Schema, data, position, file: str) -> list:
    """Validate and convert every error; `position(path, key=)` gives (line, col).

    Data that certainly fits is passed without jsonschema (see prevalidate), so
    a clean plan never pays for importing it.
    """
    from plantool.check.findings import Finding

    if schema.certainly_fits(data):
        return []
    out = []
    for error in schema.validator().iter_errors(data):
        error = _pick(error)
        path = tuple(error.absolute_path)
        message, point_path, key = _message(schema, error, path)
        line, col = position(point_path, key=key)
        out.append(
            Finding(
                file=file,
                line=line,
                col=col,
                severity=ERROR,
                rule=RULE,
                message=message,
                path=dotted(point_path),
                schema_path="#/" + "/".join(str(p) for p in error.absolute_schema_path),
            )
        )
    return out


def _pick(error):
    """For 'number or not_available' fields, report the branch the author meant, at any depth."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        error = _branch_meant(error)
    return error


def _branch_meant(error):
    """The error of the branch whose type the value has: -5 is a number that is too small, not a
    malformed {not_available: …}. A value of no branch's type gets the plain branch's type error."""
    from jsonschema.exceptions import best_match

    branches: dict = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    for subs in branches.values():
        if not any(sub.validator == "type" and not sub.relative_path for sub in subs):
            return subs[0]
    value = error.instance
    for sub in error.context:
        if sub.validator == "type" and not isinstance(value, dict):
            return sub
    return best_match(error.context)


def _message(schema: Schema, error, path: tuple) -> tuple[str, tuple, bool]:
    label = schema.label(path)
    where = dotted(path) or "top level"
    value = error.instance
    kind = error.validator
    if kind == "required":
        missing = re.findall(r"'([^']+)'", error.message)[:1]
        child = missing[0] if missing else "?"
        child_node = schema.node_at(path + (child,)) or {}
        title = child_node.get("title", child)
        return f"{label}: '{child}' ({title}) is missing ({dotted(path + (child,))})", path + (child,), True
    if kind == "additionalProperties":
        allowed = list((schema.object_branch(error.schema) or {}).get("properties", {}))
        extras = [key for key in value if key not in allowed] if isinstance(value, dict) else []
        key = extras[0] if extras else "?"
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; expected one of: {', '.join(allowed)}"
        return f"{label}: unknown key '{key}'{hint} ({dotted(path + (key,))})", path + (key,), True
    if kind == "type":
        wrong_number = not_a_figure(value)
        if wrong_number and {"number", "integer"} & set(_plain_types(error.schema)):
            return f"{label}: {_describe(value)} {wrong_number} ({where})", path, False
        expected = " or ".join(_TYPE_WORDS.get(t, t) for t in _plain_types(error.schema) if t != "null")
        hint = _number_hint(value) if "number" in _plain_types(error.schema) or "integer" in _plain_types(error.schema) else ""
        if not hint and isinstance(value, str) and _accepts_not_available(schema, path):
            hint = "; if the council does not have this figure, write {not_available: 'the reason'} instead"
        return f"{label}: expected {expected}, found {_describe(value)}{hint} ({where})", path, False
    if kind == "enum":
        options = [o for o in error.validator_value if o is not None]
        close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        shown = ", ".join(str(o) for o in options)
        return f"{label}: {_describe(value)} is not one of: {shown}{hint} ({where})", path, False
    if kind == "pattern":
        guidance = (error.schema.get("description") or "").split(". ")[0].rstrip(".")
        return f"{label}: {_describe(value)} is not in the expected form. {guidance}. ({where})", path, False
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{label}: {_describe(value)} must be {error.validator_value} or more ({where})", path, False
    if kind == "minLength":
        return f"{label}: must not be empty ({where})", path, False
    return f"{label}: {error.message} ({where})", path, False
