"""The offline tokenizer and sentence splitter on the tricky cases news copy contains."""

from __future__ import annotations

import pytest

from nzus_analysis import Article, sentence_table, sentences, split_sentences, token_table, tokenize


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def sentence_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.S. and Mr. Key", ["the", "U.S.", "and", "Mr.", "Key"]),
        ("on Sept. 21, 2012,", ["on", "Sept.", "21", ",", "2012", ","]),
        ("New Zealand’s ships", ["New", "Zealand", "’s", "ships"]),
        ("Panetta's visit", ["Panetta", "'s", "visit"]),
        ("it's and It’s and that's", ["it's", "and", "It’s", "and", "that's"]),
        ("He’ll meet them", ["He’ll", "meet", "them"]),
        ("the two countries’ defense", ["the", "two", "countries", "’", "defense"]),
        (
            "Asia-Pacific center-right co-operation",
            ["Asia-Pacific", "center-right", "co-operation"],
        ),
        ("The US-New Zealand deal", ["The", "US-New", "Zealand", "deal"]),
        ("AP, NZ and US", ["AP", ",", "NZ", "and", "US"]),
        (
            "1,000 troops, 3.5% and the 1990s",
            ["1,000", "troops", ",", "3.5", "%", "and", "the", "1990s"],
        ),
        ("“region,” he said.", ["“", "region", ",", "”", "he", "said", "."]),
        ("See https://example.org/a?b=1.", ["See", "https://example.org/a?b=1", "."]),
    ],
)
def test_tokens(text, expected):
    assert texts(text) == expected


def test_token_kinds():
    kinds = {t.text: t.kind for t in tokenize("Mr. Key’s U.S. visit cost 1,000 dollars.")}
    assert kinds == {
        "Mr.": "abbreviation",
        "Key": "word",
        "’s": "possessive",
        "U.S.": "acronym",
        "visit": "word",
        "cost": "word",
        "1,000": "number",
        "dollars": "word",
        ".": "punct",
    }


def test_offsets_slice_back_with_offset_shift():
    text = "Coleman said, “So it's not one or the other.”"
    for token in tokenize(text, offset=100):
        assert text[token.start - 100 : token.end - 100] == token.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Key met U.S. officials on Sept. 21, 2012. They talked.",
            ["Mr. Key met U.S. officials on Sept. 21, 2012.", "They talked."],
        ),
        (
            "“It is key for the region,” he said. “So it's not one or the other.”",
            ["“It is key for the region,” he said.", "“So it's not one or the other.”"],
        ),
        ("He said “we will go.” Then he left.", ["He said “we will go.”", "Then he left."]),
        ("They met in the U.S. He was pleased.", ["They met in the U.S.", "He was pleased."]),
        ("John F. Kennedy spoke. Crowds cheered!", ["John F. Kennedy spoke.", "Crowds cheered!"]),
        ("Was it? 2012 was a year of change.", ["Was it?", "2012 was a year of change."]),
        (
            "It costs 3.5 million. e.g. no split here.",
            ["It costs 3.5 million. e.g. no split here."],
        ),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentence_texts(text) == expected


def test_sentences_never_cross_paragraphs():
    text = "First paragraph has no stop\n\nsecond one starts lower case."
    assert sentence_texts(text) == [text]  # split_sentences works on one paragraph
    article = Article("x", 2020, paragraphs=tuple(text.split("\n\n")))
    assert [s.text for s in sentences(article)] == [
        "First paragraph has no stop",
        "second one starts lower case.",
    ]


def test_seed_sentences(corpus):
    from .conftest import SEED_2012, SEED_2025

    old = sentences(corpus[SEED_2012])
    new = sentences(corpus[SEED_2025])
    assert len(old) == 14
    assert len(new) == 19
    assert old[12].text == "“So it's not one or the other."
    assert new[7].text.endswith("in the Indo-Pacific region,” he said.")
    for sentence in old + new:
        text = corpus[sentence.article_id].text
        assert text[sentence.start : sentence.end] == sentence.text


def test_frames_have_documented_columns(corpus):
    articles = list(corpus.values())
    sentences_df = sentence_table(articles)
    tokens_df = token_table(articles)
    assert list(sentences_df.columns) == [
        "article_id",
        "year",
        "paragraph",
        "sentence",
        "start",
        "end",
        "text",
        "n_tokens",
    ]
    assert list(tokens_df.columns) == [
        "article_id",
        "year",
        "paragraph",
        "sentence",
        "position",
        "start",
        "end",
        "text",
        "kind",
    ]
    word_tokens = tokens_df[~tokens_df.kind.isin(["punct", "possessive"])]
    assert word_tokens.groupby("article_id").size().to_dict() == (
        sentences_df.groupby("article_id").n_tokens.sum().to_dict()
    )


def test_sentence_tokens_are_each_sentence_tokenized_once(corpus):
    from nzus_analysis.text.terms import counting_terms, sentence_terms
    from nzus_analysis.text.tokens import sentence_tokens

    from .conftest import SEED_2025

    article = corpus[SEED_2025]
    tokens = sentence_tokens(article)
    assert tokens is sentence_tokens(article)  # remembered, not recomputed
    assert isinstance(tokens, tuple) and all(isinstance(t, tuple) for t in tokens)  # immutable
    for s, sentence in zip(sentences(article), tokens, strict=True):
        assert list(sentence) == tokenize(s.text, offset=s.start)
        assert all(article.text[t.start : t.end] == t.text for t in sentence)
    found = sentence_terms(article)
    assert [list(f) for f in found] == [counting_terms(t) for t in tokens]
