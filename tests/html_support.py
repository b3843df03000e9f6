"""Shared by the HTML and PDF export tests: every example exported once, a small HTML tree, and the browser tools.

Exports run the real CLI in a subprocess and are cached for the whole test
run (the browser, vnu and consistency tests read the same files), in one
temporary folder removed at exit.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLES, IN_CI, REPO, require_tool, run_plantool
from plan_helpers import complete_plan, to_yaml

from plantool.plan import loader
from plantool.plan.schema import load_schema
from plantool.publish.build import build_plan

EXAMPLE_PLANS = sorted(EXAMPLES.glob("*.plan.yaml"))
BROWSER_TOOLS = REPO / "tests" / "browser" / "node_modules"
AXE = BROWSER_TOOLS / "axe-core" / "axe.min.js"
VNU = BROWSER_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

_OUT = Path(tempfile.mkdtemp(prefix="plantool-export-tests-"))
atexit.register(shutil.rmtree, _OUT, True)


@functools.lru_cache(maxsize=None)
def exports_cleanly(plan: Path) -> bool:
    """Whether the plan exports without --draft (no errors): only then is there a final version."""
    return run_plantool("check", plan).returncode == 0


def marked(plan: Path, variant: str) -> bool:
    """Whether the export carries the draft mark: --draft was needed or given, or the plan is not yet approved."""
    status = (loader.load(plan).data.get("plan") or {}).get("status")
    return variant == "draft" or not exports_cleanly(plan) or status not in ("approved", "published")


def variants(plan: Path) -> list[str]:
    """final (exported without --draft, when the plan has no errors), draft, and the fragment of the former if any."""
    return (["final"] if exports_cleanly(plan) else []) + ["draft", "fragment"]


def cases() -> list[tuple[Path, str]]:
    return [(plan, variant) for plan in EXAMPLE_PLANS for variant in variants(plan)]


def case_id(case) -> str:
    plan, variant = case
    return f"{plan.name.removesuffix('.plan.yaml')}-{variant}"


@functools.lru_cache(maxsize=None)
def export(plan: Path, fmt: str, variant: str = "draft") -> Path:
    """The plan exported as `fmt` by the real CLI, once per run. variant: final, draft or fragment."""
    suffix = ".html" if variant == "fragment" else f".{fmt}"
    out = _OUT / f"{plan.name.removesuffix('.plan.yaml')}-{variant}{suffix}"
    args = ["export", fmt, plan, "-o", out]
    if variant == "draft" or not exports_cleanly(plan):
        args.append("--draft")
    if variant == "fragment":
        args.append("--fragment")
    result = run_plantool(*args, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


@functools.lru_cache(maxsize=None)
def errors(plan: Path) -> int:
    """How many errors check finds: what export counts into the draft mark."""
    from plantool.check.runner import check_document

    return sum(f.severity == "error" for f in check_document(loader.load(plan), load_schema()).findings)


def model(plan: Path, *, draft: bool):
    """The model the export drew, as export builds it (the draft mark counts the plan's errors)."""
    return build_plan(load_schema(), loader.load(plan).data, draft=draft, findings=errors(plan))


def wrap_fragment(fragment: str, title: str) -> str:
    """A fragment as a council's CMS would show it: a bare page with a language, a title and a main."""
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main>\n{fragment}</main>\n</body>\n</html>\n"
    )


def page_file(plan: Path, variant: str) -> Path:
    """The HTML file a browser or validator opens: the fragment wrapped in a minimal page."""
    path = export(plan, "html", variant)
    if variant != "fragment":
        return path
    wrapped = path.with_name(path.stem + "-wrapped.html")
    if not wrapped.exists():
        wrapped.write_text(wrap_fragment(path.read_text(encoding="utf-8"), "Productivity plan"), encoding="utf-8")
    return wrapped


# -- a plan that tries to break the page -----------------------------------------------------


HOSTILE_TEXT = """Ampersands & "quotes" and 'apostrophes' <b>bold?</b> <script>alert("x")</script> </style></main>

- [our plan](javascript:alert(document.cookie)) and [a good link](https://example.gov.uk/a?b=1&c="2"<x>)
- **<img src=x onerror=alert(1)>** and a control\x07 character
- {long_word}""".replace("{long_word}", "Supercalifragilistic" * 15)


def hostile_plan(tmp_path):
    """A plan whose text tries to break out of the page, with a 300-letter word that tries to break the layout."""
    data = complete_plan()
    data["council"]["name"] = 'Evil "District" <Council> & Co'
    data["plan"]["title"] = "Plan </title><script>alert(1)</script>"
    data["plan"]["introduction"] = HOSTILE_TEXT
    data["themes"]["transformation"]["organisational_change"] = HOSTILE_TEXT
    data["themes"]["transformation"]["initiatives"][0]["description"] = "Supercalifragilistic" * 15  # in a table cell
    path = tmp_path / "hostile.plan.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    return path


# -- a small tree of the HTML, enough to test structure ---------------------------------


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)  # Node or str
    parent: "Node | None" = None

    def iter(self, tag: str | None = None):
        """This node and every element inside it, in document order."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter(tag)

    def find_all(self, *tags: str) -> list["Node"]:
        return [node for node in self.iter() if node.tag in tags and node is not self]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"</{tag}> closes nothing"
        assert node is self.current, f"</{tag}> closes <{tag}> while <{self.current.tag}> is open"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse(text: str) -> Node:
    """The document as a tree; every element must be closed in order (the writer never relies on implied ends)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> is never closed"
    builder.root.comments = builder.comments
    return builder.root


# -- tools that must be there in CI ---------------------------------------------------------


def require_file(path: Path, how: str) -> Path:
    """A file installed by CI; skipped locally when absent, a failure in CI."""
    if path.is_file():
        return path
    if IN_CI:
        pytest.fail(f"{path} is required in CI ({how})")
    pytest.skip(f"{path.name} is not installed ({how})")


def require_browser():
    """(playwright's sync API, the chromium path): Debian's chromium, driven by the playwright package."""
    chromium = require_tool("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if IN_CI:
            pytest.fail("the playwright package is required in CI (pip install -e '.[test]')")
        pytest.skip("the playwright package is not installed")
    return sync_playwright, chromium
