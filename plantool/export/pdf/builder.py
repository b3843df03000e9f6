"""The `pdf` entry of the export registry: the Word export, turned into a tagged PDF by LibreOffice.

The PDF is made from the same .docx `export docx` writes (the council's
`--template` included), so the two always match, page for page.
"""

from __future__ import annotations

import os

from plantool.export.background import Built
from plantool.export.docx import builder as docx_build
from plantool.export.pdf.libreoffice import PdfError, convert
from plantool.export.pdf.marker import add_marker, previous_marker  # noqa: F401  (previous_marker: the registry reads it)

EXPECTED_ERRORS = (PdfError, *docx_build.EXPECTED_ERRORS)


_parent: int | None = None  # set in the background builder: the plantool process it works for


def prepare() -> None:
    """Runs first in the background builder (never in-process): note who asked, import python-docx."""
    global _parent
    _parent = os.getppid()
    docx_build.prepare()


def build(job: dict) -> Built:
    """The PDF of the Word export, with the Word export's notes (a template's references removed)."""
    word = docx_build.build(job)
    return Built(add_marker(convert(word.data, parent=_parent), job["marker"]), word.notes)
