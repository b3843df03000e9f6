"""A quick, certain "yes" for plans that fit the schema, without importing jsonschema.

Most plans checked (every commit, a national sweep) fit the schema, and
jsonschema costs about 100 ms to import and most of a millisecond per plan to
run. So the schema is compiled once into plain closures that answer one
question: does this data certainly fit? They answer True only when
jsonschema would report no errors; anything unusual (a keyword not handled
here, a float where an integer is due, a non-text enum value) answers False,
and the caller then asks jsonschema, which gives the exact findings. A wrong
False costs time; a wrong True would hide an error, so every check below is
the strict reading of its keyword. Tests hold this to jsonschema on every
example and on generated plans.
"""

from __future__ import annotations

from typing import Any, Callable

from plantool.check.semantics import ecma_pattern, is_figure
from plantool.plan.schema import SchemaError, follow_pointer

Check = Callable[[Any], bool]

# Keywords that only describe: they never make data invalid.
_ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated"}

_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    # a float such as 3.0 counts as an integer for jsonschema; leave such cases to it.
    # Numbers are finite figures (see semantics): .inf, .nan and 400-digit integers are not.
    "integer": lambda v: isinstance(v, int) and is_figure(v),
    "number": is_figure,
}


def _never(_value: Any) -> bool:
    return False


def compile_schema(raw: dict) -> Check:
    """A function of plan data: True when it certainly fits `raw`, else False."""
    compiled: dict[int, Check] = {}

    def follow(ref: str) -> dict | None:
        try:
            target = follow_pointer(raw, ref)
        except SchemaError:
            return None  # a reference elsewhere, or to nothing: jsonschema decides
        return target if isinstance(target, dict) else None

    def build(node: Any) -> Check:
        if node is True or node == {}:
            return lambda _v: True
        if not isinstance(node, dict):
            return _never
        if id(node) in compiled:
            return compiled[id(node)]
        # a placeholder breaks reference cycles; a cyclic schema is left to jsonschema
        compiled[id(node)] = _never
        checks: list[Check] = []
        for keyword, value in node.items():
            if keyword in _ANNOTATIONS or keyword.startswith("x-") or keyword in ("properties", "additionalProperties"):
                continue
            check = _keyword(keyword, value)
            if check is None:
                return _never  # something not handled here: the placeholder stays, so jsonschema decides
            checks.append(check)
        if "properties" in node or "additionalProperties" in node:
            checks.append(_object(node.get("properties", {}), node.get("additionalProperties", True)))
        compiled[id(node)] = _all(checks)
        return compiled[id(node)]

    def _object(properties: dict, additional: Any) -> Check:
        children = {name: build(child) for name, child in properties.items()}
        extra = None if additional is True else build(additional)

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for key, item in value.items():
                child = children.get(key) if isinstance(key, str) else None
                if child is not None:
                    if not child(item):
                        return False
                elif extra is not None and not extra(item):
                    return False
            return True

        return check

    def _keyword(keyword: str, value: Any) -> Check | None:
        if keyword == "$ref":
            target = follow(value) if isinstance(value, str) else None
            return build(target) if target is not None else None
        if keyword == "type":
            names = [value] if isinstance(value, str) else value
            if not isinstance(names, list) or any(name not in _TYPES for name in names):
                return None
            tests = [_TYPES[name] for name in names]
            return lambda v: any(test(v) for test in tests)
        if keyword == "required":
            if not isinstance(value, list):
                return None
            names = tuple(value)
            return lambda v: not isinstance(v, dict) or all(name in v for name in names)
        if keyword == "enum":
            if not isinstance(value, list):
                return None
            # text and whole numbers only, matched with their type: True is not 1 to jsonschema
            allowed = {(type(item), item) for item in value if type(item) in (str, int)}
            allows_null = None in value
            return lambda v: (v is None and allows_null) or (type(v) in (str, int) and (type(v), v) in allowed)
        if keyword == "anyOf":
            if not isinstance(value, list) or not value:
                return None
            options = [build(option) for option in value]
            return lambda v: any(option(v) for option in options)
        if keyword == "items":
            if isinstance(value, list):
                return None  # the older tuple form means something else; leave it to jsonschema
            item_check = build(value)
            return lambda v: not isinstance(v, list) or all(item_check(item) for item in v)
        if keyword == "pattern":
            if not isinstance(value, str):
                return None
            pattern = ecma_pattern(value)  # ECMA-262: `$` is the end of the text, never before a final newline
            return lambda v: not isinstance(v, str) or pattern.search(v) is not None
        if keyword == "minLength":
            if not isinstance(value, int) or isinstance(value, bool):
                return None
            return lambda v: not isinstance(v, str) or len(v) >= value
        if keyword == "minimum":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return None
            return lambda v: not _TYPES["number"](v) or v >= value
        return None

    return build(raw)


def _all(checks: list[Check]) -> Check:
    if not checks:
        return lambda _v: True
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(check(v) for check in checks)
