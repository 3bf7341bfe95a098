"""Robustness on real news: a fixed sample of the BBC News corpus in ../shared (skipped if absent)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nzus_analysis.measures.sentiment import mask_names
from nzus_analysis.measures.stance import stance_table
from nzus_analysis.quotes import quote_table
from nzus_analysis.scale.bulk import load_table
from nzus_analysis.scale.pipeline import analyse, analyse_chunk

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_news.csv"
EVERY = 25  # every 25th article: 89 articles across all five sections


@pytest.fixture(scope="module")
def bbc_sample():
    if not BBC.is_file():
        pytest.skip(f"BBC corpus not found at {BBC} (it lives in ../shared, outside the repo)")
    articles = load_table(BBC, year_column=None, year=2005, metadata_columns={"section": "category"}).articles
    return articles[::EVERY]


@pytest.fixture(scope="module")
def bbc_analysis(bbc_sample):
    return analyse_chunk(bbc_sample)


def test_every_quote_span_slices_back(bbc_sample, bbc_analysis):
    texts = {a.id: a.text for a in bbc_sample}
    quotes = bbc_analysis.quotes
    assert len(quotes) > 100  # BBC copy is full of quotations
    for row in quotes.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    assert set(quotes.kind) == {"direct", "partial", "indirect"}


def test_sentence_scores_are_the_engines_own(bbc_analysis):
    vader = SentimentIntensityAnalyzer()
    for row in bbc_analysis.scores.itertuples():
        blob = TextBlob(row.text).sentiment
        assert (row.polarity, row.subjectivity) == (blob.polarity, blob.subjectivity)
        assert row.compound == vader.polarity_scores(row.text)["compound"]


def test_masked_scores_are_the_engines_own_on_the_masked_text(bbc_analysis):
    vader = SentimentIntensityAnalyzer()
    masked_rows = [row for row in bbc_analysis.scores.itertuples() if row.masked]
    assert len(masked_rows) > 100
    for row in masked_rows:
        masked_text, names = mask_names(row.text)
        assert "; ".join(names) == row.masked
        blob = TextBlob(masked_text).sentiment
        assert (row.polarity_masked, row.subjectivity_masked) == (blob.polarity, blob.subjectivity)
        assert row.compound_masked == vader.polarity_scores(masked_text)["compound"]


def test_term_and_frame_offsets_slice_back(bbc_sample, bbc_analysis):
    texts = {a.id: a.text for a in bbc_sample}
    for row in bbc_analysis.terms.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.surface
    assert len(bbc_analysis.frame_hits) > 100
    for row in bbc_analysis.frame_hits.itertuples():
        span = texts[row.article_id][row.start : row.end]
        words = row.surface.split()
        assert span.startswith(words[0]) and span.endswith(words[-1])


def test_worker_processes_give_the_same_tables(bbc_sample, bbc_analysis):
    """Quotes and stance read in two forked processes (chunks of the sample) equal the
    in-process tables that `analyse_chunk` built, row for row."""
    quotes = quote_table(bbc_sample, workers=2)
    pd.testing.assert_frame_equal(quotes, bbc_analysis.quotes)
    pooled = stance_table(bbc_sample, model="linear", workers=2, all_people=False)  # as `analyse` reads it
    pd.testing.assert_frame_equal(pooled, bbc_analysis.stance)
    everyone = stance_table(bbc_sample, bbc_analysis.quotes, model="linear", workers=2)  # the default
    pd.testing.assert_frame_equal(
        everyone, stance_table(bbc_sample, bbc_analysis.quotes, model="linear", workers=1)
    )
    assert len(everyone) > len(pooled)
    assert bbc_analysis.stance.is_speaker.any()  # the speakers found in the workers reach the table
    with pytest.raises(ValueError, match="workers must be"):
        quote_table(bbc_sample, workers=0)


def test_encoder_stance_in_pool_workers_equals_the_in_process_table(bbc_sample):
    """`analyse`'s workers run the encoder on one thread each; the scores stay the same (`analyse`
    scores the people with a country: `stance_table`'s ``all_people=False``)."""
    pooled = analyse(bbc_sample, workers=2, chunk_size=30, progress=False, stance_model="encoder").stance
    pd.testing.assert_frame_equal(pooled, stance_table(bbc_sample, all_people=False))
    assert len(pooled) > 50


def test_no_speaker_holds_a_masked_quotation():
    """On the whole BBC corpus no speaker or speaker mention is read from inside a quotation (the
    masked text's x's), as "Lib Dems 'xx xxxxxx' The Liberal Democrats" once was."""
    if not BBC.is_file():
        pytest.skip(f"BBC corpus not found at {BBC} (it lives in ../shared, outside the repo)")
    articles = load_table(BBC, year_column=None, year=2005, metadata_columns={"section": "category"}).articles
    quotes = quote_table(articles)
    masked = r"[‘'“\"]x+(?:\s+x+)*[’'”\"]"
    leaked = quotes[quotes.speaker.str.contains(masked) | quotes.speaker_mention.str.contains(masked)]
    assert leaked.empty, leaked[["article_id", "speaker_mention"]].head().to_string()
