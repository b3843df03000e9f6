"""Open a council's own Word template safely, before anything is written.

A template arrives from outside (a communications team's house style), so it
is treated as untrusted: macro-enabled files, non-Word files, corrupt archives
and zip bombs are refused with a message, never a traceback. What it points to
outside itself (an attached template on a server, a linked object, frame or
picture) is removed, so the exported document fetches nothing when opened; the
user is told in one line.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, NamedTuple

from plantool.plan.paths import display_name
from plantool.word_package import UnsafePackage, checked_archive, read_package, without_external_references


class TemplateError(Exception):
    """The template cannot be used; the message names the file and the reason."""


class MissingStylesError(TemplateError):
    def __init__(self, path: Path, missing: list[str]):
        self.missing = missing
        super().__init__(f"{path}: template lacks the style(s) plantool needs: {', '.join(missing)}")


def _read_package(path: Path) -> bytes:
    """The template's bytes; the checks live in plantool.word_package, shared with import."""
    try:
        return read_package(path, "template")
    except UnsafePackage as exc:
        raise TemplateError(str(exc)) from None


def _checked_archive(path: Path, data: bytes) -> bytes:
    """The template as a .docx python-docx will open; refuses anything else."""
    try:
        return checked_archive(path, data, "template")
    except UnsafePackage as exc:
        raise TemplateError(str(exc)) from None


NOTE_SHOWS = 3  # references named in the note; the rest are counted


class Template(NamedTuple):
    """A council template, opened: its python-docx Document, and the external references taken out of it."""

    document: Any
    removed: tuple[str, ...]  # e.g. 'attachedTemplate -> https://intranet.example/Normal.dotm'

    def note(self, path: Path) -> str | None:
        """The one line that tells the user what was removed (the first few, an attached template first), or None."""
        if not self.removed:
            return None
        shown = sorted(self.removed, key=lambda removed: not removed.startswith("attachedTemplate"))
        listed = "; ".join(shown[:NOTE_SHOWS]) + (f"; and {len(shown) - NOTE_SHOWS} more" if len(shown) > NOTE_SHOWS else "")
        count = f"{len(shown)} external reference{'s' if len(shown) > 1 else ''}"
        return f"{display_name(path)}: removed the template's {count}, so the exported document fetches nothing when opened: {listed}"


def open_template(path: Path, required_styles: tuple[str, ...]) -> Template:
    """The template as a python-docx Document, after proving it safe and complete and removing its external references."""
    import docx

    path = Path(path)
    if path.suffix.lower() in (".docm", ".dotm"):
        raise TemplateError(f"{path}: macro-enabled Word files are refused; save the template as .docx")
    try:
        data, removed = without_external_references(path, _checked_archive(path, _read_package(path)), "template")
    except UnsafePackage as exc:
        raise TemplateError(str(exc)) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors… for broken parts
        raise TemplateError(f"{path}: template is corrupt or not a Word document ({type(exc).__name__})") from None
    present = {style.name for style in document.styles}
    missing = [name for name in required_styles if name not in present]
    if missing:
        raise MissingStylesError(path, missing)
    return Template(document, tuple(removed))


def clear_body(document) -> None:
    """Remove the template's sample content, keeping page setup, headers and footers."""
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}sectPr"):
            continue
        body.remove(child)
