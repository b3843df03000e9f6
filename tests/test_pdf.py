"""Every example exported to Word, opened by a second client (LibreOffice) and turned into PDF."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import EXAMPLES, printed_exports, require_tool

from plantool.plan import loader as document

EXAMPLE_PLANS = sorted(EXAMPLES.glob("*.plan.yaml"))
REAL_PLANS = {"derbyshire-2024.plan.yaml", "durham-2024.plan.yaml"}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    require_tool("pdftotext")
    out = tmp_path_factory.mktemp("pdf")
    printed_exports({plan.name.removesuffix(".plan.yaml"): (plan, ["--draft"]) for plan in EXAMPLE_PLANS}, out, timeout=300)
    return out


def test_there_are_examples_to_export():
    names = {p.name for p in EXAMPLE_PLANS}
    assert REAL_PLANS <= names and len(names) >= 4


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_pdf_has_the_text_and_a_sensible_length(pdfs, plan):
    pdf = pdfs / plan.name.replace(".plan.yaml", ".pdf")
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    data = document.load(plan).data
    assert data["council"]["name"] in text
    for heading in ("Transformation", "Technology and data", "Reducing wasteful spend", "Barriers"):
        assert heading in text
    assert re.search(r"Page 1 of \d+", text)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    if plan.name in REAL_PLANS:
        assert 3 <= pages <= 6, pages
    else:
        assert 1 <= pages <= 8, pages
