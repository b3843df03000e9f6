"""`plantool export FORMAT`: check the plan, refuse or mark it, build the document, write it safely.

Nothing here knows a format: the suffix, the format's own options and the
builder come from the registry in `plantool/export/__init__.py`. The builder
runs in a background process (`plantool/export/background.py`) that starts
importing at once, while this process reads and checks the plan.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TextIO

from plantool.check.findings import ERROR
from plantool.exit_codes import CLEAN, ERRORS, USAGE
from plantool.export import EXPORT_MARK
from plantool.plan.paths import beside, display_name

MARKER_LIMIT = 255  # characters: what a Word core property holds (the docx writer records the marker in one)


def export_marker(plan_path: Path) -> str:
    """What an export records about its plan: the plan's file name, as plantool prints it.

    Always text any format can store (a name byte that is not UTF-8 reads \\xe9)
    and at most 255 characters: a longer name keeps its start and ends in a
    hash of the whole, so two long names still get different markers.
    """
    marker = f"{EXPORT_MARK}{display_name(Path(plan_path).name)}"
    if len(marker) <= MARKER_LIMIT:
        return marker
    import hashlib

    digest = hashlib.sha256(marker.encode("utf-8", "backslashreplace")).hexdigest()[:16]
    return f"{marker[: MARKER_LIMIT - len(digest) - 1]}~{digest}"


def _given(options: dict) -> dict:
    """The options actually given: a value, or a flag that is on."""
    return {keyword: value for keyword, value in options.items() if value is not None and value is not False}


def _unaccepted(export_format: str, options: dict) -> str | None:
    """A one-line complaint when options of another format were given, else None."""
    from plantool.export import FORMATS, all_options

    own = {option.keyword for option in FORMATS[export_format].options}
    flags = {option.keyword: option.flag for option in all_options()}
    wrong = [flags.get(keyword, keyword) for keyword in _given(options) if keyword not in own]
    if not wrong:
        return None
    takes = ", ".join(option.flag for option in FORMATS[export_format].options) or "no options of its own"
    return f"export {export_format} does not take {', '.join(wrong)} (it takes {takes})"


def run_export(export_format: str, plan: str, output: str | None, *, draft: bool, force: bool, err: TextIO, **options) -> int:
    """Export `plan` as `export_format`; `options` are format options by keyword (None or False when not given)."""
    from plantool.export import FORMATS

    complaint = _unaccepted(export_format, options)
    if complaint:
        err.write(f"plantool: error: {complaint}\n")
        return USAGE
    entry = FORMATS[export_format]
    plan_path = Path(plan)
    chosen = [option.default_suffix for option in entry.options if option.default_suffix and options.get(option.keyword)]
    out_path = Path(output) if output else beside(plan_path, chosen[0] if chosen else entry.suffix)  # a fragment never replaces the page
    if out_path.suffix.lower() != entry.suffix:
        err.write(f"plantool: error: {display_name(out_path)}: the output must end in {entry.suffix}\n")
        return USAGE
    from plantool.export.background import Builder

    builder_module = importlib.import_module(entry.builder)
    builder = Builder(builder_module.prepare, builder_module.build, builder_module.EXPECTED_ERRORS)
    return _check_build_write(
        builder, builder_module, plan_path, out_path,
        draft=draft, force=force, options=_given(options), err=err,
    )


def _check_build_write(builder, builder_module, plan_path: Path, out_path: Path, *, draft, force, options, err) -> int:
    from plantool.check.reports.text import finding_line
    from plantool.check.runner import check_document
    from plantool.plan import loader as documents
    from plantool.plan.fileio import WriteError, atomic_write
    from plantool.plan.schema import load_schema
    from plantool.plan.status import SIGNED_OFF
    from plantool.publish.title_block import draft_banner

    schema = load_schema()
    try:
        doc = documents.load(plan_path)
    except documents.PlanIOError as exc:
        builder.cancel()
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    status = None
    if isinstance(doc.data, dict) and isinstance(doc.data.get("plan"), dict):
        status = doc.data["plan"].get("status")
    draft_mark = draft or status not in SIGNED_OFF
    marker = export_marker(plan_path)
    result = check_document(doc, schema)
    for finding in result.findings:
        err.write(finding_line(finding) + "\n")
    errors = [f for f in result.findings if f.severity == ERROR]
    if not isinstance(doc.data, dict):
        builder.cancel()
        err.write(f"plantool: error: {display_name(plan_path)}: cannot export a file that is not a readable plan\n")
        return ERRORS
    if errors and not draft:
        builder.cancel()
        err.write(
            f"plantool: export refused: {display_name(plan_path)} has {len(errors)} error(s); fix them, "
            "or use --draft to export a marked draft\n"
        )
        return ERRORS
    # Sent once checked, so the draft mark can say how many findings remain; the
    # builder has spent the check importing its libraries, so it waits for little.
    builder.send({"data": doc.data, "draft_mark": draft_mark, "marker": marker, "options": options, "findings": len(errors)})
    try:
        data = builder.wait()
    except builder_module.EXPECTED_ERRORS as exc:
        err.write(f"plantool: error: {exc}\n")
        return USAGE
    try:
        atomic_write(out_path, data, force=force, replace_ok=lambda p: builder_module.previous_marker(p) == marker)
    except WriteError as exc:
        message = str(exc)
        if "already exists" in message:
            message = (f"{display_name(out_path)}: already exists and is not an earlier export of "
                       f"{display_name(plan_path.name)}; use --force to replace it")
        err.write(f"plantool: error: {message}\n")
        return USAGE
    for note in builder.notes:
        err.write(f"plantool: warning: {note}\n")
    banner = draft_banner(doc.data.get("plan") if isinstance(doc.data.get("plan"), dict) else {}, draft=draft_mark, findings=len(errors))
    err.write(f"wrote {display_name(out_path)}" + (f" (marked {banner})" if banner else "") + "\n")
    return CLEAN
