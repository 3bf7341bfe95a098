"""Term frequencies, keyness statistics and keyword-in-context concordances.

All functions start from `terms.term_table(corpus)` rows (counting terms: case-folded, US/NZ
spelling folded, multi-word names whole), so spelling variants can never surface as key terms.

Keyness statistics, for a term with count ``a`` in group A (``N1`` terms) and ``b`` in
group B (``N2`` terms):

- ``log_odds`` / ``z``: log-odds ratio with informative Dirichlet prior (Monroe, Colaresi &
  Quinn 2008, "Fightin' Words", eq. 22 and the variance approximation of eq. 20):
  ``δ = ln[(a+α_w)/(N1+α0−a−α_w)] − ln[(b+α_w)/(N2+α0−b−α_w)]``,
  ``σ² ≈ 1/(a+α_w) + 1/(b+α_w)``, ``z = δ/σ``, with ``α_w = α0 · f_w`` and ``f_w`` the
  term's share of general English (wordfreq, spelling variants summed; 1e-8 when unknown).
- ``g2`` / ``p_value``: Dunning's (1993) log-likelihood G² on the full 2×2 table (term vs
  other terms, A vs B), no continuity correction; p from χ² with 1 degree of freedom.
  With two short articles most expected counts are below 5: read p-values as descriptive.
- ``log_ratio``: Hardie's (2014) binary log of the ratio of relative frequencies, 0.5 added
  to a zero count.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import NamedTuple

import pandas as pd
from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS
from wordfreq import word_frequency

from nzus_analysis._tables import columns_of, table
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.terms import counting_terms, lemma, stopwords, term_table
from nzus_analysis.text.tokens import tokenize

UNKNOWN_FREQUENCY = 1e-8
#: Default prior strength α0 as a multiple of the compared text's size. At 1× the prior is so
#: weak for rare words that z is dominated by 1/α_w; at 100× and above it drowns the data and
#: ranks names (rare in general English) first. 10× is the middle; notebook 02 shows the
#: ranking at 1×, 10× and 100× so the choice is visible.
PRIOR_WEIGHT = 10


class NgramRow(NamedTuple):
    """A row of `ngram_table`."""

    article_id: str
    year: int
    sentence: int
    term: str  # words joined by a space; a multi-word name counts as one word
    stopword: bool  # any word of the n-gram is a stopword


class FrequencyRow(NamedTuple):
    """A row of `frequency_table`."""

    article_id: str
    year: int
    term: str
    n: int
    per_1k: float  # per 1,000 counting terms of the article


class KeynessRow(NamedTuple):
    """A row of `keyness_table` and `count_keyness_table` (group A against group B)."""

    term: str
    n_a: int
    n_b: int
    per_1k_a: float
    per_1k_b: float
    log_odds: float
    z: float
    g2: float
    p_value: float
    log_ratio: float


class KwicRow(NamedTuple):
    """A row of `kwic_table` (context as written)."""

    article_id: str
    paragraph: int
    sentence: int
    left: str
    match: str
    right: str


# ---- frequencies --------------------------------------------------------------------------------------


def ngram_table(terms_df: pd.DataFrame, n: int = 1, lemmatise: bool = False) -> pd.DataFrame:
    """Term n-grams within sentences, one row each (columns: `NgramRow`)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    words = terms_df.term.map(lemma) if lemmatise else terms_df.term
    frame = terms_df.assign(term=words, stopword=words.isin(stopwords()) | terms_df.stopword)
    if n == 1:
        return frame[columns_of(NgramRow)].reset_index(drop=True)
    pieces: list[tuple] = []
    for _, sentence in frame.groupby(["article_id", "sentence"], sort=False):
        if len(sentence) < n:
            continue
        tokens = sentence.term.tolist()
        flags = sentence.stopword.tolist()
        first = sentence.iloc[0]
        pieces.extend(
            (first.article_id, first.year, first.sentence, " ".join(tokens[i : i + n]), any(flags[i : i + n]))
            for i in range(len(tokens) - n + 1)
        )
    return table(pieces, NgramRow)


def frequency_table(
    terms_df: pd.DataFrame, n: int = 1, drop_stopwords: bool = True, lemmatise: bool = False
) -> pd.DataFrame:
    """Counts per article, most frequent first (ties alphabetical); columns: `FrequencyRow`.

    ``per_1k`` is per 1,000 counting terms of the article (all unigram terms, stopwords
    included), whatever ``n`` and ``drop_stopwords``.
    With ``drop_stopwords`` an n-gram is dropped when any of its words is a stopword.
    """
    sizes = terms_df.groupby("article_id").size()
    grams = ngram_table(terms_df, n, lemmatise)
    if drop_stopwords:
        grams = grams[~grams.stopword]
    counts = grams.groupby(["article_id", "year", "term"]).size().rename("n").reset_index()
    counts["per_1k"] = (1000 * counts.n / counts.article_id.map(sizes)).round(2)
    counts = counts.sort_values(["article_id", "n", "term"], ascending=[True, False, True])
    return counts.reset_index(drop=True)[columns_of(FrequencyRow)]


def top_terms_table(freq: pd.DataFrame, k: int = 15) -> pd.DataFrame:
    """The k most frequent terms of each article side by side: a wide table (index: rank, one
    column per article, cells "term (count)"), for reading rather than joining."""
    columns = {}
    for article_id, group in freq.groupby("article_id", sort=True):
        head = group.head(k)
        columns[article_id] = [f"{t} ({c})" for t, c in zip(head.term, head.n, strict=True)]
        columns[article_id] += [""] * (k - len(head))
    wide = pd.DataFrame(columns)
    wide.index = pd.RangeIndex(1, k + 1, name="rank")
    return wide


# ---- background ---------------------------------------------------------------------------------


@cache
def background_frequency(term: str) -> float:
    """Share of general English for a term (wordfreq 'en'), US and UK spellings summed."""
    variants = {term, BRITISH_ENGLISH_SPELLINGS.get(term, term)}
    if term.startswith("coo"):
        variants.add("co-o" + term[3:])
    total = sum(word_frequency(v, "en") for v in variants)
    return total if total > 0 else UNKNOWN_FREQUENCY


# ---- keyness statistics -------------------------------------------------------------------------


def _xlogx_ratio(observed: float, expected: float) -> float:
    return observed * math.log(observed / expected) if observed > 0 else 0.0


def g2_statistic(a: float, b: float, n1: float, n2: float) -> float:
    """Dunning's G² on the 2×2 table [[a, n1−a], [b, n2−b]] (no correction)."""
    total = n1 + n2
    term_total, other_total = a + b, total - a - b
    cells = (
        (a, n1 * term_total / total),
        (b, n2 * term_total / total),
        (n1 - a, n1 * other_total / total),
        (n2 - b, n2 * other_total / total),
    )
    return 2 * sum(_xlogx_ratio(o, e) for o, e in cells)


def chi2_sf_1df(x: float) -> float:
    """Upper-tail probability of χ² with one degree of freedom."""
    return math.erfc(math.sqrt(max(x, 0.0) / 2))


def log_ratio(a: float, b: float, n1: float, n2: float) -> float:
    """Hardie's log ratio: log2 of relative frequency in A over B, 0.5 for a zero count."""
    return math.log2(((a or 0.5) / n1) / ((b or 0.5) / n2))


def log_odds_dirichlet(a: float, b: float, n1: float, n2: float, alpha_w: float, alpha0: float):
    """(δ, z) of Monroe et al.'s log-odds ratio with informative Dirichlet prior."""
    delta = math.log((a + alpha_w) / (n1 + alpha0 - a - alpha_w)) - math.log(
        (b + alpha_w) / (n2 + alpha0 - b - alpha_w)
    )
    sigma = math.sqrt(1 / (a + alpha_w) + 1 / (b + alpha_w))
    return delta, delta / sigma


def count_keyness_table(
    counts_a: pd.Series,
    counts_b: pd.Series,
    size_a: int | None = None,
    size_b: int | None = None,
    alpha0: float | None = None,
    prior: Callable[[str], float] = background_frequency,
) -> pd.DataFrame:
    """Keyness of every term in A or B; sorted by z (A-distinctive first).

    ``counts_*`` map term -> count; sizes default to their sums. ``alpha0`` (prior strength,
    in pseudo-terms) defaults to ``PRIOR_WEIGHT × (size_a + size_b)``.
    Columns: `KeynessRow`.
    """
    n1 = float(size_a if size_a is not None else counts_a.sum())
    n2 = float(size_b if size_b is not None else counts_b.sum())
    alpha0 = float(alpha0 if alpha0 is not None else PRIOR_WEIGHT * (n1 + n2))
    vocabulary = sorted(set(counts_a.index) | set(counts_b.index))
    rows = []
    for term in vocabulary:
        a, b = float(counts_a.get(term, 0)), float(counts_b.get(term, 0))
        delta, z = log_odds_dirichlet(a, b, n1, n2, alpha0 * prior(term), alpha0)
        g2 = g2_statistic(a, b, n1, n2)
        rows.append(
            (term, int(a), int(b), 1000 * a / n1, 1000 * b / n2, delta, z, g2, chi2_sf_1df(g2),
             log_ratio(a, b, n1, n2))
        )  # fmt: skip
    result = table(rows, KeynessRow)
    return result.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)


def _term_counts(terms_df: pd.DataFrame, drop_stopwords: bool, lemmatise: bool) -> pd.Series:
    words = terms_df.term.map(lemma) if lemmatise else terms_df.term
    if drop_stopwords:
        words = words[~terms_df.stopword]
    return words.value_counts()


def keyness_table(
    terms_df: pd.DataFrame,
    group_a: Iterable[str],
    group_b: Iterable[str],
    drop_stopwords: bool = True,
    lemmatise: bool = False,
    alpha0: float | None = None,
) -> pd.DataFrame:
    """Keyness of group A's articles against group B's (article ids), e.g. 2025 vs 2012.

    Group sizes count all terms (stopwords included), so rates match `frequencies`.
    """
    a_ids, b_ids = set(group_a), set(group_b)
    for name, ids in (("group_a", a_ids), ("group_b", b_ids)):
        unknown = ids - set(terms_df.article_id)
        if not ids or unknown:
            raise ValueError(f"{name}: no articles, or unknown article ids {sorted(unknown)}")
    a_df = terms_df[terms_df.article_id.isin(a_ids)]
    b_df = terms_df[terms_df.article_id.isin(b_ids)]
    return count_keyness_table(
        _term_counts(a_df, drop_stopwords, lemmatise),
        _term_counts(b_df, drop_stopwords, lemmatise),
        size_a=len(a_df),
        size_b=len(b_df),
        alpha0=alpha0,
    )


def background_keyness_table(
    terms_df: pd.DataFrame,
    article_id: str,
    background_size: float = 1e9,
    drop_stopwords: bool = True,
    alpha0: float | None = None,
) -> pd.DataFrame:
    """Keyness of one article against general English (wordfreq), terms of the article only.

    The background is treated as a corpus of ``background_size`` terms with counts
    ``f_w · background_size``; group B columns (``n_b``, ``per_1k_b``) describe it.
    """
    article = terms_df[terms_df.article_id == article_id]
    if article.empty:
        raise ValueError(f"unknown article id {article_id!r}")
    counts = _term_counts(article, drop_stopwords, lemmatise=False)
    background = pd.Series({t: background_frequency(t) * background_size for t in counts.index})
    keyness = count_keyness_table(
        counts, background, size_a=len(article), size_b=int(background_size),
        alpha0=alpha0 or PRIOR_WEIGHT * len(article),
    )  # fmt: skip
    return keyness[keyness.n_a > 0].reset_index(drop=True)


# ---- keyword in context -------------------------------------------------------------------------


def kwic_table(corpus: Sequence[Article], query: str, window: int = 6) -> pd.DataFrame:
    """Keyword in context for a term or phrase, matched on counting terms.

    The query goes through the same normalisation as the text, so "defense" finds
    "defence" and "New Zealand" finds "NZ". ``window`` counts terms on each side, within
    the sentence. Columns: `KwicRow`.
    """
    wanted = [t.term for t in counting_terms(tokenize(query))]
    if not wanted:
        raise ValueError(f"query {query!r} has no words")
    size = len(wanted)
    texts = {article.id: article.text for article in corpus}
    frame = term_table(corpus)
    rows = []
    for (article_id, sentence), group in frame.groupby(["article_id", "sentence"], sort=False):
        words = group.term.tolist()
        starts, ends = group.start.tolist(), group.end.tolist()
        text = texts[article_id]
        for i in range(len(words) - size + 1):
            if words[i : i + size] != wanted:
                continue
            left_start = starts[max(0, i - window)]
            right_end = ends[min(len(words), i + size + window) - 1]
            rows.append(
                (
                    article_id,
                    int(group.paragraph.iloc[0]),
                    sentence,
                    text[left_start : starts[i]].strip(),
                    text[starts[i] : ends[i + size - 1]],
                    text[ends[i + size - 1] : right_end].strip(),
                )
            )
    return table(rows, KwicRow)
