"""The README table "How real plans fit" is what the corpus really gives (issue 25).

For each plan in tests/corpus/: the places of the format it uses, what still had
no place, what `check` reports, and the words a page of its Word export as
LibreOffice prints it. The table is generated here and compared with the
README's, so the README cannot drift from the corpus. Words a page need
LibreOffice and poppler: without them (locally) that column is left out of the
comparison; CI installs both.

Run `python tests/test_fit_table.py` to print the table (with LibreOffice, the
words a page too) for pasting into the README.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import REPO, printed_exports, require_tool  # noqa: E402
from test_corpus_fit import PLANS, places_used  # noqa: E402
from test_density import words_and_pages  # noqa: E402

from plantool.check.findings import SEVERITIES  # noqa: E402
from plantool.check.runner import check_file  # noqa: E402
from plantool.plan import loader  # noqa: E402

README = REPO / "README.md"
START, END = "<!-- fit-table -->", "<!-- /fit-table -->"
NO_PLACE = "none"  # every plan's content has a place; a plan with a compromise would say what
TOLERANCE = 0.05  # words a page may differ this much between machines (font hinting, LibreOffice builds)
HEADER = ("| plan | places used | no place | `check` finds | words a page |", "|---|---|---|---|---:|")


def place_names(data: dict) -> str:
    """The places a plan fills, in plain words: 'approval, introduction; transformation (own sections); topics: partnerships'."""
    plan, themes, rest = [], {}, []
    for place in places_used(data):
        parts = place.split(".")
        if parts[0] == "plan":
            if parts[1] not in ("title", "period", "status"):
                plan.append(parts[1].replace("_", " "))
        elif parts[0] == "themes":
            kind = {"sections": "own sections", "heading": "own heading"}.get(parts[2], "answers") if len(parts) > 2 else "answers"
            themes.setdefault(parts[1].replace("_", " "), []).append(kind)
        elif parts[0] == "topics":
            rest.append(f"topics: {parts[1].replace('_', ' ')}")
        elif parts[0] == "disclosures":
            rest.append(f"disclosures: {parts[1].replace('_', ' ')}")
        else:
            rest.append(parts[0].replace("_", " "))
    shown = [", ".join(dict.fromkeys(plan))] if plan else []
    shown += [f"{theme} ({', '.join(dict.fromkeys(kinds))})" for theme, kinds in themes.items()]
    shown += list(dict.fromkeys(rest))
    return "; ".join(shown)


def findings_text(plan: Path) -> str:
    """'4 errors (approval-record ×2, unanswered ×2), 6 info (not-available ×2, …)', or 'nothing'."""
    findings = check_file(plan).findings
    parts = []
    for severity in SEVERITIES:
        rules = Counter(f.rule for f in findings if f.severity == severity)
        if not rules:
            continue
        count = sum(rules.values())
        noun = severity if severity == "info" or count == 1 else severity + "s"
        listed = ", ".join(f"{rule} ×{n}" if n > 1 else rule for rule, n in sorted(rules.items()))
        parts.append(f"{count} {noun} ({listed})")
    return ", ".join(parts) or "nothing"


def words_a_page(plans: list[Path], work: Path) -> dict[str, int]:
    """Each plan exported to Word (--draft: most have errors) and printed by LibreOffice in one call."""
    printed = printed_exports({plan.name.removesuffix(".plan.yaml"): (plan, ["--draft"]) for plan in plans}, work)
    out = {}
    for name, pdf in printed.items():
        words, pages = words_and_pages(pdf)
        out[name + ".plan.yaml"] = round(words / pages)
    return out


def table(pages: dict[str, int] | None) -> list[str]:
    rows = list(HEADER)
    for plan in PLANS:
        data = loader.load(plan).data
        council = (data.get("council") or {}).get("name") or plan.name
        shown = str(pages[plan.name]) if pages else "?"
        rows.append(f"| {council} | {place_names(data)} | {NO_PLACE} | {findings_text(plan)} | {shown} |")
    return rows


def readme_rows() -> list[str]:
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text, "README lacks the 'How real plans fit' table markers"
    block = text[text.index(START) + len(START) : text.index(END)]
    return [line for line in block.strip().splitlines() if line.startswith("|")]


def without_pages(row: str) -> str:
    return row.rsplit("|", 2)[0]


def test_the_readme_table_says_what_the_corpus_gives():
    assert [without_pages(r) for r in readme_rows()] == [without_pages(r) for r in table(None)]


def test_the_readme_words_a_page_are_what_libreoffice_prints(tmp_path):
    require_tool("pdftotext")
    pages = words_a_page(PLANS, tmp_path)
    stated = {plan.name: int(row.rstrip(" |").rsplit("|", 1)[1]) for plan, row in zip(PLANS, readme_rows()[2:])}
    for name, measured in pages.items():
        assert abs(stated[name] - measured) <= TOLERANCE * measured, f"{name}: README says {stated[name]}, LibreOffice prints {measured}"


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as work:
        measured = words_a_page(PLANS, Path(work)) if shutil.which("soffice") else None
        print("\n".join(table(measured)))
