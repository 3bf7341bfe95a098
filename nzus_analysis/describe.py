"""Size of each article at every layer: paragraphs, sentences, tokens and terms."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .corpus import Article
from .normalise import term_frame
from .tokenize import sentence_frame


def corpus_summary(corpus: Sequence[Article]) -> pd.DataFrame:
    """One row per article.

    Columns: article_id, year, paragraphs, sentences, tokens (word and number tokens),
    terms (counting terms, names merged), types (distinct terms), content_types (distinct
    non-stopword terms), mean_sentence_tokens (rounded to 1 decimal).
    """
    sentences = sentence_frame(corpus)
    terms = term_frame(corpus)
    rows = []
    for article in corpus:
        s = sentences[sentences.article_id == article.id]
        t = terms[terms.article_id == article.id]
        rows.append(
            {
                "article_id": article.id,
                "year": article.year,
                "paragraphs": len(article.paragraphs),
                "sentences": len(s),
                "tokens": int(s.n_tokens.sum()),
                "terms": len(t),
                "types": t.term.nunique(),
                "content_types": t[~t.stopword].term.nunique(),
                "mean_sentence_tokens": round(float(s.n_tokens.mean()), 1),
            }
        )
    return pd.DataFrame(rows)
