"""Voices, speakers and channels: summaries of a `quotes.quote_table`.

Whose words each token is (`token_voice_table`, `voice_share_table`, `sentence_voice_table`),
who speaks (`speaker_table`) and through which channel (`channel_table`; the channels are
defined in `quotes` and coded in `data/channels.md`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import columns_of, per_article, sentence_item_columns, table, typed_table
from nzus_analysis.quotes import CHANNELS, find_quote_spans
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.people import most_given_countries
from nzus_analysis.text.tokens import (
    NON_WORD_KINDS,
    Sentence,
    Token,
    sentence_tokens,
    sentences,
    tokenize,
    word_count,
)

VOICES = ("quoted", "reported", "reporter")


class SpeakerRow(NamedTuple):
    """A row of `speaker_table`."""

    article_id: str
    speaker: str
    speaker_kind: str
    speaker_country: str  # a person's country: their article's, else the one other articles give them
    speaker_role: str
    n_statements: int
    n_words: int  # word tokens in the attributed spans
    channels: str  # sorted, comma-separated


def speaker_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who speaks: one row per (article, speaker) (columns: `SpeakerRow`).

    A person whose article does not say their country takes the country most other articles of
    `quotes` give the same name ("Jacinda Ardern" is NZ in every article once one says so), so one
    person is one country across a corpus. Sorted by article, then statements (most first), then
    speaker.
    """
    counted = quotes.assign(
        words=quotes.text.map(lambda text: word_count(tokenize(text))),
        speaker=quotes.speaker.where(
            quotes.speaker != "",
            quotes.resolved_by.map({"unattributed": "(unattributed)"}).fillna("(unresolved)"),
        ),
    )
    counted["speaker_country"] = _country_across_articles(counted)
    keys = ["article_id", "speaker", "speaker_kind", "speaker_country", "speaker_role"]
    grouped = counted.groupby(keys, dropna=False).agg(
        n_statements=("text", "size"),
        n_words=("words", "sum"),
        channels=("channel", lambda c: ", ".join(sorted(set(c)))),
    )
    grouped = grouped.reset_index().sort_values(
        ["article_id", "n_statements", "speaker"], ascending=[True, False, True]
    )
    return grouped.reset_index(drop=True)[columns_of(SpeakerRow)]


def _country_across_articles(quotes: pd.DataFrame) -> pd.Series:
    """Each statement's speaker country, a person's empty one filled with the country the other
    statements of that name give most often (`people.most_given_countries`)."""
    people = quotes[quotes.speaker_kind == "person"]
    known = most_given_countries(zip(people.speaker, people.speaker_country, strict=True))
    missing = (quotes.speaker_kind == "person") & (quotes.speaker_country == "")
    return quotes.speaker_country.where(~missing, quotes.speaker.map(lambda name: known.get(name, "")))


def _statements_by_article(quotes: pd.DataFrame) -> dict[str, list[tuple[str, int, int]]]:
    """(kind, start, end) of each attributed statement, per article, in table order."""
    by_article: dict[str, list[tuple[str, int, int]]] = {}
    columns = (quotes.article_id.tolist(), quotes.kind.tolist(), quotes.start.tolist(), quotes.end.tolist())
    for article_id, kind, start, end in zip(*columns, strict=True):
        by_article.setdefault(article_id, []).append((kind, start, end))
    return by_article


def _voice_by_offset(article: Article, statements: list[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, voice) for the attributed parts of the article, quoted words first."""
    spans = find_quote_spans(article.text, article.paragraph_spans) if statements else []
    opens = [span.open_at for span in spans]
    regions = []
    for kind, start, end in statements:
        if kind == "direct":
            regions.append((start, end, "quoted"))
            continue
        first = bisect_left(opens, start)
        regions.extend((s.start, s.end, "quoted") for s in spans[first : bisect_left(opens, end, first)])
        regions.append((start, end, "reported"))
    return regions


class TokenVoiceRow(NamedTuple):
    """A row of `token_voice_table`: one word token."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    start: int
    end: int
    voice: str  # one of VOICES


def _voice_at(article: Article, statements: list[tuple[str, int, int]]) -> list[str | None]:
    """Each character's voice: the first region that covers it (regions painted last to first)."""
    voice_at: list[str | None] = [None] * len(article.text)
    for start, end, region_voice in reversed(_voice_by_offset(article, statements)):
        end = min(end, len(voice_at))
        voice_at[start:end] = [region_voice] * (end - start)
    return voice_at


def _word_voices(
    article: Article, statements: list[tuple[str, int, int]]
) -> tuple[tuple[tuple[Token, ...], ...], list[str]]:
    """The article's word tokens per sentence, and the voice of each word in text order."""
    voice_at = _voice_at(article, statements)
    words = tuple(
        tuple(t for t in tokens if t[1] not in NON_WORD_KINDS) for tokens in sentence_tokens(article)
    )
    return words, [voice_at[t[2]] or "reporter" for sentence in words for t in sentence]


def token_voice_table(corpus: Iterable[Article], quotes: pd.DataFrame) -> pd.DataFrame:
    """Each word token's voice: quoted (inside attributed quote marks), reported (in reported
    speech), or reporter (the journalist's own words, scare quotes included).

    `quotes` is the same articles' `quote_table`. Columns: `TokenVoiceRow`.
    """
    voices: list[str] = []
    statements = _statements_by_article(quotes)

    def parsed() -> Iterator[tuple[Article, list[Sentence], tuple[tuple[Token, ...], ...]]]:
        for article in corpus:
            words, word_voices = _word_voices(article, statements.get(article.id, []))
            voices.extend(word_voices)
            yield article, sentences(article), words

    columns = sentence_item_columns(parsed(), Token._fields)
    columns = {name: columns[name] for name in columns_of(TokenVoiceRow) if name != "voice"}
    columns["voice"] = voices
    return typed_table(columns, TokenVoiceRow)


class ChannelRow(NamedTuple):
    """A row of `channel_table`."""

    article_id: str
    year: int
    channel: str
    n_statements: int
    statement_share: float  # of the article's statements


def channel_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Statements per channel per article, every channel listed (columns: `ChannelRow`)."""
    rows = []
    for (article_id, year), group in quotes.groupby(["article_id", "year"]):
        counts = group.channel.value_counts()
        for channel in CHANNELS:
            n = int(counts.get(channel, 0))
            rows.append((article_id, int(year), channel, n, round(n / len(group), 3)))
    return table(rows, ChannelRow)


class VoiceShareRow(NamedTuple):
    """A row of `voice_share_table`."""

    article_id: str
    year: int
    voice: str
    n_words: int
    word_share: float  # of the article's word tokens


def voice_share_table(corpus: Iterable[Article], quotes: pd.DataFrame) -> pd.DataFrame:
    """Word tokens per voice per article, every voice listed, in corpus order (columns: `VoiceShareRow`).

    `quotes` is the same articles' `quote_table`; the voices are those of `token_voice_table`.
    """
    statements = _statements_by_article(quotes)

    def rows(article: Article) -> Iterator[tuple]:
        counts = Counter(_word_voices(article, statements.get(article.id, []))[1])
        total = sum(counts.values())
        if total:
            for voice in VOICES:
                yield (article.id, article.year, voice, counts[voice], round(counts[voice] / total, 3))

    return per_article(corpus, rows, VoiceShareRow)


class SentenceVoiceRow(NamedTuple):
    """A row of `sentence_voice_table`."""

    article_id: str
    paragraph: int
    sentence: int
    voice: str  # the majority voice (ties: quoted > reported > reporter)
    attributed_share: float  # share of its words quoted or reported


def sentence_voice_table(voices: pd.DataFrame) -> pd.DataFrame:
    """The majority voice of each sentence (columns: `SentenceVoiceRow`)."""
    rows = []
    for (article_id, paragraph, sentence), group in voices.groupby(["article_id", "paragraph", "sentence"]):
        counts = group.voice.value_counts()
        voice = max(VOICES, key=lambda v: (counts.get(v, 0), -VOICES.index(v)))
        attributed = counts.get("quoted", 0) + counts.get("reported", 0)
        rows.append((article_id, paragraph, sentence, voice, round(attributed / len(group), 3)))
    return table(rows, SentenceVoiceRow)
