"""The fast scorers give exactly the engines' numbers: seeds, tricky snippets and generated text."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nzus_analysis.measures.engines import pattern_sentiment, pattern_tokens, vader_compound
from nzus_analysis.text.tokens import sentences

VADER = SentimentIntensityAnalyzer()

# Pieces that exercise every rule of both engines: lexicon words, negations ("not", "n't",
# "never", "without doubt"), boosters and dampeners ("very", "kind of", "sort of"), "least",
# "but", ALL CAPS, idioms ("the bomb", "yeah right"), emoticons split by spaces (": )"),
# sarcasm "( ! )", abbreviations, ellipses, quotes of every kind, paragraph breaks and emoji.
PIECES = [
    "good", "bad", "great", "not", "isn't", "don't", "never", "no", "nor", "or", "very", "really",
    "extremely", "kind", "of", "sort", "least", "at", "but", "so", "this", "without", "doubt",
    "GOOD", "VERY", "Happy", "terribly", "the", "bomb", "yeah", "right", "kiss", "death", "a",
    "U.S.", "Mr.", "Sept.", "e.g.", "etc.", "...", ".", "!", "?", "!!", "?!", ",", ";", ":", ")",
    "(", "( ! )", "(!)", ": )", ":-)", ":(", ";-)", "<3", "xD", ":o)", "8 )", "o_O", "'", '"', "“",
    "”", "‘", "’", "'s", "n't", "'ll", "\n\n", "\r\n", "\n", "-", "--", "2012", "$5", "😀", "♥",
    "END-OF-SENTENCE", "well-known", "co-operation", "badly", "hardly", "barely", "love", "hate",
]  # fmt: skip
# Unicode spaces too (no-break, em, line separator, \x1c): str.split must see what \s sees.
GLUE = st.sampled_from(["", " ", " ", " ", "  ", "\t", "\xa0", "\u2003", "\u2028", "\x1c", "\x0b", " \n "])
GENERATED = st.lists(st.tuples(st.sampled_from(PIECES), GLUE), max_size=30).map(
    lambda parts: "".join(piece + glue for piece, glue in parts)
)

TRICKY = [
    "",
    "   ",
    "It was not very good, but the talks were great!!!",
    "Talks were VERY GOOD: ) and at least not bad ( ! )",
    "He said “it isn't kind of good”... Really?",
    "No good, nor bad. Without doubt the bomb :-)",
    "Mr. Smith said the U.S. was 'never so happy'.\n\nNew paragraph: it's :(",
    "I love it 😀 and ♥ it",
    "not\xa0good\u2003at\x1call\u2028:\u3000)",
]


def assert_same_as_engines(text: str) -> None:
    blob = TextBlob(text).sentiment
    assert pattern_sentiment(text) == (blob.polarity, blob.subjectivity), text
    assert vader_compound(text) == VADER.polarity_scores(text)["compound"], text


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_snippets(text):
    assert_same_as_engines(text)


def test_every_seed_sentence(corpus):
    for article in corpus.values():
        for s in sentences(article):
            assert_same_as_engines(s.text)


def test_whole_seed_texts_with_paragraph_breaks(corpus):
    for article in corpus.values():
        assert_same_as_engines(article.text)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(GENERATED, st.text(max_size=120)))
@example("good :")  # an emoticon regex match at the very end of the text
def test_generated_text(text):
    assert_same_as_engines(text)


def test_pattern_tokens_are_the_engines_words():
    from textblob.en import sentiment as engine

    text = 'The U.S. isn\'t "happy"... Mr. Key said (!) : ) etc.'
    expected = [w.lower() for w in " ".join(engine.tokenizer(text)).split()]
    assert pattern_tokens(text) == expected
    assert ":)" in expected and "(!)" in expected  # emoticon and sarcasm rules applied
    assert expected[2:6] == ["is", "n", "'", "t"]  # its quote rule splits the contraction apart


def test_other_engine_releases_fall_back_to_the_engines(monkeypatch):
    from nzus_analysis.measures import engines

    monkeypatch.setattr(engines, "PATTERN_PORTED", False)
    monkeypatch.setattr(engines, "VADER_PORTED", False)
    for text in TRICKY:
        assert_same_as_engines(text)


def test_the_installed_engines_are_the_ported_releases():
    from nzus_analysis.measures import engines

    assert engines.PATTERN_PORTED and engines.VADER_PORTED  # else the fast path is never tested
