"""Turn a .docx into a tagged PDF with LibreOffice headless, leaving nothing behind.

LibreOffice is a real second client of the Word export, so the PDF shows what
Word shows. Each conversion runs in a fresh temporary folder holding the
input, the output, a private LibreOffice profile (so a LibreOffice the user
has open neither receives the job nor is touched), and the folders
LibreOffice would otherwise create in the user's home (its XDG config and
cache) and temporary directory. The process runs in its own session so a
timeout or an interruption can end it and everything it started; the folder
is removed on every path.

The PDF options are passed as JSON, which LibreOffice accepts from 7.4 on:
tagged PDF (the structure a screen reader follows), PDF/UA, bookmarks from
the headings, and the document's title shown instead of its file name.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

SOFFICE_VARIABLE = "PLANTOOL_SOFFICE"  # the soffice program to use, when it is not on PATH
TIMEOUT_VARIABLE = "PLANTOOL_SOFFICE_TIMEOUT"  # seconds to wait for one conversion
DEFAULT_TIMEOUT = 300.0
INSTALL_HINT = "on Debian or Ubuntu: sudo apt install libreoffice-writer-nogui; elsewhere from https://www.libreoffice.org/download/"

# Where installers put soffice when it is not on PATH (macOS, Windows).
KNOWN_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

PDF_OPTIONS = {
    "UseTaggedPDF": True,  # the structure tree: headings, lists, tables, reading order
    "PDFUACompliance": True,  # PDF/UA-1, which also asks for the title and language
    "ExportBookmarks": True,  # bookmarks from the headings
    "DisplayPDFDocumentTitle": True,  # the title bar shows the title, not the file name
}


class PdfError(Exception):
    """A one-line, user-facing reason the PDF could not be made."""


def filter_argument(options: dict[str, bool] = PDF_OPTIONS) -> str:
    """The --convert-to argument: the PDF filter with its options as typed JSON."""
    typed = {name: {"type": "boolean", "value": "true" if value else "false"} for name, value in options.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(typed, separators=(",", ":"))


def find_soffice() -> str:
    """The soffice program: $PLANTOOL_SOFFICE, else soffice or libreoffice on PATH, else where installers put it."""
    chosen = os.environ.get(SOFFICE_VARIABLE)
    if chosen:
        found = shutil.which(chosen)
        if not found:
            raise PdfError(f"{SOFFICE_VARIABLE}={chosen} is not a program that can be run; point it at LibreOffice's soffice")
        return found
    for candidate in ("soffice", "libreoffice", *KNOWN_PLACES):
        found = shutil.which(candidate)
        if found:
            return found
    raise PdfError(f"PDF export needs LibreOffice, which was not found: install it ({INSTALL_HINT}) or set {SOFFICE_VARIABLE} to its soffice program")


def timeout_seconds() -> float:
    raw = os.environ.get(TIMEOUT_VARIABLE)
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise PdfError(f"{TIMEOUT_VARIABLE}={raw} is not a number of seconds above 0")
    return value


def convert(docx: bytes, *, parent: int | None = None) -> bytes:
    """The PDF LibreOffice makes of `docx`; PdfError (one line) if it is missing, fails or takes too long.

    `parent`: the process that asked for the PDF, when this one works for it
    in the background; if that process goes, the conversion stops.
    """
    soffice, timeout = find_soffice(), timeout_seconds()
    previous = _end_on_sigterm()
    try:
        pdf = _convert_in_scratch(soffice, docx, timeout, parent)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if b"/StructTreeRoot" not in pdf:  # before 7.4, LibreOffice ignores JSON options and makes an untagged PDF
        raise PdfError(f"{soffice} made a PDF without tags; PDF export needs LibreOffice 7.4 or later")
    return pdf


def _convert_in_scratch(soffice: str, docx: bytes, timeout: float, parent: int | None) -> bytes:
    with tempfile.TemporaryDirectory(prefix="plantool-pdf-") as scratch:
        work = Path(scratch)
        for folder in ("profile", "config", "cache", "tmp", "out"):
            (work / folder).mkdir()
        source = work / "plan.docx"
        source.write_bytes(docx)
        command = [
            soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
            "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", filter_argument(), "--outdir", str(work / "out"), str(source),
        ]
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(work / "config"), "XDG_CACHE_HOME": str(work / "cache"),
            "TMPDIR": str(work / "tmp"), "TMP": str(work / "tmp"), "TEMP": str(work / "tmp"),
        }
        output = run(command, env, timeout, parent)
        result = work / "out" / "plan.pdf"
        if not result.is_file() or not result.read_bytes().startswith(b"%PDF-"):
            reason = last_line(output) or "it wrote no PDF"
            raise PdfError(f"LibreOffice could not convert the document to PDF: {reason}")
        return result.read_bytes()


def run(command: list[str], env: dict, timeout: float, parent: int | None = None) -> str:
    """Run LibreOffice in a session of its own; end the whole session on a timeout or an interruption.

    SIGTERM is held back while the process starts, so it cannot land between
    the start and the moment this function can end what it started.
    """
    held = _hold_sigterm()
    try:
        try:
            process = subprocess.Popen(
                command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as exc:
            raise PdfError(f"cannot run LibreOffice ({command[0]}): {exc.strerror or exc}") from None
        try:
            _release(held)  # a SIGTERM that came meanwhile is raised here
            output = _wait(process, timeout, parent)
        except BaseException:  # a timeout, Ctrl-C, SIGTERM, plantool gone: stop LibreOffice before the folder goes
            _end_session(process)
            raise
    finally:
        _release(held)
    if process.returncode != 0:
        raise PdfError(f"LibreOffice stopped with exit code {process.returncode}: {last_line(output) or 'no message'}")
    return output.decode("utf-8", "replace")


def _hold_sigterm():
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})


def _release(held) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _wait(process: subprocess.Popen, timeout: float, parent: int | None) -> bytes:
    """LibreOffice's output once it ends; PdfError after `timeout`, or as soon as `parent` is gone.

    Export builds in a background process (`export/background.py`); if plantool
    itself is stopped, that process is handed to another parent and stops here.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            output, _ = process.communicate(timeout=min(0.5, max(0.0, deadline - time.monotonic())))
            return output
        except subprocess.TimeoutExpired:
            if parent is not None and os.getppid() != parent:
                raise PdfError("plantool stopped before LibreOffice finished") from None
            if time.monotonic() >= deadline:
                plural = "" if timeout == 1 else "s"
                raise PdfError(f"LibreOffice did not finish the PDF within {timeout:g} second{plural} (set {TIMEOUT_VARIABLE} to wait longer)") from None


def _end_session(process: subprocess.Popen) -> None:
    """Kill LibreOffice's whole session (oosplash starts soffice.bin) and wait, briefly, until it is gone."""
    if not hasattr(os, "killpg"):  # Windows: no sessions; end the process itself
        process.kill()
        process.wait()
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
    if process.stdout:
        process.stdout.close()
    for _ in range(100):  # soffice.bin, now init's child, is reaped within moments
        try:
            os.killpg(process.pid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.05)


def _end_on_sigterm():
    """While converting, SIGTERM raises SystemExit, so LibreOffice is ended and the folder removed."""
    def stop(signum, frame):
        raise SystemExit(128 + signum)

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        return None


def last_line(output) -> str:
    """LibreOffice's last words, without the javaldx warning it prints on machines without Java."""
    text = output.decode("utf-8", "replace") if isinstance(output, bytes) else str(output or "")
    lines = [line.strip() for line in text.splitlines() if line.strip() and "javaldx" not in line]
    return lines[-1] if lines else ""
