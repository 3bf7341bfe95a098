"""Rule-based quote attribution: who is quoted, in whose words, and through which channel.

One record per attributed statement (columns: `QuoteRow`, offsets into `article.text`):

- ``direct``: words inside quote marks whose sentence holds nothing but the quotation and its
  attribution (“…,” he said. / Coleman said, “…” / a quote paragraph continuing the previous
  speaker). A quote that is still open at a paragraph end continues when the next paragraph
  opens with a quote mark.
- ``partial``: reported speech that contains a quoted fragment (said the meeting was “productive”).
- ``indirect``: reported speech without quote marks ("Coleman said New Zealand is …",
  "…, the AP reported", "…, according to the Guardian", "According to the AP: <next paragraph>").


A speech act whose object is a noun phrase ("announced the resumption of talks", "called for more
cooperation") is no statement under the study's codebook (`data/gold/quotes.csv`); PolNeAR's
codebook counts it: `quote_table(..., noun_objects=True)`. The article's own author is no source.

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

Speakers: a "he" or "she" opening a sentence continues the named subject of the sentences
before it; any other pronoun resolves to the most recent person of its gender named before it
outside quotations (from the actor table, a titled name such as "Mr Howard", or a full name); a
title ("the Secretary of Defense") names the person whose role the text gives in those words; an
organisation named in capitals has one name however it is written (`organisations`); a surname
after a full name ("Mr Cable" after "Vince Cable") is that person. What no
rule resolves keeps its words in `speaker_mention` with an empty `speaker` and `resolved_by` =
"unresolved": a bare "he" is never reported as a speaker named "he".

Layout (one module per job): `spans` (quote marks and their pairing), `rules` (the ordered rule
table; each rule family's handler with its patterns: `rules.according`, `rules.speaker_first`,
`rules.trailing`, `rules.acts`, `rules.labels`), `direct` (direct quotations), `speakers` (who a
speaker phrase names: actors, titles, full names, pronouns), `organisations` (organisations named
outside the actor table), `channels`, `state` (one article's
text, sentences, quote spans and records), `extractor` (`quote_table`), `passages`
(`passage_table`), `patterns` (the phrase patterns several modules share) and `evaluation`
(scoring against PolNeAR and the seeds' gold).
"""

from nzus_analysis.quotes.channels import CHANNELS
from nzus_analysis.quotes.extractor import QuoteRow, quote_table
from nzus_analysis.quotes.passages import PassageRow, passage_table
from nzus_analysis.quotes.rules import DIRECT_RULES, REPORTED_RULES, Rule
from nzus_analysis.quotes.spans import QuoteSpan, find_quote_spans
from nzus_analysis.text.people import first_name_genders

__all__ = [
    "CHANNELS",
    "DIRECT_RULES",
    "REPORTED_RULES",
    "PassageRow",
    "QuoteRow",
    "QuoteSpan",
    "Rule",
    "find_quote_spans",
    "first_name_genders",
    "passage_table",
    "quote_table",
]
