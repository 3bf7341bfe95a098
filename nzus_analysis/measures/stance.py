"""Tone toward an actor or a side at one mention: trained target-aware models and the lexicon rule.

`target_stance(text, start, end)` says what the text says about the mention ``text[start:end]``.
The default model is all-MiniLM-L6-v2 fine-tuned on NewsMTSC's train split to read the tone
toward a mention marked in its sentence (`benchmarks/train_stance_encoder.py`, shipped as
`data/models/stance_encoder.npz`): "encoder" (the default, `DEFAULT_STANCE_MODEL`) runs it as
integer products (`int8_encoder`); "encoder-float32" as the exact NumPy port (`encoder`), ~3×
slower and the reference. The integer form is machine-dependent: its scores move by up to a few
hundredths between CPUs, as its activations are rounded to 7 bits after float steps whose last
bits differ by CPU; figures that must reproduce on other machines (the notebooks') use
"encoder-float32". "linear" is
a logistic regression over target-aware features (`stance_features`: the words around the
mention with the mention masked, their position left or right of it, the sentence's words and
word pairs, the mention's clause, VADER and TextBlob scores of the masked clause and sentence,
negation near the mention, whether it sits inside a quotation; `benchmarks/train_stance.py`,
`data/models/stance_lr.npz`). Nothing is downloaded. Scores are P(positive) − P(negative),
−1…1; the label is the most probable class.

`lexicon_stance` is the rule the models replace and beat: VADER's compound over the mention's
clause (cut at ``; : — ( )`` and sentence ends) with the mention, every other name (known names
and aliases, any run of two or more capitalised words) and the non-evaluative phrases of
`data/lexicons/neutral_phrases.txt` masked. `benchmarks/eval_stance.py` scores them all on
NewsMTSC's devtest_mt (README). `stance_table(corpus)` gives one row per mention of an actor or
a side (US, NZ, China, …); `side_stance_table(stance, groups)` compares the tone toward each side
between two groups.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis._workers import chunked, map_chunks
from nzus_analysis.compare.groups import Groups, difference_table
from nzus_analysis.errors import InputError
from nzus_analysis.measures.engines import pattern_sentiment, vader_compound, vader_lexicon
from nzus_analysis.measures.sentiment import (
    MAX_SCORED_CHARS,
    PLACEHOLDER,
    mask_names,
    merge_spans,
    name_spans,
    neutral_spans,
    side_finder,
    side_terms,
    tone,
)
from nzus_analysis.models.encoder import (
    MARK_END,
    MARK_START,
    Encoder,
    WordPiece,
    length_batches,
    padded,
    pair_ids,
    read_encoder,
    read_wordpiece,
)
from nzus_analysis.models.int8_encoder import Int8Encoder
from nzus_analysis.quotes import quote_table
from nzus_analysis.resources import model_file
from nzus_analysis.text.actors import load_actors
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.people import most_given_countries, person_mentions
from nzus_analysis.text.terms import Term, counting_terms, sentence_terms
from nzus_analysis.text.tokens import PARSE_CACHE_SIZE, Sentence, sentences, split_sentences, tokenize

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
    source = model_file(path, MODEL_FILE, "benchmarks/train_stance.py")
    with np.load(source) as stored:
        if int(stored["feature_dim"]) != FEATURE_DIM:
            raise InputError(
                source, f"model has {int(stored['feature_dim'])} features, expected {FEATURE_DIM}"
            )
        labels = tuple(str(label) for label in stored["labels"])
        return StanceModel(labels, stored["weights"].astype(np.float32), stored["bias"].astype(float))


@dataclass(frozen=True)
class EncoderStanceModel:
    """A MiniLM encoder fine-tuned for tone toward a marked mention (`encoder`): the float32
    NumPy port or its integer form (`int8_encoder`)."""

    labels: tuple[str, ...]
    wordpiece: WordPiece
    encoder: Encoder | Int8Encoder
    head_weight: np.ndarray  # ([CLS] vector, mean vector) -> class logits
    head_bias: np.ndarray
    max_length: int

    def ids(self, text: str, start: int, end: int) -> tuple[list[int], list[int]]:
        """Token ids and types: the text with the mention between marks, then the mention."""
        marked = f"{text[:start]} {MARK_START} {text[start:end]} {MARK_END} {text[end:]}"
        return pair_ids(self.wordpiece, marked, text[start:end], self.max_length)

    def probability_table(self, spans: Sequence[tuple[str, int, int]]) -> np.ndarray:
        """Class probabilities (rows in `spans` order, columns in `labels` order). Identical
        inputs (a story repeated in a corpus) run once; inputs of similar length run together,
        so padding costs little."""
        row_of: dict[tuple[int, ...], int] = {}
        encoded: list[tuple[list[int], list[int]]] = []
        rows = []
        for text, start, end in spans:
            token_ids, token_types = self.ids(text, start, end)
            key = (*token_ids, *token_types)
            if key not in row_of:
                row_of[key] = len(encoded)
                encoded.append((token_ids, token_types))
            rows.append(row_of[key])
        return self._probabilities(encoded)[rows]

    def _probabilities(self, encoded: list[tuple[list[int], list[int]]], batch: int = 32) -> np.ndarray:
        result = np.zeros((len(encoded), len(self.labels)), dtype=np.float32)
        for chosen in length_batches([len(ids) for ids, _ in encoded], batch):
            ids, types, mask = padded([encoded[i] for i in chosen])
            hidden = self.encoder.hidden(ids, types, mask)
            mean = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            logits = np.concatenate([hidden[:, 0], mean], axis=1) @ self.head_weight + self.head_bias
            exp = np.exp(logits - logits.max(axis=1, keepdims=True))
            result[chosen] = exp / exp.sum(axis=1, keepdims=True)
        return result

    def word_pushes(self, text: str, start: int, end: int) -> list[tuple[str, float]]:
        """Each word of the text outside the mention with how much the score (P(positive) −
        P(negative)) falls when that word is left out: the words that moved the model."""
        words = [
            m
            for m in _WORD.finditer(text)
            if (m.end() <= start or m.start() >= end) and m.group()[0].isalnum()
        ]
        spans = [(text, start, end)]
        for m in words:
            shift = m.end() - m.start()
            spans.append((text[: m.start()] + text[m.end() :], start - (shift if m.end() <= start else 0),
                          end - (shift if m.end() <= start else 0)))  # fmt: skip
        probabilities = self.probability_table(spans)
        positive, negative = self.labels.index("positive"), self.labels.index("negative")
        scores = probabilities[:, positive] - probabilities[:, negative]
        return [(m.group(), float(scores[0] - scores[i + 1])) for i, m in enumerate(words)]


ENCODER_FILE = ("models", "stance_encoder.npz")
# the `model=` choices: the fine-tuned encoder in integer arithmetic (the default; machine-dependent
# in the second decimal), the same encoder in float32 (the exact NumPy port, ~3× slower, the same
# on every machine to print precision), the hashed-feature regression
STANCE_MODELS = ("encoder", "encoder-float32", "linear")
DEFAULT_STANCE_MODEL = "encoder"
_ENCODER_PRECISION = {"encoder": "int8", "encoder-float32": "float32"}


@cache
def load_encoder_model(path: str | Path | None = None, precision: str = "int8") -> EncoderStanceModel:
    """The shipped encoder (`data/models/stance_encoder.npz`), or one the training script saved;
    `precision` "int8" runs it with `int8_encoder.Int8Encoder`, "float32" with `encoder.Encoder`."""
    if precision not in ("int8", "float32"):
        raise ValueError(f'precision must be "int8" or "float32", not {precision!r}')
    source = model_file(path, ENCODER_FILE, "benchmarks/train_stance_encoder.py")
    with np.load(source) as stored:
        arrays = {name: stored[name] for name in stored.files if not name.startswith("reference.")}
    max_length = int(arrays["shape"][2])
    labels = tuple(str(label) for label in arrays.pop("labels"))
    head_weight, head_bias = arrays.pop("head.weight"), arrays.pop("head.bias")
    encoder: Encoder | Int8Encoder
    if precision == "int8":
        wordpiece, encoder = read_wordpiece(arrays), Int8Encoder.from_arrays(arrays)
    else:
        wordpiece, encoder = read_encoder(arrays)
    return EncoderStanceModel(labels, wordpiece, encoder, head_weight, head_bias, max_length)


def _check_model(model: str) -> None:
    if model not in STANCE_MODELS:
        raise ValueError(f"model must be one of {STANCE_MODELS}, not {model!r}")


def _sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding text[start:end] (the encoder was trained on single sentences); the
    `CONTEXT_CHARS` window when the mention straddles sentences."""
    for s_start, s_end in split_sentences(text):
        if s_start <= start and end <= s_end:
            if s_end - s_start > 2 * CONTEXT_CHARS:
                break
            return text[s_start:s_end], start - s_start, end - s_start
    return _window(text, start, end)


def target_stance(text: str, start: int, end: int, model: str = DEFAULT_STANCE_MODEL) -> tuple[str, float]:
    """(label, score) of the tone toward the mention ``text[start:end]``.

    `model`: "encoder" (the fine-tuned MiniLM in integer arithmetic, the default; its scores
    differ between CPUs by up to a few hundredths), "encoder-float32" (the same in float32: the
    reference, ~3× slower, the same on every machine to print precision) or "linear" (the
    hashed-feature regression: faster still, less accurate; README). Score is P(positive) −
    P(negative), −1…1. Raises ValueError for empty text, a span that is empty or outside the
    text, or an unknown model.
    """
    _check_span(text, start, end)
    _check_model(model)
    if model == "linear":
        return _linear_stance(*_window(text, start, end))
    return _encoder_stance(*_sentence_around(text, start, end), _ENCODER_PRECISION[model])


def _label_and_score(labels: Sequence[str], probabilities: Sequence[float]) -> tuple[str, float]:
    by_label = dict(zip(labels, probabilities, strict=True))
    label = max(by_label, key=lambda name: by_label[name])
    return label, round(float(by_label["positive"] - by_label["negative"]), 4)


@lru_cache(maxsize=4096)
def _linear_stance(text: str, start: int, end: int) -> tuple[str, float]:
    """The linear model on a window; cached, so a repeated passage is scored once."""
    probabilities = load_stance_model().probabilities(text, start, end)
    return _label_and_score(list(probabilities), list(probabilities.values()))


@lru_cache(maxsize=4096)
def _encoder_stance(text: str, start: int, end: int, precision: str) -> tuple[str, float]:
    model = load_encoder_model(precision=precision)
    return _label_and_score(model.labels, model.probability_table([(text, start, end)])[0].tolist())


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
    model: str  # the stance model that scored it (one of `STANCE_MODELS`)


def _speakers_by_sentence(quotes: pd.DataFrame) -> dict[str, dict[int, set[str]]]:
    """Article id -> sentence -> the speakers of statements in that sentence."""
    found: dict[str, dict[int, set[str]]] = {}
    for article_id, sentence, speaker in zip(quotes.article_id, quotes.sentence, quotes.speaker, strict=True):
        found.setdefault(article_id, {}).setdefault(int(sentence), set()).add(speaker)
    return found


class FoundMention(NamedTuple):
    """A mention `_mentions` finds in an article, offsets into its sentence."""

    sentence: Sentence
    start: int
    end: int
    text: str
    actor: str
    side: str  # for a person, their country ("" when unknown)
    named: bool  # a person the text names who is not in the actor table (`people.person_mentions`)


def _mentions(article: Article) -> Iterable[FoundMention]:
    """Every mention of an actor (the actor table's, or any person the text names, side their
    country where it gives one) or of a side, in text order."""
    actors, sides, finder = load_actors(), side_terms(), side_finder()
    all_sentences = sentences(article)
    # only a sentence the side finder matches can hold a side term: when few do, only those are
    # tokenized; when most do, the article's (memoised) terms are used
    maybe = [bool(finder.search(s.text)) for s in all_sentences]
    if 2 * sum(maybe) > len(maybe):
        terms_of: Iterable[Sequence[Term]] = sentence_terms(article)
    else:
        terms_of = (
            counting_terms(tokenize(s.text, offset=s.start)) if hit else ()
            for s, hit in zip(all_sentences, maybe, strict=True)
        )
    listed = [actors.mentions(s.text) for s in all_sentences]  # offsets into each sentence
    in_text = [
        replace(m, start=m.start + s.start, end=m.end + s.start)
        for s, own in zip(all_sentences, listed, strict=True)
        for m in own
    ]
    people = person_mentions(article.text, in_text)
    starts = [m.start for m in people]
    for s, own, found in zip(all_sentences, listed, terms_of, strict=True):
        mentions = [(m.start, m.end, m.text, m.actor.canonical, m.actor.country, False) for m in own]
        for m in people[bisect_left(starts, s.start) : bisect_left(starts, s.end)]:  # named in the text
            if m.end <= s.end:
                mentions.append(
                    (m.start - s.start, m.end - s.start, m.text, m.actor.canonical, m.actor.country, True)
                )
        taken = [(a, b) for a, b, *_ in mentions]
        for term in found:
            start, end = term.start - s.start, term.end - s.start
            if term.term in sides and not any(a < end and start < b for a, b in taken):
                mentions.append((start, end, s.text[start:end], term.term, sides[term.term], False))
        for start, end, text, actor, side, named in sorted(mentions):
            yield FoundMention(s, start, end, text, actor, side, named)


def _lend_countries(
    found: list[tuple[Article, FoundMention]], keep_unknown: bool
) -> list[tuple[Article, FoundMention]]:
    """The mentions with each person named in the text given a country where their own article
    does not give one: the actor table's for a name it lists written otherwise ("John key"; the
    table is the curated override), else the one the corpus gives them most often
    (`people.most_given_countries`). A person with no country anywhere keeps side "" when
    `keep_unknown`, else is left out."""
    known = most_given_countries((m.actor, m.side) for _, m in found if m.named)
    known |= {a.canonical: a.country for a in load_actors().actors if a.kind == "person" and a.country}
    kept = []
    for article, m in found:
        if m.named and not m.side:
            if m.actor in known:
                m = m._replace(side=known[m.actor])
            elif not keep_unknown:
                continue
        kept.append((article, m))
    return kept


def stance_scores(
    spans: Sequence[tuple[str, int, int]], model: str = DEFAULT_STANCE_MODEL
) -> list[tuple[str, float]]:
    """(label, score) for each (text, start, end), as `target_stance` gives them; the encoder
    runs them in batches."""
    _check_model(model)
    if model == "linear":
        return [target_stance(text, start, end, "linear") for text, start, end in spans]
    for text, start, end in spans:
        _check_span(text, start, end)
    if not spans:
        return []  # no need to load the encoder's 18 MB
    encoder = load_encoder_model(precision=_ENCODER_PRECISION[model])
    probabilities = encoder.probability_table([_sentence_around(*span) for span in spans])
    return [_label_and_score(encoder.labels, row.tolist()) for row in probabilities]


def stance_table(
    corpus: Iterable[Article],
    quotes: pd.DataFrame | None = None,
    model: str = DEFAULT_STANCE_MODEL,
    workers: int | None = None,
    all_people: bool = True,
) -> pd.DataFrame:
    """Tone toward every mention of an actor (`data/actors.csv`), of a person the text names
    ("New Zealand's Defence Minister Judith Collins", then "Collins"), or of a side term
    (`data/lexicons/sides.csv`), one row each, in text order: `StanceRow`. A person's side is the
    country their article gives them, else the one another article of `corpus` gives most often
    (as in `voices.speaker_table`), else the actor table's, else "" (unknown). With
    ``all_people=False`` the people with no country are left out: on BBC news that is 4,028
    mentions instead of 11,779, for bulk runs that only compare sides (`pipeline.analyse`).

    `model` is one of `STANCE_MODELS` (`target_stance`). `quotes` may pass the same articles'
    `quotes.quote_table` (for ``is_speaker``) when the caller has it; otherwise it is computed.
    `workers` processes find the mentions and quotes (`quotes.quote_table`'s `workers`); the
    encoder uses every core on its own. Mentions in a "sentence" longer than
    `sentiment.MAX_SCORED_CHARS` (4,000 characters; the longest BBC sentence has 2,002) are kept
    with label "unscored" and a NaN score: such text is not prose, and scoring its every mention
    would cost seconds per kilobyte.
    """
    _check_model(model)
    articles = list(corpus)
    load_actors(), side_terms(), side_finder()  # loaded once here: forked workers inherit them
    find = partial(_quotes_and_mentions, find_quotes=quotes is None)
    parts = map_chunks(find, articles, workers)
    if quotes is None:
        quotes = pd.concat([table for tables, _ in parts for table in tables] or [quote_table([])])
    speakers = _speakers_by_sentence(quotes)
    mentions_of = (mentions for _, per_article in parts for mentions in per_article)
    found = [(a, mention) for a, mentions in zip(articles, mentions_of, strict=True) for mention in mentions]
    found = _lend_countries(found, keep_unknown=all_people)
    scored = [(m.sentence.text, m.start, m.end) for _, m in found if len(m.sentence.text) <= MAX_SCORED_CHARS]
    scores = iter(stance_scores(scored, model))
    rows = []
    for article, (s, start, end, text, actor, side, _) in found:
        label, score = (UNSCORED, float("nan")) if len(s.text) > MAX_SCORED_CHARS else next(scores)
        is_speaker = actor in speakers.get(article.id, {}).get(s.sentence, ())
        rows.append((article.id, article.year, s.paragraph, s.sentence, s.start + start, s.start + end, text,
                     actor, side, is_speaker, label, score, model))  # fmt: skip
    return table(rows, StanceRow)


def _quotes_and_mentions(
    articles: list[Article], find_quotes: bool
) -> tuple[list[pd.DataFrame], list[list[FoundMention]]]:
    """The speaker columns of `quote_table` (when `find_quotes`) and each article's `_mentions`,
    a few hundred articles at a time so that the sentences `quote_table` split are still cached
    when `_mentions` reads them."""
    quotes = []
    mentions = []
    for chunk in chunked(articles, PARSE_CACHE_SIZE):
        if find_quotes:
            quotes.append(quote_table(chunk, workers=1)[["article_id", "sentence", "speaker"]])
        mentions += [list(_mentions(article)) for article in chunk]
    return quotes, mentions


class StanceExampleRow(NamedTuple):
    """A row of `stance_example_table`: a mention whose tone pulls furthest one way for its side."""

    article_id: str
    side: str
    mention: str
    score: float
    clause: str  # the mention's clause, as written
    drivers: str  # the model features that pushed the score most, with their push
    model: str  # the stance model read for the drivers


def stance_example_table(
    stance: pd.DataFrame,
    corpus: Iterable[Article],
    k: int = 2,
    n_drivers: int = 4,
    model: str | None = None,
) -> pd.DataFrame:
    """Per article and side, the `k` most negative and `k` most positive mentions with what moved
    the model most (columns: `StanceExampleRow`). Encoder: the words whose removal changes the
    score most, with the change. Linear model: its features (``s:`` a word of the sentence, ``b:``
    a word pair, ``l1``/``r1``… the words left or right of the mention, ``c:`` a word of its
    clause, ``vc``/``vs``/``tb`` binned lexicon scores) with their push. `model` defaults to the
    one named in the stance table's ``model`` column."""
    model = model or _model_of(stance)
    _check_model(model)
    texts = {a.id: a for a in corpus}
    rows = []
    for (article_id, side), part in stance[stance.side != ""].groupby(["article_id", "side"], sort=True):
        chosen = pd.concat([part.nsmallest(k, "score"), part.nlargest(k, "score")]).drop_duplicates()
        article = texts[article_id]
        for row in chosen.itertuples():
            sentence = next(s for s in sentences(article) if s.sentence == row.sentence)
            start, end = row.start - sentence.start, row.end - sentence.start
            left, right = _clause(sentence.text, start, end)
            if model == "linear":
                pushes = load_stance_model().contributions(sentence.text, start, end)
            else:
                encoder = load_encoder_model(precision=_ENCODER_PRECISION[model])
                pushes = encoder.word_pushes(*_sentence_around(sentence.text, start, end))
            pushes = sorted(pushes, key=lambda f: -abs(f[1]))
            drivers = "; ".join(f"{name} ({value:+.2f})" for name, value in pushes[:n_drivers])
            clause = sentence.text[left:right].strip()
            rows.append((article_id, side, row.mention, row.score, clause, drivers, model))
    return table(rows, StanceExampleRow)


def _model_of(stance: pd.DataFrame) -> str:
    """The one model named in a stance table's ``model`` column (the default for an empty table)."""
    models = sorted(set(stance.model)) if "model" in stance.columns else []
    if len(models) > 1:
        raise ValueError(f"the stance table mixes models {models}: compare one model's scores at a time")
    return models[0] if models else DEFAULT_STANCE_MODEL


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
    model: str  # the stance model of the scores compared


def side_stance_table(
    stance: pd.DataFrame,
    groups: Groups,
    sides: Sequence[str] = ("US", "NZ", "CN"),
    n_resamples: int = 5000,
    seed: int = 2025,
) -> pd.DataFrame:
    """Tone toward each side per group, with `groups.difference_table`'s uncertainty (over
    articles with ≥ 5 a group, else described over mentions). Columns: `SideStanceRow`."""
    model = _model_of(stance)
    tagged = groups.tag(stance)
    rows = []
    for side in sides:
        part = tagged[tagged.side == side]
        n_a, n_b = int((part.group == groups.a).sum()), int((part.group == groups.b).sum())
        if n_a and n_b:
            d = difference_table(part, groups, ["score"], n_resamples, seed).iloc[0]
            compared = (d.mean_a, d.mean_b, d.difference, d.low, d.high, d.p_value, d.unit)
        else:  # a group has no mention of the side: its mean only, no difference
            means = part.groupby("group", observed=False).score.mean()
            nan = float("nan")
            compared = (means.get(groups.a, nan), means.get(groups.b, nan), nan, nan, nan, nan, "")
        rows.append((side, n_a, n_b, *compared, model))
    return table(rows, SideStanceRow).round(3)
