"""Two groups of articles to compare, chosen by any catalog column, and their differences.

`group_articles(corpus, by="year", a=2025, b=2012)` splits a corpus (or an `article_table`) by a
catalog column (``year``, ``outlet``, ``section``, …; scattertext's category column) into group A
and group B, any number of articles each, and names the articles in neither. Every comparison in
the package (keyness, frames, tone, voices, channels, the summary table) takes a `Groups`.

Differences between groups are estimated at the unit the question is about:

- with at least `MIN_ARTICLES` articles in each group, over **articles**: a bootstrap over
  articles (each group resampled) for the interval and a permutation test of the group labels
  across articles for the p-value, optionally within strata (e.g. outlet);
- with fewer, there is nothing to infer about articles, so the same difference is **described**:
  a paragraph-block bootstrap (paragraphs resampled within each group) and a sentence permutation
  test say how much the difference rests on a few sentences. The `unit` column says which.

No yes/no verdict is drawn from an interval edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.text.corpus import Article, article_table

#: Fewest articles per group for inference over articles; below it differences are descriptive.
MIN_ARTICLES = 5
UNITS = ("article", "sentence")


@dataclass(frozen=True)
class Groups:
    """Group A and group B: the catalog column, each group's value (as text) and article ids."""

    by: str
    a: str
    b: str
    ids_a: tuple[str, ...]
    ids_b: tuple[str, ...]
    left_out: tuple[tuple[str, str], ...] = ()  # (article id, its value of `by`) in neither group
    strata: tuple[tuple[str, str], ...] = ()  # (article id, stratum) when a stratum column was given
    strata_by: str = ""  # that column

    @property
    def labels(self) -> tuple[str, str]:
        return self.a, self.b

    def ids_of(self) -> dict[str, tuple[str, ...]]:
        """Each group's value (A, then B) -> its article ids."""
        return {self.a: self.ids_a, self.b: self.ids_b}

    def label_of(self) -> dict[str, str]:
        """Article id -> its group's value (A or B)."""
        return {**{i: self.b for i in self.ids_b}, **{i: self.a for i in self.ids_a}}

    def tag(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of `frame` (which has ``article_id``) in either group, with a ``group`` column."""
        labels = self.label_of()
        kept = frame[frame.article_id.isin(labels)]
        group = pd.Categorical(kept.article_id.map(labels), categories=[self.b, self.a])
        return kept.assign(group=group)

    def describe(self) -> str:
        """One line: each group's size and what is left out, e.g. for a notebook's setup cell."""
        left = ", ".join(f"{i} ({self.by} {v or 'empty'})" for i, v in self.left_out) or "none"
        return (
            f"group A: {self.by} {self.a}, {len(self.ids_a)} article(s); group B: {self.by} {self.b}, "
            f"{len(self.ids_b)} article(s); left out: {left}"
        )

    def left_out_table(self) -> pd.DataFrame:
        """Articles in neither group: article_id, value (of `by`), reason."""
        rows = [(i, v, f"{self.by} is {v!r}, neither {self.a!r} nor {self.b!r}") for i, v in self.left_out]
        return pd.DataFrame(rows, columns=["article_id", "value", "reason"])


def _value_text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


def group_articles(
    corpus: Sequence[Article] | pd.DataFrame, by: str, a: object, b: object, strata: str | None = None
) -> Groups:
    """Split `corpus` (articles, or an `article_table`) into group A (``by == a``) and B (``by == b``).

    Values compare as text, so ``a=2025`` and ``a="2025"`` are the same group. `strata` names a
    catalog column whose values the permutation test keeps fixed (e.g. ``"outlet"``). Raises
    ValueError naming the available values when the column is unknown or a group is empty.
    """
    articles = corpus if isinstance(corpus, pd.DataFrame) else article_table(corpus)
    for column in (by, strata):
        if column is not None and column not in articles.columns:
            known = ", ".join(c for c in articles.columns if c != "article_id")
            raise ValueError(f"no catalog column {column!r}; columns: {known}")
    values = articles[by].map(_value_text)
    a_text, b_text = _value_text(a), _value_text(b)
    if a_text == b_text:
        raise ValueError(f"group A and group B are the same value of {by!r}: {a_text!r}")
    found = sorted(set(values))
    for name, wanted in (("A", a_text), ("B", b_text)):
        if wanted not in found:
            raise ValueError(f"group {name}: no article has {by} = {wanted!r}; values: {found}")
    ids = articles.article_id
    left_out = tuple((i, v) for i, v in zip(ids, values, strict=True) if v not in (a_text, b_text))
    stratum = tuple(zip(ids, articles[strata].map(_value_text), strict=True)) if strata else ()
    return Groups(
        by, a_text, b_text, tuple(ids[values == a_text]), tuple(ids[values == b_text]), left_out, stratum,
        strata or "",
    )  # fmt: skip


# ---- shares per group ----------------------------------------------------------------------------------


def group_share_table(
    frame: pd.DataFrame, groups: Groups, category: str, count: str, n_terms: pd.Series | None = None
) -> pd.DataFrame:
    """Per-article counts summed per (group, `category`): ``group``, category, ``n``, ``share``.

    `share` is of the group's total; with `n_terms` (article id -> counting terms) also
    ``per_1k``, the count per 1,000 counting terms of the group. Categories a group lacks get
    n = 0 (a real zero, not a missing group).
    """
    tagged = groups.tag(frame)
    counts = tagged.groupby(["group", category], observed=False)[count].sum().rename("n")
    result = counts.reset_index()
    totals = result.groupby("group", observed=False).n.transform("sum")
    result["share"] = (result.n / totals.where(totals > 0)).fillna(0.0).round(3)
    if n_terms is not None:
        labels = groups.label_of()
        size = n_terms[n_terms.index.isin(labels)].groupby(lambda i: labels[i]).sum()
        result["per_1k"] = (result.n / result.group.astype(str).map(size) * 1000).round(2)
    result["n"] = result.n.astype("int64")
    return result


# ---- differences between groups ---------------------------------------------------------------------------


class DifferenceRow(NamedTuple):
    """A row of `difference_table`: group A minus group B for one per-sentence value."""

    value: str  # the column compared
    group_a: str
    group_b: str
    n_articles_a: int
    n_articles_b: int
    n_sentences_a: int
    n_sentences_b: int
    mean_a: float  # over articles (unit "article") or over sentences (unit "sentence")
    mean_b: float
    difference: float  # mean_a − mean_b
    low: float  # 95 % bootstrap interval of the difference
    high: float
    p_value: float  # permutation test, two-sided
    unit: str  # "article": inference over articles; "sentence": a description of these sentences
    method: str


def _p_value(observed: float, permuted: np.ndarray) -> float:
    return float((1 + np.sum(np.abs(permuted) >= abs(observed) - 1e-12)) / (1 + len(permuted)))


def _article_difference(
    means: pd.Series, in_a: np.ndarray, strata: np.ndarray | None, rng: np.random.Generator, n: int
) -> tuple[float, float, float, float, float, float]:
    values = means.to_numpy(dtype=float)
    a, b = values[in_a], values[~in_a]
    observed = a.mean() - b.mean()
    boot = rng.choice(a, (n, len(a))).mean(axis=1) - rng.choice(b, (n, len(b))).mean(axis=1)
    permuted = np.empty(n)
    labels = in_a.copy()
    for i in range(n):
        if strata is None:
            rng.shuffle(labels)
        else:
            for stratum in np.unique(strata):
                where = np.flatnonzero(strata == stratum)
                labels[where] = rng.permutation(labels[where])
        permuted[i] = values[labels].mean() - values[~labels].mean()
    low, high = np.percentile(boot, [2.5, 97.5])
    return a.mean(), b.mean(), observed, float(low), float(high), _p_value(observed, permuted)


def _sentence_difference(
    values: np.ndarray, in_a: np.ndarray, blocks: np.ndarray, rng: np.random.Generator, n: int
) -> tuple[float, float, float, float, float, float]:
    a, b = values[in_a], values[~in_a]
    observed = a.mean() - b.mean()

    def block_means(mask: np.ndarray) -> np.ndarray:
        ids = np.unique(blocks[mask])
        sums = np.array([values[mask & (blocks == k)].sum() for k in ids])
        sizes = np.array([np.sum(mask & (blocks == k)) for k in ids])
        picks = rng.integers(0, len(ids), (n, len(ids)))
        return sums[picks].sum(axis=1) / sizes[picks].sum(axis=1)

    boot = block_means(in_a) - block_means(~in_a)
    permuted = np.empty(n)
    labels = in_a.copy()
    for i in range(n):
        rng.shuffle(labels)
        permuted[i] = values[labels].mean() - values[~labels].mean()
    low, high = np.percentile(boot, [2.5, 97.5])
    return a.mean(), b.mean(), observed, float(low), float(high), _p_value(observed, permuted)


def difference_table(
    sentences: pd.DataFrame,
    groups: Groups,
    columns: Sequence[str],
    n_resamples: int = 5000,
    seed: int = 2025,
    min_articles: int = MIN_ARTICLES,
) -> pd.DataFrame:
    """Group A minus group B for each per-sentence value in `columns` (columns: `DifferenceRow`).

    `sentences` has one row per sentence with ``article_id`` and ``paragraph`` (e.g.
    `sentiment.score_table`). With ≥ `min_articles` articles in each group the unit is the
    article (each article's mean; bootstrap over articles, permutation across articles, within
    `groups.strata` when set); otherwise the unit is the sentence, described with a
    paragraph-block bootstrap and a sentence permutation test. Deterministic for a seed.
    """
    tagged = groups.tag(sentences)
    if tagged.empty:
        raise ValueError("neither group has any sentences")
    in_a_sentence = (tagged.group == groups.a).to_numpy()
    if in_a_sentence.all() or not in_a_sentence.any():
        raise ValueError("both groups need sentences")
    n_a, n_b = tagged[in_a_sentence].article_id.nunique(), tagged[~in_a_sentence].article_id.nunique()
    by_article = n_a >= min_articles and n_b >= min_articles
    strata_of = dict(groups.strata)
    rows = []
    for column in columns:
        rng = np.random.default_rng(seed)
        if by_article:
            means = tagged.groupby("article_id", sort=True)[column].mean()
            in_a = means.index.isin(groups.ids_a)
            strata = np.array([strata_of[i] for i in means.index]) if strata_of else None
            result = _article_difference(means, in_a, strata, rng, n_resamples)
            method = (
                f"bootstrap over articles ({n_resamples:,} resamples); permutation test of the group "
                f"labels across articles{' within ' + groups.strata_by + ' strata' if strata_of else ''}"
            )
        else:
            blocks = tagged.groupby(["article_id", "paragraph"], sort=False).ngroup().to_numpy()
            result = _sentence_difference(
                tagged[column].to_numpy(dtype=float), in_a_sentence, blocks, rng, n_resamples
            )
            method = (
                f"descriptive (fewer than {min_articles} articles a group): paragraph-block bootstrap and "
                "sentence permutation test; says how much the difference rests on a few sentences, "
                "not whether it holds beyond these articles"
            )
        rows.append(
            (column, groups.a, groups.b, n_a, n_b, int(in_a_sentence.sum()), int((~in_a_sentence).sum()),
             *result, "article" if by_article else "sentence", method)
        )  # fmt: skip
    return table(rows, DifferenceRow).round(3)
