"""`plantool import docx|html`: read a council's existing plan safely, place its content, write a draft plan file."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TextIO

from plantool.exit_codes import CLEAN, USAGE
from plantool.plan.paths import NEW_PLAN_SUFFIX, beside

WORD_SUFFIXES = (".docx", ".dotx", ".docm", ".dotm")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def default_output(source: Path, suffixes: tuple = WORD_SUFFIXES) -> Path:
    """council-plan.docx -> council-plan.plan.yaml, beside the document (the first page, for web pages)."""
    return beside(source, NEW_PLAN_SUFFIX, suffixes)


def run_import(source: str, output: str | None, *, force: bool, err: TextIO) -> int:
    """`plantool import docx`."""
    from plantool.importer.assembly import import_plan

    return _run([Path(source)], output, WORD_SUFFIXES, lambda schema: import_plan(Path(source), schema), "docx", force=force, err=err)


def run_import_html(sources: list[str], output: str | None, *, force: bool, err: TextIO) -> int:
    """`plantool import html`: the pages are read in the order given, as one plan."""
    from plantool.importer.assembly import import_pages

    paths = [Path(s) for s in sources]
    return _run(paths, output, HTML_SUFFIXES, lambda schema: import_pages(paths, schema), "html", force=force, err=err)


def _run(sources: list[Path], output: str | None, suffixes: tuple, read: Callable, command: str, *, force: bool, err: TextIO) -> int:
    from plantool.importer.plan_text import to_yaml
    from plantool.importer.source import DocumentError
    from plantool.importer.summary import summary
    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.plan import schema_copy
    from plantool.plan.schema import load_schema

    first = sources[0]
    out_path = Path(output) if output else default_output(first, suffixes)
    if not out_path.name.lower().endswith((".yaml", ".yml")):
        err.write(f"plantool: error: {out_path}: the output must end in .yaml (for example {default_output(first, suffixes).name})\n")
        return USAGE
    if out_path.exists() and not force:
        err.write(f"plantool: error: {out_path}: already exists; use --force to replace it\n")
        return USAGE
    schema = load_schema()
    try:
        result = read(schema)
    except DocumentError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    names = ", ".join(source.name for source in sources)
    copy = schema_copy.copy_beside(out_path, schema)  # the plan's modeline names it, beside the plan
    try:
        atomic_write(out_path, to_yaml(schema, result.data, names, command).encode("utf-8"), force=force)
        if copy:
            atomic_write(copy[0], copy[1].encode("utf-8"), force=True)
    except WriteError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    lines = summary(schema, result, names, out_path)
    if copy:  # before the last line, which says what to do next
        lines[-1:-1] = [f"wrote {copy[0].name} beside it, for editor help"]
    for line in lines:
        err.write(line + "\n")
    return CLEAN
