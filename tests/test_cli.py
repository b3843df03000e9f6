"""The real CLI, run as a process: exit codes, output formats, colour, and imports."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from conftest import EXAMPLES, FIXTURES, REPO, run_plantool
from plan_helpers import at, complete_plan, to_yaml

LINE = r"^\S+:\d+:\d+: (error|warning|info): .+ \([a-z-]+\)$"


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(to_yaml(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_version_both_ways():
    for args in (["--version"], ["-V"]):
        result = run_plantool(*args)
        assert result.returncode == 0 and result.stdout.strip() == "plantool 0.1.0"


def test_exit_0_for_a_clean_plan_and_summary_line():
    result = run_plantool("check", FIXTURES / "complete.plan.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 errors, 0 warnings; 26 of 26 questions answered")


def test_exit_0_with_warnings_in_a_draft_and_1_with_strict(tmp_path):
    data = at(complete_plan(), "plan.status", "draft")
    data = at(data, "themes.transformation.future_plans", "TODO")
    path = write(tmp_path, "draft.plan.yaml", data)
    result = run_plantool("check", path)
    assert result.returncode == 0
    assert ": warning: " in result.stdout and "25 of 26 questions answered" in result.stdout
    assert run_plantool("check", "--strict", path).returncode == 1


def test_exit_1_for_errors_with_file_line_col(tmp_path):
    path = write(tmp_path, "bad.plan.yaml", at(complete_plan(), "council.type", "county"))
    result = run_plantool("check", path)
    assert result.returncode == 1
    import re

    lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert lines and all(re.match(LINE, line) for line in lines)
    assert "(gss-code-type)" in result.stdout


def test_exit_2_for_missing_file_and_directory_without_plans(tmp_path):
    result = run_plantool("check", tmp_path / "nope.plan.yaml")
    assert result.returncode == 2
    assert "nope.plan.yaml: no such file" in result.stderr and "Traceback" not in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_plantool("check", empty)
    assert result.returncode == 2 and "no plan files" in result.stderr


def test_exit_2_for_usage_errors():
    assert run_plantool("check").returncode == 2
    assert run_plantool("check", "--format", "xml", FIXTURES / "complete.plan.yaml").returncode == 2
    assert run_plantool("frobnicate").returncode == 2


def test_many_files_and_directories_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a").mkdir()
    write(tmp_path, "a/good.plan.yaml", complete_plan())
    write(tmp_path, "a/broken.plan.yaml", "schema_version: [\n")
    write(tmp_path, "a/ignored.yaml", "not: a plan\n")
    result = run_plantool("check", tmp_path / "a", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    files = {os.path.basename(f["file"]): f for f in report["files"]}
    assert set(files) == {"good.plan.yaml", "broken.plan.yaml"}
    assert files["good.plan.yaml"]["findings"] == [] and files["broken.plan.yaml"]["findings"]


def test_json_structure_is_stable(tmp_path):
    path = write(tmp_path, "x.plan.yaml", at(complete_plan(), "disclosures.agency_staff.share.percent", 9))
    result = run_plantool("check", "--format", "json", path)
    report = json.loads(result.stdout)
    assert list(report) == ["version", "tool", "files", "summary"]
    assert report["version"] == 1
    [entry] = report["files"]
    assert list(entry) == ["file", "error", "status", "questions", "findings"]
    assert entry["questions"] == {"answered": 26, "total": 26}
    [finding] = entry["findings"]
    assert list(finding) == ["line", "col", "severity", "rule", "message", "path", "schema_path", "detail"]
    assert finding["rule"] == "percentage-mismatch" and finding["path"] == "disclosures.agency_staff.share.percent"
    assert report["summary"] == {"files": 1, "errors": 1, "warnings": 0, "info": 0, "unreadable": 0, "exit_code": 1}


def test_json_includes_schema_path_for_schema_findings(tmp_path):
    path = write(tmp_path, "x.plan.yaml", at(complete_plan(), "plan.status", "done"))
    finding = json.loads(run_plantool("check", "-f", "json", path).stdout)["files"][0]["findings"][0]
    assert finding["rule"] == "schema" and finding["schema_path"].startswith("#/properties/plan")


def test_github_annotations(tmp_path):
    path = write(tmp_path, "x.plan.yaml", at(complete_plan(), "council.type", "county"))
    result = run_plantool("check", "--format", "github", path)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    gss_line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "gss_code:" in text)
    type_line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "type: county" in text)
    assert sorted(lines) == sorted([
        f"::error file={path},line={type_line},col=9,title=council-register::"
        "South Derbyshire District Council (E07000039) is a district council in the register, not county",
        f"::error file={path},line={gss_line},col=13,title=gss-code-type::"
        "Council › GSS code: E07000039 starts E07, but a county council's code starts E10",
    ])


def test_no_colour_when_piped_and_colour_on_a_terminal_unless_no_color(tmp_path):
    path = write(tmp_path, "x.plan.yaml", at(complete_plan(), "council.type", "county"))
    assert "\x1b[" not in run_plantool("check", path).stdout

    def on_terminal(extra_env):
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        env.update(extra_env, PYTHONPATH=str(REPO), TERM="xterm-256color")
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(sys.executable, [sys.executable, "-m", "plantool", "check", str(path)], env)
        chunks = b""
        while True:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            chunks += data
        os.waitpid(pid, 0)
        return chunks.decode()

    assert "\x1b[" in on_terminal({})
    assert "\x1b[" not in on_terminal({"NO_COLOR": "1"})


HEAVY_FOR_CHECK = ("docx", "lxml", "rapidfuzz", "selectolax", "matplotlib")  # export, import, diff and summary only


@pytest.mark.parametrize("plan", ["complete", "flawed"])
def test_check_never_imports_what_only_other_commands_need(tmp_path, plan):
    """The pre-commit hook runs check on every commit: Word, fuzzy matching, HTML parsing and charts stay out of it."""
    path = write(tmp_path, "x.plan.yaml", complete_plan()) if plan == "complete" else EXAMPLES / "flawed-2025.plan.yaml"
    code = (
        "import sys; sys.argv=['plantool','check',%r]\n"
        "from plantool.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad=[m for m in sys.modules if m.split('.')[0] in %r]\n"
        "print('IMPORTED', bad)\n" % (str(path), HEAVY_FOR_CHECK)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert "IMPORTED []" in result.stdout, result.stdout + result.stderr


def test_python_dash_m_and_schema_and_rules(tmp_path):
    printed = run_plantool("schema")
    assert printed.returncode == 0
    schema = json.loads(printed.stdout)
    assert schema["$schema"].endswith("2020-12/schema") and schema["$id"]
    out = tmp_path / "s.json"
    assert run_plantool("schema", "-o", out).returncode == 0
    assert json.loads(out.read_text()) == schema
    again = run_plantool("schema", "-o", out)
    assert again.returncode == 2 and "--force" in again.stderr
    assert run_plantool("schema", "-o", out, "--force").returncode == 0
    listed = run_plantool("rules").stdout
    from plantool.check.rules import BUILTIN_RULES, load_rules

    for rule_id in [r.ID for r in load_rules()] + list(BUILTIN_RULES):
        assert f"{rule_id}  [" in listed


def test_silencing_a_rule_with_a_comment(tmp_path):
    text = (FIXTURES / "complete.plan.yaml").read_text()
    text = text.replace(
        "    measuring_productivity: We compare unit costs with similar districts every quarter.",
        "    # plantool: disable=link-text -- the council's style guide names this page 'website'\n"
        "    measuring_productivity: Results are on our [website](https://x.gov.uk).",
    )
    path = write(tmp_path, "x.plan.yaml", text)
    assert run_plantool("check", "--strict", path).returncode == 0
    path.write_text(text.replace("# plantool: disable=link-text", "# a comment"))
    result = run_plantool("check", "--strict", path)
    assert result.returncode == 1 and "(link-text)" in result.stdout


def test_check_does_not_write_to_the_plan(tmp_path):
    path = write(tmp_path, "x.plan.yaml", complete_plan())
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    run_plantool("check", path)
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path))) == before


def test_console_script_is_declared():
    text = (REPO / "pyproject.toml").read_text()
    assert 'plantool = "plantool.__main__:main"' in text


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["check", "a.plan.yaml"], (["a.plan.yaml"], "text", False)),
        (["check", "--strict", "-f", "json", "a", "b"], (["a", "b"], "json", True)),
        (["check", "--format=github", "--", "-odd.plan.yaml"], (["-odd.plan.yaml"], "github", False)),
        (["check", "--help"], None),
        (["check", "--format", "xml", "a"], None),
        (["check", "-f"], None),
        (["check"], None),
        (["new", "a"], None),
    ],
)
def test_fast_check_path_takes_only_simple_command_lines(argv, expected):
    from plantool.__main__ import fast_check_arguments

    assert fast_check_arguments(argv) == expected


def test_fast_check_path_gives_what_the_full_cli_gives(tmp_path):
    """The typer-free path and the typer command print the same, byte for byte, with the same exit code."""
    paths = [str(p) for p in sorted((REPO / "examples").glob("*.plan.yaml"))] + [str(tmp_path / "missing.plan.yaml")]
    for output_format in ("text", "json", "github"):
        fast = run_plantool("check", "--format", output_format, *paths)
        full = subprocess.run(
            [sys.executable, "-c", "import sys; from plantool.cli import run; sys.argv[0] = 'plantool'; sys.exit(run())",
             "check", "--format", output_format, *paths],
            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)
        assert fast.returncode == 2  # the missing file


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["export", "docx", "p.plan.yaml"], {"plan": "p.plan.yaml", "output": None, "draft": False, "force": False, "template": None}),
        (["export", "docx", "p", "-o", "o.docx", "--draft", "--force", "--template=t.docx"],
         {"plan": "p", "output": "o.docx", "draft": True, "force": True, "template": "t.docx"}),
        (["export", "docx", "p", "q"], None),
        (["export", "docx", "p", "-o"], None),
        (["export", "docx", "--help"], None),
        (["export", "rtf", "p"], None),  # a format the registry does not have
        (["export", "docx", "p", "--draft=yes"], None),
    ],
)
def test_fast_export_path_takes_only_simple_command_lines(argv, expected):
    from plantool.__main__ import fast_export_arguments

    assert fast_export_arguments(argv) == expected


def test_fast_export_path_gives_what_the_full_cli_gives(tmp_path):
    import docx

    plan = REPO / "examples" / "riverside-2025.plan.yaml"
    for name, args in {"fast": [], "full": []}.items():
        command = ["export", "docx", str(plan), "-o", str(tmp_path / f"{name}.docx"), *args]
        if name == "fast":
            result = run_plantool(*command)
        else:
            result = subprocess.run(
                [sys.executable, "-c", "import sys; from plantool.cli import run; sys.argv[0] = 'plantool'; sys.exit(run())", *command],
                capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
            )
        assert result.returncode == 0, result.stderr
        assert result.stderr == f"wrote {tmp_path / f'{name}.docx'}\n"
    texts = [[p.text for p in docx.Document(tmp_path / f"{name}.docx").paragraphs] for name in ("fast", "full")]
    assert texts[0] == texts[1] and len(texts[0]) > 20
