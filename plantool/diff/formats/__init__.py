"""The diff's output formats: one small module each, found through one registry.

Each module has `write(comparison, out, *, colour)`. The CLI builds its
`--format` choice from FORMATS, and a writer is imported only when chosen, so
listing the formats costs nothing. Adding a format means adding a module and
one entry here.
"""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "plantool.diff.formats.text",
    "markdown": "plantool.diff.formats.markdown",
    "json": "plantool.diff.formats.json_",
}


def writer(name: str):
    """The write function of a format named in FORMATS."""
    return importlib.import_module(FORMATS[name]).write
