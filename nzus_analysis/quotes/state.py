"""One article being read: its text, sentences, quote spans, speakers and the statements found."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from nzus_analysis.quotes.channels import channel_of, names_channel, via_in
from nzus_analysis.quotes.patterns import AUXILIARIES, PREPOSITION_START, WEEKDAYS
from nzus_analysis.quotes.spans import QuoteSpan, find_quote_spans, mask_quotes
from nzus_analysis.quotes.speakers import Speakers
from nzus_analysis.text.actors import ActorIndex, Mention, Resolution
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.cues import cue_key_words, words
from nzus_analysis.text.people import (
    people_named,
    person_mentions,
    titled_mentions,
    titles_to_full_names,
    unlisted,
)
from nzus_analysis.text.tokens import Sentence, sentences

if TYPE_CHECKING:
    from nzus_analysis.quotes.rules import Rule


RULE_TRIGGERS = cue_key_words() | {"according", "quoted"}  # see `ArticleState.reported`


_ONLY_A_PREPOSITION_PHRASE = re.compile(rf"{PREPOSITION_START.pattern}(?:[\w’'-]+\s+){{0,4}}[\w’'-]+")


# "(said) Monday (that) …", "(said) on Tuesday night …": a time before the content, not in it
_LEADING_TIME = re.compile(
    rf"(?:on\s+)?(?:{WEEKDAYS}|today|yesterday|tonight|(?:this|last)\s+week)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"\s+(?:that\s+)?(?!(?:is|was|will|would|has|had|were|are)\b)(?=\S)"
)


_CORE_CUES = frozenset({"said", "says", "told", "tells", "added", "adds"})


class _ContentEnd(NamedTuple):
    """Where a reported clause has ended though its sentence goes on (`ArticleState.content_span`)."""

    pattern: re.Pattern[str]  # its "verb" group is the word that ends the report
    keeps: frozenset[str]  # verbs that go on with the report instead
    after_verbless_report: bool = False  # only where the report so far has no finite verb


_CONTENT_ENDS = (
    # "… not been consulted, and he echoed the vow …": a new clause of the speaker's own
    _ContentEnd(
        re.compile(
            r",\s+(?:and|but)\s+(?:he|she|they)\s+(?:(?:[a-z]+ly|also|sometimes|later|then|still)\s+)?"
            rf"(?!{AUXILIARIES}\b)(?P<verb>[a-z]+)(?![’'\w])"
        ),
        RULE_TRIGGERS,
    ),
    # "… complexities in the relationship, but has dismissed concerns …": the speaker's next act
    # (its tense marked as the report's is); any cue but a plain "said" ends the report
    _ContentEnd(
        re.compile(
            r",\s+(?:and|but)\s+(?:has|had|also|later)\s+(?P<verb>[a-z]+ed|sought|made|took|gave|met|held)\b"
        ),
        _CORE_CUES,
    ),
    # "urged New Zealand to join the scheme, and sought cooperation on …": after a report with no
    # finite verb of its own, a past verb is the speaker's
    _ContentEnd(
        re.compile(r",\s+(?:and|but)\s+(?P<verb>[a-z]+ed|sought|made|took|gave|met|held)\b"),
        RULE_TRIGGERS,
        after_verbless_report=True,
    ),
    # "called for “mutual trust” amid tensions over …": the circumstances, not the words
    _ContentEnd(re.compile(r"\s+(?P<verb>amid)\s"), RULE_TRIGGERS),
)

# A content that is a noun phrase, not a clause: a determiner or possessive, a noun and its
# preposition ("announced the resumption of talks", "called for more cooperation in trade",
# "confirm New Zealand's deployment of trainers"), with no sign of a finite verb after it
# (`ArticleState.noun_phrase_only`)
_NOUN_PHRASE_HEAD = re.compile(
    r"(?:(?:the|a|an|his|her|its|their|our|my|new|little)\s+|(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*[’']s\s+)"
    r"(?:[a-z][\w-]*\s+)?(?:of|in|on|for|with|between|about|after|during)\s"  # not "the truce came on"
    r"|(?:more|further|closer|greater|stronger|deeper)\s+(?:[a-z][\w-]*\s+){0,2}"  # "more bilateral
    r"(?:of|in|on|for|with|between|about|after|during)\s"  # cooperation in …"
    # "announced plans Tuesday to send troops", "his government’s intentions to create"
    r"|(?:(?:the|his|her|its|their)\s+(?:[\w’']+[’']s\s+)?|[\w’']+[’']s\s+)?"
    r"(?:plans|intentions|proposals)\s+(?:[A-Z]\w+\s+)?to\s"  # not "Panetta plans to …"
)
# "accused the director of the film of portraying …", "criticised the body for not releasing …":
# what the object did is a claim
_CLAIM_ABOUT_OBJECT = re.compile(r"\b(?:of|for)\s+(?:not\s+)?[a-z]+ing\b")
_AUTHORS = re.compile(r",|\band\b|&")  # "Jo Moir", "Nick O'Malley and Jane Doe"
# a non-restrictive relative clause, to its closing comma: "Isis (Islamic State) which has taken …",
# not "a lot of firms, which were closed, are re-opening"
_RELATIVE_CLAUSE = re.compile(r"[,)]\s*(?:which|who)\b[^,]*(?:,|$)")
_FINITE_VERB_SIGN = re.compile(
    rf"\b(?:{AUXILIARIES}"
    r"|[a-z]+(?<!e)ed|[a-z]+n[’']t"
    r"|meant|came|went|made|took|found|left|saw|gave|got|kept|held|began|became|won|lost|paid|sent"
    r"|spent|brought|thought|knew|grew|rose|fell|led|met|stood|fought|sold|bought)\b"  # irregular pasts
)

MAX_ATTRIBUTION_CHARS = 300  # of an attribution's words, read for its channel (`ArticleState.add`)


@dataclass(frozen=True, slots=True)
class Record:
    """A statement found: its kind, offsets, cue, speaker, channel and the rule that found it."""

    kind: str
    start: int
    end: int
    cue: str
    resolution: Resolution
    channel: str
    via: str
    rule: str


#: Kinds of actor an "it" (or "they") that speaks right after them refers to (`ArticleState.add`)
_SPEAKING_BODIES = ("organisation", "government body", "news outlet")


def _speaks_for(pronoun: str, previous: Resolution) -> bool:
    """Whether `pronoun` ("it", "they") can stand for the speaker of the statement just before:
    a body, or a phrase kept as written, singular for "it" ("Yukos said … It said") and plural
    for "they" ("Analysts said … They added")."""
    body = previous.actor is not None and previous.actor.kind in _SPEAKING_BODIES
    words = previous.speaker.split()
    as_written = (  # a phrase of up to three words, no clause ("the bill, which ministers")
        previous.actor is None and previous.resolved_by == "unresolved" and 0 < len(words) <= 3
        and "," not in previous.speaker
    )  # fmt: skip
    if pronoun == "it":  # "Yukos said …. It said": no person is "it"
        return body or (as_written and not previous.speaker.endswith("s"))
    return pronoun == "they" and (body or (as_written and previous.speaker.endswith("s")))


class ArticleState:
    """One article being read: its text, sentences, quote spans, speakers and the records found.

    `rules` is the ordered table of reported-speech rules (`nzus_analysis.quotes.rules`) that
    `reported` tries on a sentence; the handlers record statements through `add`. Unless
    `noun_objects`, `add` drops a speech act whose content is a noun phrase only ("announced the
    resumption of talks", "called for more cooperation"), as the study's codebook does.
    """

    def __init__(
        self, article: Article, actors: ActorIndex, rules: Sequence[Rule], noun_objects: bool = False
    ) -> None:
        self.article = article
        self.noun_objects = noun_objects
        self.authors = frozenset(name.strip() for name in _AUTHORS.split(article.author) if name.strip())
        self.actors = actors
        self.rules = rules
        self.text = article.text
        self.paragraph_spans = article.paragraph_spans
        self.sentences = sentences(article)
        self.spans = find_quote_spans(self.text, self.paragraph_spans)
        self.opens = [span.open_at for span in self.spans]  # sorted: spans are in text order
        self.masked = mask_quotes(self.text, self.spans)
        listed = actors.mentions(self.text)
        found = listed + titled_mentions(self.text) + unlisted(self.named_people, listed)
        self.mentions: list[Mention] = titles_to_full_names(
            sorted((m for m in found if not self.inside_quote(m.start)), key=lambda m: m.start)
        )
        self.sentence_starts = [s.start for s in self.sentences]
        self.paragraph_starts = [start for start, _ in self.paragraph_spans]
        self.speakers = Speakers(
            actors, self.mentions, self.text, self.sentence_starts, people_named(self.text)
        )
        self.records: list[Record] = []

    # -- helpers (binary searches: an article may hold thousands of sentences and quotes) --
    @cached_property
    def named_people(self) -> list[Mention]:
        """`people.person_mentions` of the text (full names, then surnames alone), found once."""
        return person_mentions(self.text)

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

    def previous_record(self, paragraph: int) -> Record | None:
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
        if not self.noun_objects and kind == "indirect" and self.noun_phrase_only(start, end):
            return  # "announced the resumption of talks": the study's codebook codes no such act
        if any(resolution.speaker.endswith(author) for author in self.authors):
            return  # "…, writes political editor Jo Moir": the article's own words, no source's
        attribution = attribution[:MAX_ATTRIBUTION_CHARS]
        via = via or via_in(self.actors, attribution)
        channel, via = channel_of(attribution, resolution, via)
        previous = self.previous_record(self.paragraph_at(start))
        if (
            previous is not None
            and not resolution.speaker
            and _speaks_for(resolution.mention.lower(), previous.resolution)
            and previous.end >= self.sentence_starts[max(0, bisect_right(self.sentence_starts, start) - 2)]
        ):  # "The White House said …. It added …": the body that spoke in this sentence or the last
            resolution = replace(previous.resolution, mention=resolution.mention, resolved_by="pronoun")
        inherits = (
            previous is not None
            and previous.resolution.speaker == resolution.speaker
            and resolution.resolved_by in ("pronoun", "continuation")
            and not names_channel(attribution)
            and not via
        )
        if inherits and previous is not None:
            channel, via = previous.channel, previous.via
        self.records.append(Record(kind, start, end, cue, resolution, channel, via, rule))

    # -- a statement's content, and the reported-speech rules --
    def content_span(self, start: int, end: int) -> tuple[int, int]:
        """Trim a reported clause: spaces, a final period, a trailing ', which …' gloss, and what
        follows where the report ends though the sentence goes on (`_CONTENT_ENDS`)."""
        masked = self.masked[start:end]
        gloss = re.search(r",\s+which\b[^,]*$", masked)
        if gloss:
            end = start + gloss.start()
        for ending in _CONTENT_ENDS:
            found = ending.pattern.finditer(masked, 0, end - start)
            stop = next((m for m in found if m["verb"] not in ending.keeps), None)
            if stop and ending.after_verbless_report and _FINITE_VERB_SIGN.search(masked, 0, stop.start()):
                stop = None  # "Hou was sacked because he was colluding …, and offered": Hou's act
            if stop:
                end = start + stop.start()
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".,;:"):
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        when = _LEADING_TIME.match(self.masked, start, end)
        if when:  # "said Monday her visit …": when it was said is not what was said
            start = when.end()
        return start, end

    def noun_phrase_only(self, start: int, end: int) -> bool:
        """Whether text[start:end] is a noun phrase and its preposition, with no finite verb after."""
        content = self.masked[start:end]
        head = _RELATIVE_CLAUSE.sub(" ", content)  # a non-restrictive relative's verb is its own
        return (
            bool(_NOUN_PHRASE_HEAD.match(content))
            and not _FINITE_VERB_SIGN.search(head)
            and not _CLAIM_ABOUT_OBJECT.search(content)
        )

    def has_content(self, start: int, end: int) -> bool:
        """Whether text[start:end], trimmed (`content_span`), can be what was said: not empty, not
        only a short prepositional phrase ("In the speech, which prompted an ovation,")."""
        start, end = self.content_span(start, end)
        return end > start and not _ONLY_A_PREPOSITION_PHRASE.fullmatch(self.text, start, end)

    def kind_of(self, start: int, end: int) -> str:
        """ "direct" when text[start:end] is one closed quotation and nothing else ("… by saying,
        “New Zealand agrees …”"), "partial" when a quotation opens in it, else "indirect"."""
        quoted = self.spans_opening_in(start, end)
        whole = len(quoted) == 1 and quoted[0].closed and quoted[0].open_at == start
        if whole and quoted[0].after_close >= end:
            return "direct"
        return "partial" if quoted else "indirect"

    def reported(self, sentence: Sentence) -> int | None:
        """Record reported speech in `sentence` by the first rule of `self.rules` whose
        handler records it; return the offset it consumes up to."""
        text = self.masked[sentence.start : sentence.end]
        in_text = set(words(text))
        if ":" not in text and RULE_TRIGGERS.isdisjoint(in_text):
            return None  # every rule but "colon" needs a cue word, "according" or "quoted"
        for rule in self.rules:
            if rule.key_words and rule.key_words.isdisjoint(in_text):
                continue
            match = rule.pattern.match(text) if rule.anchored else rule.pattern.search(text)
            if match:
                consumed = rule.handler(self, sentence, match, rule.name)
                if consumed is not None:
                    return consumed
        return None
