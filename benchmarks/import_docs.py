"""Word plans of a chosen size for the import benchmark: varied wording, the layouts councils use.

Each section is a bold typed-number heading in words that differ from the
last (so no decision is a repeat), two paragraphs with figures, three bullets
and a 'done / will do' table with bullets in its cells, repeated until the
document body (word/document.xml) reaches the size asked for. Seeded: the same
size gives the same document.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

WORDS = (
    "council service residents budget staff digital data housing waste contract review team partner "
    "saving income asset property care children transport planning customer online system demand cost "
    "procurement agency energy library leisure parking revenue grant funding audit estate depot fleet"
).split()
OPENINGS = ("Managing", "Improving", "Reviewing", "Redesigning", "Using", "Reducing", "Sharing", "Funding")


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def word_plan(path: Path, body_mb: float, seed: int = 20) -> float:
    """Write a plan whose body XML is about `body_mb` MB; returns its real size in MB."""
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    document.add_paragraph("Productivity plan 2024/25", style="Title")
    section = 0
    # about 2.6 KB of body XML per section; one save at the end keeps the build linear
    sections = max(1, int(body_mb * 1024 * 1024 / 2600))
    for section in range(1, sections + 1):
        heading = document.add_paragraph()
        heading.add_run(f"{section}) {rng.choice(OPENINGS)} {rng.choice(WORDS)} and {rng.choice(WORDS)}").bold = True
        first = document.add_paragraph(sentence(rng, 18) + f" We saved £{rng.randint(1, 900)},000 in 2023/24.")
        first.add_run(" " + sentence(rng, 6)).bold = True
        document.add_paragraph(sentence(rng, 24))
        for _ in range(3):
            document.add_paragraph(sentence(rng, 9), style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).paragraphs[0].add_run("What we have done").bold = True
        table.cell(0, 1).paragraphs[0].add_run("What we will do").bold = True
        for column in (0, 1):
            cell = table.cell(1, column)
            cell.paragraphs[0].text = sentence(rng, 7)
            cell.paragraphs[0].style = document.styles["List Bullet"]
            cell.add_paragraph(sentence(rng, 7), style="List Bullet")
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        return archive.getinfo("word/document.xml").file_size / (1024 * 1024)
