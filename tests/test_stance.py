"""Tone toward one mention: the trained model and the lexicon rule, on hand-made snippets, the seeds, bad
spans and NewsMTSC."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from nzus_analysis.stance import lexicon_stance, load_stance_model, stance_table, target_stance

from .conftest import SEED_2012, SEED_2025

NEWSMTSC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsmtsc" / "devtest_mt.jsonl"


def _at(text: str, mention: str, rule=lexicon_stance) -> tuple[str, float]:
    start = text.index(mention)
    return rule(text, start, start + len(mention))


def test_the_clause_around_the_mention_decides_not_the_sentence():
    text = "Critics say the plan is a disaster; Smith won praise for a brilliant speech."
    assert _at(text, "Smith")[0] == "positive"
    assert _at(text, "Critics")[0] == "negative"


def test_a_name_is_never_opinion():
    # "Hope" and "Joy" are VADER-positive words; as names they are masked.
    assert _at("Hope Hicks met Joy Reid in Washington.", "Hope Hicks") == ("neutral", 0.0)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (4, 99), (6, 2)])
@pytest.mark.parametrize("rule", [target_stance, lexicon_stance])
def test_bad_spans_raise_value_error(start, end, rule):
    with pytest.raises(ValueError, match="not a non-empty span"):
        rule("Peters met Rubio.", start, end)


def test_empty_text_raises():
    with pytest.raises(ValueError, match="empty"):
        target_stance("   ", 0, 1)


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("Critics slammed Smith for a disastrous and dishonest campaign.", "Smith", "negative"),
        ("Voters praised Smith for her brilliant, courageous leadership.", "Smith", "positive"),
        ("Smith will travel to Geneva on Tuesday for the annual meeting.", "Smith", "neutral"),
    ],
)
def test_model_reads_what_the_sentence_says_about_the_mention(text, mention, label):
    assert _at(text, mention, target_stance)[0] == label


def test_model_is_the_shipped_file_and_its_scores_are_probabilities():
    model = load_stance_model()
    assert model.labels == ("negative", "neutral", "positive") and model.weights.shape[0] == 3
    text = "The minister defended the deal against fierce criticism."
    probabilities = model.probabilities(text, 4, 12)
    assert sum(probabilities.values()) == pytest.approx(1.0)
    label, score = target_stance(text, 4, 12)
    assert score == pytest.approx(probabilities["positive"] - probabilities["negative"], abs=1e-4)
    assert target_stance(text, 4, 12) == (label, score)  # deterministic


def test_stance_table_on_the_2025_seed(corpus):
    table = stance_table([corpus[SEED_2025]])
    text = corpus[SEED_2025].text
    assert (table.apply(lambda r: text[r.start : r.end], axis=1) == table.mention).all()
    assert set(table.label) <= {"negative", "neutral", "positive"}
    assert {"US", "NZ"} <= set(table.side)
    rubio = table[(table.actor == "Marco Rubio") & (table.mention == "Rubio")].reset_index(drop=True)
    said = {text[r.start : r.start + 60]: r.score for r in rubio.itertuples()}
    # "Rubio’s statement gave no indication … which could damage New Zealand exports" leans
    # negative; "Rubio, in a statement …, said the meeting was “productive”" is positive.
    assert said[next(k for k in said if k.startswith("Rubio’s statement gave"))] < 0
    assert said[next(k for k in said if k.startswith("Rubio, in a statement"))] > 0.5


@pytest.mark.skipif(not NEWSMTSC.is_file(), reason=f"NewsMTSC not found at {NEWSMTSC} (lives in ../shared)")
def test_model_and_rule_on_newsmtsc_devtest():
    spec = importlib.util.spec_from_file_location(
        "eval_stance", Path(__file__).resolve().parents[1] / "benchmarks" / "eval_stance.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    targets = module.load_targets(NEWSMTSC)
    spans = list(zip(targets.text, targets.start, targets.end, strict=True))
    rule = pd.Series([lexicon_stance(text, start, end)[0] for text, start, end in spans])
    model = pd.Series([target_stance(text, start, end)[0] for text, start, end in spans])
    assert 0.50 <= module.macro_f1(targets.gold, rule)[0] < 0.55  # measured 0.513
    assert module.macro_f1(targets.gold, model)[0] >= 0.62  # measured 0.628; the goal is 0.72


def test_sides_are_mentioned_by_actors_and_terms_and_speakers_are_flagged(corpus):
    table = stance_table([corpus[SEED_2012]])
    china = table[table.side == "CN"]
    assert {"china", "sino"} <= set(china.actor)  # side terms from data/lexicons/sides.csv
    coleman = table[table.actor == "Jonathan Coleman"]
    assert coleman.is_speaker.any()  # "… ,” Coleman said, according to the New Zealand Herald.
    assert not table[table.actor == "new zealand"].is_speaker.any()


def test_side_stance_compares_groups_and_names_missing_sides(corpus):
    from nzus_analysis.groups import group_articles
    from nzus_analysis.stance import side_stance_table

    articles = [corpus[SEED_2012], corpus[SEED_2025]]
    groups = group_articles(articles, "year", 2025, 2012)
    table = side_stance_table(stance_table(articles), groups, sides=("US", "NZ", "XX"), n_resamples=200)
    assert list(table.side) == ["US", "NZ", "XX"]
    us = table.set_index("side").loc["US"]
    assert us.unit == "sentence" and us.low <= us.difference <= us.high
    missing = table.set_index("side").loc["XX"]
    assert (missing.n_mentions_a, missing.n_mentions_b, missing.unit) == (0, 0, "")


def test_examples_show_the_words_that_moved_the_score(corpus):
    from nzus_analysis.stance import stance_example_table

    article = corpus[SEED_2025]
    examples = stance_example_table(stance_table([article]), [article], k=1)
    assert set(examples.side) >= {"US", "NZ"}
    for row in examples.itertuples():
        assert row.drivers  # the features that pushed this mention's score, with their weights
        assert row.mention in row.clause


def test_mentions_in_a_run_on_text_are_kept_but_not_scored():
    from nzus_analysis import Article

    run_on = "".join(f"China {i} and the US {i} " for i in range(400))  # 9 KB, no sentence end
    table = stance_table([Article("x", 2020, paragraphs=(run_on, "China praised the deal."))])
    long, short = table[table.sentence == 0], table[table.sentence == 1]
    assert len(long) == 800 and set(long.label) == {"unscored"} and long.score.isna().all()
    assert list(short.label) != ["unscored"] and short.score.notna().all()
