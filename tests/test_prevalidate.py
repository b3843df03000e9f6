"""The quick schema pass (prevalidate) never says "fits" where jsonschema finds an error.

`check` skips jsonschema for data the quick pass accepts, so these tests hold
the two to each other: on every example and fixture, on generated YAML data,
and on random mutations of the example plans, the findings are the same with
the quick pass as without it. Keyword tests pin the strict readings that keep
the quick pass on the safe side.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_helpers import complete_plan, to_yaml
from test_properties import EXAMPLE_TEXTS, mutate, yaml_data

from conftest import EXAMPLES, REPO

from plantool.check import runner as checker
from plantool.plan import loader as document
from plantool.check.prevalidate import compile_schema
from plantool.plan.schema import Schema, load_schema

BUDGET = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
PLAN_FILES = sorted(EXAMPLES.glob("*.plan.yaml")) + sorted((REPO / "tests" / "fixtures").glob("*.yaml"))


def jsonschema_errors(data) -> list:
    return list(load_schema().validator().iter_errors(data))


def findings_both_ways(text: str, monkeypatch) -> tuple[list, list]:
    """Findings with the quick pass, then with every document sent to jsonschema."""
    schema = load_schema()

    def as_tuples(result):
        return [(f.line, f.col, f.severity, f.rule, f.message, f.path) for f in result.findings]

    quick = as_tuples(checker.check_document(document.parse(text), schema))
    with monkeypatch.context() as patched:
        patched.setattr(Schema, "certainly_fits", lambda self, data: False)
        exact = as_tuples(checker.check_document(document.parse(text), schema))
    return quick, exact


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_examples_give_the_same_findings_with_and_without_the_quick_pass(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    quick, exact = findings_both_ways(text, monkeypatch)
    assert quick == exact
    data = document.parse(text).data
    if load_schema().certainly_fits(data):
        assert jsonschema_errors(data) == []


def test_clean_examples_take_the_quick_path():
    """Otherwise the speed-up has quietly gone: every plan would pay for jsonschema."""
    for name in ("riverside-2025", "derbyshire-2024", "durham-2024"):
        data = document.load(EXAMPLES / f"{name}.plan.yaml").data
        assert load_schema().certainly_fits(data), name
    flawed = document.load(EXAMPLES / "flawed-2025.plan.yaml").data
    assert not load_schema().certainly_fits(flawed) and jsonschema_errors(flawed)


@BUDGET
@given(yaml_data)
def test_generated_data_never_fits_where_jsonschema_finds_errors(data):
    if load_schema().certainly_fits(data):
        assert jsonschema_errors(data) == []


@BUDGET
@given(st.sampled_from(range(len(EXAMPLE_TEXTS))), st.data())
def test_mutated_plans_give_the_same_findings_with_and_without_the_quick_pass(which, data):
    text = EXAMPLE_TEXTS[which]
    for _ in range(data.draw(st.integers(1, 3))):
        text = mutate(text, data)
    with pytest.MonkeyPatch.context() as monkeypatch:
        quick, exact = findings_both_ways(text, monkeypatch)
    assert quick == exact


@pytest.mark.parametrize(
    ("schema", "value", "fits"),
    [
        ({"enum": [1]}, 1, True),
        ({"enum": [1]}, True, False),  # jsonschema: true is not 1
        ({"enum": ["a", None]}, None, True),
        ({"enum": ["a"]}, "b", False),
        ({"type": "integer"}, 3, True),
        ({"type": "integer"}, 3.0, False),  # jsonschema accepts it; the quick pass leaves it to jsonschema
        ({"type": "integer"}, False, False),
        ({"type": "number"}, True, False),
        ({"type": ["string", "null"]}, None, True),
        ({"minimum": 0}, -1, False),
        ({"minimum": 0}, "text", True),  # minimum only applies to numbers
        ({"minLength": 1}, "", False),
        ({"pattern": "^E\\d{8}$"}, "E07000039", True),
        ({"pattern": "^E\\d{8}$"}, "E0700003", False),
        ({"required": ["a"]}, {"b": 1}, False),
        ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x"}, True),
        ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x", "b": 1}, False),
        ({"properties": {"a": {"type": "string"}}}, {"a": 1}, False),
        ({"items": {"type": "string"}}, ["a", 2], False),
        ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, 2, True),
        ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, [], False),
        ({"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n", "minimum": 5}, 3, False),  # $ref and siblings both apply
        ({"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n", "minimum": 5}, 7, True),
        ({"const": 1}, 1, False),  # a keyword it does not know: never a quick yes
        ({"$ref": "https://example.org/other.json"}, 1, False),
    ],
)
def test_each_keyword_is_read_strictly(schema, value, fits):
    assert compile_schema(schema)(value) is fits
    if fits:
        from jsonschema import Draft202012Validator

        assert list(Draft202012Validator(schema).iter_errors(value)) == []


def test_a_clean_check_never_imports_jsonschema(tmp_path):
    """The point of the quick pass: about 100 ms of imports saved on every commit."""
    path = tmp_path / "x.plan.yaml"
    path.write_text(to_yaml(complete_plan()), encoding="utf-8")
    code = (
        "import sys; sys.argv=['plantool','check',%r]\n"
        "from plantool.__main__ import main\n"
        "print('EXIT', main())\n"
        "print('IMPORTED', [m for m in sys.modules if m.split('.')[0] == 'jsonschema'])\n" % str(path)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert "EXIT 0" in result.stdout and "IMPORTED []" in result.stdout, result.stdout + result.stderr
