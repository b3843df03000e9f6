"""The HTML summary report: self-contained, accessible (axe, 0 violations), charts with alt text and data tables.

The report is made by the real CLI from the examples and from a generated
corpus; a second run has matplotlib hidden, as on a machine without the
`plantool[report]` extra, and must still work and say how to add the charts.
"""

from __future__ import annotations

import functools
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, run_plantool
from html_support import AXE, WCAG_TAGS
from test_export_html_browser import browser  # noqa: F401  (the HTML export's Chromium fixture, reused)

sys.path.insert(0, str(REPO / "benchmarks"))
import corpus  # noqa: E402

WITHOUT_MATPLOTLIB = "import sys; sys.modules['matplotlib'] = None; from plantool.__main__ import main; raise SystemExit(main())"


@functools.lru_cache(maxsize=None)
def report(name: str, tmp: str, *, charts: bool = True) -> Path:
    """The report of the examples ('examples') or of a 40-plan generated corpus ('corpus'), made once per run."""
    folder = Path(tmp)
    source = EXAMPLES
    if name == "corpus":
        source = folder / "corpus-plans"
        source.mkdir(exist_ok=True)
        corpus.write_corpus(source, 40)
    out = folder / f"{name}-{'charts' if charts else 'plain'}.html"
    if charts:
        result = run_plantool("summary", source, "--format", "html", "-o", out, "--force", timeout=600)
    else:
        import os
        import subprocess

        env = {**os.environ, "PYTHONPATH": str(REPO)}
        result = subprocess.run([sys.executable, "-c", WITHOUT_MATPLOTLIB, "summary", str(source), "--format", "html",
                                 "-o", str(out), "--force"], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("html"))


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text, in order."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]


CASES = [("examples", True), ("corpus", True), ("examples", False)]


@pytest.mark.parametrize("name,charts", CASES, ids=["examples", "corpus", "examples-without-matplotlib"])
def test_the_report_is_self_contained(tmp, name, charts):
    page = Elements(report(name, tmp, charts=charts).read_text(encoding="utf-8"))
    for attrs in page.all("img") + page.all("script") + page.all("link") + page.all("iframe") + page.all("source"):
        assert attrs.get("src", "").startswith("data:image/png;base64,") or not attrs.get("src"), attrs
    assert not page.all("script") and not page.all("link")
    for attrs in page.all("a"):
        assert attrs["href"].startswith("#"), attrs["href"]  # links go within the page only
    ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
    assert all(attrs["href"][1:] in ids for attrs in page.all("a"))


@pytest.mark.parametrize("name", ["examples", "corpus"])
def test_each_chart_has_a_text_alternative_and_its_data_table(tmp, name):
    text = report(name, tmp).read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="chart" aria-labelledby="(chart-[\w-]+)">(.*?)</figure>', text, re.S)
    assert [key for key, _ in figures] == ["chart-agency-share", "chart-facility-time", "chart-completeness"]
    for key, inside in figures:
        [alt] = re.findall(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="([^"]+)">', inside)
        assert alt.startswith("Box plot of ") and ("Medians:" in alt or "No plan gives" in alt)
        assert f'<table id="{key}-data">' in inside and "<caption" in inside and "Median" in inside
        assert "<figcaption>" in inside


def test_the_charts_data_tables_hold_the_figures_the_charts_draw(tmp):
    text = report("examples", tmp).read_text(encoding="utf-8")
    completeness = text[text.index('<table id="chart-completeness-data">'):]
    completeness = completeness[: completeness.index("</table>")]
    # The examples: Derbyshire 22 of 23 in both years (county); Durham 21 of 26 (unitary); Riverside 26 of 26 and
    # Eastmoor 17 of 26 (district).
    assert "<th scope=\"row\">county</th><td class=\"number\">2</td><td class=\"number\">95.65%</td>" in completeness
    assert "<th scope=\"row\">district</th><td class=\"number\">2</td><td class=\"number\">65.38%</td>" in completeness


def test_without_matplotlib_the_report_says_how_to_add_the_charts(tmp):
    text = report("examples", tmp, charts=False).read_text(encoding="utf-8")
    assert "<img" not in text
    assert "pip install &#x27;plantool[report]&#x27;" in text
    assert text.count('<table id="chart-') == 3  # the charts' figures are still there


def test_not_available_missing_and_combined_read_differently(tmp):
    text = report("examples", tmp).read_text(encoding="utf-8")
    assert "Not available: the plan gives only the staff networks&#x27; budget" in text  # Derbyshire's EDI spend
    assert "Combined: 9.26% of the staffing budget" in text  # Derbyshire's agency share
    assert "<td>Missing</td>" in text
    assert "Not a number: £4,500" in text  # Eastmoor's EDI spend


@pytest.mark.parametrize("name,charts", CASES, ids=["examples", "corpus", "examples-without-matplotlib"])
def test_axe_finds_no_violations_in_headless_chromium(tmp, browser, name, charts):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report(name, tmp, charts=charts).as_uri())
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)["violations"]
    assert not violations, [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    assert page.title().startswith("Productivity plans compared")
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    page.close()


def test_the_readme_chart_is_the_examples_completeness_chart(tmp_path):
    """The committed image is what `python -m plantool.summary.charts examples/` draws (same size: same groups and layout)."""
    import struct
    import subprocess

    import os

    fresh = tmp_path / "chart.png"
    result = subprocess.run([sys.executable, "-m", "plantool.summary.charts", str(EXAMPLES), "-o", str(fresh)],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Medians: county 95.65% (2 plans); district 82.69% (2 plans); unitary 80.77% (1 plan)." in result.stdout
    committed = (EXAMPLES / "summary-completeness.png").read_bytes()
    size = lambda png: struct.unpack(">II", png[16:24])  # noqa: E731  (the IHDR chunk's width and height)
    assert committed[:8] == b"\x89PNG\r\n\x1a\n" and size(committed) == size(fresh.read_bytes())
