"""Import's limits on hostile or odd input, Word and web pages alike: one line and exit 2, or the text kept whole."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import run_plantool

from plantool.commands.import_ import default_output, run_import, run_import_html, HTML_SUFFIXES
from plantool.exit_codes import CLEAN, USAGE
from plantool.importer.limits import MAX_BODY_BYTES
from plantool.plan import loader


def word_file(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def with_body(source: Path, target: Path, change) -> Path:
    """A copy of a .docx whose word/document.xml is `change(xml)`."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            copy.writestr(item, data)
    return target


def imported(source: Path, tmp_path: Path, *, pages: list[Path] | None = None) -> tuple[int, str, dict | None]:
    out = tmp_path / "out.plan.yaml"
    err = io.StringIO()
    if pages is not None:
        code = run_import_html([str(p) for p in pages], str(out), force=True, err=err)
    else:
        code = run_import(str(source), str(out), force=True, err=err)
    data = loader.load(out).data if code == CLEAN else None
    return code, err.getvalue(), data


def everything(data) -> str:
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        return "\n".join(everything(v) for v in data.values())
    if isinstance(data, list):
        return "\n".join(everything(v) for v in data)
    return ""


# -- entities ---------------------------------------------------------------------------------


def test_text_after_an_entity_reference_is_kept(tmp_path):
    """python-docx does not expand entities; the words after one used to be dropped with the rest of the paragraph."""
    source = word_file(tmp_path / "plain.docx", ["ENTITY-HERE"])
    dtd = (
        '<!DOCTYPE w:document [<!ENTITY amount "£2 million"><!ENTITY ext SYSTEM "file:///etc/hostname">'
        '<!ENTITY lol "&amount;&amount;&amount;&amount;">]>'
    )

    def change(xml: str) -> str:
        xml = xml.replace("?>", "?>" + dtd, 1)
        return xml.replace("ENTITY-HERE", "Savings of &amount; were made, &ext; and &lol; said the report, in 2023/24.")

    code, log, data = imported(with_body(source, tmp_path / "entities.docx", change), tmp_path)
    assert code == CLEAN, log
    text = everything(data)
    assert "Savings of £2 million were made, &ext; and &amount;&amount;&amount;&amount; said the report, in 2023/24." in " ".join(text.split())
    assert Path("/etc/hostname").read_text().strip() not in text if Path("/etc/hostname").exists() else True  # never fetched


# -- size --------------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused_in_one_line(tmp_path):
    source = word_file(tmp_path / "small.docx", ["FILL"])
    rng = random.Random(1)
    words = "council budget service residents saving housing waste data team".split()
    filler = "".join(
        f"<w:p><w:r><w:t>{' '.join(rng.choice(words) for _ in range(40))} {n}</w:t></w:r></w:p>" for n in range(40_000)
    )
    big = with_body(source, tmp_path / "big.docx", lambda xml: re.sub(r"<w:p>(?:(?!<w:p>).)*FILL.*?</w:p>", filler, xml, count=1, flags=re.S))
    with zipfile.ZipFile(big) as archive:
        assert archive.getinfo("word/document.xml").file_size > MAX_BODY_BYTES
    code, log, _ = imported(big, tmp_path)
    assert code == USAGE
    assert log.count("\n") == 1 and log.startswith(f"plantool: error: {big}: the document body is ") and "the import limit is 10 MB" in log


def test_a_page_over_the_limit_is_refused_in_one_line(tmp_path):
    page = tmp_path / "huge.html"
    page.write_text("<main>" + "<p>Spend was reviewed by the team.</p>" * (MAX_BODY_BYTES // 35 + 10) + "</main>", encoding="utf-8")
    code, log, _ = imported(page, tmp_path, pages=[page])
    assert code == USAGE and log.count("\n") == 1 and "the page is" in log and "import limit is 10 MB" in log


# -- web pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, says",
    [
        ("plan.html", b"PK\x03\x04 not really a page", "not a saved web page"),
        ("plan.htm", b"%PDF-1.7 a PDF saved with the wrong name", "not a saved web page"),
        ("nul.html", b"<p>text\x00\x00\x00</p>", "not a saved web page"),
    ],
)
def test_files_that_are_not_pages_are_refused(tmp_path, name, content, says):
    page = tmp_path / name
    page.write_bytes(content)
    code, log, _ = imported(page, tmp_path, pages=[page])
    assert code == USAGE and log.count("\n") == 1 and log.startswith(f"plantool: error: {page}: {says}")


def test_a_missing_page_is_named(tmp_path):
    there = tmp_path / "one.html"
    there.write_text("<main><h1>Plan</h1></main>", encoding="utf-8")
    code, log, _ = imported(there, tmp_path, pages=[there, tmp_path / "two.html"])
    assert code == USAGE and log == f"plantool: error: {tmp_path / 'two.html'}: page not found\n"


def test_deep_nesting_scripts_and_hidden_parts(tmp_path):
    page = tmp_path / "odd.html"
    nested = "<div>" * 5000 + "<p>Deep text about reducing wasteful spend.</p>" + "</div>" * 5000
    page.write_text(
        "<html><head><style>p {color: red}</style><script>var secret = 'never read';</script></head><body>"
        "<main><h1>Productivity plan</h1><p hidden>Hidden words never read.</p>"
        "<p aria-hidden='true'>Also hidden.</p><noscript>Enable scripts</noscript>"
        f"{nested}<p>Caf&eacute; &amp; &#163;5 &unknown; and more after it.</p></main></body></html>",
        encoding="utf-8",
    )
    code, log, data = imported(page, tmp_path, pages=[page])
    assert code == CLEAN, log
    text = " ".join(everything(data).split())
    assert "Deep text about reducing wasteful spend." in text
    assert "Café & £5 &unknown; and more after it." in text  # the rest of a paragraph after an unknown entity stays
    for never in ("never read", "Hidden words", "Also hidden", "Enable scripts", "color: red"):
        assert never not in text


def test_a_page_in_windows_1252_is_decoded(tmp_path):
    page = tmp_path / "old.html"
    page.write_bytes("<main><p>Savings of £3m – achieved.</p></main>".encode("cp1252"))
    code, log, data = imported(page, tmp_path, pages=[page])
    assert code == CLEAN and "Savings of £3m – achieved." in everything(data)


def test_links_relative_to_the_page_are_made_absolute_from_its_canonical_address(tmp_path):
    page = tmp_path / "links.html"
    page.write_text(
        '<html><head><link rel="canonical" href="https://www.example.gov.uk/plan/part-1"></head><body><main>'
        '<p>See the <a href="../budget">budget papers</a>, <a href="#top">the top</a> and '
        '<a href="javascript:alert(1)">this</a>.</p></main></body></html>',
        encoding="utf-8",
    )
    code, log, data = imported(page, tmp_path, pages=[page])
    assert code == CLEAN
    text = everything(data)
    assert "[budget papers](https://www.example.gov.uk/budget)" in text
    assert "the top and this." in " ".join(text.split()) and "javascript" not in text


def test_import_html_from_the_command_line(tmp_path):
    first, second = tmp_path / "plan-part-1.html", tmp_path / "plan-part-2.html"
    first.write_text("<nav><a href='/'>Home</a></nav><main><h1>Productivity plan</h1><h2>Transformation</h2>"
                     "<p>We merged two contact centres.</p></main><footer>Cookies</footer>", encoding="utf-8")
    second.write_text("<main><h1>Productivity plan</h1><h2>Barriers</h2><ul><li>Short funding settlements.</li></ul></main>",
                      encoding="utf-8")
    result = run_plantool("import", "html", first, second)
    assert result.returncode == 0, result.stderr
    out = default_output(first, HTML_SUFFIXES)
    assert out == tmp_path / "plan-part-1.plan.yaml" and out.is_file()
    data = loader.load(out).data
    assert data["themes"]["barriers"]["items"] == [{"barrier": "Short funding settlements."}]
    assert "We merged two contact centres." in everything(data["themes"]["transformation"])
    assert "Home" not in everything(data) and "Cookies" not in everything(data)
    assert "heading 'Transformation' -> Themes › Transformation (exact, score 100)" in result.stderr
    assert "by `plantool import html`" in out.read_text(encoding="utf-8")
    again = run_plantool("import", "html", first, second)
    assert again.returncode == 2 and "--force" in again.stderr
