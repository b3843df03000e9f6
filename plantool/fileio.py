"""Write files so that nothing the user wrote is ever lost or half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteError(Exception):
    """A one-line, user-facing reason a file could not be written."""


def atomic_write(path: Path, data: bytes, *, force: bool = False, replace_ok=None) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, then rename it into place.

    An existing file is replaced only with `force`, or when `replace_ok(path)`
    says it may be (e.g. it is this plan's previous export). A crash at any
    point leaves either the old file or the new one, never a mixture; the
    temporary file is removed on failure.
    """
    path = Path(path)
    if path.is_dir():
        raise WriteError(f"{path}: is a directory")
    if path.exists() and not force and not (replace_ok and replace_ok(path)):
        raise WriteError(f"{path}: already exists; use --force to replace it")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise WriteError(f"{path}: directory {directory} does not exist")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except PermissionError:
        raise WriteError(f"{path}: permission denied: cannot write in {directory}") from None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp_name, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, path)
    except BaseException as exc:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        if isinstance(exc, PermissionError):
            raise WriteError(f"{path}: permission denied") from None
        if isinstance(exc, OSError):
            raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
