"""plantool's export marker in a PDF: written after LibreOffice, read back before replacing a file.

Every export records which plan it came from, so a later export of the same
plan may replace it without `--force`. LibreOffice does not carry the Word
document's identifier into the PDF, so the marker is added afterwards as an
incremental update (ISO 32000-1, 7.5.6): a new document-information
dictionary, holding LibreOffice's entries plus /PlantoolExport, appended with
its own cross-reference section and trailer. Every byte LibreOffice wrote
stays as it was; readers take the newest dictionary.

LibreOffice writes a classic cross-reference table. If a future version wrote
a cross-reference stream instead, the PDF is left unmarked (still valid;
replacing it then needs `--force`), and a test says so at once.
"""

from __future__ import annotations

import re
from pathlib import Path

KEY = b"/PlantoolExport"
_VALUE = re.compile(rb"/PlantoolExport\s*<([0-9A-Fa-f]*)>")
_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s+(?P<xref>\d+)\s*%%EOF\s*$", re.S)
TAIL = 65536  # the trailer and the marker sit at the end of the file


def _hex_text(text: str) -> bytes:
    """A PDF text string as hex UTF-16BE with its byte-order mark: any character, nothing to escape."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def add_marker(pdf: bytes, marker: str) -> bytes:
    """`pdf` with `marker` recorded in its document information, or unchanged if its layout is not the classic one."""
    start = max(0, len(pdf) - TAIL)
    at = pdf.rfind(b"trailer", start)
    trailer = _TRAILER.search(pdf, at) if at >= 0 else None
    if trailer is None:
        return pdf
    body = trailer.group("body")
    size, root = re.search(rb"/Size\s+(\d+)", body), re.search(rb"/Root\s+(\d+\s+\d+\s+R)", body)
    if size is None or root is None:
        return pdf
    info = re.search(rb"/Info\s+(\d+)\s+(\d+)\s+R", body)
    entries = b""
    if info is not None:
        found = list(re.finditer(rb"(?<![0-9])%s\s+%s\s+obj\s*<<(.*?)>>\s*endobj" % (info.group(1), info.group(2)), pdf, re.S))
        if found:
            entries = _VALUE.sub(b"", found[-1].group(1))
    document_id = re.search(rb"/ID\s*\[[^\]]*\]", body)
    number = int(size.group(1))
    prefix = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    new_object = b"%d 0 obj\n<<%s%s %s>>\nendobj\n" % (number, entries, KEY, _hex_text(marker))
    xref_at = len(prefix) + len(new_object)
    update = b"xref\n%d 1\n%010d 00000 n \ntrailer\n<</Size %d/Root %s/Info %d 0 R%s/Prev %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        number, len(prefix), number + 1, root.group(1), number, document_id.group(0) if document_id else b"",
        trailer.group("xref"), xref_at,
    )
    return prefix + new_object + update


def previous_marker(path: Path) -> str | None:
    """The marker recorded in an existing PDF by `add_marker`, if any."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - TAIL))
            tail = handle.read()
    except OSError:
        return None
    values = _VALUE.findall(tail)
    if not values:
        return None
    raw = bytes.fromhex(values[-1].decode("ascii")) if len(values[-1]) % 2 == 0 else b""
    if not raw.startswith(b"\xfe\xff"):
        return None
    return raw[2:].decode("utf-16-be", "replace")
