"""`plantool export pdf`: a tagged PDF/UA made from the Word export by LibreOffice, leaving nothing behind.

The real LibreOffice converts every example; poppler and pypdf read the
result back. Fake `soffice` programs (small shell scripts) stand in for a
LibreOffice that hangs or fails, and an empty PATH for one that is missing.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO, require_tool, run_plantool
from html_support import EXAMPLE_PLANS, export, model

from plantool.export.pdf import libreoffice
from plantool.export.pdf.marker import add_marker, previous_marker
from plantool.plan import loader

RIVERSIDE = EXAMPLES / "riverside-2025.plan.yaml"


def info(path: Path) -> dict[str, str]:
    """What pdfinfo says about a PDF, field by field."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, value in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder`, with its size and modification time."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def tools():
    require_tool("soffice")
    require_tool("pdfinfo")
    require_tool("pdftotext")


@pytest.fixture(scope="module")
def pdfs(tools):
    return {plan: export(plan, "pdf") for plan in EXAMPLE_PLANS}


# -- every example ---------------------------------------------------------------------------


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_tagged_with_title_language_pdf_ua_and_display_title(pdfs, plan):
    from pypdf import PdfReader

    pdf = pdfs[plan]
    described = info(pdf)
    data = loader.load(plan).data
    assert described["Tagged"] == "yes"
    assert described["Title"] == data["plan"]["title"]
    assert described["Author"] == data["council"]["name"]
    reader = PdfReader(pdf)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert "/StructTreeRoot" in catalog
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>", xmp), "PDF/UA-1 is declared"


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_bookmarks_are_the_headings(pdfs, plan):
    from pypdf import PdfReader

    reader = PdfReader(pdfs[plan])
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    published = model(plan, draft=True)
    assert top == [section.title for section in published.sections]
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert sum(len(level) for level in nested) >= len([s for s in published.walk() if s.level == 2])


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_every_theme_heading_is_in_the_text(pdfs, plan):
    text = " ".join(text_of(pdfs[plan]).split())
    for section in model(plan, draft=True).sections:
        assert section.title in text
    banner = model(plan, draft=True).draft_banner
    assert text.count(banner) >= int(info(pdfs[plan])["Pages"])  # exported with --draft: marked on every page


def test_the_page_count_is_the_word_exports_as_libreoffice_lays_it_out(pdfs, tmp_path):
    """The PDF options change the tags and the outline, never the layout."""
    docs = [export(plan, "docx") for plan in EXAMPLE_PLANS]
    subprocess.run(
        [require_tool("soffice"), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)],
        capture_output=True, text=True, timeout=300, check=True,
    )
    for plan, doc in zip(EXAMPLE_PLANS, docs):
        plain = tmp_path / (doc.stem + ".pdf")
        assert int(info(pdfs[plan])["Pages"]) == int(info(plain)["Pages"]), plan.name
        assert info(plain)["Tagged"] == "no", "LibreOffice tags only when asked: the option takes effect"


def test_the_export_marker_lets_a_later_export_replace_it(pdfs, tmp_path):
    out = pdfs[RIVERSIDE]
    assert previous_marker(out) == "plantool-export:riverside-2025.plan.yaml"
    out.write_bytes(out.read_bytes() + b"\n")  # to see it replaced
    again = run_plantool("export", "pdf", RIVERSIDE, "-o", out, "--draft", timeout=300)
    assert again.returncode == 0, again.stderr
    assert not out.read_bytes().endswith(b"\n\n") and previous_marker(out) == "plantool-export:riverside-2025.plan.yaml"
    foreign = tmp_path / "theirs.pdf"
    foreign.write_bytes(pdfs[EXAMPLE_PLANS[0]].read_bytes().replace(b"/PlantoolExport", b"/SomeoneElse"))
    assert previous_marker(foreign) is None  # so `export` refuses to replace it without --force


# -- the marker, on LibreOffice's own output ----------------------------------------------------


def test_the_marker_is_an_incremental_update_that_keeps_every_byte(pdfs, tmp_path):
    from pypdf import PdfReader

    marked = pdfs[RIVERSIDE].read_bytes()
    original = marked[: marked.rindex(b"%%EOF", 0, marked.rindex(b"%%EOF")) + 5]
    assert marked.startswith(original) and previous_marker(pdfs[RIVERSIDE]).startswith("plantool-export:")
    again = tmp_path / "again.pdf"
    again.write_bytes(add_marker(marked, "plantool-export:ünïcode (and) <brackets>.plan.yaml"))
    reader = PdfReader(again, strict=True)
    assert reader.metadata["/PlantoolExport"] == "plantool-export:ünïcode (and) <brackets>.plan.yaml"
    assert reader.metadata["/Title"] == "Riverside Productivity Plan 2025/26"
    assert previous_marker(again) == "plantool-export:ünïcode (and) <brackets>.plan.yaml"
    assert info(again)["Tagged"] == "yes" and info(again)["Pages"] == info(pdfs[RIVERSIDE])["Pages"]
    assert marked.count(b"/PlantoolExport") == 1 and again.read_bytes().count(b"/PlantoolExport") == 2


def test_a_pdf_the_marker_cannot_be_added_to_is_left_as_it_is(tmp_path):
    stream_only = b"%PDF-1.5\n1 0 obj\n<</Type/XRef>>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n"
    assert add_marker(stream_only, "plantool-export:x") == stream_only
    (tmp_path / "x.pdf").write_bytes(stream_only)
    assert previous_marker(tmp_path / "x.pdf") is None
    assert previous_marker(tmp_path / "missing.pdf") is None


# -- LibreOffice missing, failing, hanging, or already open ---------------------------------------


def fake_soffice(tmp_path: Path, body: str) -> Path:
    program = tmp_path / "fake-soffice"
    program.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    program.chmod(0o755)
    return program


def test_missing_libreoffice_is_one_line_with_how_to_install_it(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "plan.pdf"
    result = run_plantool("export", "pdf", RIVERSIDE, "-o", out, env={"PATH": str(empty), "PLANTOOL_SOFFICE": ""})
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith("plantool: error: PDF export needs LibreOffice")
    assert "apt install libreoffice-writer-nogui" in result.stderr and "PLANTOOL_SOFFICE" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_soffice_named_by_the_variable_that_is_not_there_is_one_line(tmp_path):
    result = run_plantool("export", "pdf", RIVERSIDE, "-o", tmp_path / "p.pdf", env={"PLANTOOL_SOFFICE": str(tmp_path / "nope")})
    assert result.returncode == 2 and "PLANTOOL_SOFFICE" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_conversion_that_fails_writes_nothing(tmp_path):
    program = fake_soffice(tmp_path, 'echo "Error: source file could not be loaded"\nexit 0\n')
    out = tmp_path / "plan.pdf"
    result = run_plantool("export", "pdf", RIVERSIDE, "-o", out, env={"PLANTOOL_SOFFICE": str(program), "TMPDIR": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.strip() == "plantool: error: LibreOffice could not convert the document to PDF: Error: source file could not be loaded"
    assert not out.exists() and not list(tmp_path.glob("plantool-pdf-*"))


UNTAGGED_SOFFICE = """for arg in "$@"; do printf '%s\\n' "$arg" >> "{args}"; done
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  shift
done
printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/plan.pdf"
"""


def test_a_libreoffice_that_ignores_the_options_is_refused_and_is_run_as_documented(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    args = tmp_path / "args"
    program = fake_soffice(tmp_path, UNTAGGED_SOFFICE.format(args=args))
    out = tmp_path / "plan.pdf"
    result = run_plantool("export", "pdf", RIVERSIDE, "-o", out, env={"PLANTOOL_SOFFICE": str(program), "TMPDIR": str(scratch)})
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.strip() == f"plantool: error: {program} made a PDF without tags; PDF export needs LibreOffice 7.4 or later"
    given = args.read_text().splitlines()
    profile = next(arg for arg in given if arg.startswith("-env:UserInstallation=file://"))
    assert profile.removeprefix("-env:UserInstallation=file://").startswith(str(scratch / "plantool-pdf-"))
    assert "--headless" in given and libreoffice.filter_argument() in given
    assert list(scratch.iterdir()) == []


def test_a_conversion_that_hangs_is_stopped_with_everything_it_started(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    pids = tmp_path / "pids"
    # Like oosplash and soffice.bin: a program that starts a child; both must be ended.
    program = fake_soffice(tmp_path, f'sleep 600 &\necho $! >> "{pids}"\necho $$ >> "{pids}"\nwait\n')
    out = tmp_path / "plan.pdf"
    result = run_plantool(
        "export", "pdf", RIVERSIDE, "-o", out,
        env={"PLANTOOL_SOFFICE": str(program), "PLANTOOL_SOFFICE_TIMEOUT": "2", "TMPDIR": str(scratch)},
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "plantool: error: LibreOffice did not finish the PDF within 2 seconds (set PLANTOOL_SOFFICE_TIMEOUT to wait longer)"
    )
    assert not out.exists() and list(scratch.iterdir()) == []
    for pid in map(int, pids.read_text().split()):
        assert not alive(pid), pid


def alive(pid: int) -> bool:
    """Whether `pid` is a running process (a zombie waiting for its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize("fork", [True, False], ids=["builder-process", "one-process"])
def test_a_stopped_export_leaves_nothing(tmp_path, fork):
    """SIGTERM to plantool: LibreOffice is ended and the scratch folder removed, by whichever process ran it."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    pids = tmp_path / "pids"
    program = fake_soffice(tmp_path, f'echo $$ >> "{pids}"\nexec sleep 600\n')
    env = {**os.environ, "PLANTOOL_SOFFICE": str(program), "TMPDIR": str(scratch), "PYTHONPATH": str(REPO)}
    if not fork:
        env["PLANTOOL_NO_FORK"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "plantool", "export", "pdf", str(RIVERSIDE), "-o", str(tmp_path / "p.pdf")],
        env=env, stderr=subprocess.PIPE, text=True,
    )
    assert wait_for(lambda: pids.exists() and pids.read_text().strip()), "LibreOffice was started"
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert wait_for(lambda: not list(scratch.iterdir())), list(scratch.iterdir())
    assert wait_for(lambda: not alive(int(pids.read_text()))), "the fake LibreOffice was ended"
    assert not (tmp_path / "p.pdf").exists()


def wait_for(condition, tries: int = 600) -> bool:
    """Poll `condition` (up to about 30 s on a busy machine): for work another process finishes."""
    for _ in range(tries):
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


def user_home(tmp_path: Path) -> tuple[Path, dict]:
    """A home with a LibreOffice profile in it, and the environment of a user who lives there."""
    home = tmp_path / "home"
    profile = home / ".config" / "libreoffice" / "4" / "user"
    profile.mkdir(parents=True)
    (profile / "registrymodifications.xcu").write_text("<oor:items/>\n", encoding="utf-8")
    (home / ".cache").mkdir()
    env = {**os.environ, "HOME": str(home)}
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env.pop(name, None)
    return home, env


def test_leaves_the_users_home_profile_and_temporary_folder_as_they_were(tools, tmp_path):
    home, env = user_home(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    before = snapshot(home)
    out = tmp_path / "plan.pdf"
    result = run_plantool("export", "pdf", RIVERSIDE, "-o", out, env={"HOME": str(home), "TMPDIR": str(scratch)}, timeout=300)
    assert result.returncode == 0, result.stderr
    assert snapshot(home) == before, "nothing in the user's home or LibreOffice profile changed"
    assert list(scratch.iterdir()) == [], "nothing left in the temporary folder"


def test_works_while_the_user_has_libreoffice_open(tools, tmp_path):
    """A LibreOffice already running on the user's own profile neither takes the job nor stops it."""
    home, env = user_home(tmp_path)
    running = subprocess.Popen(
        [require_tool("soffice"), "--headless", "--norestore", "--accept=pipe,name=plantool-test-user;urp;"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        assert wait_for(lambda: (home / ".config" / "libreoffice" / "4" / ".lock").exists()), "the user's LibreOffice started"
        out = tmp_path / "plan.pdf"
        result = run_plantool("export", "pdf", RIVERSIDE, "-o", out, env={"HOME": str(home)}, timeout=300)
        assert result.returncode == 0, result.stderr
        assert info(out)["Tagged"] == "yes" and info(out)["Title"] == "Riverside Productivity Plan 2025/26"
        assert running.poll() is None, "the user's LibreOffice is still running"
    finally:
        os.killpg(running.pid, signal.SIGKILL)
        running.wait()


def test_the_filter_options_are_typed_json():
    argument = libreoffice.filter_argument()
    assert argument.startswith("pdf:writer_pdf_Export:{")
    assert '"UseTaggedPDF":{"type":"boolean","value":"true"}' in argument
    assert '"PDFUACompliance":{"type":"boolean","value":"true"}' in argument
