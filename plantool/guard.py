"""plantool's exit-code policy for any command: never a traceback, and a crash people can report.

A bug is one line on stderr and exit 3; the full traceback, plantool's
version, Python's, the platform and the command line go to a crash log whose
path the line names (as pre-commit does). The log is
`$PLANTOOL_LOG` if set, else `$XDG_CACHE_HOME/plantool/plantool.log`
(`~/.cache/plantool/plantool.log` by default), else a new file in the temporary
directory; each crash replaces the last. Ctrl-C is exit 130 with one word, a
closed pipe exit 2. Kept free of the CLI framework so the fast paths use it too.
"""

from __future__ import annotations

import os
import sys
from typing import Callable

from plantool.exit_codes import INTERNAL, INTERRUPTED, USAGE

LOG_ENV = "PLANTOOL_LOG"


def guarded(action: Callable[[], int | None], argv: list[str]) -> int:
    """Run `action` (a command given `argv`) and return its exit code, whatever happens inside."""
    try:
        return action() or 0
    except KeyboardInterrupt:
        sys.stderr.write("plantool: interrupted\n")
        return INTERRUPTED
    except SystemExit as exc:
        return _code(exc)
    except BrokenPipeError:
        _silence_stdout()
        return USAGE
    except Exception as exc:  # a bug: one line, a log with everything, a distinct exit code
        log = write_crash_log(argv)
        where = f"please report it with the log at {log}" if log else "please report it; no log could be written"
        summary = " ".join(f"{type(exc).__name__}: {exc}".split())
        sys.stderr.write(f"plantool: internal error: {summary} ({where})\n")
        return INTERNAL


def _code(exc: SystemExit) -> int:
    """SystemExit's code as an exit status, the way the interpreter reads it."""
    if exc.code is None or isinstance(exc.code, int):
        return exc.code or 0
    sys.stderr.write(f"{exc.code}\n")
    return 1


def _silence_stdout() -> None:
    """The reader went away (e.g. `| head`): send the rest to /dev/null, so exit does not complain again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def log_path() -> str:
    """Where the crash log goes unless that place cannot be written."""
    if os.environ.get(LOG_ENV):
        return os.environ[LOG_ENV]
    cache = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(cache):  # the XDG spec says to ignore a relative path
        cache = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "plantool", "plantool.log")


def _facts(argv: list[str]) -> str:
    import platform
    import shlex
    import time

    from plantool import __version__

    facts = {
        "version": f"plantool {__version__}",
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        "platform": platform.platform(),
        "command": shlex.join(["plantool", *argv]),
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return "".join(f"{name}: {value}\n" for name, value in facts.items())


def crash_report(argv: list[str]) -> str:
    """The log's text: versions, platform and command line, then the traceback of the exception being handled."""
    import traceback

    try:
        facts = _facts(argv)
    except Exception as exc:  # noqa: BLE001 - the traceback matters most; keep it even so
        facts = f"(could not gather the versions and platform: {exc!r})\n"
    return f"plantool internal error\n\n{facts}\n{traceback.format_exc()}"


def write_crash_log(argv: list[str]) -> str | None:
    """Write the crash log; its path, or None if nothing could be written. Never raises."""
    try:
        data = crash_report(argv).encode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a report that cannot be made must not hide the crash
        return None
    try:
        from plantool.plan.fileio import atomic_write

        path = log_path()
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        atomic_write(path, data, force=True)
        return path
    except Exception:  # noqa: BLE001 - an unwritable place: fall back to the temporary directory
        pass
    try:
        import tempfile

        fd, path = tempfile.mkstemp(prefix="plantool-", suffix=".log")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return path
    except Exception:  # noqa: BLE001
        return None
