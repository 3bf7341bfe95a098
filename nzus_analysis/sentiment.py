"""Sentence sentiment from two offline engines, name-masked scores, explanations and aggregates.

Engines (both ship their lexicons; no NLTK data is touched):
- TextBlob's PatternAnalyzer: ``polarity`` (−1…1) and ``subjectivity`` (0…1), the mean of the
  lexicon phrases it assesses (`sentiment_assessments`).
- VADER (Hutto & Gilbert 2014): ``compound`` (−1…1); positive ≥ 0.05, negative ≤ −0.05.

Raw scores are exactly what each engine returns for the sentence text from our splitter,
computed by the faster exact ports in `engines` (tested against the engines themselves).
Masked scores (``*_masked``) score the same sentence with every multi-word name
(`data/multiword_names.txt`) and every actor alias (`data/actors.csv`) replaced by a neutral
placeholder word, so that "New" in "New Zealand" (TextBlob +0.136) or a name never counts as
opinion.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd
from textblob.en import sentiment as pattern_engine

from .actors import load_actors
from .collector import collector_paused
from .corpus import Article
from .engines import pattern_sentiment, vader_compound, vader_lexicon
from .normalise import Term, sentence_terms, terms
from .resources import data_path, uncommented
from .tokenize import sentence_tokens, sentences, tokenize, word_count

KEYS = ["article_id", "paragraph", "sentence"]
PLACEHOLDER = "entity"  # in neither engine's lexicon
VADER_THRESHOLD = 0.05
SCORE_COLUMNS = [
    "article_id", "year", "paragraph", "sentence", "text", "n_tokens", "polarity", "subjectivity",
    "compound", "polarity_masked", "subjectivity_masked", "compound_masked", "masked", "tone",
]  # fmt: skip


def textblob_scores(text: str) -> tuple[float, float]:
    """(polarity, subjectivity) exactly as ``TextBlob(text).sentiment`` gives them (`engines`)."""
    return pattern_sentiment(text)


def tone(compound: float) -> str:
    """VADER's convention: positive ≥ 0.05, negative ≤ −0.05, else neutral."""
    if compound >= VADER_THRESHOLD:
        return "positive"
    if compound <= -VADER_THRESHOLD:
        return "negative"
    return "neutral"


def name_spans(
    text: str, offset: int = 0, terms_found: Sequence[Term] | None = None
) -> list[tuple[int, int]]:
    """Spans (offsets into `text` + `offset`) of multi-word names and actor aliases.

    `terms_found` may pass the text's terms (offsets into `text` + `offset`) when the caller
    has them already.
    """
    found = terms_found if terms_found is not None else terms(tokenize(text, offset=offset))
    spans = [(t.start, t.end) for t in found if " " in t.term]
    spans += [(m.start + offset, m.end + offset) for m in load_actors().mentions(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask_names(text: str, spans: Sequence[tuple[int, int]] | None = None) -> tuple[str, list[str]]:
    """The text with names replaced by the placeholder, and the names replaced.

    `spans` may pass `name_spans(text)` when the caller has it already.
    """
    pieces, names, position = [], [], 0
    for start, end in name_spans(text) if spans is None else spans:
        pieces += [text[position:start], PLACEHOLDER]
        names.append(text[start:end])
        position = end
    pieces.append(text[position:])
    return "".join(pieces), names


def _score_rows(article: Article) -> list[tuple]:
    rows = []
    for s, tokens, found in zip(
        sentences(article), sentence_tokens(article), sentence_terms(article), strict=True
    ):
        spans = [(start - s.start, end - s.start) for start, end in name_spans(s.text, s.start, found)]
        polarity, subjectivity = pattern_sentiment(s.text)
        compound = vader_compound(s.text)
        if spans:
            masked_text, names = mask_names(s.text, spans)
            polarity_m, subjectivity_m = pattern_sentiment(masked_text)
            compound_m = vader_compound(masked_text)
        else:  # nothing masked: the masked text is the text
            names, polarity_m, subjectivity_m, compound_m = [], polarity, subjectivity, compound
        rows.append((
            article.id, article.year, s.paragraph, s.sentence, s.text, word_count(tokens), polarity,
            subjectivity, compound, polarity_m, subjectivity_m, compound_m, "; ".join(names),
            tone(compound_m),
        ))  # fmt: skip
    return rows


@collector_paused()
def sentence_scores(corpus: Sequence[Article]) -> pd.DataFrame:
    """One row per sentence with raw and name-masked scores from both engines.

    Columns: article_id, year, paragraph, sentence, text, n_tokens, polarity, subjectivity
    (TextBlob), compound (VADER), polarity_masked, subjectivity_masked, compound_masked,
    masked (the names replaced, "; "-joined), tone (VADER convention on the masked compound).
    """
    rows = [row for article in corpus for row in _score_rows(article)]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


# ---- explanations -----------------------------------------------------------------------------------


def explain(text: str, mask: bool = True) -> pd.DataFrame:
    """The words that move each engine's score for one sentence.

    TextBlob: each assessed phrase with its polarity (the sentence polarity is their mean).
    VADER: each word found in its lexicon with the lexicon valence (−4…4), before VADER's rules
    for negation, intensifiers, capitals and "but" adjust it. Columns: engine, words, score.
    """
    scored = mask_names(text)[0] if mask else text
    rows = [
        ("textblob", " ".join(words), polarity)
        for words, polarity, _subjectivity, _label in pattern_engine(scored).assessments
    ]
    lexicon = vader_lexicon()
    for token in tokenize(scored):
        valence = lexicon.get(token.text.lower().replace("’", "'"))
        if valence is not None:
            rows.append(("vader", token.text, valence))
    return pd.DataFrame(rows, columns=["engine", "words", "score"])


def drivers(text: str, engine: str = "textblob", mask: bool = True) -> str:
    """One-line summary of `explain` (non-zero scores only): "very pleased (+0.65); worry (−1.90)"."""
    table = explain(text, mask)
    table = table[(table.engine == engine) & (table.score != 0)]
    return "; ".join(f"{w} ({s:+.2f})" for w, s in zip(table.words, table.score, strict=True))


def with_drivers(scores: pd.DataFrame) -> pd.DataFrame:
    """`scores` plus textblob_drivers and vader_drivers columns (masked text), one per sentence."""
    return scores.assign(
        textblob_drivers=scores.text.map(lambda t: drivers(t, "textblob")),
        vader_drivers=scores.text.map(lambda t: drivers(t, "vader")),
    )


# ---- aggregates -------------------------------------------------------------------------------------


def article_summary(scores: pd.DataFrame, masked: bool = True) -> pd.DataFrame:
    """Per article: mean and token-weighted mean polarity, mean compound, tone shares, subjectivity.

    Columns: article_id, year, sentences, polarity_mean, polarity_weighted, compound_mean,
    positive, neutral, negative (shares of sentences by VADER's ±0.05), subjectivity_mean.
    Uses the masked scores unless `masked` is False. Rounded to 3 decimals.
    """
    suffix = "_masked" if masked else ""
    rows = []
    for (article_id, year), g in scores.groupby(["article_id", "year"]):
        polarity, compound = g[f"polarity{suffix}"], g[f"compound{suffix}"]
        tones = compound.map(tone).value_counts(normalize=True)
        rows.append(
            (
                article_id, int(year), len(g), polarity.mean(), np.average(polarity, weights=g.n_tokens),
                compound.mean(), tones.get("positive", 0.0), tones.get("neutral", 0.0),
                tones.get("negative", 0.0), g[f"subjectivity{suffix}"].mean(),
            )
        )  # fmt: skip
    columns = [
        "article_id", "year", "sentences", "polarity_mean", "polarity_weighted", "compound_mean",
        "positive", "neutral", "negative", "subjectivity_mean",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).round(3)


def _resampled_means(values: np.ndarray, rng: np.random.Generator, n_resamples: int) -> np.ndarray:
    return rng.choice(values, size=(n_resamples, len(values))).mean(axis=1)


def _interval(samples: np.ndarray, level: float) -> tuple[float, float]:
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail])
    return float(low), float(high)


def bootstrap_mean(
    values: Sequence[float], n_resamples: int = 5000, seed: int = 2025, level: float = 0.95
) -> tuple[float, float, float]:
    """(mean, low, high): percentile bootstrap interval of a mean, deterministic for a seed."""
    array = np.asarray(values, dtype=float)
    if len(array) == 0:
        raise ValueError("need at least one value")
    rng = np.random.default_rng(seed)
    return (float(array.mean()), *_interval(_resampled_means(array, rng, n_resamples), level))


def bootstrap_difference(
    a: Sequence[float], b: Sequence[float], n_resamples: int = 5000, seed: int = 2025, level: float = 0.95
) -> dict[str, float | bool]:
    """Mean(a) − mean(b) with a percentile bootstrap interval (sentences resampled within each group).

    Returns: difference, low, high, includes_zero. Deterministic for a given seed.
    """
    a_values, b_values = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a_values) == 0 or len(b_values) == 0:
        raise ValueError("both groups need at least one value")
    rng = np.random.default_rng(seed)
    samples = _resampled_means(a_values, rng, n_resamples) - _resampled_means(b_values, rng, n_resamples)
    low, high = _interval(samples, level)
    return {
        "difference": float(a_values.mean() - b_values.mean()),
        "low": low,
        "high": high,
        "includes_zero": bool(low <= 0 <= high),
    }


def article_intervals(scores: pd.DataFrame, columns: Sequence[str] = ("polarity_masked", "compound_masked"),
                      n_resamples: int = 5000, seed: int = 2025) -> pd.DataFrame:  # fmt: skip
    """Mean of each score per article with a bootstrap 95 % interval.

    Columns: article_id, year, score, mean, low, high (rounded to 3).
    """
    rows = []
    for (article_id, year), g in scores.groupby(["article_id", "year"]):
        for column in columns:
            rows.append((article_id, int(year), column, *bootstrap_mean(g[column], n_resamples, seed)))
    return pd.DataFrame(rows, columns=["article_id", "year", "score", "mean", "low", "high"]).round(3)


def compare_years(
    scores: pd.DataFrame, year_a: int, year_b: int, n_resamples: int = 5000, seed: int = 2025
) -> pd.DataFrame:
    """Year A minus year B for each masked and raw score, with bootstrap 95 % intervals.

    Columns: score, mean_a, mean_b, difference, low, high, includes_zero, reading (a plain
    sentence). Rounded to 3 decimals.
    """
    a, b = scores[scores.year == year_a], scores[scores.year == year_b]
    rows = []
    for column in ("polarity_masked", "compound_masked", "subjectivity_masked", "polarity", "compound"):
        result = bootstrap_difference(a[column], b[column], n_resamples, seed)
        if result["includes_zero"]:
            reading = f"no clear difference: the 95% interval includes zero ({column})"
        else:
            direction = "higher" if result["difference"] > 0 else "lower"
            reading = f"{year_a} is {direction} than {year_b} ({column})"
        rows.append((column, a[column].mean(), b[column].mean(), result["difference"], result["low"],
                     result["high"], result["includes_zero"], reading))  # fmt: skip
    columns = ["score", "mean_a", "mean_b", "difference", "low", "high", "includes_zero", "reading"]
    return pd.DataFrame(rows, columns=columns).round(3)


def by_group(scores: pd.DataFrame, labels: pd.DataFrame, group: str) -> pd.DataFrame:
    """Mean masked scores per article and label, joining on (article_id, paragraph, sentence).

    `labels` has the key columns and a `group` column (e.g. voice from
    `quotes.sentence_voices`, frame from `frames.sentence_frames`, side from `sentence_sides`);
    a sentence with several labels counts once in each. Columns: article_id, year, <group>,
    sentences, polarity_mean, compound_mean, positive_share, negative_share (rounded to 3).
    """
    joined = scores.merge(labels[[*KEYS, group]], on=KEYS, how="inner")
    rows = []
    for (article_id, year, label), g in joined.groupby(["article_id", "year", group]):
        tones = g.compound_masked.map(tone)
        rows.append((article_id, int(year), label, len(g), g.polarity_masked.mean(), g.compound_masked.mean(),
                     (tones == "positive").mean(), (tones == "negative").mean()))  # fmt: skip
    columns = ["article_id", "year", group, "sentences", "polarity_mean", "compound_mean",
               "positive_share", "negative_share"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns).round(3)


# ---- sides mentioned ------------------------------------------------------------------------------


@cache
def _side_terms() -> dict[str, str]:
    rows = csv.DictReader(uncommented(data_path("lexicons", "sides.csv")))
    return {row["term"]: row["side"] for row in rows}


def sentence_sides(corpus: Sequence[Article]) -> pd.DataFrame:
    """Which sides (US, NZ, CN) each sentence mentions; one row per (sentence, side), "none" if none.

    A side is mentioned by a listed term (`data/lexicons/sides.csv`) or an actor of that country.
    Columns: article_id, paragraph, sentence, side.
    """
    side_terms, actors = _side_terms(), load_actors()
    rows = []
    for article in corpus:
        for s, sentence in zip(sentences(article), sentence_terms(article), strict=True):
            found = {side_terms[t.term] for t in sentence if t.term in side_terms}
            found |= {
                m.actor.country for m in actors.mentions(s.text) if m.actor.country in {"US", "NZ", "CN"}
            }
            for side in sorted(found) or ["none"]:
                rows.append((article.id, s.paragraph, s.sentence, side))
    return pd.DataFrame(rows, columns=[*KEYS, "side"])


def extremes(scores: pd.DataFrame, k: int = 3, column: str = "compound_masked") -> pd.DataFrame:
    """The k most positive and k most negative sentences per article, with their driving words.

    Columns: article_id, end ("most positive"/"most negative"), sentence, score, text,
    textblob_drivers, vader_drivers.
    """
    rows = []
    for article_id, g in scores.groupby("article_id"):
        for end, picked in (
            ("most positive", g.nlargest(k, column)),
            ("most negative", g.nsmallest(k, column)),
        ):
            for row in picked.itertuples():
                rows.append((article_id, end, row.sentence, round(getattr(row, column), 3), row.text,
                             drivers(row.text, "textblob"), drivers(row.text, "vader")))  # fmt: skip
    columns = ["article_id", "end", "sentence", "score", "text", "textblob_drivers", "vader_drivers"]
    return pd.DataFrame(rows, columns=columns)
