"""A plan as Markdown, for the peer pipeline that makes Word with pandoc.

Generic on purpose, and independent of plantool's exporter: it is the script a
team without plantool would write once and keep.  Each mapping key becomes a
heading, text becomes paragraphs (plans already hold Markdown), lists of
records become tables, and short scalars become "key: value" bullets, so the
pandoc document carries the same content as plantool's export.
"""

from __future__ import annotations

from typing import Any


def _title(key: Any) -> str:
    return str(key).replace("_", " ").capitalize()


def _cell(value: Any) -> str:
    """One table cell: nested values flattened onto one line, pipes escaped."""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{_title(k)}: {_cell(v)}" for k, v in value.items())
    return " ".join(str(value).split()).replace("|", "\\|")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and ("\n" in value.strip() or len(value) > 120)


def _table(rows: list[dict]) -> list[str]:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    return ["| " + " | ".join(_title(c) for c in columns) + " |",
            "|" + "---|" * len(columns),
            *("| " + " | ".join(_cell(row.get(c, "")) for c in columns) + " |" for row in rows),
            ""]


def to_markdown(data: dict) -> str:
    lines: list[str] = []

    def heading(key: Any, level: int) -> None:
        lines.extend([f"{'#' * min(level, 6)} {_title(key)}", ""])

    def walk(mapping: dict, level: int) -> None:
        bullets = [(k, v) for k, v in mapping.items() if not isinstance(v, (dict, list)) and not _is_text(v)]
        for key, value in bullets:
            lines.append(f"- {_title(key)}: {_cell(value)}")
        if bullets:
            lines.append("")
        for key, value in mapping.items():
            if isinstance(value, dict):
                heading(key, level)
                walk(value, level + 1)
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                heading(key, level)
                lines.extend(_table(value))
            elif isinstance(value, list):
                heading(key, level)
                lines.extend([*(f"- {_cell(v)}" for v in value), ""])
            elif _is_text(value):
                heading(key, level)
                lines.extend([value.strip(), ""])

    plan = data.get("plan") or {}
    council = data.get("council") or {}
    lines.extend([f"% {plan.get('title', 'Productivity plan')}", f"% {council.get('name', '')}", ""])
    walk(data, 1)
    return "\n".join(lines) + "\n"
