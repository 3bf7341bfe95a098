"""Execute every notebook headless, in order, and write an HTML copy of each to `reports/`.

Notebooks run in a fresh kernel each, with their own folder as the working directory (as in
JupyterLab). The HTML files are written to a temporary folder first and moved into place only
when every notebook has run, so a failed run never leaves a half-written report behind.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from tqdm.auto import tqdm

REPO_ROOT = Path(__file__).resolve().parent.parent


class NotebookFailed(RuntimeError):
    """A notebook cell raised: names the notebook, the cell and the error."""


@dataclass(frozen=True)
class ReportPage:
    notebook: Path
    html: Path
    title: str


def notebook_paths(folder: Path) -> list[Path]:
    """The numbered notebooks (``01_….ipynb``) in run order."""
    return sorted(p for p in folder.glob("[0-9]*.ipynb") if not p.name.startswith("."))


def _title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def execute_notebook(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel; raise NotebookFailed on the first error."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as error:
                raise NotebookFailed(
                    f"{path.name}: cell {index} failed\n--- cell source ---\n{cell.source}\n"
                    f"--- error ---\n{error}"
                ) from None
    return notebook


def refresh_notebooks(notebooks_dir: Path | None = None, timeout: int = 600) -> list[Path]:
    """Re-execute every numbered notebook in place (outputs saved, no timing metadata).

    For developers: the committed outputs are what nbval compares against.
    """
    paths = notebook_paths(notebooks_dir or REPO_ROOT / "notebooks")
    for path in tqdm(paths, desc="notebooks", unit="nb"):
        notebook = execute_notebook(path, timeout)
        for cell in notebook.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(notebook, path)
    return paths


def _index_html(pages: list[ReportPage]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(p.html.name)}">{html.escape(p.title)}</a> '
        f"<small>({html.escape(p.notebook.name)})</small></li>"
        for p in pages
    )
    return (
        "<!doctype html>\n<html><head><meta charset='utf-8'><title>nzus_analysis report</title>"
        "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}"
        "</style></head><body><h1>nzus_analysis: framing of the US&ndash;New Zealand defence "
        f"relationship</h1><p>Executed notebooks, in reading order:</p><ol>\n{items}\n</ol>"
        "</body></html>\n"
    )


def build_report(
    notebooks_dir: Path | None = None, out_dir: Path | None = None, timeout: int = 600
) -> list[ReportPage]:
    """Execute all numbered notebooks and write `<name>.html` plus `index.html` to `out_dir`."""
    notebooks_dir = notebooks_dir or REPO_ROOT / "notebooks"
    out_dir = out_dir or REPO_ROOT / "reports"
    paths = notebook_paths(notebooks_dir)
    if not paths:
        raise FileNotFoundError(f"{notebooks_dir}: no numbered notebooks (01_*.ipynb) to run")
    exporter = HTMLExporter()
    pages = []
    with tempfile.TemporaryDirectory(prefix=".report-", dir=out_dir.parent) as staging:
        staging_dir = Path(staging)
        for path in tqdm(paths, desc="notebooks", unit="nb"):
            notebook = execute_notebook(path, timeout)
            body, _ = exporter.from_notebook_node(notebook)
            target = staging_dir / f"{path.stem}.html"
            target.write_text(body, encoding="utf-8")
            pages.append(ReportPage(path, out_dir / target.name, _title(notebook, path.stem)))
        (staging_dir / "index.html").write_text(_index_html(pages), encoding="utf-8")
        out_dir.mkdir(parents=True, exist_ok=True)
        for produced in sorted(staging_dir.iterdir()):
            shutil.move(str(produced), out_dir / produced.name)
    return pages
