"""Property-based tests: whatever the input, check finishes, reports, and never crashes.

In-process runs cover many examples quickly; a smaller sample goes through the
real CLI to prove the exit code and the absence of tracebacks. The budget is
fixed and derandomised, so CI runs the same examples every time.
"""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_helpers import to_yaml

from conftest import EXAMPLES, REPO

from plantool.check import runner as checker
from plantool.plan import loader as document
from plantool.check.findings import ERROR, SEVERITIES, exit_code
from plantool.check.rules import BUILTIN_RULES, load_rules
from plantool.exit_codes import ERRORS
from plantool.plan.schema import load_schema

EXAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.plan.yaml"))]
BUDGET = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
CLI_BUDGET = settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40),
    st.sampled_from(["TODO", "2024/25", "£4,500", "E07000039", "draft", "published", "[here](javascript:x)"]),
)
keys = st.one_of(st.text(max_size=12), st.sampled_from(["schema_version", "council", "plan", "themes", "disclosures",
                                                        "status", "share", "percent", "of", "items", "not_available"]))
yaml_data = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
                         max_leaves=30)


def mutate(text: str, data) -> str:
    """A random edit of the kind a hurried author makes: cut, duplicate, insert, swap or truncate."""
    lines = text.splitlines(keepends=True)
    kind = data.draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate", "indent"]))
    i = data.draw(st.integers(0, max(0, len(lines) - 1)))
    if kind == "delete" and lines:
        del lines[i]
    elif kind == "duplicate" and lines:
        lines.insert(i, lines[i])
    elif kind == "insert":
        junk = data.draw(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20))
        at = data.draw(st.integers(0, len(text)))
        return text[:at] + junk + text[at:]
    elif kind == "swap" and len(lines) > 1:
        j = data.draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "truncate":
        return text[: data.draw(st.integers(0, len(text)))]
    elif kind == "indent" and lines:
        lines[i] = " " * data.draw(st.integers(1, 5)) + lines[i]
    return "".join(lines)


KNOWN_RULES = {rule.ID for rule in load_rules()} | set(BUILTIN_RULES)


def check_bytes(raw: bytes, tmp_path):
    """Check a file holding `raw`; every finding must be well-formed and point inside the file."""
    path = tmp_path / "case.plan.yaml"
    path.write_bytes(raw)
    result = checker.check_file(path, load_schema())
    assert result.io_error is None  # a regular file is always read: whatever is wrong with it is a finding
    last_line = len(raw.decode("utf-8", "replace").splitlines()) + 1  # splitlines knows every YAML line break
    for finding in result.findings:
        assert finding.rule in KNOWN_RULES and finding.severity in SEVERITIES and finding.message.strip(), finding
        assert 1 <= finding.line <= last_line and finding.col >= 1, finding
    return result


def assert_refused(result):
    """Not a plan: at least one error, so check exits 1."""
    assert any(f.severity == ERROR for f in result.findings), result.findings
    assert exit_code(result.findings) == ERRORS


@BUDGET
@given(yaml_data)
def test_any_yaml_document_is_checked(tmp_path_factory, data):
    # the generated keys and values can never make the plan's required council and plan sections
    assert_refused(check_bytes(to_yaml(data).encode("utf-8"), tmp_path_factory.mktemp("any")))


@BUDGET
@given(st.sampled_from(range(len(EXAMPLE_TEXTS))), st.data())
def test_mutated_example_plans_are_checked(tmp_path_factory, which, data):
    text = EXAMPLE_TEXTS[which]
    for _ in range(data.draw(st.integers(1, 3))):
        text = mutate(text, data)
    result = check_bytes(text.encode("utf-8"), tmp_path_factory.mktemp("mutated"))
    pure = checker.check_document(document.parse(text, document.Document(path=result.file, text=text), pure=True), load_schema())
    if not result.io_error and not text.startswith("\ufeff"):
        assert [(f.line, f.col, f.rule) for f in pure.findings] == [(f.line, f.col, f.rule) for f in result.findings]


@BUDGET
@given(st.binary(max_size=2000))
def test_random_bytes_are_checked(tmp_path_factory, raw):
    assert_refused(check_bytes(raw, tmp_path_factory.mktemp("bytes")))


@CLI_BUDGET
@given(st.one_of(st.binary(max_size=500), yaml_data.map(lambda d: to_yaml(d).encode("utf-8"))))
def test_the_cli_never_shows_a_traceback(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("cli") / "case.plan.yaml"
    path.write_bytes(raw)
    result = subprocess.run([sys.executable, "-m", "plantool", "check", str(path)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(REPO), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 1, result.stderr  # never a valid plan: an error, never a crash (3) or usage (2)
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(rf"^{re.escape(str(path))}:\d+:\d+: error: .+ \([a-z-]+\)$", result.stdout, re.MULTILINE), result.stdout


@BUDGET
@given(st.lists(st.sampled_from(list("ab -*_[]()\n\t\u2028\x0c\x85") + ["https://x", "**", "](", "\n- "]), max_size=25).map("".join))
def test_word_count_without_parsing_matches_the_parsed_text(text):
    """plan-length counts markup-free text without parsing it; the count must not change."""
    from plantool.plan import richtext

    assert richtext.word_count(text) == richtext.words(richtext.plain(text))
