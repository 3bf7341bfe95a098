"""Rule speaker_first: SUBJECT said (that) CONTENT."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from nzus_analysis.quotes.channels import via_in
from nzus_analysis.quotes.patterns import (
    ACCORDING_TRAIL,
    CHANNEL_PHRASE,
    CLAUSE_START,
    COLON_ATTRIBUTION,
    CUE_TAIL,
    ENDS_IN_AND,
    INNER_CLAUSE,
    INVERTED_TRAIL,
    MAX_SPEAKER_CHARS,
    MID_ATTRIBUTION,
    MIN_LEAD_REPORT_WORDS,
    NOT_A_SPEAKER_BEFORE_CUE,
    REPORTED_TRAIL,
    SPEAKER_CUE,
    SUBJECT_PRONOUN,
    SUBORDINATOR,
    WEEKDAYS,
    antecedent_of_who,
    trimmed_end,
)
from nzus_analysis.quotes.rules.acts import speech_act_before
from nzus_analysis.quotes.rules.trailing import report_before
from nzus_analysis.quotes.state import ArticleState
from nzus_analysis.text.cues import speech_cues
from nzus_analysis.text.tokens import Sentence

# A cue after "to" is no report when the words before it say it is only wished, planned or
# not done ("declined to claim", "plans to add", "was unable to say", "BMW is to recall"); a cue
# after another "to" may be ("went on to say", "prompted some charities to say"), and "is
# expected to say that …" reports a speech briefed in advance, as PolNeAR codes it
_NOT_DONE_TO = re.compile(
    r"\b(?i:declined|declining|refused|refusing|failed|failing|plans?|planned|planning|wants?|wanted"
    r"|hopes?|hoped|hoping|unable|due|set|poised|ready|willing|bid|pledge|attempts?|attempted|seeks?"
    r"|seeking|sought|needs?|needed|going|is|are|was|were|be|designed|aims?|aimed|intends?|intended"
    r"|inability)\s+to\s*\Z"
)


_NEGATED = re.compile(r"\b(?i:would|could|will|can|did|does|do|may|might|should|must)(?:\s+not|n[’']t)\s*\Z")


@cache
def _base_form_words() -> frozenset[str]:
    return frozenset(cue.cue.split()[0] for cue in speech_cues())


def _reports_nothing(subject: str, cue: str) -> bool:
    """Whether `cue`, in its base form, follows a "to" that reports no speech (`_NOT_DONE_TO`), or
    a negation ("would not say", "did not confirm", "could not say"): nothing was said."""
    base = cue.split()[0].lower() in _base_form_words()
    return base and (_NOT_DONE_TO.search(subject) is not None or _NEGATED.search(subject) is not None)


# "NAME: CONTENT" (headlines, transcripts), when NAME is a person or an actor.
# After a cue, only where, when or how it was said ("said after the attacks.", "said at a news
# conference in New York in December.")
_CIRCUMSTANCE_TAIL_ONLY = re.compile(
    r"\s*(?:after|before|during|at|in|on|while|when|as|via|through|from)\s(?![^“”\"]*\bthat\b)[^,;“”\"]{1,120}?"
    r"(?:,?\s*(?:[“\"‘]|'')[^“”\"]{1,80}?(?:[”\"’]|''))?"  # a title: "in his 2012 book, ''An American Son.''"
    r"[\s.”\"’']*"
)


_BYLINE_PLACE = re.compile(r"from\s+[A-Z][\w.’'-]*(?:,?\s+[A-Z][\w.’'-]*)*\s*(?:;|\.?\s*\Z)")


# After a cue, nothing but when it was said (and a short where or how): "said Thursday.", "said
# Wednesday morning on MSNBC's “Morning Joe.”", "reported ten days ago."
_TIME_TAIL_ONLY = re.compile(
    rf"\s*(?:on\s+)?(?:(?:{WEEKDAYS})"
    r"(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|tonight|last\s+\w+|this\s+\w+"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago)"
    r"(?:\s+(?:in|on|at|during|after|via)\s+[^\s,]+(?:\s+[^\s,]+){0,3})?[\s.”\"’']*",
    re.S,
)


# The comma before a trailing speaker phrase (it may stand inside a closing quote mark: “…,” she)
_LAST_COMMA = re.compile(r",[”\"’']?\s+(?=[^,]*\Z)")


SCRAP_CHARS = 40  # after "told HEARER", fewer characters to the sentence's end may be the hearer's tail


# Where the last of coordinated clauses starts: after its last ", and", ", but" or ";".
_COORDINATED_CLAUSE = re.compile(r"(?:,\s+(?:and|but)\s+|;\s+)(?=[^,;]*$)")


_CUE_TAIL_ONLY = re.compile(rf"{CUE_TAIL}[\s.]*", re.S)


MAX_CUES_TRIED = 3  # cues of one sentence tried as "SUBJECT said …" before the rule gives up


_CIRCUMSTANCE_THEN_COMMA = re.compile(r"(?:in|on|at|during|via|through)\s[^,“”\"]{1,80},\s")


_FINAL_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s[^,]{1,120},\s*\Z")


# a subject's closing aside: "Collins, for her part, (said)", "Peters, meanwhile, (said)"
_ASIDE_END = re.compile(
    r"\w,\s*(?:however|though|meanwhile|in turn|too|also|instead|in contrast"
    r"|for (?:his|her|their|its|our) part)\s*,\s*\Z",
    re.I,
)


def speaker_first(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """Speaker first: "SUBJECT said (that) CONTENT", the subject being a plausible speaker
    phrase; when the first cue's subject is not one ("When asked …, voters said"), the next
    cue is tried."""
    cue_match: re.Match[str] | None = match
    for _ in range(MAX_CUES_TRIED):  # bounded: each try reads the text before its cue
        if cue_match is None:
            return None
        consumed = speaker_first_at(ex, sentence, cue_match, rule)
        if consumed is not None:
            return consumed
        cue_match = SPEAKER_CUE.search(match.string, cue_match.end())
    return None


_STRANDED_PREPOSITION = re.compile(r"\s*(?:to|for|on|about|at|with)\s+(?:by|with|in|on|at|after|before)\s")


def speaker_first_at(ex: ArticleState, sentence: Sentence, cue_match: re.Match[str], rule: str) -> int | None:
    """speaker_first at one cue: decline where another rule owns the sentence, record the content
    before the cue where only a time or a circumstance follows it, else find the subject."""
    s0, text = sentence.start, cue_match.string
    subject = text[: cue_match.start()]
    if _another_rule_owns(ex, sentence, cue_match):
        return None
    if _TIME_TAIL_ONLY.fullmatch(text, cue_match.end()):  # "…, spokesman Benali Cherif said Thursday."
        return content_before(ex, sentence, cue_match)
    # "…, candidate Ben Carson said after the attacks.": only where or when follows the cue
    circumstance = _CIRCUMSTANCE_TAIL_ONLY.fullmatch(text, cue_match.end())
    if circumstance and not cue_match.group().rstrip().endswith(" that"):
        recorded = content_before(ex, sentence, cue_match)
        if recorded is not None:
            return recorded
    # "The job, she said in a speech, was …": a mid-sentence attribution
    if _CIRCUMSTANCE_THEN_COMMA.match(text, cue_match.end()):
        mid = MID_ATTRIBUTION.search(text, max(0, cue_match.start() - MAX_SPEAKER_CHARS))
        if mid and mid.start("cue") == cue_match.start("cue"):
            return None
    # "…, he told the court in his filing.": a hearer read too far leaves a scrap of "content"
    if len(text) - cue_match.end() <= SCRAP_CHARS and "," not in text[cue_match.end() :]:
        trail = REPORTED_TRAIL.match(text)
        if trail and trail.start("cue") == cue_match.start("cue"):
            return None
    if _STRANDED_PREPOSITION.match(text, cue_match.end()):  # "The unrest, which NZ responded to by …"
        return None  # the cue's object is the relative clause's antecedent: nothing was reported
    found = _subject(ex, sentence, subject)
    if found is None:
        return None
    subject, speaker_at = found
    return _record(ex, sentence, cue_match, subject, s0 + speaker_at, rule)


def _another_rule_owns(ex: ArticleState, sentence: Sentence, cue_match: re.Match[str]) -> bool:
    """The words before the cue are no subject ("declined to claim", "Her vow"), or the sentence
    is another rule's: an inverted trail, a transcript label, a trailing source, a byline."""
    s0, text = sentence.start, cue_match.string
    subject = text[: cue_match.start()]
    if _reports_nothing(subject, cue_match.group("cue")) or NOT_A_SPEAKER_BEFORE_CUE.search(subject):
        return True  # "declined to claim victory", "they are asked", "Her vow", "Santilli's continued"
    # "…, said Angie Holan." / "“…,” said John Krystek." (the comma may stand inside the quote
    # mark, where the masked text has an x: the raw text is read)
    raw_subject = ex.text[s0 : s0 + cue_match.start()]
    inverted = raw_subject.rstrip().rstrip("”\"’'").endswith(",") and INVERTED_TRAIL.match(text)
    if inverted and not _ASIDE_END.search(raw_subject):  # "Collins, for her part, said …" is hers
        return True
    # "JOEL BENENSON: This is a man who said …": a transcript's label is the speaker (colon rule)
    label = COLON_ATTRIBUTION.match(text) if ":" in subject else None
    if label and (
        ex.speakers.names_a_speaker(label.group("source"))
        or ex.speakers.surname_named_in_full(label.group("source"))
    ):
        return True
    # "…, Israeli officials said Wednesday.": the words before are the content (speaker_after)
    trail = REPORTED_TRAIL.match(text) if _CUE_TAIL_ONLY.fullmatch(text, cue_match.end() - 1) else None
    if trail and ex.has_content(s0 + trail.start("content"), s0 + trail.end("content")):
        return True
    # "Wolf reported from Washington.": a byline, not a report
    return _BYLINE_PLACE.match(text, cue_match.end()) is not None


def _subject(ex: ArticleState, sentence: Sentence, subject: str) -> tuple[str, int] | None:
    """(words, offset in the sentence) of the speaker before the cue, or None when the words
    before the cue name no one."""
    speaker_at = 0
    person = ex.speakers.subject_in(subject) if ENDS_IN_AND.search(subject) else None
    coordinated = _COORDINATED_CLAUSE.search(subject)
    if person is not None:  # "Mr Jenkins defended the route and said …"
        # "They called him an opportunist, and urged him to resign": the first verb's report too
        speech_act_before(ex, sentence, ENDS_IN_AND.sub("", subject), person)
        subject, speaker_at = person
    elif coordinated and ex.speakers.plausible_subject(subject[coordinated.end() :]):
        # "His profile will rise, and aides say …": the last of two coordinated clauses
        subject, speaker_at = subject[coordinated.end() :], coordinated.end()
    elif not (ex.speakers.plausible_subject(subject) or ex.speakers.names_someone(subject)):
        # "Asked if she would run, Clinton said …": the subject is the last clause before the cue;
        # a final appositive is looked past ("By contrast, Daniel Hamermesh, a labor economist, …")
        appositive = _FINAL_APPOSITIVE.search(subject)
        before = subject[: appositive.start()] if appositive else subject
        clause = CLAUSE_START.search(before)
        last = before[clause.end() :] if clause else ""
        antecedent = antecedent_of_who(subject)
        if antecedent is not None:  # "… a lecture from the Mexican president, who said …"
            subject, speaker_at = antecedent
        elif clause and (ex.speakers.plausible_subject(last) or SUBJECT_PRONOUN.fullmatch(last.strip())):
            subject, speaker_at = last, clause.end()  # "Using a crude expression …, he said …"
        elif (inner := INNER_CLAUSE.search(subject)) and ex.speakers.names_someone(inner.group("subject")):
            subject, speaker_at = (
                inner.group("subject"),
                inner.start("subject"),
            )  # "so many that officials say"
        else:
            return None
    return subject, speaker_at


def _record(
    ex: ArticleState, sentence: Sentence, cue_match: re.Match[str], subject: str, speaker_at: int, rule: str
) -> int:
    """Record SUBJECT's report after the cue (less a channel phrase, a trailing outlet and a main
    clause after a subordinate one); return the offset it consumes up to."""
    s0, text = sentence.start, cue_match.string
    content_start = s0 + cue_match.end()
    content_end = s0 + trimmed_end(text, cue_match.end(), len(text), keep=1)
    attribution = subject + " " + cue_match.group("cue")
    channel_phrase = CHANNEL_PHRASE.match(ex.masked[content_start:content_end])
    if channel_phrase:  # "said in a statement that …": the phrase is attribution
        attribution += " " + channel_phrase.group("phrase")
        content_start += channel_phrase.end()
    inner = REPORTED_TRAIL.match(ex.masked[content_start:content_end]) or ACCORDING_TRAIL.match(
        ex.masked[content_start:content_end]
    )
    tail = ex.text[content_start + inner.start("source") : content_end] if inner else ""
    if inner and via_in(ex.actors, tail + " reported"):
        attribution += " " + ex.text[content_start + inner.end("content") : content_end] + " reported"
        content_end = content_start + inner.end("content")
    subordinate = SUBORDINATOR.match(subject.strip())
    main = None
    if subordinate and "," not in subject:  # "While Ramos said that X, he …": the main clause is not X
        main = re.search(r",\s+(?=(?:he|she|they|it|we|I)\b|[A-Z])", ex.masked[content_start:content_end])
        if main:
            content_end = content_start + main.start()
    resolution = ex.speakers.resolve(subject, speaker_at)
    start, end = ex.content_span(content_start, content_end)
    consumed = sentence.end
    # "… argues that “only Cruz can win. Kasich can't.”": a quote opened in the content and
    # closed in a later sentence of the paragraph is part of it
    running_on = [q for q in ex.spans_opening_in(start, end) if q.closed and q.close_at >= sentence.end]
    if running_on and not main and ex.paragraph_at(running_on[-1].close_at) == ex.paragraph_at(start):
        end = running_on[-1].end
        consumed = ex.sentence_at(running_on[-1].close_at).end
    cue = re.sub(r"\s+", " ", cue_match.group("cue"))
    ex.add(ex.kind_of(start, end), start, end, cue, resolution, attribution, rule)
    if main:  # the main clause may report speech of its own: "…, Jamieson said Trump is …"
        ex.reported(replace(sentence, start=content_start + main.end()))
    return consumed


def content_before(ex: ArticleState, sentence: Sentence, cue_match: re.Match[str]) -> int | None:
    """A sentence "CONTENT, SUBJECT said Thursday.": nothing but when it was said follows the cue, so
    the content is the text before the subject's comma (rule speaker_after, for a subject
    `REPORTED_TRAIL` does not take: "…, Algerian foreign ministry spokesman Benali Cherif
    said Thursday."). Declines when no plausible subject follows a comma ("The ministry said
    Thursday.")."""
    s0 = sentence.start
    raw_subject = ex.text[s0 : s0 + cue_match.start()]
    comma = _LAST_COMMA.search(raw_subject)
    if comma is None or len(raw_subject[: comma.start()].split()) < MIN_LEAD_REPORT_WORDS:
        return None
    if SUBORDINATOR.match(raw_subject.lstrip()):  # "As has been the case, the union agreed in 2011 …"
        return None
    phrase = cue_match.string[comma.end() : cue_match.start()]
    if not (ex.speakers.plausible_subject(phrase) or ex.speakers.names_someone(phrase)):
        return None
    cue = re.sub(r"\s+", " ", cue_match.group("cue"))
    return report_before(ex, sentence, 0, comma.start(), phrase, comma.end(), cue, "speaker_after")
