"""People named in a text, whether or not the actor table lists them, and what the text says they are.

A person named in full ("Judith Collins", "Foreign Minister Nanaia Mahuta", "Mr Key" after "John
Key") is an `Actor` of kind "person": one per name in an article, so every later form (surname,
title and surname, pronoun) finds the same one. Their country and role come from the text's own
words where it gives them (`person_description`): the words before the name ("New Zealand's
Defence Minister", "US Secretary of State", "Chinese President") or an appositive after it ("Kurt
Campbell, the senior US diplomat,"), read with the country names of `data/lexicons/countries.csv`
and the role nouns of `data/lexicons/person_roles.txt`; else they stay unknown. The curated actor
table (`data/actors.csv`) overrides all of this for the people it lists.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache

from nzus_analysis.resources import read_mapping, read_word_list
from nzus_analysis.text.actors import Actor, Mention
from nzus_analysis.text.cues import cue_key_words
from nzus_analysis.text.terms import stopwords

# Titled people not in the actor table ("Mr Howard"), with the gender their title implies.
# Name patterns searched over whole articles open with a literal letter and check the word start
# after it ("M(?<!\wM)r", not "\bMr"), so the regex engine skips to the next possible first letter
# instead of trying a match at every position (about 3× faster over the BBC corpus, same matches).
TITLED_PERSON = re.compile(  # Mr, Mrs, Ms, Miss, Dr, Dame, Sir, Lord, Lady
    r"(M(?<!\wM)(?:rs|r|s|iss)|D(?<!\wD)(?:r|ame)|S(?<!\wS)ir|L(?<!\wL)(?:ord|ady))"
    r"\.?\s+[A-Z](?:[\w-]|[’'](?!s\b))+(?:\s+[A-Z](?:[\w-]|[’'](?!s\b))+)?"
)

TITLE_GENDER = {
    "Mr": "m",
    "Sir": "m",
    "Lord": "m",
    "Mrs": "f",
    "Ms": "f",
    "Miss": "f",
    "Lady": "f",
    "Dame": "f",
}

_FIRST_AND_LAST = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]+)(?:\s+[A-Z]\.)?\s+[A-Z](?:[\w-]|[’'](?!s\b))*[a-z](?:-[A-Z][\w’'-]+)?\b"
)

# "John key announced …": a known first name and a surname typed in lower case (`_full_names`
# takes it when the text has the surname capitalised as a speaker, `_speaks_by_surname`), not a
# particle before a surname ("Philip van Doren Stern", "Walter van der Vijver")
_FIRST_AND_LOWER_CASE_LAST = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]+)\s+([a-z][a-z’'-]*[a-z])\b(?!\s+(?:[a-z]+\s+)?[A-Z])"
)

#: Capitalised words that end a sentence's subject, not a name: "President Xi Jinping Tuesday"
NOT_A_SURNAME = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "On", "In", "At"}
)

#: How far before a name its description is read (characters, within its clause).
DESCRIPTION_CHARS = 80


@cache
def first_name_genders() -> dict[str, str]:
    """First name -> "m" or "f" (`data/first_names.csv`; names used for both are not listed)."""
    return read_mapping("first_names.csv", "name", "gender")


@cache
def country_terms() -> dict[str, str]:
    """Country name or adjective -> ISO code (`data/lexicons/countries.csv`)."""
    return read_mapping("lexicons/countries.csv", "term", "country")


@cache
def country_names() -> dict[str, str]:
    """Country name -> ISO code, adjectives left out ("China", not "Chinese"; the `form` column
    of `data/lexicons/countries.csv`)."""
    forms = read_mapping("lexicons/countries.csv", "term", "form")
    return {term: code for term, code in country_terms().items() if forms[term] == "name"}


def first_name_of(country: str) -> str:
    """A country's first name in `data/lexicons/countries.csv` ("US" → "United States")."""
    return next(term for term, code in country_names().items() if code == country)


@cache
def _country_pattern() -> re.Pattern[str]:
    terms = sorted(country_terms(), key=len, reverse=True)
    return re.compile(rf"(?<![\w.-])(?P<term>{'|'.join(map(re.escape, terms))})(?:[’']s)?(?![\w-])")


@cache
def person_roles() -> tuple[str, ...]:
    """Role nouns (`data/lexicons/person_roles.txt`), longest first."""
    return tuple(sorted(read_word_list("lexicons/person_roles.txt"), key=len, reverse=True))


@cache
def role_named_pattern() -> re.Pattern[str]:
    """A role noun and the capitalised name of two or three words after it."""
    name_word = r"[A-Z](?:[\w-]|[’'](?!s\b))*[a-z](?:[\w-]|[’'](?!s\b))*"
    # a role written in lower case opens a sentence with a capital too ("Economist Dirk Schumacher")
    roles = [f"[{r[0]}{r[0].upper()}]{re.escape(r[1:])}" if r[0].islower() else re.escape(r) for r in
             person_roles()]  # fmt: skip
    return re.compile(
        rf"(?<![\w-])(?:{'|'.join(roles)})(?P<portfolio>{_PORTFOLIO})[^\S\n]+"
        rf"(?P<name>{name_word}(?:[^\S\n]+{name_word}){{1,2}})\b"  # on one line: "editor Jo Moir\n\nAnalysis"
    )


# a portfolio after a role noun: "Minister of Defence", "Minister for Foreign Affairs"
_PORTFOLIO = r"(?:\s+(?:of|for)(?:\s+the)?(?:\s+(?:and\s+)?[A-Z][\w-]*){1,3})?"


@cache
def role_and_surname_pattern() -> re.Pattern[str]:
    """Role words and a single surname, the whole phrase: "Prime Minister Sogavare"."""
    roles = "|".join(map(re.escape, person_roles()))
    return re.compile(
        rf"(?:[A-Z][\w-]*\s+){{0,3}}(?:{roles}){_PORTFOLIO}\s+(?P<surname>[A-Z](?:[a-z]|[’'][A-Z])[\w’'-]*)"
    )


@cache
def _role_before_name() -> re.Pattern[str]:
    """Capitalised role words ending in a role noun, at the end of the text before a name."""
    roles = "|".join(map(re.escape, person_roles()))
    return re.compile(rf"(?P<role>(?:[A-Z][\w-]*\s+){{0,3}}(?:{roles}){_PORTFOLIO})\s*\Z")


@cache
def _role_word() -> re.Pattern[str]:
    """A role noun in any case, as a word ("foreign minister", "the senior US diplomat")."""
    words = {role.lower() for role in person_roles()} | {"diplomat", "official", "ambassador", "envoy"}
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})\b", re.I)


_APPOSITIVE = re.compile(r",\s+(?:(?:the|a|an)\s+)?(?P<phrase>[^,.;:()“”\"]{2,60}?)\s*(?:,|\.|;|\Z)")
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})")
_CLAUSE_BREAK = re.compile(r"[.;:\n“”\"()]|,\s")
_FINITE_VERB = re.compile(r"[a-z]+ed|(?:is|was|has|had|will|would|met|told|says|said)(?![\w’'])")


def _opens_with_verb(phrase: str) -> bool:
    """Whether the words after a name's comma are its clause going on ("Jonathan Coleman, handed his
    American counterpart"), not an appositive ("Kurt Campbell, the senior US diplomat")."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    return bool(_FINITE_VERB.fullmatch(first)) or first in cue_key_words()


def person_description(text: str, start: int, end: int) -> tuple[str, str]:
    """(country code, role) the text gives the person named at ``text[start:end]``; "" for what it
    does not give. Read first from the words just before the name, in its clause ("New Zealand's
    Defence Minister Judith Collins" → NZ, "Defence Minister"), then from an appositive right
    after it ("Kurt Campbell, the senior US diplomat," → US, "senior US diplomat")."""
    window = text[max(0, start - DESCRIPTION_CHARS) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    before = window[breaks[-1].end() :] if breaks else window
    role_match = _role_before_name().search(before)
    role = role_match.group("role").strip() if role_match else ""
    described = role_match.start() if role_match else len(before.rstrip())  # where the role words start
    country = ""
    for found in _country_pattern().finditer(before):
        if found.end() >= described - 1:  # right before the role words ("Chinese President"), or in them
            country = country_terms()[found.group("term")]
            if role_match and found.start() >= role_match.start():
                role = before[found.end() :].strip()  # "US Secretary of State": the words after US
    of_country = _OF_COUNTRY.match(text, end)  # "Prime Minister Enele Sopoaga of Tuvalu"
    if of_country and of_country["country"] in country_names():
        return country or country_names()[of_country["country"]], role
    if role or country:
        return country, role
    appositive = _APPOSITIVE.match(text, end, min(len(text), end + 80))
    if appositive and not _opens_with_verb(appositive.group("phrase")):
        phrase = appositive.group("phrase").strip()
        named = _country_pattern().search(phrase)
        if named or _role_word().search(phrase):
            return (country_terms()[named.group("term")] if named else ""), phrase
    return "", ""


def unlisted_person(name: str, country: str = "", role: str = "") -> Actor:
    """A person the actor table does not list, by the name the text gives, with the gender its
    first name marks (`first_name_genders`, else unknown) and the country and role the text gives."""
    return Actor(name, (name,), (), "person", country, role, first_name_genders().get(name.split()[0], ""))


def is_surname(word: str, words: list[str]) -> bool:
    """True when `word` is the family name of the full name `words`: its last word, or its first
    when that is no known given name (family name first: "Xi" of "Xi Jinping")."""
    return words[-1] == word or (words[0] == word and word not in first_name_genders())


def _full_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of people named in full: by a known first name ("John Smith", or "John
    key" where the text writes "Key" elsewhere: the name is then "John Key"), or after a role noun
    ("Foreign Minister Nanaia Mahuta", "President Xi Jinping"), one per place."""
    genders = first_name_genders()
    found = [(m.start(), m.end(), m.group()) for m in _FIRST_AND_LAST.finditer(text) if m.group(1) in genders]
    for m in _FIRST_AND_LOWER_CASE_LAST.finditer(text):  # "John key …" where "Key said" follows
        surname = m.group(2).capitalize()
        if m.group(1) in genders and m.group(2) not in stopwords() and _speaks_by_surname(text, surname):
            found.append((m.start(), m.end(), f"{m.group(1)} {surname}"))
    taken = {(start, end) for start, end, _ in found}
    for match in role_named_pattern().finditer(text):
        name = match.group("name")
        if match.group("portfolio") and name.split()[0] not in genders:
            continue  # "spokesman for the Business Software Alliance": the name ends the organisation
        if name.split()[-1] in NOT_A_SURNAME:
            name = name.rsplit(" ", 1)[0]
            if " " not in name:
                continue
        start = match.start("name")
        first, _, rest = name.partition(" ")
        if first in person_roles() and " " in rest:  # "counterpart General Chang Wanquan": the name after
            name, start = rest, start + len(first) + 1
        if re.search(r"\w[’']\s", name + " "):  # "Forum Leaders’ Summit": a plural possessive, no name
            continue
        if (start, start + len(name)) not in taken:
            found.append((start, start + len(name), name))
    return found


#: Words after which a closing name is their object, not the phrase's head: "a lawyer for John Smith"
_NOT_BEFORE_HEAD_NAME = frozenset({
    "of", "for", "to", "with", "by", "from", "and", "or", "&", "at", "in", "on", "about", "against",
    "than", "like", "under", "between",
})  # fmt: skip
# the name may be followed by its organisation: "economist Gary Thayer of AG Edwards"
_CLOSING_FULL_NAME = re.compile(
    rf"(?:{_FIRST_AND_LAST.pattern})"
    r"(?P<organisation>\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z&][\w&.’'-]*)*)?\Z"
)


def closing_full_name(phrase: str) -> tuple[int, str] | None:
    """(offset, name) of the full name (a known first name and a surname) that closes `phrase`
    after its role or organisation words ("Global Asset Management investment chief David Smith",
    "PCSU deputy general secretary Hugh Lanning"), maybe before its organisation ("economist Gary
    Thayer of AG Edwards"); None when nothing precedes it, or when the name follows a
    preposition, a conjunction or a possessive ("a spokesman for John Smith", "Tony Blair and
    Gordon Brown"; "David Smith's lawyer" ends in no name)."""
    match = _CLOSING_FULL_NAME.search(phrase)
    if match is None or match.group(1) not in first_name_genders():
        return None
    before = phrase[: match.start()].rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    if not last or last.lower() in _NOT_BEFORE_HEAD_NAME or last.endswith(("’s", "'s", ",")):
        return None
    end = match.start("organisation") if match.group("organisation") else match.end()
    return match.start(), phrase[match.start() : end]


def _speaks_by_surname(text: str, surname: str) -> bool:
    """Whether `text` has the capitalised `surname` as a speaker: before a speech verb ("Key told")
    or after a title ("Mr Key")."""
    speech_words = cue_key_words()
    pattern = rf"(?:\b(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?<![\w’'-]){re.escape(surname)}\s+([a-z]+)"
    return any(m.group(0)[0] != surname[0] or m.group(1) in speech_words for m in re.finditer(pattern, text))


@lru_cache(maxsize=256)  # quotes and stance read the same article's people: found once
def people_named(text: str) -> tuple[Mention, ...]:
    """People named in full in `text` as person mentions, in text order: one `Actor` per name, whose
    country and role are the first the text gives at any of its full mentions (`person_description`)."""
    found = sorted(_full_names(text))
    described: dict[str, tuple[str, str]] = {}
    for start, end, name in found:
        country, role = described.get(name, ("", ""))
        if not (country and role):
            new_country, new_role = person_description(text, start, end)
            described[name] = (country or new_country, role or new_role)
    actors = {name: unlisted_person(name, *description) for name, description in described.items()}
    return tuple(Mention(start, end, text[start:end], actors[name]) for start, end, name in found)


def titled_mentions(text: str) -> list[Mention]:
    """Titled people ("Mr Howard") as person mentions, for pronoun resolution."""
    return [
        Mention(m.start(), m.end(), m.group(), Actor(m.group(), (m.group(),), (), "person", "", "",
                                                     TITLE_GENDER.get(m.group(1), "")))
        for m in TITLED_PERSON.finditer(text)
    ]  # fmt: skip


def titles_to_full_names(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order, a titled surname ("Mr Howard") standing for the person last named
    in full with that surname ("Michael Howard"), so that pronouns after it resolve to one name;
    the title gives that person a gender their first name did not ("Robin Cook", then "Mr Cook")."""
    people: dict[str, Actor] = {}
    out = []
    for mention in mentions:
        words = mention.actor.canonical.split()
        if mention.actor.kind != "person" or len(words) < 2:
            out.append(mention)
        elif len(words) == 2 and TITLED_PERSON.fullmatch(mention.actor.canonical):
            person = people.get(words[-1])
            if person is not None and not person.gender and mention.actor.gender:  # "Robin Cook", "Mr Cook"
                person = people[words[-1]] = replace(person, gender=mention.actor.gender)
            out.append(mention if person is None else replace(mention, actor=person))
        else:
            people[words[-1]] = mention.actor
            out.append(mention)
    return out


def most_given_countries(named: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each person's country across a corpus, from (name, country) pairs, one per time a text
    gives a country (empty countries are skipped): the country given most often (ties:
    alphabetical). A person is one country across a corpus: what one article says lends it to
    the articles that do not say it (`voices.speaker_table`, `stance.stance_table`)."""
    counts = Counter((name, country) for name, country in named if country)
    best: dict[str, str] = {}
    for (name, country), _ in sorted(counts.items(), key=lambda item: (-item[1], item[0][1])):
        best.setdefault(name, country)
    return best


def unlisted(people: Sequence[Mention], listed: Sequence[Mention]) -> list[Mention]:
    """The `people` not named by a mention in `listed` (the actor table's) at the same place."""
    taken = [(m.start, m.end) for m in listed]
    return [p for p in people if not any(start < p.end and p.start < end for start, end in taken)]


_TITLE_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+\Z")
_WORD_CHARS = frozenset("’'-_")


def _surname_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a whole word (not part of "Collinsville" or "O-Collins")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in _WORD_CHARS) and not (after.isalnum() or after in "-_")


def person_mentions(text: str, listed: Sequence[Mention] = ()) -> list[Mention]:
    """Every mention of a person `people_named` finds in `text` and `listed` (actor-table
    mentions) does not cover, in text order: each full name, and after it their surname alone or
    after a title ("Collins", "Ms Collins"), all pointing to the same `Actor`."""
    people = unlisted(people_named(text), listed)
    surnames: dict[str, tuple[Actor, int]] = {}  # surname -> (person, where they are first named)
    for mention in people:
        words = mention.actor.canonical.split()
        for word in {words[-1], words[0]}:
            if is_surname(word, words) and word not in surnames:
                surnames[word] = (mention.actor, mention.start)
    if not surnames:
        return people
    taken = [(m.start, m.end) for m in (*people, *listed)]
    found = list(people)
    for surname, (person, first) in surnames.items():  # str.find: a few surnames an article
        at = text.find(surname, first)
        while at != -1:
            end = at + len(surname)
            if _surname_at(text, at, end) and not any(s < end and at < e for s, e in taken):
                title = _TITLE_BEFORE.search(text, max(0, at - 6), at)
                start = title.start() if title else at
                found.append(Mention(start, end, text[start:end], person))
            at = text.find(surname, end)
    return sorted(found, key=lambda m: m.start)
