"""Property tests: any unicode text tokenizes and splits, and offsets always slice back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nzus_analysis import counting_terms, split_sentences, tokenize

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
