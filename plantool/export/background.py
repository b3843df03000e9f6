"""Build the Word document on the second core while the first reads and checks the plan.

Importing python-docx takes longer than reading the plan, loading jsonschema
and checking put together, and neither side needs the other until the end. So
export forks at once: the child imports python-docx while the parent reads the
plan; the parent sends it the plan's data, then checks; the child builds and
sends back the .docx bytes. The child never writes a file, so a refused plan
or a killed process leaves nothing behind. Without fork (not Linux) the same
work runs in turn.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import Any, Callable, NamedTuple

from plantool.plan.fileio import write_all


MESSAGE_LIMIT = 300  # characters of the child's error shown on the one line; the crash log has it all


class Built(NamedTuple):
    """What a build returns when it has more to say than the document: one line per note for the user."""

    data: bytes
    notes: tuple[str, ...] = ()


class BackgroundFailed(Exception):
    """The child could not build the document; the message says why, in one short line."""


class ChildTraceback(Exception):
    """The child's own traceback, attached to BackgroundFailed as its cause so the crash log shows where it failed."""


def _one_line(text: str) -> str:
    """An error as one short line: an exception may quote a whole value (a 300-character title, a plan's text)."""
    line = " ".join(text.split())
    return line if len(line) <= MESSAGE_LIMIT else line[: MESSAGE_LIMIT - 1] + "…"


def _read_all(fd: int) -> bytes:
    with os.fdopen(fd, "rb") as pipe:
        return pipe.read()


class Builder:
    """`prepare()` runs at once in a child; `build(job)` runs there once `send(job)` is called.

    `build` returns the document's bytes, or a `Built` with notes for the user,
    which `wait` leaves in `notes`.
    """

    def __init__(self, prepare: Callable[[], None], build: Callable[[Any], bytes | Built], expected: tuple[type[Exception], ...]):
        self.build, self.expected = build, expected
        self.notes: tuple[str, ...] = ()
        self.pid = None
        self.job: Any = None
        if not sys.platform.startswith("linux") or os.environ.get("PLANTOOL_NO_FORK"):
            return
        sys.stdout.flush()
        sys.stderr.flush()
        job_read, self.job_write = os.pipe()
        self.result_read, result_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns, never runs the parent's exit handlers
            os.close(self.job_write)
            os.close(self.result_read)
            self._child(prepare, job_read, result_write)
        os.close(job_read)
        os.close(result_write)

    def _child(self, prepare, job_read: int, result_write: int) -> None:
        try:
            prepare()
            raw = _read_all(job_read)
            if not raw:  # the parent cancelled
                os._exit(0)
            payload = b"ok" + pickle.dumps(self.build(pickle.loads(raw)), protocol=pickle.HIGHEST_PROTOCOL)
        except self.expected as exc:
            kind = next(e for e in self.expected if isinstance(exc, e))  # re-raised in the parent as this class
            payload = b"ex" + kind.__name__.encode() + b"\0" + str(exc).encode("utf-8", "replace")
        except BaseException as exc:  # noqa: BLE001 - reported by the parent as an internal error
            import traceback

            summary = _one_line(f"{type(exc).__name__}: {exc}")
            payload = b"bg" + summary.encode("utf-8", "replace") + b"\0" + traceback.format_exc().encode("utf-8", "replace")
        try:
            write_all(result_write, payload)
        finally:
            os._exit(0)

    def send(self, job: Any) -> None:
        """Hand the child its work (plain data: it is pickled)."""
        if self.pid is None:
            self.job = job
            return
        try:
            write_all(self.job_write, pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
        finally:
            os.close(self.job_write)

    def wait(self) -> bytes:
        """The document's bytes (its notes in `notes`), or the expected exception the build raised."""
        if self.pid is None:
            try:
                return self._received(self.build(self.job))
            except self.expected:
                raise
            except Exception as exc:  # as from the child: one short line, the whole story in the crash log
                raise BackgroundFailed(_one_line(f"{type(exc).__name__}: {exc}")) from exc
        data = _read_all(self.result_read)
        os.waitpid(self.pid, 0)
        kind, body = data[:2], data[2:]
        if kind == b"ok":
            return self._received(pickle.loads(body))
        if kind == b"ex":
            name, _, message = body.partition(b"\0")
            raise next(e for e in self.expected if e.__name__ == name.decode())(message.decode("utf-8"))
        summary, _, details = body.decode("utf-8", "replace").partition("\0")
        failure = BackgroundFailed(summary or "the document builder stopped unexpectedly")
        raise failure from (ChildTraceback(details) if details else None)

    def _received(self, result: bytes | Built) -> bytes:
        if isinstance(result, Built):
            self.notes = result.notes
            return result.data
        return result

    def cancel(self) -> None:
        """Stop the child without a result (a refused or unreadable plan)."""
        if self.pid is None:
            return
        for fd in (self.job_write, self.result_read):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
