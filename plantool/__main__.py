"""Entry point for `plantool` and `python -m plantool`.

`--version` is answered before the CLI framework is imported, so the answer
costs little more than starting Python.
"""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from . import __version__

        print(f"plantool {__version__}")
        raise SystemExit(0)
    from .cli import run

    run()


if __name__ == "__main__":
    main()
