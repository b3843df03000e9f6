"""The diff's output formats: one small module each, found through one registry.

Each module has `write(comparison, out, *, colour)`; adding a format means
adding a module and one entry here, and `--format` offers it.
"""

from __future__ import annotations

from plantool.diff.formats import json_, markdown, text

WRITERS = {"text": text.write, "markdown": markdown.write, "json": json_.write}
