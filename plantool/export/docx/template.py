"""Open a council's own Word template safely, before anything is written.

A template arrives from outside (a communications team's house style), so it
is treated as untrusted: macro-enabled files, non-Word files, corrupt archives
and zip bombs are refused with a message, never a traceback.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024  # a house template with header art is a few MB at most
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # text-heavy XML compresses ~10:1; bombs compress 1000:1
MAX_MEMBERS = 5_000

DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.ms-office.vbaProject",
)


class TemplateError(Exception):
    """The template cannot be used; the message names the file and the reason."""


class MissingStylesError(TemplateError):
    def __init__(self, path: Path, missing: list[str]):
        self.missing = missing
        super().__init__(f"{path}: template lacks the style(s) plantool needs: {', '.join(missing)}")


def _read_package(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise TemplateError(f"{path}: template is not a file")
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"{path}: template is {size // (1024 * 1024)} MB; the limit is {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise TemplateError(f"{path}: template not found") from None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read template: {exc.strerror or exc}") from None


def _checked_archive(path: Path, data: bytes) -> bytes:
    """The package, as a .docx python-docx will open; refuses anything else."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(f"{path}: not a Word .docx file (it is not a zip package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise TemplateError(f"{path}: template has {len(members)} parts; refusing a suspicious package")
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
            if unpacked > MAX_UNPACKED_BYTES or (unpacked / packed > MAX_COMPRESSION_RATIO and unpacked > 10_000_000):
                raise TemplateError(f"{path}: template unpacks to {unpacked:,} bytes; refusing a possible zip bomb")
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names:
                raise TemplateError(f"{path}: not a Word .docx file (no [Content_Types].xml)")
            content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            if any(kind in content_types for kind in MACRO_TYPES) or any(n.lower().endswith("vbaproject.bin") for n in names):
                raise TemplateError(f"{path}: template contains macros (.docm/.dotm); save it as a macro-free .docx")
            if DOCUMENT_TYPE in content_types:
                bad = archive.testzip()
                if bad:
                    raise TemplateError(f"{path}: template is corrupt (damaged part {bad})")
                return data
            if TEMPLATE_TYPE in content_types:  # a .dotx: same package, different main content type
                return _as_document(archive, content_types)
            raise TemplateError(f"{path}: not a Word .docx file (no Word document part)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise TemplateError(f"{path}: template is corrupt ({exc})") from None


def _as_document(archive: zipfile.ZipFile, content_types: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in archive.infolist():
            data = archive.read(member)
            if member.filename == "[Content_Types].xml":
                data = content_types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE).encode("utf-8")
            copy.writestr(member, data)
    return out.getvalue()


def open_template(path: Path, required_styles: tuple[str, ...]):
    """The template as a python-docx Document, after proving it safe and complete."""
    import docx

    path = Path(path)
    if path.suffix.lower() in (".docm", ".dotm"):
        raise TemplateError(f"{path}: macro-enabled Word files are refused; save the template as .docx")
    data = _checked_archive(path, _read_package(path))
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors… for broken parts
        raise TemplateError(f"{path}: template is corrupt or not a Word document ({type(exc).__name__})") from None
    present = {style.name for style in document.styles}
    missing = [name for name in required_styles if name not in present]
    if missing:
        raise MissingStylesError(path, missing)
    return document


def clear_body(document) -> None:
    """Remove the template's sample content, keeping page setup, headers and footers."""
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}sectPr"):
            continue
        body.remove(child)
