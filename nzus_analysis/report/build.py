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

import ast
import html
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from traitlets.config import Config

from nzus_analysis.compare.summary import (
    REPORT_STANCE_MODEL,
    STUDY_COMPARISON,
    FramingComparison,
    framing_comparison,
)
from nzus_analysis.report.explorer import term_explorer_html
from nzus_analysis.report.landing import landing_page_html
from nzus_analysis.report.plots import describe_figure, figure_png, framing_figure
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
    notebook = _read_notebook(path)
    _execute(notebook, path, timeout)
    return notebook


def _execute(notebook: nbformat.NotebookNode, path: Path, timeout: int) -> None:
    """Run `notebook` (read from `path`, whose folder is its working directory) in place."""
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


#: Parameters that every notebook setting them must give the same value: the report's comparison.
SHARED_PARAMETERS = ("BY", "GROUP_A", "GROUP_B", "STANCE_MODEL", "SEED", "K_TERMS")
DEFAULT_PARAMETERS: dict[str, object] = {
    "BY": STUDY_COMPARISON[0], "GROUP_A": STUDY_COMPARISON[1], "GROUP_B": STUDY_COMPARISON[2],
    "STANCE_MODEL": REPORT_STANCE_MODEL, "SEED": 2025, "K_TERMS": 5,
}  # fmt: skip


def _parameters_cell(notebook: nbformat.NotebookNode) -> int | None:
    """Index of the cell tagged "parameters", else of the first code cell (None: no code cell)."""
    code = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    tagged = [i for i in code if "parameters" in notebook.cells[i].metadata.get("tags", [])]
    chosen = tagged or code
    return chosen[0] if chosen else None


def notebook_parameters(notebook: nbformat.NotebookNode) -> dict[str, object]:
    """The literal assignments of a notebook's parameters cell (``BY = "year"``, ``A, B = 1, 2``)."""
    index = _parameters_cell(notebook)
    if index is None:
        return {}
    try:
        tree = ast.parse(notebook.cells[index].source)
    except SyntaxError:
        return {}
    found: dict[str, object] = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target, value = node.targets[0], node.value
        pairs = (
            list(zip(target.elts, value.elts, strict=False))
            if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple)
            else [(target, value)]
        )
        for name, literal in pairs:
            if isinstance(name, ast.Name):
                try:
                    found[name.id] = ast.literal_eval(literal)
                except ValueError:
                    continue
    return found


def report_parameters(notebooks: dict[Path, nbformat.NotebookNode]) -> dict[str, object]:
    """`SHARED_PARAMETERS` as the notebooks set them (`DEFAULT_PARAMETERS` for those none sets);
    ReportError naming the notebooks when two give one parameter different values."""
    chosen = dict(DEFAULT_PARAMETERS)
    set_by: dict[str, Path] = {}
    for path, notebook in notebooks.items():
        for name, value in notebook_parameters(notebook).items():
            if name not in SHARED_PARAMETERS:
                continue
            if name in set_by and str(chosen[name]) != str(value):
                raise ReportError(
                    f"{path.name} sets {name} = {value!r} but {set_by[name].name} sets {chosen[name]!r}: "
                    "the report compares one pair of groups; give every notebook the same parameters"
                )
            chosen[name], set_by[name] = value, path
    return chosen


def override_parameters(notebook: nbformat.NotebookNode, overrides: dict[str, object]) -> None:
    """Add a cell after the parameters cell that sets each of `overrides` the notebook's
    parameters cell sets (as papermill injects parameters)."""
    index = _parameters_cell(notebook)
    known = notebook_parameters(notebook)
    lines = [f"{name} = {value!r}" for name, value in overrides.items() if name in known]
    if index is not None and lines:
        cell = nbformat.v4.new_code_cell("# injected by build_report\n" + "\n".join(lines))
        cell.metadata["tags"] = ["injected-parameters"]
        notebook.cells.insert(index + 1, cell)


def _reader_page(body: str, notebook_path: Path, out_dir: Path) -> str:
    """A notebook page for readers: a bar linking back to the findings and to the notebook's code."""
    code = Path(os.path.relpath(notebook_path.resolve(), out_dir.resolve())).as_posix()
    bar = (
        '<nav class="nz-nav"><a href="index.html">&larr; the findings</a> &middot; the code of this page '
        f'is in the notebook <a href="{html.escape(code)}">{html.escape(notebook_path.name)}</a></nav>'
    )
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + bar, body, count=1)


def build_report(
    notebooks_dir: Path | None = None,
    out_dir: Path | None = None,
    timeout: int = 600,
    corpus: list[Article] | None = None,
    groups: tuple[str, object, object] | None = None,
) -> list[ReportPage]:
    """Execute the numbered notebooks and write the report to `out_dir` (default `reports/`).

    The comparison is the notebooks' own (`report_parameters`: `BY`, `GROUP_A`, `GROUP_B`, the
    stance model, seed), or `groups` = (by, a, b), which is then set in every notebook
    (`override_parameters`). Writes `index.html` (`landing.landing_page_html`: the findings of
    `summary.framing_comparison` for `corpus`, default the project's catalog), a page per notebook
    (outputs and prose; the code stays in the notebook), `articles/<id>.html` per article and
    `terms.html` (the same two groups). Prints one line per page written and the index path.
    Returns every page (notebooks, articles, explorer; the index last).
    """
    notebooks_dir = notebooks_dir or REPO_ROOT / "notebooks"
    out_dir = out_dir or REPO_ROOT / "reports"
    paths = _numbered_notebooks(notebooks_dir)
    _check_out_dir(out_dir)
    notebooks = {path: _read_notebook(path) for path in paths}
    parameters = report_parameters(notebooks)
    if groups is not None:
        chosen = {"BY": groups[0], "GROUP_A": groups[1], "GROUP_B": groups[2]}
        for notebook in notebooks.values():
            override_parameters(notebook, {**chosen, "README_FIGURE": None})
        parameters.update(chosen)
    corpus = load_corpus() if corpus is None else corpus
    comparison = _comparison(corpus, parameters)
    with tempfile.TemporaryDirectory(prefix=".report-", dir=out_dir.parent) as staging:
        staging_dir = Path(staging)
        pages = _notebook_pages(notebooks, staging_dir, out_dir, timeout)
        articles = _article_pages(corpus, staging_dir, out_dir)
        groups_found = comparison.groups
        label_a, label_b = f"{groups_found.by} {groups_found.a}", f"{groups_found.by} {groups_found.b}"
        (staging_dir / "terms.html").write_text(
            term_explorer_html(corpus, list(groups_found.ids_a), list(groups_found.ids_b), label_a, label_b),
            encoding="utf-8",
        )
        title = f"Term explorer: {label_a} vs {label_b}"
        explorer = ReportPage(Path(f"{label_a} vs {label_b}"), out_dir / "terms.html", title)
        print(f"term explorer: terms.html ({label_a} vs {label_b})", flush=True)
        figure = framing_figure(comparison)
        alt = describe_figure(figure)
        index = landing_page_html(
            comparison, corpus, figure_png(figure),
            [(p.html.name, p.title) for p in pages],
            {a.id: f"articles/{a.id}.html" for a in corpus},
            ("terms.html", title), alt,
        )  # fmt: skip
        (staging_dir / "index.html").write_text(index, encoding="utf-8")
        print("landing page: index.html", flush=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(out_dir / "articles", ignore_errors=True)
        for produced in sorted(staging_dir.iterdir()):
            shutil.move(str(produced), out_dir / produced.name)
    print(f"open {out_dir / 'index.html'}", flush=True)
    return [*pages, *articles, explorer, ReportPage(notebooks_dir, out_dir / "index.html", "Findings")]


def _read_notebook(path: Path) -> nbformat.NotebookNode:
    try:
        return nbformat.read(path, as_version=4)
    except (OSError, ValueError) as exc:  # unreadable file, or not notebook JSON
        raise NotebookFailed(f"{path}: cannot be read as a notebook ({exc})") from None


def _comparison(corpus: list[Article], parameters: dict[str, object]) -> FramingComparison:
    """`summary.framing_comparison` with the report's parameters; ReportError when a group is empty."""
    try:
        return framing_comparison(
            corpus, str(parameters["BY"]), parameters["GROUP_A"], parameters["GROUP_B"],
            k_terms=int(str(parameters["K_TERMS"])), seed=int(str(parameters["SEED"])),
            stance_model=str(parameters["STANCE_MODEL"]),
        )  # fmt: skip
    except ValueError as exc:
        raise ReportError(f"the report's comparison cannot be made: {exc}") from None


def _notebook_pages(
    notebooks: dict[Path, nbformat.NotebookNode], staging_dir: Path, out_dir: Path, timeout: int
) -> list[ReportPage]:
    exporter = HTMLExporter(
        template_name="nzus_report", extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )  # fmt: skip
    pages = []
    for number, (path, notebook) in enumerate(notebooks.items(), 1):
        _execute(notebook, path, timeout)
        body, _ = exporter.from_notebook_node(notebook)
        target = staging_dir / f"{path.stem}.html"
        target.write_text(_reader_page(body, path, out_dir), encoding="utf-8")
        pages.append(ReportPage(path, out_dir / target.name, _title(notebook, path.stem)))
        print(f"notebook {number}/{len(notebooks)}: {path.name} -> {target.name}", flush=True)
    return pages


def _article_pages(corpus: list[Article], staging_dir: Path, out_dir: Path) -> list[ReportPage]:
    (staging_dir / "articles").mkdir()
    pages = []
    for article in corpus:
        target = staging_dir / "articles" / f"{article.id}.html"
        target.write_text(article_page(article, back_link="../index.html"), encoding="utf-8")
        pages.append(ReportPage(Path(article.raw_file or article.id), out_dir / "articles" / target.name,
                                article.title or article.id))  # fmt: skip
        print(f"article page: articles/{target.name}", flush=True)
    return pages
