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
source_credit       "Source: 1 NEWS" (a short credit line, no sentence)
timestamp           a line of dates and times only: "Posted October 29, 2013 08:06:16",
                    "6:43 pm on 10 June 2019", "Published: Mon 15 Jul 2019", "21 Dec 2023",
                    "This was published 8 years ago"
byline              "By Nick O'Malley", "By A. Writer, Pacific Editor in Suva"; the catalog
                    author's name alone, or opening a one-line biography ("… is the Herald's
                    deputy political editor.")
photo_credit        a line carrying a photo credit: "Photo: RNZ / Dom Thomas", "Photo / AP",
                    "Credit:AFP", "— AFP/File", "(Xinhua/Yao Dawei)", "via Getty Images"
bullet              a line opening with a bullet "•" (summary points, tag lists, form fields)
standfirst          "Key points:"
advert              "Advertisement", "Your playlist will load after this ad", app and
                    subscription prompts ("Get all your news in one place.", "Start reading")
site_message        "Skip to main content", "We're sorry, this feature is currently
                    unavailable…", "Follow X on Twitter…", "Adjust font size:", share rows
comments            "Add your comments", "No comments.", "1 Response to …", "Leave a Reply",
                    "This entry was posted in …", and everything after it
related             "Relevant offers", "Related links", "Most popular" and the block after it;
                    "Watch … press conference:" (a video's label)
republisher_note    "Note from Nighthawk.NZ:" and everything after it
==================  ===============================================================

Prefix rules (cut from the start of a line; what is left is read as any other line):

==================  ===============================================================
archive_stamp       a web archive's " date 2019-08-05 " at the start of a line
dateline            at the start of the first article paragraph: "WELLINGTON (Reuters) –",
                    "WELLINGTON, Nov. 20 --", "MELBOURNE –", "WELLINGTON:", "Wellington,
                    10 June 2019 (dpa/MIA) –", "July 15 (BusinessDesk) -", "Sept 9, 2010 –"
==================  ===============================================================

Paragraph rules (a paragraph is a block of lines between blank lines):

==================  ===============================================================
paragraph_breaks    a text with no blank line at all has each line read as a paragraph
                    (web copies often separate paragraphs by one newline); recorded once
caption             a one-sentence paragraph with no quotation marks and no speech verb that
                    carries a photo position marker ("(L)", "(C)", ", left,") or describes a
                    photo in the present tense ("is welcomed", "shakes hands", "walks with")
repeated_caption    a paragraph whose lines repeat one line (alt text and caption), or that the
                    next line repeats with a credit added
alt_caption         two lines: a short unpunctuated one (image alt text) whose capitalised
                    words all recur in the second, a one-sentence caption ("Key and Obama" /
                    "Prime Minister John Key and US President Barack Obama have a chat …")
label_caption       one sentence opened by a label in capitals or quotes: "SPECIAL
                    RELATIONSHIP: Obama shows Key around …", "'REAL FRIENDS': Key meets …"
subheading          after the first article paragraph, a one-line paragraph of at most 10 words
                    with no sentence punctuation at its end: crossheads, image alt text, link
                    lines ("China 'debt-trap diplomacy'", "Background", "Obama Key")
==================  ===============================================================
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
    ("source_credit", re.compile(r"^source\s*:\s*[^.!?:]{1,40}$", re.I)),
    ("byline", re.compile(r"^[Bb]y\s+(?:[A-Z][\w.’'-]*\s?){1,4}(?:,\s[^.!?]{1,60})?$")),
    ("bullet", re.compile(r"^[•●▪]\s*\S")),
    ("standfirst", re.compile(r"^key points\s*:?$", re.I)),
    ("related", re.compile(r"^(?:watch|listen)\b.{0,150}:$", re.I)),
    (
        "photo_credit",
        re.compile(
            r"\b(?:Photo(?:graph)?|Picture|Image)\s*[:/]\s*[A-Z][^!?]{0,60}$|\bCredit\s*:\s*\S[^.!?]{0,40}$"
            r"|[—–-]\s*(?:AFP|AP|Reuters|EPA)(?:/File)?$|\((?:Xinhua|AFP|AP|Reuters|EPA|Photo)[/:][^)]*\)"
            r"|\bvia Getty(?: Images)?\b|© [A-Z]",
        ),
    ),
    (
        "advert",
        re.compile(
            r"^(?:advertisement|your playlist will load after this ad|get all your news in one place\.?"
            r"|[\d,]+[’']?s? of premium titles\.?|one app\.?|start reading|learn more"
            r"|get more with \w+|a personalised news feed of stories that matter to you)$",
            re.I,
        ),
    ),
    (
        "site_message",
        re.compile(
            r"^(?:skip to (?:main )?content|adjust font size:?|print e-?mail bookmark and share"
            r"|follow \S.{0,40} on (?:twitter|facebook|instagram)\b.*|send your stories.*"
            r"|.*\bthis feature is currently unavailable\b.*|this was published \d+ \w+ ago)$",
            re.I,
        ),
    ),
    ("hits_counter", re.compile(r"^there were [\d,]+ [\w ]{1,30} posted in the last\b.*$", re.I)),
)
_COMMENTS = re.compile(
    r"^(?:add your comments?|no comments\.?|leave a (?:reply|comment)|go to forum\b.*|\d+ responses? to\b.*"
    r"|this entry was posted in\b.*|comments? \(\d+\))[.…]*$",
    re.I,
)
_RELATED_LABEL = re.compile(
    r"^(?:relevant offers|related (?:links|stories|articles)|most popular|trending)$", re.I
)
_ARCHIVE_STAMP = re.compile(r"^date \d{4}-\d{2}-\d{2}\b\s*")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"
_TIMESTAMP = re.compile(
    rf"^(?:(?:(?:last\s+)?updated|posted|published|publish date)\s*:?\s*|(?:on|at)\s+|,\s*"
    rf"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+|{_DATE}\s*|{_TIME}\s*)+$",
    re.I,
)
_HAS_DATE = re.compile(rf"{_DATE}|^\d{{1,2}}\s+{_MONTH}\s+\d{{4}}$", re.I)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){0,2}"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][A-Za-z .]{2,30}))?"
    r"\s*(?:\([\w/ .]{2,40}\))?\s*(?:--|—|–|-|:)"
    rf"|[A-Z][a-z]+,\s+\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\s*\([\w/ .]{{2,40}}\)\s*[—–-]"
    rf"|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?:\([\w/ .]{{2,40}}\))?\s*(?:--|—|–|-))\s+(?=\S)"
)
_LABEL_CAPTION = re.compile(r"^(?:[‘'\"“][A-Z][A-Z ,!?'-]+[’'\"”]|[A-Z]{2,}(?:\s[A-Z]{2,})+)\s*:\s+[A-Z]")

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


def _tail_rule(line: str) -> str:
    """The rule of a line that makes every later line furniture ("" for other lines)."""
    if _REPUBLISHER_NOTE.match(line):
        return "republisher_note"
    return "comments" if _COMMENTS.match(line) else ""


def _line_rule(line: str) -> str | None:
    for kind, pattern in _LINE_RULES:
        if pattern.search(line):
            if kind == "photo_credit" and (_QUOTE_MARKS.search(line) or len(line.split()) > 60):
                continue
            return kind
    if _TIMESTAMP.match(line) and _HAS_DATE.search(line):
        return "timestamp"
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
    return "headline" if words <= 20 else None


def _author_kind(line: str, author: str) -> str | None:
    """ "byline" for the catalog author's name alone or opening a one-line biography."""
    if not author:
        return None
    folded, name = _fold(line), _fold(author)
    if folded == name or (folded.startswith(name + " is ") and len(line.split()) <= 25):
        return "byline"
    return None


def _is_alt_caption(lines: list[str]) -> bool:
    alt, caption = lines
    if len(alt.split()) > 8 or _SENTENCE_PUNCT.search(alt) or _QUOTE_MARKS.search(caption):
        return False
    if _INNER_SENTENCE_END.search(caption.rstrip()) or _SPEECH_VERB.search(caption):
        return False
    capitalised = {w for w in re.findall(r"\b[A-Z][\w’'-]+", alt)}
    return bool(capitalised) and capitalised <= set(re.findall(r"\b[\w’'-]+", caption))


def _block_kind(lines: list[str], next_line: str, after_body: bool) -> str | None:
    """The paragraph rule that removes a block of lines (None: the block is article text)."""
    text = " ".join(lines)
    if len(lines) > 1 and len(set(lines)) == 1:
        return "repeated_caption"
    if len(lines) == 1 and next_line != lines[0] and next_line.startswith(lines[0]):
        return "repeated_caption"  # the next line repeats it with a credit added
    if len(lines) == 2 and _is_alt_caption(lines):
        return "alt_caption"
    if is_caption(text):
        return "caption"
    label = _LABEL_CAPTION.match(text)
    if label and not _QUOTE_MARKS.search(text[label.end() :]) and not _INNER_SENTENCE_END.search(text):
        return "label_caption"
    if after_body and len(lines) == 1 and len(text.split()) <= 10 and not _SENTENCE_PUNCT.search(text):
        return "subheading"
    return None


@dataclass
class _Lines:
    """The raw lines of a file, numbered, with the blank-line structure the rules need."""

    numbered: list[tuple[int, str]]
    single_newlines: bool  # no blank line anywhere: each line is a paragraph

    def next_line_follows(self, number: int) -> bool:
        """True when line `number` is followed directly by another non-blank line of its block."""
        return not self.single_newlines and number < len(self.numbered) and bool(self.numbered[number][1])

    def next_line(self, number: int) -> str:
        """The first non-blank line after line `number` ("" at the end)."""
        return next((line for n, line in self.numbered[number:] if line), "")

    @classmethod
    def of(cls, raw: str) -> _Lines:
        numbered = [
            (n, line.strip())
            for n, line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1)
        ]
        filled = [n for n, line in numbered if line]
        # no blank (or whitespace-only) line between the first and the last line with text
        single = len(filled) > 1 and len(filled) == filled[-1] - filled[0] + 1
        return cls(numbered, single)


def clean_text(raw: str, title: str = "", section: str = "", author: str = "") -> CleanText:
    """Split raw article text into body paragraphs, captions and removed furniture."""
    title_key, section_key = _fold(title), _fold(section)
    furniture: list[Removed] = []
    kept: list[list[tuple[int, str]]] = []  # blocks of article lines, before the paragraph rules
    block: list[tuple[int, str]] = []
    lines = _Lines.of(raw)
    if lines.single_newlines:
        first = next(n for n, line in lines.numbered if line)
        furniture.append(Removed(first, "paragraph_breaks", "single newlines read as paragraph breaks"))
    tail_kind = ""  # "republisher_note" or "comments": every later line is furniture
    take_block = False  # the block after a "Relevant offers" label is a related-links block

    def close_block() -> None:
        nonlocal take_block
        if block:
            if take_block:
                furniture.extend(Removed(n, "related", line) for n, line in block)
                take_block = False
            else:
                kept.append(list(block))
            block.clear()

    for number, line in lines.numbered:
        if not line:
            close_block()
            continue
        stamp = _ARCHIVE_STAMP.match(line)
        if stamp:
            furniture.append(Removed(number, "archive_stamp", stamp.group().strip()))
            line = line[stamp.end() :]
        kind = _line_rule(line) or tail_kind or _author_kind(line, author)
        if kind is None and (tail := _tail_rule(line)):
            tail_kind = kind = tail
        if kind is None and _RELATED_LABEL.match(line):
            kind, take_block = "related", True
            close_block()
            furniture.append(Removed(number, kind, line))
            continue
        if kind is None:
            # a header line stands alone or in a stack of lines; a wrapped sentence goes on in lower case
            wraps = lines.next_line_follows(number) and lines.next_line(number)[:1].islower()
            kind = _leading_line_kind(
                line, title_key, section_key, before_body=not kept and not block and not wraps
            )
        if kind is not None:
            close_block()
            furniture.append(Removed(number, kind, line))
        else:
            block.append((number, line))
            if lines.single_newlines:
                close_block()
    close_block()
    return _paragraph_rules(kept, furniture, lines)


def _paragraph_rules(blocks: list[list[tuple[int, str]]], furniture: list[Removed], raw: _Lines) -> CleanText:
    """Captions and subheadings out of the kept blocks; the first paragraph loses its dateline."""
    captions: list[Removed] = []
    paragraphs: list[str] = []
    for block in blocks:
        lines = [line for _, line in block]
        kind = _block_kind(lines, raw.next_line(block[-1][0]), after_body=bool(paragraphs))
        if kind in ("caption", "repeated_caption", "label_caption", "alt_caption"):
            captions.append(Removed(block[0][0], kind, " ".join(lines)))
            continue
        if kind is not None:
            furniture.extend(Removed(n, kind, line) for n, line in block)
            continue
        text = " ".join(lines)
        dateline = _DATELINE.match(text) if not paragraphs else None
        if dateline:
            furniture.append(Removed(block[0][0], "dateline", dateline.group().strip()))
            text = text[dateline.end() :]
        paragraphs.append(text)
    furniture.sort(key=lambda r: r.line)
    return CleanText(tuple(paragraphs), tuple(captions), tuple(furniture))
