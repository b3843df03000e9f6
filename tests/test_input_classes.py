"""Classes of bad input found by a hostile-input pass (issue 19), each tested as a class.

Every test here failed before its fix; the class it stands for is named in its docstring
and in the README's Reliability table.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_helpers import all_paths, at, check_data, check_text, complete_plan, findings, put, to_yaml

from conftest import FIXTURES, IN_CI, REPO

from plantool.check import runner as checker
from plantool.check.rules import Context, load_rules
from plantool.plan import loader as document
from plantool.plan.schema import load_schema

BUDGET = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
HUGE = int("9" * 400)


def run(*args, timeout=60, env=None, **kwargs):
    """The real CLI in a child process that never inherits a terminal."""
    full_env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "plantool", *map(str, args)], capture_output=True, text=True,
                          env=full_env, timeout=timeout, stdin=subprocess.DEVNULL, **kwargs)


def assert_no_crash(result):
    output = result.stdout + result.stderr
    assert result.returncode != 3 and "Traceback" not in output and "internal error" not in output, output[-2000:]


def number_paths(data, path=()) -> list[tuple]:
    """Every place the complete fixture holds a figure: the number fields, in every section."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in number_paths(value, path + (key,))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in number_paths(value, path + (index,))]
    return [path] if isinstance(data, (int, float)) and not isinstance(data, bool) else []


NUMBER_PATHS = number_paths(complete_plan()) + [("plan", "cost_of_producing")]


def dotted(path) -> str:
    from plantool.plan.schema import dotted as join

    return join(path)


# -- 1. huge integers -------------------------------------------------------------------------


@pytest.mark.parametrize("path", NUMBER_PATHS, ids=dotted)
@pytest.mark.parametrize("figure", ["9" * 400, "-" + "9" * 400, "9" * 5000], ids=["400 digits", "minus 400 digits", "5000 digits"])
def test_an_integer_too_large_for_any_figure_is_a_finding_in_every_number_field(path, figure):
    """Class: a 400-digit (or longer) integer in any number field. It was OverflowError, exit 3."""
    text = to_yaml(put(complete_plan(), path, 0)).replace(f"{path[-1]}: 0", f"{path[-1]}: {figure}", 1)
    assert figure in text
    result = check_text(text)
    messages = [f.message for f in result.findings if f.path == dotted(path)]
    expected = ("is not one of: 1",) if path == ("schema_version",) else ("too large to be a real figure", "must be 0 or more")
    assert any(words in m for m in messages for words in expected), messages
    assert not [f for f in result.findings if f.rule == "yaml-syntax"]


def test_one_file_that_breaks_a_rule_never_costs_the_report_on_the_others(tmp_path):
    """Class: one file raising inside check took the whole batch down (exit 3, nothing reported)."""
    good = tmp_path / "a-good.plan.yaml"
    shutil.copy(FIXTURES / "complete.plan.yaml", good)
    bad = tmp_path / "b-huge.plan.yaml"
    bad.write_text(to_yaml(at(complete_plan(), "disclosures.facility_time.pay_bill", 0)).replace("pay_bill: 0", f"pay_bill: {HUGE}"))
    result = run("check", tmp_path)
    assert_no_crash(result)
    assert result.returncode == 1
    assert f"{good}: 0 errors, 0 warnings" in result.stdout
    assert f"{bad}:" in result.stdout and "too large to be a real figure" in result.stdout


INJECT_BUG = (
    "import plantool.check.rules.gss_code as rule\n"
    "_real = rule.check\n"
    "def check(ctx):\n"
    "    if 'CRASH-ME' in ctx.document.text:\n"
    "        raise RuntimeError('a bug met in this file only')\n"
    "    return _real(ctx)\n"
    "rule.check = check\n"
)


@pytest.mark.parametrize("count", [3, 40], ids=["serial", "parallel"])
def test_a_bug_met_in_one_file_is_that_files_one_line_error_and_the_rest_are_reported(tmp_path, count):
    """The safety net behind the fixes: any exception inside one file's check becomes that file's error."""
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(INJECT_BUG)
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (FIXTURES / "complete.plan.yaml").read_text()
    for n in range(count):
        (plans / f"p{n:02}.plan.yaml").write_text(text + ("# CRASH-ME\n" if n == 1 else ""))
    for output in ("text", "json"):
        result = run("check", "--format", output, plans, env={"PYTHONPATH": f"{inject}{os.pathsep}{REPO}"})
        assert result.returncode == 3, result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("plantool:")]
        assert errors == [f"plantool: error: {plans / 'p01.plan.yaml'}: internal error while checking this file: "
                          "RuntimeError: a bug met in this file only (please report this)"]
        if output == "json":
            report = json.loads(result.stdout)
            assert report["summary"]["exit_code"] == 3
            assert [f["error"] is not None for f in report["files"]] == [n == 1 for n in range(count)]
            assert all(f["questions"]["answered"] == 26 for n, f in enumerate(report["files"]) if n != 1)
        else:
            for n in range(count):
                summary = f"{plans / f'p{n:02}.plan.yaml'}: 0 errors, 0 warnings; 26 of 26 questions answered"
                assert (summary in result.stdout) is (n != 1)


# -- 3. rules and data that failed the schema ----------------------------------------------------


PLAN_PATHS = all_paths(complete_plan())
weird_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**700), max_value=10**700),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["", "TODO", "E0", "draft", "2025-02-30", "2024/25", "county", "[x](javascript:y)"]),
)
wrong_values = st.recursive(
    weird_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8) | st.sampled_from(
        ["not_available", "percent", "of", "base_amount", "source", "body", "date", "items", "type"]), inner, max_size=3)),
    max_leaves=8,
)


def run_every_rule(data) -> None:
    doc = document.Document(path="plan.plan.yaml", text="")
    doc.data = data
    ctx = Context(doc, load_schema())
    for rule in load_rules():
        list(rule.check(ctx))
    checker.check_document(doc, load_schema())


@pytest.mark.parametrize("value", [["a", "b"], {"a": 1}, 7, HUGE, float("nan"), True], ids=["list", "mapping", "7", "huge", "nan", "true"])
def test_council_type_of_any_kind_is_a_schema_finding_not_a_crash(value):
    """The issue's example: council.type as a list or mapping was TypeError: unhashable type."""
    data = at(complete_plan(), "council.type", value)
    assert [f for f in check_data(data).findings if f.path == "council.type" and f.rule == "schema"]
    run_every_rule(data)


@BUDGET
@given(st.lists(st.tuples(st.sampled_from(PLAN_PATHS), wrong_values), min_size=1, max_size=3))
def test_every_rule_copes_with_any_wrong_type_in_any_section(replacements):
    """Class: data that failed the schema (lists, mappings, numbers, None, huge or non-finite numbers
    where text is expected, and the reverse) reaching the rules, in every section of the plan."""
    data = complete_plan()
    for path, value in replacements:
        try:
            put(data, path, copy.deepcopy(value))
        except (KeyError, IndexError, TypeError):
            pass  # an earlier replacement removed the parent
    run_every_rule(data)


# -- 6. new --from reads with the plan loader's limits ----------------------------------------------

LOADER_REFUSES = {
    "nesting 5,000 deep": "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)),
    "a python tag": "extra: !!python/object/apply:os.system ['touch HACKED']\n",
    "over 2 MB": 'extra: "' + "x" * 2_200_000 + '"\n',
    "duplicate key": "extra: 1\nextra: 2\n",
    "two documents": "---\nplan: {}\n",
    "NUL byte": "extra: a\x00b\n",
}
LOADER_RULES = ("(file-format)", "(yaml-syntax)", "(yaml-tag)", "(yaml-limits)", "(duplicate-key)")


@pytest.mark.parametrize("case", list(LOADER_REFUSES), ids=list(LOADER_REFUSES))
def test_new_from_refuses_what_check_refuses_with_the_same_findings_and_exit_code(tmp_path, case):
    """Class: the round-trip parser of `new --from` lacked the loader's limits (it crashed or ran away)."""
    source = tmp_path / "old.plan.yaml"
    source.write_text((FIXTURES / "complete.plan.yaml").read_text() + LOADER_REFUSES[case])
    checked = run("check", source, cwd=tmp_path)
    target = tmp_path / "new.plan.yaml"
    rolled = run("new", target, "--from", source, cwd=tmp_path)
    assert_no_crash(rolled)
    assert rolled.returncode == checked.returncode == 1
    check_lines = [line for line in checked.stdout.splitlines() if line.endswith(LOADER_RULES)]
    assert check_lines and all(line in rolled.stderr.splitlines() for line in check_lines)
    assert not target.exists() and not (tmp_path / "HACKED").exists()


KEPT_AS_TYPED = {
    "impossible date": ("plan:\n  approval:\n    date: 2025-02-30\n", "date: 2025-02-30", None),
    "0x_": ("disclosures:\n  edi:\n    spend: 0x_\n", "spend: 0x_", "spend"),
    "0o_": ("disclosures:\n  edi:\n    spend: 0o_\n", "spend: 0o_", "spend"),
    "5,000-digit integer": ("disclosures:\n  edi:\n    spend: " + "9" * 5000 + "\n", "spend: " + "9" * 5000, "spend"),
    "an explicitly tagged 0x_": ("disclosures:\n  edi:\n    spend: !!int 0x_\n", "spend: !!int 0x_", "spend"),
    ".nan": ("disclosures:\n  edi:\n    spend: .nan\n", "spend: .nan", "spend"),
}


@pytest.mark.parametrize("case", list(KEPT_AS_TYPED), ids=list(KEPT_AS_TYPED))
def test_new_from_carries_values_the_loader_keeps_as_text_over_as_typed(tmp_path, case):
    """Class: values `check` reads without trouble crashed ruamel's converter in `new --from`."""
    replacement, kept, field = KEPT_AS_TYPED[case]
    text = (FIXTURES / "complete.plan.yaml").read_text().replace("status: approved", "status: draft")
    text = text.replace("  approval:\n    body: Cabinet\n    date: \"2025-07-10\"\n", "")
    if field:
        text = text.replace("    spend: 2500\n", "")
    merged = text.replace("disclosures:\n  edi:\n", replacement if field else "disclosures:\n  edi:\n")
    if not field:
        merged = merged.replace("plan:\n", replacement, 1)
    source = tmp_path / "old.plan.yaml"
    source.write_text(merged)
    assert kept in source.read_text()
    rolled = run("new", tmp_path / "new.plan.yaml", "--from", source, "--period", "2026/27", cwd=tmp_path)
    assert_no_crash(rolled)
    assert rolled.returncode == 0, rolled.stderr
    if field:  # the value reads back exactly as it did (ruamel may fold a long line; YAML reads the fold back)
        before = document.load(source).data["disclosures"]["edi"]["spend"]
        after = document.load(tmp_path / "new.plan.yaml").data["disclosures"]["edi"]["spend"]
        assert repr(after) == repr(before)
        if len(kept) < 100:
            assert kept in (tmp_path / "new.plan.yaml").read_text()
    assert_no_crash(run("check", tmp_path / "new.plan.yaml"))


# -- 7. file names that are not UTF-8 -------------------------------------------------------------


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_a_file_name_with_a_non_utf8_byte_is_checked_with_a_strict_utf8_stdout(tmp_path, output):
    """Class: a file name that is not valid UTF-8 (or holds a control character) reaching the report."""
    folder = tmp_path / "plans"
    folder.mkdir()
    names = [b"caf\xe9.plan.yaml", b"two\nlines.plan.yaml"]
    for name in names:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write((FIXTURES / "complete.plan.yaml").read_bytes().replace(b"date: \"2025-07-10\"", b"date: \"2099-07-10\""))
    strict = {"PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"}
    for target in (os.fsencode(folder) + b"/" + names[0], os.fsencode(folder)):
        result = subprocess.run([sys.executable, "-m", "plantool", "check", "--format", output, target],
                                capture_output=True, env=dict(os.environ, PYTHONPATH=str(REPO), **strict), timeout=60)
        stdout = result.stdout.decode("utf-8")  # strictly: the output is valid UTF-8
        assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in result.stderr
        if output == "json":
            stdout = "\n".join(f["file"] for f in json.loads(stdout)["files"])
        assert "caf\\xe9.plan.yaml" in stdout
        if target.endswith(b"plans"):
            assert "two\\x0alines.plan.yaml" in stdout
            if output != "json":  # each finding is still one line
                assert all(("approval-date" in line) == ("2099-07-10" in line) for line in stdout.splitlines() if line)


# -- 8. figures must be finite ----------------------------------------------------------------------

NOT_FIGURES = {".inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan"), "1e400": float("inf"), "400 digits": HUGE}
FIGURE_FIELDS = ["disclosures.edi.spend", "disclosures.agency_staff.share.percent", "disclosures.facility_time.officials.headcount",
                 "plan.cost_of_producing", "themes.transformation.measures"]


@pytest.mark.parametrize("field", FIGURE_FIELDS)
@pytest.mark.parametrize("literal", list(NOT_FIGURES))
def test_figures_must_be_finite_and_the_quick_pass_agrees_with_jsonschema(field, literal):
    """Class: .inf, .nan, 1e400 and integers past a float's range passed check as money, percentages and counts."""
    value = NOT_FIGURES[literal]
    data = complete_plan()
    if field.endswith("measures"):
        field = "themes.transformation.measures"
        data["themes"]["transformation"]["measures"][0]["baseline"] = value
    else:
        at(data, field, value)
    schema = load_schema()
    errors = list(schema.validator().iter_errors(data))
    assert errors, "jsonschema accepts a figure that is not finite"
    assert schema.certainly_fits(data) is False
    text = to_yaml(data)
    if literal == "1e400":
        text = text.replace(".inf", "1e400")
    result = check_text(text)
    assert result.findings and any(f.rule == "schema" and ("finite" in f.message or "too large" in f.message or "not a number" in f.message)
                                   for f in result.findings), [f.message for f in result.findings]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(["disclosures.edi.spend", "disclosures.agency_staff.share.percent", "plan.cost_of_producing"]), st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**400), 10**400)))
def test_prevalidate_and_jsonschema_give_the_same_verdict_on_any_number(field, value):
    data = at(complete_plan(), field, value)
    schema = load_schema()
    assert schema.certainly_fits(data) == (list(schema.validator().iter_errors(data)) == [])


# -- 9. patterns match the whole text, as ECMA-262 ----------------------------------------------------

TRAILING_NEWLINE = {
    "gss_code": ('  gss_code: E07000039\n', '  gss_code: "E07000039\\n"\n', "council.gss_code"),
    "period as a literal block": ("  period: 2025/26\n", "  period: |\n    2025/26\n", "plan.period"),
    "email": ("    email: policy@example.gov.uk\n", '    email: "policy@example.gov.uk\\n"\n', "plan.contact.email"),
}


@pytest.mark.parametrize("case", list(TRAILING_NEWLINE), ids=list(TRAILING_NEWLINE))
def test_a_trailing_newline_does_not_pass_a_pattern(case):
    """Class: Python's `$` matching before a final newline let such values pass every pattern."""
    old, new, path = TRAILING_NEWLINE[case]
    text = (FIXTURES / "complete.plan.yaml").read_text()
    assert old in text
    result = check_text(text.replace(old, new, 1))
    assert [f for f in result.findings if f.rule == "schema" and f.path == path], [f.message for f in result.findings]


def pattern_fields(schema) -> dict[str, tuple]:
    """One data path per pattern in the schema, found by walking it: pattern -> path."""
    found: dict[str, tuple] = {}
    for path, _value, node in schema.walk_data(complete_plan()):
        if node and "pattern" in node and isinstance(_value, str):
            found.setdefault(node["pattern"], path)
    return found


def require_check_jsonschema() -> Path:
    """check-jsonschema, the peer with ECMA-262 patterns: skipped locally without it, required in CI."""
    found = Path(sys.executable).parent / "check-jsonschema"
    if found.exists():
        return found
    if shutil.which("check-jsonschema"):
        return Path(shutil.which("check-jsonschema"))
    if IN_CI:
        pytest.fail("check-jsonschema is required in CI (.ci/run installs it)")
    pytest.skip("check-jsonschema is not installed (CI installs it)")


def test_every_schema_pattern_gets_the_ecma_verdict_of_check_jsonschema(tmp_path):
    """The oracle: check-jsonschema (regress, an ECMA-262 engine) on the same values as plantool."""
    tool = require_check_jsonschema()
    schema = load_schema()
    fields = pattern_fields(schema)
    assert len(fields) >= 4  # gss code, period, date, email; url is not in the fixture
    samples = ["", "\n", "x\n", "\u2028", "\u0660", "\xa0", "\ufeff", "\x85", " ", "\t", "E\u0667"]
    cases = []
    for pattern, path in fields.items():
        value = get(complete_plan(), path)
        for variant in [value, value + "\n", "\n" + value, value + " ", value.replace("0", "\u0660"), value + "\u2028",
                        value.replace("@", "@\xa0"), value.replace("@", "@\ufeff"), value.replace("@", "@\x85")] + samples:
            cases.append((path, variant))
    files = []
    for n, (path, variant) in enumerate(cases):
        instance = tmp_path / f"case{n:03}.json"
        instance.write_text(json.dumps(put(complete_plan(), path, variant)))
        files.append(instance)
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema.raw))
    peer = subprocess.run([str(tool), "--schemafile", str(schema_file), "--output-format", "json", *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    report = json.loads(peer.stdout)
    rejected = {Path(error["filename"]).name for error in report.get("errors", [])}
    for instance, (path, variant) in zip(files, cases):
        data = json.loads(instance.read_text())
        ours = [e for e in schema.validator().iter_errors(data)]
        assert (instance.name in rejected) == bool(ours), (path, variant, [e.message for e in ours])
        assert schema.certainly_fits(data) == (not ours), (path, variant)


def get(data, path):
    for part in path:
        data = data[part]
    return data


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.data())
def test_patterns_agree_with_an_ecma_262_engine_on_generated_text(data):
    """Many more values than a subprocess can take, against regress (the engine check-jsonschema uses)."""
    regress = pytest.importorskip("regress") if not IN_CI else __import__("regress")
    schema = load_schema()
    fields = pattern_fields(schema)
    pattern = data.draw(st.sampled_from(sorted(fields)))
    seed = get(complete_plan(), fields[pattern])
    alphabet = st.sampled_from(list(seed) + ["\n", "\r", "\u2028", "\u2029", "\x85", "\xa0", "\ufeff", "\u0660", "\u1680",
                                             "\x0b", "\x1c", " ", "\t", "@", ".", "/", "-", "E", "9", "a"])
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(seed)), alphabet), max_size=3))
    value = seed
    for where, ch in edits:
        value = value[:where] + ch + value[where:]
    plan = put(complete_plan(), fields[pattern], value)
    ecma = regress.Regex(pattern, flags="u").find(value) is not None
    ours = [e for e in schema.validator().iter_errors(plan) if e.validator == "pattern"]
    assert ecma == (not ours), (pattern, value)
    assert schema.certainly_fits(plan) == ecma


# -- 10. the right message for valid YAML ------------------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "expected"),
    [("0x_", "expected a number"), ("0o_", "expected a number"), ("9" * 5000, "too large to be a real figure"),
     ("-" + "9" * 4301, "too large to be a real figure"), ("0x" + "f" * 4000, "too large to be a real figure")],
    ids=["0x_", "0o_", "5000 digits", "minus 4301 digits", "long hexadecimal"],
)
def test_valid_yaml_numbers_python_cannot_read_get_a_message_about_the_figure(literal, expected):
    """Class: valid YAML reported as "YAML syntax error: invalid literal for int()"."""
    text = (FIXTURES / "complete.plan.yaml").read_text().replace("spend: 2500", f"spend: {literal}")
    result = check_text(text)
    assert not [f for f in result.findings if f.rule == "yaml-syntax"]
    messages = [f.message for f in result.findings if f.path == "disclosures.edi.spend"]
    assert len(messages) == 1 and expected in messages[0], messages


@pytest.mark.parametrize("path", ["plan.cost_of_producing", "disclosures.edi.spend", "disclosures.facility_time.officials.fte",
                                  "disclosures.facility_time.officials.headcount", "disclosures.agency_staff.share.base_amount"])
def test_a_negative_figure_says_it_must_be_0_or_more(path):
    """Class: a value of the right type failing a number-or-not_available field was described by the wrong branch."""
    messages = [f.message for f in findings(at(complete_plan(), path, -5), "schema")]
    assert len(messages) == 1 and "must be 0 or more" in messages[0], messages


# -- 12. not a regular file -------------------------------------------------------------------------


def test_a_fifo_is_refused_by_every_command_without_waiting_for_a_writer(tmp_path):
    """Class: FIFOs, sockets and devices named like plans or documents; reading one waited for ever."""
    fifo = tmp_path / "pipe.plan.yaml"
    os.mkfifo(fifo)
    word_fifo = tmp_path / "pipe.docx"
    os.mkfifo(word_fifo)
    plan = tmp_path / "good.plan.yaml"
    shutil.copy(FIXTURES / "complete.plan.yaml", plan)
    commands = {
        "check FILE": ("check", fifo),
        "check DIR": ("check", tmp_path),
        "export": ("export", "docx", fifo, "-o", tmp_path / "out.docx"),
        "new --from": ("new", tmp_path / "next.plan.yaml", "--from", fifo),
        "import": ("import", "docx", word_fifo, "-o", tmp_path / "imported.plan.yaml"),
        "export --template": ("export", "docx", plan, "--template", word_fifo, "-o", tmp_path / "t.docx"),
        "check a device": ("check", "/dev/zero"),
    }
    for name, command in commands.items():
        result = run(*command, timeout=30)  # a hang fails here as TimeoutExpired
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("plantool: error:")]
        assert len(errors) == 1 and ("not a regular file" in errors[0] or "not a file" in errors[0]), (name, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.plan.yaml", "pipe.docx", "pipe.plan.yaml"]


# -- 13. Ctrl-C during a parallel check ---------------------------------------------------------------


def processes() -> list[tuple[int, int, int, bytes]]:
    """(pid, parent pid, session id, state) of every process, from /proc (no psutil needed)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            found.append((int(entry), int(fields[1]), int(fields[4]), fields[0]))
    return found


def children_of(pid: int) -> list[int]:
    return [child for child, parent, _sid, _state in processes() if parent == pid]


def in_session(sid: int) -> list[int]:
    """Live processes of a session (a finished one is left as a zombie until reaped: not counted)."""
    return [pid for pid, _parent, session, state in processes() if session == sid and state != b"Z"]


def ctrl_c_mid_run(args: list[str], attempts: int) -> int:
    """Run `plantool ARGS` `attempts` times, each sent Ctrl-C once its workers exist (a little later each time).

    Each run the signal reaches must exit 130 with one line and leave no
    process behind; returns how many it reached (a run may finish first).
    """
    import signal
    import time

    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1")
    interrupted = 0
    for attempt in range(attempts):
        process = subprocess.Popen([sys.executable, "-m", "plantool", *args], env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while not children_of(process.pid) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.01 * attempt)  # land at different moments: while forking, while working
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
        try:
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            raise
        if process.returncode == 0:
            continue  # finished before the signal landed: nothing to see this time
        assert (process.returncode, stderr.decode()) == (130, "plantool: interrupted\n"), attempt
        time.sleep(0.2)
        assert in_session(process.pid) == [], f"attempt {attempt}: processes left behind"
        interrupted += 1
    return interrupted


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2, reason="the parallel path runs on Linux with 2+ CPUs")
def test_ctrl_c_during_a_parallel_check_exits_130_silently_and_leaves_no_process(tmp_path):
    """Class: an interrupt reaching the worker processes (tracebacks from each, sometimes a hang)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    text = to_yaml(at(complete_plan(), "council.gss_code", None))
    for n in range(400):
        (plans / f"p{n:03}.plan.yaml").write_text(text)
    assert ctrl_c_mid_run(["check", str(plans)], attempts=8) >= 6  # most must land mid-check, or the test proves nothing


# -- 15. create unless it exists, atomically -------------------------------------------------------


def test_two_new_commands_started_together_never_both_create_the_file(tmp_path):
    """Class: "create unless it exists" as a test followed by a rename, so the later run replaced the earlier."""
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1")
    for attempt in range(15):
        target = tmp_path / f"race{attempt}.plan.yaml"
        runs = [subprocess.Popen([sys.executable, "-m", "plantool", "new", str(target), "--period", period, "--schema-ref", "s.json"],
                                 env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for period in ("2025/26", "2026/27")]
        codes = [run.wait(timeout=60) for run in runs]
        assert sorted(codes) == [0, 2], (attempt, codes, [r.stderr.read().decode() for r in runs])
        winner = ("2025/26", "2026/27")[codes.index(0)]
        assert f"period: {winner}" in target.read_text()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_exclusive_creation_is_one_step_in_the_file_writer(tmp_path, monkeypatch):
    """The same race made certain: another process creates the file between the test and the write."""
    from plantool.plan import fileio

    target = tmp_path / "plan.plan.yaml"
    real_exists = Path.exists

    def exists_then_created(self):
        answer = real_exists(self)
        if self == target and not answer:
            target.write_text("someone else's plan\n")
        return answer

    monkeypatch.setattr(Path, "exists", exists_then_created)
    with pytest.raises(fileio.WriteError, match="already exists"):
        fileio.atomic_write(target, b"ours\n")
    monkeypatch.undo()
    assert target.read_text() == "someone else's plan\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.plan.yaml"]


# -- 16. control characters in new's options ---------------------------------------------------------

CONTROL = {"newline": "\n", "carriage return": "\r", "NEL": "\x85", "line separator": "\u2028", "tab": "\t", "escape": "\x1b"}


@pytest.mark.parametrize("option", ["--council", "--council-type", "--gss-code", "--period", "--schema-ref"])
@pytest.mark.parametrize("char", list(CONTROL), ids=list(CONTROL))
def test_control_characters_in_new_options_are_refused_and_nothing_is_written(tmp_path, option, char):
    """Class: option text written into the plan (some into comments) that ends a line or is not text."""
    value = {"--period": "2025/26", "--gss-code": "E07000039", "--council-type": "district"}.get(option, "x")
    target = tmp_path / "plan.plan.yaml"
    extra = ["--council-type", "district", "--gss-code", "E07999998"] if option == "--council" else []
    result = run("new", target, option, f"{value}{CONTROL[char]}schema_version: 9", *extra)
    assert result.returncode == 2, result.stderr
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and option in errors[0] and "control character" in errors[0], result.stderr
    assert not target.exists()


def test_a_plan_file_name_with_a_line_break_still_gives_a_file_that_parses(tmp_path):
    target = tmp_path / "two\nlines.plan.yaml"
    result = run("new", target, "--schema-ref", "s.json")
    assert result.returncode == 0, result.stderr
    assert run("check", target).returncode == 0
