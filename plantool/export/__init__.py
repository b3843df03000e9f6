"""Export formats: `plantool export FORMAT PLAN`, one registry entry per format.

An entry gives the output's suffix, the options of its own that the format
takes (beyond -o, --draft and --force, which every format has), a line for
`--help`, and the module that builds it. The CLI, its fast path and
`commands/export.py` read only this table, so adding a format is one module
and one entry.

A builder module is imported only when its format is exported, and offers:
- `prepare()`: the slow imports; run at once in a background process while the plan is read and checked;
- `build(job) -> bytes`: the document, from a job of plain data: `data` (the plan), `draft_mark`, `marker`
  (to record in the file, see `commands/export.py`), `options` (this format's options, by keyword) and
  `findings` (the number of errors check found, which the draft mark of an approved plan states);
- `previous_marker(path) -> str | None`: the marker recorded in an existing output, if any;
- `EXPECTED_ERRORS`: exceptions that are the user's mistake (e.g. a bad template): one line, exit 2.
"""

from __future__ import annotations

from typing import NamedTuple

# Recorded in each export's core properties (identifier), followed by the plan's file name:
# a later export of the same plan may replace the file, and the importer knows the layout is plantool's.
EXPORT_MARK = "plantool-export:"


class Option(NamedTuple):
    """An option of a format's own, e.g. docx's `--template PATH`."""

    flag: str
    help: str
    metavar: str | None = None  # the value's name, e.g. PATH; None for an on/off flag
    default_suffix: str | None = None  # when given, the default output ends in this instead (".fragment.html")

    @property
    def keyword(self) -> str:
        return self.flag.removeprefix("--").replace("-", "_")

    @property
    def takes_value(self) -> bool:
        return self.metavar is not None


class ExportFormat(NamedTuple):
    suffix: str  # of the output file, e.g. ".docx"
    builder: str  # the module that builds it (see above)
    help: str
    options: tuple[Option, ...] = ()


TEMPLATE = Option("--template", "A council .docx whose styles, page setup and header art to use.", "PATH")

FORMATS: dict[str, ExportFormat] = {
    "docx": ExportFormat(
        ".docx",
        "plantool.export.docx.builder",
        "the Word document for Cabinet and the website",
        (TEMPLATE,),
    ),
    "html": ExportFormat(
        ".html",
        "plantool.export.html.builder",
        "one accessible web page for the council's website (or, with --fragment, its body for a CMS)",
        (Option("--fragment", "Write only the content of <main>, with no styles, to paste into a content management system "
                "(by default to NAME.fragment.html, beside the full page's NAME.html).", default_suffix=".fragment.html"),),
    ),
    "pdf": ExportFormat(
        ".pdf",
        "plantool.export.pdf.builder",
        "a tagged PDF of the Word document, made by LibreOffice (soffice on PATH, or PLANTOOL_SOFFICE)",
        (TEMPLATE,),
    ),
}


def all_options() -> list[Option]:
    """Every format's own options, each flag once, for the command line."""
    seen: dict[str, Option] = {}
    for export_format in FORMATS.values():
        for option in export_format.options:
            seen.setdefault(option.flag, option)
    return list(seen.values())
