"""Sentiment: engine scores are the engines' own, masking removes names, aggregates by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nzus_analysis import Article
from nzus_analysis.compare.groups import group_articles
from nzus_analysis.measures.engines import pattern_sentiment
from nzus_analysis.measures.sentiment import (
    article_interval_table,
    article_tone_table,
    bootstrap_mean,
    driver_table,
    drivers,
    mask_names,
    score_table,
    sentence_side_table,
    tone,
    tone_by_label_table,
    tone_difference_table,
    vader_compound,
)

from .conftest import SEED_2012, SEED_2025


def test_raw_scores_equal_the_engines_own_on_every_seed_sentence(corpus):
    scores = score_table(list(corpus.values()))
    vader = SentimentIntensityAnalyzer()
    for row in scores.itertuples():
        blob = TextBlob(row.text).sentiment
        assert (row.polarity, row.subjectivity) == (blob.polarity, blob.subjectivity)
        assert row.compound == vader.polarity_scores(row.text)["compound"]


def test_negation_turns_the_sign():
    assert pattern_sentiment("They were friendly.")[0] > 0 > pattern_sentiment("They were not friendly.")[0]
    assert vader_compound("They were friendly.") > 0 > vader_compound("They were not friendly.")


def test_intensifier_strengthens():
    assert pattern_sentiment("He was very pleased.")[0] > pattern_sentiment("He was pleased.")[0] > 0
    assert vader_compound("He was very pleased.") > vader_compound("He was pleased.") > 0


def test_names_are_not_opinions():
    masked, names = mask_names("New Zealand and the National Party met in New York.")
    assert names == ["New Zealand", "National Party", "New York"]
    assert pattern_sentiment("New Zealand met them.")[0] == pytest.approx(0.136, abs=1e-3)
    assert pattern_sentiment(mask_names("New Zealand met them.")[0])[0] == 0.0
    assert "entity" in masked and "New" not in masked


def test_masked_scores_on_a_seed_sentence(corpus):
    scores = score_table([corpus[SEED_2025]]).set_index("sentence")
    row = scores.loc[17]  # "We will now go back to New Zealand to discuss with Cabinet colleagues ..."
    assert row.polarity == pytest.approx(0.068, abs=1e-3)  # "New" (+0.136) is its only non-zero assessment
    assert row.polarity_masked == 0.0


def test_explain_names_the_words_that_moved_the_score():
    table = driver_table("Peters said he was very pleased with the friendly talks.")
    textblob = table[table.engine == "textblob"]
    assert "very pleased" in set(textblob.words)
    assert textblob.score.mean() == pytest.approx(
        pattern_sentiment("Peters said he was very pleased with the friendly talks.")[0]
    )
    vader = table[table.engine == "vader"].set_index("words")
    assert vader.loc["pleased", "score"] == 1.9 and vader.loc["friendly", "score"] == 2.2
    assert drivers("Some worry about damage.", "vader") == "worry (-1.90); damage (-2.20)"


def test_tone_uses_vader_thresholds():
    assert [tone(x) for x in (0.05, 0.049, -0.049, -0.05)] == ["positive", "neutral", "neutral", "negative"]


def test_article_summary_by_hand():
    """Polarities 0.5 (2 tokens) and -0.1 (8 tokens): mean 0.2; weighted (1.0 - 0.8) / 10 = 0.02.
    Compounds 0.6 (positive) and 0.0 (neutral): shares 0.5 / 0.5 / 0."""
    scores = pd.DataFrame(
        {
            "article_id": ["a", "a"], "year": [2020, 2020], "n_tokens": [2, 8],
            "polarity_masked": [0.5, -0.1], "compound_masked": [0.6, 0.0], "subjectivity_masked": [0.4, 0.2],
        }
    )  # fmt: skip
    row = article_tone_table(scores).iloc[0]
    assert (row.polarity_mean, row.polarity_weighted, row.compound_mean) == (0.2, 0.02, 0.3)
    assert (row.positive_share, row.neutral_share, row.negative_share, row.subjectivity_mean) == (
        0.5,
        0.5,
        0.0,
        0.3,
    )


def test_bootstrap_mean_is_deterministic_and_sane():
    mean, low, high = bootstrap_mean([2.0, 4.0])
    assert mean == 3.0 and 2.0 <= low <= 3.0 <= high <= 4.0
    assert bootstrap_mean([0.1, -0.2, 0.3], seed=7) == bootstrap_mean([0.1, -0.2, 0.3], seed=7)


def test_tone_difference_between_two_seed_articles_is_descriptive(corpus):
    articles = [corpus[SEED_2012], corpus[SEED_2025]]
    groups = group_articles(articles, "year", 2025, 2012)
    table = tone_difference_table(score_table(articles), groups).set_index("value")
    row = table.loc["compound_masked"]
    assert row.unit == "sentence" and row.method.startswith("descriptive")
    assert (row.n_articles_a, row.n_sentences_a, row.n_sentences_b) == (1, 19, 14)
    assert row.low <= row.difference <= row.high and 0 < row.p_value <= 1
    assert "verdict" not in table.columns and "includes_zero" not in table.columns


def test_intervals_and_groups(corpus):
    articles = list(corpus.values())
    scores = score_table(articles)
    intervals = article_interval_table(scores)
    assert len(intervals) == 4 and (intervals.low <= intervals["mean"]).all()
    sides = sentence_side_table(articles)
    assert set(sides.side) == {"US", "NZ", "CN", "none"}
    grouped = tone_by_label_table(scores, sides, "side")
    china = grouped[(grouped.article_id == SEED_2012) & (grouped.side == "CN")]
    assert china.n_sentences.item() == 3  # Sino-American spat; Coleman on China; the quote on China
    assert set(grouped.article_id) == {SEED_2012, SEED_2025}


def test_sentiment_needs_no_nltk_data():
    import nltk

    assert nltk.data.path == []  # emptied in conftest
    article = Article("x", 2020, paragraphs=("The talks were productive. Nobody was worried.",))
    assert len(score_table([article])) == 2


def test_every_sentence_gets_its_drivers(corpus):
    from nzus_analysis.measures.sentiment import with_drivers

    explained = with_drivers(score_table([corpus[SEED_2012]])).set_index("sentence")
    assert explained.loc[9, "vader_drivers"] == "worry (-1.90); disputed (-1.40)"
    assert explained.loc[10, "textblob_drivers"] == "friendly (+0.38); military (-0.10)"


def test_neutral_scores_mask_fixed_phrases_but_keep_judgement():
    from nzus_analysis.measures.sentiment import neutral_spans

    text = "The special envoy said China's navy held live fire drills."
    assert [text[a:b] for a, b in neutral_spans(text)] == ["special envoy", "live fire"]

    def scores(sentence: str):
        return score_table([Article("x", 2020, paragraphs=(sentence,))]).iloc[0]

    fire, envoy = scores("China's navy held live fire drills."), scores("The special envoy arrived.")
    assert fire.compound_masked < 0 and fire.compound_neutral == 0  # "fire" in "live fire"
    assert envoy.compound_masked > 0 and envoy.compound_neutral == 0  # "special" in "special envoy"
    disaster = scores("The special envoy called the talks a disaster.")
    assert disaster.compound_neutral < disaster.compound_masked < 0  # the judgement stays
    plain = score_table([Article("y", 2020, paragraphs=("The talks were productive.",))]).iloc[0]
    assert (plain.compound_neutral, plain.polarity_neutral) == (plain.compound_masked, plain.polarity_masked)


def test_neutral_phrases_shift_the_seed_gap(corpus):
    scores = score_table([corpus[SEED_2012], corpus[SEED_2025]])
    means = scores.groupby("year")[["compound_masked", "compound_neutral"]].mean()
    gap_masked = means.loc[2025, "compound_masked"] - means.loc[2012, "compound_masked"]
    gap_neutral = means.loc[2025, "compound_neutral"] - means.loc[2012, "compound_neutral"]
    assert 0 < gap_neutral < gap_masked  # 2025 still warmer, by less once fixed phrases are masked
