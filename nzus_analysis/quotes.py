"""Rule-based quote attribution: who is quoted, in whose words, and through which channel.

One record per attributed statement (columns: `QuoteRow`, offsets into `article.text`):

- ``direct``: words inside quote marks whose sentence holds nothing but the quotation and its
  attribution (“…,” he said. / Coleman said, “…” / a quote paragraph continuing the previous
  speaker). A quote that is still open at a paragraph end continues when the next paragraph
  opens with a quote mark.
- ``partial``: reported speech that contains a quoted fragment (said the meeting was “productive”).
- ``indirect``: reported speech without quote marks ("Coleman said New Zealand is …",
  "…, the AP reported", "…, according to the Guardian", "According to the AP: <next paragraph>").

Rules (the `rule` column). A quotation is tried first as a direct quote; every other sentence
goes through `REPORTED_RULES` in order, and the first rule whose handler records it wins.
Adding a rule is one row in `REPORTED_RULES` plus one example in `tests/test_quotes.py`.

=====================  ======================================================================
rule                   catches
=====================  ======================================================================
direct_speaker_after   “…,” Mr Jenkins said. / “…,” said the narrator. (and the sentence's
                       later quotes: “…,” she said, “and …”)
direct_speaker_before  Mr Jenkins said: “…” / He told reporters, “…”
direct_dash            “…” — Commissioner Kerr
direct_quoted_as_saying  “…,” Arab News quoted Prince Saud as saying. (via the outlet)
direct_continuation    a quoted sentence or paragraph with no cue after a record of the same
                       or previous paragraph: the same speaker
direct_unattributed    a quotation with no cue and no record before it (speaker left empty)
according_to_lead      According to the ministry, CONTENT. / According to the AP: ¶ CONTENT
as_lead                As Politico reported, CONTENT. / As reported by the AP, CONTENT.
quoted_as_saying       Arab News quoted Prince Saud as saying (that) CONTENT.
passive                CONTENT was (first) reported by SOURCE.
speaker_first          SUBJECT said (that) CONTENT. (subject a plausible speaker phrase,
                       opening clauses skipped: "Asked if …, Ms Clinton said …")
according_to_trail     CONTENT, according to SOURCE.
according_to_mid       CONTENT, according to SOURCE - more. / LEAD, according to SOURCE, REST.
                       (the whole sentence is the content when it goes on after the source)
speaker_after          CONTENT, SOURCE said. / “…,” the White House said. / CONTENT, a
                       longer SUBJECT said Thursday. (found from the speaker-first cue)
verb_first             CONTENT, said SOURCE (, an appositive).
participle             SUBJECT did something, saying (that) CONTENT. / …, calling him a liar.
colon                  NAME: CONTENT (headlines, transcripts; NAME a person or an actor)
mid_sentence           CONTENT, SOURCE said, CONTENT.
speech_act             SUBJECT accused/called/praised/cited CONTENT. (a speech act whose object
                       is the content; cues that take an object in the vocabulary)
=====================  ======================================================================

Quoted words that no speech cue attributes (“Burden sharing” refers to …) are scare quotes
and produce no record. A direct quote with no attribution and no attributed quote in the same
or previous paragraph is kept with an empty speaker (`resolved_by` = "unattributed").

Channel (codebook with examples: `data/channels.md`): ``second_hand`` (another outlet reported
it; `via` names the outlet), ``social_media``, ``statement``, ``interview`` (told reporters or an
outlet, in an interview, at a press conference, on air), ``unstated`` (a person's bare speech
verb: the text does not say how the words were obtained), ``unspecified`` (no single resolved
speaker, no channel named). A continuing quote, or a pronoun-attributed quote by the speaker of
the previous record in the same or previous paragraph, inherits that record's channel when its
own attribution names none.

Speakers: a pronoun resolves to the most recent person named before it outside quotations (from
the actor table, a titled name such as "Mr Howard", or a capitalised name that was itself a
speaker); a surname after a full name ("Mr Cable" after "Vince Cable") is that person. What no
rule resolves keeps its words in `speaker_mention` with an empty `speaker` and `resolved_by` =
"unresolved": a bare "he" is never reported as a speaker named "he".
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, partial
from operator import attrgetter
from typing import NamedTuple

import pandas as pd

from ._tables import table
from ._workers import map_chunks
from .actors import Actor, ActorIndex, Mention, Resolution, load_actors
from .corpus import Article
from .cues import cue_key_words, cue_pattern, speech_cues, words
from .resources import data_path, uncommented
from .terms import stopwords
from .tokens import Sentence, sentences


class QuoteRow(NamedTuple):
    """A row of `quote_table`: one attributed statement."""

    article_id: str
    year: int
    kind: str  # direct | partial | indirect
    text: str  # the attributed words
    start: int  # offsets of `text` in the article text
    end: int
    cue: str  # the speech cue ("said", "according to")
    rule: str  # the rule that found it (module docstring; `REPORTED_RULES`)
    speaker: str  # canonical name, or the mention when unresolved (a group's opening word in lower case)
    speaker_mention: str  # the words naming the speaker (a continuation: those of the statement it continues)
    channel: str  # see the module docstring
    via: str  # the outlet that reported it (second_hand)
    paragraph: int
    sentence: int
    resolved_by: str  # name | pronoun | title | nominal | surname | continuation | unresolved | unattributed
    speaker_kind: str  # from the actor table ("" when not in it)
    speaker_country: str
    speaker_role: str


# The cue words come from the one speech-cue vocabulary (`cues`, data/lexicons/speech_cues.csv);
# "told" needs its hearer: reporters, journalists, a plural, a "the …" phrase, a (role and)
# capitalised name, or any short phrase before "that".
_HEARER = (
    r"(?:[^,.;:“”\"]{1,60}?(?=\s+that\s)"  # "told delegates at the convention that"
    r"|reporters|journalists|me|us|him|her|them|[a-z]+s\b"  # "told supporters"
    r"|(?:the|a|an|his|her|their|its|our)\s+(?:(?!(?:he|she|they|it|we|I|that)\b)[\w’'-]+\s+){0,2}"
    r"(?!(?:he|she|they|it|we|I|that)\b)[\w’'-]+"  # "told the Herald he …": the hearer ends before "he"
    r"|(?:[a-z][\w-]*\s+){0,3}[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*"  # "told talk-radio host Sean Hannity"
    r"|[“\"][^“”\"]{1,40}[”\"])"  # 'told "Fox and Friends"'
)
_CUE = rf"(?:{cue_pattern(_HEARER)})"
_RULE_TRIGGERS = cue_key_words() | {"according", "quoted"}  # see `_Extractor.reported`
# Participles after a main clause ("…, saying …", "…, calling him a liar") and speech acts whose
# content is their object ("Trump accused Cruz of lying").
_PARTICIPLE = "|".join(cue_pattern(_HEARER, takes, participles=True) for takes in ("clause", "object"))
_OBJECT_CUE = rf"(?:{cue_pattern(_HEARER, 'object')})"
# A speaker phrase: no clause punctuation, but a title's or an initial's period before a name
# ("Mrs. Clinton", "George W. Bush") is allowed.
_MENTION = r"(?:[^,;:.“”\"]|\.(?=\s*[A-Z])){1,80}?"
# After an inverted cue ("said Mr Blair"): a name, "the …" phrase or pronoun, taken whole.
_NAME_AFTER_CUE = (
    r"(?:[Tt]he\s+)?(?:(?:former|retired|then|acting|late|veteran|longtime|senior)[\w-]*\s+){0,2}"
    r"(?:[\w.-]+\s+){0,3}?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|de|van|von|bin))*|he|she|they"
    r"|(?:an?|one|two|three|several|some|another|many)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+"  # "one former aide"
    r"|(?:another|others|one)(?=[\s.,]*$)"  # "…,” tweeted another.
    r"|[Tt]he\s+(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*"  # "asked the boy", "says the ad's narrator"
)
# Titled people not in the actor table ("Mr Howard"), with the gender their title implies.
# Name patterns searched over whole articles open with a literal letter and check the word start
# after it ("M(?<!\wM)r", not "\bMr"), so the regex engine skips to the next possible first letter
# instead of trying a match at every position (about 3× faster over the BBC corpus, same matches).
_TITLED_PERSON = re.compile(  # Mr, Mrs, Ms, Miss, Dr, Dame, Sir, Lord, Lady
    r"(M(?<!\wM)(?:rs|r|s|iss)|D(?<!\wD)(?:r|ame)|S(?<!\wS)ir|L(?<!\wL)(?:ord|ady))"
    r"\.?\s+[A-Z](?:[\w-]|[’'](?!s\b))+(?:\s+[A-Z](?:[\w-]|[’'](?!s\b))+)?"
)
_TITLE_GENDER = {
    "Mr": "m",
    "Sir": "m",
    "Lord": "m",
    "Mrs": "f",
    "Ms": "f",
    "Miss": "f",
    "Lady": "f",
    "Dame": "f",
}
# After a closing quote: ', he said.' / ', said Coleman, according to …'
# A speaker phrase with up to two appositives: "Sanders's campaign manager, Jeff Weaver,"
_APPOSED_MENTION = (  # "Rep. X (D-Ore.)", "the bespectacled, 71-year-old diplomat"
    rf"(?:(?:[Tt]he|[Aa]n?)\s+[a-z][\w-]*,\s+)?{_MENTION}(?:\s*\([^()]{{1,30}}\))?"
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
# Prepositions whose object is no speaker ("in the house", "to the stock exchange")
_PREPOSITIONS = "in|to|from|at|of|on|with|by|for|into|about"
_SUBJECT_BEFORE_QUOTE = re.compile(  # "Petraeus ", not "Citing ", "In "
    rf"\s*(?!\w+ing\s|(?i:{_PREPOSITIONS}|as|after|before|despite|unlike|like)\s)"
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
MIN_LEAD_REPORT_WORDS = 3
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Words after a quote's lead-in cue that tell when, where or how it was said, not what: "in a video
# message to the convention on Monday", "on Tuesday", "at the White House" (a report may open with
# a bare noun: "in politics it takes time …")
_CIRCUMSTANCE = re.compile(
    r"(?:of\b|about\b|to\b|(?:in|on|at|during|via|through|to|after|before|while|from|with|for|by|outside|inside)\s+"
    r"(?:a|an|the|his|her|their|its|our|this|that|these|those|[A-Z0-9][\w’'.-]*)\b|"
    rf"(?:{_WEEKDAYS}|today|yesterday|last|earlier|later)\b)"
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
_PARTICIPLE_AFTER_TRAIL = re.compile(
    rf"[^,“”\"]{{0,60}}?,\s+(?P<cue>{_PARTICIPLE})(?:\s+that)?[,:]?\s+(?=\S)"
)
_TRAIL_ATTRIBUTION = re.compile(
    rf"^\s*,?\s*(?:(?P<m1>{_APPOSED_MENTION})(?<!\b[Tt]he)(?<!\b[Aa])(?<!\b[Aa]n)\s+(?P<c1>{_CUE})|(?P<c2>{_CUE})\s+(?P<m2>{_NAME_AFTER_CUE})"
    rf"|(?P<c3>[—–―]|--)\s*(?P<m3>{_NAME_AFTER_CUE})"  # a dash attribution: “…” — Commissioner Kerr
    rf"|(?P<via>{_MENTION})\s+(?P<c4>quoted)\s+(?P<m4>{_NAME_AFTER_CUE})\s+as\s+saying)"
    r"(?P<tail>(?:[\s,.;)].*)?)$",
    re.S,
)
# Before an opening quote: 'Coleman said, ' / 'He told reporters: ' / 'X interjected to say: '
# (an opening clause may come first: "Contrasting her with Trump, Garin said: “…”")
# "Said Comey, “…”": the cue first
_INVERTED_LEAD = re.compile(
    rf"^(?:(?P<opening>[^“”\",]{{0,120}}),\s+)?(?P<c1>Said|Says|Added|Asked|Wrote|Writes|Tweeted"
    r"|(?<=^But, )said|(?<=^And, )said)\s+"  # "But, said Solovey, “…”"
    rf"(?P<m1>{_NAME_AFTER_CUE})(?P<tail>)[,:]\s*$"
)
_LEAD_ATTRIBUTION = re.compile(
    rf"^(?:(?P<opening>[^“”\",]{{0,120}}),\s+)?(?P<m1>{_APPOSED_MENTION})(?:\s+\w+\s+to)?\s+(?P<c1>{_CUE})"
    r"(?P<tail>[^“”\"]*?)[,:]\s*$",
    re.S,
)
_WORD_START = re.compile(r"(?<=\s)\S")
_PREPOSITION = re.compile(rf"(?i:{_PREPOSITIONS})\s")
# Before a word, a preposition, article or possessive: the word is inside a phrase, not its start
_INSIDE_A_PHRASE = re.compile(rf"\b(?i:{_PREPOSITIONS}|the|a|an|his|her|their|its|our|my)\s+\Z|[’']s\s+\Z")
# The same, matched at a position of a longer text (`_Extractor._nearest_lead`)
_LEAD_ATTRIBUTION_AT = re.compile(_LEAD_ATTRIBUTION.pattern.removeprefix("^"), _LEAD_ATTRIBUTION.flags)
# "SUBJECT said (that) CONTENT": the first cue after a word; the subject is what precedes it and
# the content what follows, less trailing spaces and periods (`_trimmed_end`). Found by search
# from a word's end, not by a lazy ^(.+?) scan, so a long run of spaces costs linear time.
# "Clinton is declaring that …", "Kasich's campaign is already claiming victory": a progressive cue
_CLAUSE_PARTICIPLE = cue_pattern(_HEARER, "clause", participles=True)
_PROGRESSIVE_CUE = (  # not "is writing two new songs", "are writing their third album"
    rf"(?:is|are|was|were)\s+(?:(?:already|now|also|still)\s+)?(?!writing\b)(?:{_CLAUSE_PARTICIPLE})"
)
_SPEAKER_CUE = re.compile(rf"(?<=\S)\s+(?P<cue>{_CUE}|{_PROGRESSIVE_CUE})\s+(?:that\s+)?(?=\S)", re.S)
# Sources are taken greedily (no backtracking) and right-trimmed where used.
# "The move was first reported by MSNBC.": the subject is the content, the agent its source.
# Searched, not anchored: the content is the text before the match.
_PASSIVE_REPORT = re.compile(
    r"\s+(?:was|were|has\s+been|had\s+been)\s+(?:first\s+|initially\s+|also\s+)?"
    rf"(?P<cue>reported|disclosed|revealed)\s+by\s+(?P<source>{_NAME_AFTER_CUE})[\s.]*$",
    re.S,
)
# "Arab News quoted Prince Saud as saying (that) CONTENT": the speaker sits inside the cue.
# Found from the literal "quoted" (a pattern led by the outlet's words would be tried at every
# letter); the outlet is then read back from the words before it (`_VIA_BEFORE`).
_QUOTED_AS_SAYING = re.compile(
    rf"quoted\s+(?P<source>{_NAME_AFTER_CUE})\s+as\s+saying[,:]?\s+(?:that\s+)?(?=\S)"
)
_VIA_BEFORE = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*|[a-z]+)(?:\s+[A-Z][\w’'.-]*){0,4}\Z")
# An attribution set off by commas inside the reported words: "The plan, an inside source said, is …".
_MID_ATTRIBUTION = re.compile(
    rf",\s+(?P<mention>{_MENTION})\s+(?P<cue>{_CUE})(?:\s+(?:in|on|at|during|via|through)\s[^,“”\"]{{1,80}})?,\s+(?=\S)",
    re.S,
)  # "If she wins, Clinton suggested in a tweet, women …"
# A participle after the main clause: "…, saying (that) CONTENT", or after a message the subject
# sent: "Trump fired back a response saying …".
_MESSAGE_NOUNS = "statement|response|letter|tweet|post|message|memo|email|e-mail|release|video|ad|note"
_SAYING = re.compile(
    rf"(?:,|[”\"]|\s[-–—]|\s(?:{_MESSAGE_NOUNS}))\s+(?:[a-z]+\s+){{0,3}}?(?P<cue>{_PARTICIPLE})(?:\s+that)?[,:]?\s+(?=\S)"
)  # ", at one point calling", " - only saying", "fired back a response saying"; after a closing
# quote mark too ('“New York values,” saying'): in the masked text the comma inside it is an x

# A sentence's opening capitalised word(s) not followed by a comma, and words that are not subjects.
_OPENING_NAME = re.compile(r"([A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*(?=\s+[a-z])")
# Opening words that are not subjects: stopwords ("The", "In", "When") and these.
_NOT_SUBJECT_WORDS = frozenset({
    "although", "though", "since", "yesterday", "today", "tomorrow", "now", "yet", "still", "also", "however",
    "meanwhile", "earlier", "later", "last", "next", "many", "every", "early", "late", "back", "just", "even",
    "only", "instead", "again", "then", "there", "here", "so", "thus", "indeed", "soon", "once", "before",
    "after", "until", "during", "despite", "inside", "outside", "asked", "informed",
})  # fmt: skip
# Opening words that never start a speaker phrase, even a capitalised one ("Early in his term, …").
_NOT_SUBJECT_OPENERS = frozenset(
    {"early", "late", "back", "just", "inside", "outside", "asked", "informed", "what"}  # "What Romney has"
)
# "SUBJECT accused/called/praised OBJECT …": the rest of the clause is the content.
_SPEECH_ACT = re.compile(rf"(?<=\S)\s+(?P<cue>{_OBJECT_CUE})\s+(?=\S)")
_ENDS_IN_AND = re.compile(r",?\s+(?:and|but|yet)\s*\Z")  # a coordinated verb follows: "… and said"
# A cue after "declined to" reports nothing ("declined to claim victory").
_DECLINED_TO = re.compile(r"\b(?:declined|refused|failed|declining|refusing)\s+to\Z")
# Before a cue, words that make it no report: a passive ("is asked", "was widely reported"), a
# possessive ("Her vow", "Santilli's continued"): the cue is a participle or a noun there.
_NOT_A_SPEAKER_BEFORE_CUE = re.compile(
    r"(?:\b(?i:is|are|was|were|been|being|be|get|gets|got|getting)(?:\s+(?:\w+ly|once|also|not|often|never))?"
    r"|(?<!\b[Hh]e)(?<!\b[Ss]he)(?<!\b[Ii]t)(?<!\b[Ww]ho)[’']s"  # "he's said" has said; "Her vow", "Trump's"
    r"|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Aa]n?))\Z"  # "placed a note card"
)
_PERSONAL_PRONOUN = re.compile(r"(?i:he|she|they|we|i)")
_QUANTIFIERS = frozenset({"both", "all", "some", "many", "most", "several", "two", "three", "four", "other"})
_SENTENCE_PRONOUN = re.compile(r"(?:He|She|They)\b")
_PRONOUN_AFTER_CLAUSE = re.compile(r",\s+(?P<pronoun>he|she|they)\s+(?!said\b|says\b)[a-z]")
_SUBJECT_PRONOUN = re.compile(r"(?i:he|she|they|we|i|who|some|others|many|critics)")
_DETERMINERS = frozenset({"The", "A", "An", "His", "Her", "Their", "Its", "This", "That", "These", "Those"})
# "Donald Trump, who he …" / "… when he": the words after the last relative or subordinating word.
_RELATIVE_OPENING = re.compile(
    r"^.*\b(?:who|which|that|when|as|because|where|while|if|whom)\s+(?=\S+$)", re.S
)
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:\w+ly|never|often|once|always|even|just|still|already|long|also|later|then|again|now|soon"
    r"|first|have|has|had|will|would|could|can|may|might|must|should|did|does|do|not|n[’']t))+\s*$"
)
# A subject cannot end in an auxiliary ("has been called": passive) or a determiner ("his attacks").
_NOT_A_SUBJECT_END = re.compile(
    r"\b(?:was|were|been|being|be|is|are|am|his|her|their|its|our|my|your|the|a|an|of|to|and|or|by|for|in|on"
    r"|with|that|this|these|those|which|what|whose|who[’']s|large|many|some|several)$",
    re.I,
)
_SHARE_OF_PEOPLE = re.compile(
    r"(?:About|Nearly|Almost|Roughly|Around|Over|Some|More than|Fewer than|Less than|Only|Just|Fully)\s+"
    r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|half|a third|a quarter|a majority|a fifth)\b"
)
_PREPOSITION_START = re.compile(
    r"(?:In|On|At|For|From|With|By|Into|Over|Under|Of|About|To|Through|Among|Amid|Against|Despite|During"
    r"|Without|Within|Like|Unlike)\s"
)
_ONLY_A_PREPOSITION_PHRASE = re.compile(rf"{_PREPOSITION_START.pattern}(?:[\w’'-]+\s+){{0,4}}[\w’'-]+")
_SUBORDINATORS = "Though|Although|As|When|While|If|Because|Since|After|Before|Until|Once"
_SUBORDINATOR_END = re.compile(r"\b(?:when|if|as|while|before|after|because|but|final|last)$", re.I)
_SUBORDINATOR = re.compile(rf"(?:{_SUBORDINATORS})\b")
_CONJUNCTION_SUBJECT = re.compile(rf"(?i:(?:and|but|or)\s+)?(?i:{_SUBORDINATORS})\s*\Z")  # "and when" asked
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
    rf"\s*(?:on\s+)?(?:(?:{_WEEKDAYS})"
    r"(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|tonight|last\s+\w+|this\s+\w+"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago)"
    r"(?:\s+(?:in|on|at|during|after|via)\s+[^\s,]+(?:\s+[^\s,]+){0,3})?[\s.”\"’']*",
    re.S,
)
# The comma before a trailing speaker phrase (it may stand inside a closing quote mark: “…,” she)
_LAST_COMMA = re.compile(r",[”\"’']?\s+(?=[^,]*\Z)")
SCRAP_CHARS = 40  # after "told HEARER", fewer characters to the sentence's end may be the hearer's tail
MIN_LABEL_CONTENT_WORDS = 5  # after a name and a colon ("Gingrich: Trump must decide …"); fewer is a heading
_COLON_ATTRIBUTION = re.compile(
    r"(?P<source>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}):\s+(?P<content>\S.*)", re.S
)
# Where the last of coordinated clauses starts: after its last ", and", ", but" or ";".
_COORDINATED_CLAUSE = re.compile(r"(?:,\s+(?:and|but)\s+|;\s+)(?=[^,;]*$)")
# Where the last clause of a long subject starts: after its last ", and", ", but", ";" or comma.
# (in the masked text a comma inside a closing quote is an x: 'on "Morning Joe," co-host X asked')
_CLAUSE_START = re.compile(r"(?:,\s+(?:and|but)\s+|;\s+|,\s+|[”\"]\s+)(?=[^,;”\"]*$)")
_ACCORDING_TRAIL = re.compile(r"^(?P<content>.+?),\s*according to\s+(?P<source>[^,.;:]++)[\s.]*$", re.S)
# "…, according to SOURCE, an advocacy group." / "…, according to SOURCE - virtually …" /
# "Fundraising, according to the campaign, has surged." (periods inside a name are kept: "A.F.L.",
# "Ms. Epstein")
_ACCORDING_MID = re.compile(
    r"^(?P<content>.+?)(?:,|\s[—–-])\s*according to\s+(?P<source>(?:[^,.;:—–()]|\.(?=\S|\s+[A-Z]))++)"
    r"(?P<rest>.*)$",
    re.S,
)
_APPOSITIVE_REST = re.compile(
    r",\s+(?:an?|the|his|her|its|their|another)\s+[^,;]{1,80}?[\s.]*"
)  # ", an advocacy group."
_ACCORDING_LEAD = re.compile(r"^According to\s+(?P<source>[^,:]+)(?P<sep>[,:])\s*", re.S)
# "As Politico reported, CONTENT" / "As reported by Western Journalism, CONTENT"
_AS_LEAD = re.compile(
    r"^As\s+(?:(?P<cue>reported|first reported|noted|described)\s+by\s+(?P<by>[^,:]{1,80})"
    r"|(?P<source>(?:the\s+)?[A-Z][^,:]{0,60}?)\s+"
    r"(?P<said>reported|first reported|noted|wrote|said|explained))"  # cue words only (`_RULE_TRIGGERS`)
    r"(?P<sep>[,:])\s*",
    re.S,
)
# Who may stand after reported words without a capital: groups and roles ("officials said").
_GROUP_NOUNS = (
    r"(?:officials?|sources?|spokes(?:man|woman|person)|aides?|analysts?"
    r"|experts?|advis[eo]rs?|critics?|lawyers?|attorneys?|police|investigators?|diplomats?|economists?"
    r"|witnesses?|prosecutors?|researchers?|organizers?|organisers?|strategists?|insiders?|group|company"
    r"|leaders|members|voters|supporters|activists|residents|delegates|lawmakers|legislators|executives"
    r"|campaign|agency|department|committee|ministry|report|poll|survey|study|newspaper|paper|statement"
    r"|donors|friends|attendees|people|workers|parents|colleagues|associates|allies|observers|participants"
    r"|respondents|employees|staffers|operatives|advocates|opponents|backers|protesters|veterans|investors"
    r"|scientists|doctors|teachers|students|relatives|reporters|journalists|commentators|pollsters|scholars"
    r"|historians|consultants|person|man|woman|lawsuit|suit|complaint|filing|indictment|memo|letter|article"
    r"|book|website|ad|analysis|document|documents|records|ruling|friend|colleague|neighbou?r|son|daughter|wife"
    r"|husband|brother|sister|father|mother|admiral|general|colonel|senator|governor|mayor|minister|chairman"
    r"|director|professor|judge|officer|manager|chief|secretary|majority|majorities|minority|candidate"
    r"|nominee|leader)"
)
_GROUP_NOUN = re.compile(_GROUP_NOUNS)
_GROUP_OF = re.compile(rf"(?i:(?:[a-z’'-]+\s+)?{_GROUP_NOUNS})\s+(?:of|from|in|at|for|on)\s+\S")
# "Israeli officials", "a source close to him", "people familiar with the talks"
_GROUP_SOURCE = (
    rf"(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?(?!(?:as|than|like|so)\s)(?:(?:[a-z][\w’'-]*|[A-Z][a-z]+)\s+){{0,2}}"
    rf"{_GROUP_NOUNS}"
    r"(?:\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|briefed\s+on|involved\s+in|inside|in|at"
    r"|for|from)\s+(?:the\s+|his\s+|her\s+|their\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
)
# As a sentence's subject a group may carry any three words first ("some Republican leaders").
_GROUP_SUBJECT = re.compile(rf"(?:[\w’'-]+\s+){{0,3}}{_GROUP_NOUNS}")
# A sentence that opens with a group as its subject, maybe after a time: "His chief aide doubled
# down …", "Last week, the Clinton campaign called …".
_OPENING_GROUP = re.compile(
    rf"(?:(?:But|And|Yet|Still|Meanwhile|However),?\s+)?(?:(?:Last|This|On|In|Earlier|Later)\s[^,]{{1,30}},\s+)?"
    rf"(?P<group>(?:[\w’'-]+\s+){{0,3}}?{_GROUP_NOUNS})"
    r"(?=\s+(?:[a-z]+ly\s+|later\s+|also\s+)?[a-z]+(?:ed|s)\b|\s+(?:have|has|had|was|were|is|are|will|would)\b)"
)
# After the cue, a time and a circumstance may follow: "…, officials said Wednesday.", "…, she said
# in a video message to the convention."
_CUE_TAIL = (
    rf"(?:\s+(?:on\s+)?(?:{_WEEKDAYS}|today|yesterday|tonight"
    r"|earlier|later|recently|last\s+\w+|this\s+\w+)\b)?"
    r"(?:,?\s+(?:in|during|at|on|to|after|before|as|while|when|from|via|through|with)\b(?:(?!\sthat\s)[^“”\",]){0,160}?"
    r"(?:,\s+(?:which|who)\b[^“”\",]{0,120})?)?"  # "…, she said in an interview, which aired on Monday."
)
_CUE_TAIL_ONLY = re.compile(rf"{_CUE_TAIL}[\s.]*", re.S)
# "CONTENT, SOURCE (also) said." (the comma may stand inside a closing quote mark: "“…,” the White
# House said.")
_REPORTED_TRAIL = re.compile(
    r"^(?P<content>.+)(?:,|(?<=[\"”’'])(?=\s))\s*(?:as\s+(?=(?:the\s+)?[A-Z]))?(?P<source>(?:the\s+)?[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,6}"
    rf"|he|she|they|{_GROUP_SOURCE})(?:\s+(?:\w+ly|also|first|later|previously))?\s+(?P<cue>{_CUE}){_CUE_TAIL}[\s.]*$",
    re.S,
)
# "CONTENT, Donald Trump's longtime confidant Roger Stone stated.", "…, a spokeswoman, Anna White,
# said on Saturday.": any trailing subject phrase, with one appositive
# (`_Extractor.trailing_subject` checks that it names a speaker)
_TRAILING_SUBJECT = re.compile(
    rf"^(?P<content>.+),\s+(?P<source>[^,;:“”\"]{{1,120}}?(?:,\s+[^,;:“”\"]{{1,60}},)?)\s+(?P<cue>{_CUE}){_CUE_TAIL}[\s.]*$",
    re.S,
)
_AUXILIARY_END = re.compile(
    r"(?:\s+(?:has|have|had|also|reportedly|recently|previously|later|earlier|once|already|first))+\s*\Z"
)
_RELATIVE_START = re.compile(r"(?:who|whom|whose|which|that|as)\b", re.I)  # "…, as the man said."
# "CONTENT, said SOURCE(, an appositive)." (verb first)
# Base forms ("say", "argue") report only after a subject: "Others, however, say …" is no "said X".
_BASE_FORMS = "|".join(sorted({cue.cue for cue in speech_cues() if cue.cue.isalpha()}, key=len, reverse=True))
_TIME_OR_PLACE_OPENER = (
    rf"(?:{_PREPOSITIONS}|during|after|before|last|this|earlier|later)\s"  # "said on Saturday"
)
_INVERTED_TRAIL = re.compile(
    rf"^(?P<content>.+)(?:,|(?<=[\"”’']))\s*(?!(?:{_BASE_FORMS})\b)(?P<cue>{_CUE})\s+(?!{_TIME_OR_PLACE_OPENER})(?P<source>{_NAME_AFTER_CUE}|{_GROUP_SOURCE})"
    r"(?:,[^,]{0,120}){0,3}[\s.]*$",  # up to three appositives: ", director at UC, Davis, a study of Y."
    re.S,
)
_CHANNEL_PHRASE = re.compile(r"^(?P<phrase>(?:in|on|at|during|via|through)\b[^,“”\"]{0,80}?)\s+that\s+")
_PARENTHETICAL = re.compile(
    r",\s*(?:which|who|in|on|at|speaking|writing|including)\b[^,]*,"
    r"|\s(?:[—–-]|--)\s[^—–]{1,120}?\s(?:[—–-]|--)(?=\s|\Z)"
)
# A relative clause inside an appositive: "Rex Early, a former chairman who just signed on, said".
_APPOSITIVE_RELATIVE = re.compile(r"(,\s+(?:an?|the)\s+[^,]{1,60}?)\s+(?:who|whose)\s[^,—–]{1,100}(?=,)")
_GROUP = re.compile(r"\band\b")
_SOCIAL = re.compile(r"social media|tweet|twitter|facebook|instagram|posted on|\bon X\b", re.I)
_STATEMENT = re.compile(r"statement|press release|news release|communiqu|written", re.I)
_INTERVIEW = re.compile(
    r"interview|press conference|\btold (?:reporters|journalists|the\s+[A-Z]|[A-Z])"
    r"|\bon (?:radio|TV|television|air)\b|\bspeaking (?:to|on)\b",
)
# Any of the three: most attributions name no channel and are cleared by this one search.
_NAMED_CHANNEL = re.compile(
    "|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in (_SOCIAL, _STATEMENT, _INTERVIEW))
)
_CITING = re.compile(r"according to|reported|reports|told")  # words that cite an outlet (`via_in`)
# Words at the edges of a speaker phrase that are not part of the name ("But Mr Howard", "X has").
_EDGE_WORDS = re.compile(
    rf"^\s*(?:But|And|Yet|However|Meanwhile|Instead|Now|Earlier|Later|{_SUBORDINATORS})\b,?\s*"
    r"|\s+(?:have|has|had|also|later|then|previously|earlier|again|now|himself|herself|quickly|immediately"
    r"|repeatedly|publicly|privately|recently|initially|reportedly|swiftly|openly|frequently|directly|soon"
    r"|explicitly|angrily|promptly|first|once|even|never|ever|still|already|often|just)\s*$"
    r"|,\s*(?:however|though|too|meanwhile|in turn),?\s*$"  # "Others, however, say …"
)
# A person's full name outside the actor table, as a speaker phrase: "Vince Cable", "Paul E. Ryan".
_FULL_NAME = re.compile(
    r"(?!(?:The|A|An|But|And|In|On|At|As|For|If|When|While)\s)[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2}"
)
_FIRST_AND_LAST = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]+)(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]*[a-z](?:-[A-Z][\w’'-]+)?\b"
)
# "Trump's longtime confidant Roger Stone": a full name after a possessor and its role words
_POSSESSOR_THEN_NAME = re.compile(
    r"[’']s?\s+(?:(?!(?:in|at|on|from|to|for|with|by)\s)[a-z][\w-]*\s+){1,4}"  # "head of research"
    r"(?P<name>(?!(?:The|A|An)\s)[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})\s*\Z"
)
_BARE_SURNAME = re.compile(r"([A-Z][a-z][\w’'-]+)")
_TITLED_SURNAME = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+([A-Z][\w’'-]+)")
# A scene-setting phrase before the speaker: "In an interview, Ms Jones said …".
_LEADING_PHRASE = re.compile(
    r"^\s*(?:In|On|At|During|After|Before|Later|Earlier|Speaking|Asked|When|While|As|Although|Though"
    r"|If|Despite|With|Since|Because|Last|This)\b[^,]{0,80},\s*(?=\S)"
)
_PERSON_LIKE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+[A-Z]|[Hh]e$|[Ss]he$)")
_SPEECHY_END = re.compile(r"[,.?!…:;—-]$")
_DOUBLE_OPEN, _DOUBLE_CLOSE, _SINGLE_OPEN, _SINGLE_CLOSE = "“", "”", "‘", "’"
_SENTENCE_END_BEFORE = re.compile(r"[.!?…][\s]+\Z")  # searched in text[:i]: a sentence ends just before
_QUOTE_MARK = re.compile("''|[“”‘’\"']")  # '' (two apostrophes): a straight double quote, NYT style
_NOT_SPACE = re.compile(r"\S")
_START = attrgetter("start")
MAX_CUES_TRIED = 3  # cues of one sentence tried as "SUBJECT said …" before the rule gives up
MAX_LEAD_CHARS = 1000  # of a sentence before or after a quote, read for its attribution (`direct`)
MAX_ATTRIBUTION_CHARS = 300  # of an attribution's words, read for its channel (`_Extractor.add`)
MAX_SPEAKER_CHARS = 200  # a longer speaker phrase is not a name: it stays unresolved, unparsed


def _bare_phrase(phrase: str) -> str:
    """A speaker phrase without its parentheticals, scene-setting opening and edge words."""
    return _EDGE_WORDS.sub("", _LEADING_PHRASE.sub("", _PARENTHETICAL.sub("", phrase))).strip()


_WHO_END = re.compile(r",?\s+who\s*\Z")
# Words that end a relative clause's antecedent when reading back from "who".
_ANTECEDENT_STOP = frozenset({
    "from", "to", "with", "by", "at", "on", "in", "and", "or", "but", "than", "as", "for", "about", "against",
    "over", "under", "after", "before", "like", "including", "among", "between", "while", "when", "because",
    "if", "that", "which", "said", "says", "told",
})  # fmt: skip


def _antecedent_of_who(subject: str) -> tuple[str, int] | None:
    """(words, offset) of the noun phrase a final "who" refers to ("the Mexican president" in
    "… a lecture from the Mexican president, who"): at most four words read back to a comma or a
    preposition or conjunction; None when the subject does not end in "who"."""
    end = _WHO_END.search(subject)
    if end is None:
        return None
    tokens = list(re.finditer(r"[^\s,;:()]+", subject[: end.start()]))
    chosen: list[re.Match[str]] = []
    for word in reversed(tokens[-4:]):
        between = subject[word.end() : chosen[-1].start()] if chosen else ""
        if word.group().lower() in _ANTECEDENT_STOP or any(c in between for c in ",;:()"):
            break
        chosen.append(word)
    if not chosen or not re.search(r"[A-Z]|\b(?:the|a|an)\b|s\b", subject[chosen[-1].start() : end.start()]):
        return None
    return subject[chosen[-1].start() : end.start()], chosen[-1].start()


# A speaker phrase that runs on into its clause ends in a function word ("Hillary Clinton took to
# Twitter to", "Ms. Sherry smiled and", "Robert Antonacci of"); its head ends before the first verb.
_DANGLING_END = re.compile(
    r"\s+(?:to|and|or|but|yet|not|n[’']t|that|of|the|a|an|in|with|at|for|by|on|from|first|then|even|also)\s*\Z"
)
_VERB_IN_PHRASE = re.compile(
    r"\s(?=(?:is|are|was|were|has|have|had|did|does|do|would|will|could|can|should|may|might|must"
    r"|took|takes|went|got|gets|came|made|makes|[a-z]+ed)\b)"
)
_CIRCUMSTANCE_THEN_COMMA = re.compile(r"(?:in|on|at|during|via|through)\s[^,“”\"]{1,80},\s")


def _clause_subject(openers: str) -> re.Pattern[str]:
    """The words after the last of `openers` that end a subject ("… so many that Border Patrol agents")."""
    return re.compile(rf"\b(?:{openers})\s+(?P<subject>[^,;:]{{1,60}})\Z")


_INNER_CLAUSE = _clause_subject("that|because|since|after|when|while|what")
# For a speech act only "that", "because" and "what": after "since" a plural noun is no verb
# ("since the 11 September terror attacks")
_INNER_THAT_CLAUSE = _clause_subject("that|because|what")
_FINAL_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s[^,]{1,120},\s*\Z")
_AFTER_RELATIVE = re.compile(r"\b(?:which|whom|where)\s+(?P<rest>[^,]{1,40})\Z")
_CAUSED_TO = re.compile(r"\b(?:led|prompted|forced|pushed|caused|moved|inspired)\s+(?P<object>.+?)\s+to\Z")


# Abbreviated titles that carry no gender ("Sen. Kristen Gillibrand"; "Mr", "Dr" are `_TITLED_PERSON`).
_ABBREVIATED_TITLE = re.compile(
    r"(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Pres|Sec|Amb|Atty|Supt|Insp|Det|Cmdr)\.\s+"
)


def _untitled(phrase: str) -> str:
    """A full name without its abbreviated title ("Sen. Kristen Gillibrand" → "Kristen
    Gillibrand"), so that a person is one speaker with or without it; other phrases unchanged."""
    title = _ABBREVIATED_TITLE.match(phrase)
    return phrase[title.end() :] if title and _FULL_NAME.fullmatch(phrase, title.end()) else phrase


def _as_name(label: str) -> str:
    """A label in capitals as a name is written ("JAKE TAPPER" → "Jake Tapper"); others unchanged."""
    return label.title() if label.isupper() else label


_SPEAKER_WORD = re.compile(r"[\w’']+")
_ADVERB = re.compile(r"[a-z]{4,}ly(?<!family)(?<!assembly)(?<!supply)")  # "periodically", not "family"
_NAMING_FUNCTION_WORDS = frozenset({"some", "others", "many", "most", "few", "all", "both", "i", "we", "you"})


def _no_one_named(resolution: Resolution) -> Resolution:
    """An unresolved speaker made only of function words and lower-case adverbs ("and",
    "having", "it was", "which periodically") names no one: its speaker is left empty (the
    mention keeps the words). Pronoun-like groups ("some", "we") and names ("the US") stay."""
    if resolution.resolved_by != "unresolved" or not resolution.speaker:
        return resolution
    found = _SPEAKER_WORD.findall(resolution.speaker)
    if found and all(
        (word.lower() in stopwords() and not word.isupper() and word.lower() not in _NAMING_FUNCTION_WORDS)
        or _ADVERB.fullmatch(word)
        for word in found
    ):
        return replace(resolution, speaker="")
    return resolution


def _group_in_lower_case(resolution: Resolution) -> Resolution:
    """An unresolved speaker that opens with a determiner or a group noun, its first letter in
    lower case, so that "Analysts" at a sentence's start and "analysts" after a quote are one
    speaker ("The company" → "the company", "The Tories" → "the Tories"); names are unchanged."""
    speaker = resolution.speaker
    if resolution.resolved_by != "unresolved" or not speaker[:1].isupper():
        return resolution
    word = speaker.split()[0]
    first = word.casefold()
    later = speaker.split()[1:]
    title = _GROUP_NOUN.fullmatch(first) and later[:1] and later[0][:1].isupper()  # "Chairman Reince Priebus"
    if word[1:].islower() and (first in stopwords() or (_GROUP_NOUN.fullmatch(first) and not title)):
        return replace(resolution, speaker=speaker[0].lower() + speaker[1:])
    return resolution


def _not_a_subject_word(word: str) -> bool:
    """An opening word that does not start a subject: a stopword, an adverb ("Early", "Just",
    "Recently") or a participle ("Rattling off …", "Speaking to …")."""
    return word in _NOT_SUBJECT_WORDS or word in stopwords() or word.endswith(("ing", "ly"))


def _trimmed_end(text: str, start: int, end: int, keep: int = 0) -> int:
    """`end` moved back over trailing whitespace and periods, keeping `keep` characters after `start`."""
    while end > start + keep and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1
    return end


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quotation marks and the quoted words between them (`start`:`end`)."""

    open_at: int
    close_at: int
    closed: bool
    open_width: int = 1  # 2 for a '' mark
    close_width: int = 1

    @property
    def start(self) -> int:
        return self.open_at + self.open_width

    @property
    def end(self) -> int:
        return self.close_at

    @property
    def after_close(self) -> int:
        """The offset just past the closing mark."""
        return self.close_at + (self.close_width if self.closed else 0)


# ---- quote marks ------------------------------------------------------------------------------------


def find_quote_spans(text: str, paragraph_spans: Iterable[tuple[int, int]]) -> list[QuoteSpan]:
    """Top-level quotations: curly or straight, double or single, nested marks ignored.

    A double quote still open at a paragraph end continues if the next paragraph opens with a
    double quote mark; otherwise it ends (unclosed) at the paragraph end. Apostrophes inside or
    at the end of words (New Zealand’s, countries’) are not quote marks.
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_width = 1
    family = ""
    nested = 0  # curly double quotes opened inside the open one
    previous_end = 0
    for p_start, p_end in paragraph_spans:
        position = p_start
        if open_at is not None:
            reopening = text.startswith("''", p_start) or text[p_start] in (_DOUBLE_OPEN, '"')
            if family == "double" and reopening:
                # continuation: the re-opening mark is part of the quote
                position = p_start + (2 if text.startswith("''", p_start) else 1)
            else:
                spans.append(QuoteSpan(open_at, previous_end, False, open_width))
                open_at = None
        for mark in _QUOTE_MARK.finditer(text, position, p_end):  # every other character is inert
            i, width = mark.start(), len(mark.group())
            char = '"' if width == 2 else text[i]
            before = text[i - 1] if i > p_start else " "
            after = text[i + width] if i + width < p_end else " "
            if char == _DOUBLE_OPEN and open_at is not None and not before.isspace() and not after.isalnum():
                char = _DOUBLE_CLOSE  # “rapists“: an opening mark typed where the closing one belongs
            if char == _DOUBLE_OPEN or (char == '"' and open_at is None):
                if open_at is None and not after.isspace():
                    open_at, open_width, family, nested = i, width, "double", 0
                elif (
                    open_at is not None
                    and family == "double"
                    and char == _DOUBLE_OPEN
                    and not _SENTENCE_END_BEFORE.search(text, max(p_start, i - 8), i)
                ):  # “… “your team” …”: a curly quote inside a curly quote (after a sentence's
                    nested += 1  # end it is rather a new quote whose opener forgot to close one)
            elif char == _DOUBLE_CLOSE or char == '"':
                if open_at is not None and family == "double" and nested and char == _DOUBLE_CLOSE:
                    nested -= 1
                    continue
                if open_at is not None and family == "double":
                    if (
                        char == '"'
                        and before.isspace()
                        and after.isalnum()
                        and _SENTENCE_END_BEFORE.search(text, max(p_start, i - 8), i)
                    ):
                        # a straight mark that opens: the paragraph break before it was lost
                        # ('… the hardest. "By pledging …'), so the open quote ends unclosed here
                        end = i
                        while end > open_at + open_width and text[end - 1].isspace():
                            end -= 1
                        spans.append(QuoteSpan(open_at, end, False, open_width))
                        open_at, open_width = i, width
                        continue
                    spans.append(QuoteSpan(open_at, i, True, open_width, width))
                    open_at = None
            elif char == _SINGLE_OPEN or (char == "'" and (before.isspace() or before in "([")):
                if open_at is None and after.isalnum():
                    open_at, open_width, family = i, 1, "single"
            elif char in (_SINGLE_CLOSE, "'"):
                if before.isalnum() and after.isalpha():
                    continue  # apostrophe inside a word
                if open_at is not None and family == "single" and not after.isalnum():
                    spans.append(QuoteSpan(open_at, i, True))
                    open_at = None
        if open_at is not None and family == "single":
            spans.append(QuoteSpan(open_at, p_end, False))
            open_at = None
        previous_end = p_end
    if open_at is not None:
        spans.append(QuoteSpan(open_at, previous_end, False, open_width))
    return spans


@cache
def first_name_genders() -> dict[str, str]:
    """First name -> "m" or "f" (`data/first_names.csv`; names used for both are not listed)."""
    rows = csv.DictReader(uncommented(data_path("first_names.csv")))
    return {row["name"]: row["gender"] for row in rows}


def _mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted words replaced by 'x' (marks kept), so cues inside quotes are inert."""
    pieces, position = [], 0
    for span in spans:
        pieces += [text[position : span.start], _NOT_SPACE.sub("x", text[span.start : span.end])]
        position = max(position, span.end)
    pieces.append(text[position:])
    return "".join(pieces)


def _named_people(text: str) -> list[Mention]:
    """People named in full whose first name marks a gender ("John Smith", "Sarah Jones"),
    as person mentions for pronouns and later surnames."""
    genders = first_name_genders()
    people = []
    for match in _FIRST_AND_LAST.finditer(text):
        gender = genders.get(match.group(1))
        if gender:
            name = match.group()
            people.append(
                Mention(match.start(), match.end(), name, Actor(name, (name,), (), "person", "", "", gender))
            )
    return people


def _titled_mentions(text: str) -> list[Mention]:
    """Titled people ("Mr Howard") as person mentions, for pronoun resolution."""
    return [
        Mention(m.start(), m.end(), m.group(), Actor(m.group(), (m.group(),), (), "person", "", "",
                                                     _TITLE_GENDER.get(m.group(1), "")))
        for m in _TITLED_PERSON.finditer(text)
    ]  # fmt: skip


def _titles_to_full_names(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order, a titled surname ("Mr Howard") standing for the person last named
    in full with that surname ("Michael Howard"), so that pronouns after it resolve to one name."""
    people: dict[str, Actor] = {}
    out = []
    for mention in mentions:
        words = mention.actor.canonical.split()
        if mention.actor.kind != "person" or len(words) < 2:
            out.append(mention)
        elif len(words) == 2 and _TITLED_PERSON.fullmatch(mention.actor.canonical):
            person = people.get(words[-1])
            out.append(mention if person is None else replace(mention, actor=person))
        else:
            people[words[-1]] = mention.actor
            out.append(mention)
    return out


# ---- records ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Record:
    kind: str
    start: int
    end: int
    cue: str
    resolution: Resolution
    channel: str
    via: str
    rule: str


CHANNELS = ("unstated", "interview", "statement", "social_media", "second_hand", "unspecified")


def _channel(attribution: str, resolution: Resolution, via: str) -> tuple[str, str]:
    actor = resolution.actor
    if via:
        return "second_hand", via
    if actor is not None and actor.kind == "news outlet":
        return "second_hand", actor.canonical
    named = _NAMED_CHANNEL.search(attribution) is not None
    if named and _SOCIAL.search(attribution):
        return "social_media", ""
    if named and _STATEMENT.search(attribution):
        return "statement", ""
    if actor is not None and actor.kind == "government body":
        return "statement", ""
    if named and _INTERVIEW.search(attribution):
        return "interview", ""
    if actor is not None and actor.kind == "person":
        return "unstated", ""
    if actor is None and _PERSON_LIKE.match(resolution.mention):
        return "unstated", ""  # a person outside the actor table ("Mr Howard", "he" resolved)
    return "unspecified", ""


def _names_channel(attribution: str) -> bool:
    return _NAMED_CHANNEL.search(attribution) is not None


class _Extractor:
    """State for one article: its text, sentences, quote spans and actor mentions."""

    def __init__(self, article: Article, actors: ActorIndex) -> None:
        self.article = article
        self.actors = actors
        self.text = article.text
        self.paragraph_spans = article.paragraph_spans
        self.sentences = sentences(article)
        self.spans = find_quote_spans(self.text, self.paragraph_spans)
        self.opens = [span.open_at for span in self.spans]  # sorted: spans are in text order
        self.masked = _mask_quotes(self.text, self.spans)
        found = actors.mentions(self.text) + _titled_mentions(self.text) + _named_people(self.text)
        self.mentions: list[Mention] = _titles_to_full_names(
            sorted((m for m in found if not self.inside_quote(m.start)), key=lambda m: m.start)
        )
        self.sentence_starts = [s.start for s in self.sentences]
        self.paragraph_starts = [start for start, _ in self.paragraph_spans]
        self.records: list[_Record] = []

    # -- helpers (binary searches: an article may hold thousands of sentences and quotes) --
    def inside_quote(self, offset: int) -> bool:
        i = bisect_right(self.opens, offset) - 1
        return i >= 0 and self.spans[i].start <= offset < self.spans[i].end

    def spans_opening_in(self, start: int, end: int) -> list[QuoteSpan]:
        """The quote spans whose opening mark is in [start, end)."""
        return self.spans[bisect_left(self.opens, start) : bisect_left(self.opens, end)]

    def sentence_at(self, offset: int) -> Sentence:
        """The first sentence with start <= offset <= end (the last sentence if none)."""
        i = bisect_right(self.sentence_starts, offset) - 1
        for j in (i - 1, i):
            if j >= 0 and self.sentences[j].start <= offset < self.sentences[j].end + 1:
                return self.sentences[j]
        return self.sentences[-1]

    def paragraph_at(self, offset: int) -> int:
        """The first paragraph with start <= offset <= end (the last paragraph if none)."""
        i = bisect_right(self.paragraph_starts, offset) - 1
        for j in (i - 1, i):
            if j >= 0 and self.paragraph_spans[j][0] <= offset <= self.paragraph_spans[j][1]:
                return j
        return len(self.paragraph_spans) - 1

    def resolve(self, phrase: str, phrase_start: int) -> Resolution:
        """Resolve a speaker phrase; a group ("The US and Australia") stays unresolved."""
        if len(phrase) > MAX_SPEAKER_CHARS:
            phrase = " ".join(phrase.split())
            if len(phrase) > MAX_SPEAKER_CHARS:
                cleaned = phrase[:MAX_SPEAKER_CHARS] + "…"
                return Resolution(cleaned, cleaned, "unresolved", None)
        bare = _bare_phrase(phrase)
        stripped = self._speaker_head(bare)
        resolution = self._resolve_bare(stripped, phrase_start)
        antecedent = _antecedent_of_who(bare)
        if stripped != bare and antecedent is not None:  # "Barkley, who": the words naming the speaker
            resolution = replace(resolution, mention=bare[antecedent[1] :].strip(" ,"))
        return _group_in_lower_case(_no_one_named(resolution))

    def _speaker_head(self, phrase: str) -> str:
        """The person heading a speaker phrase that runs on into its clause, when it names one:
        the object of "led X to" ("The victory led Reince Priebus to" → "Reince Priebus"), the
        antecedent of a final "who" ("Barkley, who" → "Barkley"), else the words before the first
        verb without dangling function words ("Reid would not" → "Reid", "Robert Antonacci of" →
        "Robert Antonacci"). Other phrases are returned unchanged."""
        owned = _POSSESSOR_THEN_NAME.search(phrase)
        if owned and not self.actors.mentions(owned.group("name")):
            return owned.group("name")  # "Trump's campaign manager Corey Lewandowski": not Trump
        caused = _CAUSED_TO.search(phrase)
        antecedent = _antecedent_of_who(phrase)
        relative = _AFTER_RELATIVE.search(phrase)
        inner = _INNER_CLAUSE.search(phrase)
        if caused:
            head = caused.group("object")
        elif relative and _GROUP_SUBJECT.fullmatch(relative.group("rest")):
            return relative.group("rest")  # "… a call in which organizers (claimed)": the relative's subject
        elif inner and (
            self._names_someone(inner.group("subject")) or _GROUP_SUBJECT.fullmatch(inner.group("subject"))
        ):
            return inner.group("subject")  # "The mood was grim because Republican leaders (said)"
        elif antecedent is not None:
            if re.search(r"\b(?:and|or)\s+\Z", phrase[: antecedent[1]]):
                return phrase  # "Jeb Bush and Chris Christie, who": a group
            head = antecedent[0]
        elif _DANGLING_END.search(phrase):
            verb = _VERB_IN_PHRASE.search(phrase, phrase.find(" ") + 1 if " " in phrase else len(phrase))
            head = phrase[: verb.start()] if verb else phrase
            while (dangling := _DANGLING_END.search(head)) is not None:
                head = head[: dangling.start()]
        else:
            return phrase
        head = head.strip(" ,")
        first = head.split(",")[0].strip()
        named = self._names_a_speaker(first) or _SUBJECT_PRONOUN.fullmatch(first)
        return head if named else phrase

    def _resolve_bare(self, stripped: str, phrase_start: int) -> Resolution:
        if "," in stripped:  # "Gustav Ando, research director for IHS," / "Her aide, Jeff Weaver,"
            # the part just before the cue when it is a capitalised name ("Raleigh, North Carolina,
            # Trump"), else the first part that names someone ("Gustav Ando, research director")
            parts = [part.strip() for part in stripped.split(",")]
            last = parts[-1]
            named = next((part for part in parts if part and self._names_a_speaker(_untitled(part))), None)
            if (last[:1].isupper() and len(last.split()) <= 4 and not stripped.endswith(",")) or (
                _PERSONAL_PRONOUN.fullmatch(last)  # "and when asked whether …, he"
            ):
                named = last
            if named is not None:
                stripped = named
        stripped = _untitled(stripped)
        if _GROUP.search(stripped) and len(self.actors.mentions(stripped)) != 1:
            cleaned = stripped.strip(" ,.;:")
            return Resolution(cleaned, cleaned, "unresolved", None)
        resolution = self.actors.resolve(stripped, phrase_start, self.mentions)
        if resolution.resolved_by != "unresolved" or not resolution.speaker:
            return resolution
        titled = _TITLED_SURNAME.fullmatch(resolution.mention) or _BARE_SURNAME.fullmatch(resolution.mention)
        if titled:  # "Mr Cable" or "Cable" after "Vince Cable": the person named in full before
            for mention in reversed(self.mentions[: bisect_left(self.mentions, phrase_start, key=_START)]):
                words = mention.actor.canonical.split()
                if (
                    mention.actor.kind == "person"
                    and len(words) > 1
                    and words[-1] == titled.group(1)
                    and not (
                        len(words) == 2 and _TITLED_PERSON.fullmatch(mention.actor.canonical)
                    )  # "Ms Fiorina"
                ):
                    return Resolution(mention.actor.canonical, resolution.mention, "surname", mention.actor)
        elif _FULL_NAME.fullmatch(resolution.mention):  # a new person: later pronouns may refer to them
            name = resolution.mention
            person = Actor(name, (name,), (), "person", "", "", first_name_genders().get(name.split()[0], ""))
            insort(self.mentions, Mention(phrase_start, phrase_start + len(name), name, person), key=_START)
        return resolution

    def via_in(self, tail: str) -> str:
        """The outlet a tail clause cites (', according to the AP' / ', the Guardian reported')."""
        if not _CITING.search(tail):
            return ""
        for mention in self.actors.mentions(tail):
            if mention.actor.kind == "news outlet":
                return mention.actor.canonical
        return ""

    def previous_record(self, paragraph: int) -> _Record | None:
        if not self.records:
            return None
        last = self.records[-1]
        return last if self.paragraph_at(last.end) >= paragraph - 1 else None

    def add(
        self,
        kind: str,
        start: int,
        end: int,
        cue: str,
        resolution: Resolution,
        attribution: str,
        rule: str,
        via: str = "",
    ) -> None:
        """Record a statement; `via` names the outlet that passed it on, when the rule knows it.
        Only the first `MAX_ATTRIBUTION_CHARS` of `attribution` are read for its channel: a trailing
        attribution's match runs to the sentence's end, which in a run-on text of quotes is long."""
        attribution = attribution[:MAX_ATTRIBUTION_CHARS]
        via = via or self.via_in(attribution)
        channel, via = _channel(attribution, resolution, via)
        previous = self.previous_record(self.paragraph_at(start))
        inherits = (
            previous is not None
            and previous.resolution.speaker == resolution.speaker
            and resolution.resolved_by in ("pronoun", "continuation")
            and not _names_channel(attribution)
            and not via
        )
        if inherits and previous is not None:
            channel, via = previous.channel, previous.via
        self.records.append(_Record(kind, start, end, cue, resolution, channel, via, rule))

    # -- direct quotations --
    def direct(self, span: QuoteSpan) -> int | None:
        """Record a direct quotation if `span` is one; return the offset it consumes up to."""
        content = self.text[span.start : span.end]
        opening = self.sentence_at(span.open_at)
        closing = self.sentence_at(span.close_at)
        # A lead-in or trailing attribution is read from at most `MAX_LEAD_CHARS` of the sentence
        # on each side (a longer lead-in only by its nearest speaker and cue), so a run-on text of
        # quotes costs linear time.
        long_lead = span.open_at - opening.start > MAX_LEAD_CHARS
        if long_lead:  # `before` and a lead's offsets start here
            opening = replace(opening, start=span.open_at - MAX_LEAD_CHARS)
        before = self.text[opening.start : span.open_at]
        after = (
            self.text[span.after_close : min(closing.end, span.after_close + MAX_LEAD_CHARS)]
            if span.closed
            else ""
        )
        if _inert_before(before):  # "(“…,” said X.)", "But “…”", "… - “…,” X said - but"
            before = ""
        # (the patterns on `before` read only its end, so a run-on sentence of quotes stays linear)
        if _TITLE_BEFORE.search(before, max(0, len(before) - 40)) and len(content.split()) <= MAX_TITLE_WORDS:
            return None  # "…, Mr. Rubio said in his 2012 book, ''An American Son.''": a title
        introduces = before.rstrip().endswith((",", ":"))  # both lead patterns end in [,:]\s*$
        lead = (
            _LEAD_ATTRIBUTION.match(before) or _INVERTED_LEAD.match(before)
            if introduces and not long_lead
            else None
        )
        if lead is None and introduces:
            # 'Remarking upon Clinton's “genuine empathy,” Starr said, “…”': an opening the lead
            # pattern does not take (a quote, many commas); the nearest speaker and cue lead in
            lead = self._nearest_lead(before, 0)
        if lead and _CONJUNCTION_SUBJECT.match(lead.group("m1")):
            # "…, and when asked whether …, he said, “…”", "When asked if … Eriksson replied: “…”":
            # the lead is the nearest speaker and cue before the quote
            lead = self._nearest_lead(before, lead.end("c1"))
            if lead and before[: lead.start()].rstrip().endswith(","):  # the clauses before may
                self.reported(replace(opening, end=opening.start + lead.start()))  # report speech too
        trail = _TRAIL_ATTRIBUTION.match(after) if after.strip(" .)") else None
        trail_base = span.after_close
        if span.closed and not after.strip() and content.rstrip()[-1:] in "?!":
            # “… be?” Pence said in response. (the splitter ended the sentence at the question mark)
            index = bisect_right(self.sentence_starts, closing.end)
            following = self.sentences[index] if index < len(self.sentences) else None
            if following is not None and self.paragraph_at(following.start) == self.paragraph_at(
                span.close_at
            ):
                following_text = " " + self.text[following.start : following.end]
                trail = _TRAIL_ATTRIBUTION.match(following_text)
                if trail and len(trail.group("tail").split()) <= _SHORT_TAIL_WORDS:
                    after, closing, trail_base = following_text, following, following.start - 1
                else:
                    trail = None
        # 'Petraeus "was handled so lightly …," said a former official.': a short subject before
        # the quote, then the attribution: the sentence from its subject is the speaker's
        completes = bool(
            before.strip()
            and not lead
            and trail
            and _SUBJECT_BEFORE_QUOTE.fullmatch(before)
            and self.text[span.open_at] not in "‘'"  # a headline's single quotes: "Vouchers 'to cut …'"
            and self._names_someone(next(trail.group(g) for g in ("m1", "m2", "m3", "m4") if trail.group(g)))
        )
        if before.strip() and not lead and not completes:
            return None
        if after.strip(" .;)") and not trail and not (lead and _CLAUSE_AFTER.match(after)):
            return None
        if not (lead or trail or _SPEECHY_END.search(content.rstrip()) or content.count(" ") >= 6):
            return None
        if trail or lead:
            match = trail or lead
            assert match is not None
            group = next(g for g in ("m4", "m1", "m2", "m3") if match.groupdict().get(g))
            mention = match.group(group)
            cue = match.group("c" + group[1])
            base = trail_base if trail else opening.start
            resolution = self.resolve(mention, base + match.start(group))
            rule = {"m1": "direct_speaker_after", "m2": "direct_speaker_after", "m3": "direct_dash"}.get(
                group, "direct_quoted_as_saying"
            )
            rule = rule if trail else "direct_speaker_before"
            attribution, via = match.group(0), ""
            if group == "m4":  # “…,” Arab News quoted Prince Saud as saying: the outlet passes it on
                cue, via = "quoted as saying", self.conduit(match.group("via"), base + match.start("via"))
            if lead:  # "She also said the turmoil was not the banks' fault, “not by a long shot.”"
                self.lead_report(opening, lead)
            if lead and not trail and lead.group("opening") and _ADDING.match(lead.group("tail")):
                # "Mateen left early, Nefzi said, adding, “…”": the opening clause is her report too
                start, end = self.content_span(opening.start, opening.start + lead.end("opening"))
                self.add(self.kind_of(start, end), start, end, cue, resolution, attribution, "speaker_after")
            if completes:
                start = opening.start + len(before) - len(before.lstrip())
                self.add("partial", start, span.end, cue, resolution, attribution, rule, via)
            else:
                self.add("direct", span.start, span.end, cue, resolution, attribution, rule, via)
            if trail:  # “…,” Ms Acosta said, “and …”: the sentence's later quotes are hers too
                after_cue = trail_base + match.end("c" + group[1])  # not a title in the cue: told “Fox News”
                for later in self.spans_opening_in(after_cue, closing.end):
                    self.add("direct", later.start, later.end, cue, resolution, attribution, rule, via)
                # “…,” Carson said on NBC, but he said …: a report of its own after the attribution;
                # “…,” he said, citing …: the speaker's participle
                tail_at = trail_base + match.start("tail")
                more = _CLAUSE_AFTER_TRAIL.search(self.masked, tail_at, closing.end)
                participle = _PARTICIPLE_AFTER_TRAIL.match(self.masked, tail_at, closing.end)
                if participle and not self.spans_opening_in(participle.end(), closing.end):
                    start, end = self.content_span(participle.end(), closing.end)
                    said = re.sub(r"\s+", " ", participle.group("cue"))
                    words_before = self.text[tail_at : participle.end()].strip()
                    if end > start:
                        self.add(
                            self.kind_of(start, end),
                            start,
                            end,
                            said,
                            resolution,
                            words_before,
                            "participle",
                            via,
                        )
                elif more and not self.spans_opening_in(more.end(), closing.end):
                    self.reported(replace(closing, start=more.end()))
                elif (goes_on := _QUOTE_GOES_ON.match(self.masked, tail_at, closing.end)) and not (
                    self.spans_opening_in(goes_on.end(), closing.end)
                ):  # “Only you, Dinesh,” she said, would use …: the sentence goes on in her words
                    start, end = self.content_span(goes_on.end(), closing.end)
                    if end > start:
                        self.add("indirect", start, end, cue, resolution, attribution, "mid_sentence", via)
        else:
            previous = self.previous_record(self.paragraph_at(span.open_at))
            if previous is not None:
                # the same speaker, named by the previous record's words ("she", "Mr Howard")
                resolution = replace(previous.resolution, resolved_by="continuation")
                rule = "direct_continuation"
            else:
                resolution = Resolution("", "", "unattributed", None)
                rule = "direct_unattributed"
            self.add("direct", span.start, span.end, "", resolution, "", rule)
        return closing.end

    def _nearest_lead(self, before: str, after: int) -> re.Match[str] | None:
        """The lead-in attribution that starts at the latest word of `before` past `after` and
        whose speaker phrase names someone ("Eriksson replied:"); only the last
        `MAX_SPEAKER_CHARS` characters are read, so a long run-on lead costs linear time."""
        for word in reversed(list(_WORD_START.finditer(before, max(after, len(before) - MAX_SPEAKER_CHARS)))):
            if _INSIDE_A_PHRASE.search(before, 0, word.start()) or _PREPOSITION.match(before, word.start()):
                continue  # "… in the house saying:", "… to the stock exchange said:": not a subject
            lead = _LEAD_ATTRIBUTION_AT.match(before, word.start())
            if lead and self._names_someone(lead.group("m1")):
                return lead
        return None

    def lead_report(self, sentence: Sentence, lead: re.Match[str]) -> None:
        """Record the report a quote's lead-in makes before it ("Hayek confirmed she had been and
        said, “…”": "she had been"), unless its words after the cue are only a time, a place or a
        channel ("Coleman said in an interview on Monday, “…”")."""
        tail_at = sentence.start + lead.start("tail")
        tail = _LEAD_TAIL_END.sub("", self.masked[tail_at : sentence.start + lead.end("tail")])
        if tail[:1].isalnum() or not self._names_someone(lead.group("m1")):
            return  # the cue matched inside a longer word ("explain|ing"), or no one is its subject
        bare = tail.lstrip(" ,;")
        channel = _CHANNEL_PHRASE.match(bare)
        skip = len(tail) - len(bare) + (channel.end() if channel else 0)
        content = tail[skip:]
        n_words = len(words(content))
        if n_words < MIN_LEAD_REPORT_WORDS or _CIRCUMSTANCE.match(content.strip()):
            return
        if lead.group("c1").lower().startswith("told") and not _TOLD_CONTENT.match(content.strip()):
            return  # "told BBC Radio 4's Today programme", "told Czech newspaper Daily Sport": a hearer
        start, end = self.content_span(tail_at + skip, tail_at + len(tail))
        if self.text[start : start + 5].lower() == "that ":
            start += 5
        if end > start:
            resolution = self.resolve(lead.group("m1"), sentence.start + lead.start("m1"))
            cue = re.sub(r"\s+", " ", lead.group("c1"))
            said = self.text[sentence.start + lead.start("m1") : tail_at].strip()
            self.add(self.kind_of(start, end), start, end, cue, resolution, said, "speaker_first")

    # -- reported speech --
    def content_span(self, start: int, end: int) -> tuple[int, int]:
        """Trim a reported clause: spaces, a final period, a trailing ', which …' gloss."""
        masked = self.masked[start:end]
        gloss = re.search(r",\s+which\b[^,]*$", masked)
        if gloss:
            end = start + gloss.start()
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".,;:"):
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return start, end

    def has_content(self, start: int, end: int) -> bool:
        """Whether text[start:end], trimmed (`content_span`), can be what was said: not empty, not
        only a short prepositional phrase ("In the speech, which prompted an ovation,")."""
        start, end = self.content_span(start, end)
        return end > start and not _ONLY_A_PREPOSITION_PHRASE.fullmatch(self.text, start, end)

    def kind_of(self, start: int, end: int) -> str:
        return "partial" if self.spans_opening_in(start, end) else "indirect"

    def reported(self, sentence: Sentence) -> int | None:
        """Record reported speech in `sentence` by the first rule of `REPORTED_RULES` whose
        handler records it; return the offset it consumes up to."""
        text = self.masked[sentence.start : sentence.end]
        in_text = set(words(text))
        if ":" not in text and _RULE_TRIGGERS.isdisjoint(in_text):
            return None  # every rule but "colon" needs a cue word, "according" or "quoted"
        for rule in REPORTED_RULES:
            if rule.key_words and rule.key_words.isdisjoint(in_text):
                continue
            match = rule.pattern.match(text) if rule.anchored else rule.pattern.search(text)
            if match:
                consumed = rule.handler(self, sentence, match, rule.name)
                if consumed is not None:
                    return consumed
        return None

    def according_lead(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """According to the AP, CONTENT / According to the AP: before the next paragraph."""
        s0, text = sentence.start, match.string
        named = "source" if match.group("source") else "by"  # "As reported by X," names X after the cue
        source = self.resolve(match.group(named).rstrip(), s0 + match.start(named))
        said = (match.groupdict().get("cue") or match.groupdict().get("said") or "according to").lower()
        content_end = _trimmed_end(text, match.end(), len(text))
        if content_end > match.end():
            start, end = s0 + match.end(), s0 + content_end
            consumed = sentence.end
        else:  # "According to the AP:" introduces the next paragraph
            index = self.paragraph_at(sentence.start) + 1
            if index >= len(self.paragraph_spans):
                return None
            start, end = self.paragraph_spans[index]
            consumed = end
        start, end = self.content_span(start, end)
        attribution = (
            text[: match.end("sep") - 1] if said != "according to" else "according to " + source.mention
        )
        self.add(self.kind_of(start, end), start, end, said, source, attribution, rule)
        return consumed

    def quoted_as_saying(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """Quoted as saying: "Arab News quoted Prince Saud as saying (that) CONTENT"."""
        s0, text = sentence.start, match.string
        content_end = _trimmed_end(text, match.end(), len(text), keep=1)
        before = _trimmed_end(text, 0, match.start())  # the outlet's words end before " quoted"
        outlet = _VIA_BEFORE.search(text, max(0, before - 80), before) if before < match.start() else None
        if content_end <= match.end() or outlet is None:
            return None
        source = self.resolve(match.group("source"), s0 + match.start("source"))
        start, end = self.content_span(s0 + match.end(), s0 + content_end)
        via = self.conduit(outlet.group(), s0 + outlet.start())
        self.add(self.kind_of(start, end), start, end, "quoted as saying", source, match.group(0), rule, via)
        return sentence.end

    def conduit(self, phrase: str, phrase_start: int) -> str:
        """The outlet in "X quoted Y as saying": its canonical name, else its words."""
        resolution = self.resolve(phrase, phrase_start)
        return resolution.speaker or resolution.mention

    def speaker_first(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """Speaker first: "SUBJECT said (that) CONTENT", the subject being a plausible speaker
        phrase; when the first cue's subject is not one ("When asked …, voters said"), the next
        cue is tried."""
        cue_match: re.Match[str] | None = match
        for _ in range(MAX_CUES_TRIED):  # bounded: each try reads the text before its cue
            if cue_match is None:
                return None
            consumed = self._speaker_first_at(sentence, cue_match, rule)
            if consumed is not None:
                return consumed
            cue_match = _SPEAKER_CUE.search(match.string, cue_match.end())
        return None

    def _speaker_first_at(self, sentence: Sentence, cue_match: re.Match[str], rule: str) -> int | None:
        s0, text = sentence.start, cue_match.string
        subject = text[: cue_match.start()]
        if _DECLINED_TO.search(subject) or _NOT_A_SPEAKER_BEFORE_CUE.search(subject):
            return None  # "declined to claim victory", "they are asked", "Her vow", "Santilli's continued"
        # "…, said Angie Holan." / "“…,” said John Krystek." (the comma may stand inside the quote
        # mark, where the masked text has an x: the raw text is read)
        raw_subject = self.text[s0 : s0 + cue_match.start()]
        if raw_subject.rstrip().rstrip("”\"’'").endswith(",") and _INVERTED_TRAIL.match(text):
            return None
        # "JOEL BENENSON: This is a man who said …": a transcript's label is the speaker (colon rule)
        label = _COLON_ATTRIBUTION.match(text) if ":" in subject else None
        if label and (
            self._names_a_speaker(label.group("source")) or self._surname_named_in_full(label.group("source"))
        ):
            return None
        # "…, Israeli officials said Wednesday.": the words before are the content (speaker_after)
        trail = _REPORTED_TRAIL.match(text) if _CUE_TAIL_ONLY.fullmatch(text, cue_match.end() - 1) else None
        if trail and self.has_content(s0 + trail.start("content"), s0 + trail.end("content")):
            return None
        if _BYLINE_PLACE.match(text, cue_match.end()):
            return None  # "Wolf reported from Washington.": a byline, not a report
        if _TIME_TAIL_ONLY.fullmatch(text, cue_match.end()):  # "…, spokesman Benali Cherif said Thursday."
            return self.content_before(sentence, cue_match)
        # "…, candidate Ben Carson said after the attacks.": only where or when follows the cue
        circumstance = _CIRCUMSTANCE_TAIL_ONLY.fullmatch(text, cue_match.end())
        if circumstance and not cue_match.group().rstrip().endswith(" that"):
            recorded = self.content_before(sentence, cue_match)
            if recorded is not None:
                return recorded
        # "The job, she said in a speech, was …": a mid-sentence attribution
        if _CIRCUMSTANCE_THEN_COMMA.match(text, cue_match.end()):
            mid = _MID_ATTRIBUTION.search(text, max(0, cue_match.start() - MAX_SPEAKER_CHARS))
            if mid and mid.start("cue") == cue_match.start("cue"):
                return None
        # "…, he told the court in his filing.": a hearer read too far leaves a scrap of "content"
        if len(text) - cue_match.end() <= SCRAP_CHARS and "," not in text[cue_match.end() :]:
            trail = _REPORTED_TRAIL.match(text)
            if trail and trail.start("cue") == cue_match.start("cue"):
                return None
        speaker_at = 0
        person = self._subject_in(subject) if _ENDS_IN_AND.search(subject) else None
        coordinated = _COORDINATED_CLAUSE.search(subject)
        if person is not None:  # "Mr Jenkins defended the route and said …"
            # "They called him an opportunist, and urged him to resign": the first verb's report too
            self.speech_act_before(sentence, _ENDS_IN_AND.sub("", subject), person)
            subject, speaker_at = person
        elif coordinated and self._plausible_subject(subject[coordinated.end() :]):
            # "His profile will rise, and aides say …": the last of two coordinated clauses
            subject, speaker_at = subject[coordinated.end() :], coordinated.end()
        elif not (self._plausible_subject(subject) or self._names_someone(subject)):
            # "Asked if she would run, Clinton said …": the subject is the last clause before the cue;
            # a final appositive is looked past ("By contrast, Daniel Hamermesh, a labor economist, …")
            appositive = _FINAL_APPOSITIVE.search(subject)
            before = subject[: appositive.start()] if appositive else subject
            clause = _CLAUSE_START.search(before)
            last = before[clause.end() :] if clause else ""
            antecedent = _antecedent_of_who(subject)
            if antecedent is not None:  # "… a lecture from the Mexican president, who said …"
                subject, speaker_at = antecedent
            elif clause and (self._plausible_subject(last) or _SUBJECT_PRONOUN.fullmatch(last.strip())):
                subject, speaker_at = last, clause.end()  # "Using a crude expression …, he said …"
            elif (inner := _INNER_CLAUSE.search(subject)) and self._names_someone(inner.group("subject")):
                subject, speaker_at = (
                    inner.group("subject"),
                    inner.start("subject"),
                )  # "so many that officials say"
            else:
                return None
        content_start = s0 + cue_match.end()
        content_end = s0 + _trimmed_end(text, cue_match.end(), len(text), keep=1)
        attribution = subject + " " + cue_match.group("cue")
        channel_phrase = _CHANNEL_PHRASE.match(self.masked[content_start:content_end])
        if channel_phrase:  # "said in a statement that …": the phrase is attribution
            attribution += " " + channel_phrase.group("phrase")
            content_start += channel_phrase.end()
        inner = _REPORTED_TRAIL.match(self.masked[content_start:content_end]) or _ACCORDING_TRAIL.match(
            self.masked[content_start:content_end]
        )
        tail = self.text[content_start + inner.start("source") : content_end] if inner else ""
        if inner and self.via_in(tail + " reported"):
            attribution += " " + self.text[content_start + inner.end("content") : content_end] + " reported"
            content_end = content_start + inner.end("content")
        subordinate = _SUBORDINATOR.match(subject.strip())
        main = None
        if subordinate and "," not in subject:  # "While Ramos said that X, he …": the main clause is not X
            main = re.search(
                r",\s+(?=(?:he|she|they|it|we|I)\b|[A-Z])", self.masked[content_start:content_end]
            )
            if main:
                content_end = content_start + main.start()
        resolution = self.resolve(subject, s0 + speaker_at)
        start, end = self.content_span(content_start, content_end)
        consumed = sentence.end
        # "… argues that “only Cruz can win. Kasich can't.”": a quote opened in the content and
        # closed in a later sentence of the paragraph is part of it
        running_on = [q for q in self.spans_opening_in(start, end) if q.closed and q.close_at >= sentence.end]
        if running_on and not main and self.paragraph_at(running_on[-1].close_at) == self.paragraph_at(start):
            end = running_on[-1].end
            consumed = self.sentence_at(running_on[-1].close_at).end
        cue = re.sub(r"\s+", " ", cue_match.group("cue"))
        self.add(self.kind_of(start, end), start, end, cue, resolution, attribution, rule)
        if main:  # the main clause may report speech of its own: "…, Jamieson said Trump is …"
            self.reported(replace(sentence, start=content_start + main.end()))
        return consumed

    def content_before(self, sentence: Sentence, cue_match: re.Match[str]) -> int | None:
        """A sentence "CONTENT, SUBJECT said Thursday.": nothing but when it was said follows the cue, so
        the content is the text before the subject's comma (rule speaker_after, for a subject
        `_REPORTED_TRAIL` does not take: "…, Algerian foreign ministry spokesman Benali Cherif
        said Thursday."). Declines when no plausible subject follows a comma ("The ministry said
        Thursday.")."""
        s0 = sentence.start
        raw_subject = self.text[s0 : s0 + cue_match.start()]
        comma = _LAST_COMMA.search(raw_subject)
        if comma is None or len(raw_subject[: comma.start()].split()) < MIN_LEAD_REPORT_WORDS:
            return None
        if _SUBORDINATOR.match(raw_subject.lstrip()):  # "As has been the case, the union agreed in 2011 …"
            return None
        phrase = cue_match.string[comma.end() : cue_match.start()]
        if not (self._plausible_subject(phrase) or self._names_someone(phrase)):
            return None
        cue = re.sub(r"\s+", " ", cue_match.group("cue"))
        return self.report_before(sentence, 0, comma.start(), phrase, comma.end(), cue, "speaker_after")

    def according_mid(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """CONTENT, according to SOURCE, MORE: the content is what precedes, or the whole
        sentence when the sentence goes on after the source's comma."""
        s0 = sentence.start
        source_words, dash, after_dash = match.group("source").partition(" - ")  # "SOURCE - the worst …"
        source = self.resolve(source_words.rstrip(), s0 + match.start("source"))
        rest = dash + after_dash + match.group("rest")
        start, end = s0 + match.start("content"), s0 + match.end("content")
        if rest.startswith(",") and rest.strip(" .,") and not _APPOSITIVE_REST.fullmatch(rest):
            end = sentence.end  # "Fundraising, according to the campaign, has surged."
        start, end = self.content_span(start, end)
        if end <= start:
            return None
        attribution = "according to " + source.mention
        if source.actor is not None and source.actor.kind == "news outlet":
            attribution += " reported"
        self.add(self.kind_of(start, end), start, end, "according to", source, attribution, rule)
        return sentence.end

    def source_after(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """Source after: CONTENT, according to SOURCE. / CONTENT, SOURCE said. / CONTENT, said SOURCE.
        / CONTENT was reported by SOURCE."""
        # a pattern with no content group is searched: its content is the text before it (passive)
        content_at, content_end = (
            match.span("content") if "content" in match.re.groupindex else (0, match.start())
        )
        cue = match.groupdict().get("cue") or "according to"
        return self.report_before(
            sentence, content_at, content_end, match.group("source"), match.start("source"), cue, rule
        )

    def report_before(
        self,
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
        if not self.has_content(s0 + content_at, s0 + content_end):
            return None
        # "Minister Aburizal Bakrie has reportedly (said)": the words before the cue, not the speaker
        source = self.resolve(_AUXILIARY_END.sub("", source_words), s0 + source_at)
        start, end = self.content_span(s0 + content_at, s0 + content_end)
        attribution = self.text[s0 + content_end : sentence.end]
        if cue == "according to" and source.actor is not None and source.actor.kind == "news outlet":
            attribution += " reported"
        self.add(self.kind_of(start, end), start, end, cue, source, attribution, rule)
        return sentence.end

    def trailing_subject(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """CONTENT, SUBJECT said.: a trailing subject longer than `_REPORTED_TRAIL` takes, when it
        is a plausible speaker phrase."""
        source = match.group("source")
        if _RELATIVE_START.match(source) or _NOT_A_SPEAKER_BEFORE_CUE.search(source):
            return None  # "…, who is chairman of X said", "…, as the man said", "… is said to"
        parts = [part for part in source.split(",") if part.strip()]  # "a spokeswoman, Anna White,"
        if not any(self._plausible_subject(part) or self._names_someone(part) for part in parts):
            return None
        return self.source_after(sentence, match, rule)

    def participle(self, sentence: Sentence, saying: re.Match[str], rule: str) -> int | None:
        """Participle: "Bradley apologized, saying they were old": the sentence's subject said it."""
        s0, text = sentence.start, saying.string
        person = self._subject_in(text[: saying.start()])
        content_end = _trimmed_end(text, saying.end(), len(text), keep=1)
        if person is None or content_end <= saying.end():
            return None
        # "Palmieri called the idea a “ridiculous proposition,” adding that …": the first verb's report
        self.speech_act_before(sentence, text[: saying.start()], person)
        source = self.resolve(person[0], s0 + person[1])
        start, end = self.content_span(s0 + saying.end(), s0 + content_end)
        cue = re.sub(r"\s+", " ", saying.group("cue"))
        self.add(self.kind_of(start, end), start, end, cue, source, text[: saying.end()], rule)
        return sentence.end

    def speech_act_before(self, sentence: Sentence, prefix: str, person: tuple[str, int]) -> None:
        """Record the speech act a sentence's subject `person` (words, offset) makes in `prefix`,
        the sentence's text before a later report of theirs."""
        first_act = _SPEECH_ACT.search(prefix, person[1] + len(person[0]))
        if first_act:
            self.speech_act(sentence, first_act, "speech_act")

    def speech_act(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """Speech act: "Trump accused Cruz of lying", a speech act whose object is the content; the subject
        must name someone (not "A group called …")."""
        s0, text = sentence.start, match.string
        subject = text[: match.start()]
        # "O'Malley spoke on Sunday, and criticized …", "Carson took the stage and called …"
        person = self._subject_in(subject) if _ENDS_IN_AND.search(subject) else None
        antecedent = _antecedent_of_who(subject)
        clause = _CLAUSE_START.search(subject)
        inner = _INNER_THAT_CLAUSE.search(subject)
        if antecedent is not None and self._names_someone(antecedent[0]):  # "by Shepherd, who accused"
            subject = antecedent[0]
        elif person is not None and not self._names_someone(subject):
            subject = person[0]
        elif inner and not self._names_someone(subject) and self._names_someone(inner.group("subject")):
            subject = inner.group("subject")  # "so many there that Border Patrol agents described …"
        elif clause and not self._names_someone(subject):
            subject = subject[clause.end() :]
        if not self._names_someone(subject):
            return None
        content_end = _trimmed_end(text, match.end(), len(text), keep=1)
        start, end = self.content_span(s0 + match.end(), s0 + content_end)
        if end <= start:
            return None
        source = self.resolve(subject, s0 + match.start() - len(subject))
        cue = re.sub(r"\s+", " ", match.group("cue"))
        self.add(self.kind_of(start, end), start, end, cue, source, subject + " " + cue, rule)
        return sentence.end

    def colon(self, sentence: Sentence, colon: re.Match[str], rule: str) -> int | None:
        """Colon: "Trump: I will win" (headlines, transcripts), when the name is a speaker (not a
        label such as "Subs Not Used: …", whose later words are stopwords)."""
        label = colon.group("source")
        named = self._names_a_speaker(label) or self._surname_named_in_full(label)
        if not named or any(w in stopwords() for w in label.casefold().split()[1:]):
            return None
        if len(words(colon.group("content"))) < MIN_LABEL_CONTENT_WORDS:
            return None  # a heading or a tally: "Cruz: Just hang on.", "Hillary Clinton: 1,769."
        source = self.resolve(_as_name(label), sentence.start)
        start, end = self.content_span(sentence.start + colon.start("content"), sentence.end)
        self.add(self.kind_of(start, end), start, end, ":", source, label + ":", rule)
        return sentence.end

    def mid_sentence(self, sentence: Sentence, match: re.Match[str], rule: str) -> int | None:
        """Mid-sentence: "The plan, a source said, is to …": the whole sentence is the content."""
        if match.start() == 0:
            return None
        mention = match.group("mention")
        if self._plausible_subject(mention) or self._names_someone(mention):
            source = self.resolve(mention, sentence.start + match.start("mention"))
        else:  # "His assumption, confidently stated on TV, was …": the words name no one
            source = Resolution("", mention.strip(), "unresolved", None)
        start, end = self.content_span(sentence.start, sentence.end)
        self.add(self.kind_of(start, end), start, end, match.group("cue"), source, match.group(0), rule)
        return sentence.end

    def _subject_in(self, prefix: str) -> tuple[str, int] | None:
        """(words, offset) of the first person named in `prefix` (an actor, a titled or a full
        name), or of a leading pronoun."""
        matches = (_SENTENCE_PRONOUN.match(prefix), _TITLED_PERSON.search(prefix), _FULL_NAME.search(prefix))
        found = [(m.group(), m.start()) for m in matches if m]
        after_clause = _PRONOUN_AFTER_CLAUSE.search(prefix)  # "When she appeared on Monday, she declined …"
        if after_clause:
            found.append((after_clause.group("pronoun"), after_clause.start("pronoun")))
        found += [(m.text, m.start) for m in self.actors.mentions(prefix)[:1]]
        group = _OPENING_GROUP.match(prefix)  # "His chief aide doubled down …, saying"
        if group:
            found.append((group.group("group"), group.start("group")))
        # "Podesta reiterated …", "Graham called both Trump and …": the capitalised sentence subject
        opening = _OPENING_NAME.match(prefix)
        first = opening.group(1).lower() if opening else ""
        if opening and not _not_a_subject_word(first):
            found.append((opening.group(0), 0))
        return min(found, key=lambda f: f[1], default=None)

    def _surname_named_in_full(self, label: str) -> bool:
        """A transcript or headline label that names a person the article names in full: a lone
        surname ("Kasich: …" beside "John Kasich") or a name in capitals ("CLINTON:", "JAKE
        TAPPER:")."""
        words = _as_name(label).split()
        if len(words) > 1 and label.isupper() and words[0] in first_name_genders():
            return True  # "JAKE TAPPER:", not "METAL GEAR SOLID:"
        if label.isupper():
            words = words[-1:]
        return len(words) == 1 and any(
            m.actor.kind == "person"
            and len(m.actor.canonical.split()) > 1
            and m.actor.canonical.split()[-1] == words[0]
            for m in self.mentions
        )

    def _names_a_speaker(self, phrase: str) -> bool:
        """An actor, a titled person or a full name, and nothing else."""
        return bool(
            any(m.start == 0 and m.end == len(phrase) for m in self.actors.mentions(phrase))
            or _TITLED_PERSON.fullmatch(phrase)
            or _FULL_NAME.fullmatch(phrase)
        )

    def _names_someone(self, subject: str) -> bool:
        """A subject that names a speaker: a pronoun, an actor, titled or full name, capitalised
        words ending in a name ("Soviet dissident Milovan Djilas"), a short "the …" phrase or a
        plural ("Several Cruz associates"); adverbs, auxiliaries, an appositive and a relative
        clause's opening are looked past ("Mr Scott, who has", "She recently"). Not a passive
        ("has been called") nor a noun after a determiner ("his attacks")."""
        stripped = _bare_phrase(subject)
        stripped = re.sub(r"\s*\([^()]{0,40}\)", "", stripped)
        if stripped.endswith(",") and "," in stripped[:-1]:  # "America Rising, a political group,"
            stripped = stripped[: stripped.index(",")]
        stripped = _RELATIVE_OPENING.sub("", stripped)
        stripped = _TRAILING_ADVERBS.sub("", stripped).strip(" ,")
        words = stripped.split()
        if not words or len(words) > 8 or _NOT_A_SUBJECT_END.search(stripped):
            return False
        if _SUBJECT_PRONOUN.fullmatch(stripped) or self._names_a_speaker(stripped):
            return True
        if any(m.end == len(stripped) for m in self.actors.mentions(stripped)):
            return True
        if words[-1][0].isupper() and not _SUBORDINATOR.match(stripped):
            return True
        if (
            len(words) <= 4
            and words[0][0].isupper()
            and words[-1].endswith("s")
            and words[0] not in _DETERMINERS
        ):
            return True  # "Rival Republican candidates", "Several Cruz associates"
        if len(words) <= 4 and words[0].lower() in _QUANTIFIERS and words[-1].endswith("s"):
            return True  # "both newspapers", "many economists"
        if _GROUP_OF.match(stripped):
            return True  # "Members of the conservative press", "Leaders of both parties"
        return bool(re.fullmatch(r"[Tt]he\s+(?:[\w’'-]+\s+){0,3}[a-z][\w’'-]*", stripped))

    def _plausible_subject(self, subject: str) -> bool:
        stripped = _PARENTHETICAL.sub("", _APPOSITIVE_RELATIVE.sub(r"\1", subject)).strip()
        if not stripped or len(stripped.split()) > 12 or stripped in _DETERMINERS:
            return False  # too long, or a bare "The" before a noun that looks like a cue ("The claim")
        first, *rest = stripped.split()
        participle = first.endswith("ing") and rest and rest[0].islower()  # "Rattling off …", not "King"
        if (participle or first.lower() in _NOT_SUBJECT_OPENERS) and not self.actors.mentions(stripped):
            return False  # "Rattling off …", "Early …", "Just …"
        if _SUBORDINATOR_END.search(stripped):  # "When asked …", "the final say"
            return False
        if _SHARE_OF_PEOPLE.match(stripped):  # "About four in 10", "Nearly half of voters"
            return True
        if "," not in stripped and _PREPOSITION_START.match(stripped):  # "In an article posted on …"
            return False
        if self.actors.mentions(stripped):
            return True
        # a capitalised or numbered subject ("78 percent of voters"), or a group ("aides", "the company")
        return bool(re.match(r"^(?:[A-Z]|[0-9]|the\s)", stripped) or _GROUP_SUBJECT.fullmatch(stripped))

    def run(self) -> list[_Record]:
        consumed = -1
        for sentence in self.sentences:
            if sentence.start < consumed:
                continue
            for span in self.spans_opening_in(max(sentence.start, consumed), sentence.end):
                if span.open_at >= consumed:
                    end = self.direct(span)
                    if end is not None:
                        consumed = max(consumed, end)
            if sentence.start < consumed:
                continue
            end = self.reported(sentence)
            if end is not None:
                consumed = end
        return self.records


class Rule(NamedTuple):
    """One row of `REPORTED_RULES`."""

    name: str  # the `rule` column of `quote_table`
    pattern: re.Pattern[str]  # matched in the sentence with its quoted words masked
    anchored: bool  # match at the sentence start (else search anywhere)
    handler: Callable[[_Extractor, Sentence, re.Match[str], str], int | None]  # records or declines
    key_words: frozenset[str] = frozenset()  # tried only in a sentence with one of these words (if any)


#: The names `direct` gives a direct quotation (see the module docstring).
DIRECT_RULES = frozenset(
    {
        "direct_speaker_after",
        "direct_speaker_before",
        "direct_dash",
        "direct_quoted_as_saying",
        "direct_continuation",
        "direct_unattributed",
    }
)

_ACCORDING = frozenset({"according"})
_FINITE_CUE_WORDS = cue_key_words("clause", participles=False)  # the words `_CUE` needs
_PARTICIPLE_WORDS = cue_key_words("clause", participles=True) | cue_key_words("object", participles=True)

REPORTED_RULES: tuple[Rule, ...] = (
    Rule("according_to_lead", _ACCORDING_LEAD, True, _Extractor.according_lead, _ACCORDING),
    Rule("as_lead", _AS_LEAD, True, _Extractor.according_lead),
    Rule("quoted_as_saying", _QUOTED_AS_SAYING, False, _Extractor.quoted_as_saying, frozenset({"quoted"})),
    Rule(
        "passive",
        _PASSIVE_REPORT,
        False,
        _Extractor.source_after,
        frozenset({"reported", "disclosed", "revealed"}),
    ),
    Rule("speaker_first", _SPEAKER_CUE, False, _Extractor.speaker_first),
    Rule("according_to_trail", _ACCORDING_TRAIL, True, _Extractor.source_after, _ACCORDING),
    Rule("according_to_mid", _ACCORDING_MID, True, _Extractor.according_mid, _ACCORDING),
    Rule("speaker_after", _REPORTED_TRAIL, True, _Extractor.source_after, _FINITE_CUE_WORDS),
    Rule("speaker_after", _TRAILING_SUBJECT, True, _Extractor.trailing_subject, _FINITE_CUE_WORDS),
    Rule("verb_first", _INVERTED_TRAIL, True, _Extractor.source_after, _FINITE_CUE_WORDS),
    Rule("participle", _SAYING, False, _Extractor.participle, _PARTICIPLE_WORDS),
    Rule("colon", _COLON_ATTRIBUTION, True, _Extractor.colon),
    Rule("mid_sentence", _MID_ATTRIBUTION, False, _Extractor.mid_sentence, _FINITE_CUE_WORDS),
    Rule("speech_act", _SPEECH_ACT, False, _Extractor.speech_act, cue_key_words("object", participles=False)),
)


def _quote_rows(article: Article, actors: ActorIndex) -> Iterable[tuple]:
    extractor = _Extractor(article, actors)
    for record in extractor.run():
        first = extractor.sentence_at(record.start)
        actor = record.resolution.actor
        yield (
            article.id, article.year, record.kind, article.text[record.start : record.end],
            record.start, record.end,
            record.cue, record.rule,
            record.resolution.speaker, record.resolution.mention, record.channel, record.via,
            first.paragraph, first.sentence, record.resolution.resolved_by,
            actor.kind if actor else "", actor.country if actor else "", actor.role if actor else "",
        )  # fmt: skip


def quote_table(
    corpus: Iterable[Article], actors: ActorIndex | None = None, workers: int | None = None
) -> pd.DataFrame:
    """Every attributed statement of every article, in corpus and text order (columns: `QuoteRow`).

    `workers` processes read the articles (`_workers.worker_count`: by default, on Linux, every
    core for a corpus of 400 articles or more, else this process alone); the table is the same
    either way.
    """
    articles = list(corpus)
    if actors is None:
        load_actors()  # loaded once here: forked workers inherit it (pickling it would cost more)
    chunks = map_chunks(partial(_chunk_rows, actors=actors), articles, workers)
    return table((row for rows in chunks for row in rows), QuoteRow)


def _chunk_rows(articles: list[Article], actors: ActorIndex | None) -> list[tuple]:
    index = actors or load_actors()
    return [row for article in articles for row in _quote_rows(article, index)]


class PassageRow(NamedTuple):
    """A row of `passage_table`: a speaker's consecutive statements in one paragraph."""

    article_id: str
    year: int
    passage: int  # 0, 1, … within the article
    paragraph: int
    start: int  # from the first statement's start to the last one's end (cues in between included)
    end: int
    n_statements: int
    kinds: str  # the statements' kinds, sorted, comma-separated
    text: str  # the statements' words joined by " … "
    speaker: str
    speaker_mention: str  # the words naming the speaker in its statements, distinct, joined by " / "
    resolved_by: str  # the first statement's
    channel: str  # the first statement's
    via: str
    rules: str  # the rules that found the statements, in order of first use, comma-separated


def _speaker_key(speaker: str, mention: str, resolved_by: str) -> str:
    return speaker or (mention if resolved_by != "unattributed" else "")


def passage_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Statements joined into passages (columns: `PassageRow`).

    A statement continues the passage before it when it is in the same paragraph, has the same
    speaker (or the same unresolved mention) and no other statement stands between them: “A,” she
    said. “B.” is one passage of two statements. This is the unit annotation schemes such as
    PolNeAR code as one *content*; `quote_table` keeps each statement. An unattributed quotation
    is a passage of its own.
    """
    rows: list[tuple] = []
    passage: dict | None = None
    number = 0

    def close() -> None:
        if passage is not None:
            kinds = ", ".join(sorted(set(passage["kinds"])))
            rules = ", ".join(dict.fromkeys(passage["rules"]))
            rows.append((passage["article_id"], passage["year"], passage["passage"], passage["paragraph"],
                         passage["start"], passage["end"], len(passage["texts"]), kinds,
                         " … ".join(passage["texts"]), passage["speaker"], " / ".join(passage["mentions"]),
                         passage["resolved_by"], passage["channel"], passage["via"], rules))  # fmt: skip

    for row in quotes.itertuples(index=False):
        key = _speaker_key(row.speaker, row.speaker_mention, row.resolved_by)
        if (
            passage is not None
            and passage["article_id"] == row.article_id
            and passage["paragraph"] == row.paragraph
            and key
            and key == passage["key"]
        ):
            passage["end"] = max(passage["end"], row.end)
            passage["texts"].append(row.text)
            passage["kinds"].append(row.kind)
            passage["rules"].append(row.rule)
            if row.speaker_mention and row.speaker_mention not in passage["mentions"]:
                passage["mentions"].append(row.speaker_mention)
            continue
        close()
        number = number + 1 if passage is not None and passage["article_id"] == row.article_id else 0
        passage = dict(
            row._asdict(),
            passage=number,
            key=key,
            texts=[row.text],
            kinds=[row.kind],
            rules=[row.rule],
            mentions=[row.speaker_mention] if row.speaker_mention else [],
        )
    close()
    return table(rows, PassageRow)
