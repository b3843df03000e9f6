"""Every HTML export passes the Nu HTML Checker (vnu.jar from npm, run on Debian's JRE), stylesheet included.

One run of vnu checks all the files (a JVM start costs seconds); each file
then gets its own test. The fragment is checked as a CMS would show it,
wrapped in a bare page.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import require_tool
from html_support import VNU, case_id, cases, page_file, require_file

CASES = cases()


BROKEN = '<!DOCTYPE html><html lang="en-GB"><head><title>x</title><style>p { colour: red }</style></head><body><p id="a"><p id="a"></body></html>'


def file_uri(url: str) -> str:
    """vnu names files file:/tmp/x.html; Path.as_uri() says file:///tmp/x.html."""
    return "file:///" + url.removeprefix("file:").lstrip("/") if url.startswith("file:") else url


@pytest.fixture(scope="module")
def vnu_messages(tmp_path_factory):
    java = require_tool("java")
    jar = require_file(VNU, "npm ci --prefix tests/browser")
    files = {case: page_file(*case) for case in CASES}
    files["broken"] = tmp_path_factory.mktemp("vnu") / "broken.html"  # proves the harness sees errors
    files["broken"].write_text(BROKEN, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--also-check-css", *map(str, files.values())],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)  # vnu writes its report on stderr
    by_file: dict[str, list[dict]] = {path.as_uri(): [] for path in files.values()}
    for message in report["messages"]:
        by_file.setdefault(file_uri(message.get("url", "")), []).append(message)
    return files, by_file


def test_the_checker_reports_errors_when_there_are_some(vnu_messages):
    files, by_file = vnu_messages
    found = {m["message"] for m in by_file[files["broken"].as_uri()] if m["type"] == "error"}
    assert any("Duplicate ID" in m for m in found) and any("colour" in m for m in found), found


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_nu_html_checker_finds_no_error(vnu_messages, case):
    files, by_file = vnu_messages
    assert set(by_file) == {path.as_uri() for path in files.values()}, "every message belongs to a file checked"
    messages = by_file[files[case].as_uri()]
    errors = [m for m in messages if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal"]
    assert errors == [], json.dumps(errors, indent=1, ensure_ascii=False)
