"""A bug gives exit 3, one line naming a crash log, and a log holding what a maintainer needs."""

from __future__ import annotations

import os
import platform
import re
import sys

import pytest

from conftest import EXAMPLES, run_plantool

from plantool import __main__ as entry
from plantool import guard

PLAN = str(EXAMPLES / "riverside-2025.plan.yaml")
FAULT = "forced fault for the crash-log test"
ONE_LINE = re.compile(
    r"^plantool: internal error: RuntimeError: " + FAULT + r" second line \(please report it with the log at (?P<log>.+)\)\n$"
)


def _raise(*args, **kwargs):
    raise RuntimeError(FAULT + "\nsecond line")


def assert_crash_log(text: str, command: str) -> None:
    assert text.startswith("plantool internal error\n")
    assert "version: plantool 0.1.0\n" in text
    assert f"python: {platform.python_implementation()} {platform.python_version()} ({sys.executable})\n" in text
    assert f"platform: {platform.platform()}\n" in text
    assert f"command: {command}\n" in text
    assert "Traceback (most recent call last):" in text
    assert text.rstrip().endswith(f"RuntimeError: {FAULT}\nsecond line")


def test_in_process_fault_in_check(monkeypatch, tmp_path, capsys):
    log = tmp_path / "logs" / "plantool.log"
    monkeypatch.setenv("PLANTOOL_LOG", str(log))
    monkeypatch.setattr("plantool.plan.paths.expand", _raise)
    code = entry.main(["check", PLAN])
    err = capsys.readouterr().err
    assert code == 3
    match = ONE_LINE.match(err)
    assert match and match.group("log") == str(log), err
    text = log.read_text(encoding="utf-8")
    assert_crash_log(text, f"plantool check {PLAN}")
    assert "plantool/commands/check.py" in text  # the frame that called the failing function


def test_in_process_fault_in_the_full_cli(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PLANTOOL_LOG", str(tmp_path / "plantool.log"))
    monkeypatch.setattr("plantool.commands.rules.rules_text", _raise)
    assert entry.main(["rules"]) == 3
    assert ONE_LINE.match(capsys.readouterr().err)
    assert_crash_log((tmp_path / "plantool.log").read_text(encoding="utf-8"), "plantool rules")


# Breaks a function that `check` and `rules` call, in a real process, before plantool runs.
FAULTY_SITE = f"""
import plantool.plan.paths, plantool.commands.rules

def fault(*args, **kwargs):
    raise RuntimeError({FAULT!r} + "\\nsecond line")

plantool.plan.paths.expand = plantool.commands.rules.rules_text = fault
"""


@pytest.fixture
def faulty(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(FAULTY_SITE, encoding="utf-8")
    return {"PYTHONPATH": f"{tmp_path / 'site'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


@pytest.mark.parametrize("args", [["check", PLAN], ["check", "--format", "sarif", PLAN], ["rules"]])
def test_a_real_process_writes_the_log_in_the_cache_directory(faulty, tmp_path, args):
    env = {**faulty, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PLANTOOL_LOG": ""}
    result = run_plantool(*args, env=env)
    log = tmp_path / "cache" / "plantool" / "plantool.log"
    assert result.returncode == 3 and result.stdout == ""
    match = ONE_LINE.match(result.stderr)
    assert match and match.group("log") == str(log), result.stderr
    assert_crash_log(log.read_text(encoding="utf-8"), "plantool " + " ".join(args))


def test_an_unwritable_log_place_falls_back_to_the_temporary_directory(faulty, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**faulty, "PLANTOOL_LOG": str(blocker / "plantool.log"), "TMPDIR": str(temp)}
    result = run_plantool("check", PLAN, env=env)
    assert result.returncode == 3
    match = ONE_LINE.match(result.stderr)
    assert match, result.stderr
    [written] = temp.iterdir()
    assert match.group("log") == str(written) and written.name.startswith("plantool-") and written.suffix == ".log"
    assert_crash_log(written.read_text(encoding="utf-8"), f"plantool check {PLAN}")


def test_no_log_at_all_is_still_one_line_and_exit_3(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("PLANTOOL_LOG", str(blocker / "plantool.log"))

    def no_temp(*args, **kwargs):
        raise OSError("no space left")

    monkeypatch.setattr("tempfile.mkstemp", no_temp)
    assert guard.guarded(lambda: _raise(), ["check"]) == 3
    assert capsys.readouterr().err == (
        f"plantool: internal error: RuntimeError: {FAULT} second line (please report it; no log could be written)\n"
    )


def test_ctrl_c_broken_pipe_and_exit_codes_are_not_crashes(monkeypatch, tmp_path, capsys):
    log = tmp_path / "plantool.log"
    monkeypatch.setenv("PLANTOOL_LOG", str(log))

    def interrupted():
        raise KeyboardInterrupt

    def pipe_closed():
        raise BrokenPipeError

    assert guard.guarded(interrupted, []) == 130
    assert capsys.readouterr().err == "plantool: interrupted\n"
    assert guard.guarded(pipe_closed, []) == 2
    assert guard.guarded(lambda: sys.exit(1), []) == 1
    assert guard.guarded(lambda: None, []) == 0
    assert capsys.readouterr().err == ""
    assert not log.exists()


def test_main_returns_the_code_on_every_path(capsys):
    """In-process: no SystemExit escapes, whichever path answers."""
    assert entry.main(["--version"]) == 0
    assert entry.main(["check", PLAN]) == 0  # the fast path
    assert entry.main(["rules"]) == 0  # the full CLI
    assert entry.main(["frobnicate"]) == 2  # a usage error from click
    assert entry.main(["check", "--format", "xml", PLAN]) == 2
    capsys.readouterr()
