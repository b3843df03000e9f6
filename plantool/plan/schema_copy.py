"""The schema copy written beside a plan that `new` or `import` creates, so the editor's modeline works anywhere.

The plan's first line names the schema by a relative path
(`# yaml-language-server: $schema=productivity-plan.schema.json`), which an
editor with the YAML language server resolves beside the plan: in any folder,
on any machine, offline. A copy is written when there is none, or replaces an
older plantool schema; a file of that name that is not plantool's is left alone.
"""

from __future__ import annotations

from pathlib import Path

from plantool.plan.schema import SCHEMA_NAME



def modeline(ref: str | None = None) -> str:
    """The plan's first line, naming its schema for the editor: the copy beside it unless `ref` names another."""
    return f"# yaml-language-server: $schema={ref or SCHEMA_NAME}"


def needed(target: Path, text: str, own_id: str) -> bool:
    """Write the schema copy if absent or an older plantool schema; leave anything else alone."""
    if not target.exists():
        return True
    try:
        current = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return current != text and own_id.split("/1/")[0] in current


def copy_beside(plan_path: Path, schema) -> tuple[Path, str] | None:
    """(where, text) of the schema copy a plan at `plan_path` needs, or None when the one there will do."""
    from plantool.plan.schema import schema_text

    target = plan_path.parent / SCHEMA_NAME
    text = schema_text()
    return (target, text) if needed(target, text, schema.raw.get("$id", "")) else None
