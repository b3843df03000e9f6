"""The `html` entry of the export registry: one self-contained page, or with `--fragment` the inside of its `main`."""

from __future__ import annotations

from plantool.export.html.writer import build as build_html
from plantool.export.html.writer import previous_marker  # noqa: F401  (the registry reads it)

EXPECTED_ERRORS: tuple[type[Exception], ...] = ()


def prepare() -> None:
    """Nothing slow to import: the writer is plain Python."""


def build(job: dict) -> bytes:
    from plantool.plan.schema import load_schema

    fragment = bool(job["options"].get("fragment"))
    return build_html(
        load_schema(), job["data"], draft_mark=job["draft_mark"], marker=job["marker"], fragment=fragment,
        findings=job.get("findings"),
    )
