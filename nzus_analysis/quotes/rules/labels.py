"""Rules colon (NAME: CONTENT) and mid_sentence (CONTENT, SOURCE said, CONTENT)."""

from __future__ import annotations

import re

from nzus_analysis.quotes.patterns import as_name
from nzus_analysis.quotes.speakers import after_quotation
from nzus_analysis.quotes.state import ArticleState
from nzus_analysis.text.actors import Resolution
from nzus_analysis.text.cues import words
from nzus_analysis.text.terms import stopwords
from nzus_analysis.text.tokens import Sentence

MIN_LABEL_CONTENT_WORDS = 5  # after a name and a colon ("Gingrich: Trump must decide …"); fewer is a heading


def colon(ex: ArticleState, sentence: Sentence, colon: re.Match[str], rule: str) -> int | None:
    """Colon: "Trump: I will win" (headlines, transcripts), when the name is a speaker (not a
    label such as "Subs Not Used: …", whose later words are stopwords)."""
    label = colon.group("source")
    named = ex.speakers.names_a_speaker(label) or ex.speakers.surname_named_in_full(label)
    if not named or any(w in stopwords() for w in label.casefold().split()[1:]):
        return None
    if len(words(colon.group("content"))) < MIN_LABEL_CONTENT_WORDS:
        return None  # a heading or a tally: "Cruz: Just hang on.", "Hillary Clinton: 1,769."
    source = ex.speakers.resolve(as_name(label), sentence.start)
    start, end = ex.content_span(sentence.start + colon.start("content"), sentence.end)
    ex.add(ex.kind_of(start, end), start, end, ":", source, label + ":", rule)
    return sentence.end


def mid_sentence(ex: ArticleState, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
    """Mid-sentence: "The plan, a source said, is to …": the whole sentence is the content."""
    if match.start() == 0:
        return None
    mention = match.group("mention")
    if ex.speakers.plausible_subject(mention) or ex.speakers.names_someone(mention):
        source = ex.speakers.resolve(mention, sentence.start + match.start("mention"))
    else:  # "His assumption, confidently stated on TV, was …": the words name no one
        source = Resolution("", after_quotation(mention, 0)[0].strip(), "unresolved", None)
    start, end = ex.content_span(sentence.start, sentence.end)
    ex.add(ex.kind_of(start, end), start, end, match.group("cue"), source, match.group(0), rule)
    return sentence.end
