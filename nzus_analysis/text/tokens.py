"""Offline sentence splitting and word tokenization with character offsets.

No NLTK data, no network: a handful of regular expressions and two word lists from `data/`
(`abbreviations.txt`). Every `Token` and `Sentence` carries `start`/`end` offsets such that
``text[start:end] == token.text``.

Rules, in brief:
- tokens: URLs; dotted acronyms (``U.S.``); listed abbreviations keep their period (``Mr.``,
  ``Sept.``); numbers (``2012``, ``1,000``, ``3.5``, ``21st``); words with inner apostrophes
  and hyphens (``it's``, ``Asia-Pacific``, ``co-operation``, ``US-New``); a possessive
  ``'s``/``’s`` is split off a noun (``Zealand`` + ``’s``) but kept in contractions
  (``it's``, ``that's``); anything else that is not space is a one-character punct token.
- sentences: never cross a paragraph break (a blank line); a boundary follows ``.``, ``!``,
  ``?`` or ``…`` (plus any closing quotes/brackets) when the next text starts with a capital,
  digit or opening quote, except after a listed abbreviation, a single initial, or a dotted
  acronym followed by a word that does not usually start a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import itemgetter
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import per_article, sentence_item_columns, typed_table
from nzus_analysis.resources import read_word_list
from nzus_analysis.text.corpus import Article

_PART = r"[^\W_]+(?:['’][^\W_]+)*"  # letters/digits, inner apostrophes: it's, He’ll
_WORD = rf"{_PART}(?:[-‐‑]{_PART})*"  # hyphen compounds: Asia-Pacific, co-operation
_TOKEN = re.compile(
    r"(?P<url>https?://[^\s\"“”<>]+[^\s\"“”<>.,;:!?)\]])"
    r"|(?P<acronym>(?:[A-Za-z]\.){2,})"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?(?![^\W_]))"
    rf"|(?P<word>{_WORD})"
    r"|(?P<punct>\.\.\.|--|\S)"
)
_POSSESSIVE_ENDINGS = frozenset(("'s", "'S", "’s", "’S"))
# Pronoun/adverb contractions where 's means "is"/"has"/"us", not a possessive.
_CONTRACTION_BASES = frozenset(
    [
        "it",
        "he",
        "she",
        "that",
        "what",
        "who",
        "there",
        "here",
        "let",
        "where",
        "how",
        "when",
        "why",
    ]
)
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "so",
        "as",
        "at",
        "on",
        "in",
        "for",
        "if",
        "when",
        "while",
        "after",
        "before",
        "however",
        "meanwhile",
    ]
)
PARSE_CACHE_SIZE = 256  # articles whose sentences and tokens are kept (see `sentence_tokens`)
NON_WORD_KINDS = ("punct", "possessive")  # token kinds that are not words
_KIND = itemgetter(1)  # Token.kind
# A sentence boundary: "…", or a run of terminators tried once, from its first mark, and never
# backtracked into (possessive quantifiers), so a long run of "." or "!" costs linear, not
# quadratic, time; then closing marks, space and a capital or digit. Written out plainly it is
# `SENTENCE_BOUNDARY_PLAIN`; this form opens with a character set, so the regex engine skips to
# the next terminator instead of trying every position (4-5x faster; a property test keeps the
# two equal).
SENTENCE_BOUNDARY_PLAIN = r"(?:(?<![.!?])[.!?]++|…)[\"”’')\]]*+\s++(?=(?:''|[\"“‘'(\[])?[A-Z0-9])"
_BOUNDARY = re.compile(
    r"[.!?…](?:(?<=…)|(?<=[.!?])(?<![.!?][.!?])[.!?]*+)[\"”’')\]]*+\s++(?=(?:''|[\"“‘'(\[])?[A-Z0-9])"
)
_WORD_AFTER = re.compile(r"[\"“‘'(\[]?([A-Za-z]+)")
_ACRONYM_WITH_PERIODS = re.compile(r"(?:[A-Za-z]\.){2,}")


class Token(NamedTuple):
    """A token: its text, kind (word, number, acronym, possessive, url, punct) and offsets.

    An immutable named tuple (cheaper to create than a frozen dataclass: articles have
    hundreds of tokens and the corpus a million).
    """

    text: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: keys (article_id, paragraph, sentence) and offsets in `text`."""

    article_id: str
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str


@cache
def _abbreviations() -> frozenset[str]:
    return read_word_list("abbreviations.txt")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split `text` into tokens; offsets are into `text`, shifted by `offset`."""
    abbreviations = _abbreviations()
    tokens: list[Token] = []
    append, find = tokens.append, text.find
    new = tuple.__new__  # new(Token, (...)) skips the named tuple's Python-level __new__: 2x faster
    position = 0
    # findall (no match objects: a third of finditer's cost); only spaces separate matches, so
    # each token starts where its text is next found.
    for url, acronym, number, word, punct in _TOKEN.findall(text):
        if word:
            start = find(word, position)
            end = position = start + len(word)
            if text.startswith(".", end) and word in abbreviations:
                append(new(Token, (word + ".", "abbreviation", start + offset, end + 1 + offset)))
                continue
            if (
                word[-2:] in _POSSESSIVE_ENDINGS
                and len(word) > 2
                and word[:-2].casefold() not in _CONTRACTION_BASES
            ):
                append(new(Token, (word[:-2], "word", start + offset, end - 2 + offset)))
                append(new(Token, (word[-2:], "possessive", end - 2 + offset, end + offset)))
                continue
            append(new(Token, (word, "word", start + offset, end + offset)))
            continue
        kind, matched = (
            ("punct", punct)
            if punct
            else ("number", number)
            if number
            else (("acronym", acronym) if acronym else ("url", url))
        )
        start = find(matched, position)
        end = position = start + len(matched)
        if matched == "." and tokens and tokens[-1].kind == "abbreviation" and tokens[-1].end == end + offset:
            continue  # "Mr." was already extended over this period
        append(new(Token, (matched, kind, start + offset, end + offset)))
    return tokens


def _is_false_boundary(text: str, terminator_at: int, next_at: int) -> bool:
    """True when the period at `terminator_at` belongs to an abbreviation, initial or acronym."""
    if text[terminator_at] != ".":
        return False
    word_start = terminator_at
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    bare = text[word_start:terminator_at].lstrip("\"“‘'([")
    if bare in _abbreviations():
        return True
    if len(bare) == 1 and bare.isupper():
        return True  # an initial: "John F. Kennedy"
    if _ACRONYM_WITH_PERIODS.fullmatch(bare + "."):
        after = _WORD_AFTER.match(text, next_at)
        return not (after and after.group(1).casefold() in _SENTENCE_STARTERS)
    return False


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) spans within text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans = []
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        terminator_at = match.start()
        if _is_false_boundary(text, terminator_at, match.end()):
            continue
        boundary = match.end() - (len(match.group()) - len(match.group().rstrip()))
        spans.append((sentence_start, boundary))
        sentence_start = match.end()
    if text[sentence_start:end].strip():
        spans.append((sentence_start, end))
    trimmed = []
    for s, e in spans:
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            trimmed.append((s + lead, e - trail))
    return trimmed


def sentences(article: Article) -> list[Sentence]:
    """The article's sentences in order; `sentence` counts from 0 across the whole article."""
    return list(_sentences(article))


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _sentences(article: Article) -> tuple[Sentence, ...]:
    text = article.text
    result: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(article.paragraph_spans):
        for s_start, s_end in split_sentences(text, p_start, p_end):
            result.append(Sentence(article.id, paragraph, len(result), s_start, s_end, text[s_start:s_end]))
    return tuple(result)


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def sentence_tokens(article: Article) -> tuple[tuple[Token, ...], ...]:
    """The tokens of each of `sentences(article)`, with offsets into the article text.

    Memoised for the last few hundred articles, so the term, sentiment and quote tables of
    one article tokenize it once; the result is immutable.
    """
    return tuple(tuple(tokenize(s.text, offset=s.start)) for s in _sentences(article))


def is_word(token: Token) -> bool:
    """True for words, numbers, acronyms, abbreviations and URLs; False for punctuation and 's."""
    return token.kind not in NON_WORD_KINDS


def word_count(tokens: Sequence[Token]) -> int:
    """Tokens that are words or numbers (punctuation and possessive 's excluded)."""
    kinds = list(map(_KIND, tokens))  # counted in C: this runs for every sentence of a corpus
    return len(kinds) - sum(map(kinds.count, NON_WORD_KINDS))


class SentenceRow(NamedTuple):
    """A row of `sentence_table`."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str
    n_tokens: int  # word and number tokens, punctuation excluded


class TokenRow(NamedTuple):
    """A row of `token_table`: the keys, the token's place in its sentence, then the `Token` fields."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    position: int
    start: int
    end: int
    text: str
    kind: str


def _sentence_rows(article: Article) -> Iterable[tuple]:
    for s, tokens in zip(_sentences(article), sentence_tokens(article), strict=True):
        yield (article.id, article.year, s.paragraph, s.sentence, s.start, s.end, s.text, word_count(tokens))


def sentence_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per sentence (columns: `SentenceRow`)."""
    return per_article(corpus, _sentence_rows, SentenceRow)


def token_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per token (columns: `TokenRow`; start, end are offsets into the article text)."""
    parsed = ((article, _sentences(article), sentence_tokens(article)) for article in corpus)
    return typed_table(sentence_item_columns(parsed, Token._fields), TokenRow)
