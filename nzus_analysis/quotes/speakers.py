"""Who a speaker phrase names: actors, titled people, full names, surnames and pronouns."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter

from nzus_analysis.quotes.organisations import organisation_named
from nzus_analysis.quotes.patterns import (
    GROUP_NOUNS,
    INNER_CLAUSE,
    MAX_SPEAKER_CHARS,
    MESSAGE_NOUNS,
    PREPOSITION_START,
    SUBJECT_PRONOUN,
    SUBORDINATOR,
    SUBORDINATORS,
    antecedent_of_who,
    as_name,
)
from nzus_analysis.text.actors import PRONOUN_GENDER, Actor, ActorIndex, Mention, Resolution
from nzus_analysis.text.people import (
    TITLED_PERSON,
    closing_full_name,
    country_names,
    first_name_genders,
    first_name_of,
    is_surname,
    role_and_surname_pattern,
    role_named_pattern,
    unlisted_person,
)
from nzus_analysis.text.terms import stopwords

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


_PERSONAL_PRONOUN = re.compile(r"(?i:he|she|they|we|i)")
_HE_OR_SHE = re.compile(r"(?i:he|she)")
# a sentence opening with "he" or "she", after a conjunction or adverb at most ("But she", "He also")
_OPENING_PRONOUN = re.compile(r"\s*(?:(?:But|And|So|Yet|However,|Meanwhile,)\s+)?(?P<pronoun>He|She)\b")
# the words before a sentence's subject name: none, or capitalised titles ("Foreign Minister", "The")
_ONLY_TITLE_WORDS = re.compile(r"\s*(?:[A-Z][\w.’'-]*\s+)*")
_SUBJECT_LOOKBACK = 3  # sentences


_QUANTIFIERS = frozenset({"both", "all", "some", "many", "most", "several", "two", "three", "four", "other"})


_SENTENCE_PRONOUN = re.compile(r"(?:He|She|They)\b")


_PRONOUN_AFTER_CLAUSE = re.compile(r",\s+(?P<pronoun>he|she|they)\s+(?!said\b|says\b)[a-z]")


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


_SUBORDINATOR_END = re.compile(r"\b(?:when|if|as|while|before|after|because|but|final|last)$", re.I)


_GROUP_NOUN = re.compile(GROUP_NOUNS)


_GROUP_OF = re.compile(rf"(?i:(?:[a-z’'-]+\s+)?{GROUP_NOUNS})\s+(?:of|from|in|at|for|on)\s+\S")


# As a sentence's subject a group may carry any three words first ("some Republican leaders").
_GROUP_SUBJECT = re.compile(rf"(?:[\w’'-]+\s+){{0,3}}{GROUP_NOUNS}")


# A sentence that opens with a group as its subject, maybe after a time: "His chief aide doubled
# down …", "Last week, the Clinton campaign called …".
_OPENING_GROUP = re.compile(
    rf"(?:(?:But|And|Yet|Still|Meanwhile|However),?\s+)?(?:(?:Last|This|On|In|Earlier|Later)\s[^,]{{1,30}},\s+)?"
    rf"(?P<group>(?:[\w’'-]+\s+){{0,3}}?{GROUP_NOUNS})"
    r"(?=\s+(?:[a-z]+ly\s+|later\s+|also\s+)?[a-z]+(?:ed|s)\b|\s+(?:have|has|had|was|were|is|are|will|would)\b)"
)


_PARENTHETICAL = re.compile(
    r",\s*(?:which|who|in|on|at|speaking|writing|including)\b[^,]*,"
    r"|\s(?:[—–-]|--)\s[^—–]{1,120}?\s(?:[—–-]|--)(?=\s|\Z)"
)


# A relative clause inside an appositive: "Rex Early, a former chairman who just signed on, said".
_APPOSITIVE_RELATIVE = re.compile(r"(,\s+(?:an?|the)\s+[^,]{1,60}?)\s+(?:who|whose)\s[^,—–]{1,100}(?=,)")


_GROUP = re.compile(r"\band\b")


# Words at the edges of a speaker phrase that are not part of the name ("But Mr Howard", "X has").
_EDGE_WORDS = re.compile(
    rf"^\s*(?:But|And|Yet|However|Meanwhile|Instead|Now|Earlier|Later|{SUBORDINATORS})\b,?\s*"
    r"|(?:\s+(?:have|has|had|also|later|then|previously|earlier|again|now|himself|herself|quickly|immediately"
    r"|repeatedly|publicly|privately|recently|initially|reportedly|swiftly|openly|frequently|directly|soon"
    r"|explicitly|angrily|promptly|first|once|even|never|ever|still|already|often|just))+\s*$"  # a run
    r"|,\s*(?:however|though|too|meanwhile|in turn|for (?:his|her|their|its) part),?\s*$"  # "Others, however"
    r"|\s+(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|last\s+(?:week|month|year)"
    r"|this\s+(?:week|month|year))\s*$"  # "Jacinda Ardern on Monday (said)"
)


# A person's full name outside the actor table, as a speaker phrase: "Vince Cable", "Paul E. Ryan".
_FULL_NAME = re.compile(
    r"(?!(?:The|A|An|But|And|In|On|At|As|For|If|When|While)\s)[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2}"
)


# "Trump's longtime confidant Roger Stone": a full name after a possessor and its role words
_POSSESSOR_THEN_NAME = re.compile(
    r"[’']s?\s+(?:(?!(?:in|at|on|from|to|for|with|by)\s)[a-z][\w-]*\s+){1,4}"  # "head of research"
    r"(?P<name>(?!(?:The|A|An)\s)[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})\s*\Z"
)


_BARE_SURNAME = re.compile(r"([A-Z](?:[a-z]|[’'][A-Z])[\w’'-]*)")  # "Key", "O’Connor"
# "Arsenal's Patrick Vieira", "Labour's Mr Livingstone": a person after an organisation's possessive
_POSSESSOR_THEN_PERSON = re.compile(
    rf"^[A-Z][^’']{{0,40}}[’']s\s+(?P<name>{TITLED_PERSON.pattern}|(?P<first>[A-Z][a-z]+)(?:\s+[A-Z][\w’'-]+){{1,2}})\s*\Z"
)


def _possessor_then_person(phrase: str) -> re.Match[str] | None:
    """`_POSSESSOR_THEN_PERSON` when the name is titled or opens with a known given name (not
    "Pearson's Financial Times", "Who's Your Daddy")."""
    owned = _POSSESSOR_THEN_PERSON.match(phrase)
    first = owned.group("first") if owned else None
    return owned if owned and (first is None or first in first_name_genders()) else None


# capitalised words closing a phrase that opens with a preposition: "On the issue Ardern"
_NAME_AFTER_PHRASE = re.compile(r"\s(?P<name>(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\Z")
#: How far after a surname its full name may come and still name it ("Howard backs …" headline, then
#: "Michael Howard has backed …")
_HEADLINE_CHARS = 200
_TITLED_SURNAME = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+([A-Z][\w’'-]+)")


# A scene-setting phrase before the speaker: "In an interview, Ms Jones said …".
_LEADING_PHRASE = re.compile(
    r"^\s*(?:In|On|At|During|After|Before|Later|Earlier|Speaking|Asked|When|While|As|Although|Though"
    r"|If|Despite|With|Since|Because|Last|This)\b[^,]{0,80},\s*(?=\S)"
)


_START = attrgetter("start")


def _bare_phrase(phrase: str) -> str:
    """A speaker phrase without its parentheticals, scene-setting opening and edge words."""
    return _EDGE_WORDS.sub("", _LEADING_PHRASE.sub("", _PARENTHETICAL.sub("", phrase))).strip()


# A speaker phrase that runs on into its clause ends in a function word ("Hillary Clinton took to
# Twitter to", "Ms. Sherry smiled and", "Robert Antonacci of"); its head ends before the first verb.
_DANGLING_END = re.compile(
    r"\s+(?:to|and|or|but|yet|not|n[’']t|that|of|the|a|an|in|with|at|for|by|on|from|first|then|even|also)\s*\Z"
)


_VERB_IN_PHRASE = re.compile(
    r"\s(?=(?:is|are|was|were|has|have|had|did|does|do|would|will|could|can|should|may|might|must"
    r"|took|takes|went|got|gets|came|made|makes|[a-z]+ed)\b)"
)


_AFTER_RELATIVE = re.compile(r"\b(?:which|whom|where)\s+(?P<rest>[^,]{1,40})\Z")


# "a statement from his office", "A press release by the NZDF", "The NZDF press release was …
# and merely (stated)": whoever sent it is the speaker
_MESSAGE_FROM = re.compile(
    rf"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:{MESSAGE_NOUNS})\s+(?:from|by)\s+(?P<sender>[^,;]+)"
    rf"|(?:[Aa]n?|[Tt]he)\s+(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:[’']s)?\s+(?:press\s+)?(?:{MESSAGE_NOUNS})"
    r"(?:\s+(?:was|is|had|has)\b[^,;]*)?"  # "The NZDF press release was rather more vague and merely"
)
_PRONOUN_OFFICE = re.compile(r"(?P<pronoun>his|her|their)\s+(?:office|spokes(?:man|woman|person)|staff)")
_PRONOUN_OF = {"his": "he", "her": "she", "their": "they"}


_CAUSED_TO = re.compile(r"\b(?:led|prompted|forced|pushed|caused|moved|inspired)\s+(?P<object>.+?)\s+to\Z")


# Abbreviated titles that carry no gender ("Sen. Kristen Gillibrand"; "Mr", "Dr" are `TITLED_PERSON`).
_ABBREVIATED_TITLE = re.compile(
    r"(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Pres|Sec|Amb|Atty|Supt|Insp|Det|Cmdr)\.\s+"
)


def _country_speaking(phrase: str) -> Actor | None:
    """A country's name as the speaker ("China", "the US", "New Zealand"): its government speaks,
    an actor of kind "government body" with the country's code, named by the country's first name
    in `data/lexicons/countries.csv` ("United States"); never a person a later "he" could mean."""
    name = re.sub(r"^[Tt]he\s+", "", phrase.strip())
    country = country_names().get(name)
    if country is None:
        return None
    return Actor(first_name_of(country), (name,), (), "government body", country, "government", "")


def _miscased(mention: Mention) -> bool:
    """A person named in full with a letter in the wrong case ("John key" for "John Key")."""
    name = mention.actor.canonical
    return mention.actor.kind == "person" and mention.text != name and mention.text.lower() == name.lower()


def _untitled(phrase: str) -> str:
    """A full name without its abbreviated title ("Sen. Kristen Gillibrand" → "Kristen
    Gillibrand"), so that a person is one speaker with or without it; other phrases unchanged."""
    title = _ABBREVIATED_TITLE.match(phrase)
    return phrase[title.end() :] if title and _FULL_NAME.fullmatch(phrase, title.end()) else phrase


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


# A quotation as the masked text has it (`spans.mask_quotes`): quote marks around x's and spaces.
_MASKED_QUOTATION = re.compile(r"(?:''|[“\"‘'])x[x\s]*(?:''|[”\"’'])")


def after_quotation(phrase: str, phrase_start: int) -> tuple[str, int]:
    """A speaker phrase from the masked text less everything up to its last quotation, with its
    new offset: no one's name holds a quotation, so the words before it are another clause or a
    headline run into the sentence ("US firm 'xxxx xxx xxxxxxx xxxxx' A US firm" → "A US firm");
    other phrases are returned unchanged."""
    quotations = list(_MASKED_QUOTATION.finditer(phrase))
    if not quotations:
        return phrase, phrase_start
    last = quotations[-1]
    rest = phrase[last.end() :]
    stripped = rest.lstrip(" ,;:")
    return stripped.rstrip(), phrase_start + last.end() + len(rest) - len(stripped)


def _sentence_subject_before(speakers: Speakers, offset: int, pronoun: str) -> Actor | None:
    """The person a "he" or "she" opening the sentence at `offset` continues: the named subject
    of the sentences before it ("Peters leaves today for meetings with Secretary of State Mike
    Pompeo. He is also scheduled …" is Peters), looking back past sentences the same pronoun
    opens, up to `_SUBJECT_LOOKBACK` sentences. None when the sentence does not open with the
    pronoun or the earlier subject is no person of that gender (the last person named decides)."""
    text, sentence_starts, mentions = speakers.text, speakers.sentence_starts, speakers.mentions
    gender = PRONOUN_GENDER[pronoun.lower()]
    index = bisect_left(sentence_starts, offset + 1) - 1
    if index < 0:
        return None
    start = sentence_starts[index]
    opening = _OPENING_PRONOUN.match(text, start)
    if opening is None or PRONOUN_GENDER[opening["pronoun"].lower()] != gender:
        return None
    for earlier in range(index - 1, max(index - 1 - _SUBJECT_LOOKBACK, -1), -1):
        begin, end = sentence_starts[earlier], sentence_starts[earlier + 1]
        again = _OPENING_PRONOUN.match(text, begin, end)
        if again is not None and PRONOUN_GENDER[again["pronoun"].lower()] == gender:
            continue  # "He leaves today. He will …": the chain goes on
        lead = _LEADING_PHRASE.match(text[begin:end])  # "On the subject of X, Parry revealed …"
        begin += lead.end() if lead else 0
        first = next((m for m in mentions[bisect_left(mentions, begin, key=_START) :]), None)
        if (
            first is None
            or first.start >= end
            or not _ONLY_TITLE_WORDS.fullmatch(text, begin, first.start)
            or text.startswith(("’s", "'s"), first.end)  # "Trump's attorney, Alan Garten,"
        ):
            return None
        actor = first.actor
        return actor if actor.kind == "person" and actor.gender in (gender, "") else None
    return None


def _named_by_surname(speakers: Speakers, surname: str, phrase_start: int) -> Actor | None:
    """The person a surname alone names ("Mr Cable", "Cable" after "Vince Cable"): the last one
    named in full with it before `phrase_start` outside quotations, else the one named in full
    with it anywhere before, inside a quotation left open too ("… impressed manager Kevin Keegan.
    … Keegan said"), or just after (a headline run into the lede: "Howard backs …", then "Michael
    Howard has backed …"; `_HEADLINE_CHARS`)."""
    mentions = speakers.mentions
    for mention in reversed(mentions[: bisect_left(mentions, phrase_start, key=_START)]):
        words = mention.actor.canonical.split()
        if (
            mention.actor.kind == "person"
            and len(words) > 1
            and is_surname(surname, words)
            and not (len(words) == 2 and TITLED_PERSON.fullmatch(mention.actor.canonical))  # "Ms Fiorina"
        ):
            return mention.actor
    limit = phrase_start + _HEADLINE_CHARS
    owners = [  # the surname last: not "Police" for "Police Officers"
        m for m in speakers.named_in_full if m.start < limit and m.actor.canonical.split()[-1] == surname
    ]
    earlier = [m for m in owners if m.start < phrase_start]
    return (earlier[-1] if earlier else owners[0]).actor if owners else None


# one to three capitalised words, then an appositive opening with an article; not a sentence
# adverb ("Still, the fund", "Separately, the world's largest …")
_NAME_BEFORE_APPOSITIVE = re.compile(
    r"(?!(?:The|A|An|But|And|In|On|At|As|For|If|When|While|Still|Yet|Now|Then|Instead|However|Meanwhile"
    r"|Indeed|Moreover|Overall|Elsewhere|Today|Yesterday|Earlier|Later|Again|Also|Thus|Hence)\W)"
    r"(?![A-Z][a-z]+ly\W)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2},\s+(?:an?|the)\s+[a-z]"
)


def _closes_on_name(part: str) -> bool:
    """Whether one comma-separated part of a speaker phrase closes on a full name after role words
    ("Steel analyst Peter Fish, director of …"), not opening with a preposition ("in a written
    response to Labour MP Gordon Prentice, the government")."""
    opening = part[:1].upper() + part[1:]  # "in a written response …" opens with a preposition too
    return closing_full_name(part) is not None and not PREPOSITION_START.match(opening)


def _comma_part_naming(speakers: Speakers, phrase: str) -> str:
    """The part of a speaker phrase with commas that names the speaker: the part just before the
    cue when it is a capitalised name ("Raleigh, North Carolina, Trump") or a pronoun ("and when
    asked whether …, he"), else the first part that names someone ("Gustav Ando, research
    director"), else a name before its appositive ("Castaignede, a veteran of 43 caps"); else the
    phrase as it is."""
    parts = [part.strip() for part in phrase.split(",")]
    last = parts[-1]
    if (last[:1].isupper() and len(last.split()) <= 4 and not phrase.endswith(",")) or (
        _PERSONAL_PRONOUN.fullmatch(last)
    ):
        return last
    named = next(
        (p for p in parts if p and (speakers.names_a_speaker(_untitled(p)) or _closes_on_name(p))), None
    )
    if named is None and len(parts) > 1 and _NAME_BEFORE_APPOSITIVE.match(phrase):
        named = parts[0]
    return phrase if named is None else named


class Speakers:
    """Who a speaker phrase names, in one article: actors, titled and full names, pronouns.

    `mentions` are the article's person and actor mentions outside quotations, in text order; a
    full name first met as a speaker is added to them, so later pronouns and surnames find it.
    `named_in_full` are the people named in full anywhere in the text (`people.people_named`),
    for a surname no mention outside quotations explains.
    """

    def __init__(
        self,
        actors: ActorIndex,
        mentions: list[Mention],
        text: str = "",
        sentence_starts: Sequence[int] = (),
        named_in_full: Sequence[Mention] = (),
    ) -> None:
        self.actors = actors
        self.mentions = mentions
        self.named_in_full = named_in_full  # people named in full anywhere, quotations too
        self.text = text
        self.sentence_starts = sentence_starts
        # names typed in the wrong case ("John key"), found once: the names added later are as written
        self._miscased = [m for m in mentions if _miscased(m)]

    def resolve(self, phrase: str, phrase_start: int) -> Resolution:
        """Resolve a speaker phrase; a group ("The US and Australia") stays unresolved. A phrase
        read from the masked text that runs over a quotation is read after it (`after_quotation`)."""
        phrase, phrase_start = after_quotation(phrase, phrase_start)
        if not phrase:
            return Resolution("", "", "unresolved", None)  # nothing but a quotation before the cue
        if len(phrase) > MAX_SPEAKER_CHARS:
            phrase = " ".join(phrase.split())
            if len(phrase) > MAX_SPEAKER_CHARS:
                cleaned = phrase[:MAX_SPEAKER_CHARS] + "…"
                return Resolution(cleaned, cleaned, "unresolved", None)
        bare = _bare_phrase(phrase)
        stripped = self._head(bare)
        resolution = self._resolve_bare(stripped, phrase_start)
        antecedent = antecedent_of_who(bare)
        if stripped != bare and antecedent is not None:  # "Barkley, who": the words naming the speaker
            resolution = replace(resolution, mention=bare[antecedent[1] :].strip(" ,"))
        return _group_in_lower_case(_no_one_named(resolution))

    def _head(self, phrase: str) -> str:
        """The person heading a speaker phrase that runs on into its clause, when it names one:
        the sender of a message ("a statement from his office" → "he"), the object of "led X to"
        ("The victory led Reince Priebus to" → "Reince Priebus"), the
        antecedent of a final "who" ("Barkley, who" → "Barkley"), else the words before the first
        verb without dangling function words ("Reid would not" → "Reid", "Robert Antonacci of" →
        "Robert Antonacci"). Other phrases are returned unchanged."""
        message = _MESSAGE_FROM.fullmatch(phrase.strip())
        if message:  # "a statement from his office" → "he"
            sender = message.group("sender") or message.group("owner")
            office = _PRONOUN_OFFICE.fullmatch(sender)
            return _PRONOUN_OF[office.group("pronoun")] if office else sender
        owned = _POSSESSOR_THEN_NAME.search(phrase) or _possessor_then_person(phrase)
        if owned and not self.actors.mentions(owned.group("name")):
            return owned.group("name")  # "Trump's campaign manager Corey Lewandowski": not Trump
        caused = _CAUSED_TO.search(phrase)
        antecedent = antecedent_of_who(phrase)
        relative = _AFTER_RELATIVE.search(phrase)
        inner = INNER_CLAUSE.search(phrase)
        if caused:
            head = caused.group("object")
        elif relative and _GROUP_SUBJECT.fullmatch(relative.group("rest")):
            return relative.group("rest")  # "… a call in which organizers (claimed)": the relative's subject
        elif inner and (
            self.names_someone(inner.group("subject")) or _GROUP_SUBJECT.fullmatch(inner.group("subject"))
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
        named = self.names_a_speaker(first) or SUBJECT_PRONOUN.fullmatch(first)
        return head if named else phrase

    def _resolve_bare(self, stripped: str, phrase_start: int) -> Resolution:
        if "," in stripped:  # "Gustav Ando, research director for IHS," / "Her aide, Jeff Weaver,"
            stripped = _comma_part_naming(self, stripped)
        stripped = _untitled(stripped)
        typed = next((m for m in self._miscased if stripped.endswith(m.text)), None)
        if typed is not None:  # "Prime Minister John key": the name as `people_named` reads it
            stripped = stripped[: -len(typed.text)] + typed.actor.canonical
        after_phrase = _NAME_AFTER_PHRASE.search(stripped)
        if after_phrase and PREPOSITION_START.match(stripped):  # "On the issue Ardern (said)": the name
            stripped = after_phrase.group("name")
        role_named = next(
            (m for m in role_named_pattern().finditer(stripped) if m.end() == len(stripped)), None
        )
        if role_named and not self.actors.mentions(stripped[: role_named.start("name")]):
            # "New Zealand Prime Minister Jacinda Ardern": the speaker is the name; the mention all the words
            resolution = self._resolve_bare(role_named.group("name"), phrase_start)
            return replace(resolution, mention=stripped) if resolution.speaker else resolution
        role_surname = role_and_surname_pattern().fullmatch(stripped)
        if (
            role_surname
            and not self.actors.mentions(stripped)
            and stripped[: role_surname.start("surname")].split()[-1] not in first_name_genders()
        ):  # "Prime Minister Sogavare": the surname; not "A spokesman for Michael Howard"
            resolution = self._resolve_bare(role_surname.group("surname"), phrase_start)
            if resolution.resolved_by == "surname":
                return replace(resolution, mention=stripped)
        country = _country_speaking(stripped)
        if country is not None and not self.actors.mentions(stripped):  # "China said": its government
            return Resolution(country.canonical, stripped.strip(), "as_named", country)
        if _GROUP.search(stripped) and len(self.actors.mentions(stripped)) != 1:
            cleaned = stripped.strip(" ,.;:")
            return Resolution(cleaned, cleaned, "unresolved", None)
        subject = _HE_OR_SHE.fullmatch(stripped) and _sentence_subject_before(self, phrase_start, stripped)
        if subject:
            return Resolution(subject.canonical, stripped, "pronoun", subject)
        resolution = self.actors.resolve(stripped, phrase_start, self.mentions, self.text)
        if resolution.resolved_by != "unresolved" or not resolution.speaker:
            return resolution
        titled = _TITLED_SURNAME.fullmatch(resolution.mention) or _BARE_SURNAME.fullmatch(resolution.mention)
        if titled:  # "Mr Cable" or "Cable" after "Vince Cable": the person named in full before
            person = _named_by_surname(self, titled.group(1), phrase_start)
            if person is not None:
                return Resolution(person.canonical, resolution.mention, "surname", person)
        elif _FULL_NAME.fullmatch(resolution.mention):  # a new person: later pronouns may refer to them
            name = resolution.mention
            known = (m.actor for m in self.mentions if m.actor.kind == "person" and m.actor.canonical == name)
            person = next(known, None) or unlisted_person(name)
            insort(self.mentions, Mention(phrase_start, phrase_start + len(name), name, person), key=_START)
            return Resolution(name, name, "as_named", person)
        elif (closing := closing_full_name(resolution.mention)) is not None:  # "BT chief Ben Verwaayen"
            closed = self._resolve_bare(closing[1], phrase_start + closing[0])
            return replace(closed, mention=resolution.mention) if closed.speaker else resolution
        elif (organisation := organisation_named(resolution.mention, self.text)) is not None:
            return Resolution(organisation.canonical, resolution.mention, "as_named", organisation)
        return resolution

    def subject_in(self, prefix: str) -> tuple[str, int] | None:
        """(words, offset) of the first person named in `prefix` (an actor, a titled or a full
        name, a name after a role noun), or of a leading pronoun."""
        full_name = _FULL_NAME.search(prefix)
        matches = (_SENTENCE_PRONOUN.match(prefix), TITLED_PERSON.search(prefix), full_name)
        found = [(m.group(), m.start()) for m in matches if m]
        role = role_named_pattern().search(prefix)
        if role:  # "New Zealand Prime Minister Chris Hipkins", not the capitals "New Zealand Prime"
            inside = full_name is not None and full_name.start() <= role.start() < full_name.end()
            start = full_name.start() if full_name is not None and inside else role.start()
            found.append((prefix[start : role.end()], start))
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
        return min(found, key=lambda f: (f[1], -len(f[0])), default=None)  # first, then longest

    def surname_named_in_full(self, label: str) -> bool:
        """A transcript or headline label that names a person the article names in full: a lone
        surname ("Kasich: …" beside "John Kasich") or a name in capitals ("CLINTON:", "JAKE
        TAPPER:")."""
        words = as_name(label).split()
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

    def names_a_speaker(self, phrase: str) -> bool:
        """An actor, a titled person or a full name, and nothing else."""
        return bool(
            any(m.start == 0 and m.end == len(phrase) for m in self.actors.mentions(phrase))
            or TITLED_PERSON.fullmatch(phrase)
            or _FULL_NAME.fullmatch(phrase)
        )

    def names_someone(self, subject: str) -> bool:
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
        if SUBJECT_PRONOUN.fullmatch(stripped) or self.names_a_speaker(stripped):
            return True
        if any(m.end == len(stripped) for m in self.actors.mentions(stripped)):
            return True
        if words[-1][0].isupper() and not SUBORDINATOR.match(stripped):
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

    def plausible_subject(self, subject: str) -> bool:
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
        if "," not in stripped and PREPOSITION_START.match(stripped):  # "In an article posted on …"
            return False
        if self.actors.mentions(stripped):
            return True
        # a capitalised or numbered subject ("78 percent of voters"), or a group ("aides", "the company")
        return bool(re.match(r"^(?:[A-Z]|[0-9]|the\s)", stripped) or _GROUP_SUBJECT.fullmatch(stripped))
