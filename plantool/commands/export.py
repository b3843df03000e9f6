"""`plantool export docx`: check the plan, refuse or mark it, build the document, write it safely."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TextIO

from plantool.check.findings import ERROR
from plantool.exit_codes import CLEAN, ERRORS, USAGE
from plantool.plan.paths import beside

def default_output(plan: Path) -> Path:
    """derbyshire-2024.plan.yaml -> derbyshire-2024.docx, beside the plan."""
    return beside(plan, ".docx")


def previous_marker(path: Path) -> str | None:
    """The export marker in an existing .docx's core properties, if it has one."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 1_000_000:
                return None
            core = archive.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return None
    match = re.search(r"<dc:identifier>([^<]*)</dc:identifier>", core)
    return match.group(1) if match else None


EXPORT_MARK = "plantool-export:"  # core 'identifier' prefix: lets a later export replace this file


def export_marker(plan_path: Path) -> str:
    return f"{EXPORT_MARK}{Path(plan_path).name}"


def _import_word() -> None:
    """In the builder process, before the plan arrives: the slow import."""
    from plantool.export.docx import writer  # noqa: F401  (imports python-docx)


def _build_bytes(job: dict) -> bytes:
    from plantool.plan.schema import load_schema
    from plantool.export.docx.writer import build

    template = Path(job["template"]) if job["template"] else None
    document = build(load_schema(), job["data"], draft_mark=job["draft_mark"], template=template, marker=job["marker"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def run_export(plan: str, output: str | None, *, draft: bool, force: bool, template: str | None, err: TextIO) -> int:
    from plantool.plan import loader as documents
    from plantool.check.runner import check_document
    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.check.reports.text import finding_line
    from plantool.plan.schema import load_schema

    plan_path = Path(plan)
    out_path = Path(output) if output else default_output(plan_path)
    if out_path.suffix.lower() != ".docx":
        err.write(f"plantool: error: {out_path}: the output must end in .docx\n")
        return USAGE
    from plantool.export.background import Builder
    from plantool.export.docx.template import TemplateError

    builder = Builder(_import_word, _build_bytes, (TemplateError,))
    schema = load_schema()
    try:
        doc = documents.load(plan_path)
    except documents.PlanIOError as exc:
        builder.cancel()
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    status = None
    if isinstance(doc.data, dict) and isinstance(doc.data.get("plan"), dict):
        status = doc.data["plan"].get("status")
    draft_mark = draft or status not in ("approved", "published")
    marker = export_marker(plan_path)
    if isinstance(doc.data, dict):
        builder.send({"data": doc.data, "draft_mark": draft_mark, "template": template, "marker": marker})
    result = check_document(doc, schema)
    for finding in result.findings:
        err.write(finding_line(finding) + "\n")
    errors = [f for f in result.findings if f.severity == ERROR]
    if not isinstance(doc.data, dict):
        builder.cancel()
        err.write(f"plantool: error: {plan_path}: cannot export a file that is not a readable plan\n")
        return ERRORS
    if errors and not draft:
        builder.cancel()
        err.write(
            f"plantool: export refused: {plan_path} has {len(errors)} error(s); fix them, "
            "or use --draft to export a marked draft\n"
        )
        return ERRORS
    try:
        data = builder.wait()
    except TemplateError as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    try:
        atomic_write(out_path, data, force=force, replace_ok=lambda p: previous_marker(p) == marker)
    except WriteError as exc:
        message = str(exc)
        if "already exists" in message:
            message = f"{out_path}: already exists and is not an earlier export of {plan_path.name}; use --force to replace it"
        err.write(f"plantool: error: {message}\n")
        return USAGE
    err.write(f"wrote {out_path}" + (" (marked DRAFT – not approved)" if draft_mark else "") + "\n")
    return CLEAN
