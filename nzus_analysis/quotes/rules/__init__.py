"""The rule table: which rule records a statement (the `rule` column of `quote_table`).

A quotation is tried first as a direct quote (`nzus_analysis.quotes.direct`); every other sentence
goes through `REPORTED_RULES` in order, and the first rule whose handler records it wins. A rule
is one row here; its handler and patterns live in the module of its family (`according`,
`speaker_first`, `trailing`, `acts`, `labels`). Adding a rule is one row, its pattern beside its
handler, and one example in `tests/test_quotes.py`.

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

"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from nzus_analysis.quotes.patterns import (
    ACCORDING_TRAIL,
    COLON_ATTRIBUTION,
    INVERTED_TRAIL,
    MID_ATTRIBUTION,
    REPORTED_TRAIL,
    SPEAKER_CUE,
    SPEECH_ACT,
)
from nzus_analysis.quotes.rules import according, acts, labels, speaker_first, trailing
from nzus_analysis.quotes.state import ArticleState
from nzus_analysis.text.cues import cue_key_words
from nzus_analysis.text.tokens import Sentence


class Rule(NamedTuple):
    """One row of `REPORTED_RULES`."""

    name: str  # the `rule` column of `quote_table`
    pattern: re.Pattern[str]  # matched in the sentence with its quoted words masked
    anchored: bool  # match at the sentence start (else search anywhere)
    handler: Callable[[ArticleState, Sentence, re.Match[str], str], int | None]  # records or declines
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


_FINITE_CUE_WORDS = cue_key_words("clause", participles=False)  # the words `CUE` needs


_PARTICIPLE_WORDS = cue_key_words("clause", participles=True) | cue_key_words("object", participles=True)


REPORTED_RULES: tuple[Rule, ...] = (
    Rule("according_to_lead", according.ACCORDING_LEAD, True, according.according_lead, _ACCORDING),
    Rule("as_lead", according.AS_LEAD, True, according.according_lead),
    Rule(
        "quoted_as_saying",
        according.QUOTED_AS_SAYING,
        False,
        according.quoted_as_saying,
        frozenset({"quoted"}),
    ),
    Rule(
        "passive",
        trailing.PASSIVE_REPORT,
        False,
        trailing.source_after,
        frozenset({"reported", "disclosed", "revealed"}),
    ),
    Rule("speaker_first", SPEAKER_CUE, False, speaker_first.speaker_first),
    Rule("according_to_trail", ACCORDING_TRAIL, True, trailing.source_after, _ACCORDING),
    Rule("according_to_mid", according.ACCORDING_MID, True, according.according_mid, _ACCORDING),
    Rule("speaker_after", REPORTED_TRAIL, True, trailing.source_after, _FINITE_CUE_WORDS),
    Rule("speaker_after", trailing.TRAILING_SUBJECT, True, trailing.trailing_subject, _FINITE_CUE_WORDS),
    Rule("verb_first", INVERTED_TRAIL, True, trailing.source_after, _FINITE_CUE_WORDS),
    Rule("participle", acts.SAYING, False, acts.participle, _PARTICIPLE_WORDS),
    Rule("colon", COLON_ATTRIBUTION, True, labels.colon),
    Rule("mid_sentence", MID_ATTRIBUTION, False, labels.mid_sentence, _FINITE_CUE_WORDS),
    Rule("speech_act", SPEECH_ACT, False, acts.speech_act, cue_key_words("object", participles=False)),
)
