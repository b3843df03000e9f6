"""The same plan as Markdown, for the peer pipeline that uses pandoc to make Word.

Deliberately generic (headings from keys, paragraphs from text, tables from
lists of records) and independent of plantool's exporter: it is what a team
without plantool would write once and keep.
"""

from __future__ import annotations

from typing import Any


def _title(key: str) -> str:
    return str(key).replace("_", " ").capitalize()


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    return " ".join(str(value).split()).replace("|", "\\|")


def to_markdown(data: dict) -> str:
    lines: list[str] = []

    def walk(value: Any, key: str, level: int) -> None:
        if isinstance(value, dict):
            lines.extend([f"{'#' * min(level, 6)} {_title(key)}", ""])
            for child_key, child in value.items():
                walk(child, child_key, level + 1)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            columns = list(dict.fromkeys(k for row in value for k in row))
            lines.extend([f"{'#' * min(level, 6)} {_title(key)}", ""])
            lines.append("| " + " | ".join(_title(c) for c in columns) + " |")
            lines.append("|" + "---|" * len(columns))
            for row in value:
                lines.append("| " + " | ".join(_cell(row.get(c, "")) for c in columns) + " |")
            lines.append("")
        elif isinstance(value, str) and "\n" in value:
            lines.extend([f"{'#' * min(level, 6)} {_title(key)}", "", value.strip(), ""])
        else:
            lines.extend([f"**{_title(key)}:** {_cell(value)}", ""])

    plan = data.get("plan", {})
    lines.extend([f"% {plan.get('title', 'Productivity plan')}", f"% {data.get('council', {}).get('name', '')}", ""])
    for key, value in data.items():
        walk(value, key, 1)
    return "\n".join(lines) + "\n"
