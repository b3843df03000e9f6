"""Entry point for `plantool` and `python -m plantool`.

`--version` is answered, and a plain `check` run, before the CLI framework is
imported: the pre-commit hook runs `check` on every commit, and typer and click
cost about a third of its time. Anything unusual (help, an unknown option, a
malformed value) goes to the full CLI, which gives the usual messages.
"""

import sys

CHECK_FORMATS = ("text", "json", "github")


def fast_check_arguments(argv: list[str]):
    """(paths, format, strict) for a simple `check` command line, or None to use the full CLI."""
    if not argv or argv[0] != "check":
        return None
    paths, output_format, strict = [], "text", False
    args = iter(argv[1:])
    only_paths = False
    for arg in args:
        if only_paths or not arg.startswith("-"):
            paths.append(arg)
        elif arg == "--":
            only_paths = True
        elif arg == "--strict":
            strict = True
        elif arg in ("--format", "-f"):
            output_format = next(args, None)
        elif arg.startswith("--format="):
            output_format = arg.split("=", 1)[1]
        else:
            return None
        if output_format not in CHECK_FORMATS:
            return None
    return (paths, output_format, strict) if paths else None


def main() -> None:
    argv = sys.argv[1:]
    if argv in (["--version"], ["-V"]):
        from . import __version__

        print(f"plantool {__version__}")
        raise SystemExit(0)
    simple = fast_check_arguments(argv)
    if simple is not None:
        from .guard import guarded
        from .run_check import run_check

        paths, output_format, strict = simple
        guarded(lambda: run_check(paths, output_format, strict=strict, out=sys.stdout, err=sys.stderr))
    from .cli import run

    run()


if __name__ == "__main__":
    main()
