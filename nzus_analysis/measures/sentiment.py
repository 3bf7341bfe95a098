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
Neutral scores (``*_neutral``) also mask the non-evaluative phrases of
`data/lexicons/neutral_phrases.txt` (titles, roles, fixed expressions such as "special envoy",
"live fire", "interest rates"), so that words scored only by collocation do not move the tone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from textblob.en import sentiment as pattern_engine

from nzus_analysis._tables import per_article, table
from nzus_analysis.compare.groups import Groups, difference_table
from nzus_analysis.measures.engines import pattern_sentiment, vader_compound, vader_lexicon
from nzus_analysis.resources import data_path, read_mapping, uncommented
from nzus_analysis.text.actors import load_actors
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.terms import Term, counting_terms, sentence_terms, term_finder
from nzus_analysis.text.tokens import sentence_tokens, sentences, tokenize, word_count

KEYS = ["article_id", "paragraph", "sentence"]
PLACEHOLDER = "entity"  # in neither engine's lexicon
VADER_THRESHOLD = 0.05
MAX_SCORED_CHARS = 4000  # longer sentences are scored in pieces (see `text_scores`)


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
    found = terms_found if terms_found is not None else counting_terms(tokenize(text, offset=offset))
    spans = [(t.start, t.end) for t in found if " " in t.term]
    spans += [(m.start + offset, m.end + offset) for m in load_actors().mentions(text)]
    return merge_spans(spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@cache
def _neutral_pattern() -> re.Pattern[str] | None:
    lines = uncommented(data_path("lexicons", "neutral_phrases.txt")).read().splitlines()
    phrases = sorted({line.strip() for line in lines if line.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    words = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def neutral_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `data/lexicons/neutral_phrases.txt` phrases in `text` (whole words, any case)."""
    pattern = _neutral_pattern()
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


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


class ScoreRow(NamedTuple):
    """A row of `score_table`: one sentence, raw and name-masked scores from both engines."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    text: str
    n_tokens: int
    polarity: float  # TextBlob, -1..1
    subjectivity: float  # TextBlob, 0..1
    compound: float  # VADER, -1..1
    polarity_masked: float
    subjectivity_masked: float
    compound_masked: float
    masked: str  # the names replaced, "; "-joined
    tone: str  # VADER convention on the masked compound
    polarity_neutral: float  # names and non-evaluative phrases masked
    compound_neutral: float


def _pieces(text: str, size: int) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters, at a space where there is one."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + 1, start + size + 1)
        cut = cut if cut > start else start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def text_scores(text: str) -> tuple[float, float, float]:
    """(polarity, subjectivity, compound) of a sentence: exactly the engines' own scores.

    Both engines take time that grows with the square of a sentence's length in places (pattern
    on one long run without spaces, VADER on text holding an emoji). A sentence longer than
    `MAX_SCORED_CHARS` (4,000 characters; the longest of the 41,205 BBC sentences has 2,002) is
    therefore scored as the length-weighted mean of pieces of at most that size, cut at spaces:
    linear time, and never reached by ordinary prose.
    """
    if len(text) <= MAX_SCORED_CHARS:
        return (*pattern_sentiment(text), vader_compound(text))
    pieces = _pieces(text, MAX_SCORED_CHARS)
    weights = np.array([len(piece) for piece in pieces], dtype=float)
    scores = np.array([(*pattern_sentiment(piece), vader_compound(piece)) for piece in pieces])
    polarity, subjectivity, compound = (weights @ scores) / weights.sum()
    return float(polarity), float(subjectivity), float(compound)


def _score_rows(article: Article) -> Iterable[tuple]:
    for s, tokens, found in zip(
        sentences(article), sentence_tokens(article), sentence_terms(article), strict=True
    ):
        spans = [(start - s.start, end - s.start) for start, end in name_spans(s.text, s.start, found)]
        polarity, subjectivity, compound = text_scores(s.text)
        if spans:
            masked_text, names = mask_names(s.text, spans)
            polarity_m, subjectivity_m, compound_m = text_scores(masked_text)
        else:  # nothing masked: the masked text is the text
            names, polarity_m, subjectivity_m, compound_m = [], polarity, subjectivity, compound
        phrases = neutral_spans(s.text)
        if phrases:
            polarity_n, _, compound_n = text_scores(mask_names(s.text, merge_spans([*spans, *phrases]))[0])
        else:
            polarity_n, compound_n = polarity_m, compound_m
        yield (
            article.id, article.year, s.paragraph, s.sentence, s.text, word_count(tokens), polarity,
            subjectivity, compound, polarity_m, subjectivity_m, compound_m, "; ".join(names),
            tone(compound_m), polarity_n, compound_n,
        )  # fmt: skip


def score_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per sentence with raw and name-masked scores from both engines (columns: `ScoreRow`)."""
    return per_article(corpus, _score_rows, ScoreRow)


# ---- explanations -----------------------------------------------------------------------------------


class DriverRow(NamedTuple):
    """A row of `driver_table`."""

    engine: str  # "textblob" or "vader"
    words: str
    score: float


def driver_table(text: str, mask: bool = True) -> pd.DataFrame:
    """The words that move each engine's score for one sentence.

    TextBlob: each assessed phrase with its polarity (the sentence polarity is their mean).
    VADER: each word found in its lexicon with the lexicon valence (−4…4), before VADER's rules
    for negation, intensifiers, capitals and "but" adjust it. Columns: `DriverRow`.
    """
    scored = mask_names(text)[0] if mask else text
    rows = [
        ("textblob", " ".join(words), polarity)
        for words, polarity, _subjectivity, _label in pattern_engine(scored).assessments
    ]
    rows += [
        ("vader", text[start:end], valence) for start, end, valence in vader_driver_spans(text, mask=mask)
    ]
    return table(rows, DriverRow)


def vader_driver_spans(text: str, offset: int = 0, mask: bool = True) -> list[tuple[int, int, float]]:
    """(start, end, valence) of each word of `text` in VADER's lexicon, names left out (as masked)
    unless `mask` is False.

    Offsets are into `text` + `offset`; valence is the lexicon's (−4…4), before VADER's rules.
    """
    lexicon, names = vader_lexicon(), name_spans(text) if mask else []
    spans = []
    for token in tokenize(text):
        if any(start < token.end and token.start < end for start, end in names):
            continue
        valence = lexicon.get(token.text.lower().replace("’", "'"))
        if valence is not None:
            spans.append((token.start + offset, token.end + offset, valence))
    return spans


def drivers(text: str, engine: str = "textblob", mask: bool = True) -> str:
    """One-line summary of `driver_table` (non-zero scores only): "very pleased (+0.65); worry (−1.90)"."""
    table = driver_table(text, mask)
    table = table[(table.engine == engine) & (table.score != 0)]
    return "; ".join(f"{w} ({s:+.2f})" for w, s in zip(table.words, table.score, strict=True))


def with_drivers(scores: pd.DataFrame) -> pd.DataFrame:
    """`scores` plus textblob_drivers and vader_drivers columns (masked text), one per sentence."""
    return scores.assign(
        textblob_drivers=scores.text.map(lambda t: drivers(t, "textblob")),
        vader_drivers=scores.text.map(lambda t: drivers(t, "vader")),
    )


# ---- aggregates -------------------------------------------------------------------------------------


class ArticleToneRow(NamedTuple):
    """A row of `article_tone_table`."""

    article_id: str
    year: int
    n_sentences: int
    polarity_mean: float
    polarity_weighted: float  # weighted by the sentence's word tokens
    compound_mean: float
    positive_share: float  # share of sentences by VADER's ±0.05
    neutral_share: float
    negative_share: float
    subjectivity_mean: float


def article_tone_table(scores: pd.DataFrame, masked: bool = True) -> pd.DataFrame:
    """Per article: mean and token-weighted mean polarity, mean compound, tone shares, subjectivity.

    Columns: `ArticleToneRow`. Uses the masked scores unless `masked` is False. Rounded to 3
    decimals.
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
    return table(rows, ArticleToneRow).round(3)


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


class IntervalRow(NamedTuple):
    """A row of `article_interval_table` (rounded to 3)."""

    article_id: str
    year: int
    score: str  # the score column
    mean: float
    low: float
    high: float


def article_interval_table(
    scores: pd.DataFrame,
    columns: Sequence[str] = ("polarity_masked", "compound_masked"),
    n_resamples: int = 5000,
    seed: int = 2025,
) -> pd.DataFrame:
    """Mean of each score per article with a bootstrap 95 % interval (columns: `IntervalRow`)."""
    rows = []
    for (article_id, year), g in scores.groupby(["article_id", "year"]):
        for column in columns:
            rows.append((article_id, int(year), column, *bootstrap_mean(g[column], n_resamples, seed)))
    return table(rows, IntervalRow).round(3)


#: The score columns `tone_difference_table` compares, masked first.
TONE_SCORES = (
    "compound_masked", "polarity_masked", "subjectivity_masked", "compound", "polarity",
    "compound_neutral", "polarity_neutral",
)  # fmt: skip


def tone_difference_table(
    scores: pd.DataFrame, groups: Groups, n_resamples: int = 5000, seed: int = 2025
) -> pd.DataFrame:
    """Group A minus group B for each score in `TONE_SCORES` (`groups.difference_table` columns).

    With at least `groups.MIN_ARTICLES` articles a group the unit is the article; with fewer the
    difference is described over sentences (paragraph-block bootstrap, sentence permutation).
    """
    return difference_table(scores, groups, TONE_SCORES, n_resamples, seed)


class ToneByLabelRow(NamedTuple):
    """A row of `tone_by_label_table`; the ``label`` column takes the name of the label column."""

    article_id: str
    year: int
    label: str
    n_sentences: int
    polarity_mean: float
    compound_mean: float
    positive_share: float
    negative_share: float


def tone_by_label_table(scores: pd.DataFrame, labels: pd.DataFrame, group: str) -> pd.DataFrame:
    """Mean masked scores per article and label, joining on (article_id, paragraph, sentence).

    `labels` has the key columns and a `group` column (e.g. voice from
    `voices.sentence_voice_table`, frame from `frames.sentence_frame_table`, side from `sentence_side_table`);
    a sentence with several labels counts once in each. Columns: `ToneByLabelRow` with
    ``label`` named after `group` (rounded to 3).
    """
    joined = scores.merge(labels[[*KEYS, group]], on=KEYS, how="inner")
    rows = []
    for (article_id, year, label), g in joined.groupby(["article_id", "year", group]):
        tones = g.compound_masked.map(tone)
        rows.append((article_id, int(year), label, len(g), g.polarity_masked.mean(), g.compound_masked.mean(),
                     (tones == "positive").mean(), (tones == "negative").mean()))  # fmt: skip
    return table(rows, ToneByLabelRow).rename(columns={"label": group}).round(3)


class GroupToneRow(NamedTuple):
    """A row of `group_tone_table`; the ``label`` column takes the name of the label column."""

    group: str
    label: str
    n_articles: int
    n_sentences: int
    polarity_mean: float
    compound_mean: float
    positive_share: float
    negative_share: float


def group_tone_table(scores: pd.DataFrame, labels: pd.DataFrame, label: str, groups: Groups) -> pd.DataFrame:
    """`tone_by_label_table` per group instead of per article: means over the group's sentences.

    Columns: `GroupToneRow` with ``label`` named after `label` (rounded to 3); only the two
    groups' articles count.
    """
    joined = groups.tag(scores).merge(labels[[*KEYS, label]], on=KEYS, how="inner")
    rows = []
    for (group, value), g in joined.groupby(["group", label], observed=True):
        tones = g.compound_masked.map(tone)
        positive, negative = (tones == "positive").mean(), (tones == "negative").mean()
        rows.append((str(group), value, g.article_id.nunique(), len(g), g.polarity_masked.mean(),
                     g.compound_masked.mean(), positive, negative))  # fmt: skip
    return table(rows, GroupToneRow).rename(columns={"label": label}).round(3)


# ---- sides mentioned ------------------------------------------------------------------------------


@cache
def side_terms() -> dict[str, str]:
    """Counting term -> side code (US, NZ, CN) from `data/lexicons/sides.csv`."""
    return read_mapping("lexicons/sides.csv", "term", "side")


@cache
def side_finder() -> re.Pattern[str]:
    """Matches raw text wherever a side term may stand (`terms.term_finder`): sentences it does
    not match need no tokenizing to find side mentions."""
    return term_finder(side_terms())


def sides() -> frozenset[str]:
    """The side codes `data/lexicons/sides.csv` lists (US, NZ, CN)."""
    return frozenset(side_terms().values())


class SideRow(NamedTuple):
    """A row of `sentence_side_table`."""

    article_id: str
    paragraph: int
    sentence: int
    side: str  # a code from `sides()`, or "none"


def _side_rows(article: Article) -> Iterable[tuple]:
    terms_to_side, codes, actors = side_terms(), sides(), load_actors()
    for s, sentence in zip(sentences(article), sentence_terms(article), strict=True):
        found = {terms_to_side[t.term] for t in sentence if t.term in terms_to_side}
        found |= {m.actor.country for m in actors.mentions(s.text) if m.actor.country in codes}
        for side in sorted(found) or ["none"]:
            yield (article.id, s.paragraph, s.sentence, side)


def sentence_side_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """Which sides each sentence mentions; one row per (sentence, side), "none" if none.

    A side is mentioned by a listed term (`data/lexicons/sides.csv`) or an actor of that country.
    Columns: `SideRow`.
    """
    return per_article(corpus, _side_rows, SideRow)


class ExtremeSentenceRow(NamedTuple):
    """A row of `extreme_sentence_table`."""

    article_id: str
    end: str  # "most positive" or "most negative"
    sentence: int
    score: float
    text: str
    textblob_drivers: str
    vader_drivers: str


def extreme_sentence_table(scores: pd.DataFrame, k: int = 3, column: str = "compound_masked") -> pd.DataFrame:
    """The k most positive and k most negative sentences per article, with their driving words.

    Columns: `ExtremeSentenceRow`.
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
    return table(rows, ExtremeSentenceRow)
