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


def all_strings(value) -> list[str]:
    """Every string in plan data, depth first: what a test searches for words the plan holds."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for child in value.values() for s in all_strings(child)]
    if isinstance(value, list):
        return [s for child in value for s in all_strings(child)]
    return []


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


# -- a plan whose initiatives are one sentence each, as many councils list them --------------

_DONE = ("Moved", "Replaced", "Brought together", "Automated", "Closed", "Shared", "Retendered", "Digitised", "Redesigned", "Reviewed")
_WHAT = (
    "the garden waste subscription service", "housing repairs scheduling", "the council tax helpline",
    "two customer service desks", "the planning validation team", "payroll and expenses processing",
    "the bulky waste booking system", "street lighting maintenance", "the licensing back office",
    "school admissions appeals", "the fleet of refuse vehicles", "community centre bookings",
)
_WHY = (
    "so residents can do it online at any time of day",
    "which cut the time to answer a call by half",
    "saving staff time that now goes to complex cases",
    "with a neighbouring council, sharing one manager",
    "and lowered running costs by about a fifth",
    "so that fewer enquiries need a second contact",
    "freeing a building for community use",
)


def one_sentence_initiatives(count: int) -> list[dict]:
    """`count` initiatives of a status and a one-sentence description each, varied and repeatable."""
    statuses = ("done", "under_way", "planned")
    items = []
    for index in range(count):
        sentence = f"{_DONE[index % len(_DONE)]} {_WHAT[index % len(_WHAT)]} {_WHY[index % len(_WHY)]}."
        items.append({"status": statuses[index % len(statuses)], "description": sentence})
    return items


def many_initiatives_plan(count: int = 120) -> dict:
    """The complete fixture with `count` one-sentence initiatives shared among the themes that list initiatives."""
    data = complete_plan()
    themes = [key for key, node in load_schema().themes() if "initiatives" in load_schema().object_branch(node)["properties"]]
    items = one_sentence_initiatives(count)
    share = -(-count // len(themes))
    for number, theme in enumerate(themes):
        data["themes"][theme]["initiatives"] = items[number * share : (number + 1) * share]
    return data


def put_each(data, edits):
    """Put each (tuple path, value) in place, skipping a path an earlier edit cut off; returns the data."""
    for path, value in edits:
        try:
            put(data, path, value)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier edit replaced a parent of this path
    return data
