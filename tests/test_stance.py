"""Tone toward one mention: the fine-tuned encoder, the linear model and the lexicon rule, on
hand-made snippets, the seeds, bad spans and NewsMTSC; the NumPy encoder against PyTorch's outputs."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nzus_analysis.measures.stance import (
    ENCODER_FILE,
    lexicon_stance,
    load_encoder_model,
    load_stance_model,
    stance_scores,
    stance_table,
    target_stance,
)
from nzus_analysis.models.encoder import MARK_END, MARK_START, WordPiece, _gelu, basic_tokens, pair_ids
from nzus_analysis.resources import data_path

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
@pytest.mark.parametrize("model", ["encoder", "encoder-float32", "linear"])
def test_model_reads_what_the_sentence_says_about_the_mention(text, mention, label, model):
    start = text.index(mention)
    assert target_stance(text, start, start + len(mention), model)[0] == label


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [  # the same sentence, two targets, opposite tone: what the text says about each
        ("Peters praised Rubio while critics attacked Luxon as weak.", "Rubio", "positive"),
        ("Peters praised Rubio while critics attacked Luxon as weak.", "Luxon", "negative"),
        ("Rubio met Peters in Washington on Tuesday.", "Peters", "neutral"),
    ],
)
def test_encoder_tells_targets_in_one_sentence_apart(text, mention, label):
    assert _at(text, mention, target_stance)[0] == label


def test_encoder_port_reproduces_pytorch():
    """The NumPy encoder gives the probabilities PyTorch gave with the same weights (stored by
    benchmarks/train_stance_encoder.py beside them)."""
    with np.load(data_path(*ENCODER_FILE)) as stored:
        texts, spans = stored["reference.text"].tolist(), stored["reference.span"].tolist()
        expected = stored["reference.probabilities"]
    model = load_encoder_model(precision="float32")
    got = model.probability_table([(text, a, b) for text, (a, b) in zip(texts, spans, strict=True)])
    np.testing.assert_allclose(got, expected, atol=2e-4)
    batched = model.probability_table([(text, a, b) for text, (a, b) in zip(texts, spans, strict=True)] * 7)
    np.testing.assert_allclose(batched[: len(texts)], got, atol=1e-5)  # padding changes nothing


def test_integer_encoder_stays_close_to_the_float32_port(corpus):
    """The default (integer) encoder gives the float32 port's labels on PyTorch's reference
    sentences and on nearly every mention in the seeds, with probabilities a few points off;
    padding a batch changes nothing."""
    with np.load(data_path(*ENCODER_FILE)) as stored:
        spans = [
            (t, a, b)
            for t, (a, b) in zip(
                stored["reference.text"].tolist(), stored["reference.span"].tolist(), strict=True
            )
        ]
    exact, fast = load_encoder_model(precision="float32"), load_encoder_model()
    assert type(exact.encoder) is not type(fast.encoder)
    got, expected = fast.probability_table(spans), exact.probability_table(spans)
    assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()
    assert np.abs(got - expected).max() < 0.05
    np.testing.assert_allclose(fast.probability_table(spans * 5)[: len(spans)], got, atol=1e-5)
    seeds = [corpus[SEED_2012], corpus[SEED_2025]]
    fast_table, exact_table = stance_table(seeds), stance_table(seeds, model="encoder-float32")
    assert len(fast_table) == len(exact_table) > 40
    assert (fast_table.label == exact_table.label).mean() >= 0.95
    assert (fast_table.score - exact_table.score).abs().max() < 0.25  # measured 0.16
    with pytest.raises(ValueError, match="precision must be"):
        load_encoder_model(precision="int4")


def test_gelu_matches_the_exact_erf_form():
    """The fast GELU (erf from a 5-term approximation, in place) is exact to float32 rounding."""
    x = np.linspace(-12, 12, 4801, dtype=np.float32)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    got = _gelu(x.copy())
    assert np.all(np.abs(got - exact) <= 1e-6 * np.maximum(1, np.abs(exact)))
    assert got[2400] == 0.0 and abs(got[0]) < 1e-30


def test_wordpiece_tokens_like_bert_uncased():
    assert basic_tokens("Café, naïve ‘test’!") == ["cafe", ",", "naive", "‘", "test", "’", "!"]
    pieces = WordPiece({"[UNK]": 0, "un": 1, "##aff": 2, "##able": 3})
    assert pieces.pieces("unaffable") == ("un", "##aff", "##able")
    assert pieces.pieces("xyz") == ("[UNK]",)
    vocab = load_encoder_model().wordpiece
    assert vocab.tokens(f"Rubio met {MARK_START} Peters {MARK_END}.") == [
        "rub", "##io", "met", MARK_START, "peters", MARK_END, ".",
    ]  # fmt: skip


def test_a_long_text_is_cut_around_the_mention():
    vocab = load_encoder_model().wordpiece
    words = " ".join(["filler"] * 200)
    ids, types = pair_ids(vocab, f"{words} {MARK_START} Peters {MARK_END} {words}", "Peters", 96)
    assert len(ids) == len(types) == 96
    assert vocab.vocab[MARK_START] in ids and vocab.vocab[MARK_END] in ids


def test_unknown_model_raises():
    with pytest.raises(ValueError, match="model must be one of"):
        target_stance("Peters met Rubio.", 0, 6, "bert")
    with pytest.raises(ValueError, match="model must be one of"):
        stance_table([], model="bert")
    assert stance_scores([], "linear") == [] and stance_scores([], "encoder") == []


def test_models_are_the_shipped_files_and_their_scores_are_probabilities():
    linear = load_stance_model()
    assert linear.labels == ("negative", "neutral", "positive") and linear.weights.shape[0] == 3
    text = "The minister defended the deal against fierce criticism."
    probabilities = linear.probabilities(text, 4, 12)
    assert sum(probabilities.values()) == pytest.approx(1.0)
    label, score = target_stance(text, 4, 12, "linear")
    assert score == pytest.approx(probabilities["positive"] - probabilities["negative"], abs=1e-4)
    assert target_stance(text, 4, 12, "linear") == (label, score)  # deterministic
    encoder = load_encoder_model()
    row = encoder.probability_table([(text, 4, 12)])[0]
    assert row.sum() == pytest.approx(1.0, abs=1e-5)
    label, score = target_stance(text, 4, 12)
    assert score == pytest.approx(float(row[2] - row[0]), abs=1e-4)
    assert stance_scores([(text, 4, 12)]) == [(label, score)]


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
    linear = pd.Series([label for label, _ in stance_scores(spans, "linear")])
    encoder = pd.Series([label for label, _ in stance_scores(spans, "encoder")])
    assert 0.50 <= module.macro_f1(targets.gold, rule)[0] < 0.55  # measured 0.513
    assert module.macro_f1(targets.gold, linear)[0] >= 0.62  # measured 0.628
    assert module.macro_f1(targets.gold, encoder)[0] >= 0.72  # the goal


def test_sides_are_mentioned_by_actors_and_terms_and_speakers_are_flagged(corpus):
    table = stance_table([corpus[SEED_2012]])
    china = table[table.side == "CN"]
    assert {"china", "sino"} <= set(china.actor)  # side terms from data/lexicons/sides.csv
    coleman = table[table.actor == "Jonathan Coleman"]
    assert coleman.is_speaker.any()  # "… ,” Coleman said, according to the New Zealand Herald.
    assert not table[table.actor == "new zealand"].is_speaker.any()


def test_side_stance_compares_groups_and_names_missing_sides(corpus):
    from nzus_analysis.compare.groups import group_articles
    from nzus_analysis.measures.stance import side_stance_table

    articles = [corpus[SEED_2012], corpus[SEED_2025]]
    groups = group_articles(articles, "year", 2025, 2012)
    table = side_stance_table(stance_table(articles), groups, sides=("US", "NZ", "XX"), n_resamples=200)
    assert list(table.side) == ["US", "NZ", "XX"]
    us = table.set_index("side").loc["US"]
    assert us.unit == "sentence" and us.low <= us.difference <= us.high
    missing = table.set_index("side").loc["XX"]
    assert (missing.n_mentions_a, missing.n_mentions_b, missing.unit) == (0, 0, "")


def test_examples_show_the_words_that_moved_the_score(corpus):
    from nzus_analysis.measures.stance import stance_example_table

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
