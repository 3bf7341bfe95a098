"""Separate article text from page furniture and photo captions in a raw article file.

The rules are general patterns of web-page furniture, not matches on whole seed sentences.
Every non-blank raw line ends up in exactly one place: a body paragraph, a caption, or a
`Removed` furniture record that names the rule which removed it (nothing is dropped silently).

Line rules (applied to every line, in order; first match wins):

==================  ===============================================================
kind                matches
==================  ===============================================================
headline            the catalog title (case, quotes and spacing ignored)
headline            also: a line of 6-25 words with no sentence punctuation before the body
section_label       the catalog section, or a line of at most 5 words with no sentence
                    punctuation before the first body paragraph (e.g. "Conflict & Justice")
page_button         "Print", "Email", "Share", "Print this article"
lone_punctuation    a line of punctuation only (":")
metadata_header     "Parent Category: …", "Category : …", "Author: …", "Written by: …"
hits_counter        "Hits: 28"
source_link         "Article: https://…", "Source: https://…"
star_rating         "Star InactiveStar Inactive…" rating widgets
promo               "More from GlobalPost: …", "Read more: …", "Related: …"
republisher_note    "Note from Nighthawk.NZ:" and everything after it
==================  ===============================================================

Paragraph rule: a *caption* is a one-sentence paragraph with no quotation marks and no
speech verb that either carries a photo position marker ("(L)", "(C)", ", left,") or
describes a photo in the present tense ("is welcomed", "shakes hands", "walks with").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nzus_analysis.text.cues import speech_forms

# Whitespace-only lines (including no-break spaces left by image placeholders) separate
# paragraphs; str.isspace() covers U+00A0.

_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("page_button", re.compile(r"^(?:print|email|share|print this article)$", re.I)),
    ("lone_punctuation", re.compile(r"^[^\w\s]+$")),
    (
        "metadata_header",
        re.compile(
            r"^(?:parent category|category|author|written by|published|details|created|"
            r"last updated)\s*:\s*\S.*$",
            re.I,
        ),
    ),
    ("hits_counter", re.compile(r"^hits\s*:\s*\d[\d,]*$", re.I)),
    (
        "source_link",
        re.compile(r"^(?:article|source|original article|link)\s*:\s*https?://\S+$", re.I),
    ),
    ("star_rating", re.compile(r"^(?:\s*star\s*(?:inactive|active|half|empty|full))+\s*$", re.I)),
    (
        "promo",
        re.compile(r"^(?:more from [^:]{1,40}|read more|related|see also)\s*:\s*\S.*$", re.I),
    ),
)

_REPUBLISHER_NOTE = re.compile(r"^note from [^:]{1,60}:?$", re.I)
_SENTENCE_PUNCT = re.compile(r"[.!?…:;\"“”]\s*$")

_QUOTE_MARKS = re.compile(r"[\"“”‘]")
# A speech verb (any form in the speech-cue vocabulary) or "according to" marks prose, not a caption.
_SPEECH_VERB = re.compile(
    r"\b(?:according to|" + "|".join(sorted(map(re.escape, speech_forms()), key=len, reverse=True)) + r")\b",
    re.I,
)
_POSITION_MARKER = re.compile(
    r"\((?:L|R|C|left|right|centre|center|second (?:from )?(?:left|right))\)"
    r"|,\s(?:left|right|centre|center|second (?:from )?(?:left|right)),\s",
)
_PHOTO_VERB = re.compile(
    r"\b(?:is|are) (?:welcomed|greeted|pictured|escorted|applauded)\b"
    r"|\b(?:shakes?|shaking) hands\b"
    r"|\b(?:walks|poses|gestures|waves|looks on|listens|smiles|salutes|greets|arrives|"
    r"speaks to reporters|stands|sits)\b",
)
_INNER_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class Removed:
    """A raw line that is not article text: its 1-based line number, the rule, the text."""

    line: int
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class CleanText:
    """The result of cleaning one raw file."""

    paragraphs: tuple[str, ...]
    captions: tuple[Removed, ...]
    furniture: tuple[Removed, ...]


def _fold(text: str) -> str:
    """Compare headlines and labels ignoring case, quote style and spacing."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())


def _line_rule(line: str) -> str | None:
    for kind, pattern in _LINE_RULES:
        if pattern.match(line):
            return kind
    return None


def is_caption(paragraph: str) -> bool:
    """True when a paragraph reads as a photo caption rather than article text."""
    if len(paragraph.split()) > 45 or _QUOTE_MARKS.search(paragraph):
        return False
    if _SPEECH_VERB.search(paragraph) or _INNER_SENTENCE_END.search(paragraph.rstrip()):
        return False
    return bool(_POSITION_MARKER.search(paragraph) or _PHOTO_VERB.search(paragraph))


def _leading_line_kind(line: str, title_key: str, section_key: str, before_body: bool) -> str | None:
    """Headline or section label: the catalog's, or unpunctuated short lines before the body."""
    folded = _fold(line)
    if title_key and folded == title_key:
        return "headline"
    if not before_body:
        return None
    if section_key and folded == section_key:
        return "section_label"
    if _SENTENCE_PUNCT.search(line):
        return None
    words = len(line.split())
    if words <= 5:
        return "section_label"
    return "headline" if words <= 25 else None


def clean_text(raw: str, title: str = "", section: str = "") -> CleanText:
    """Split raw article text into body paragraphs, captions and removed furniture."""
    title_key, section_key = _fold(title), _fold(section)
    furniture: list[Removed] = []
    captions: list[Removed] = []
    paragraphs: list[str] = []
    block: list[tuple[int, str]] = []
    in_note = False

    def close_block() -> None:
        if not block:
            return
        text = " ".join(line for _, line in block)
        if is_caption(text):
            captions.append(Removed(block[0][0], "caption", text))
        else:
            paragraphs.append(text)
        block.clear()

    for number, raw_line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw_line.strip()
        if not line:  # also no-break-space-only lines
            close_block()
            continue
        kind = _line_rule(line)
        if kind is None and (in_note or _REPUBLISHER_NOTE.match(line)):
            in_note = True  # a republisher's note runs to the end of the file
            kind = "republisher_note"
        kind = kind or _leading_line_kind(
            line, title_key, section_key, before_body=not paragraphs and not block
        )
        if kind is not None:
            close_block()
            furniture.append(Removed(number, kind, line))
        else:
            block.append((number, line))
    close_block()
    return CleanText(tuple(paragraphs), tuple(captions), tuple(furniture))
