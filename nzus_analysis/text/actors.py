"""The actor table (`data/actors.csv`) and mention resolution for quote attribution.

Resolution rules, used by `nzus_analysis.quotes`:
- a name or alias ("Coleman", "the AP") resolves to its canonical actor; the longest alias at
  a position wins ("US State Department" over "State Department");
- "he"/"she" resolve to the most recent person named before it (outside quotations) whose
  gender fits;
- a title ("the Secretary") resolves to the most recently named actor holding that title in
  the same article, or a person whose role the text gives in those words, in any order ("the
  Secretary of Defense" after "US Defense Secretary Chuck Hagel"); an actor never named in the
  article is never guessed;
- anything else stays as its mention, unresolved.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, cached_property
from operator import attrgetter
from pathlib import Path

import pandas as pd

from nzus_analysis._tables import typed_table
from nzus_analysis.errors import InputError
from nzus_analysis.resources import data_path, uncommented
from nzus_analysis.text.cues import cue_key_words

ACTOR_COLUMNS = ("canonical", "aliases", "titles", "kind", "country", "role", "gender")
_START = attrgetter("start")
OTHER_PRONOUNS = frozenset({"they", "it", "we", "i", "you", "one", "who"})
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


@dataclass(frozen=True, slots=True)
class Actor:
    """One row of `data/actors.csv`: a person, body or outlet with the names that refer to it."""

    canonical: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    kind: str
    country: str
    role: str
    gender: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in a text: offsets of the words (a leading "the" included)."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a mention refers to. `speaker` is the canonical name, or the mention if unresolved."""

    speaker: str
    mention: str
    # name | as_named (a full name, a country or an organisation) | pronoun | title | nominal
    # | surname | unresolved
    resolved_by: str
    actor: Actor | None


_AFTER_PREPOSITION = re.compile(r"\b(?:of|to|at|with|against|about|on|behind|boycott)\s+(?:the\s+)?\Z", re.I)
_OPENING = re.compile(r"\s*(?:[Tt]he\s+)?")


def _at_word_start(word: str) -> str:
    """Regex for `word` where the character before it is not part of a word."""
    head = re.escape(word[0])
    return rf"{head}(?<![\w’'-]{head}){re.escape(word[1:])}"


_NEXT_WORD = re.compile(r"\s+([a-z]+)")
#: "the newspaper", "the prime minister", "the Tory leader": a noun of `nominal_mentions` after
#: up to two words that narrow it
_NOMINAL = re.compile(r"(?:the|The)\s+(?P<modifiers>(?:[\w-]+\s+){0,2})(?P<noun>\w+)")
#: Words that make a role another one than its noun says ("shadow chancellor", "former president")
_LESSER_ROLE = ("deputy", "shadow", "former", "vice", "acting", "assistant", "junior", "ex-")
_LESSER_BEFORE = re.compile(rf"(?i:\b(?:{'|'.join(_LESSER_ROLE)}))\s*(?:[\w-]+\s+){{1,3}}\Z")
#: "an" or "a" before a name used as a modifier ("an Alan Shearer strike"): no antecedent
_ATTRIBUTIVE_BEFORE = re.compile(r"(?<![\w-])an?\s+\Z")


def _speaks_next(text: str, end: int) -> bool:
    """Whether the word after offset `end` of `text` is a speech verb ("Kent Conrad said")."""
    word = _NEXT_WORD.match(text, end)
    return word is not None and word.group(1) in cue_key_words()


class ActorIndex:
    """Actors with their aliases and titles, and the matching machinery."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.by_name = {a.canonical: a for a in actors}
        alias_owner: dict[str, Actor] = {}
        for actor in actors:
            for alias in actor.aliases:
                alias_owner.setdefault(alias, actor)
        self._alias_owner = alias_owner

    @cached_property
    def _alias_pattern(self) -> re.Pattern[str]:
        """An alias, optionally after "the"/"The", not inside a longer word.

        Group 1 or 2 is the alias after "the"/"The"; else the match is the alias. Every
        alternative starts with a literal character and checks the character before it with a
        lookbehind, so the regex engine skips ahead to the next possible first letter instead
        of trying a match at every position (2.5× faster over a corpus).
        """
        aliases = sorted(self._alias_owner, key=len, reverse=True)
        after_the = rf"\s+({'|'.join(map(re.escape, aliases))})(?![\w-])"
        return re.compile(
            "|".join([_at_word_start("the") + after_the, _at_word_start("The") + after_the]
                     + [_at_word_start(alias) + r"(?![\w-])" for alias in aliases])
        )  # fmt: skip

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every alias occurrence in text[start:end], in order (offsets into `text`)."""
        end = len(text) if end is None else end
        owner = self._alias_owner
        return [
            Mention(m.start(), m.end(), m.group(), owner[m.group(1) or m.group(2) or m.group()])
            for m in self._alias_pattern.finditer(text, start, end)
        ]

    def resolve(self, phrase: str, position: int, earlier: list[Mention], text: str = "") -> Resolution:
        """Resolve a speaker phrase that stands at offset `position` of its article.

        `earlier` are the article's mentions outside quotations, in order; only those before
        `position` are used for pronouns and titles. With the article's `text`, a name in the
        possessive ("Smith's philosophy") is no pronoun's antecedent (on BBC news such a name was
        the wrong one in 5 of 6 cases read where no other name fitted).
        """
        named = self.mentions(phrase)
        if named:
            # the phrase's head: its last name that is neither a possessive ("Trump’s rival Marco
            # Rubio" is Rubio) nor a preposition's object ("Chris Christie of New Jersey"), else a
            # name that opens it ("Sanders's campaign manager"); "Organizers of the boycott of
            # Trump's speech" and "an aide to Trump" name no one the table knows ("a statement by
            # the State Department" and "a spokesman for Labour" do)
            heads = [
                m for m in named
                if not phrase.startswith(("’s", "'s"), m.end)
                and not _AFTER_PREPOSITION.search(phrase, 0, m.start)
            ]  # fmt: skip
            opening = named[0] if _OPENING.fullmatch(phrase, 0, named[0].start) else None
            head = heads[-1] if heads else opening
            if head is not None:
                return Resolution(head.actor.canonical, head.text, "name", head.actor)
        # `earlier` is sorted by start: only mentions starting before `position` can end before it.
        before = [m for m in earlier[: bisect_left(earlier, position, key=_START)] if m.end <= position]
        pronoun = re.search(r"\b(he|she|He|She)\b", phrase)
        if pronoun:
            gender = PRONOUN_GENDER[pronoun.group(1).lower()]
            people = [
                m for m in reversed(before)
                if m.actor.kind == "person" and not text.startswith(("’s", "'s"), m.end)
                and not _ATTRIBUTIVE_BEFORE.search(text, max(0, m.start - 4), m.start)
            ]  # fmt: skip
            # the last person named, of unknown gender, when a speech verb follows them ("Senator
            # Kent Conrad said …. "…," he said"); else a person of the pronoun's gender, else the
            # last person of unknown gender ("she" after "Jacinda Ardern … President Xi Jinping"
            # is Ardern; never a country or a document)
            if people and not people[0].actor.gender and _speaks_next(text, people[0].end):
                return Resolution(people[0].actor.canonical, pronoun.group(1), "pronoun", people[0].actor)
            for mention in [m for m in people if m.actor.gender == gender] or people:
                if mention.actor.gender in (gender, ""):
                    return Resolution(mention.actor.canonical, pronoun.group(1), "pronoun", mention.actor)
            return Resolution("", pronoun.group(1), "unresolved", None)  # never a speaker named "he"
        title = re.search(r"\b(?:the|The)\s+([A-Z][\w ]+?)\s*$", phrase.strip())
        if title:
            for mention in reversed(before):
                if title.group(1) in mention.actor.titles or role_is_titled(mention.actor, title.group(1)):
                    return Resolution(mention.actor.canonical, title.group(0), "title", mention.actor)
        cleaned = phrase.strip(" ,.;:")
        referent = _nominal_referent(cleaned, before, text)
        if referent is not None:
            return Resolution(referent.canonical, cleaned, "nominal", referent)
        if cleaned.lower() in OTHER_PRONOUNS:  # "they said", "it said": never a speaker named "they"
            return Resolution("", cleaned, "unresolved", None)
        return Resolution(cleaned, cleaned, "unresolved", None)


def _nominal_referent(phrase: str, before: list[Mention], text: str) -> Actor | None:
    """The actor "the newspaper", "the prime minister" or "the Tory leader" refers back to: the last
    one in `before` of the noun's kind (`nominal_mentions`) whose role holds the noun's role word
    and the words before the noun, never one the text gives a lesser role ("Deputy Prime Minister
    John Prescott", "shadow chancellor Oliver Letwin", "former president …"; `_LESSER_ROLE`)."""
    nominal = _NOMINAL.fullmatch(phrase)
    if nominal is None or nominal.group("noun").lower() not in nominal_mentions():
        return None
    kind, role = nominal_mentions()[nominal.group("noun").lower()]
    wanted = [role.lower(), *nominal.group("modifiers").lower().split()]
    lesser = {m.actor.canonical for m in before if _LESSER_BEFORE.search(text, max(0, m.start - 40), m.start)}
    for mention in reversed(before):
        held = mention.actor.role.lower()
        if (
            mention.actor.kind == kind
            and all(word in held for word in wanted)
            and mention.actor.canonical not in lesser
            and not any(word in held and word not in wanted for word in _LESSER_ROLE)
        ):
            return mention.actor
    return None


_ROLE_FILLER = frozenset({"of", "for", "the", "and", "&"})


def _role_words(words: str) -> frozenset[str]:
    """The words of a role or title, lower case, US spelling of "defence", without fillers."""
    return frozenset(
        "defense" if w == "defence" else w for w in words.lower().split() if w not in _ROLE_FILLER
    )


def role_is_titled(actor: Actor, title: str) -> bool:
    """Whether `title` names a person's role as the text gives it, in any order and spelling: "the
    Secretary of Defense" is the "US Defense Secretary"; "the Minister" is not the "Foreign
    Minister" (a title of one word names only a listed actor's `titles`)."""
    words = _role_words(title)
    return actor.kind == "person" and len(words) > 1 and bool(actor.role) and words <= _role_words(actor.role)


@cache
def nominal_mentions() -> dict[str, tuple[str, str]]:
    """Noun -> (actor kind, word its role must contain) from `data/lexicons/nominal_mentions.csv`."""
    rows = csv.DictReader(uncommented(data_path("lexicons", "nominal_mentions.csv")))
    return {row["noun"]: (row["kind"], row["role"] or "") for row in rows}


def load_actors(path: str | Path | None = None) -> ActorIndex:
    """Read the actor table; `#` lines are comments. The project's table is read once."""
    return _read_actors(Path(path)) if path is not None else _project_actors()


@cache
def _project_actors() -> ActorIndex:
    return _read_actors(data_path("actors.csv"))


@cache
def _read_actors(path: Path) -> ActorIndex:
    reader = csv.DictReader(uncommented(path))
    missing = [c for c in ACTOR_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, f"actor table lacks column(s): {', '.join(missing)}")
    actors = []
    for line, row in enumerate(reader, 2):
        if not row["canonical"]:
            raise InputError(path, f"row {line}: empty canonical name")

        def split(value: str) -> tuple[str, ...]:
            return tuple(part.strip() for part in (value or "").split(";") if part.strip())

        aliases = split(row["aliases"]) or (row["canonical"],)
        actors.append(
            Actor(
                row["canonical"], aliases, split(row["titles"]), row["kind"], row["country"],
                row["role"], row["gender"] or "",
            )
        )  # fmt: skip
    return ActorIndex(actors)


def actor_table(index: ActorIndex | None = None) -> pd.DataFrame:
    """The actor table as a DataFrame: one row per actor, aliases and titles "; "-joined.

    Columns: `ACTOR_COLUMNS` (the columns of `data/actors.csv`).
    """
    index = index or load_actors()
    rows = [
        (a.canonical, "; ".join(a.aliases), "; ".join(a.titles), a.kind, a.country, a.role, a.gender)
        for a in index.actors
    ]
    columns = dict(zip(ACTOR_COLUMNS, zip(*rows, strict=True), strict=True))
    return typed_table(columns, dict.fromkeys(ACTOR_COLUMNS, "str"))
