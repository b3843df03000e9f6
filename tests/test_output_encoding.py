"""Issue 19, point 2, as a class: text from a plan that the output cannot encode.

A plan can hold text no output takes: a lone surrogate (YAML's "\\ud800" escape, in a key or
a value that a message quotes), a file name byte that is not UTF-8, or characters a narrow
output encoding lacks (a Windows pipe in cp1252, PYTHONIOENCODING=ascii). Every command that
prints plan text must write such a character as a backslash escape and carry on: no exit 3,
no traceback, no report cut short, and JSON that a strict parser reads. Every test here
failed before the fix.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO

from plantool.check.reports import FORMATS

ENCODINGS = ["utf-8", "ascii", "cp1252"]  # strict: what a CI log, a C locale and a Windows pipe take

# A complete plan with lone surrogates where a message quotes them: an unknown key, a value
# outside a list of choices, and plain text (the export's title and council name).
HOSTILE = {
    "  title: Productivity Plan 2025/26": '  title: "Productivity Plan \\ud800 2025/26"\n  "k\\ud800": 1',
    "status: approved": 'status: "approved\\udc00"',
}


def hostile_plan(folder: Path, name: bytes = b"caf\xe9.plan.yaml") -> bytes:
    """The complete plan with surrogates in it, under a file name that is not UTF-8; returns the path as bytes."""
    text = (FIXTURES / "complete.plan.yaml").read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    path = os.path.join(os.fsencode(folder), name)
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
    return path


def run_strict(*args, encoding: str = "utf-8", cwd=None) -> subprocess.CompletedProcess:
    """plantool in a child process whose stdout is strict in `encoding`; output is kept as bytes."""
    env = dict(os.environ, PYTHONPATH=str(REPO), NO_COLOR="1", PYTHONIOENCODING=f"{encoding}:strict")
    return subprocess.run([sys.executable, "-m", "plantool", *args], capture_output=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL, cwd=cwd)


def assert_handled(result, encoding: str, codes=(0, 1)) -> str:
    """The exit code is one a user expects, nothing crashed, and stdout is valid in its encoding; returns stdout."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode in codes, stderr[-2000:]
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-2000:]
    return result.stdout.decode(encoding)  # strictly: raises if a byte is not valid in the encoding


def lone_surrogates(value) -> list[str]:
    """Every decoded JSON string (keys too) that holds a lone surrogate: a strict reader refuses those."""
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in lone_surrogates(key) + lone_surrogates(item)]
    if isinstance(value, list):
        return [s for item in value for s in lone_surrogates(item)]
    if isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value):
        return [value]
    return []


def strict_json(text: str):
    data = json.loads(text)  # the whole document: never half-written
    assert not lone_surrogates(data)
    return data


# -- check, every format --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("output_format", list(FORMATS))
def test_check_writes_text_its_output_cannot_encode_as_escapes_in_every_format(tmp_path, output_format, encoding):
    plan = hostile_plan(tmp_path)
    result = run_strict("check", "--format", output_format, plan, encoding=encoding, cwd=tmp_path)
    stdout = assert_handled(result, encoding, codes=(1,))
    if output_format in ("json", "sarif"):
        data = strict_json(stdout)
        messages = json.dumps(data, ensure_ascii=False)
        if output_format == "json":
            assert data["summary"]["exit_code"] == 1 and data["files"][0]["file"].endswith("/caf\\xe9.plan.yaml")
        else:
            assert data["runs"][0]["results"] and data["runs"][0]["invocations"][0]["exitCode"] == 1
    else:
        messages = stdout
        assert "caf\\xe9.plan.yaml" in stdout
        assert stdout.endswith("questions answered\n")  # the summary: the report was written to the end
    assert "k\\\\ud800" in messages or "k\\ud800" in messages  # the unknown key, quoted with its escape
    assert "approved\\\\udc00" in messages or "approved\\udc00" in messages


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_every_check_format_writes_whole_and_valid_to_a_strict_stream_of_its_own(tmp_path, output_format):
    """The formats are safe by themselves, not only behind plantool's main(): a caller's strict stream takes them."""
    from plantool.commands.check import run_check

    plan = hostile_plan(tmp_path, b"plain.plan.yaml")
    for encoding in ENCODINGS:
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="\n")
        err = io.StringIO()
        code = run_check([os.fsdecode(plan)], output_format, strict=False, out=out, err=err)
        out.flush()
        assert code == 1, err.getvalue()
        text = raw.getvalue().decode(encoding)
        if output_format in ("json", "sarif"):
            strict_json(text)
        else:
            assert text.rstrip().endswith("questions answered")


# -- the other commands that print plan text ----------------------------------------------------------


@pytest.fixture
def two_years(tmp_path) -> tuple[bytes, bytes]:
    last = tmp_path / "last.plan.yaml"
    shutil.copy(FIXTURES / "complete.plan.yaml", last)
    text = last.read_text(encoding="utf-8").replace("period: 2025/26", "period: 2026/27", 1)
    text = text.replace("- name: Service centre", '- name: "Service centre \\ud800"', 1)
    this = tmp_path / "this.plan.yaml"
    this.write_text(text, encoding="utf-8")
    return os.fsencode(last), os.fsencode(this)


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_diff_writes_plan_text_it_cannot_encode_as_escapes(tmp_path, two_years, output_format, encoding):
    last, this = two_years
    printed = assert_handled(run_strict("diff", "--format", output_format, last, this, encoding=encoding), encoding, codes=(0,))
    written = tmp_path / f"diff.{output_format}"
    assert_handled(run_strict("diff", "--format", output_format, last, this, "-o", written, encoding=encoding), encoding, codes=(0,))
    for text in (printed, written.read_text(encoding="utf-8")):
        if output_format == "json":
            text = json.dumps(strict_json(text))
        assert "Service centre \\\\ud800" in text or "Service centre \\ud800" in text


@pytest.mark.parametrize("output_format", ["json", "csv", "text"])
def test_councils_with_a_query_that_is_not_utf8_prints_valid_output(output_format):
    result = run_strict("councils", "--format", output_format, b"caf\xe9")
    stdout = assert_handled(result, "utf-8", codes=(0,))
    if output_format == "json":
        assert strict_json(stdout)["query"] == "caf\\udce9"


def test_export_messages_quoting_plan_text_and_a_file_name_that_is_not_utf8_are_escaped(tmp_path):
    plan = hostile_plan(tmp_path)
    result = run_strict("export", "docx", plan, "--draft", encoding="ascii", cwd=tmp_path)
    assert_handled(result, "ascii", codes=(0,))
    stderr = result.stderr.decode("utf-8")
    assert "caf\\xe9.plan.yaml:" in stderr and "caf\\xe9.docx (marked" in stderr  # named as check names it
    assert os.path.exists(os.path.join(os.fsencode(tmp_path), b"caf\xe9.docx"))  # the output beside it, same bytes
