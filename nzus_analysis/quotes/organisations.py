"""Organisations a text names in capitals outside the actor table, by one name each.

"the White House" and "White House" are one speaker; "the NZDF" is the "NZ Defence Force" the
article spells out; "NZ Defence Force" is "New Zealand Defence Force" (a country's short form
read as its first name in `data/lexicons/countries.csv`). A person ("U.S. District Judge Michael
Mosman", "the Wisconsin Republican") or a group ("Executives for Boeing") is no organisation.
"""

from __future__ import annotations

import re

from nzus_analysis.quotes.patterns import GROUP_NOUNS
from nzus_analysis.text.actors import Actor
from nzus_analysis.text.people import country_names, first_name_genders, first_name_of, person_roles
from nzus_analysis.text.terms import stopwords

_PROPER_NAME = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w’'.&-]*)(?:\s+(?:of|and|for|[A-Z][\w’'.&-]*))*)"
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# a person, not an organisation: a possessive ("Washington Post’s Ishaan Tharoor") or a title
_NOT_AN_ORGANISATION = re.compile(r"[’']s\b|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\b\.?")
_GROUP_FIRST = re.compile(rf"{GROUP_NOUNS}\b")
_PARTY_MEMBERS = frozenset({"Republican", "Democrat", "Independent", "Conservative", "Liberal"})
_CAPITALISED_WORDS = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w’'-]*)+")


def organisation_named(phrase: str, text: str) -> Actor | None:
    """The organisation a speaker phrase names in capitals, as an actor of kind "organisation" with
    one name however the article writes it: without "the" ("the White House" → "White House"), an
    acronym as the article spells it out ("the NZDF" after "NZ Defence Force"), a country's short
    form as its first name in `data/lexicons/countries.csv` ("NZ Defence Force" → "New Zealand
    Defence Force", country NZ). None for anything else: lower-case words, a person ("U.S.
    District Judge Michael Mosman", "the Wisconsin Republican"), a group ("Executives for …")."""
    proper = _PROPER_NAME.fullmatch(phrase.strip())
    if proper is None or _NOT_AN_ORGANISATION.search(proper["name"]):
        return None
    name = proper["name"]
    words = name.split()
    if (
        (words[0].lower() in stopwords() and not words[0].isupper())  # "This …", not "US Navy"
        or words[-1] in person_roles()  # "the Labour leader"
        or words[-1] in _PARTY_MEMBERS  # "the Wisconsin Republican"
        or _GROUP_FIRST.match(name.lower())  # "Executives for Mondelez"
        or any(word in first_name_genders() for word in words)  # "U.S. District Judge Michael Mosman"
        or (len(words) == 1 and name.endswith("s") and not _ACRONYM.fullmatch(name))  # "the Democrats"
    ):
        return None
    if _ACRONYM.fullmatch(name):
        spelled = (run for m in _CAPITALISED_WORDS.finditer(text) for run in _spelling_out(m.group(), name))
        name = next(spelled, name)
    short = next((n for n in country_names() if name.startswith(n + " ")), None)
    country = country_names()[short] if short else ""
    if short:
        name = first_name_of(country) + name[len(short) :]
    return Actor(name, (phrase.strip(),), (), "organisation", country, "", "")


def _spelling_out(words: str, acronym: str) -> list[str]:
    """The runs of capitalised `words` whose initials are `acronym` ("NZ Defence Force and NZ
    Ministry of Defence" → ["NZ Defence Force"] for "NZDF"); not a person's descriptor
    ("Republican National Committeeman")."""
    split = words.split()
    runs = (" ".join(split[i:j]) for i in range(len(split)) for j in range(i + 2, len(split) + 1))
    return [
        run
        for run in runs
        if run[0].isupper() and run.split()[-1][0].isupper() and not run.startswith("The ")
        and _initials(run) == acronym and not run.endswith(("man", "woman"))
    ]  # fmt: skip


def _initials(name: str) -> str:
    """ "NZ Defence Force" → "NZDF"; "New Zealand Defence Force" → "NZDF"."""
    return "".join(word if word.isupper() else word[0] for word in name.split() if word[0].isupper())
