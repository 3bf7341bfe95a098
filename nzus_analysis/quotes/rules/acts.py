"""Rules participle and speech_act: …, saying CONTENT / SUBJECT accused X of CONTENT."""

from __future__ import annotations

import re

from nzus_analysis.quotes.patterns import (
    CLAUSE_START,
    ENDS_IN_AND,
    MESSAGE_NOUNS,
    PARTICIPLE,
    SPEECH_ACT,
    antecedent_of_who,
    clause_subject,
    trimmed_end,
)
from nzus_analysis.quotes.state import ArticleState
from nzus_analysis.text.tokens import Sentence

# For a speech act only "that", "because" and "what": after "since" a plural noun is no verb
# ("since the 11 September terror attacks")
_INNER_THAT_CLAUSE = clause_subject("that|because|what")


# A participle after the main clause: "…, saying (that) CONTENT", after a message the subject
# sent (`MESSAGE_NOUNS`): "Trump fired back a response saying …", or after "by": "followed the
# meeting by saying, “…”".
SAYING = re.compile(
    rf"(?:,|[”\"]|\s[-–—]|\s(?:{MESSAGE_NOUNS})|\sby(?=\s+(?:{PARTICIPLE})))\s+(?:[a-z]+\s+){{0,3}}?"
    rf"(?P<cue>{PARTICIPLE})(?:\s+that)?[,:]?\s+(?=\S)"
)  # ", at one point calling", " - only saying", "fired back a response saying"; after a closing


def participle(ex: ArticleState, sentence: Sentence, saying: re.Match[str], rule: str) -> int | None:
    """Participle: "Bradley apologized, saying they were old": the sentence's subject said it."""
    s0, text = sentence.start, saying.string
    person = ex.speakers.subject_in(text[: saying.start()])
    content_end = trimmed_end(text, saying.end(), len(text), keep=1)
    if person is None or content_end <= saying.end():
        return None
    # "Palmieri called the idea a “ridiculous proposition,” adding that …": the first verb's report
    speech_act_before(ex, sentence, text[: saying.start()], person)
    source = ex.speakers.resolve(person[0], s0 + person[1])
    start, end = ex.content_span(s0 + saying.end(), s0 + content_end)
    cue = re.sub(r"\s+", " ", saying.group("cue"))
    ex.add(ex.kind_of(start, end), start, end, cue, source, text[: saying.end()], rule)
    return sentence.end


def speech_act_before(ex: ArticleState, sentence: Sentence, prefix: str, person: tuple[str, int]) -> None:
    """Record the speech act a sentence's subject `person` (words, offset) makes in `prefix`,
    the sentence's text before a later report of theirs."""
    first_act = SPEECH_ACT.search(prefix, person[1] + len(person[0]))
    if first_act:
        speech_act(ex, sentence, first_act, "speech_act")


def speech_act(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """Speech act: "Trump accused Cruz of lying", a speech act whose object is the content; the subject
    must name someone (not "A group called …")."""
    s0, text = sentence.start, match.string
    subject = text[: match.start()]
    # "O'Malley spoke on Sunday, and criticized …", "Carson took the stage and called …"
    person = ex.speakers.subject_in(subject) if ENDS_IN_AND.search(subject) else None
    antecedent = antecedent_of_who(subject)
    clause = CLAUSE_START.search(subject)
    inner = _INNER_THAT_CLAUSE.search(subject)
    if antecedent is not None and ex.speakers.names_someone(antecedent[0]):  # "by Shepherd, who accused"
        subject = antecedent[0]
    elif person is not None and not ex.speakers.names_someone(subject):
        subject = person[0]
    elif (
        inner and not ex.speakers.names_someone(subject) and ex.speakers.names_someone(inner.group("subject"))
    ):
        subject = inner.group("subject")  # "so many there that Border Patrol agents described …"
    elif clause and not ex.speakers.names_someone(subject):
        subject = subject[clause.end() :]
    if not ex.speakers.names_someone(subject):
        return None
    content_end = trimmed_end(text, match.end(), len(text), keep=1)
    start, end = ex.content_span(s0 + match.end(), s0 + content_end)
    if end <= start:
        return None
    source = ex.speakers.resolve(subject, s0 + match.start() - len(subject))
    cue = re.sub(r"\s+", " ", match.group("cue"))
    ex.add(ex.kind_of(start, end), start, end, cue, source, subject + " " + cue, rule)
    return sentence.end
