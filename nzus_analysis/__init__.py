"""nzus_analysis: compare how news articles frame the US-New Zealand defence relationship.

One import gives a notebook everything it needs::

    from nzus_analysis import load_corpus, sentence_frame, term_frame
"""

from .cleaning import CleanText, Removed, clean_text
from .corpus import (
    Article,
    article_from_text,
    corpus_frame,
    load_corpus,
    read_catalog,
    removed_frame,
)
from .errors import InputError
from .normalise import Term, fold_spelling, normalise, stopwords, term_frame, terms
from .tokenize import (
    Sentence,
    Token,
    sentence_frame,
    sentences,
    split_sentences,
    token_frame,
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
    "clean_text",
    "corpus_frame",
    "fold_spelling",
    "load_corpus",
    "normalise",
    "read_catalog",
    "removed_frame",
    "sentence_frame",
    "sentences",
    "split_sentences",
    "stopwords",
    "term_frame",
    "terms",
    "token_frame",
    "tokenize",
]
