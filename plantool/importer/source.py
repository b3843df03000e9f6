"""Open the Word document to import: checked as untrusted (plantool.word_package), then read into blocks."""

from __future__ import annotations

import io
import re
import zipfile
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


_MAIN_PART = re.compile(r'<Override[^>]*PartName="/?([^"]+)"[^>]*ContentType="[^"]*wordprocessingml\.document\.main\+xml"', re.IGNORECASE)


def body_size(data: bytes) -> int:
    """The unpacked size of the document's main part (its body XML), read from the zip directory."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
        match = _MAIN_PART.search(types)
        name = match.group(1) if match else "word/document.xml"
        try:
            return archive.getinfo(name).file_size
        except KeyError:
            return 0


def load_word(path: Path):
    """The document's body as blocks.SourceDocument; raises DocumentError."""
    from plantool.importer.limits import TooLarge, check_body
    from plantool.importer.read_docx import read

    data = read_package(path)
    try:
        check_body(str(path), body_size(data))
    except TooLarge as exc:
        raise DocumentError(str(exc)) from None
    try:
        return read(data)
    except Exception as exc:  # python-docx and lxml raise many kinds for broken parts
        raise DocumentError(f"{path}: document is corrupt or not a Word document ({type(exc).__name__})") from None
