"""`plantool import docx`: read a council's Word plan safely, place its content, write a draft plan file."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from plantool.exit_codes import CLEAN, USAGE
from plantool.plan.paths import NEW_PLAN_SUFFIX, beside

WORD_SUFFIXES = (".docx", ".dotx", ".docm", ".dotm")


def default_output(source: Path) -> Path:
    """council-plan.docx -> council-plan.plan.yaml, beside the document."""
    return beside(source, NEW_PLAN_SUFFIX, WORD_SUFFIXES)


def run_import(source: str, output: str | None, *, force: bool, err: TextIO) -> int:
    from plantool.importer.assembly import import_plan
    from plantool.importer.plan_text import to_yaml
    from plantool.importer.source import DocumentError
    from plantool.importer.summary import summary
    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.plan.schema import load_schema

    source_path = Path(source)
    out_path = Path(output) if output else default_output(source_path)
    if not out_path.name.lower().endswith((".yaml", ".yml")):
        err.write(f"plantool: error: {out_path}: the output must end in .yaml (for example {default_output(source_path).name})\n")
        return USAGE
    if out_path.exists() and not force:
        err.write(f"plantool: error: {out_path}: already exists; use --force to replace it\n")
        return USAGE
    schema = load_schema()
    try:
        result = import_plan(source_path, schema)
    except DocumentError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    try:
        atomic_write(out_path, to_yaml(schema, result.data, source_path).encode("utf-8"), force=force)
    except WriteError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    for line in summary(schema, result, source_path, out_path):
        err.write(line + "\n")
    return CLEAN
