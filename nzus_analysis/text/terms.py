"""Turn tokens into counting terms, so that spelling and naming do not pose as framing.

For each word, number or acronym token, in order:
1. an exact alias from `data/term_aliases.csv` (``US``/``U.S.`` -> ``united states``);
2. case folding, ’ -> ', and a trailing abbreviation period dropped (``Mr.`` -> ``mr``);
3. spelling folding to the British/NZ form: ``co-o…`` -> ``coo…`` (``co-operation`` ->
   ``cooperation``), then breame's American->British table per hyphen part (``defense`` ->
   ``defence``, ``center-right`` -> ``centre-right``, ``-ize`` -> ``-ise`` only where the
   table lists the word), except words in `data/spelling_exceptions.txt`;
4. capitalised hyphen compounds not in the names list are split (``US-New`` -> US, New);
5. multi-word names from `data/multiword_names.txt` are merged into one term, longest match
   first (``New Zealand`` -> ``new zealand``), never across punctuation; a line
   ``variant = canonical`` counts a variant as its canonical form (``Asia Pacific`` ->
   ``asia-pacific``).
Possessive ``'s`` and punctuation are not terms.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import pandas as pd
import simplemma
from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS

from nzus_analysis._tables import sentence_item_columns, typed_table
from nzus_analysis.resources import data_path, read_word_list
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.tokens import PARSE_CACHE_SIZE, Token, sentence_tokens, sentences, tokenize

_TERM_KINDS = frozenset({"word", "number", "acronym", "abbreviation"})
_HYPHENS = re.compile(r"[‐‑]")
_CO_PREFIX = re.compile(r"\bco-(?=o)")


class Term(NamedTuple):
    """A counting term with the offsets of the text it stands for (an immutable named tuple)."""

    term: str
    start: int
    end: int


@cache
def _aliases() -> dict[str, str]:
    with data_path("term_aliases.csv").open(encoding="utf-8", newline="") as handle:
        return {row["surface"]: row["term"] for row in csv.DictReader(handle)}


@cache
def _spelling_exceptions() -> frozenset[str]:
    return read_word_list("spelling_exceptions.txt")


@cache
def stopwords() -> frozenset[str]:
    """The shipped English stopword list (`data/stopwords_en.txt`, Snowball)."""
    return read_word_list("stopwords_en.txt")


def fold_spelling(word: str) -> str:
    """US -> British/NZ spelling of a lower-case word or hyphen compound."""
    word = _CO_PREFIX.sub("co", word)
    exceptions = _spelling_exceptions()
    return "-".join(
        part if part in exceptions else AMERICAN_ENGLISH_SPELLINGS.get(part, part) for part in word.split("-")
    )


@lru_cache(maxsize=1 << 16)
def normalise(surface: str) -> str:
    """The counting form of one token's text (aliases, case, apostrophes, spelling).

    Memoised: a pure function of its argument, so the cache only saves time.
    """
    alias = _aliases().get(surface)
    if alias is not None:
        return alias
    word = _HYPHENS.sub("-", surface.casefold().replace("’", "'"))
    if word.endswith(".") and word.count(".") == 1:
        word = word[:-1]
    return fold_spelling(word)


@lru_cache(maxsize=1 << 16)
def lemma(term: str) -> str:
    """Offline English lemma of a single-word term (simplemma); names and compounds unchanged."""
    if " " in term or "-" in term or not term.isalpha():
        return term
    return simplemma.lemmatize(term, lang="en")


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(normalise(t.text) for t in tokenize(name) if t.kind in _TERM_KINDS)


@cache
def _names() -> tuple[dict[tuple[str, ...], str], dict[str, tuple[int, ...]]]:
    """Name key (tuple of folded tokens) -> its term; and first key -> name lengths, longest first."""
    names: dict[tuple[str, ...], str] = {}
    for entry in read_word_list("multiword_names.txt"):
        variant, _, canonical = (part.strip() for part in entry.partition("="))
        names[_name_key(variant)] = " ".join(_name_key(canonical or variant))
    lengths: dict[str, set[int]] = {}
    for key in names:
        if len(key) > 1:
            lengths.setdefault(key[0], set()).add(len(key))
    return names, {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}


def _units(tokens: Sequence[Token]) -> list[tuple[str, int, int] | None]:
    """(key, start, end) per term-bearing token; None marks a barrier (punctuation)."""
    names = _names()[0]
    units: list[tuple[str, int, int] | None] = []
    for token in tokens:
        if token.kind not in _TERM_KINDS:
            if token.kind != "possessive":
                units.append(None)
            continue
        key = normalise(token.text)
        if "-" in key and (key,) not in names and token.text[:1].isupper():
            parts = token.text.split("-")
            if all(p[:1].isupper() for p in parts if p):
                position = token.start
                for part in parts:
                    units.append((normalise(part), position, position + len(part)))
                    position += len(part) + 1
                continue
        units.append((key, token.start, token.end))
    return units


def counting_terms(tokens: Sequence[Token]) -> list[Term]:
    """Counting terms for a run of tokens (normally one sentence), in text order."""
    names, name_lengths = _names()
    units = _units(tokens)
    result: list[Term] = []
    new = tuple.__new__  # as in `tokenize.tokenize`: new(Term, (...)) is a cheaper Term(...)
    i = 0
    while i < len(units):
        unit = units[i]
        if unit is None:
            i += 1
            continue
        for size in name_lengths.get(unit[0], ()):  # only names that start with this word
            window = units[i : i + size]
            if len(window) < size or not all(window):
                continue
            key = tuple(u[0] for u in window)  # type: ignore[index]
            if key in names:
                result.append(new(Term, (names[key], unit[1], window[-1][2])))  # type: ignore[index]
                i += size
                break
        else:
            result.append(new(Term, (names.get((unit[0],), unit[0]), unit[1], unit[2])))
            i += 1
    return result


def term_finder(wanted: Iterable[str]) -> re.Pattern[str]:
    """A regex that matches raw text wherever one of the counting terms `wanted` may stand: a
    cheap prefilter before tokenizing. It matches every way `normalise` and the multi-word names
    can produce those terms (any case, US spellings, aliases such as "US", "’" for "'") and may
    also match where no such term is (a word inside a longer name)."""
    wanted = set(wanted)
    american: dict[str, list[str]] = {}
    for us, british in AMERICAN_ENGLISH_SPELLINGS.items():
        american.setdefault(british, []).append(us)
    phrases = wanted | {" ".join(key) for key, term in _names()[0].items() if term in wanted}

    def word_pattern(word: str) -> str:
        forms = sorted({word, *american.get(word, ())}, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(f).replace("'", "['’]") for f in forms) + ")"

    folded = "|".join(
        r"[\W_]+".join(word_pattern(word) for word in phrase.split("-") if word)
        for phrase in sorted((p.replace(" ", "-") for p in phrases), key=len, reverse=True)
    )
    aliases = [surface for surface, term in _aliases().items() if term in wanted]
    exact = "|".join(map(re.escape, sorted(aliases, key=len, reverse=True)))
    return re.compile(rf"(?i:(?<!\w)(?:{folded})(?!\w))" + (rf"|(?<!\w)(?:{exact})(?!\w)" if exact else ""))


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def sentence_terms(article: Article) -> tuple[tuple[Term, ...], ...]:
    """The counting terms of each of the article's sentences (offsets into the article text).

    Memoised like `tokenize.sentence_tokens`, which it is built from.
    """
    return tuple(tuple(counting_terms(tokens)) for tokens in sentence_tokens(article))


class TermRow(NamedTuple):
    """A row of `term_table`."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    position: int  # index within the sentence
    start: int  # offsets into the article text
    end: int
    surface: str  # the text as written
    term: str
    stopword: bool  # the term is in the shipped stopword list


def term_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per counting term (columns: `TermRow`)."""
    parsed = ((article, sentences(article), sentence_terms(article)) for article in corpus)
    columns = sentence_item_columns(parsed, Term._fields, surface_column="surface")
    columns["stopword"] = list(map(stopwords().__contains__, columns["term"]))
    return typed_table(columns, TermRow)
