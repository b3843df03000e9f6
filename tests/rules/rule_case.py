"""What every rule's test module shares (tests/rules/test_<rule>.py), in the manner of yamllint's RuleTestCase.

A rule's docstring is its documentation (`plantool rules` prints it) and its
first tests:

- `examples(rule)` reads the PASS and FAIL examples out of the docstring. In a
  PASS or FAIL section, examples are separated by a blank line; an example
  written on the header line itself ("PASS: a plan of 1,800 words") is prose,
  which the rule's own module turns into a plan.
- `whole_plan(snippet)` makes an example a whole plan. A YAML mapping goes into
  the complete fixture where its first key belongs (found in the schema), in
  place of the fixture's own lines for the keys it gives; a mapping of one
  section written as a block ("plan:\\n  status: published") is merged into that
  section key by key. Anything else is free text, written as the answer
  `TEXT_ANSWER`. It returns the plan and the lines that came from the example.
- `check_example(rule, example)`: a PASS example gives no finding of the rule;
  a FAIL example gives at least one, and every one on the example's own lines.

For exact places, `assert_findings(text, rule_id, (line, col), ...)` checks real
YAML text, like yamllint's `check(source, conf, problem=(line, col))`.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass

import pytest
from plan_helpers import COMPLETE, check_text

from plantool.plan import loader
from plantool.plan.schema import load_schema

COMPLETE_TEXT = COMPLETE.read_text(encoding="utf-8")
TEXT_ANSWER = ("themes", "transformation", "future_plans")  # where an example of free text is written
_HEADER = re.compile(r"^(PASS|FAIL)\b[^:\n]*:[ \t]*(.*)$")


@dataclass(frozen=True)
class Example:
    verdict: str  # "PASS" or "FAIL"
    text: str  # the example, dedented
    prose: bool = False  # said in words on the header line, not written as YAML or plan text


@dataclass(frozen=True)
class Merged:
    text: str  # the whole plan
    place: frozenset  # its line numbers (from 1) that the example wrote or named


# -- reading the docstring ---------------------------------------------------------------


def examples(rule) -> list[Example]:
    """Every PASS and FAIL example in the rule's docstring, in order."""
    lines = inspect.cleandoc(rule.__doc__ or "").splitlines()
    found: list[Example] = []
    index = 0
    while index < len(lines):
        header = _HEADER.match(lines[index])
        index += 1
        if not header:
            continue
        verdict, said = header.groups()
        if said.strip():
            found.append(Example(verdict, said.strip(), prose=True))
        block = []
        while index < len(lines) and (not lines[index].strip() or lines[index][0].isspace()):
            block.append(lines[index])
            index += 1
        found.extend(Example(verdict, snippet) for snippet in _separate(textwrap.dedent("\n".join(block))))
    return found


def _separate(block: str) -> list[str]:
    """Examples are separated by a blank line followed by a line at the left margin."""
    snippets: list[list[str]] = []
    blank = False
    for line in block.splitlines():
        if not line.strip():
            blank = True
            continue
        if not snippets or (blank and not line[0].isspace()):
            snippets.append([])
        elif blank:
            snippets[-1].append("")  # a blank line inside a block scalar belongs to it
        snippets[-1].append(line)
        blank = False
    return ["\n".join(lines) + "\n" for lines in snippets]


def docstring_cases(rule, verdicts=("PASS", "FAIL")) -> list:
    """The runnable examples as pytest parameters; each verdict named must have at least one."""
    runnable = [e for e in examples(rule) if not e.prose]
    for verdict in verdicts:
        assert any(e.verdict == verdict for e in runnable), f"{rule.ID}: the docstring has no {verdict} example to run"
    counts: dict[str, int] = {}
    params = []
    for example in runnable:
        counts[example.verdict] = counts.get(example.verdict, 0) + 1
        params.append(pytest.param(example, id=f"{example.verdict}-{counts[example.verdict]}"))
    return params


# -- making an example a whole plan ---------------------------------------------------------


def whole_plan(snippet: str) -> Merged:
    parsed = loader.parse(snippet)
    if isinstance(parsed.data, dict) and parsed.data and not parsed.problems:
        return _merge_mapping(snippet)
    block = "|\n" + textwrap.indent(snippet, "  ")  # free text, as a `|` block under its key
    return _merge_mapping(f"{TEXT_ANSWER[-1]}: {block}")


def _merge_mapping(snippet: str) -> Merged:
    fixture = loader.parse(COMPLETE_TEXT)
    lines = COMPLETE_TEXT.splitlines()
    parsed = loader.parse(snippet)
    parent = _parent_of(next(iter(parsed.data)))
    named = set()  # the fixture's lines of the sections the example named on its way down
    while len(parsed.data) == 1:  # one section written as a block: merge into it, key by key
        key, value = next(iter(parsed.data.items()))
        path = parent + (key,)
        key_line = parsed.keys[(key,)][0]
        block_style = isinstance(value, dict) and value and parsed.values[(key,)][0] > key_line
        if not (block_style and isinstance(_get(fixture.data, path), dict)):
            break
        named.add(fixture.keys[path][0])
        parent = path
        snippet = textwrap.dedent("\n".join(snippet.splitlines()[key_line:])) + "\n"
        parsed = loader.parse(snippet)
    indent = _child_indent(fixture, parent)
    removed: set[int] = set()
    starts = []
    for key in parsed.data:
        at = fixture.keys.get(parent + (key,))
        if at:
            start = at[0] - 1
            starts.append(start)
            removed.update(range(start, _block_end(lines, start, at[1] - 1)))
    if starts:
        insert_at = min(starts)
    elif parent:
        line, col = fixture.keys[parent]
        insert_at = _block_end(lines, line - 1, col - 1)
    else:
        insert_at = len(lines)
    new_lines = [(" " * indent + line) if line.strip() else "" for line in snippet.splitlines()]
    out: list[str] = []
    place = set(named)
    for index in range(len(lines) + 1):
        if index == insert_at:
            place.update(range(len(out) + 1, len(out) + 1 + len(new_lines)))
            out.extend(new_lines)
        if index < len(lines) and index not in removed:
            out.append(lines[index])
    return Merged("\n".join(out) + "\n", frozenset(place))


def _parent_of(key: str) -> tuple:
    """Where a key of an example belongs: the one place in the schema's sections that has it."""
    schema = load_schema()
    found: list[tuple] = []

    def walk(node, path):
        for name, child in schema.object_branch(node).get("properties", {}).items():
            if name == key:
                found.append(path)
            walk(schema.resolve(child), path + (name,))

    walk(schema.raw, ())
    if () in found:
        return ()
    if len(found) != 1:
        where = ", ".join(".".join(p) for p in found) or "nowhere"
        raise AssertionError(f"example key '{key}' belongs {where}; write the section it is in, too")
    return found[0]


def _get(data, path: tuple):
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _child_indent(fixture, parent: tuple) -> int:
    if not parent:
        return 0
    children = [col for path, (_, col) in fixture.keys.items() if len(path) == len(parent) + 1 and path[:-1] == parent]
    return (min(children) if children else fixture.keys[parent][1] + 2) - 1


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The index after the last line of the key at `start` (indented `indent`) and everything under it."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1  # trailing blank lines belong to what follows
    return end


# -- checking ---------------------------------------------------------------------------------


def findings_of(text: str, rule_id: str) -> list:
    return [f for f in check_text(text).findings if f.rule == rule_id]


def check_example(rule, example: Example) -> None:
    assert not example.prose, f"{rule.ID}: '{example.text}' is prose; the rule's module must turn it into a plan"
    merged = whole_plan(example.text)
    found = findings_of(merged.text, rule.ID)
    shown = "\n".join(f"{n:3}{'>' if n in merged.place else ' '} {line}" for n, line in enumerate(merged.text.splitlines(), 1))
    if example.verdict == "PASS":
        assert found == [], f"PASS example reported:\n{found}\n{shown}"
    else:
        assert found, f"FAIL example not reported:\n{shown}"
        elsewhere = [f for f in found if f.line not in merged.place]
        assert not elsewhere, f"FAIL example reported away from its lines (marked >):\n{elsewhere}\n{shown}"


def assert_findings(text: str, rule_id: str, *expected: tuple[int, int]) -> list:
    """The rule's findings on `text` are exactly at `expected` (line, col) places; returns them, sorted."""
    found = sorted(findings_of(text, rule_id), key=lambda f: (f.line, f.col))
    assert [(f.line, f.col) for f in found] == sorted(expected), found
    return found


def with_answer(value: str) -> str:
    """The complete fixture with the text answer (TEXT_ANSWER, line 27) written as `value`, YAML as it follows the key."""
    key = TEXT_ANSWER[-1]
    [line] = [line for line in COMPLETE_TEXT.splitlines() if line.strip().startswith(f"{key}: ")]
    return fixture_with((line, f"{line[: line.index(key)]}{key}: {value}"))


def fixture_with(*replacements: tuple[str, str]) -> str:
    """The complete fixture's text with each `old` (which must occur once) replaced by `new`."""
    text = COMPLETE_TEXT
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the fixture"
        text = text.replace(old, new)
    return text


# -- any data at all ---------------------------------------------------------------------------

# Values of every type a hand-typed plan can hold where something else belongs.
ODD_VALUES = (None, 0, -1.5, True, "", "text", "N/A", [], ["x", 2], {}, {"a": None}, {"not_available": 3})
# Plans that between them hold every kind of place the rules read: the complete fixture, a real
# plan with topics and related documents, one with own sections, and one with dates and amendments.
ODD_BASES = (
    COMPLETE,
    COMPLETE.parent.parent.parent / "examples" / "derbyshire-2024.plan.yaml",
    COMPLETE.parent.parent / "corpus" / "epping-forest-2024.plan.yaml",
    COMPLETE.parent.parent / "corpus" / "kings-lynn-and-west-norfolk-2024.plan.yaml",
)


def assert_copes_with_any_data(rule) -> None:
    """The rule never raises, whatever stands at any place of a real plan (one odd value per place in turn)."""
    import copy

    from plantool.check.rules import Context

    schema = load_schema()
    for base in ODD_BASES:
        source = loader.load(base)
        places = [path for path, _value, _node in schema.walk_data(source.data) if path]
        for index, path in enumerate(places):
            shallow = len(path) <= 3
            for odd in ODD_VALUES if shallow else (ODD_VALUES[index % len(ODD_VALUES)],):
                data = copy.deepcopy(source.data)
                target = data
                for part in path[:-1]:
                    target = target[part]
                target[path[-1]] = copy.deepcopy(odd)
                doc = loader.Document(path="odd.plan.yaml", text=source.text, data=data, keys=source.keys)
                try:
                    list(rule.check(Context(doc, schema)))
                except Exception as exc:  # pragma: no cover - the message is the point
                    raise AssertionError(f"{rule.ID} raised {exc!r} with {odd!r} at {path} of {base.name}") from exc
