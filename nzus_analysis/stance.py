"""Tone toward an actor at one mention: the lexicon rule.

`target_stance(text, start, end)` scores what the words around the mention ``text[start:end]``
say, not the whole sentence: VADER's compound over the mention's clause (cut at ``; : — ( )``
and at sentence ends), with the mention itself and every other name masked (the package's known names and
aliases, and any run of two or more capitalised words), so that a name ("New Zealand", "Joy
Reid") never counts as opinion. Labels follow VADER's convention
(`sentiment.tone`). `stance_table(corpus)` gives one row per actor mention.

This is the lexicon rule, a baseline: on NewsMTSC's devtest_mt it reaches the macro-F1 that
`benchmarks/eval_stance.py` prints (see the README); a trained target-aware model is the next
step and would replace `target_stance` behind the same signature.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from ._tables import per_article
from .actors import load_actors
from .corpus import Article
from .engines import vader_compound
from .sentiment import PLACEHOLDER, mask_names, merge_spans, name_spans, tone
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
    spans = name_spans(clause) + [m.span() for m in _CAPITALISED_RUN.finditer(clause)]
    masked, _ = mask_names(clause, merge_spans(spans))
    score = round(vader_compound(masked), 4)
    return tone(score), score


class StanceRow(NamedTuple):
    """A row of `stance_table`: one actor mention and the tone toward it."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    start: int  # offsets into Article.text
    end: int
    mention: str
    actor: str  # canonical name from data/actors.csv
    side: str  # the actor's country code (US, NZ, CN, …), "" when it has none
    label: str  # negative | neutral | positive
    score: float  # VADER compound of the masked clause, −1…1


def _stance_rows(article: Article) -> Iterable[tuple]:
    actors = load_actors()
    for s in sentences(article):
        for mention in actors.mentions(s.text):
            label, score = target_stance(s.text, mention.start, mention.end)
            yield (
                article.id, article.year, s.paragraph, s.sentence, s.start + mention.start,
                s.start + mention.end, mention.text, mention.actor.canonical, mention.actor.country,
                label, score,
            )  # fmt: skip


def stance_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """Tone toward every actor mention (`data/actors.csv` aliases), one row each: `StanceRow`."""
    return per_article(corpus, _stance_rows, StanceRow)
