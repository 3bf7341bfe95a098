"""Direct quotations: a quote with its lead-in (`Mr Jenkins said: “…”`) or trailing attribution."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import NamedTuple

from nzus_analysis.quotes.patterns import (
    CHANNEL_PHRASE,
    CUE,
    MAX_SPEAKER_CHARS,
    MENTION,
    MIN_LEAD_REPORT_WORDS,
    NAME_AFTER_CUE,
    PARTICIPLE,
    PREPOSITIONS,
    SUBORDINATORS,
    WEEKDAYS,
)
from nzus_analysis.quotes.rules.according import conduit
from nzus_analysis.quotes.spans import QuoteSpan
from nzus_analysis.quotes.state import ArticleState
from nzus_analysis.text.actors import Mention, Resolution
from nzus_analysis.text.cues import words
from nzus_analysis.text.tokens import Sentence

# After a closing quote: ', he said.' / ', said Coleman, according to …'
# A speaker phrase with up to two appositives: "Sanders's campaign manager, Jeff Weaver,"
_APPOSED_MENTION = (  # "Rep. X (D-Ore.)", "the bespectacled, 71-year-old diplomat"
    rf"(?:(?:[Tt]he|[Aa]n?)\s+[a-z][\w-]*,\s+)?{MENTION}(?:\s*\([^()]{{1,30}}\))?"
    r"(?:(?:,\s+[^,;:“”\"]{1,160}){1,2},)?(?:\s+\w+ly)?"
)


# Before a quote, words that do not make it someone else's: an opening bracket, a conjunction,
# or a clause closed by a dash ("Neither man was impressed - “…,” Mr. Elkins said - but …").
_INERT_WORDS = re.compile(r"\s*(?:\(|(?:But|And|Yet|So|Still)\s*)")


_DASH_END = re.compile(r"\s[-–—]\s*\Z")


def _inert_before(before: str) -> bool:
    """Words before a quote that do not make it someone else's: an opening bracket, a
    conjunction, or a clause closed by a dash. Reads only the end of a long `before`."""
    return bool(
        (len(before) <= 40 and _INERT_WORDS.fullmatch(before))
        or _DASH_END.search(before, max(0, len(before) - 40))
    )


# A work's name in quote marks: "in his book, “An American Son.”" (a title, not a quotation)
_TITLE_BEFORE = re.compile(
    r"\b(?:book|memoir|autobiography|novel|article|column|op-ed|essay|film|documentary|album|song|show|play)"
    r",?\s*\Z",
    re.I,
)


MAX_TITLE_WORDS = 8


_SUBJECT_BEFORE_QUOTE = re.compile(  # "Petraeus ", not "Citing ", "In "
    rf"\s*(?!\w+ing\s|(?i:{PREPOSITIONS}|as|after|before|despite|unlike|like)\s)"
    r"(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+"
)


_SHORT_TAIL_WORDS = 4  # "Pence said in response." after a question: a trail, not a new statement


# After a quote introduced by its speaker, a new clause may follow: "Clinton said: “…,” but in fact …"
_CLAUSE_AFTER = re.compile(r"\s*,?\s*(?:but|and|while|although|though|which|as|before|after|\w+ing)\b")


# A quote's lead-in ends in the verb that introduces it: "… and said,", "… but added:", "…, saying,"
_LEAD_TAIL_END = re.compile(
    r"(?:,?\s+(?:and|but)\s+(?:(?:he|she|they|it|also|then)\s+)*[a-z]+(?:\s+that)?|,\s+[a-z]+ing)?\s*\Z"
)


_TOLD_CONTENT = re.compile(r"(?:that|he|she|they|it|we|I|the|a|an|his|her|their|its|there)\s", re.I)


# Words after a quote's lead-in cue that tell when, where or how it was said, not what: "in a video
# message to the convention on Monday", "on Tuesday", "at the White House" (a report may open with
# a bare noun: "in politics it takes time …")
_CIRCUMSTANCE = re.compile(
    r"(?:of\b|about\b|to\b|(?:in|on|at|during|via|through|to|after|before|while|from|with|for|by|outside|inside)\s+"
    r"(?:a|an|the|his|her|their|its|our|this|that|these|those|[A-Z0-9][\w’'.-]*)\b|"
    rf"(?:{WEEKDAYS}|today|yesterday|last|earlier|later)\b)"
    r"(?!.*\bthat\b)",
    re.S,
)


_ADDING = re.compile(r"\s*,\s*(?:adding|continuing|noting)\b")


# After a quote's trailing attribution, the rest of its sentence: “It's our bad luck,” he said,
# that both men … / “Only you,” she said, would use …
_QUOTE_GOES_ON = re.compile(
    r"\s*,\s+(?:that\s+)?(?=(?:would|will|could|can|should|may|might|must|is|was|are|were|has|had|have|does|did"
    r"|both|all|there|it)\s)"
)


_CLAUSE_AFTER_TRAIL = re.compile(r"[,;]\s+(?:but|and|while|although)\s+(?=\S)")


_PARTICIPLE_AFTER_TRAIL = re.compile(rf"[^,“”\"]{{0,60}}?,\s+(?P<cue>{PARTICIPLE})(?:\s+that)?[,:]?\s+(?=\S)")


_TRAIL_ATTRIBUTION = re.compile(
    rf"^\s*,?\s*(?:(?P<m1>{_APPOSED_MENTION})(?<!\b[Tt]he)(?<!\b[Aa])(?<!\b[Aa]n)\s+(?P<c1>{CUE})|(?P<c2>{CUE})\s+(?P<m2>{NAME_AFTER_CUE})"
    rf"|(?P<c3>[—–―]|--)\s*(?P<m3>{NAME_AFTER_CUE})"  # a dash attribution: “…” — Commissioner Kerr
    rf"|(?P<via>{MENTION})\s+(?P<c4>quoted)\s+(?P<m4>{NAME_AFTER_CUE})\s+as\s+saying)"
    r"(?P<tail>(?:[\s,.;)].*)?)$",
    re.S,
)


# Before an opening quote: 'Coleman said, ' / 'He told reporters: ' / 'X interjected to say: '
# (an opening clause may come first: "Contrasting her with Trump, Garin said: “…”")
# "Said Comey, “…”": the cue first
_INVERTED_LEAD = re.compile(
    rf"^(?:(?P<opening>[^“”\",]{{0,120}}),\s+)?(?P<c1>Said|Says|Added|Asked|Wrote|Writes|Tweeted"
    r"|(?<=^But, )said|(?<=^And, )said)\s+"  # "But, said Solovey, “…”"
    rf"(?P<m1>{NAME_AFTER_CUE})(?P<tail>)[,:]\s*$"
)


_LEAD_ATTRIBUTION = re.compile(
    rf"^(?:(?P<opening>[^“”\",]{{0,120}}),\s+)?(?P<m1>{_APPOSED_MENTION})(?:\s+\w+\s+to)?\s+(?P<c1>{CUE})"
    r"(?P<tail>[^“”\"]*?)[,:]\s*$",
    re.S,
)


_WORD_START = re.compile(r"(?<=\s)\S")


_PREPOSITION = re.compile(rf"(?i:{PREPOSITIONS})\s")


# Before a word, a preposition, article or possessive: the word is inside a phrase, not its start
_INSIDE_A_PHRASE = re.compile(rf"\b(?i:{PREPOSITIONS}|the|a|an|his|her|their|its|our|my)\s+\Z|[’']s\s+\Z")


# The same, matched at a position of a longer text (`nearest_lead`)
_LEAD_ATTRIBUTION_AT = re.compile(_LEAD_ATTRIBUTION.pattern.removeprefix("^"), _LEAD_ATTRIBUTION.flags)


_CONJUNCTION_SUBJECT = re.compile(rf"(?i:(?:and|but|or)\s+)?(?i:{SUBORDINATORS})\s*\Z")  # "and when" asked


_SPEECHY_END = re.compile(r"[,.?!…:;—-]$")


MAX_LEAD_CHARS = 1000  # of a sentence before or after a quote, read for its attribution (`direct`)


def direct(ex: ArticleState, span: QuoteSpan) -> int | None:
    """Record a direct quotation if `span` is one; return the offset it consumes up to."""
    content = ex.text[span.start : span.end]
    opening = ex.sentence_at(span.open_at)
    closing = ex.sentence_at(span.close_at)
    # A lead-in or trailing attribution is read from at most `MAX_LEAD_CHARS` of the sentence
    # on each side (a longer lead-in only by its nearest speaker and cue), so a run-on text of
    # quotes costs linear time.
    long_lead = span.open_at - opening.start > MAX_LEAD_CHARS
    if long_lead:  # `before` and a lead's offsets start here
        opening = replace(opening, start=span.open_at - MAX_LEAD_CHARS)
    before = ex.text[opening.start : span.open_at]
    after = (
        ex.text[span.after_close : min(closing.end, span.after_close + MAX_LEAD_CHARS)] if span.closed else ""
    )
    if _inert_before(before):  # "(“…,” said X.)", "But “…”", "… - “…,” X said - but"
        before = ""
    # (the patterns on `before` read only its end, so a run-on sentence of quotes stays linear)
    if _TITLE_BEFORE.search(before, max(0, len(before) - 40)) and len(content.split()) <= MAX_TITLE_WORDS:
        return None  # "…, Mr. Rubio said in his 2012 book, ''An American Son.''": a title
    lead = _lead_in(ex, opening, before, long_lead)
    trail, after, closing, trail_base = _trailing(ex, span, content, after, closing)
    # 'Petraeus "was handled so lightly …," said a former official.': a short subject before
    # the quote, then the attribution: the sentence from its subject is the speaker's
    completes = bool(
        before.strip()
        and not lead
        and trail
        and _SUBJECT_BEFORE_QUOTE.fullmatch(before)
        and ex.text[span.open_at] not in "‘'"  # a headline's single quotes: "Vouchers 'to cut …'"
        and ex.speakers.names_someone(
            next(trail.group(g) for g in ("m1", "m2", "m3", "m4") if trail.group(g))
        )
    )
    if before.strip() and not lead and not completes:
        return None
    if after.strip(" .;)") and not trail and not (lead and _CLAUSE_AFTER.match(after)):
        return None
    if not (lead or trail or _SPEECHY_END.search(content.rstrip()) or content.count(" ") >= 6):
        return None
    if trail or lead:
        _record_attributed(ex, span, opening, closing, before, lead, trail, trail_base, completes)
    else:
        _record_unattributed(ex, span)
    return closing.end


def _lead_in(ex: ArticleState, opening: Sentence, before: str, long_lead: bool) -> re.Match[str] | None:
    """The attribution that introduces a quote ("Coleman said, “…”"), read from `before`."""
    introduces = before.rstrip().endswith((",", ":"))  # both lead patterns end in [,:]\s*$
    lead = (
        _LEAD_ATTRIBUTION.match(before) or _INVERTED_LEAD.match(before)
        if introduces and not long_lead
        else None
    )
    if lead is None and introduces:
        # 'Remarking upon Clinton's “genuine empathy,” Starr said, “…”': an opening the lead
        # pattern does not take (a quote, many commas); the nearest speaker and cue lead in
        lead = nearest_lead(ex, before, 0)
    if lead and _CONJUNCTION_SUBJECT.match(lead.group("m1")):
        # "…, and when asked whether …, he said, “…”", "When asked if … Eriksson replied: “…”":
        # the lead is the nearest speaker and cue before the quote
        lead = nearest_lead(ex, before, lead.end("c1"))
        if lead and before[: lead.start()].rstrip().endswith(","):  # the clauses before may
            ex.reported(replace(opening, end=opening.start + lead.start()))  # report speech too
    return lead


def _trailing(
    ex: ArticleState, span: QuoteSpan, content: str, after: str, closing: Sentence
) -> tuple[re.Match[str] | None, str, Sentence, int]:
    """The attribution after a quote (“…,” he said.), with the text it was read from, the
    sentence it ends in and the offset its match starts from (`after` is read from there)."""
    trail = _TRAIL_ATTRIBUTION.match(after) if after.strip(" .)") else None
    trail_base = span.after_close
    if span.closed and not after.strip() and content.rstrip()[-1:] in "?!":
        # “… be?” Pence said in response. (the splitter ended the sentence at the question mark)
        index = bisect_right(ex.sentence_starts, closing.end)
        following = ex.sentences[index] if index < len(ex.sentences) else None
        if following is not None and ex.paragraph_at(following.start) == ex.paragraph_at(span.close_at):
            following_text = " " + ex.text[following.start : following.end]
            trail = _TRAIL_ATTRIBUTION.match(following_text)
            if trail and len(trail.group("tail").split()) <= _SHORT_TAIL_WORDS:
                after, closing, trail_base = following_text, following, following.start - 1
            else:
                trail = None
    return trail, after, closing, trail_base


def _record_attributed(
    ex: ArticleState,
    span: QuoteSpan,
    opening: Sentence,
    closing: Sentence,
    before: str,
    lead: re.Match[str] | None,
    trail: re.Match[str] | None,
    trail_base: int,
    completes: bool,
) -> None:
    """Record a quote with its lead-in or trailing attribution, and what else that sentence reports."""
    match = trail or lead
    assert match is not None
    group = next(g for g in ("m4", "m1", "m2", "m3") if match.groupdict().get(g))
    mention = match.group(group)
    cue = match.group("c" + group[1])
    base = trail_base if trail else opening.start
    resolution = ex.speakers.resolve(mention, base + match.start(group))
    rule = {"m1": "direct_speaker_after", "m2": "direct_speaker_after", "m3": "direct_dash"}.get(
        group, "direct_quoted_as_saying"
    )
    rule = rule if trail else "direct_speaker_before"
    attribution, via = match.group(0), ""
    if group == "m4":  # “…,” Arab News quoted Prince Saud as saying: the outlet passes it on
        cue, via = "quoted as saying", conduit(ex, match.group("via"), base + match.start("via"))
    if lead:  # "She also said the turmoil was not the banks' fault, “not by a long shot.”"
        lead_report(ex, opening, lead)
    if lead and not trail and lead.group("opening") and _ADDING.match(lead.group("tail")):
        # "Mateen left early, Nefzi said, adding, “…”": the opening clause is her report too
        start, end = ex.content_span(opening.start, opening.start + lead.end("opening"))
        ex.add(ex.kind_of(start, end), start, end, cue, resolution, attribution, "speaker_after")
    said = Said(cue, resolution, attribution, rule, via)
    if completes:
        start = opening.start + len(before) - len(before.lstrip())
        ex.add("partial", start, span.end, *said)
    else:
        ex.add("direct", span.start, span.end, *said)
    if trail:
        _after_trail(ex, closing, trail_base, match, group, said)


class Said(NamedTuple):
    """What `ArticleState.add` takes after a statement's kind and offsets."""

    cue: str
    resolution: Resolution
    attribution: str
    rule: str
    via: str


def _after_trail(
    ex: ArticleState, closing: Sentence, trail_base: int, match: re.Match[str], group: str, said: Said
) -> None:
    """After a trailing attribution: the sentence's later quotes (“…,” Ms Acosta said, “and …”),
    a participle of the speaker's (“…,” he said, citing …), a report of its own (“…,” Carson said
    on NBC, but he said …) or the quote's sentence going on (“Only you,” she said, would use …)."""
    cue, resolution, attribution, _, via = said
    after_cue = trail_base + match.end("c" + group[1])  # not a title in the cue: told “Fox News”
    for later in ex.spans_opening_in(after_cue, closing.end):
        ex.add("direct", later.start, later.end, *said)
    tail_at = trail_base + match.start("tail")
    more = _CLAUSE_AFTER_TRAIL.search(ex.masked, tail_at, closing.end)
    participle = _PARTICIPLE_AFTER_TRAIL.match(ex.masked, tail_at, closing.end)
    if participle and not ex.spans_opening_in(participle.end(), closing.end):
        start, end = ex.content_span(participle.end(), closing.end)
        verb = re.sub(r"\s+", " ", participle.group("cue"))
        words_before = ex.text[tail_at : participle.end()].strip()
        if end > start:
            ex.add(ex.kind_of(start, end), start, end, verb, resolution, words_before, "participle", via)
    elif more and not ex.spans_opening_in(more.end(), closing.end):
        ex.reported(replace(closing, start=more.end()))
    elif (goes_on := _QUOTE_GOES_ON.match(ex.masked, tail_at, closing.end)) and not (
        ex.spans_opening_in(goes_on.end(), closing.end)
    ):
        start, end = ex.content_span(goes_on.end(), closing.end)
        if end > start:
            ex.add("indirect", start, end, cue, resolution, attribution, "mid_sentence", via)


def _record_unattributed(ex: ArticleState, span: QuoteSpan) -> None:
    """A quote with no attribution: the previous record's speaker's (`direct_continuation`), else
    nobody's (`direct_unattributed`)."""
    paragraph = ex.paragraph_at(span.open_at)
    previous = ex.previous_record(paragraph)
    opens = ex.text[ex.paragraph_spans[paragraph][0] : span.open_at].strip() == ""
    introduced = _introduced(ex, paragraph) if previous is None and opens else None
    if previous is not None:
        # the same speaker, named by the previous record's words ("she", "Mr Howard")
        resolution = replace(previous.resolution, resolved_by="continuation")
        rule = "direct_continuation"
    elif introduced is not None:
        resolution = Resolution(introduced.actor.canonical, introduced.text, "continuation", introduced.actor)
        rule = "direct_continuation"
    else:
        resolution = Resolution("", "", "unattributed", None)
        rule = "direct_unattributed"
    ex.add("direct", span.start, span.end, "", resolution, "", rule)


def _introduced(ex: ArticleState, paragraph: int) -> Mention | None:
    """The one person the paragraph before names, when it names one and only one and reports no
    statement: a quote paragraph after it is theirs ("Sopoaga was particularly happy …" ¶ "“The
    Forum leaders agreed …”")."""
    if paragraph == 0:
        return None
    start, end = ex.paragraph_spans[paragraph - 1]
    named = [*ex.speakers.mentions, *ex.named_people]  # with surnames alone ("But Luxon was")
    people = [m for m in named if start <= m.start < end and m.actor.kind == "person"]
    return people[-1] if people and len({m.actor.canonical for m in people}) == 1 else None


def nearest_lead(ex: ArticleState, before: str, after: int) -> re.Match[str] | None:
    """The lead-in attribution that starts at the latest word of `before` past `after` and
    whose speaker phrase names someone ("Eriksson replied:"); only the last
    `MAX_SPEAKER_CHARS` characters are read, so a long run-on lead costs linear time."""
    for word in reversed(list(_WORD_START.finditer(before, max(after, len(before) - MAX_SPEAKER_CHARS)))):
        if _INSIDE_A_PHRASE.search(before, 0, word.start()) or _PREPOSITION.match(before, word.start()):
            continue  # "… in the house saying:", "… to the stock exchange said:": not a subject
        lead = _LEAD_ATTRIBUTION_AT.match(before, word.start())
        if lead and ex.speakers.names_someone(lead.group("m1")):
            return lead
    return None


def lead_report(ex: ArticleState, sentence: Sentence, lead: re.Match[str]) -> None:
    """Record the report a quote's lead-in makes before it ("Hayek confirmed she had been and
    said, “…”": "she had been"), unless its words after the cue are only a time, a place or a
    channel ("Coleman said in an interview on Monday, “…”")."""
    tail_at = sentence.start + lead.start("tail")
    tail = _LEAD_TAIL_END.sub("", ex.masked[tail_at : sentence.start + lead.end("tail")])
    if tail[:1].isalnum() or not ex.speakers.names_someone(lead.group("m1")):
        return  # the cue matched inside a longer word ("explain|ing"), or no one is its subject
    bare = tail.lstrip(" ,;")
    channel = CHANNEL_PHRASE.match(bare)
    skip = len(tail) - len(bare) + (channel.end() if channel else 0)
    content = tail[skip:]
    n_words = len(words(content))
    if n_words < MIN_LEAD_REPORT_WORDS or _CIRCUMSTANCE.match(content.strip()):
        return
    if lead.group("c1").lower().startswith("told") and not _TOLD_CONTENT.match(content.strip()):
        return  # "told BBC Radio 4's Today programme", "told Czech newspaper Daily Sport": a hearer
    start, end = ex.content_span(tail_at + skip, tail_at + len(tail))
    if ex.text[start : start + 5].lower() == "that ":
        start += 5
    if end > start:
        resolution = ex.speakers.resolve(lead.group("m1"), sentence.start + lead.start("m1"))
        cue = re.sub(r"\s+", " ", lead.group("c1"))
        said = ex.text[sentence.start + lead.start("m1") : tail_at].strip()
        ex.add(ex.kind_of(start, end), start, end, cue, resolution, said, "speaker_first")
