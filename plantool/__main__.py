"""Entry point for `plantool` and `python -m plantool`: `main(argv) -> int`.

`--version`, and plain `check`, `export FORMAT` and `summary` runs, are answered before the
CLI framework is imported: the pre-commit hook runs `check` on every commit,
`export` is part of an edit-and-look loop, `summary` is held to a fraction of a
schema checker's time, and typer with click costs about a third of a `check`. Anything unusual (help, an unknown option, a missing value)
goes to the full CLI, which gives the usual messages. A test proves both paths
print the same. The check formats and the export formats, with their options,
come from their registries (`plantool/check/reports/`, `plantool/export/`,
`plantool/summary/formats/`).
"""

from __future__ import annotations

import sys

# option -> (keyword, takes a value)
CHECK_OPTIONS = {"--format": ("output_format", True), "-f": ("output_format", True), "--strict": ("strict", False)}
EXPORT_OPTIONS = {"--output": ("output", True), "-o": ("output", True), "--draft": ("draft", False), "--force": ("force", False)}
SUMMARY_OPTIONS = {"--output": ("output", True), "-o": ("output", True), "--format": ("output_format", True),
                   "-f": ("output_format", True), "--group-by": ("group_by", True), "--force": ("force", False)}


def _parse(argv: list[str], options: dict):
    """(positional arguments, options given) for a simple command line, or None."""
    positional, given = [], {}
    args = iter(argv)
    only_positional = False
    for arg in args:
        if only_positional or not arg.startswith("-") or arg == "-":
            if arg == "-" and not only_positional:
                return None
            positional.append(arg)
            continue
        if arg == "--":
            only_positional = True
            continue
        name, _, inline = arg.partition("=")
        if name not in options:
            return None
        keyword, takes_value = options[name]
        if takes_value:
            value = inline if inline else next(args, None)
            if not value or value.startswith("-"):
                return None
            given[keyword] = value
        elif inline:
            return None
        else:
            given[keyword] = True
    return positional, given


def fast_check_arguments(argv: list[str]):
    """(paths, format, strict) for a simple `check` command line, or None to use the full CLI."""
    if not argv or argv[0] != "check":
        return None
    from plantool.check.reports import FORMATS

    parsed = _parse(argv[1:], CHECK_OPTIONS)
    if parsed is None or not parsed[0]:
        return None
    paths, given = parsed
    output_format = given.get("output_format", "text")
    if output_format not in FORMATS:
        return None
    return paths, output_format, bool(given.get("strict"))


def fast_export_arguments(argv: list[str]):
    """Keyword arguments of run_export for a simple `export FORMAT` command line (FORMAT is argv[1]), or None."""
    if len(argv) < 2 or argv[0] != "export":
        return None
    from plantool.export import FORMATS

    if argv[1] not in FORMATS:
        return None
    own = FORMATS[argv[1]].options
    options = {**EXPORT_OPTIONS, **{option.flag: (option.keyword, option.takes_value) for option in own}}
    parsed = _parse(argv[2:], options)
    if parsed is None or len(parsed[0]) != 1:
        return None
    [plan], given = parsed
    return {
        "plan": plan, "output": given.get("output"), "draft": bool(given.get("draft")), "force": bool(given.get("force")),
        **{option.keyword: given.get(option.keyword, None if option.takes_value else False) for option in own},
    }


def fast_summary_arguments(argv: list[str]):
    """Keyword arguments of run_summary for a simple `summary` command line, or None to use the full CLI."""
    if not argv or argv[0] != "summary":
        return None
    from pathlib import Path

    from plantool.summary.columns import GROUP_BY
    from plantool.summary.formats import FORMATS

    parsed = _parse(argv[1:], SUMMARY_OPTIONS)
    if parsed is None or not parsed[0]:
        return None
    paths, given = parsed
    output_format, group_by = given.get("output_format", "csv"), given.get("group_by")
    if output_format not in FORMATS or group_by not in (None, *GROUP_BY):
        return None
    output = given.get("output")
    return {"paths": paths, "output": Path(output) if output else None, "output_format": output_format,
            "group_by": group_by, "force": bool(given.get("force"))}


def main(argv: list[str] | None = None) -> int:
    """Run plantool on `argv` (default: the process's arguments) and return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    from plantool.output import lenient

    lenient(sys.stdout, sys.stderr)  # plan text no output can take is printed as escapes, never a crash
    if argv in (["--version"], ["-V"]):
        from plantool import __version__

        print(f"plantool {__version__}")
        return 0
    check = fast_check_arguments(argv)
    if check is not None:
        from plantool.commands.check import run_check
        from plantool.guard import guarded

        paths, output_format, strict = check
        return guarded(lambda: run_check(paths, output_format, strict=strict, out=sys.stdout, err=sys.stderr), argv)
    export = fast_export_arguments(argv)
    if export is not None:
        from plantool.commands.export import run_export
        from plantool.guard import guarded

        return guarded(lambda: run_export(argv[1], **export, err=sys.stderr), argv)
    summary = fast_summary_arguments(argv)
    if summary is not None:  # an analyst's sweep of hundreds of plans: typer would add a tenth to a quick run
        from plantool.commands.summary import run_summary
        from plantool.guard import guarded

        return guarded(lambda: run_summary(**summary, out=sys.stdout, err=sys.stderr), argv)
    from plantool.cli import run

    return run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
