"""Make the README's picture of the HTML export: examples/riverside-2025-html.png.

Run from the repository root, with the test dependencies installed:

    .venv/bin/python tests/browser/screenshot.py

It exports the Riverside example with the real CLI and photographs the top of
the page (1280 x 900) in Debian's headless Chromium, as the browser tests do.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from html_support import CHROMIUM_ARGS  # noqa: E402

PLAN = REPO / "examples" / "riverside-2025.plan.yaml"
PICTURE = REPO / "examples" / "riverside-2025-html.png"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "riverside-2025.html"
        subprocess.run([sys.executable, "-m", "plantool", "export", "html", str(PLAN), "-o", str(page_path)], check=True, cwd=REPO)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_path.as_uri())
            page.screenshot(path=str(PICTURE))
            browser.close()
    print(f"wrote {PICTURE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
