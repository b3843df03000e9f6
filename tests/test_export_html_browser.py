"""The HTML export in a real browser: Debian's headless Chromium, driven by playwright, checked by axe-core.

For every example (final where the plan allows it, draft, and the fragment
wrapped in a bare page as a CMS would show it), at a phone width and a
desktop width: axe-core reports no violation of WCAG 2.0, 2.1 and 2.2 A and
AA; nothing is fetched; and, on the page (a fragment has no styles of its
own), nothing is wider than the screen. Then, on the
Riverside example, what axe cannot see: the focus is visible, tables keep
their meaning when a phone shows them as cards, the print layout starts each
theme on a new page and shows link addresses, and the page reads in order
with CSS off. CI installs chromium and axe-core (`.ci/run`); locally these
tests skip when either is missing.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import EXAMPLES, require_tool, run_plantool
from html_support import (
    AXE,
    CHROMIUM_ARGS,
    WCAG_TAGS,
    case_id,
    cases,
    export,
    hostile_plan,
    model,
    page_file,
    require_browser,
    require_file,
)

CASES = cases()
WIDTHS = {"phone": 375, "desktop": 1280}
RIVERSIDE = EXAMPLES / "riverside-2025.plan.yaml"

# Elements whose right or left edge lies outside the viewport (a visually hidden element is 1 px and inside).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 0.5 || box.left < -0.5) wide.push(element.tagName + ' ' + element.className + ' ' + Math.round(box.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, wide};
}"""

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const brief = (items) => items.map(rule => ({id: rule.id, nodes: rule.nodes.map(node => node.html.slice(0, 200))}));
  return {violations: brief(result.violations), passes: result.passes.map(rule => rule.id),
          incomplete: result.incomplete.map(rule => rule.id), version: axe.version};
}"""


@pytest.fixture(scope="module")
def browser():
    sync_playwright, chromium = require_browser()
    require_file(AXE, "npm ci --prefix tests/browser")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, path, width: int, *, bypass_csp: bool = False):
    """A fresh page at `width`, with every request it makes recorded."""
    page = browser.new_page(viewport={"width": width, "height": 900}, bypass_csp=bypass_csp)
    page.requests = []
    page.console = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: page.console.append(message.text))
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_axe_finds_no_wcag_violation_and_nothing_overflows(browser, case, width, tmp_path):
    plan, variant = case
    path = page_file(plan, variant)
    page = open_page(browser, path, WIDTHS[width], bypass_csp=True)  # axe is injected as a script
    try:
        shot = page.screenshot(path=str(tmp_path / f"{case_id(case)}-{width}.png"))
        assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 5000
        if variant != "fragment":  # a fragment has no styles: the council's CMS lays it out
            layout = page.evaluate(OVERFLOWING)
            assert layout["scrollWidth"] <= layout["width"] == WIDTHS[width], layout
            assert layout["wide"] == [], layout["wide"][:10]
        assert page.requests == [path.as_uri()], "nothing is fetched"
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(RUN_AXE, WCAG_TAGS)
        assert result["violations"] == [], json.dumps(result["violations"], indent=1)
        assert {"color-contrast", "document-title", "html-has-lang", "link-name", "list", "listitem"} <= set(result["passes"] + result["incomplete"])
        assert re.match(r"4\.(1\d|[2-9]\d)\.", result["version"]), "axe-core 4.10 or later knows WCAG 2.2"
    finally:
        page.close()


@pytest.mark.parametrize("case", [c for c in CASES if c[1] != "fragment"], ids=case_id)
def test_the_pages_own_policy_lets_its_stylesheet_apply(browser, case):
    """Without bypassing the Content-Security-Policy, the inline stylesheet applies and nothing is refused."""
    page = open_page(browser, page_file(*case), 1280)
    try:
        styled = page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position")
        assert styled == "absolute"
        assert not [m for m in page.console if "Content Security Policy" in m], page.console
    finally:
        page.close()


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_a_hostile_plan_runs_nothing_breaks_no_layout_and_passes_axe(browser, width, tmp_path):
    plan = hostile_plan(tmp_path)
    out = tmp_path / "hostile.html"
    assert run_plantool("export", "html", plan, "-o", out, "--draft").returncode == 0
    page = open_page(browser, out, WIDTHS[width], bypass_csp=True)
    try:
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        layout = page.evaluate(OVERFLOWING)
        assert layout["scrollWidth"] <= layout["width"] and layout["wide"] == [], layout
        assert page.evaluate("document.scripts.length") == 0 and page.dialogs == []
        assert page.requests == [out.as_uri()]
        page.add_script_tag(path=str(AXE))
        assert page.evaluate(RUN_AXE, WCAG_TAGS)["violations"] == []
    finally:
        page.close()


def test_keyboard_focus_is_visible_and_the_skip_link_works(browser):
    page = open_page(browser, page_file(RIVERSIDE, "final"), 1280)
    try:
        page.keyboard.press("Tab")
        skip = page.evaluate("""() => { const a = document.activeElement, box = a.getBoundingClientRect();
            return {cls: a.className, width: box.width, height: box.height, background: getComputedStyle(a).backgroundColor}; }""")
        assert skip["cls"] == "skip-link" and skip["width"] > 100 and skip["height"] > 20
        assert skip["background"] == "rgb(255, 221, 0)"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main-content"
        page.keyboard.press("Tab")
        link = page.evaluate("""() => { const a = document.activeElement, style = getComputedStyle(a);
            return {inMain: !!a.closest('main'), tag: a.tagName, background: style.backgroundColor, shadow: style.boxShadow}; }""")
        assert link["inMain"] and link["tag"] == "A"
        assert link["background"] == "rgb(255, 221, 0)" and "rgb(11, 12, 12)" in link["shadow"]
    finally:
        page.close()


def test_on_a_phone_tables_become_cards_that_keep_their_meaning(browser):
    page = open_page(browser, page_file(RIVERSIDE, "final"), 375)
    try:
        table = page.locator("table.stack").first
        assert page.evaluate("getComputedStyle(document.querySelector('table.stack tr')).display") == "block"
        tree = table.aria_snapshot()
        assert tree.startswith('- table "Initiatives"')
        assert "- rowheader \"Customer service centre\"" in tree and "- columnheader \"Initiative status\"" in tree
        assert "- cell \"Done\"" in tree, "the card's label is drawn for the eye only; the cell's name is its content"
        label = page.evaluate("getComputedStyle(document.querySelector('table.stack td[data-label]'), '::before').content")
        assert label.startswith("attr(data-label)") or "Initiative status" in label
    finally:
        page.close()


def test_print_starts_each_theme_on_a_new_page_and_shows_link_addresses(browser, tmp_path):
    require_tool("pdftotext")
    page = open_page(browser, page_file(RIVERSIDE, "draft"), 1280)
    try:
        pdf = tmp_path / "printed.pdf"
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), prefer_css_page_size=True)
    finally:
        page.close()
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    firsts = [[line.strip() for line in text.splitlines() if line.strip()] for text in pages if text.strip()]
    published = model(RIVERSIDE, draft=True)
    for section in published.sections:
        assert any(lines[:2] == [published.draft_banner, section.title] for lines in firsts), section.title
    assert all(lines[0] == published.draft_banner for lines in firsts), "a draft is marked on every printed page"
    printed = " ".join(pages)
    assert "(mailto:policy@riverside.example.gov.uk)" in printed
    assert "Skip to main content" not in printed


def test_with_css_off_the_page_still_reads_in_order(browser):
    page = open_page(browser, page_file(RIVERSIDE, "draft"), 1280)
    try:
        page.evaluate("document.querySelectorAll('style').forEach(style => style.remove())")
        order = page.evaluate("""() => Array.from(document.querySelectorAll('a.skip-link, .draft-banner, h1, h2, h3, h4, table'))
            .map(e => ({tag: e.tagName, top: e.getBoundingClientRect().top, shown: e.getBoundingClientRect().height > 0}))""")
        assert order[0]["tag"] == "A" and order[1]["tag"] == "P" and order[2]["tag"] == "H1"
        assert all(item["shown"] for item in order)
        assert [item["top"] for item in order] == sorted(item["top"] for item in order)
    finally:
        page.close()


def test_the_readme_screenshot_is_the_riverside_page():
    shot = EXAMPLES / "riverside-2025-html.png"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 900)
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert "](examples/riverside-2025-html.png)" in readme and "tests/browser/screenshot.py" in readme
    assert export(RIVERSIDE, "html", "final").exists()
