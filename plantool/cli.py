"""The command line: parse options, call one function, map the result to an exit code.

Heavy modules (jsonschema, rich, python-docx) are imported inside the commands
that need them, so `check` never pays for Word export.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import click
import typer

from plantool import __version__
from plantool.check import reports as check_formats
from plantool.diff import formats as diff_formats
from plantool.summary import columns as summary_columns
from plantool.summary import formats as summary_formats
from plantool.exit_codes import USAGE

app = typer.Typer(
    name="plantool",
    help="Write, check and publish an English council's productivity plan.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def fail(message: str, code: int = USAGE) -> None:
    """One line on stderr, then exit: how plantool reports usage and I/O problems."""
    typer.echo(f"plantool: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plantool {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Write, check and publish an English council's productivity plan."""


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Plan files, or directories to search for *.plan.yaml files."),
    output_format: str = typer.Option(
        "text", "--format", "-f", click_type=click.Choice(list(check_formats.FORMATS)), help=f"{check_formats.choices_text()}.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings as well as errors."),
) -> None:
    """Check plans against the schema and the completeness rules.

    Exit 0: no errors (warnings allowed unless --strict); 1: errors; 2: usage or I/O problem.
    """
    from plantool.commands.check import run_check

    raise typer.Exit(run_check(paths, output_format, strict=strict, out=sys.stdout, err=sys.stderr))


@app.command()
def new(
    path: Path = typer.Argument(..., help="The plan file to create; name it NAME.plan.yaml."),
    council: Optional[str] = typer.Option(None, "--council", help="Council name, short name or GSS code, looked up in the register."),
    council_type: Optional[str] = typer.Option(None, "--council-type", help="Type of council, e.g. district (checked against the register)."),
    gss_code: Optional[str] = typer.Option(None, "--gss-code", help="The council's GSS code, e.g. E07000039."),
    period: Optional[str] = typer.Option(None, "--period", help="The financial year, like 2025/26."),
    from_plan: Optional[Path] = typer.Option(None, "--from", help="Roll last year's plan forward instead of starting empty."),
    schema_ref: Optional[str] = typer.Option(None, "--schema-ref", help="Schema path or URL for the editor modeline; no schema copy is written."),
    force: bool = typer.Option(False, "--force", help="Replace PATH if it exists."),
) -> None:
    """Start a plan: every theme, prompt and disclosure from the schema, with guidance as comments."""
    from plantool.commands.new import Options, TerminalQuestions, run_new

    options = Options(path, council, council_type, gss_code, period, from_plan, schema_ref, force)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    ask = TerminalQuestions() if interactive else None
    raise typer.Exit(run_new(options, interactive=interactive, ask=ask, err=sys.stderr))


@app.command()
def schema(
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the schema to this file instead of printing it."),
    force: bool = typer.Option(False, "--force", help="Replace the output file if it exists."),
) -> None:
    """Print the plan schema (JSON Schema 2020-12), or write it to a file."""
    from plantool.plan.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    from plantool.plan.fileio import WriteError, atomic_write

    try:
        atomic_write(output, text.encode("utf-8"), force=force)
    except WriteError as exc:
        fail(str(exc))
    typer.echo(f"wrote {output}", err=True)


@app.command()
def rules() -> None:
    """List the rules with their ids, severities and documentation."""
    from plantool.commands.rules import rules_text

    sys.stdout.write(rules_text())


@app.command()
def summary(
    paths: List[str] = typer.Argument(..., help="Plan files, or directories to search for *.plan.yaml files."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the summary to this file instead of printing it."),
    output_format: str = typer.Option(
        "csv", "--format", "-f", click_type=click.Choice(list(summary_formats.FORMATS)), help=f"{summary_formats.choices_text()}.",
    ),
    group_by: Optional[str] = typer.Option(
        None, "--group-by", click_type=click.Choice(list(summary_columns.GROUP_BY)),
        help="Count, median and quartiles of each figure per council type or region.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace the output file if it exists."),
) -> None:
    """Compare many plans: one row per plan, the register's coverage, and statistics per group.

    Exit 0: summary written (whatever the plans' findings); 2: usage or I/O problem.
    """
    from plantool.commands.summary import run_summary

    raise typer.Exit(run_summary(paths, output, output_format, group_by, force=force, out=sys.stdout, err=sys.stderr))


class ListFormat(str, Enum):
    text = "text"
    csv = "csv"
    json = "json"


@app.command()
def councils(
    query: str = typer.Argument("", help="Part of a name, short name, other spelling, or a GSS code."),
    council_type: Optional[str] = typer.Option(None, "--type", "-t", help="Only councils of this type, e.g. district."),
    output_format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text, csv or json."),
) -> None:
    """Search the register of English councils (mySociety, CC BY 4.0)."""
    from plantool.commands.councils import run_councils

    raise typer.Exit(run_councils(query, council_type, output_format.value, out=sys.stdout, err=sys.stderr))


@app.command()
def diff(
    last: str = typer.Argument(..., help="Last year's plan."),
    this: str = typer.Argument(..., help="This year's plan."),
    output_format: str = typer.Option(
        "text", "--format", "-f", click_type=click.Choice(list(diff_formats.FORMATS)), help=f"{', '.join(diff_formats.FORMATS)}.",
    ),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of printing it."),
    force: bool = typer.Option(False, "--force", help="Compare plans of different councils; replace the output file if it exists."),
) -> None:
    """Report what changed between last year's plan and this year's: initiatives, savings, figures, barriers, answers."""
    from plantool.commands.diff import run_diff

    raise typer.Exit(run_diff(last, this, output_format, output, force=force, out=sys.stdout, err=sys.stderr))


def export_command() -> click.Command:
    """`plantool export FORMAT PLAN`, with FORMAT and each format's own options taken from the export registry."""
    from typer.core import TyperArgument, TyperCommand, TyperOption

    from plantool.export import FORMATS, all_options

    formats = "; ".join(f"{name}, {entry.help}" for name, entry in FORMATS.items())
    params = [
        TyperArgument(param_decls=["export_format"], metavar="FORMAT", type=click.Choice(list(FORMATS)), required=True),
        TyperArgument(param_decls=["plan"], metavar="PLAN", required=True),
        TyperOption(param_decls=["--output", "-o", "output"], metavar="OUT", help="Where to write it (default: beside the plan, same name)."),
        TyperOption(param_decls=["--draft"], is_flag=True, help="Export even if the plan has errors; every page is marked as a draft, with the number of findings to resolve."),
        TyperOption(param_decls=["--force"], is_flag=True, help="Replace the output even if it is not an earlier export of this plan."),
    ]
    for option in all_options():
        users = ", ".join(name for name, entry in FORMATS.items() if option in entry.options)
        params.append(TyperOption(
            param_decls=[option.flag, option.keyword], metavar=option.metavar, is_flag=not option.takes_value,
            help=f"({users} only) {option.help}",
        ))

    def export(export_format: str, plan: str, output, draft: bool, force: bool, **options) -> None:
        from plantool.commands.export import run_export

        raise typer.Exit(run_export(export_format, plan, output, draft=draft, force=force, err=sys.stderr, **options))

    return TyperCommand(
        "export", callback=export, params=params, no_args_is_help=True,
        help=f"Write the plan as a document. FORMAT is one of: {formats}. Runs check first; refuses a plan with errors.",
    )


import_app = typer.Typer(help="Bring an existing plan document into plantool.", no_args_is_help=True)
app.add_typer(import_app, name="import")


@import_app.command("docx")
def import_docx(
    source: str = typer.Argument(..., help="The council's existing plan as a Word .docx file."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Where to write the plan (default: beside the document, NAME.plan.yaml)."),
    force: bool = typer.Option(False, "--force", help="Replace the output file if it exists."),
) -> None:
    """Turn a Word plan into a draft plan file; content it cannot place is kept, never dropped."""
    from plantool.commands.import_ import run_import

    raise typer.Exit(run_import(source, output, force=force, err=sys.stderr))


@import_app.command("html")
def import_html(
    pages: List[str] = typer.Argument(..., help="The council's plan as saved web pages (.html), in reading order."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Where to write the plan (default: beside the first page, NAME.plan.yaml)."),
    force: bool = typer.Option(False, "--force", help="Replace the output file if it exists."),
) -> None:
    """Turn a plan published as web pages into a draft plan file; navigation, header and footer are left out."""
    from plantool.commands.import_ import run_import_html

    raise typer.Exit(run_import_html(pages, output, force=force, err=sys.stderr))


def run(argv: list[str] | None = None) -> int:
    """Run the full CLI on `argv` with plantool's exit-code policy; returns the exit code, never a traceback."""
    from plantool.guard import guarded

    argv = sys.argv[1:] if argv is None else list(argv)
    command = typer.main.get_command(app)
    command.add_command(export_command())
    return guarded(lambda: command.main(args=argv, prog_name="plantool"), argv)
