"""The article frame model (trained on SemEval-2023 article codes) on the seeds and edge cases."""

from __future__ import annotations

import numpy as np

from nzus_analysis import Article
from nzus_analysis.measures.article_frames import (
    article_features,
    article_frame_table,
    load_article_frame_model,
)
from nzus_analysis.measures.frame_classifier import text_embeddings
from nzus_analysis.measures.frames import FRAMES, RESIDUAL_FRAME

from .conftest import SEED_2012, SEED_2025


def test_the_model_reads_all_fourteen_frames():
    model = load_article_frame_model()
    assert model.frames == tuple(f for f in FRAMES if f != RESIDUAL_FRAME)
    assert model.weight.shape == (
        article_features([Article("x", 2020, paragraphs=("Hi.",))], model.pooling).shape[1],
        14,
    )


def test_article_frames_of_the_seeds(corpus):
    table = article_frame_table([corpus[SEED_2012], corpus[SEED_2025]])
    assert list(table.columns) == ["article_id", "year", "frame", "probability", "carries"]
    assert len(table) == 28 and table.probability.between(0, 1).all()
    carried = table[table.carries].groupby("article_id").frame.agg(set)
    # both articles are about defence ties between governments
    assert {"security", "external"} & carried[SEED_2012] and {"security", "external"} & carried[SEED_2025]
    again = article_frame_table([corpus[SEED_2012], corpus[SEED_2025]])
    assert again.equals(table)  # deterministic


def test_pooling_reads_the_headline_and_every_paragraph():
    texts = ("Defence budget rises", "The army trained soldiers.", "Talks on trade resumed.")
    one = Article("a", 2020, paragraphs=texts[1:], title=texts[0])
    features = article_features([one, one], "mean+max")
    parts = text_embeddings(list(texts))
    # the same text embedded in another place of a batch differs in its last float bits
    assert features.shape == (2, 2 * parts.shape[1]) and np.allclose(features[0], features[1], atol=1e-6)
    assert np.allclose(features[0], np.concatenate([parts.mean(0), parts.max(0)]), atol=1e-6)
    assert np.allclose(article_features([one], "mean")[0], parts.mean(0), atol=1e-6)
    assert article_frame_table([]).empty


def test_validity_table_marks_the_frames_the_model_reads_poorly():
    from nzus_analysis.measures.article_frames import article_model_validity_table

    validity = article_model_validity_table().set_index("frame")
    assert len(validity) == 14 and validity.cv_precision.between(0, 1).all()
    marked = set(validity.index[validity.below_target])
    assert marked == load_article_frame_model().below_target
    assert all((validity.cv_precision[f] < 0.5) or (validity.cv_recall[f] < 0.3) for f in marked)
    assert "economic" in marked and "morality" not in marked  # 0.40 / 0.17 (12 articles); 0.75 / 0.88
