"""Plan file names: which files are plans, where to find them, and what an output beside one is called."""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

PLAN_SUFFIXES = (".plan.yaml", ".plan.yml")  # what `check DIR` and the pre-commit hook look for
YAML_SUFFIXES = (".yaml", ".yml")  # also accepted as a plan given by name
NEW_PLAN_SUFFIX = PLAN_SUFFIXES[0]


def stem(path: Path, suffixes: tuple[str, ...] = PLAN_SUFFIXES + YAML_SUFFIXES) -> str:
    """The name without its plan or document suffix (matched without regard to case)."""
    name = path.name
    for suffix in suffixes:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def beside(path: Path, suffix: str, suffixes: tuple[str, ...] = PLAN_SUFFIXES + YAML_SUFFIXES) -> Path:
    """derbyshire-2024.plan.yaml -> derbyshire-2024.docx (with suffix '.docx'), in the same folder."""
    return path.with_name(stem(path, suffixes) + suffix)


def display_name(path) -> str:
    """A file name as plantool prints it: one line of valid UTF-8, whatever the name holds.

    Names are bytes to the file system. A byte that is not UTF-8 (caf\\xe9.plan.yaml, saved
    on an old Windows share) is shown as \\xe9, and a control character such as a newline as
    \\x0a, so a report line stays one line and a strict UTF-8 terminal or pipe can take it.
    """
    try:
        text = os.fsencode(path).decode("utf-8", "backslashreplace")
    except (UnicodeError, TypeError):
        text = str(path)
    if text.isprintable():
        return text
    return "".join(_shown(ch) for ch in text)


def _shown(ch: str) -> str:
    if ch.isprintable() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"):
        return ch
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class NotARegularFile(OSError):
    """A FIFO, socket or device where a plan or document was expected (reading one could block for ever)."""


_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def open_regular(path):
    """Open a file for reading in binary, refusing anything that is not a regular file.

    The kind is checked before opening, because opening a FIFO for reading waits for a
    writer; the file is opened without blocking and checked again, in case it was swapped
    in between. Raises NotARegularFile, or the OSError of the failed stat or open.
    """
    _refuse_irregular(path, os.stat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    handle = os.fdopen(os.open(path, flags), "rb")
    try:
        _refuse_irregular(path, os.fstat(handle.fileno()).st_mode)
    except BaseException:
        handle.close()
        raise
    return handle


def _refuse_irregular(path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
        raise NotARegularFile(f"{display_name(path)}: is {kind}, not a regular file; refusing to read it")


def expand(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files to check from the command line: files as given, directories walked for *.plan.yaml.

    Returns the files (each once) and I/O problems for arguments that are neither.
    Directory walks do not follow symlinked directories, so a symlink loop cannot trap them.
    """
    files: list[Path] = []
    seen: set[str] = set()
    problems: list[str] = []

    def add(path: Path) -> None:
        try:
            key = os.path.realpath(path)
        except OSError:
            key = str(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / n for n in sorted(names) if n.endswith(PLAN_SUFFIXES)]
            if not found:
                problems.append(f"{display_name(arg)}: no plan files (*.plan.yaml) in this directory")
            for item in found:
                add(item)
        else:
            add(path)  # missing or unreadable files are reported when checked
    return files, problems
