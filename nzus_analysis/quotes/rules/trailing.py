"""Rules with the source after the content: CONTENT, SOURCE said / said SOURCE / according to SOURCE;
passive (CONTENT was reported by SOURCE)."""

from __future__ import annotations

import re

from nzus_analysis.quotes.patterns import CUE, CUE_TAIL, NAME_AFTER_CUE, NOT_A_SPEAKER_BEFORE_CUE
from nzus_analysis.quotes.state import ArticleState
from nzus_analysis.text.tokens import Sentence

_AUXILIARY_END = re.compile(
    r"(?:\s+(?:has|have|had|also|reportedly|recently|previously|later|earlier|once|already|first))+\s*\Z"
)


_RELATIVE_START = re.compile(r"(?:who|whom|whose|which|that|as)\b", re.I)  # "…, as the man said."


# Sources are taken greedily (no backtracking) and right-trimmed where used.
# "The move was first reported by MSNBC.": the subject is the content, the agent its source.
# Searched, not anchored: the content is the text before the match.
PASSIVE_REPORT = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been)\s+(?:first\s+|initially\s+|also\s+)?"
    rf"(?P<cue>reported|disclosed|revealed)\s+by\s+(?P<source>{NAME_AFTER_CUE})[\s.]*$",
    re.S,
)


# "CONTENT, Donald Trump's longtime confidant Roger Stone stated.", "…, a spokeswoman, Anna White,
# said on Saturday.": any trailing subject phrase, with one appositive
# (`trailing_subject` checks that it names a speaker)
TRAILING_SUBJECT = re.compile(
    rf"^(?P<content>.+),\s+(?P<source>[^,;:“”\"]{{1,120}}?(?:,\s+[^,;:“”\"]{{1,60}},)?)\s+(?P<cue>{CUE}){CUE_TAIL}[\s.]*$",
    re.S,
)


def source_after(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """Source after: CONTENT, according to SOURCE. / CONTENT, SOURCE said. / CONTENT, said SOURCE.
    / CONTENT was reported by SOURCE."""
    # a pattern with no content group is searched: its content is the text before it (passive)
    content_at, content_end = (
        match.span("content") if "content" in match.re.groupindex else (0, match.start())
    )
    cue = match.groupdict().get("cue") or "according to"
    return report_before(
        ex, sentence, content_at, content_end, match.group("source"), match.start("source"), cue, rule
    )


def report_before(
    ex,
    sentence: Sentence,
    content_at: int,
    content_end: int,
    source_words: str,
    source_at: int,
    cue: str,
    rule: str,
) -> int | None:
    """Record CONTENT (`content_at`:`content_end`, offsets into the sentence) reported by a
    source named after it (`source_words` at `source_at`); decline when the content is empty
    or only a prepositional phrase ("In the speech, he also promised to …": the cue's own
    clause is the report)."""
    s0 = sentence.start
    if not ex.has_content(s0 + content_at, s0 + content_end):
        return None
    # "Minister Aburizal Bakrie has reportedly (said)": the words before the cue, not the speaker
    source = ex.speakers.resolve(_AUXILIARY_END.sub("", source_words), s0 + source_at)
    start, end = ex.content_span(s0 + content_at, s0 + content_end)
    attribution = ex.text[s0 + content_end : sentence.end]
    if cue == "according to" and source.actor is not None and source.actor.kind == "news outlet":
        attribution += " reported"
    ex.add(ex.kind_of(start, end), start, end, cue, source, attribution, rule)
    return sentence.end


def trailing_subject(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """CONTENT, SUBJECT said.: a trailing subject longer than `REPORTED_TRAIL` takes, when it
    is a plausible speaker phrase."""
    source = match.group("source")
    if _RELATIVE_START.match(source) or NOT_A_SPEAKER_BEFORE_CUE.search(source):
        return None  # "…, who is chairman of X said", "…, as the man said", "… is said to"
    parts = [part for part in source.split(",") if part.strip()]  # "a spokeswoman, Anna White,"
    if not any(ex.speakers.plausible_subject(part) or ex.speakers.names_someone(part) for part in parts):
        return None
    return source_after(ex, sentence, match, rule)
