"""Tone toward one mention (the lexicon rule): hand-made snippets, seeds, bad spans, NewsMTSC."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from nzus_analysis.stance import stance_table, target_stance

from .conftest import SEED_2012, SEED_2025

NEWSMTSC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsmtsc" / "devtest_mt.jsonl"


def _at(text: str, mention: str) -> tuple[str, float]:
    start = text.index(mention)
    return target_stance(text, start, start + len(mention))


def test_the_clause_around_the_mention_decides_not_the_sentence():
    text = "Critics say the plan is a disaster; Smith won praise for a brilliant speech."
    assert _at(text, "Smith")[0] == "positive"
    assert _at(text, "Critics")[0] == "negative"


def test_a_name_is_never_opinion():
    # "Hope" and "Joy" are VADER-positive words; as names they are masked.
    assert _at("Hope Hicks met Joy Reid in Washington.", "Hope Hicks") == ("neutral", 0.0)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (4, 99), (6, 2)])
def test_bad_spans_raise_value_error(start, end):
    with pytest.raises(ValueError, match="not a non-empty span"):
        target_stance("Peters met Rubio.", start, end)


def test_empty_text_raises():
    with pytest.raises(ValueError, match="empty"):
        target_stance("   ", 0, 1)


def test_stance_table_on_the_2025_seed(corpus):
    table = stance_table([corpus[SEED_2025]])
    text = corpus[SEED_2025].text
    assert (table.apply(lambda r: text[r.start : r.end], axis=1) == table.mention).all()
    assert set(table.label) <= {"negative", "neutral", "positive"}
    assert {"US", "NZ"} <= set(table.side)
    # "Rubio’s statement gave no indication … which could damage New Zealand exports": negative.
    rubio = table[(table.actor == "Marco Rubio") & (table.mention == "Rubio")]
    assert "negative" in set(rubio.label)


@pytest.mark.skipif(not NEWSMTSC.is_file(), reason=f"NewsMTSC not found at {NEWSMTSC} (lives in ../shared)")
def test_lexicon_rule_beats_chance_on_newsmtsc_devtest():
    spec = importlib.util.spec_from_file_location(
        "eval_stance", Path(__file__).resolve().parents[1] / "benchmarks" / "eval_stance.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    targets = module.load_targets(NEWSMTSC)
    spans = zip(targets.text, targets.start, targets.end, strict=True)
    predicted = pd.Series([target_stance(text, start, end)[0] for text, start, end in spans])
    macro, _ = module.macro_f1(targets.gold, predicted)
    assert 0.50 <= macro < 0.60  # measured 0.513; the rule is a baseline, not the goal (0.72)


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
    china = examples[examples.side == "NZ"].set_index("mention")
    assert "damage (-2.2)" in china.loc["New Zealand"].drivers.tolist()[0]
