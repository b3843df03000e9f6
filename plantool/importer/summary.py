"""What `plantool import docx` tells the author: what went where, what figures it read, what is left to place."""

from __future__ import annotations

from pathlib import Path

from plantool.importer.assembly import ImportResult
from plantool.plan.status import DRAFT


def summary(schema, result: ImportResult, source, out_path: Path) -> list[str]:
    from plantool.publish.values import value_text  # figures as the export shows them

    document = result.document
    lines = [f"read {source}: {len(document.blocks)} blocks"]
    if document.skipped:
        lines.append(f"left out as page furniture: {', '.join(document.skipped)}")
    if result.mapped:
        lines.append("mapped:")
        lines.extend(f"  {line}" for line in result.mapped)
    if result.figures_placed:
        lines.append("figures found:")
        for path, value, where in result.figures_placed:
            shown = value_text(schema, value, schema.node_at(path) or {})
            if len(where) > 100:
                where = where[:97] + "…\""
            lines.append(f"  {schema.label(path)} = {shown}  ({where})")
    else:
        lines.append("figures found: none")
    if result.unmapped:
        lines.append(f"left unmapped ({len(result.unmapped)} item(s), under 'unmapped' in the plan; move them to their fields):")
        for item in result.unmapped:
            text = " ".join(item["text"].split())
            lines.append(f"  {item['source']}: {text[:70]}{'…' if len(text) > 70 else ''}")
    else:
        lines.append("left unmapped: nothing")
    lines.extend(result.notes)
    if result.status_seen:
        lines.append(f"status: the document says '{result.status_seen}'; the imported plan is a draft until you change it")
    skipped = []
    for count, what in ((document.images, "image"), (document.footnotes, "footnote"), (document.comments, "comment")):
        if count:
            skipped.append(f"{count} {what}{'s' if count != 1 else ''}")
    if skipped:
        lines.append(f"not imported: {', '.join(skipped)}")
    lines.append(f"wrote {out_path} (status: {DRAFT}); next: plantool check {out_path}")
    return lines
