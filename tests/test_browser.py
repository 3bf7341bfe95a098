"""The report in a real browser: headless Chromium renders the index, an article page and the
term explorer from file:// with no network; the marked elements exist in the rendered DOM and
nothing reaches the console. Skipped when Debian's `chromium` is not installed (CI installs it)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from nzus_analysis.report.build import build_report

from .conftest import SEED_2025, seed_articles

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (Debian: apt-get install chromium); .ci/run installs it"
)
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--v=0", "--window-size=1280,1000",
]  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    notebooks = root / "nb"
    notebooks.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Tiny"), nbformat.v4.new_code_cell("6 * 7")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, notebooks / "01_tiny.ipynb")
    build_report(notebooks, root / "reports", corpus=seed_articles())
    return root / "reports"


def render(page: Path, fragment: str = "", screenshot: Path | None = None) -> tuple[str, list[str]]:
    """The DOM after scripts ran, and every console line Chromium logged."""
    profile = page.parent / ".chromium-profile"
    action = [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri() + fragment],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def test_index_leads_with_the_findings_and_links_every_page(report):
    dom, console = render(report / "index.html")
    assert console == []
    findings, articles = dom.index("What the comparison finds"), dom.index("Articles compared")
    assert dom.index('id="summary-figure"') < findings < articles < dom.index("Analysis notebooks")
    assert "Group A: year 2025, 1 article. Group B: year 2012, 1 article." in dom
    assert "Most distinctive terms of 2025: trump, sharing" in dom
    assert re.search(r"2012: 11, 100% second-hand", dom)
    assert re.search(
        r"Tone toward US at its mentions \(encoder-float32 stance model\): 2025 [+-]\d\.\d\d", dom
    )
    links = re.findall(r'<a href="([^"]+)"', dom)
    assert "01_tiny.html" in links and "terms.html" in links
    assert f"articles/{SEED_2025}.html" in links
    assert all((report / link).is_file() for link in links)


def test_notebook_page_shows_outputs_not_code(report):
    dom, console = render(report / "01_tiny.html")
    assert console == [] and "42" in dom
    assert "6 * 7" not in dom
    assert not re.search(r'class="[^"]*jp-CodeCell(?![^"]*jp-mod-noInput)', dom)  # no code cell shows code
    assert re.search(r'<a href="[^"]*01_tiny\.ipynb">01_tiny\.ipynb</a>', dom)


def test_article_page_shows_its_marks(report):
    dom, console = render(report / "articles" / f"{SEED_2025}.html")
    assert console == []
    assert len(re.findall(r'class="nz-sentence nz-voice-quoted"', dom)) >= 5
    assert re.search(r'class="nz-speaker" data-speaker="Marco Rubio">Marco Rubio · social media<', dom)
    assert len(re.findall(r'data-kind="frame"', dom)) >= 20
    assert re.search(r'data-kind="driver"[^>]*>pleased</span>', dom)
    assert re.search(r'nz-mention nz-stance-\w+"[^>]*data-kind="mention"', dom)
    assert "<sup" not in dom.split("nz-body")[1]  # details on hover or click, not on every word
    assert "Removed by cleaning" in dom


def _shown(dom: str) -> dict[str, int]:
    return json.loads(html.unescape(re.search(r'data-shown="([^"]+)"', dom).group(1)))


def test_article_layers_switch_what_is_marked(report):
    """Voices and statements by default; frames, tone words and stance each when switched on."""
    page = report / "articles" / f"{SEED_2025}.html"
    shown = _shown(render(page)[0])
    assert shown["statement"] >= 9 and shown["frame"] == shown["driver"] == shown["mention"] == 0
    frames = _shown(render(page, "#layers=frames")[0])
    assert frames["frame"] >= 20 and frames["statement"] == frames["driver"] == frames["mention"] == 0
    everything = _shown(render(page, "#layers=voices,statements,frames,tone,stance")[0])
    assert everything["driver"] > 0 and everything["mention"] >= 20 and everything["statement"] >= 9


def test_explorer_draws_terms_and_opens_a_term(report):
    dom, console = render(report / "terms.html", "#term=defence")
    assert console == []
    n_terms = int(re.search(r'data-n-terms="(\d+)"', dom).group(1))
    assert n_terms > 300
    ready_ms = int(re.search(r'data-ready-ms="(\d+)"', dom).group(1))
    assert ready_ms < 2000
    panel = dom.split('id="nz-contexts"')[1]
    assert "<h2>defence</h2>" in panel and panel.count('<td class="nz-match">') >= 5
    assert re.search(r'<td class="nz-match">[Dd]efen[cs]e</td>', panel)
    assert int(re.search(r'data-n-labels="(\d+)"', dom).group(1)) >= 20  # labels where there is room


def test_explorer_zooms_and_draws(report, tmp_path):
    dom, console = render(report / "terms.html", "#zoom=4")
    assert console == [] and 'data-zoom="4.00"' in dom
    shot = tmp_path / "terms.png"
    render(report / "terms.html", "", screenshot=shot)
    assert shot.stat().st_size > 10_000  # drawn, not blank
