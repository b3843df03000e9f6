"""Build plans in tests from the complete fixture, and check them in-process."""

from __future__ import annotations

import copy
import io
from pathlib import Path

from ruamel.yaml import YAML

from plantool.check import runner as checker
from plantool.plan import loader as document
from plantool.plan.schema import load_schema

COMPLETE = Path(__file__).resolve().parent / "fixtures" / "complete.plan.yaml"


def complete_plan() -> dict:
    """A fresh copy of the complete fixture's data."""
    return copy.deepcopy(document.load(COMPLETE).data)


def to_yaml(data) -> str:
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(data, out)
    return out.getvalue()


def check_text(text: str, path: str = "plan.plan.yaml"):
    doc = document.Document(path=path, text=text)
    return checker.check_document(document.parse(text, doc), load_schema())


def check_data(data):
    return check_text(to_yaml(data))


def findings(data_or_text, rule: str | None = None):
    result = check_text(data_or_text) if isinstance(data_or_text, str) else check_data(data_or_text)
    return [f for f in result.findings if rule is None or f.rule == rule]


def at(data: dict, dotted_path: str, value) -> dict:
    """Set a value by dotted path (creating mappings), and return the data."""
    parts = dotted_path.split(".")
    target = data
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value
    return data


def drop(data: dict, dotted_path: str) -> dict:
    parts = dotted_path.split(".")
    target = data
    for part in parts[:-1]:
        target = target[part]
    del target[parts[-1]]
    return data


def all_paths(data, path=()) -> list[tuple]:
    """Every key and list item in the data, sections included, as tuple paths."""
    found = [path] if path else []
    if isinstance(data, dict):
        found += [p for key, value in data.items() for p in all_paths(value, path + (key,))]
    elif isinstance(data, list):
        found += [p for index, value in enumerate(data) for p in all_paths(value, path + (index,))]
    return found


def put(data, path: tuple, value):
    """Set a value by tuple path (keys and list indexes), and return the data."""
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data
