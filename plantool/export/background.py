"""Build the Word document on the second core while the first checks the plan.

Importing python-docx and building the document take as long as loading
jsonschema and checking, and neither needs the other's result, so export forks:
the child builds and sends the .docx bytes down a pipe; the parent checks, then
either takes the bytes or stops the child. The child never writes a file, so a
refused plan or a killed process leaves nothing behind. Without fork (not
Linux), the same work runs in turn.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Callable


class BackgroundFailed(Exception):
    """The child could not build the document; the message says why."""


def start(build: Callable[[], bytes], expected: tuple[type[Exception], ...]):
    """Begin `build`; returns (wait, cancel). `wait()` gives its bytes or raises what it raised."""
    if not sys.platform.startswith("linux") or os.environ.get("PLANTOOL_NO_FORK"):
        return build, lambda: None
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: build, send, and leave without running the parent's exit handlers
        os.close(read_end)
        try:
            payload = b"ok" + build()
        except expected as exc:
            kind = next(e for e in expected if isinstance(exc, e))  # re-raised in the parent as this class
            payload = b"ex" + kind.__name__.encode() + b"\0" + str(exc).encode("utf-8", "replace")
        except BaseException as exc:  # noqa: BLE001 - reported by the parent as an internal error
            payload = b"bg" + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(write_end, view):]
        finally:
            os._exit(0)
    os.close(write_end)

    def wait() -> bytes:
        chunks = []
        with os.fdopen(read_end, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        os.waitpid(pid, 0)
        data = b"".join(chunks)
        kind, body = data[:2], data[2:]
        if kind == b"ok":
            return body
        if kind == b"ex":
            name, _, message = body.partition(b"\0")
            raise next(e for e in expected if e.__name__ == name.decode())(message.decode("utf-8"))
        raise BackgroundFailed(body.decode("utf-8", "replace") or "the document builder stopped unexpectedly")

    def cancel() -> None:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(read_end)
        os.waitpid(pid, 0)

    return wait, cancel
