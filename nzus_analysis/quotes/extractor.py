"""`quote_table`: every attributed statement of a corpus, article by article."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis._workers import map_chunks
from nzus_analysis.quotes.direct import direct
from nzus_analysis.quotes.rules import REPORTED_RULES
from nzus_analysis.quotes.state import ArticleState, Record
from nzus_analysis.text.actors import ActorIndex, load_actors
from nzus_analysis.text.corpus import Article


class QuoteRow(NamedTuple):
    """A row of `quote_table`: one attributed statement."""

    article_id: str
    year: int
    kind: str  # direct | partial | indirect
    text: str  # the attributed words
    start: int  # offsets of `text` in the article text
    end: int
    cue: str  # the speech cue ("said", "according to")
    rule: str  # the rule that found it (module docstring; `REPORTED_RULES`)
    speaker: str  # canonical name, or the mention when unresolved (a group's opening word in lower case)
    speaker_mention: str  # the words naming the speaker (a continuation: those of the statement it continues)
    channel: str  # see the module docstring
    via: str  # the outlet that reported it (second_hand)
    paragraph: int
    sentence: int
    # name | as_named (a full name outside the actor table, a country, or an organisation named in
    # capitals: `organisations.organisation_named`) | pronoun | title
    # | nominal | surname | continuation | unresolved | unattributed
    resolved_by: str
    # the actor table's kind; "person" for a full name, "government body" for a country,
    # "organisation" for a name in capitals outside the table; "" otherwise
    speaker_kind: str
    speaker_country: str
    speaker_role: str


def _quote_rows(article: Article, actors: ActorIndex, noun_objects: bool = False) -> Iterable[tuple]:
    state = ArticleState(article, actors, REPORTED_RULES, noun_objects)
    for record in run(state):
        first = state.sentence_at(record.start)
        actor = record.resolution.actor
        yield (
            article.id, article.year, record.kind, article.text[record.start : record.end],
            record.start, record.end,
            record.cue, record.rule,
            record.resolution.speaker, record.resolution.mention, record.channel, record.via,
            first.paragraph, first.sentence, record.resolution.resolved_by,
            actor.kind if actor else "", actor.country if actor else "", actor.role if actor else "",
        )  # fmt: skip


def quote_table(
    corpus: Iterable[Article],
    actors: ActorIndex | None = None,
    workers: int | None = None,
    noun_objects: bool = False,
) -> pd.DataFrame:
    """Every attributed statement of every article, in corpus and text order (columns: `QuoteRow`).

    A speech act whose object is a noun phrase only ("announced the resumption of talks", "called
    for more cooperation", "praised the deal") is a statement only with ``noun_objects=True``:
    PolNeAR's codebook counts these; the study's (`data/gold/quotes.csv`, the NZ news gold) does
    not, unless the object holds a quotation ("called for “mutual trust”").

    `workers` processes read the articles (`_workers.worker_count`: by default, on Linux, every
    core for a corpus of 400 articles or more, else this process alone); the table is the same
    either way.
    """
    articles = list(corpus)
    if actors is None:
        load_actors()  # loaded once here: forked workers inherit it (pickling it would cost more)
    chunks = map_chunks(partial(_chunk_rows, actors=actors, noun_objects=noun_objects), articles, workers)
    return table((row for rows in chunks for row in rows), QuoteRow)


def _chunk_rows(articles: list[Article], actors: ActorIndex | None, noun_objects: bool) -> list[tuple]:
    index = actors or load_actors()
    return [row for article in articles for row in _quote_rows(article, index, noun_objects)]


def run(ex: ArticleState) -> list[Record]:
    """Read the article sentence by sentence: its quotations as direct quotes, then the rest as
    reported speech; a sentence consumed by an earlier record is skipped."""
    consumed = -1
    for sentence in ex.sentences:
        if sentence.start < consumed:
            continue
        for span in ex.spans_opening_in(max(sentence.start, consumed), sentence.end):
            if span.open_at >= consumed:
                end = direct(ex, span)
                if end is not None:
                    consumed = max(consumed, end)
        if sentence.start < consumed:
            continue
        end = ex.reported(sentence)
        if end is not None:
            consumed = end
    return ex.records
