"""Execute every notebook headless, in order, and write an HTML copy of each to `reports/`.

Notebooks run in a fresh kernel each, with their own folder as the working directory (as in
JupyterLab). The HTML files are written to a temporary folder first and moved into place only
when every notebook has run, so a failed run never leaves a half-written report behind.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from tqdm import tqdm

REPO_ROOT = Path(__file__).resolve().parent.parent


class ReportError(RuntimeError):
    """The report or refresh cannot run or did not finish: the message says where and why."""


class NotebookFailed(ReportError):
    """A notebook cell raised, timed out or killed its kernel: names the notebook, the cell and the error."""


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
    try:
        notebook = nbformat.read(path, as_version=4)
    except (OSError, ValueError) as exc:  # unreadable file, or not notebook JSON
        raise NotebookFailed(f"{path}: cannot be read as a notebook ({exc})") from None
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
            except CellTimeoutError:
                raise NotebookFailed(
                    f"{path.name}: cell {index} ran longer than {timeout} s (raise --timeout)"
                ) from None
            except DeadKernelError:
                raise NotebookFailed(
                    f"{path.name}: the kernel died in cell {index} (out of memory, or the process was killed)"
                ) from None
    return notebook


def _write_atomically(notebook: nbformat.NotebookNode, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`: old file or new, never half."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            nbformat.write(notebook, stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _numbered_notebooks(notebooks_dir: Path) -> list[Path]:
    if not notebooks_dir.is_dir():
        raise ReportError(f"{notebooks_dir}: notebook folder not found")
    paths = notebook_paths(notebooks_dir)
    if not paths:
        raise ReportError(f"{notebooks_dir}: no numbered notebooks (01_*.ipynb) to run")
    return paths


def refresh_notebooks(notebooks_dir: Path | None = None, timeout: int = 600) -> list[Path]:
    """Re-execute every numbered notebook in place (outputs saved, no timing metadata).

    For developers: the committed outputs are what nbval compares against. Each notebook is
    written atomically as soon as it has run, so a failure (or a kill, or a full disk) leaves
    every notebook either as it was or fully rewritten; the error names those rewritten.
    """
    paths = _numbered_notebooks(notebooks_dir or REPO_ROOT / "notebooks")
    rewritten: list[Path] = []
    for path in paths:
        try:
            notebook = execute_notebook(path, timeout)
            for cell in notebook.cells:
                cell.metadata.pop("execution", None)
            _write_atomically(notebook, path)
        except (ReportError, OSError) as failure:
            done = ", ".join(p.name for p in rewritten) or "none"
            raise NotebookFailed(
                f"{failure}\nrewritten before the failure: {done}; the others are unchanged"
            ) from None
        rewritten.append(path)
        print(f"executed {path.name}", flush=True)
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


def _check_out_dir(out_dir: Path) -> None:
    """Fail before any notebook runs when the report cannot be written to `out_dir`."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError(f"{out_dir}: --out is a file, not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"{out_dir}: cannot create the report folder ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise ReportError(f"{out_dir}: the report folder is not writable")


def build_report(
    notebooks_dir: Path | None = None, out_dir: Path | None = None, timeout: int = 600
) -> list[ReportPage]:
    """Execute all numbered notebooks and write `<name>.html` plus `index.html` to `out_dir`."""
    notebooks_dir = notebooks_dir or REPO_ROOT / "notebooks"
    out_dir = out_dir or REPO_ROOT / "reports"
    paths = _numbered_notebooks(notebooks_dir)
    _check_out_dir(out_dir)
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
