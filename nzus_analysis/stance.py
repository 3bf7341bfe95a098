"""Tone toward an actor at one mention: the lexicon rule.

`target_stance(text, start, end)` scores what the words around the mention ``text[start:end]``
say, not the whole sentence: VADER's compound over the mention's clause (cut at ``; : — ( )``
and at sentence ends), with the mention itself, every other name (the package's known names
and aliases, and any run of two or more capitalised words) and the non-evaluative phrases of
`data/lexicons/neutral_phrases.txt` masked, so that a name ("New Zealand", "Joy Reid") or a
fixed phrase ("live fire") never counts as opinion. Labels follow VADER's convention
(`sentiment.tone`). `stance_table(corpus)` gives one row per mention of an actor or a side
(US, NZ, China, …); `side_stance_table(stance, groups)` compares the tone toward each side
between two groups.

This is the lexicon rule, a baseline: on NewsMTSC's devtest_mt it reaches the macro-F1 that
`benchmarks/eval_stance.py` prints (see the README); a trained target-aware model is the next
step and would replace `target_stance` behind the same signature.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pandas as pd

from ._tables import per_article, table
from .actors import load_actors
from .corpus import Article
from .engines import vader_compound
from .groups import Groups, difference_table
from .quotes import quote_table
from .sentiment import (
    PLACEHOLDER,
    mask_names,
    merge_spans,
    name_spans,
    neutral_spans,
    side_terms,
    tone,
    vader_driver_spans,
)
from .terms import sentence_terms
from .tokens import sentences

LABELS = ("negative", "neutral", "positive")
_CLAUSE_BREAK = re.compile(r"[;:—–()\n]|[.!?](?=\s)")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last break before it to the first after it."""
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    after = _CLAUSE_BREAK.search(text, end)
    return left, after.start() if after else len(text)


def target_stance(text: str, start: int, end: int) -> tuple[str, float]:
    """(label, score) of the tone toward the mention ``text[start:end]``; score is VADER's compound.

    Raises ValueError for empty text or a span that is empty or outside the text.
    """
    if not text.strip():
        raise ValueError("target_stance: the text is empty")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"target_stance: {start}:{end} is not a non-empty span of the {len(text)}-char text")
    left, right = _clause(text, start, end)
    clause = text[left:start] + PLACEHOLDER + text[end:right]
    spans = name_spans(clause) + neutral_spans(clause) + [m.span() for m in _CAPITALISED_RUN.finditer(clause)]
    masked, _ = mask_names(clause, merge_spans(spans))
    score = round(vader_compound(masked), 4)
    return tone(score), score


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
    label: str  # negative | neutral | positive
    score: float  # VADER compound of the masked clause, −1…1


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
        for start, end, text, actor, side in sorted(mentions):
            label, score = target_stance(s.text, start, end)
            yield (
                article.id, article.year, s.paragraph, s.sentence, s.start + start, s.start + end, text,
                actor, side, actor in speakers.get(s.sentence, ()), label, score,
            )  # fmt: skip


def stance_table(corpus: Iterable[Article], quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tone toward every mention of an actor (`data/actors.csv`) or a side term
    (`data/lexicons/sides.csv`), one row each, in text order: `StanceRow`.

    `quotes` may pass the same articles' `quotes.quote_table` (for ``is_speaker``) when the
    caller has it; otherwise it is computed.
    """
    articles = list(corpus)
    speakers = _speakers_by_sentence(quote_table(articles) if quotes is None else quotes)
    return per_article(articles, lambda a: _stance_rows(a, speakers.get(a.id, {})), StanceRow)


class StanceExampleRow(NamedTuple):
    """A row of `stance_example_table`: a mention whose clause moves the tone toward a side most."""

    article_id: str
    side: str
    mention: str
    score: float
    clause: str  # the words `target_stance` scored, as written
    drivers: str  # their VADER lexicon words with valence, names left out


def stance_example_table(stance: pd.DataFrame, corpus: Iterable[Article], k: int = 2) -> pd.DataFrame:
    """Per article and side, the `k` most negative and `k` most positive mentions with the words
    that moved them (columns: `StanceExampleRow`)."""
    texts = {a.id: a for a in corpus}
    rows = []
    for (article_id, side), part in stance[stance.side != ""].groupby(["article_id", "side"], sort=True):
        chosen = pd.concat([part.nsmallest(k, "score"), part.nlargest(k, "score")]).drop_duplicates()
        article = texts[article_id]
        for row in chosen[chosen.score != 0].itertuples():
            sentence = next(s for s in sentences(article) if s.sentence == row.sentence)
            left, right = _clause(sentence.text, row.start - sentence.start, row.end - sentence.start)
            clause = sentence.text[left:right]
            words = "; ".join(f"{clause[a:b]} ({v:+.1f})" for a, b, v in vader_driver_spans(clause))
            rows.append((article_id, side, row.mention, row.score, clause.strip(), words))
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
