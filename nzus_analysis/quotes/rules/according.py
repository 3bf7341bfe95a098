"""Rules led by the source: according to X, as X reported, X quoted Y as saying."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from nzus_analysis.quotes.patterns import NAME_AFTER_CUE, trimmed_end
from nzus_analysis.quotes.state import ArticleState
from nzus_analysis.text.actors import Resolution, nominal_mentions
from nzus_analysis.text.tokens import Sentence

VIA_BEFORE = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*|[a-z]+)(?:\s+[A-Z][\w’'.-]*){0,4}\Z")


_APPOSITIVE_REST = re.compile(
    r",\s+(?:an?|the|his|her|its|their|another)\s+[^,;]{1,80}?[\s.]*"
)  # ", an advocacy group."


# "Arab News quoted Prince Saud as saying (that) CONTENT": the speaker sits inside the cue.
# Found from the literal "quoted" (a pattern led by the outlet's words would be tried at every
# letter); the outlet is then read back from the words before it (`VIA_BEFORE`).
QUOTED_AS_SAYING = re.compile(
    rf"quoted\s+(?P<source>{NAME_AFTER_CUE})\s+as\s+saying[,:]?\s+(?:that\s+)?(?=\S)"
)


# "…, according to SOURCE, an advocacy group." / "…, according to SOURCE - virtually …" /
# "Fundraising, according to the campaign, has surged." (periods inside a name are kept: "A.F.L.",
# "Ms. Epstein")
ACCORDING_MID = re.compile(
    r"^(?P<content>.+?)(?:,|\s[—–-])\s*according to\s+(?P<source>(?:[^,.;:—–()]|\.(?=\S|\s+[A-Z]))++)"
    r"(?P<rest>.*)$",
    re.S,
)


ACCORDING_LEAD = re.compile(r"^According to\s+(?P<source>[^,:]+)(?P<sep>[,:])\s*", re.S)


# "As Politico reported, CONTENT" / "As reported by Western Journalism, CONTENT"
AS_LEAD = re.compile(
    r"^As\s+(?:(?P<cue>reported|first reported|noted|described)\s+by\s+(?P<by>[^,:]{1,80})"
    r"|(?P<source>(?:the\s+)?[A-Z][^,:]{0,60}?)\s+"
    r"(?P<said>reported|first reported|noted|wrote|said|explained))"  # cue words only (`RULE_TRIGGERS`)
    r"(?P<sep>[,:])\s*",
    re.S,
)


def according_lead(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """According to the AP, CONTENT / According to the AP: before the next paragraph."""
    s0, text = sentence.start, match.string
    named = "source" if match.group("source") else "by"  # "As reported by X," names X after the cue
    source = ex.speakers.resolve(match.group(named).rstrip(), s0 + match.start(named))
    said = (match.groupdict().get("cue") or match.groupdict().get("said") or "according to").lower()
    content_end = trimmed_end(text, match.end(), len(text))
    if content_end > match.end():
        start, end = s0 + match.end(), s0 + content_end
        consumed = sentence.end
    else:  # "According to the AP:" introduces the next paragraph
        index = ex.paragraph_at(sentence.start) + 1
        if index >= len(ex.paragraph_spans):
            return None
        start, end = ex.paragraph_spans[index]
        consumed = end
    if consumed == sentence.end and _is_outlet(source):  # "According to Xinhua, Xi told Ardern that …"
        before = len(ex.records)
        ex.reported(replace(sentence, start=start, text=ex.text[start : sentence.end]))
        if len(ex.records) > before:  # the outlet passed on the words of the speaker it names
            via = source.speaker or source.mention
            ex.records[before:] = [replace(r, channel="second_hand", via=via) for r in ex.records[before:]]
            return consumed
    start, end = ex.content_span(start, end)
    attribution = text[: match.end("sep") - 1] if said != "according to" else "according to " + source.mention
    ex.add(ex.kind_of(start, end), start, end, said, source, attribution, rule)
    return consumed


@cache
def _outlet_noun() -> re.Pattern[str]:
    """A noun naming a news outlet (`data/lexicons/nominal_mentions.csv`, kind "news outlet")."""
    nouns = sorted(
        (n for n, (kind, _) in nominal_mentions().items() if kind == "news outlet"), key=len, reverse=True
    )
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))})\b", re.I)


def _is_outlet(source: Resolution) -> bool:
    """A news outlet: one the actor table lists, or words naming one ("China's state news agency
    Xinhua")."""
    if source.actor is not None:
        return source.actor.kind == "news outlet"
    return bool(_outlet_noun().search(source.mention))


def quoted_as_saying(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """Quoted as saying: "Arab News quoted Prince Saud as saying (that) CONTENT"."""
    s0, text = sentence.start, match.string
    content_end = trimmed_end(text, match.end(), len(text), keep=1)
    before = trimmed_end(text, 0, match.start())  # the outlet's words end before " quoted"
    outlet = VIA_BEFORE.search(text, max(0, before - 80), before) if before < match.start() else None
    if content_end <= match.end() or outlet is None:
        return None
    source = ex.speakers.resolve(match.group("source"), s0 + match.start("source"))
    start, end = ex.content_span(s0 + match.end(), s0 + content_end)
    via = conduit(ex, outlet.group(), s0 + outlet.start())
    ex.add(ex.kind_of(start, end), start, end, "quoted as saying", source, match.group(0), rule, via)
    return sentence.end


def conduit(ex: ArticleState, phrase: str, phrase_start: int) -> str:
    """The outlet in "X quoted Y as saying": its canonical name, else its words."""
    resolution = ex.speakers.resolve(phrase, phrase_start)
    return resolution.speaker or resolution.mention


def according_mid(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """CONTENT, according to SOURCE, MORE: the content is what precedes, or the whole
    sentence when the sentence goes on after the source's comma."""
    s0 = sentence.start
    source_words, dash, after_dash = match.group("source").partition(" - ")  # "SOURCE - the worst …"
    source = ex.speakers.resolve(source_words.rstrip(), s0 + match.start("source"))
    rest = dash + after_dash + match.group("rest")
    start, end = s0 + match.start("content"), s0 + match.end("content")
    if rest.startswith(",") and rest.strip(" .,") and not _APPOSITIVE_REST.fullmatch(rest):
        end = sentence.end  # "Fundraising, according to the campaign, has surged."
    start, end = ex.content_span(start, end)
    if end <= start:
        return None
    attribution = "according to " + source.mention
    if source.actor is not None and source.actor.kind == "news outlet":
        attribution += " reported"
    ex.add(ex.kind_of(start, end), start, end, "according to", source, attribution, rule)
    return sentence.end
