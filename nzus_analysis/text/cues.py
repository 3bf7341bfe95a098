"""Speech cues: the one vocabulary of words that attribute words to a source.

Read from `data/lexicons/speech_cues.csv` (see its header): the quote extractor builds its cue
pattern from the ``forms`` column, the cleaning rules use the same forms to tell a caption from
prose, and the PolNeAR evaluation uses the lemmas and kinds to decide which attributions are
speech acts.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import simplemma

from nzus_analysis.errors import InputError
from nzus_analysis.resources import data_path, uncommented

KINDS = ("speech", "writing", "belief")
TAKES = ("clause", "object", "")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class SpeechCue:
    """One row of the cue lexicon."""

    cue: str  # a lemma, or a mark such as ":"
    kind: str  # speech, writing or belief
    channel: str  # the channel the cue names ("interview", "social_media", "statement") or ""
    forms: tuple[str, ...]  # inflected forms the extractor matches
    needs_object: bool  # a form must be followed by its hearer ("told reporters")
    takes: str = "clause"  # "clause" (said that …), "object" (called him a liar) or "" (unused)


@cache
def speech_cues() -> tuple[SpeechCue, ...]:
    """Every row of `data/lexicons/speech_cues.csv`, in file order."""
    path = data_path("lexicons", "speech_cues.csv")
    cues = []
    for number, row in enumerate(csv.DictReader(uncommented(path)), 1):
        if row.get("kind") not in KINDS:
            raise InputError(path, f"row {number}: kind {row.get('kind')!r} is not one of {KINDS}")
        forms = tuple(f.strip() for f in (row.get("forms") or "").split(";") if f.strip())
        takes = row.get("takes") or ""
        if takes not in TAKES:
            raise InputError(path, f"row {number}: takes {takes!r} is not one of {TAKES}")
        channel, needs_object = row.get("channel") or "", row.get("needs_object") == "yes"
        cues.append(SpeechCue(row["cue"], row["kind"], channel, forms, needs_object, takes))
    return tuple(cues)


def is_participle(form: str) -> bool:
    """A form whose first word ends in "ing" ("saying", "calling for"; not "was quoted as saying")."""
    return form.split()[0].endswith("ing")


def cue_pattern(hearer: str, takes: str = "clause", participles: bool = False) -> str:
    """A regex for the extractor forms of the cues that take `takes` (`trie_alternation`):
    the participles ("saying") or, by default, the finite forms ("said"), each also capitalised
    for title-case headlines ("Says"). Forms that need an object are followed by `hearer` (a
    regex for who was told)."""
    plain: list[str] = []
    told: list[str] = []
    for cue in speech_cues():
        if cue.takes == takes:
            forms = [form for form in cue.forms if is_participle(form) == participles]
            forms += [form.title() for form in forms if " " not in form]  # headlines: "Trump Says …"
            (told if cue.needs_object else plain).extend(forms)
    alternatives = [trie_alternation(plain)] if plain else []
    if told:
        alternatives.insert(0, rf"(?:{trie_alternation(told)})\s+{hearer}")
    return "|".join(alternatives)


def trie_alternation(forms: Iterable[str]) -> str:
    """A regex for any of `forms` (their words joined by any whitespace), factored as a trie:
    the engine reads each letter once instead of trying every form in turn (Python's `re` does
    not factor an alternation itself). Where one form extends another the longer is tried first,
    so it matches what the longest-first alternation of the forms matches."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for word_index, word in enumerate(form.split()):
            if word_index:
                node = node.setdefault(" ", {})
            for char in word:
                node = node.setdefault(char, {})
        node[""] = {}  # a form ends here

    def regex(node: dict[str, dict]) -> str:
        branches = [
            (r"\s+" if key == " " else re.escape(key)) + regex(child)
            for key, child in sorted(node.items())
            if key
        ]
        if not branches:
            return ""
        if "" in node:  # a form ends here: the longer forms first, then nothing
            return f"(?:{'|'.join(branches)})?"
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return regex(trie)


@cache
def _kinds() -> dict[str, str]:
    return {c.cue: c.kind for c in speech_cues()}


def speech_forms() -> frozenset[str]:
    """Every inflected form of a speech or writing cue (lower case), e.g. for spotting prose."""
    return frozenset(form.lower() for cue in speech_cues() if cue.kind != "belief" for form in cue.forms)


@cache
def cue_key_words(takes: str | None = None, participles: bool | None = None) -> frozenset[str]:
    """The longest word (lower case) of every form of every cue ("referred" for "has referred
    to"): a text with none of them matches no cue pattern (`cue_pattern`). `takes` and
    `participles` narrow it to the forms `cue_pattern(…, takes, participles)` is built from."""
    return frozenset(
        max(words(form), key=len)
        for cue in speech_cues()
        if takes is None or cue.takes == takes
        for form in cue.forms
        if words(form) and (participles is None or is_participle(form) == participles)
    )


def words(text: str) -> list[str]:
    """The lower-cased words of `text` (letters and digits, inner apostrophes kept: "didn't")."""
    return _WORD.findall(text.lower())


def is_speech_cue(cue: str) -> bool:
    """True when `cue` is a listed mark, or one of its words is (or lemmatises to) a speech or
    writing cue."""
    kinds = _kinds()
    if kinds.get(cue.strip()) in ("speech", "writing"):
        return True
    speech = ("speech", "writing")
    return any(kinds.get(w, kinds.get(simplemma.lemmatize(w, lang="en"))) in speech for w in words(cue))
