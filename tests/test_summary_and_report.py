"""The synthesis table, and the report runner on tiny notebooks (success and failure)."""

from __future__ import annotations

import re

import nbformat
import pytest

from nzus_analysis.compare.summary import framing_table
from nzus_analysis.report.build import NotebookFailed, ReportError, build_report
from nzus_analysis.scale.pipeline import analyse

from .conftest import SEED_2012, SEED_2025, seed_articles


def test_framing_table_on_seeds(corpus):
    tables = analyse([corpus[SEED_2012], corpus[SEED_2025]], progress=False)
    table = framing_table(tables, "year", 2025, 2012).set_index("indicator")
    assert list(table.columns) == ["section", "2012", "2025"]
    assert table.loc["word tokens", "2012"] == "353" and table.loc["word tokens", "2025"] == "470"
    assert table.loc["second-hand (via another outlet)", "2012"] == "100%"
    assert table.loc["second-hand (via another outlet)", "2025"] == "0%"
    # The AP is a conduit, not a US source: 2012 quotes no US person or body.
    assert table.loc["US people and bodies quoted (role, statements)", "2012"] == "none"
    assert (
        "Associated Press (4)" in table.loc["outlets passed on (conduits, not sources; statements)", "2012"]
    )
    assert "Marco Rubio" in table.loc["US people and bodies quoted (role, statements)", "2025"]
    assert table.loc["most distinctive terms (top 5 by z)", "2025"].startswith("trump")
    assert table.loc["frame: security", "2025"] == "56% (24 hits, 53.7 per 1k terms)"
    assert table.loc["sub-frame: security › alliance burden sharing (hits)"].tolist()[1:] == ["0", "7"]
    assert table.loc["headline(s)", "2012"] == "US Defense Secretary visits New Zealand"
    lede_tone = table.loc["VADER compound, masked: headline + lede | rest", "2025"]
    assert re.fullmatch(r"[+-]\d\.\d\d \| [+-]\d\.\d\d", lede_tone)
    lede_terms = table.loc["distinctive terms of headline + lede vs the rest (top 5)", "2025"].split(", ")
    assert "foreign minister" in lede_terms  # "Foreign Minister Winston Peters" opens the 2025 lede
    difference = table.loc["VADER compound: 2025 − 2012"]
    # one article a group: the difference is described, with no test and no p-value
    assert difference["2012"].startswith("descriptive") and " p " not in difference["2025"]
    stance_us = table.loc["tone toward US at its mentions (stance model linear, P(pos) − P(neg))"]
    assert stance_us["2025"].endswith("(descriptive)") and ", p " not in stance_us["2025"]
    marked = framing_table(tables, "year", 2025, 2012, below_target={"security"}).set_index("indicator")
    assert marked.loc["frame: security †", "2025"] == table.loc["frame: security", "2025"]
    assert "frame: external" in marked.index  # only the frames named are marked


def test_framing_table_says_why_a_cell_is_empty(corpus):
    """A group whose only article is one paragraph with no China mention: words, not "nan"."""
    from nzus_analysis import article_from_text

    short = article_from_text("2019-one-paragraph", 2019, "Defence ministers met in Wellington.")
    tables = analyse([corpus[SEED_2025], short], progress=False)
    table = framing_table(tables, "year", 2025, 2019)
    assert not table.map(lambda cell: "nan" in str(cell).lower()).to_numpy().any()
    cells = table.set_index("indicator")
    assert cells.loc["VADER compound, masked: headline + lede | rest", "2019"].endswith(
        "| no text after the lede"
    )
    china = cells.loc["tone toward CN at its mentions (stance model linear, P(pos) − P(neg))"]
    assert china["2019"] == "no mentions"


def _notebook(path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Tiny")] + [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def test_report_writes_pages_index_and_one_line_each(tmp_path, capfd):
    notebooks, out = tmp_path / "nb", tmp_path / "reports"
    notebooks.mkdir()
    _notebook(
        notebooks / "01_a.ipynb",
        "print(6 * 7)",
        "import matplotlib.pyplot as plt\nfrom nzus_analysis.report.plots import show_figure\n"
        "figure, ax = plt.subplots()\nax.bar(['x', 'y'], [1, 2])\nax.set_title('Two bars')\n"
        "show_figure(figure)",
    )
    pages = build_report(notebooks, out, corpus=seed_articles())
    names = [p.html.relative_to(out).as_posix() for p in pages]
    assert names == [
        "01_a.html",
        "articles/2012-globalpost-panetta.html",
        "articles/2025-thepost-rubio-peters.html",
        "terms.html",
        "index.html",
    ]
    page = (out / "01_a.html").read_text(encoding="utf-8")
    assert "42" in page and "6 * 7" not in page  # outputs for readers; the code stays in the notebook
    assert '<a href="index.html">' in page and "01_a.ipynb" in page
    assert "alt=\"Bar chart 'Two bars'" in page and "No description" not in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(name in index for name in names[:-1])
    for path in out.rglob("*.html"):  # opens with no network: nothing loaded from elsewhere
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']?(https?:)?//", path.read_text()), path
    printed = capfd.readouterr()
    lines = printed.out.strip().splitlines()
    assert len(lines) == len(pages) + 1 and lines[-1] == f"open {out / 'index.html'}"
    assert "TCP" not in printed.err and "WARNING" not in printed.err, printed.err


def test_failing_cell_names_notebook_and_cell_and_writes_nothing(tmp_path):
    notebooks, out = tmp_path / "nb", tmp_path / "reports"
    notebooks.mkdir()
    _notebook(notebooks / "01_ok.ipynb", "x = 1")
    _notebook(notebooks / "02_bad.ipynb", "y = 2", "raise ValueError('broken input')")
    with pytest.raises(NotebookFailed, match=r"02_bad\.ipynb: cell 2 failed(.|\n)*broken input"):
        build_report(notebooks, out)
    assert not out.exists() or not any(out.iterdir())
    assert not list(tmp_path.glob(".report-*"))  # staging folder cleaned up


def test_the_summary_figure_shows_the_frames_with_a_cue_each_bar_with_its_hits(corpus):
    from nzus_analysis.compare.groups import group_articles, group_share_table
    from nzus_analysis.measures.sentiment import tone_difference_table
    from nzus_analysis.report.plots import summary_figure

    tables = analyse([corpus[SEED_2012], corpus[SEED_2025]], progress=False)
    groups = group_articles(tables.articles, "year", 2025, 2012)
    n_terms = tables.sizes.set_index("article_id").n_terms
    frames = group_share_table(tables.frame_shares, groups, "frame", "n_hits", n_terms)
    difference = tone_difference_table(tables.scores, groups, seed=1)
    figure = summary_figure(
        frames,
        group_share_table(tables.voice_shares, groups, "voice", "n_words"),
        group_share_table(tables.channels, groups, "channel", "n_statements"),
        difference[difference.value == "compound_masked"],
        "t",
        marked_frames={"security"},
    )
    panel = figure.axes[0]
    figure.canvas.draw()
    shown = [t.get_text() for t in panel.get_xticklabels()]
    cued = set(frames.groupby("frame", observed=True).n.sum().loc[lambda n: n > 0].index)
    assert len(shown) == len(cued) < len(set(frames.frame))  # frames no article cues are left out
    assert "security †" in shown and "economic" in shown
    hits = sorted(int(t.get_text()) for t in panel.texts if t.get_text().isdigit())
    assert 24 in hits and 8 in hits  # security: 24 hits in 2025, 8 in 2012


def test_the_framing_table_counts_the_paragraphs_the_classifier_reads_each_frame_in(corpus):
    from nzus_analysis.measures.frame_classifier import paragraph_frame_table

    seeds = [corpus[SEED_2012], corpus[SEED_2025]]
    tables = analyse(seeds, progress=False)
    table = framing_table(
        tables,
        "year",
        2025,
        2012,
        paragraph_frames=paragraph_frame_table(seeds),
        classifier_below_target={"economic"},
    ).set_index("indicator")
    # the China live-fire paragraph and burden sharing among 2025's; the Washington Declaration in 2012
    assert table.loc["paragraphs carrying security (classifier)"].tolist() == ["Frames", "2 of 9", "4 of 16"]
    # trade, emerging technologies, "prosperity" and allies' spending (the dagger is this test's own mark)
    assert table.loc["paragraphs carrying economic † (classifier)", "2025"] == "4 of 16"
    assert not any("paragraphs carrying crime" in i for i in table.index)  # found in no paragraph
    assert not any("(classifier)" in i for i in framing_table(tables, "year", 2025, 2012).indicator)


def _parameters_notebook(path, by, a, b):
    _notebook(path, f"BY = {by!r}\nGROUP_A, GROUP_B = {a!r}, {b!r}", "print(BY, GROUP_A, GROUP_B)")


def test_report_refuses_notebooks_that_compare_different_groups(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    _parameters_notebook(notebooks / "01_a.ipynb", "year", 2025, 2012)
    _parameters_notebook(notebooks / "02_b.ipynb", "year", 2025, 2019)
    with pytest.raises(ReportError, match=r"02_b\.ipynb sets GROUP_B = 2019 but 01_a\.ipynb sets 2012"):
        build_report(notebooks, tmp_path / "reports", corpus=seed_articles())


def test_report_compares_the_groups_it_is_given_everywhere(tmp_path):
    """groups= sets the comparison in every notebook, the explorer and the landing page alike."""
    notebooks, out = tmp_path / "nb", tmp_path / "reports"
    notebooks.mkdir()
    _parameters_notebook(notebooks / "01_a.ipynb", "year", 2025, 2012)
    build_report(notebooks, out, corpus=seed_articles(), groups=("outlet", "The Post", "GlobalPost"))
    assert "outlet The Post GlobalPost" in (out / "01_a.html").read_text(encoding="utf-8")
    assert "Term explorer: outlet The Post vs outlet GlobalPost" in (out / "terms.html").read_text("utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Group A: outlet The Post, 1 article. Group B: outlet GlobalPost, 1 article." in index
