"""Execute every notebook headless, in order, and write the HTML report to `reports/`.

The report is the notebooks as pages, an annotated page per article (`views.article_page`,
under ``articles/``), a term explorer (`explorer.term_explorer_html`, ``terms.html``) and an
index linking them all. Every page opens from file:// with no network.

Notebooks run in a fresh kernel each, with their own folder as the working directory (as in
JupyterLab). Kernels talk to us over local IPC sockets in a private temporary folder, not TCP, so
nothing listens on the network and the kernel has no plain-text-TCP warning to print. Notebook
pages use the package's template (`templates/nzus_report`): no script from a CDN, figures carry
the alt text `plots.show_figure` gave them. Pages are written to a temporary folder first and
moved into place only when everything has run, so a failed run never leaves a half-written
report behind.
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
from traitlets.config import Config

from nzus_analysis.report.explorer import term_explorer_html
from nzus_analysis.report.views import article_page
from nzus_analysis.text.corpus import Article, load_corpus

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).resolve().parent / "templates"


class ReportError(RuntimeError):
    """The report or refresh cannot run or did not finish: the message says where and why."""


class NotebookFailed(ReportError):
    """A notebook cell raised, timed out or killed its kernel: names the notebook, the cell and the error."""


@dataclass(frozen=True)
class ReportPage:
    """One page of the report: what it was made from, the HTML file, its title."""

    source: Path  # the notebook, the article's raw file, or a description of the comparison
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
    with tempfile.TemporaryDirectory(prefix="nzus-kernel-") as sockets:
        ipc = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")}})
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            config=ipc,
        )
        _run_cells(client, notebook, path, timeout)
    return notebook


def _run_cells(client: NotebookClient, notebook: nbformat.NotebookNode, path: Path, timeout: int) -> None:
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


def _index_html(pages: list[ReportPage], articles: list[ReportPage], explorer: ReportPage) -> str:
    def items(entries: list[ReportPage], folder: str = "") -> str:
        return "\n".join(
            f'<li><a href="{html.escape(folder + p.html.name)}">{html.escape(p.title)}</a> '
            f"<small>({html.escape(p.source.name)})</small></li>"
            for p in entries
        )

    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'><title>nzus_analysis report</title>"
        "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}"
        "</style></head><body><h1>nzus_analysis: framing of the US&ndash;New Zealand defence "
        f"relationship</h1><h2>Analysis notebooks</h2><ol>\n{items(pages)}\n</ol>"
        "<h2>Articles, annotated</h2><p>Each article with its voices, attributed statements, frame "
        f"cues, tone drivers and stance marked in place.</p><ul>\n{items(articles, 'articles/')}\n</ul>"
        f'<h2>Terms</h2><ul><li><a href="{explorer.html.name}">{html.escape(explorer.title)}</a></li></ul>'
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


def _compared_groups(corpus: list[Article], by: str) -> tuple[str, list[str], str, list[str]]:
    """The explorer's two groups: the last value of catalog column `by` against all the others."""
    values = sorted({str(getattr(a, by)) for a in corpus})
    if len(values) < 2:
        raise ReportError(f"the term explorer needs articles with two values of {by!r}; found {values}")
    last = values[-1]
    group_a = [a.id for a in corpus if str(getattr(a, by)) == last]
    group_b = [a.id for a in corpus if str(getattr(a, by)) != last]
    return last, group_a, ", ".join(values[:-1]), group_b


def build_report(
    notebooks_dir: Path | None = None,
    out_dir: Path | None = None,
    timeout: int = 600,
    corpus: list[Article] | None = None,
    by: str = "year",
) -> list[ReportPage]:
    """Execute the numbered notebooks and write the report to `out_dir` (default `reports/`).

    Writes `<notebook>.html` per notebook, `articles/<id>.html` per article of `corpus` (default:
    the project's catalog), `terms.html` comparing the last value of catalog column `by` with the
    others, and `index.html`. Prints one line per page written and the index path. Returns every
    page (notebooks, articles, explorer).
    """
    notebooks_dir = notebooks_dir or REPO_ROOT / "notebooks"
    out_dir = out_dir or REPO_ROOT / "reports"
    paths = _numbered_notebooks(notebooks_dir)
    _check_out_dir(out_dir)
    corpus = load_corpus() if corpus is None else corpus
    exporter = HTMLExporter(template_name="nzus_report", extra_template_basedirs=[str(TEMPLATES)])
    pages, articles = [], []
    with tempfile.TemporaryDirectory(prefix=".report-", dir=out_dir.parent) as staging:
        staging_dir = Path(staging)
        for number, path in enumerate(paths, 1):
            notebook = execute_notebook(path, timeout)
            body, _ = exporter.from_notebook_node(notebook)
            target = staging_dir / f"{path.stem}.html"
            target.write_text(body, encoding="utf-8")
            pages.append(ReportPage(path, out_dir / target.name, _title(notebook, path.stem)))
            print(f"notebook {number}/{len(paths)}: {path.name} -> {target.name}", flush=True)
        (staging_dir / "articles").mkdir()
        for article in corpus:
            target = staging_dir / "articles" / f"{article.id}.html"
            target.write_text(article_page(article, back_link="../index.html"), encoding="utf-8")
            page = ReportPage(Path(article.raw_file or article.id), out_dir / "articles" / target.name,
                              article.title or article.id)  # fmt: skip
            articles.append(page)
            print(f"article page: articles/{target.name}", flush=True)
        label_a, group_a, label_b, group_b = _compared_groups(corpus, by)
        title = f"Term explorer: {by} {label_a} vs {label_b}"
        (staging_dir / "terms.html").write_text(
            term_explorer_html(corpus, group_a, group_b, label_a, label_b), encoding="utf-8"
        )
        explorer = ReportPage(Path(f"{by}={label_a} vs {label_b}"), out_dir / "terms.html", title)
        print(f"term explorer: terms.html ({by} {label_a} vs {label_b})", flush=True)
        (staging_dir / "index.html").write_text(_index_html(pages, articles, explorer), encoding="utf-8")
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(out_dir / "articles", ignore_errors=True)
        for produced in sorted(staging_dir.iterdir()):
            shutil.move(str(produced), out_dir / produced.name)
    print(f"open {out_dir / 'index.html'}", flush=True)
    return [*pages, *articles, explorer]
