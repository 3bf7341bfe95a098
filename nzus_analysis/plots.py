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


def keyness_plot(
    table: pd.DataFrame, label_a: str, label_b: str, k: int = 10, ax: Axes | None = None
) -> Figure:
    """Diverging bars of the k most distinctive terms each way, by z, counts on the bars.

    `table` is a `terms.compare()` result (A-distinctive terms have z > 0).
    """
    top_a = table[table.z > 0].nlargest(k, "z")
    top_b = table[table.z < 0].nsmallest(k, "z")
    rows = pd.concat([top_b.iloc[::-1], top_a.iloc[::-1]])
    if ax is None:
        _, ax = plt.subplots(figsize=(FIGSIZE[0], 0.32 * len(rows) + 1.4))
    colours = [colour_for(0) if z < 0 else colour_for(1) for z in rows.z]
    bars = ax.barh(rows.term, rows.z, color=colours)
    for bar, n_a, n_b in zip(bars, rows.n_a, rows.n_b, strict=True):
        width = bar.get_width()
        ax.annotate(
            f"{n_a} vs {n_b}",
            (width, bar.get_y() + bar.get_height() / 2),
            xytext=(4 if width > 0 else -4, 0),
            textcoords="offset points",
            ha="left" if width > 0 else "right",
            va="center",
            fontsize=8,
        )
    limit = max(abs(rows.z).max() * 1.35, 1)
    ax.set_xlim(-limit, limit)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"z (log-odds, informative prior)   ← {label_b} · {label_a} →")
    ax.set_ylabel("Term")
    ax.set_title(f"Most distinctive terms: {label_a} vs {label_b} (counts {label_a} vs {label_b})")
    ax.grid(axis="y", visible=False)
    return ax.figure


def grouped_bar_plot(
    frame: pd.DataFrame,
    category: str,
    value: str,
    group: str,
    title: str,
    ylabel: str,
    ax: Axes | None = None,
) -> Figure:
    """Bars of `value` per `category`, one bar per `group` side by side (e.g. frame shares)."""
    table = frame.pivot_table(index=category, columns=group, values=value, aggfunc="sum").fillna(0)
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    width = 0.8 / len(table.columns)
    positions = range(len(table.index))
    for i, column in enumerate(table.columns):
        ax.bar(
            [p + (i - (len(table.columns) - 1) / 2) * width for p in positions],
            table[column],
            width=width,
            color=colour_for(i),
            label=str(column),
        )
    ax.set_xticks(list(positions))
    ax.set_xticklabels([str(c).replace("_", " ") for c in table.index], rotation=25, ha="right")
    ax.set_xlabel(category.replace("_", " ").capitalize())
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=9)
    ax.grid(axis="x", visible=False)
    return ax.figure
