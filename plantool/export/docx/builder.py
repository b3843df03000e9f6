"""The `docx` entry of the export registry: the Word document, built by `plantool.export.docx.writer`.

`prepare` imports python-docx (the slow part) in the background builder while
the plan is read; `build` turns the plan into the .docx bytes, with a note for
the user when a council template's external references were removed. plantool marks
its exports in the core properties (`dc:identifier`), which `previous_marker`
reads back so that an export may replace its own earlier output.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

from plantool.export.background import Built
from plantool.export.docx.template import TemplateError

EXPECTED_ERRORS = (TemplateError,)


def prepare() -> None:
    from plantool.export.docx import writer  # noqa: F401  (imports python-docx)


def build(job: dict) -> Built:
    """The .docx bytes, and a note when the council template had external references removed."""
    from plantool.export.docx.template import open_template
    from plantool.export.docx.writer import REQUIRED_STYLES, build as build_document
    from plantool.plan.schema import load_schema

    path = job["options"].get("template")
    template = open_template(Path(path), REQUIRED_STYLES) if path else None
    document = build_document(
        load_schema(), job["data"], draft_mark=job["draft_mark"],
        template=template.document if template else None, marker=job["marker"], findings=job.get("findings"),
    )
    buffer = io.BytesIO()
    document.save(buffer)
    note = template.note(Path(path)) if template else None
    return Built(buffer.getvalue(), (note,) if note else ())


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
    return html.unescape(match.group(1)) if match else None  # as written: 'a&amp;b.plan.yaml' is a&b.plan.yaml
