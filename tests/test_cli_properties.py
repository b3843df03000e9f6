"""The whole CLI against generated hostile plans: `check`, `new --from` and `export --draft` never crash (issue 19).

The trees are shaped like plans (the schema's own section and field names, so every rule
and every section is reached) but hold anything: wrong types everywhere, integers of 400
and 5,000 digits, hexadecimal beyond any figure, .inf, .nan, 1e400, `0x_`, impossible dates,
keys that are numbers, booleans or null, lines of 45,000 characters, and lone surrogates.

Most examples run the real command line in this process (the same `main()` the console
script calls, with its own exit-code guard), which is fast; a few run it as a child
process with a strict UTF-8 stdout, to prove the exit code and the absence of a traceback
end to end, lone surrogates included. The seed and the example counts are fixed.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_helpers import all_paths, complete_plan, put_each, to_yaml

from conftest import REPO

from plantool.plan.schema import load_schema

IN_PROCESS = settings(max_examples=300, deadline=None, derandomize=True,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
CHILD_PROCESS = settings(max_examples=12, deadline=None, derandomize=True,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Values YAML can hold that a generated Python value cannot stand for: written as placeholders,
# then replaced in the YAML text by the literal itself.
LITERALS = {
    "@@huge@@": "9" * 400,
    "@@5000@@": "-" + "9" * 5000,
    "@@hex@@": "0x" + "f" * 3000,
    "@@0x_@@": "0x_",
    "@@0o_@@": "0o_",
    "@@1e400@@": "1e400",
    "@@inf@@": ".inf",
    "@@nan@@": ".nan",
    "@@date@@": "2025-02-30",
    "@@long@@": '"' + "Savings from shared services. " * 1500 + '"',  # 45,000 characters on one line
}


def field_names() -> list[str]:
    """Every property name in the schema: generated trees use the plan's own vocabulary."""
    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            names.update(k for k in node.get("properties", {}) if isinstance(node.get("properties"), dict))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schema().raw)
    return sorted(names)


NAMES = field_names()
SECTIONS = ["schema_version", "council", "plan", "themes", "disclosures", "unmapped"]


SURROGATES = st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=2)


def scalars(surrogates: bool):
    text = st.text(max_size=30)  # hypothesis's text never holds a surrogate; they are added on purpose
    if surrogates:
        text = text | st.tuples(text, SURROGATES).map("".join)
    return st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), text,
        st.sampled_from(list(LITERALS)),
        st.sampled_from(["TODO", "2024/25", "draft", "approved", "published", "district", "E07000039", "E07999999\n",
                         "[here](javascript:x)", "- **Label:**", "policy@example.gov.uk\n", "£4,500", "pay_bill"]),
    )


def keys(surrogates: bool):
    text = st.text(max_size=10)
    if surrogates:
        text = text | st.tuples(st.sampled_from(NAMES), SURROGATES).map("".join)
    return st.one_of(st.sampled_from(NAMES), text, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))


def values(surrogates: bool):
    return st.recursive(scalars(surrogates), lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys(surrogates), children, max_size=5)), max_leaves=25)


PLAN_PATHS = all_paths(complete_plan())


def replaced(edits) -> dict:
    """The complete plan with each (path, value) put in place: wrong types deep inside real sections."""
    return put_each(complete_plan(), edits)


def trees(surrogates: bool):
    """Free trees of plan-like sections, and the complete plan with anything put anywhere in it."""
    free = st.dictionaries(st.sampled_from(SECTIONS), values(surrogates), max_size=6)
    edited = st.lists(st.tuples(st.sampled_from(PLAN_PATHS), values(surrogates)), min_size=1, max_size=4).map(replaced)
    return free | edited


def rollable_trees(surrogates: bool):
    """Trees with a `plan` mapping and, mostly, a period, so `new --from` gets past its first test and writes."""
    period = st.sampled_from(["2024/25", "2019/20"]) | scalars(surrogates)
    plan = st.tuples(st.dictionaries(st.sampled_from(NAMES), values(surrogates), max_size=5), period).map(
        lambda pair: {**pair[0], "period": pair[1]})
    return st.tuples(trees(surrogates), plan).map(lambda pair: {**pair[0], "plan": pair[1]})


def as_yaml(tree) -> str:
    text = to_yaml(tree)
    for placeholder, literal in LITERALS.items():
        text = text.replace(f"'{placeholder}'", literal).replace(placeholder, literal)
    return text


def main_in_process(*argv: str) -> tuple[int, str]:
    """plantool's own main(), as the console script runs it; returns (exit code, everything printed)."""
    from plantool.__main__ import main

    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["plantool", *argv]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    finally:
        sys.argv = saved
    return code, out.getvalue() + err.getvalue()


def assert_handled(code: int, output: str, what) -> None:
    assert code in (0, 1, 2), (what, code, output[-3000:])
    assert "Traceback" not in output and "internal error" not in output, (what, output[-3000:])


@IN_PROCESS
@given(trees(surrogates=True), st.sampled_from(["text", "json", "github"]))
def test_check_never_crashes_on_generated_plans(tmp_path, tree, output_format):
    path = tmp_path / "generated.plan.yaml"
    path.write_text(as_yaml(tree), encoding="utf-8")
    code, output = main_in_process("check", "--format", output_format, str(path))
    assert_handled(code, output, tree)
    assert code == 2 or "generated.plan.yaml" in output  # a report is always written


@settings(IN_PROCESS, max_examples=100)  # each run writes (and fsyncs) a file
@given(rollable_trees(surrogates=True), st.booleans())
def test_new_from_never_crashes_on_generated_plans_and_its_output_is_checked(tmp_path, tree, with_period):
    source = tmp_path / "old.plan.yaml"
    source.write_text(as_yaml(tree), encoding="utf-8")
    target = tmp_path / "new.plan.yaml"
    period = ["--period", "2030/31"] if with_period else []
    code, output = main_in_process("new", str(target), "--from", str(source), "--schema-ref", "s.json", "--force", *period)
    assert_handled(code, output, tree)
    if code == 0:
        code, output = main_in_process("check", str(target))
        assert_handled(code, output, ("rolled forward", tree))


@settings(IN_PROCESS, max_examples=60)  # each writes a Word document
@given(trees(surrogates=True))
def test_export_draft_never_crashes_on_generated_plans_and_writes_a_document_word_reads(tmp_path, monkeypatch, tree):
    monkeypatch.setenv("PLANTOOL_NO_FORK", "1")  # in turn, in this process; the child-process test below forks
    path = tmp_path / "generated.plan.yaml"
    path.write_text(as_yaml(tree), encoding="utf-8")
    code, output = main_in_process("export", "docx", str(path), "--draft", "--force")
    assert_handled(code, output, tree)
    if code == 0:
        import docx

        assert docx.Document(str(tmp_path / "generated.docx")).paragraphs


@CHILD_PROCESS
@given(rollable_trees(surrogates=True))
def test_the_cli_in_a_child_process_never_shows_a_traceback(tmp_path, tree):
    source = tmp_path / "old.plan.yaml"
    source.write_text(as_yaml(tree), encoding="utf-8")
    env = {"PYTHONPATH": str(REPO), "NO_COLOR": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "PYTHONIOENCODING": "utf-8"}  # strict UTF-8 output, as a CI log takes it
    for argv in (["check", str(source)], ["check", "--format", "json", str(source)],
                 ["new", str(tmp_path / "new.plan.yaml"), "--from", str(source), "--period", "2030/31", "--force"],
                 ["export", "docx", str(source), "--draft", "--force"]):
        result = subprocess.run([sys.executable, "-m", "plantool", *argv], capture_output=True, text=True, env=env,
                                timeout=120, stdin=subprocess.DEVNULL)
        assert_handled(result.returncode, result.stdout + result.stderr, (argv[0], tree))


def everything(tree):
    """Every key and value in a tree, at any depth."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield key
            yield from everything(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from everything(value)
    else:
        yield tree


def test_the_generated_trees_hold_every_kind_of_hostile_value():
    """The strategy really produces what the docstring promises, or the tests above would prove less."""
    kinds = {
        **{literal[:12]: (lambda tree, p=placeholder: p in [str(v) for v in everything(tree)]) for placeholder, literal in LITERALS.items()},
        "a lone surrogate": lambda tree: any(isinstance(v, str) and any("\ud800" <= c <= "\udfff" for c in v) for v in everything(tree)),
        "a key that is not text": lambda tree: any(isinstance(v, dict) and any(not isinstance(k, str) for k in v)
                                                   for v in everything({"": list(tree.values())}) if True) or any(
            not isinstance(k, str) for section in tree.values() if isinstance(section, dict) for k in section),
        "a section of the wrong type": lambda tree: any(not isinstance(tree[s], dict) for s in ("council", "plan") if s in tree),
    }
    seen: set[str] = set()

    @settings(max_examples=400, deadline=None, derandomize=True, database=None)
    @given(trees(surrogates=True))
    def sample(tree):
        seen.update(name for name, holds in kinds.items() if holds(tree))

    sample()
    assert seen == set(kinds)
