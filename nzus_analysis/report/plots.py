"""Figures from the package's DataFrames, in one house style (matplotlib only)."""

from __future__ import annotations

import io
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nzus_analysis.compare.groups import group_share_table
from nzus_analysis.measures.frames import TARGET_PRECISION

if TYPE_CHECKING:
    from nzus_analysis.compare.summary import FramingComparison

#: One colour per year/article, used by every figure so a year looks the same everywhere.
PALETTE = ("#1b6ca8", "#d1495b", "#66a182", "#edae49", "#8d6a9f", "#2e4057")
FIGSIZE = (8.0, 4.2)
#: What a dagger after a frame's name means, under a figure of frame-lexicon hits.
FRAME_MARK_NOTE = (
    f"lexicon precision not shown to reach {TARGET_PRECISION} on the coded passages (notebook 02)"
)

STYLE: dict[str, Any] = {
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
    plt.rcParams.update(STYLE)  # type: ignore[arg-type]


def _figure_of(ax: Axes) -> Figure:
    """The top-level figure an axes is drawn on."""
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    return figure


def _legend_outside(ax: Axes, title: str | None = None) -> None:
    """The legend to the right of the plotting area, never over the data."""
    ax.legend(fontsize=9, title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)


def colour_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def sentence_length_plot(sentences: pd.DataFrame, ax: Axes | None = None) -> Figure:
    """Histogram of sentence length (tokens) per article, from `sentence_table()`."""
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
    _legend_outside(ax)
    return _figure_of(ax)


def keyness_plot(
    table: pd.DataFrame, label_a: str, label_b: str, k: int = 10, ax: Axes | None = None
) -> Figure:
    """Diverging bars of the k most distinctive terms each way, by z, counts on the bars.

    `table` is a `keyness.count_keyness_table()` result (A-distinctive terms have z > 0).
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
    return _figure_of(ax)


def grouped_bar_plot(
    frame: pd.DataFrame,
    category: str,
    value: str,
    group: str,
    title: str,
    ylabel: str,
    ax: Axes | None = None,
    count: str | None = None,
    marked: Collection[str] = (),
    mark_note: str = "",
) -> Figure:
    """Bars of `value` per `category`, one bar per `group` side by side (e.g. frame shares).

    A (category, group) pair with no row draws no bar: a missing group is not a zero. With
    `count` (a column), each bar is labelled with that count (e.g. hits behind a rate). The
    categories in `marked` get a dagger after their label, explained by `mark_note` under the
    plot (e.g. frames whose lexicon missed its validation target).
    """
    table = frame.pivot_table(index=category, columns=group, values=value, aggfunc="sum", observed=True)
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    width = 0.8 / len(table.columns)
    positions = range(len(table.index))
    for i, column in enumerate(table.columns):
        bars = ax.bar(
            [p + (i - (len(table.columns) - 1) / 2) * width for p in positions],
            table[column],
            width=width,
            color=colour_for(i),
            label=str(column),
        )
        if count is not None:
            counts = frame.pivot_table(
                index=category, columns=group, values=count, aggfunc="sum", observed=True
            )
            labels = [f"{n:g}" if n == n else "" for n in counts[column].reindex(table.index)]
            ax.bar_label(bars, labels=labels, fontsize=7, padding=1)
    ax.set_xticks(list(positions))
    labels = [str(c).replace("_", " ") + (" †" if c in marked else "") for c in table.index]
    ax.set_xticklabels(labels, rotation=25, ha="right")
    ax.set_xlabel(category.replace("_", " ").capitalize())
    if mark_note and any(c in marked for c in table.index):
        note = ax.annotate(f"† {mark_note}", xy=(0, 0), xycoords="figure fraction", xytext=(4, 4),
                           textcoords="offset points", fontsize=7, color="0.35")  # fmt: skip
        note.set_in_layout(False)  # under the figure, not part of this axes' layout
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    _legend_outside(ax, str(group).replace("_", " "))
    ax.grid(axis="x", visible=False)
    return _figure_of(ax)


def tone_trajectory_plot(scores: pd.DataFrame, masked: bool = True) -> Figure:
    """Sentence-by-sentence tone through each article: TextBlob polarity and VADER compound."""
    suffix = "_masked" if masked else ""
    groups = list(scores.groupby("article_id", sort=True))
    fig, axes = plt.subplots(len(groups), 1, figsize=(FIGSIZE[0], 2.6 * len(groups) + 0.6), sharey=True)
    axes = [axes] if len(groups) == 1 else list(axes)
    for ax, (article_id, g) in zip(axes, groups, strict=True):
        position = range(1, len(g) + 1)
        ax.axhspan(-0.05, 0.05, color="grey", alpha=0.15, linewidth=0)
        ax.axhline(0, color="black", linewidth=0.6)
        ax.plot(position, g[f"polarity{suffix}"], marker="o", color=colour_for(2), label="TextBlob polarity")
        ax.plot(position, g[f"compound{suffix}"], marker="s", color=colour_for(3), label="VADER compound")
        ax.set_title(article_id)
        ax.set_ylabel("Score (−1 to 1)")
        ax.set_ylim(-1.05, 1.05)
        ax.set_xticks(list(position))
    axes[-1].set_xlabel("Sentence number in the article")
    axes[0].legend(fontsize=9, loc="lower left", ncols=2)
    fig.suptitle("Tone sentence by sentence" + (" (names masked)" if masked else ""), fontweight="bold")
    fig.tight_layout()
    return fig


def interval_plot(intervals: pd.DataFrame, title: str, ax: Axes | None = None) -> Figure:
    """Mean with its interval per article (rows of `sentiment.article_interval_table`), one panel."""
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    scores = list(dict.fromkeys(intervals.score))
    articles = sorted(intervals.article_id.unique())
    width = 0.8 / len(articles)
    for i, article_id in enumerate(articles):
        rows = intervals[intervals.article_id == article_id].set_index("score").loc[scores]
        x = [j + (i - (len(articles) - 1) / 2) * width for j in range(len(scores))]
        ax.errorbar(
            x, rows["mean"], yerr=[rows["mean"] - rows["low"], rows["high"] - rows["mean"]],
            fmt="o", capsize=5, color=colour_for(i), label=article_id,
        )  # fmt: skip
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_xticks(range(len(scores)))
    ax.set_xticklabels([s.replace("_", " ") for s in scores])
    ax.set_xlabel("Score")
    ax.set_ylabel("Mean over sentences (95% bootstrap interval)")
    ax.set_title(title)
    _legend_outside(ax)
    return _figure_of(ax)


def difference_plot(difference: pd.DataFrame, title: str, ax: Axes | None = None) -> Figure:
    """Group A − group B with its 95 % interval per score (rows of `groups.difference_table`)."""
    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE)
    rows = difference.reset_index(drop=True)
    ax.errorbar(
        range(len(rows)), rows.difference, yerr=[rows.difference - rows.low, rows.high - rows.difference],
        fmt="o", capsize=6, color=colour_for(0),
    )  # fmt: skip
    ax.axhline(0, color="black", linewidth=0.6)
    ax.set_xticks(range(len(rows)))
    ax.set_xlim(-0.6, len(rows) - 0.4)
    ax.set_xticklabels([v.replace("_", " ") for v in rows.value])
    ax.set_xlabel("Score")
    first = rows.iloc[0]
    unit = "bootstrap over articles" if first.unit == "article" else "paragraph-block bootstrap, descriptive"
    ax.set_ylabel(f"{first.group_a} − {first.group_b} (95% interval)")
    ax.set_title(f"{title}\n({unit})", fontsize=10)
    return _figure_of(ax)


def summary_figure(
    frames: pd.DataFrame,
    voices: pd.DataFrame,
    channels: pd.DataFrame,
    difference: pd.DataFrame,
    title: str,
    marked_frames: Collection[str] = (),
) -> Figure:
    """Small multiples of the framing comparison of two groups: frames, voices, channels and tone.

    `frames`, `voices` and `channels` are `groups.group_share_table`s (frames with ``per_1k``);
    `difference` is a `groups.difference_table` (the tone panel shows the difference A − B).
    Frames in `marked_frames` get a dagger: their lexicon missed the validation target. Frames
    with no cue in either group are left out of the frame panel (as from `summary.framing_table`),
    so that the frames there are readable; each bar is labelled with its count of hits.
    """
    fig, axes = plt.subplots(2, 2, figsize=(12, 8))
    cued = frames[frames.groupby("frame", observed=True).n.transform("sum") > 0]
    grouped_bar_plot(cued, "frame", "per_1k", "group", "Frame cues (frames with a cue)",
                     "Hits per 1,000 terms", ax=axes[0][0], count="n", marked=marked_frames,
                     mark_note=FRAME_MARK_NOTE)  # fmt: skip
    grouped_bar_plot(voices, "voice", "share", "group", "Whose words", "Share of word tokens", ax=axes[0][1])
    grouped_bar_plot(channels, "channel", "n", "group", "How statements were sourced",
                     "Attributed statements", ax=axes[1][0])  # fmt: skip
    difference_plot(difference, "Sentence tone, names masked", ax=axes[1][1])
    fig.suptitle(title, fontweight="bold", fontsize=13)
    fig.tight_layout()
    return fig


def framing_figure(comparison: FramingComparison) -> Figure:
    """`summary_figure` of a `summary.framing_comparison`: the figure of notebook 05, the report's
    landing page and the README."""
    tables, groups = comparison.tables, comparison.groups
    n_terms = tables.sizes.set_index("article_id").n_terms
    difference = comparison.difference
    return summary_figure(
        group_share_table(tables.frame_shares, groups, "frame", "n_hits", n_terms),
        group_share_table(tables.voice_shares, groups, "voice", "n_words"),
        group_share_table(tables.channels, groups, "channel", "n_statements"),
        difference[difference.value.isin(["compound_masked", "polarity_masked"])],
        f"Framing compared by {groups.by}: {groups.a} vs {groups.b}",
        marked_frames=comparison.below_target,
    )


def figure_png(figure: Figure) -> bytes:
    """`figure` as PNG bytes, at the house resolution (no metadata, so reruns are byte-stable)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write `figure` as a PNG file (`figure_png`; the folder is created)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(figure_png(figure))
    return target


def describe_figure(figure: Figure) -> str:
    """Alt text for `figure`, read off what is drawn: title, each panel's title, axes and series."""
    figure.canvas.draw()  # tick labels exist only once drawn
    suptitle = figure.get_suptitle()
    parts = [suptitle] if suptitle else []
    for ax in figure.axes:
        if not ax.get_visible() or not ax.has_data():
            continue
        containers = {type(c).__name__ for c in ax.containers}
        kind = "chart"
        if "BarContainer" in containers:
            kind = "bar chart"
        elif "ErrorbarContainer" in containers:
            kind = "interval chart"
        elif ax.lines:
            kind = "line and point chart"
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        if len(ticks) > 12:
            ticks = [*ticks[:12], "…"]
        legend = ax.get_legend()
        series = [t.get_text() for t in legend.get_texts()] if legend else []
        words = [f"{kind.capitalize()}" + (f" '{ax.get_title()}'" if ax.get_title() else "")]
        if ax.get_xlabel():
            words.append(f"x axis: {ax.get_xlabel()}" + (f" ({', '.join(ticks)})" if ticks else ""))
        if ax.get_ylabel():
            words.append(f"y axis: {ax.get_ylabel()}")
        if series:
            words.append(f"series: {', '.join(series)}")
        parts.append("; ".join(words))
    return ". ".join(parts) + "."


def show_figure(figure: Figure, alt: str | None = None) -> None:
    """Display `figure` in the notebook as a PNG carrying alt text, then close it.

    The alt text (default: `describe_figure`) travels in the output's metadata; the report's
    HTML pages put it on the image.
    """
    from IPython.display import Image, display

    data = figure_png(figure)
    text = alt if alt is not None else describe_figure(figure)
    display(Image(data=data, format="png"), metadata={"image/png": {"alt": text}})
    plt.close(figure)
