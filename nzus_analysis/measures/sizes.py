"""Size of each article at every layer: paragraphs, sentences, tokens and terms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.terms import term_table
from nzus_analysis.text.tokens import sentence_table


class SizeRow(NamedTuple):
    """A row of `size_table`: one article."""

    article_id: str
    year: int
    n_paragraphs: int
    n_sentences: int
    n_tokens: int  # word and number tokens
    n_terms: int  # counting terms, names merged
    n_types: int  # distinct terms
    n_content_types: int  # distinct non-stopword terms
    mean_sentence_tokens: float  # rounded to 1 decimal


def size_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per article, in corpus order (columns: `SizeRow`)."""
    articles = list(corpus)
    return derived_size_table(sentence_table(articles), term_table(articles))


def derived_size_table(sentences: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """`size_table` from tables already built: any table with one row per sentence and the
    columns article_id, year, paragraph, n_tokens (`sentence_table`, `sentiment.score_table`),
    and the same articles' `term_table`. Every article has at least one sentence."""
    terms_by_article = dict(tuple(terms.groupby("article_id", sort=False)))
    rows = []
    for article_id, s in sentences.groupby("article_id", sort=False):
        t = terms_by_article.get(article_id, terms.iloc[:0])
        rows.append((
            article_id, int(s.year.iloc[0]), s.paragraph.nunique(), len(s), int(s.n_tokens.sum()), len(t),
            t.term.nunique(), t[~t.stopword].term.nunique(), round(float(s.n_tokens.mean()), 1),
        ))  # fmt: skip
    return table(rows, SizeRow)
