"""The frame classifier on the seeds, on the coded test passages and on hand-made passages."""

from __future__ import annotations

import numpy as np
import pytest

from nzus_analysis import Article, load_corpus
from nzus_analysis.errors import InputError
from nzus_analysis.measures.frame_classifier import (
    TEXT_ENCODER_FILE,
    classifier_validation_table,
    load_frame_classifier,
    load_text_encoder,
    paragraph_frame_table,
    passage_features,
)
from nzus_analysis.measures.frames import FRAMES, frame_verdict_table, load_frame_validation
from nzus_analysis.models.encoder import mean_embeddings
from nzus_analysis.resources import data_path

SEED_2025 = "2025-thepost-rubio-peters"


def test_every_paragraph_gets_every_classified_frame_with_its_threshold_applied():
    corpus = [a for a in load_corpus() if a.id == SEED_2025]
    classifier = load_frame_classifier()
    table = paragraph_frame_table(corpus)
    assert len(table) == len(corpus[0].paragraphs) * len(classifier.frames)
    assert table.probability.between(0, 1).all()
    threshold = dict(zip(classifier.frames, classifier.threshold, strict=True))
    assert (table.carries == (table.probability >= table.frame.map(threshold) - 1e-4)).all()
    # the paragraph on China's live-fire exercises and maritime challenges is about security
    china = next(i for i, p in enumerate(corpus[0].paragraphs) if "live fire" in p)
    carried = set(table[(table.paragraph == china) & table.carries].frame)
    assert "security" in carried


def test_every_frame_is_read_and_those_no_setting_could_validate_say_so():
    classifier = load_frame_classifier()
    assert set(classifier.frames) == set(FRAMES) - {"other"}  # the residual code is not a frame to find
    assert len(classifier.training_precision) == len(classifier.nested_precision) == len(classifier.frames)
    validated = dict(zip(classifier.frames, ~np.isnan(classifier.training_precision), strict=True))
    assert {f for f, ok in validated.items() if ok} == {
        "economic", "political", "security", "external", "legality", "policy"
    }  # fmt: skip
    for frame, nested in zip(classifier.frames, classifier.nested_precision, strict=True):
        # a required precision was found only where the whole choice held 0.8 in nested
        # cross-validation; the others are read at their best F1, and their nested precision shows it
        assert (nested >= 0.8) if validated[frame] else (nested < 0.8)
    economic = classifier.frames.index("economic")  # campaign money on US news: only the surest
    assert classifier.training_precision[economic] == pytest.approx(0.95)


def test_the_classifier_is_scored_on_the_test_passages_it_was_not_trained_on():
    validation = load_frame_validation()
    scored = classifier_validation_table(validation)
    # its test passages are the batch coded after it was first trained, not the lexicon's test half
    test = scored[(scored.half == "test") & (scored.frame == "political")].iloc[0]
    assert test.n_coded == (validation[validation.classifier_half == "test"].frames.map(
        lambda codes: "political" in codes)).sum()  # fmt: skip
    assert (validation.classifier_half == "test").sum() == 251
    verdicts = frame_verdict_table(scored, measured=load_frame_classifier().frames).set_index("frame")
    assert verdicts.loc["political"].verdict == "meets target" and verdicts.loc["political"].recall > 0.85
    assert verdicts.loc["morality"].verdict == "below target"  # read, and marked where shown
    assert verdicts.loc["other"].verdict == "not measured"
    assert verdicts.loc["economic"].n_coded_all == 641  # eligibility is judged on the whole set


def test_features_are_an_embedding_then_the_lexicon_frames():
    features = passage_features(["Taxes went up and the economy slowed.", "The court ruled against him."])
    width = load_text_encoder()[1].weights["embeddings.word"].shape[1]
    assert features.shape == (2, width + len(FRAMES))
    assert np.allclose(np.linalg.norm(features[:, :width], axis=1), 1.0, atol=1e-5)
    lexicon = features[:, width:]
    assert lexicon[0, FRAMES.index("economic")] == 1 and lexicon[1, FRAMES.index("legality")] == 1
    assert lexicon[0, FRAMES.index("legality")] == 0


def test_a_paragraph_longer_than_the_encoder_reads_is_read_in_windows():
    wordpiece, encoder = load_text_encoder()
    sentence = "The minister said the defence budget would grow to two percent of GDP. "
    short, long = mean_embeddings(wordpiece, encoder, [sentence, sentence * 20])
    assert len(wordpiece.tokens(sentence * 20)) > 126
    assert np.linalg.norm(long) == pytest.approx(1.0, abs=1e-5)
    assert float(short @ long) > 0.8  # the same words, windowed, mean much the same


def test_no_articles_give_an_empty_table_with_the_documented_columns():
    table = paragraph_frame_table([])
    assert table.empty and list(table.columns) == [
        "article_id", "year", "paragraph", "frame", "probability", "carries",
    ]  # fmt: skip


def test_a_missing_model_file_names_the_training_script(tmp_path):
    with pytest.raises(InputError, match=r"train_frame_classifier\.py"):
        load_frame_classifier(tmp_path / "absent.npz")


def test_a_one_paragraph_article_is_classified():
    article = Article(
        "x", 2020, paragraphs=("Shares fell sharply as the central bank raised interest rates.",)
    )
    table = paragraph_frame_table([article])
    assert set(table[table.carries].frame) == {"economic"}


def test_the_numpy_text_encoder_reproduces_pytorchs_embeddings():
    """The training script stored PyTorch's mean embeddings of reference sentences, computed
    with the exported weights, beside them: the NumPy port must give the same vectors."""
    with np.load(data_path(*TEXT_ENCODER_FILE)) as stored:
        texts, expected = list(stored["reference.text"]), stored["reference.embeddings"]
    wordpiece, encoder = load_text_encoder()
    assert np.abs(mean_embeddings(wordpiece, encoder, texts) - expected).max() < 2e-4


def test_without_the_validation_set_no_classifier_frame_is_marked(tmp_path):
    from nzus_analysis.measures.frame_classifier import classifier_frames_below_target

    assert classifier_frames_below_target(tmp_path) is None  # a wheel install: nothing to judge by


def test_stored_embeddings_are_what_the_encoder_gives_and_other_texts_are_read_live(monkeypatch):
    from nzus_analysis.measures import frame_classifier as fc

    validation = load_frame_validation()
    stored = fc._stored_embeddings()
    assert set(stored) == {fc.text_key(t) for t in validation.text}  # every coded passage, no other
    sample = list(validation.text.iloc[[0, 927, 1500, 1977]])
    live = mean_embeddings(*load_text_encoder(), sample)
    assert np.abs(fc.text_embeddings(sample) - live).max() < 1e-5
    new = "The ministry said the frigate would be replaced by 2030."
    assert fc.text_key(new) not in stored
    assert np.abs(fc.text_embeddings([new]) - mean_embeddings(*load_text_encoder(), [new])).max() < 1e-6
    # a store written with another text encoder is not used
    monkeypatch.setattr(fc, "_text_encoder_digest", lambda: "another encoder")
    fc._stored_embeddings.cache_clear()
    try:
        assert fc._stored_embeddings() == {}
    finally:
        monkeypatch.undo()
        fc._stored_embeddings.cache_clear()


def test_no_texts_give_an_empty_embedding_matrix_of_the_encoders_width():
    from nzus_analysis.measures.frame_classifier import text_embeddings

    width = load_text_encoder()[1].weights["embeddings.word"].shape[1]
    assert text_embeddings([]).shape == (0, width)
