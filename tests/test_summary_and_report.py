"""The synthesis table, and the report runner on tiny notebooks (success and failure)."""

from __future__ import annotations

import nbformat
import pytest

from nzus_analysis.pipeline import analyse
from nzus_analysis.report import NotebookFailed, build_report
from nzus_analysis.summary import framing_table


def test_framing_table_on_seeds(corpus):
    tables = analyse(list(corpus.values()), progress=False)
    table = framing_table(tables, 2025, 2012).set_index("indicator")
    assert list(table.columns) == ["section", "2012", "2025"]
    assert table.loc["word tokens", "2012"] == "353" and table.loc["word tokens", "2025"] == "470"
    assert table.loc["second-hand (via another outlet)", "2012"] == "100%"
    assert table.loc["second-hand (via another outlet)", "2025"] == "0%"
    assert table.loc["US officials quoted (role, statements)", "2012"] == "none"
    assert "Marco Rubio" in table.loc["US officials quoted (role, statements)", "2025"]
    assert table.loc["most distinctive terms (top 5 by z)", "2025"].startswith("trump")


def _notebook(path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Tiny")] + [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def test_report_writes_html_and_index(tmp_path):
    notebooks, out = tmp_path / "nb", tmp_path / "reports"
    notebooks.mkdir()
    _notebook(notebooks / "01_a.ipynb", "print(6 * 7)")
    pages = build_report(notebooks, out)
    assert [p.html.name for p in pages] == ["01_a.html"]
    assert "42" in (out / "01_a.html").read_text(encoding="utf-8")
    assert "01_a.html" in (out / "index.html").read_text(encoding="utf-8")


def test_failing_cell_names_notebook_and_cell_and_writes_nothing(tmp_path):
    notebooks, out = tmp_path / "nb", tmp_path / "reports"
    notebooks.mkdir()
    _notebook(notebooks / "01_ok.ipynb", "x = 1")
    _notebook(notebooks / "02_bad.ipynb", "y = 2", "raise ValueError('broken input')")
    with pytest.raises(NotebookFailed, match=r"02_bad\.ipynb: cell 2 failed(.|\n)*broken input"):
        build_report(notebooks, out)
    assert not out.exists() or not any(out.iterdir())
    assert not list(tmp_path.glob(".report-*"))  # staging folder cleaned up
