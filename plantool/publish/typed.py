"""The plan's data as the schema types it: what the published plan's builder may rely on.

`export --draft` exists for plans with errors, and a plan with errors may hold
anything anywhere: text where the schema wants a section, a list of numbers
for a theme, a mapping where a share's base belongs, a list item that is a
number, a figure too large for a float, keys that are numbers. Rather than
guard every step of the builder against every kind, the builder reads the plan
through this one filter, derived from the schema: a part whose type the schema
does not allow there is left out, as if it were absent, so a draft shows that
question as not answered (`check` has reported it already). A plan that fits
the schema passes through unchanged.

Only the shape is judged: a list, a mapping, true or false, or a number that
is no real figure (.nan, 10**400) where the schema wants something else, and
text or a number where it wants a list or a mapping. Text or a real number in
a place for another single value (spend written '£4,500') is kept and shown
as written, as is a value that breaks another rule (a pattern, a minimum, a
choice): a reviewer of the draft sees what the author wrote.
"""

from __future__ import annotations

from typing import Any

from plantool.check.semantics import is_figure, is_whole_figure

_ABSENT = object()  # what `_kept` returns for a part the schema does not allow


def well_typed(schema, data: Any) -> dict:
    """The plan with every wrongly typed part left out; {} for data that is not a mapping at all."""
    kept = _kept(schema, data, schema.resolve(schema.raw))
    return kept if isinstance(kept, dict) else {}


def _json_types(value: Any) -> set[str]:
    """The JSON Schema types `value` has (3 is an integer and a number; .nan and 10**400 are neither)."""
    if value is None:
        return {"null"}
    if isinstance(value, bool):
        return {"boolean"}
    if isinstance(value, (int, float)):
        if not is_figure(value):
            return set()
        return {"integer", "number"} if is_whole_figure(value) else {"number"}
    if isinstance(value, str):
        return {"string"}
    if isinstance(value, list):
        return {"array"}
    if isinstance(value, dict):
        return {"object"}
    return set()


def _declared_types(node: dict) -> set[str] | None:
    """The types a node allows, from `type`, or its choices, or the shape it describes; None when it says nothing."""
    declared = node.get("type")
    if declared is not None:
        return set(declared) if isinstance(declared, list) else {declared}
    if "enum" in node or "const" in node:
        choices = node.get("enum", [node.get("const")])
        return set().union(*(_json_types(choice) for choice in choices))
    if "properties" in node:
        return {"object"}
    if "items" in node:
        return {"array"}
    return None


SINGLE_VALUES = {"string", "number", "integer"}


def _fits(value: Any, node: dict) -> bool:
    """The value has a type the node allows, or is text or a real number where the node wants a single value."""
    allowed = _declared_types(node)
    if allowed is None:
        return True
    found = _json_types(value)
    return bool(found & allowed) or bool(found & SINGLE_VALUES and allowed & SINGLE_VALUES)


def _branches(schema, node: dict) -> list[dict]:
    """The node as each of its anyOf/oneOf options sees it (the node's own keywords, then the option's)."""
    options = [*node.get("anyOf", ()), *node.get("oneOf", ())]
    if not options:
        return [node]
    own = {key: value for key, value in node.items() if key not in ("anyOf", "oneOf")}
    return [{**own, **schema.resolve(option)} for option in options]


def _known_keys(value: Any, branch: dict) -> int:
    properties = branch.get("properties") or {}
    return sum(1 for key in value if key in properties) if isinstance(value, dict) else 0


def _kept(schema, value: Any, node: dict | None) -> Any:
    """The part of `value` the schema node allows (its wrongly typed inner parts left out), or _ABSENT."""
    if node is None:
        return value
    fitting = [branch for branch in _branches(schema, schema.resolve(node)) if _fits(value, branch)]
    if not fitting:
        return _ABSENT
    branch = max(fitting, key=lambda option: _known_keys(value, option))  # a share, not {not_available: …}, for {percent, of}
    if isinstance(value, dict):
        return _kept_mapping(schema, value, branch)
    if isinstance(value, list):
        items = branch.get("items")
        kept = (_kept(schema, item, schema.resolve(items) if isinstance(items, dict) else None) for item in value)
        return [item for item in kept if item is not _ABSENT]
    return value


def _kept_mapping(schema, value: dict, branch: dict) -> dict:
    properties = branch.get("properties") or {}
    extra = branch.get("additionalProperties", True)
    out = {}
    for key, item in value.items():
        if not isinstance(key, str):  # YAML allows numbers, booleans and null as keys; JSON, and so the schema, does not
            continue
        if key in properties:
            child = schema.resolve(properties[key])
        elif extra is False:
            continue
        else:
            child = schema.resolve(extra) if isinstance(extra, dict) else None
        kept = _kept(schema, item, child)
        if kept is not _ABSENT:
            out[key] = kept
    return out
