"""The PolNeAR scorer (Gender Gap Tracker protocol), on the dev split in ../shared (skipped if absent)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nzus_analysis.quotes.evaluation import (
    attribution_evaluation,
    attribution_rule_table,
    exact_span_table,
    is_speech_cue,
    polnear_documents,
    polnear_quote_table,
    trimmed_span,
)

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "dev"


@pytest.fixture(scope="module")
def dev():
    if not DEV.is_dir():
        pytest.skip(f"PolNeAR not found at {DEV} (it lives in ../shared, outside the repo)")
    return polnear_documents(DEV)


def test_speech_cues_come_from_the_lexicon():
    assert is_speech_cue("said") and is_speech_cue("told") and is_speech_cue("according to")
    assert is_speech_cue("has said") and is_speech_cue("tweeted") and is_speech_cue(":")
    assert not is_speech_cue("thinks") and not is_speech_cue("has learned") and not is_speech_cue("wants")


def test_gold_offsets_point_into_the_article_text(dev):
    article, gold = dev[0]
    assert article.id == "breitbart_2016-09-12_stealth-over-health-hillary-clin"
    first = gold[0]
    assert article.text[first.start : first.end].startswith("that Hillary Clinton’s team avoided")
    assert first.source == "The New York Post" and first.speech and not first.direct
    assert article.text[first.cue_start : first.cue_start + 7] == "reports"
    assert any(g.direct for _, gold in dev for g in gold)


def test_a_perfect_prediction_scores_one_and_nothing_scores_zero(dev):
    rows = [
        (article.id, g.start, g.end, g.source, g.source)
        for article, gold in dev
        for g in gold
        if g.speech and len(g.content) == 1 and g.source_start >= 0
    ]
    perfect = pd.DataFrame(rows, columns=["article_id", "start", "end", "speaker", "speaker_mention"])
    single = [(a, [g for g in gold if len(g.content) == 1 and g.source_start >= 0]) for a, gold in dev]
    scores, misses = attribution_evaluation(single, (0.3, 0.8), perfect, unit="statement")
    assert scores.precision.tolist() == [1.0, 1.0] and scores.recall.tolist() == [1.0, 1.0]
    assert misses.empty
    # a source of only determiners or possessives ("his", "that") has no words to meet
    assert (scores.speaker_accuracy >= 0.99).all()
    none, misses = attribution_evaluation(single, (0.3,), perfect.iloc[:0], unit="statement")
    assert none.recall.item() == 0.0 and misses.n_missed.sum() == none.n_gold.item()


def test_the_extractor_is_scored_on_dev(dev):
    scores, _ = attribution_evaluation(dev, (0.3, 0.8))
    at_03, at_08 = scores.to_dict("records")
    assert at_03["n_gold"] > 1000 and at_03["recall"] >= at_08["recall"]
    assert 0 < at_03["precision"] <= 1 and 0 < at_03["f1"] <= 1
    # a fence under the figures reported in the README (passages, dev split): a rule that
    # loses ground on unseen news fails here
    assert at_03["precision"] >= 0.93 and at_03["f1"] >= 0.85 and at_08["f1"] >= 0.80


def test_passages_score_at_least_as_well_as_statements_on_dev(dev):
    """A speaker's consecutive quotes are one PolNeAR content: joining them cannot lose a found gold."""
    predicted = polnear_quote_table(dev)
    passages, _ = attribution_evaluation(dev, (0.8,), predicted)
    statements, _ = attribution_evaluation(dev, (0.8,), predicted, unit="statement")
    assert passages.n_found.item() >= statements.n_found.item()
    assert passages.n_pred.item() < statements.n_pred.item()
    with pytest.raises(ValueError, match="unit"):
        attribution_evaluation(dev, (0.8,), predicted, unit="sentence")


def test_rule_table_scores_every_rule_that_fired(dev):
    predicted = polnear_quote_table(dev)
    rules = attribution_rule_table(dev, predicted)
    assert set(rules.rule) == set(predicted.rule)
    assert (rules.n_correct <= rules.n_passages).all() and rules.precision.between(0, 1).all()


def test_exact_boundaries_ignore_quote_marks_spaces_and_final_punctuation():
    text = "He said: “We are ready.” Then she said that the talks were over."
    quote = text.index("“")
    assert text[slice(*trimmed_span(text, quote, quote + len("“We are ready.”")))] == "We are ready"
    assert trimmed_span(text, 0, 0) == (0, 0)


def test_exact_span_score_on_dev(dev):
    """The exact-boundary score sits below the lenient one and rises with PolNeAR's 'that'."""
    predicted = polnear_quote_table(dev)
    strict = exact_span_table(dev, predicted).set_index("unit")
    with_that = exact_span_table(dev, predicted, with_that=True).set_index("unit")
    lenient, _ = attribution_evaluation(dev, (0.3,), predicted)
    assert 0.5 <= strict.at["passage", "f1"] < lenient.f1[0]
    assert with_that.at["passage", "f1"] > strict.at["passage", "f1"]
