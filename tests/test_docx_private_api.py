"""python-docx's private API, used in one module only, and checked on every run.

`plantool/export/docx/ooxml.py` reaches below python-docx's public API where it
must (the XML element behind a paragraph, a table, a row; the `_Cell` class).
A python-docx upgrade may rename or remove any of these without notice. Each
test here uses one of them on a real document and fails with the name of the
attribute that changed, rather than letting an export fail somewhere deep.
"""

from __future__ import annotations

import ast
import io
import types
from importlib.metadata import version
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

import plantool
from plantool.export.docx import ooxml

PACKAGE = Path(plantool.__file__).parent
OOXML = Path(ooxml.__file__)
PYTHON_DOCX = version("python-docx")


def require(obj, name: str):
    """obj.name, or a failure that says which private name python-docx no longer has."""
    if not hasattr(obj, name):
        owner = obj.__name__ if isinstance(obj, types.ModuleType) else type(obj).__name__
        pytest.fail(
            f"python-docx {PYTHON_DOCX}: {owner}.{name} is gone; "
            f"plantool/export/docx/ooxml.py relies on it (see pyproject.toml's pin)"
        )
    return getattr(obj, name)


def check(condition: bool, name: str, what: str) -> None:
    if not condition:
        pytest.fail(f"python-docx {PYTHON_DOCX}: {name} changed: {what}; plantool/export/docx/ooxml.py relies on it")


def reopened(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


# -- one probe per private name ooxml.py uses -----------------------------------------------


def probe_run_r():
    document = docx.Document()
    run = document.add_paragraph().add_run()
    r = require(run, "_r")
    require(r, "add_t")(" kept ")
    check(reopened(document).paragraphs[0].text == " kept ", "Run._r.add_t", "the text it adds is not the run's text")


def probe_paragraph_p():
    document = docx.Document()
    paragraph = document.add_paragraph("first")
    p = require(paragraph, "_p")
    style_id = document.styles["List Bullet"].style_id
    require(p, "get_or_add_pPr")().style = style_id
    check(reopened(document).paragraphs[0].style.name == "List Bullet", "Paragraph._p.get_or_add_pPr().style", "the style set is not the paragraph's style")
    new = OxmlElement("w:p")
    p.addnext(new)
    check(p.getnext() is new, "Paragraph._p.addnext", "the element added is not the next sibling")


def probe_paragraph_parent():
    from docx.text.paragraph import Paragraph

    document = docx.Document()
    paragraph = document.add_paragraph("first")
    parent = require(paragraph, "_parent")
    after = ooxml._paragraph_after(paragraph)
    check(isinstance(after, Paragraph) and after._parent is parent, "Paragraph(p, parent)", "a paragraph made from its element and parent")
    after.add_run("second")
    check([p.text for p in reopened(document).paragraphs] == ["first", "second"], "Paragraph._parent", "the new paragraph does not follow")


def probe_table_tbl():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    tbl = require(table, "_tbl")
    require(tbl, "tblPr").style = document.styles["Table Grid"].style_id
    check(reopened(document).tables[0].style.name == "Table Grid", "Table._tbl.tblPr.style", "the style set is not the table's style")
    check(len(require(tbl, "tr_lst")) == 1, "Table._tbl.tr_lst", "it does not list the rows")
    columns = require(require(tbl, "tblGrid"), "gridCol_lst")
    check(len(columns) == 2, "Table._tbl.tblGrid.gridCol_lst", "it does not list the grid columns")
    columns[0].w = Cm(3)
    check(abs(reopened(document).tables[0].columns[0].width - Cm(3)) <= 635, "CT_TblGridCol.w", "the width set is not the column's width")


def probe_row_tr():
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    tr = require(table.rows[0], "_tr")
    properties = require(tr, "get_or_add_trPr")()
    check(properties.tag == qn("w:trPr"), "_Row._tr.get_or_add_trPr", f"it returned {properties.tag}")
    check(len(require(tr, "tc_lst")) == 3, "_Row._tr.tc_lst", "it does not list the cells")


def probe_cell_class():
    from docx import table as docx_table

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cell_class = require(docx_table, "_Cell")
    row = table.add_row()
    cells = [cell_class(tc, table) for tc in row._tr.tc_lst]
    cells[1].paragraphs[0].add_run("made by _Cell(tc, table)")
    check(reopened(document).tables[0].rows[1].cells[1].text == "made by _Cell(tc, table)", "docx.table._Cell(tc, parent)", "a cell made from its element does not write to it")
    tc = table._tbl.tr_lst[0].tc_lst[0]
    tc.width = Cm(4)
    check(abs(reopened(document).tables[0].rows[0].cells[0].width - Cm(4)) <= 635, "CT_Tc.width", "the width set is not the cell's width")


PROBES = {
    "_r": probe_run_r,
    "_p": probe_paragraph_p,
    "_parent": probe_paragraph_parent,
    "_tbl": probe_table_tbl,
    "_tr": probe_row_tr,
    "_Cell": probe_cell_class,
}


@pytest.mark.parametrize("name", PROBES)
def test_python_docx_still_offers(name):
    PROBES[name]()


# -- where private names are used ------------------------------------------------------


def private_names(tree: ast.AST) -> set[str]:
    """Single-underscore attributes read from objects other than self, and underscore names imported from docx."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.add(node.attr)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "docx":
            found |= {alias.name for alias in node.names if alias.name.startswith("_")}
    return found


def python_docx_private_names() -> set[str]:
    """The private names python-docx's own objects carry, read from a real document."""
    document = docx.Document()
    paragraph = document.add_paragraph("x")
    table = document.add_table(rows=1, cols=1)
    section = document.sections[0]
    objects = (document, paragraph, paragraph.add_run("y"), table, table.rows[0], table.rows[0].cells[0], section,
               section.header, section.footer, document.styles, document.settings, document.core_properties, document.part)
    names = {name for obj in objects for name in vars(obj) if name.startswith("_") and not name.startswith("__")}
    from docx import table as docx_table, section as docx_section

    names |= {name for module in (docx_table, docx_section) for name in vars(module) if name.startswith("_") and name[1:2].isupper()}
    return names


def test_every_private_name_ooxml_uses_has_a_probe():
    used = private_names(ast.parse(OOXML.read_text(encoding="utf-8")))
    unprobed = used - set(PROBES)
    assert not unprobed, f"ooxml.py uses python-docx's private {sorted(unprobed)}: add a probe for each to PROBES"
    assert set(PROBES) <= used, f"probes for names ooxml.py no longer uses: {sorted(set(PROBES) - used)}"


def test_no_module_but_ooxml_uses_python_docx_private_names():
    private = python_docx_private_names()
    assert {"_p", "_r", "_tbl", "_tr", "_Cell", "_parent"} <= private  # the scan sees what it must
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == OOXML:
            continue
        used = private_names(ast.parse(path.read_text(encoding="utf-8"))) & private
        offenders += [f"{path.relative_to(PACKAGE.parent)}: {name}" for name in sorted(used)]
    assert not offenders, "python-docx private API outside export/docx/ooxml.py: " + ", ".join(offenders)
