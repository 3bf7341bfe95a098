"""Property tests: any unicode text tokenizes and splits, and offsets always slice back."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nzus_analysis import counting_terms, split_sentences, tokenize
from nzus_analysis.text.cues import trie_alternation
from nzus_analysis.text.tokens import _BOUNDARY, SENTENCE_BOUNDARY_PLAIN

NEWSY = st.text(alphabet=st.sampled_from(list("abcUS. ’'“”\"-,?!:\n0123456789MrSept")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), NEWSY))
def test_tokens_slice_back_and_do_not_overlap(text):
    tokens = tokenize(text)
    previous_end = 0
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.start >= previous_end and token.end > token.start
        previous_end = token.end
    covered = "".join(t.text for t in tokens)
    assert covered == "".join(text.split())  # every non-space character is in exactly one token


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), NEWSY))
def test_sentences_cover_the_text_in_order(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    assert "".join("".join(text[s:e].split()) for s, e in spans) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), NEWSY))
def test_terms_point_into_the_text(text):
    for term in counting_terms(tokenize(text)):
        assert 0 <= term.start < term.end <= len(text)
        assert term.term


CUE_FORMS = [
    "say",
    "said",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "was quoted as saying",
    "was quoted",
    "Said",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(CUE_FORMS), min_size=1, max_size=6, unique=True),
    st.lists(st.sampled_from([*CUE_FORMS, " ", "  ", "\n", "s", "ing", "x"]), max_size=8).map("".join),
)
def test_a_trie_of_cue_forms_matches_what_their_longest_first_alternation_matches(forms, text):
    trie = re.compile(trie_alternation(forms))
    alternation = re.compile(
        "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=len)[::-1])
    )
    for position in range(len(text) + 1):
        found, expected = trie.match(text, position), alternation.match(text, position)
        assert (found and found.group()) == (expected and expected.group())


BOUNDARY_TEXT = st.lists(st.sampled_from([*".!?…\"”’')] \nA0a(“‘[", "''", "Mr. ", "U.S. "]), max_size=20)


@settings(max_examples=1000, deadline=None)
@given(BOUNDARY_TEXT.map("".join), st.integers(0, 5))
@example("…. A", 0)  # an ellipsis then a period: the boundary is the period's
@example("Wait!!! Then. ...And", 1)
def test_the_sentence_boundary_regex_matches_its_plain_form(text, start):
    plain = re.compile(SENTENCE_BOUNDARY_PLAIN)
    assert [m.span() for m in _BOUNDARY.finditer(text, start)] == [
        m.span() for m in plain.finditer(text, start)
    ]
