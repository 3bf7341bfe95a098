"""Figures from the package's DataFrames, in one house style (matplotlib only)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: One colour per year/article, used by every figure so a year looks the same everywhere.
PALETTE = ("#1b6ca8", "#d1495b", "#66a182", "#edae49", "#8d6a9f", "#2e4057")
FIGSIZE = (8.0, 4.2)

STYLE = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "legend.frameon": False,
    "font.size": 10,
}


def use_style() -> None:
    """Apply the house style to every later figure in this session."""
    plt.rcParams.update(STYLE)


def colour_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def sentence_length_plot(sentences: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """Histogram of sentence length (tokens) per article, from `sentence_frame()`."""
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    longest = int(sentences.n_tokens.max())
    bins = list(range(0, longest + 6, 5))
    groups = list(sentences.groupby("article_id", sort=True))
    ax.hist(
        [group.n_tokens for _, group in groups],
        bins=bins,
        color=[colour_for(i) for i in range(len(groups))],
        label=[
            f"{article_id} (n={len(group)}, median {group.n_tokens.median():g})"
            for article_id, group in groups
        ],
        edgecolor="white",
    )  # bars side by side per bin, one colour per article
    ax.set_xlabel("Sentence length (word tokens)")
    ax.set_ylabel("Number of sentences")
    ax.set_title("Sentence length per article")
    ax.legend(fontsize=9, loc="upper left")
    return ax.figure
