"""Phrase patterns that several quote modules share: cues, speaker phrases, trailing attributions."""

from __future__ import annotations

import re

from nzus_analysis.text.cues import cue_pattern, speech_cues

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


CUE = rf"(?:{cue_pattern(_HEARER)})"


# Participles after a main clause ("…, saying …", "…, calling him a liar") and speech acts whose
# content is their object ("Trump accused Cruz of lying").
PARTICIPLE = "|".join(cue_pattern(_HEARER, takes, participles=True) for takes in ("clause", "object"))


_OBJECT_CUE = rf"(?:{cue_pattern(_HEARER, 'object')})"


# A speaker phrase: no clause punctuation, but a title's or an initial's period before a name
# ("Mrs. Clinton", "George W. Bush") is allowed.
MENTION = r"(?:[^,;:.“”\"]|\.(?=\s*[A-Z])){1,80}?"


# After an inverted cue ("said Mr Blair"): a name, "the …" phrase or pronoun, taken whole.
#: Auxiliary and copular verbs: a word group holding one is a clause, not a name or a noun phrase
AUXILIARIES = r"(?:was|is|were|are|would|will|could|should|had|has|have|did|does|do|can|may|might|must)"

NAME_AFTER_CUE = (
    r"(?:[Tt]he\s+)?(?:(?:former|retired|then|acting|late|veteran|longtime|senior)[\w-]*\s+){0,2}"
    r"(?:[\w.-]+\s+){0,3}?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|de|van|von|bin))*|he|she|they"
    r"|(?:an?|one|two|three|several|some|another|many)\s+"  # "one former aide"; not "said a deal was close"
    rf"(?!(?:[\w’'-]+\s+){{0,3}}?{AUXILIARIES}\b)(?:[\w’'-]+\s+){{0,3}}[\w’'-]+"
    r"|(?:another|others|one)(?=[\s.,]*$)"  # "…,” tweeted another.
    # "asked the boy", "says the ad's narrator"; not a clause ("said the ruling was wrong")
    rf"|[Tt]he\s+(?!(?:[a-z][\w’'-]*\s+){{0,2}}?{AUXILIARIES}\b)(?:[a-z][\w’'-]*\s+){{0,2}}[a-z][\w’'-]*"
)


# Prepositions whose object is no speaker ("in the house", "to the stock exchange")
PREPOSITIONS = "in|to|from|at|of|on|with|by|for|into|about"


MIN_LEAD_REPORT_WORDS = 3


WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

# What a speaker sends rather than says: "a response saying …", "a statement from his office said"
MESSAGE_NOUNS = "statement|response|letter|tweet|post|message|memo|email|e-mail|release|video|ad|note"


# "SUBJECT said (that) CONTENT": the first cue after a word; the subject is what precedes it and
# the content what follows, less trailing spaces and periods (`trimmed_end`). Found by search
# from a word's end, not by a lazy ^(.+?) scan, so a long run of spaces costs linear time.
# "Clinton is declaring that …", "Kasich's campaign is already claiming victory": a progressive cue
_CLAUSE_PARTICIPLE = cue_pattern(_HEARER, "clause", participles=True)


_PROGRESSIVE_CUE = (  # not "is writing two new songs", "are writing their third album"
    rf"(?:is|are|was|were)\s+(?:(?:already|now|also|still)\s+)?(?!writing\b)(?:{_CLAUSE_PARTICIPLE})"
)


SPEAKER_CUE = re.compile(rf"(?<=\S)\s+(?P<cue>{CUE}|{_PROGRESSIVE_CUE})\s+(?:that\s+)?(?=\S)", re.S)


# An attribution set off by commas inside the reported words: "The plan, an inside source said, is …".
MID_ATTRIBUTION = re.compile(
    rf",\s+(?P<mention>{MENTION})\s+(?P<cue>{CUE})(?:\s+(?:in|on|at|during|via|through)\s[^,“”\"]{{1,80}})?,\s+(?=\S)",
    re.S,
)  # "If she wins, Clinton suggested in a tweet, women …"


# "SUBJECT accused/called/praised OBJECT …": the rest of the clause is the content.
SPEECH_ACT = re.compile(rf"(?<=\S)\s+(?P<cue>{_OBJECT_CUE})\s+(?=\S)")


ENDS_IN_AND = re.compile(r",?\s+(?:and|but|yet)\s*\Z")  # a coordinated verb follows: "… and said"


# Before a cue, words that make it no report: a passive ("is asked", "was widely reported"), a
# possessive ("Her vow", "Santilli's continued"): the cue is a participle or a noun there.
NOT_A_SPEAKER_BEFORE_CUE = re.compile(
    r"(?:\b(?i:is|are|was|were|been|being|be|get|gets|got|getting)"
    r"(?:\s+(?:\w+ly|once|also|not|often|never|even|still|already|first|then|now|later))?"
    r"|(?<!\b[Hh]e)(?<!\b[Ss]he)(?<!\b[Ii]t)(?<!\b[Ww]ho)[’']s"  # "he's said" has said; "Her vow", "Trump's"
    r"|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Aa]n?))\Z"  # "placed a note card"
)


SUBJECT_PRONOUN = re.compile(r"(?i:he|she|they|we|i|who|some|others|many|critics)")


PREPOSITION_START = re.compile(
    r"(?:In|On|At|For|From|With|By|Into|Over|Under|Of|About|To|Through|Among|Amid|Against|Despite|During"
    r"|Without|Within|Like|Unlike|Along)\s"
)


SUBORDINATORS = "Though|Although|As|When|While|If|Because|Since|After|Before|Until|Once"


SUBORDINATOR = re.compile(rf"(?:{SUBORDINATORS})\b")


# a label's words on one line: "Jo Moir\n\nAnalysis: …" is a byline, then a heading
COLON_ATTRIBUTION = re.compile(
    r"(?P<source>[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,3}):\s+(?P<content>\S.*)", re.S
)


# Where the last clause of a long subject starts: after its last ", and", ", but", ";" or comma.
# (in the masked text a comma inside a closing quote is an x: 'on "Morning Joe," co-host X asked')
CLAUSE_START = re.compile(r"(?:,\s+(?:and|but)\s+|;\s+|,\s+|[”\"]\s+)(?=[^,;”\"]*$)")


ACCORDING_TRAIL = re.compile(r"^(?P<content>.+?),\s*according to\s+(?P<source>[^,.;:]++)[\s.]*$", re.S)


# Who may stand after reported words without a capital: groups and roles ("officials said").
GROUP_NOUNS = (
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


# "Israeli officials", "a source close to him", "people familiar with the talks"
_GROUP_SOURCE = (
    rf"(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?(?!(?:as|than|like|so)\s)(?:(?:[a-z][\w’'-]*|[A-Z][a-z]+)\s+){{0,2}}"
    rf"{GROUP_NOUNS}"
    r"(?:\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|briefed\s+on|involved\s+in|inside|in|at"
    r"|for|from)\s+(?:the\s+|his\s+|her\s+|their\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
)


# After the cue, a time and a circumstance may follow: "…, officials said Wednesday.", "…, she said
# in a video message to the convention."
CUE_TAIL = (
    rf"(?:\s+(?:on\s+)?(?:{WEEKDAYS}|today|yesterday|tonight"
    r"|earlier|later|recently|last\s+\w+|this\s+\w+)\b)?"
    r"(?:,?\s+(?:in|during|at|on|to|after|before|ahead\s+of|as|while|when|from|via|through|with)\b(?:(?!\sthat\s)[^“”\",]){0,160}?"
    r"(?:,\s+(?:which|who)\b[^“”\",]{0,120})?)?"  # "…, she said in an interview, which aired on Monday."
)


# "CONTENT, SOURCE (also) said." (the comma may stand inside a closing quote mark: "“…,” the White
# House said.")
REPORTED_TRAIL = re.compile(
    r"^(?P<content>.+)(?:,|(?<=[\"”’'])(?=\s))\s*(?:as\s+(?=(?:the\s+)?[A-Z]))?(?P<source>(?:the\s+)?[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,6}"
    rf"|he|she|they|{_GROUP_SOURCE})(?:\s+(?:\w+ly|also|first|later|previously))?\s+(?P<cue>{CUE}){CUE_TAIL}[\s.]*$",
    re.S,
)


# "CONTENT, said SOURCE(, an appositive)." (verb first)
# Base forms ("say", "argue") report only after a subject: "Others, however, say …" is no "said X".
_BASE_FORMS = "|".join(sorted({cue.cue for cue in speech_cues() if cue.cue.isalpha()}, key=len, reverse=True))


_TIME_OR_PLACE_OPENER = (
    rf"(?:{PREPOSITIONS}|during|after|before|last|this|earlier|later)\s"  # "said on Saturday"
)


INVERTED_TRAIL = re.compile(
    rf"^(?P<content>.+)(?:,|(?<=[\"”’']))\s*(?!(?:{_BASE_FORMS})\b)(?P<cue>{CUE})\s+(?!{_TIME_OR_PLACE_OPENER})(?P<source>{NAME_AFTER_CUE}|{_GROUP_SOURCE})"
    r"(?:,[^,]{0,120}){0,3}[\s.]*$",  # up to three appositives: ", director at UC, Davis, a study of Y."
    re.S,
)


CHANNEL_PHRASE = re.compile(r"^(?P<phrase>(?:in|on|at|during|via|through)\b[^,“”\"]{0,80}?)\s+that\s+")


MAX_SPEAKER_CHARS = 200  # a longer speaker phrase is not a name: it stays unresolved, unparsed


_WHO_END = re.compile(r",?\s+who\s*\Z")


# Words that end a relative clause's antecedent when reading back from "who".
_ANTECEDENT_STOP = frozenset({
    "from", "to", "with", "by", "at", "on", "in", "and", "or", "but", "than", "as", "for", "about", "against",
    "over", "under", "after", "before", "like", "including", "among", "between", "while", "when", "because",
    "if", "that", "which", "said", "says", "told",
})  # fmt: skip


def antecedent_of_who(subject: str) -> tuple[str, int] | None:
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


def clause_subject(openers: str) -> re.Pattern[str]:
    """The words after the last of `openers` that end a subject ("… so many that Border Patrol agents")."""
    return re.compile(rf"\b(?:{openers})\s+(?P<subject>[^,;:]{{1,60}})\Z")


INNER_CLAUSE = clause_subject("that|because|since|after|when|while|what|but|although|though")


def as_name(label: str) -> str:
    """A label in capitals as a name is written ("JAKE TAPPER" → "Jake Tapper"); others unchanged."""
    return label.title() if label.isupper() else label


def trimmed_end(text: str, start: int, end: int, keep: int = 0) -> int:
    """`end` moved back over trailing whitespace and periods, keeping `keep` characters after `start`."""
    while end > start + keep and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1
    return end
