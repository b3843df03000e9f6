"""plantool's exit-code policy for any command: never a traceback.

Kept free of the CLI framework so the fast `check` path can use it too.
"""

from __future__ import annotations

import sys
from typing import Callable, NoReturn

from plantool.exit_codes import INTERNAL, INTERRUPTED, USAGE


def guarded(action: Callable[[], int | None]) -> NoReturn:
    """Run `action` and exit with its code; a bug is one line on stderr and exit 3."""
    try:
        code = action()
    except KeyboardInterrupt:
        sys.stderr.write("plantool: interrupted\n")
        raise SystemExit(INTERRUPTED) from None
    except SystemExit:
        raise
    except BrokenPipeError:
        raise SystemExit(USAGE) from None
    except Exception as exc:  # a bug: say so in one line, with a distinct exit code
        sys.stderr.write(f"plantool: internal error: {type(exc).__name__}: {exc} (please report this)\n")
        raise SystemExit(INTERNAL) from None
    raise SystemExit(code or 0)
