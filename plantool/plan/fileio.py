"""Write files so that nothing the user wrote is ever lost or half-written."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path


class WriteError(Exception):
    """A one-line, user-facing reason a file could not be written."""


def atomic_write(path: Path, data: bytes, *, force: bool = False, replace_ok=None) -> None:
    """Write `data` to an unnamed or temporary file beside `path`, fsync it, then rename it into place.

    An existing file is replaced only with `force`, or when `replace_ok(path)`
    says it may be (e.g. it is this plan's previous export). A crash at any
    point leaves either the old file or the new one, never a mixture. On Linux
    the data goes to an O_TMPFILE first, which has no name until it is
    complete, so even a process killed with SIGKILL leaves no stray file.
    """
    path = Path(path)
    if path.is_dir():
        raise WriteError(f"{path}: is a directory")
    exists = path.exists()
    if exists and not force and not (replace_ok and replace_ok(path)):
        raise WriteError(f"{path}: already exists; use --force to replace it")
    # "Create unless it exists" is one step, not a test and then a rename: the finished file is
    # linked in under its name, which fails if another process created it in the meantime.
    exclusive = not exists and not force
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise WriteError(f"{path}: directory {directory} does not exist")
    mode = path.stat().st_mode & 0o7777 if exists else 0o666 & ~_umask()
    try:
        if _has_tmpfile():
            _write_unnamed(path, directory, data, mode, exclusive)
        else:
            _write_named(path, directory, data, mode, exclusive)
    except FileExistsError:
        raise WriteError(f"{path}: already exists (created by someone else just now); use --force to replace it") from None
    except PermissionError:
        raise WriteError(f"{path}: permission denied: cannot write in {directory}") from None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _has_tmpfile() -> bool:
    return hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")


def write_all(fd: int, data: bytes) -> None:
    """Write every byte: os.write may take only part of a buffer (a pipe, a signal)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_unnamed(path: Path, directory: Path, data: bytes, mode: int, exclusive: bool) -> None:
    """O_TMPFILE: the data has no name until it is whole; then link it in (a new file) or rename over."""
    try:
        fd = os.open(directory, os.O_TMPFILE | os.O_WRONLY, mode)
    except OSError as exc:
        if exc.errno in (22, 95):  # EINVAL/EOPNOTSUPP: this filesystem has no O_TMPFILE
            _write_named(path, directory, data, mode, exclusive)
            return
        raise
    temp = directory / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        write_all(fd, data)
        os.fsync(fd)
        os.fchmod(fd, mode)
        linked = _link_fd(fd, path if exclusive else temp)  # linking to a name that exists fails
    finally:
        os.close(fd)
    if not linked:
        _write_named(path, directory, data, mode, exclusive)
        return
    if exclusive:
        return
    try:
        os.replace(temp, path)
    except BaseException:
        _remove(temp)
        raise


def _link_fd(fd: int, target: Path) -> bool:
    """Give an O_TMPFILE a name: linkat(2) with AT_SYMLINK_FOLLOW, which os.link does not offer."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        result = libc.linkat(-100, f"/proc/self/fd/{fd}".encode(), -100, os.fsencode(target), 0x400)
    except (OSError, AttributeError):
        return False
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (13, 1):  # EACCES, EPERM
            raise PermissionError(errno, os.strerror(errno))
        if errno == 17:  # EEXIST
            raise FileExistsError(errno, os.strerror(errno), str(target))
        return False
    return True


def _write_named(path: Path, directory: Path, data: bytes, mode: int, exclusive: bool) -> None:
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        if exclusive and _link_new(temp_name, path):
            _remove(temp_name)
            return
        os.replace(temp_name, path)
    except BaseException:
        _remove(temp_name)
        raise


def _link_new(source: str, target: Path) -> bool:
    """Give the finished file its name only if that name is free; False where links are not supported."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():  # no hard links here (some network and FAT file systems): test, then rename
            raise FileExistsError(17, os.strerror(17), str(target)) from None
        return False
    return True


def _remove(name) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
