"""Word, HTML and PDF say the same thing: the same headings, the same figures, the same words.

For each example, the three files come from the real CLI; python-docx reads
the Word document, the HTML tree reads the page, poppler and pypdf read the
PDF. Nothing here consults the model: each format is read as a reader gets it.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter

import docx
import pytest

from conftest import require_tool
from html_support import EXAMPLE_PLANS, export, parse

FIGURE = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?")  # £820,000  4.1%  2024/25 gives 2024 and 25  3.6
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@pytest.fixture(scope="module")
def tools():
    require_tool("soffice")
    require_tool("pdftotext")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_reading(path):
    """(headings as (level, text), table cells' texts, every word of the body, its header and its tables' titles)."""
    document = docx.Document(path)
    captions = [element.get(f"{W}val") for element in document.element.body.iter(f"{W}tblCaption")]
    headings = [
        (int(p.style.name.split()[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading ")
    ]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    words = [p.text for p in document.paragraphs] + cells
    words += [p.text for section in document.sections for p in section.header.paragraphs]
    return headings, cells, (words, captions)  # a table's title is its alternative text in Word, its caption in HTML


def html_reading(path):
    """The same three things, read from the page's `main` (the skip link, header and footer are page furniture)."""
    root = parse(path.read_text(encoding="utf-8"))
    [main] = root.find_all("main")
    headings = [
        (int(node.tag[1]) - 1, node.text()) for node in main.iter()
        if re.fullmatch(r"h[2-6]", node.tag) and node.parent.tag != "nav"
    ]
    cells = [cell.text() for table in main.find_all("table") for cell in table.find_all("th", "td")]
    text_nodes = [child for node in main.iter() for child in node.children if isinstance(child, str)]
    return headings, cells, text_nodes


def pdf_reading(path):
    from pypdf import PdfReader

    def flatten(outline, level=1):
        for item in outline:
            if isinstance(item, list):
                yield from flatten(item, level + 1)
            else:
                yield level, item.title

    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return list(flatten(PdfReader(path).outline)), text


def figures(texts) -> Counter:
    return Counter(token for text in texts for token in FIGURE.findall(text))


def words(texts) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(text)}


@pytest.fixture(scope="module")
def readings(tools):
    out = {}
    for plan in EXAMPLE_PLANS:
        out[plan] = (
            docx_reading(export(plan, "docx")),
            html_reading(export(plan, "html")),
            pdf_reading(export(plan, "pdf")),
        )
    return out


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_the_same_headings_in_the_same_order(readings, plan):
    (word_headings, _, _), (html_headings, _, _), (bookmarks, pdf_text) = readings[plan]
    assert word_headings and word_headings == html_headings
    assert bookmarks == word_headings
    flowing = " ".join(pdf_text.split())
    for _, heading in word_headings:
        assert heading in flowing, heading


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_the_same_figures(readings, plan):
    (_, word_cells, _), (_, html_cells, _), (_, pdf_text) = readings[plan]
    in_word = figures(word_cells)
    assert sum(in_word.values()) >= 10 and any(token.startswith("£") for token in in_word)
    assert figures(html_cells) == in_word
    in_pdf = figures([pdf_text])
    missing = {token: count for token, count in in_word.items() if in_pdf[token] < count}
    assert not missing, missing


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_the_same_words(readings, plan):
    (_, _, (shown, captions)), (_, _, html_texts), (_, pdf_text) = readings[plan]
    in_word, in_html = words(shown + captions), words(html_texts)
    assert in_word == in_html, (sorted(in_word - in_html), sorted(in_html - in_word))
    in_pdf = words([" ".join(pdf_text.split())])
    assert words(shown) <= in_pdf, sorted(words(shown) - in_pdf)
