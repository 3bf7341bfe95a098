"""nzus_analysis: compare how news articles frame the US-New Zealand defence relationship.

One import gives a notebook the loaders and the basic tables::

    from nzus_analysis import load_corpus, sentence_table, term_table

Each analysis lives in a module named for its concern (`keyness`, `frames`, `sentiment`,
`quotes`, …); no name here is also the name of a module.
"""

from nzus_analysis.errors import InputError
from nzus_analysis.text.cleaning import CleanText, Removed, clean_text
from nzus_analysis.text.corpus import (
    Article,
    article_from_text,
    article_table,
    load_corpus,
    read_catalog,
    removed_table,
)
from nzus_analysis.text.terms import Term, counting_terms, fold_spelling, normalise, stopwords, term_table
from nzus_analysis.text.tokens import (
    Sentence,
    Token,
    sentence_table,
    sentences,
    split_sentences,
    token_table,
    tokenize,
)

__all__ = [
    "Article",
    "CleanText",
    "InputError",
    "Removed",
    "Sentence",
    "Term",
    "Token",
    "article_from_text",
    "article_table",
    "clean_text",
    "counting_terms",
    "fold_spelling",
    "load_corpus",
    "normalise",
    "read_catalog",
    "removed_table",
    "sentence_table",
    "sentences",
    "split_sentences",
    "stopwords",
    "term_table",
    "token_table",
    "tokenize",
]
