"""Open an untrusted Word package safely: the checks a house template and an imported plan both get.

Both arrive from outside plantool, so neither is trusted: macro-enabled files,
non-Word files, corrupt archives and zip bombs are refused with a one-line
message naming the file, never a traceback. Messages call the file by what it
is to the caller (`what`: "template" for export, "document" for import).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

MAX_PACKAGE_BYTES = 50 * 1024 * 1024  # a house template with header art is a few MB at most
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
MACRO_SUFFIXES = (".docm", ".dotm")


class UnsafePackage(Exception):
    """The file cannot be used as a Word package; the message names it and says why."""


def read_package(path: Path, what: str = "document") -> bytes:
    """The file's bytes, refusing a missing, unreadable or oversized file."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UnsafePackage(f"{path}: {what} is not a file")
        if size > MAX_PACKAGE_BYTES:
            raise UnsafePackage(f"{path}: {what} is {size // (1024 * 1024)} MB; the limit is {MAX_PACKAGE_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise UnsafePackage(f"{path}: {what} not found") from None
    except OSError as exc:
        raise UnsafePackage(f"{path}: cannot read {what}: {exc.strerror or exc}") from None


def checked_archive(path: Path, data: bytes, what: str = "document") -> bytes:
    """The package as a .docx python-docx will open (a .dotx is converted); refuses anything else."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnsafePackage(f"{path}: not a Word .docx file (it is not a zip package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise UnsafePackage(f"{path}: {what} has {len(members)} parts; refusing a suspicious package")
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
            if unpacked > MAX_UNPACKED_BYTES or (unpacked / packed > MAX_COMPRESSION_RATIO and unpacked > 10_000_000):
                raise UnsafePackage(f"{path}: {what} unpacks to {unpacked:,} bytes; refusing a possible zip bomb")
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names:
                raise UnsafePackage(f"{path}: not a Word .docx file (no [Content_Types].xml)")
            content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            if any(kind in content_types for kind in MACRO_TYPES) or any(n.lower().endswith("vbaproject.bin") for n in names):
                raise UnsafePackage(f"{path}: {what} contains macros (.docm/.dotm); save it as a macro-free .docx")
            if DOCUMENT_TYPE in content_types:
                bad = archive.testzip()
                if bad:
                    raise UnsafePackage(f"{path}: {what} is corrupt (damaged part {bad})")
                return data
            if TEMPLATE_TYPE in content_types:  # a .dotx: same package, different main content type
                return _as_document(archive, content_types)
            raise UnsafePackage(f"{path}: not a Word .docx file (no Word document part)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise UnsafePackage(f"{path}: {what} is corrupt ({exc})") from None


def open_package(path: Path, what: str = "document") -> bytes:
    """The checked bytes of a Word file, without external references: refuses macro-enabled names first, then everything above."""
    if path.suffix.lower() in MACRO_SUFFIXES:
        raise UnsafePackage(f"{path}: macro-enabled Word files are refused; save the {what} as .docx")
    data, _ = without_external_references(path, checked_archive(path, read_package(path, what), what), what)
    return data


# -- external references --------------------------------------------------------------------------

RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
REFERENCE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"  # the r: of r:id, r:link, r:embed
HYPERLINK = REFERENCE + "/hyperlink"


def _safe_xml(data: bytes):
    """Parse a part of an untrusted package: no entities expanded, no network, no DTD, no huge trees."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def _xml_bytes(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _source_part(rels_name: str) -> str | None:
    """word/_rels/settings.xml.rels -> word/settings.xml; the package's own _rels/.rels has no source part."""
    folder, _, name = rels_name.rpartition("_rels/")
    source = folder + name[: -len(".rels")]
    return source or None


def _without_references(part: bytes, ids: set[str]) -> bytes:
    """A part with every use of the relationships `ids` taken out.

    The attribute naming one goes; an element left naming no relationship at all
    goes too (w:attachedTemplate, o:OLEObject, a linked picture's a:blip,
    w:subDoc, a frame's w:sourceFileName, a mail merge's w:dataSource), so no
    reference is left pointing nowhere.
    """
    from lxml import etree

    root = _safe_xml(part)
    prefix = f"{{{REFERENCE}}}"
    for element in list(root.iter(etree.Element)):  # elements only: not comments or processing instructions
        names = [name for name in element.attrib if isinstance(name, str) and name.startswith(prefix)]
        gone = [name for name in names if element.attrib[name] in ids]
        if not gone:
            continue
        for name in gone:
            del element.attrib[name]
        parent = element.getparent()
        if len(gone) == len(names) and parent is not None:
            parent.remove(element)
    return _xml_bytes(root)


def without_external_references(path: Path, data: bytes, what: str = "document") -> tuple[bytes, list[str]]:
    """The package with every external relationship other than a hyperlink removed, and what was removed.

    A Word file may point outside itself: an attached template on a web server
    or a network share (which Word fetches on opening, running its macros or
    sending the user's credentials), a linked OLE object, frame or picture.
    None of these belongs in a plan's document, so each is removed, with every
    use of it. Hyperlinks stay: they are the plan's own links, followed only
    when a reader clicks. Returns the bytes unchanged when there is nothing to
    remove; each removal is described as 'attachedTemplate -> http://…'.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            found: dict[str, tuple[bytes, set[str]]] = {}  # rels part -> (rewritten XML, ids removed)
            removed: list[str] = []
            for member in members:
                if not member.filename.endswith(".rels"):
                    continue
                root = _safe_xml(archive.read(member))
                ids = set()
                for relationship in list(root.iter(f"{{{RELATIONSHIPS}}}Relationship")):
                    external = (relationship.get("TargetMode") or "").lower() == "external"
                    if external and relationship.get("Type") != HYPERLINK:
                        ids.add(relationship.get("Id"))
                        kind = (relationship.get("Type") or "unknown").rsplit("/", 1)[-1]
                        removed.append(f"{kind} -> {_shortened(relationship.get('Target') or '')}")
                        relationship.getparent().remove(relationship)
                if ids:
                    found[member.filename] = (_xml_bytes(root), ids)
            if not found:
                return data, []
            replaced = {name: xml for name, (xml, _) in found.items()}
            names = {member.filename for member in members}
            for name, (_, ids) in found.items():
                source = _source_part(name)
                if source in names:
                    replaced[source] = _without_references(archive.read(source), ids)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for member in members:
                    copy.writestr(member, replaced.get(member.filename) or archive.read(member))
            return out.getvalue(), removed
    except UnsafePackage:
        raise
    except Exception as exc:  # lxml's and zipfile's many errors for a broken part
        raise UnsafePackage(f"{path}: {what} is corrupt ({type(exc).__name__} in its relationships)") from None


def _shortened(target: str, limit: int = 80) -> str:
    target = " ".join(target.split())
    return target if len(target) <= limit else target[: limit - 1] + "…"


def _as_document(archive: zipfile.ZipFile, content_types: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in archive.infolist():
            data = archive.read(member)
            if member.filename == "[Content_Types].xml":
                data = content_types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE).encode("utf-8")
            copy.writestr(member, data)
    return out.getvalue()
