"""The check-format and export-format registries: the one place each list lives, read by both CLI paths."""

from __future__ import annotations

import subprocess
import sys
import types

import click
import docx
import pytest
import typer

from conftest import EXAMPLES, FIXTURES, REPO
from plan_helpers import complete_plan, to_yaml

from plantool import __main__ as entry
from plantool.check import reports
from plantool import export as export_registry


def test_importing_the_registries_imports_no_writer_and_nothing_heavy():
    code = (
        "import sys, plantool.check.reports, plantool.export\n"
        "heavy = ('rich', 'jsonschema', 'docx', 'lxml', 'typer', 'click', 'ruamel')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith('plantool.check.reports.')"
        " or m.startswith('plantool.export.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_check_format_choices_come_from_the_registry():
    from plantool.cli import app

    check = typer.main.get_command(app).commands["check"]
    [option] = [p for p in check.params if p.name == "output_format"]
    assert isinstance(option.type, click.Choice) and list(option.type.choices) == list(reports.FORMATS)
    for name in reports.FORMATS:
        assert entry.fast_check_arguments(["check", "-f", name, "a.plan.yaml"]) == (["a.plan.yaml"], name, False)
        assert callable(reports.writer(name))
    assert entry.fast_check_arguments(["check", "-f", "xml", "a.plan.yaml"]) is None


def test_a_new_check_format_is_one_module_and_one_entry(monkeypatch, capsys):
    """Registered at run time here; `check` writes it with no other change."""
    module = types.ModuleType("plantool.check.reports.tally")
    module.write = lambda report, out: out.write(
        f"{len(report.results)} files, {sum(len(r.findings) for r in report.results)} findings, exit {report.exit_code}\n"
    )
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(reports.FORMATS, "tally", ("tally", "a count"))
    code = entry.main(["check", "--format", "tally", str(EXAMPLES / "flawed-2025.plan.yaml"), str(FIXTURES / "complete.plan.yaml")])
    out = capsys.readouterr().out
    assert code == 1 and out == "2 files, 21 findings, exit 1\n"


def test_export_choices_and_options_come_from_the_registry():
    from plantool.cli import export_command

    command = export_command()
    [fmt] = [p for p in command.params if p.name == "export_format"]
    assert list(fmt.type.choices) == list(export_registry.FORMATS)
    flags = {flag for p in command.params for flag in getattr(p, "opts", [])}
    assert {option.flag for option in export_registry.all_options()} <= flags
    for name, export_format in export_registry.FORMATS.items():
        arguments = entry.fast_export_arguments(["export", name, "p.plan.yaml"])
        assert arguments["plan"] == "p.plan.yaml"
        assert set(arguments) == {"plan", "output", "draft", "force"} | {o.keyword for o in export_format.options}
    assert entry.fast_export_arguments(["export", "nosuchformat", "p.plan.yaml"]) is None


@pytest.fixture
def html_registered(monkeypatch):
    """A second format with an option of its own, as html will have; its builder is never reached."""
    html = export_registry.ExportFormat(".html", "plantool.export.not_built_here", "a web page",
                                        (export_registry.Option("--fragment", "Only the body."),))
    monkeypatch.setitem(export_registry.FORMATS, "html", html)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["export", "docx", "PLAN", "--fragment"], "plantool: error: export docx does not take --fragment (it takes --template)\n"),
        (["export", "html", "PLAN", "--template", "house.docx"],
         "plantool: error: export html does not take --template (it takes --fragment)\n"),
    ],
)
def test_an_option_of_another_format_is_a_one_line_usage_error(html_registered, tmp_path, capsys, argv, message):
    plan = tmp_path / "p.plan.yaml"
    plan.write_text(to_yaml(complete_plan()), encoding="utf-8")
    code = entry.main([str(plan) if arg == "PLAN" else arg for arg in argv])
    captured = capsys.readouterr()
    assert (code, captured.err, captured.out) == (2, message, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.plan.yaml"]  # nothing written


def _text_builder() -> types.ModuleType:
    """A tiny format built through the registry: the plan's title, and the export marker on the first line."""
    module = types.ModuleType("plantool.export.title_text")
    module.EXPECTED_ERRORS = (LookupError,)
    module.prepare = lambda: None
    module.build = lambda job: f"{job['marker']}\n{job['data']['plan']['title']}{'!' if job['options'].get('shout') else ''}\n".encode()

    def previous_marker(path):
        lines = path.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else None

    module.previous_marker = previous_marker
    return module


def test_a_new_export_format_is_one_module_and_one_entry(monkeypatch, tmp_path, capsys):
    """commands/export.py knows no format: suffix, options, building and the marker all come via the registry."""
    module = _text_builder()
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(export_registry.FORMATS, "txt", export_registry.ExportFormat(
        ".txt", module.__name__, "the title as text", (export_registry.Option("--shout", "Add an exclamation mark."),)))
    monkeypatch.setenv("PLANTOOL_NO_FORK", "1")
    plan = tmp_path / "p.plan.yaml"
    plan.write_text(to_yaml(complete_plan()), encoding="utf-8")
    title = complete_plan()["plan"]["title"]

    assert entry.main(["export", "txt", str(plan)]) == 0  # the fast path
    assert (tmp_path / "p.txt").read_text() == f"plantool-export:p.plan.yaml\n{title}\n"
    assert entry.main(["export", "txt", str(plan), "--shout", "-o", str(tmp_path / "p.txt")]) == 0  # replaces its own export
    assert (tmp_path / "p.txt").read_text().endswith(f"{title}!\n")
    from plantool.cli import run

    assert run(["export", "txt", "--shout", str(plan)]) == 0  # the same, through the full CLI
    capsys.readouterr()

    (tmp_path / "other.txt").write_text("someone's notes\n")
    assert entry.main(["export", "txt", str(plan), "-o", str(tmp_path / "other.txt")]) == 2
    assert "not an earlier export of p.plan.yaml; use --force" in capsys.readouterr().err
    assert (tmp_path / "other.txt").read_text() == "someone's notes\n"
    assert entry.main(["export", "txt", str(plan), "-o", str(tmp_path / "p.docx")]) == 2
    assert capsys.readouterr().err == f"plantool: error: {tmp_path / 'p.docx'}: the output must end in .txt\n"


def test_docx_export_through_the_registry_in_process(tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert entry.main(["export", "docx", str(EXAMPLES / "riverside-2025.plan.yaml"), "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"wrote {out}\n"
    assert docx.Document(out).core_properties.identifier == "plantool-export:riverside-2025.plan.yaml"
