"""Tone toward an actor or a side at one mention: a trained target-aware model and the lexicon rule.

`target_stance(text, start, end)` says what the text says about the mention ``text[start:end]``:
a logistic regression over target-aware features (`stance_features`: the words around the
mention with the mention masked, their position left or right of it, the sentence's words and
word pairs, the mention's clause, VADER and TextBlob scores of the masked clause and sentence,
negation near the mention, whether it sits inside a quotation). It was trained on NewsMTSC's
train split by `benchmarks/train_stance.py` (deterministic; cross-validated on train only) and
ships as `data/models/stance_lr.npz`; nothing is downloaded. Its score is P(positive) −
P(negative), −1…1; its label the most probable class.

`lexicon_stance` is the rule it replaces and beats: VADER's compound over the mention's clause
(cut at ``; : — ( )`` and sentence ends) with the mention, every other name (known names and
aliases, any run of two or more capitalised words) and the non-evaluative phrases of
`data/lexicons/neutral_phrases.txt` masked. `benchmarks/eval_stance.py` scores both on
NewsMTSC's devtest_mt (README). `stance_table(corpus)` gives one row per mention of an actor or
a side (US, NZ, China, …); `side_stance_table(stance, groups)` compares the tone toward each side
between two groups.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._tables import per_article, table
from .actors import load_actors
from .corpus import Article
from .engines import pattern_sentiment, vader_compound, vader_lexicon
from .errors import InputError
from .groups import Groups, difference_table
from .quotes import quote_table
from .resources import data_path
from .sentiment import (
    MAX_SCORED_CHARS,
    PLACEHOLDER,
    mask_names,
    merge_spans,
    name_spans,
    neutral_spans,
    side_terms,
    tone,
)
from .terms import sentence_terms
from .tokens import sentences

LABELS = ("negative", "neutral", "positive")
UNSCORED = "unscored"  # the label of mentions in over-long "sentences" (see `stance_table`)
_CLAUSE_BREAK = re.compile(r"[;:—–()\n]|[.!?](?=\s)")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last break before it to the first after it."""
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    after = _CLAUSE_BREAK.search(text, end)
    return left, after.start() if after else len(text)


def _check_span(text: str, start: int, end: int) -> None:
    if not text.strip():
        raise ValueError("stance: the text is empty")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"stance: {start}:{end} is not a non-empty span of the {len(text)}-char text")


#: Characters read on each side of a mention: stance looks at its neighbourhood, so a mention in
#: a huge run-on "sentence" costs no more than one in a news sentence (linear time overall).
CONTEXT_CHARS = 300


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """text cut to `CONTEXT_CHARS` around text[start:end] (at spaces), with the span's new offsets."""
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return text[left:right], start - left, end - left


def lexicon_stance(text: str, start: int, end: int) -> tuple[str, float]:
    """The lexicon rule: (label, VADER compound of the masked clause) for ``text[start:end]``.

    Raises ValueError for empty text or a span that is empty or outside the text.
    """
    _check_span(text, start, end)
    return _lexicon_stance(*_window(text, start, end))


@lru_cache(maxsize=4096)
def _lexicon_stance(text: str, start: int, end: int) -> tuple[str, float]:
    left, right = _clause(text, start, end)
    clause = text[left:start] + PLACEHOLDER + text[end:right]
    spans = name_spans(clause) + neutral_spans(clause) + [m.span() for m in _CAPITALISED_RUN.finditer(clause)]
    masked, _ = mask_names(clause, merge_spans(spans))
    score = round(vader_compound(masked), 4)
    return tone(score), score


_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_NEGATION = frozenset({"not", "no", "never", "n't", "nor", "without", "hardly"})
#: Hashed feature space of the stance model (crc32 of the feature name, modulo this).
FEATURE_DIM = 2**18


def _bin(score: float) -> str:
    """−1…1 in seven equal bins, "0"…"6"."""
    return str(min(6, max(0, int((score + 1) * 3.5))))


def stance_features(text: str, start: int, end: int) -> list[str]:
    """The model's features for the mention ``text[start:end]`` (names, see the module docstring);
    only `CONTEXT_CHARS` on each side of the mention are read."""
    _check_span(text, start, end)
    text, start, end = _window(text, start, end)
    lexicon = vader_lexicon()
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    words: list[str] = []
    target = -1
    for a, b, word in tokens:
        if a < end and start < b:
            if target < 0:
                target = len(words)
                words.append("<t>")
            continue
        words.append(word)
    target = max(target, 0)
    found = ["s:" + w for w in words]
    found += ["b:" + words[i] + "_" + words[i + 1] for i in range(len(words) - 1)]
    for d in range(1, 6):
        if target - d >= 0:
            found.append(f"l{min(d, 3)}:" + words[target - d])
        if target + d < len(words):
            found.append(f"r{min(d, 3)}:" + words[target + d])
    label, score = lexicon_stance(text, start, end)
    found += ["vc:" + _bin(score), "vl:" + label]
    left, right = _clause(text, start, end)
    found += ["c:" + w for a, b, w in tokens if left <= a and b <= right and not (a < end and start < b)]
    window = words[max(0, target - 6) : target] + words[target + 1 : target + 7]
    positive = sum(1 for w in window if lexicon.get(w, 0) > 0)
    negative = sum(1 for w in window if lexicon.get(w, 0) < 0)
    found += [f"wpos:{min(positive, 3)}", f"wneg:{min(negative, 3)}"]
    if any(w in _NEGATION for w in window):
        found.append("negwin")
    found.append("tpos:" + ("first" if target == 0 else "early" if target < 4 else "late"))
    before = text[:start]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        found.append("inquote")
    masked = text[:start] + " entity " + text[end:]
    found.append("vs:" + _bin(vader_compound(mask_names(masked)[0])))
    found.append("tb:" + _bin(pattern_sentiment(text[left:start] + " entity " + text[end:right])[0]))
    for d in (1, 2):
        if target - d >= 0 and target + 1 < len(words):
            found.append(f"lr{d}:" + words[target - d] + "|" + words[target + 1])
    return found


def feature_indices(features: Iterable[str]) -> list[int]:
    """Each feature name's column in the model (crc32 modulo `FEATURE_DIM`: no table to ship)."""
    return [zlib.crc32(name.encode("utf-8")) % FEATURE_DIM for name in features]


@dataclass(frozen=True)
class StanceModel:
    """A multinomial logistic regression over hashed features: weights (classes × FEATURE_DIM)."""

    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray

    def contributions(self, text: str, start: int, end: int) -> list[tuple[str, float]]:
        """Each feature of the mention with its push on the score (positive minus negative weight)."""
        features = stance_features(text, start, end)
        positive, negative = self.labels.index("positive"), self.labels.index("negative")
        push = self.weights[positive] - self.weights[negative]
        return [
            (name, float(push[column]))
            for name, column in zip(features, feature_indices(features), strict=True)
        ]

    def probabilities(self, text: str, start: int, end: int) -> dict[str, float]:
        columns = feature_indices(stance_features(text, start, end))
        logits = self.weights[:, columns].sum(axis=1).astype(float) + self.bias
        exp = np.exp(logits - logits.max())
        return dict(zip(self.labels, (exp / exp.sum()).tolist(), strict=True))


MODEL_FILE = ("models", "stance_lr.npz")


@cache
def load_stance_model(path: str | Path | None = None) -> StanceModel:
    """The shipped stance model (`data/models/stance_lr.npz`), or one saved by the training script."""
    source = Path(path) if path is not None else data_path(*MODEL_FILE)
    if not source.is_file():
        raise InputError(source, "stance model not found (train it: benchmarks/train_stance.py)")
    with np.load(source) as stored:
        if int(stored["feature_dim"]) != FEATURE_DIM:
            raise InputError(
                source, f"model has {int(stored['feature_dim'])} features, expected {FEATURE_DIM}"
            )
        labels = tuple(str(label) for label in stored["labels"])
        return StanceModel(labels, stored["weights"].astype(np.float32), stored["bias"].astype(float))


def target_stance(text: str, start: int, end: int) -> tuple[str, float]:
    """(label, score) of the tone toward the mention ``text[start:end]``: the trained model.

    Score is P(positive) − P(negative), −1…1. Raises ValueError for empty text or a span that is
    empty or outside the text.
    """
    _check_span(text, start, end)
    return _target_stance(*_window(text, start, end))


@lru_cache(maxsize=4096)
def _target_stance(text: str, start: int, end: int) -> tuple[str, float]:
    """`target_stance` on a window; cached, so a repeated passage is scored once."""
    probabilities = load_stance_model().probabilities(text, start, end)
    label = max(probabilities, key=lambda name: probabilities[name])
    return label, round(probabilities["positive"] - probabilities["negative"], 4)


class StanceRow(NamedTuple):
    """A row of `stance_table`: one mention of an actor or a side, and the tone toward it."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    start: int  # offsets into Article.text
    end: int
    mention: str
    actor: str  # canonical name from data/actors.csv, or the side term ("china", "new zealand")
    side: str  # country code (US, NZ, CN, …) of the actor or term, "" when it has none
    is_speaker: bool  # the mentioned actor is the speaker of a statement in this sentence
    label: str  # negative | neutral | positive | unscored
    score: float  # the model's P(positive) − P(negative), −1…1


def _speakers_by_sentence(quotes: pd.DataFrame) -> dict[str, dict[int, set[str]]]:
    """Article id -> sentence -> the speakers of statements in that sentence."""
    found: dict[str, dict[int, set[str]]] = {}
    for article_id, sentence, speaker in zip(quotes.article_id, quotes.sentence, quotes.speaker, strict=True):
        found.setdefault(article_id, {}).setdefault(int(sentence), set()).add(speaker)
    return found


def _stance_rows(article: Article, speakers: dict[int, set[str]]) -> Iterable[tuple]:
    actors, sides = load_actors(), side_terms()
    for s, found in zip(sentences(article), sentence_terms(article), strict=True):
        mentions = [
            (m.start, m.end, m.text, m.actor.canonical, m.actor.country) for m in actors.mentions(s.text)
        ]
        taken = [(a, b) for a, b, *_ in mentions]
        for term in found:
            start, end = term.start - s.start, term.end - s.start
            if term.term in sides and not any(a < end and start < b for a, b in taken):
                mentions.append((start, end, s.text[start:end], term.term, sides[term.term]))
        too_long = len(s.text) > MAX_SCORED_CHARS  # not prose: see `stance_table`
        for start, end, text, actor, side in sorted(mentions):
            label, score = (UNSCORED, float("nan")) if too_long else target_stance(s.text, start, end)
            yield (
                article.id, article.year, s.paragraph, s.sentence, s.start + start, s.start + end, text,
                actor, side, actor in speakers.get(s.sentence, ()), label, score,
            )  # fmt: skip


def stance_table(corpus: Iterable[Article], quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tone toward every mention of an actor (`data/actors.csv`) or a side term
    (`data/lexicons/sides.csv`), one row each, in text order: `StanceRow`.

    `quotes` may pass the same articles' `quotes.quote_table` (for ``is_speaker``) when the
    caller has it; otherwise it is computed. Mentions in a "sentence" longer than
    `sentiment.MAX_SCORED_CHARS` (4,000 characters; the longest BBC sentence has 2,002) are kept
    with label "unscored" and a NaN score: such text is not prose, and scoring its every mention
    would cost seconds per kilobyte.
    """
    articles = list(corpus)
    speakers = _speakers_by_sentence(quote_table(articles) if quotes is None else quotes)
    return per_article(articles, lambda a: _stance_rows(a, speakers.get(a.id, {})), StanceRow)


class StanceExampleRow(NamedTuple):
    """A row of `stance_example_table`: a mention whose tone pulls furthest one way for its side."""

    article_id: str
    side: str
    mention: str
    score: float
    clause: str  # the mention's clause, as written
    drivers: str  # the model features that pushed the score most, with their push


def stance_example_table(
    stance: pd.DataFrame, corpus: Iterable[Article], k: int = 2, n_drivers: int = 4
) -> pd.DataFrame:
    """Per article and side, the `k` most negative and `k` most positive mentions with the
    features that moved the model most (columns: `StanceExampleRow`). Feature names: ``s:`` a
    word of the sentence, ``b:`` a word pair, ``l1``/``r1``… the words left or right of the
    mention, ``c:`` a word of its clause, ``vc``/``vs``/``tb`` binned lexicon scores."""
    texts = {a.id: a for a in corpus}
    model = load_stance_model()
    rows = []
    for (article_id, side), part in stance[stance.side != ""].groupby(["article_id", "side"], sort=True):
        chosen = pd.concat([part.nsmallest(k, "score"), part.nlargest(k, "score")]).drop_duplicates()
        article = texts[article_id]
        for row in chosen.itertuples():
            sentence = next(s for s in sentences(article) if s.sentence == row.sentence)
            start, end = row.start - sentence.start, row.end - sentence.start
            left, right = _clause(sentence.text, start, end)
            pushes = sorted(model.contributions(sentence.text, start, end), key=lambda f: -abs(f[1]))
            drivers = "; ".join(f"{name} ({value:+.2f})" for name, value in pushes[:n_drivers])
            rows.append(
                (article_id, side, row.mention, row.score, sentence.text[left:right].strip(), drivers)
            )
    return table(rows, StanceExampleRow)


class SideStanceRow(NamedTuple):
    """A row of `side_stance_table`: tone toward one side, group A against group B."""

    side: str
    n_mentions_a: int
    n_mentions_b: int
    mean_a: float  # mean stance score of the group's mentions of the side (NaN: none)
    mean_b: float
    difference: float  # A − B, with the interval and p-value of `groups.difference_table`
    low: float
    high: float
    p_value: float
    unit: str  # "article", "sentence", or "" when a group has no mention


def side_stance_table(
    stance: pd.DataFrame,
    groups: Groups,
    sides: Sequence[str] = ("US", "NZ", "CN"),
    n_resamples: int = 5000,
    seed: int = 2025,
) -> pd.DataFrame:
    """Tone toward each side per group, with `groups.difference_table`'s uncertainty (over
    articles with ≥ 5 a group, else described over mentions). Columns: `SideStanceRow`."""
    tagged = groups.tag(stance)
    rows = []
    for side in sides:
        part = tagged[tagged.side == side]
        n_a, n_b = int((part.group == groups.a).sum()), int((part.group == groups.b).sum())
        if n_a and n_b:
            d = difference_table(part, groups, ["score"], n_resamples, seed).iloc[0]
            rows.append((side, n_a, n_b, d.mean_a, d.mean_b, d.difference, d.low, d.high, d.p_value, d.unit))
        else:
            means = part.groupby("group", observed=False).score.mean()
            nan = float("nan")
            rows.append(
                (side, n_a, n_b, means.get(groups.a, nan), means.get(groups.b, nan), nan, nan, nan, nan, "")
            )
    return table(rows, SideStanceRow).round(3)
