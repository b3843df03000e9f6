"""Open the Word document to import: checked as untrusted (plantool.word_package), then read into blocks."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A one-line reason the document cannot be imported."""


def read_package(path: Path) -> bytes:
    """The .docx bytes after the same checks a Word template gets: no macros, no zip bombs, no corrupt parts."""
    from plantool.word_package import UnsafePackage, open_package

    try:
        return open_package(path, "document")
    except UnsafePackage as exc:
        raise DocumentError(str(exc)) from None


def load_word(path: Path):
    """The document's body as read_docx.WordDocument; raises DocumentError."""
    from plantool.importer.read_docx import read

    data = read_package(path)
    try:
        return read(data)
    except Exception as exc:  # python-docx and lxml raise many kinds for broken parts
        raise DocumentError(f"{path}: document is corrupt or not a Word document ({type(exc).__name__})") from None
