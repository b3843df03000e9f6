"""Headless Chromium with axe-core, for the HTML tests: Debian's chromium driven by the playwright package.

Playwright never downloads a browser here (`playwright install` is not used): it
launches /usr/bin/chromium. axe-core comes from npm, pinned in
tests/browser/package.json (`npm ci --prefix tests/browser`). Locally, a missing
tool skips the test; in CI it fails it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import IN_CI, REPO, require_tool

AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def _require(found: bool, what: str, how: str) -> None:
    if found:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI ({how})")
    pytest.skip(f"{what} is not installed ({how})")


def open_page(path: Path):
    """A context manager giving (page, requests): the file opened in headless Chromium, and every URL it asked for."""
    import contextlib

    chromium = require_tool("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    _require(sync_playwright is not None, "the playwright package", "pip install -e '.[test]'")

    @contextlib.contextmanager
    def session():
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                requests: list[str] = []
                page.on("request", lambda request: requests.append(request.url))
                page.goto(path.as_uri())
                yield page, requests
            finally:
                browser.close()

    return session()


def axe_violations(page) -> list[dict]:
    """axe-core's violations for the open page, at WCAG 2.0, 2.1 and 2.2 A and AA."""
    _require(AXE.is_file(), "axe-core", "npm ci --prefix tests/browser")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return result["violations"]
