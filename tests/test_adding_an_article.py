"""The README's "Adding an article" workflow, end to end, on a copy of the project.

Two real 2019 articles (from the NZ news development set) join a copy of `data/` and the
notebooks: a third article and a second article of one year, both outside the default groups
(year 2025 against 2012). Then, as the README says: `make notebooks` (refresh), `make report`,
and nbval over the refreshed notebooks (the part of `make check` that the new rows change). The
summary (notebook 05), the landing page and the term explorer must compare the same articles and
list the new ones as left out, with the reason. Takes a few minutes: every notebook runs three
times.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from nzus_analysis.report.build import build_report, refresh_notebooks
from nzus_analysis.text.corpus import load_corpus

from .conftest import SEED_2012, SEED_2025

ROOT = Path(__file__).resolve().parents[1]
NZNEWS = Path(__file__).resolve().parent / "data" / "nznews"
ADDED = ("2019-businessdesk-peters-us-hawks", "2019-dod-esper-mark-readout")
CATALOG_COLUMNS = ("id", "year", "date", "outlet", "author", "title", "section", "url", "raw_file", "notes")


def _copy_project(target: Path) -> Path:
    """data/ and notebooks/ of this checkout, with the two articles added; returns data/."""
    data = target / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "notebooks", target / "notebooks", ignore=shutil.ignore_patterns(".*"))
    with (NZNEWS / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    with (data / "articles.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for article_id in ADDED:
            row = rows[article_id]
            shutil.copy(NZNEWS / "raw" / row["raw_file"], data / "raw" / row["raw_file"])
            writer.writerow([row.get(column, "") for column in CATALOG_COLUMNS])
    return data


def _text_outputs(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(
        output.get("text", "") + output.get("data", {}).get("text/plain", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


@pytest.mark.skipif(not NZNEWS.is_dir(), reason="tests/data/nznews is not in this checkout")
def test_adding_articles_refreshes_reports_and_checks_green(tmp_path, monkeypatch, capsys):
    data = _copy_project(tmp_path)
    monkeypatch.setenv("NZUS_DATA_DIR", str(data))  # the kernels inherit it: notebooks load the copy
    notebooks = tmp_path / "notebooks"

    refresh_notebooks(notebooks)  # make notebooks
    corpus = load_corpus(data / "articles.csv")
    assert [a.id for a in corpus][-2:] == list(ADDED)
    build_report(notebooks, tmp_path / "reports", corpus=corpus)  # make report
    capsys.readouterr()

    # the summary (notebook 05) and the landing page: same groups, the 2019 articles left out
    summary = _text_outputs(notebooks / "05_framing_summary.ipynb")
    assert "group A: year 2025, 1 article(s); group B: year 2012, 1 article(s); left out: " in summary
    assert all(f"{article_id} (year 2019)" in summary for article_id in ADDED)
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "Group A: year 2025, 1 article. Group B: year 2012, 1 article; 2 left out" in index
    for article_id in ADDED:
        row = re.search(
            rf"<tr class=\"nz-left-out\"><td>([^<]+)</td><td><a href=\"articles/{article_id}", index
        )
        assert (
            row
            and row.group(1)
            == "left out: year is &#x27;2019&#x27;, neither &#x27;2025&#x27; nor &#x27;2012&#x27;"
        )
        assert (tmp_path / "reports" / "articles" / f"{article_id}.html").is_file()
    # the explorer compares the same two groups, not 2025 against everything else
    explorer = (tmp_path / "reports" / "terms.html").read_text(encoding="utf-8")
    assert "Term explorer: year 2025 vs year 2012" in explorer
    assert SEED_2025 in explorer and SEED_2012 in explorer
    assert not any(article_id in explorer for article_id in ADDED)

    # make check's nbval step passes on the refreshed notebooks (the copy's own outputs)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
         str(notebooks)],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "NZUS_DATA_DIR": str(data)},
        timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
