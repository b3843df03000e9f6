"""$ref in the schema: one way to follow a pointer, and a reference that reaches itself is a clear error."""

from __future__ import annotations

import pytest

from plantool.check.prevalidate import compile_schema
from plantool.plan.schema import Schema, SchemaError, follow_pointer, load_schema


def test_a_ref_that_reaches_itself_directly_is_refused_with_its_chain():
    raw = {"$defs": {"tree": {"type": "object", "properties": {"children": {"items": {"$ref": "#/$defs/tree"}}}}},
           "properties": {"root": {"$ref": "#/$defs/tree"}}}
    with pytest.raises(SchemaError, match=r"reaches itself: #/\$defs/tree -> #/\$defs/tree$"):
        Schema(raw)


def test_a_ref_that_reaches_itself_through_others_names_every_step():
    raw = {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/c"}]}, "c": {"$ref": "#/$defs/a"}},
           "properties": {"x": {"$ref": "#/$defs/a"}}}
    with pytest.raises(SchemaError) as caught:
        Schema(raw)
    # the walk meets #/$defs/b first (inside $defs/a), so the loop is told from there
    assert str(caught.value) == "$ref reaches itself: #/$defs/b -> #/$defs/c -> #/$defs/a -> #/$defs/b"


def test_a_ref_to_nowhere_is_refused_with_the_pointer():
    with pytest.raises(SchemaError, match=r"#/\$defs/missing: the schema has nothing at that place"):
        Schema({"properties": {"x": {"$ref": "#/$defs/missing"}}})


def test_shared_definitions_are_not_mistaken_for_cycles():
    raw = {"$defs": {"money": {"type": "number"}, "pair": {"properties": {"a": {"$ref": "#/$defs/money"}, "b": {"$ref": "#/$defs/money"}}}},
           "properties": {"x": {"$ref": "#/$defs/pair"}, "y": {"$ref": "#/$defs/pair"}}}
    schema = Schema(raw)
    assert schema.node_at(("y", "b")) == {"type": "number"}
    assert schema.inlined()["properties"]["x"]["properties"]["a"] == {"type": "number"}


def test_follow_pointer_reads_escapes_and_list_indexes():
    root = {"$defs": {"a/b": {"c~d": [{"type": "string"}, {"type": "integer"}]}}}
    assert follow_pointer(root, "#/$defs/a~1b/c~0d/1") == {"type": "integer"}
    assert follow_pointer(root, "#") is root
    with pytest.raises(SchemaError, match="only references within the schema"):
        follow_pointer(root, "https://example.org/other.json")


def test_the_quick_pass_follows_the_same_pointers():
    raw = {"$defs": {"a/b": {"type": "integer"}}, "$ref": "#/$defs/a~1b"}
    assert compile_schema(raw)(3) is True and compile_schema(raw)("x") is False
    assert compile_schema({"$ref": "#/$defs/missing"})(3) is False  # nothing there: left to jsonschema


def test_the_packaged_schema_has_no_recursive_reference():
    assert load_schema().inlined()["properties"]["plan"]["properties"]["period"]["pattern"]
