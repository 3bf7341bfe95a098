"""Frames of a whole article, read by a model trained on trained coders' article codes.

The frame lexicon (`frames`) and the paragraph classifier (`frame_classifier`) read passages; a
frame that "counts" for an article is a judgement about the whole text. This model makes it the
way SemEval-2023 Task 3's coders did (subtask 2: which of the Policy Frames Codebook's 14 frames an
article uses): each paragraph (and the headline) is embedded by all-MiniLM-L6-v2 as shipped for the
classifier (`frame_classifier.text_embeddings`), the article is the mean (or the mean and the
per-dimension maximum) of those embeddings, and one logistic regression per frame reads it. It was
fitted on SemEval's English dev split and, at a small weight each, on the project's coded passages
(`data/frame_validation`); the regularisation, the passages' weight and the probability at which
an article carries a frame (`ArticleFrameModel.threshold`) were chosen by topic-grouped
cross-validation on the SemEval articles (`benchmarks/train_article_frames.py`; figures from
`benchmarks/eval_frames.py --corpus semeval`). The weights are `data/models/article_frames.npz`
(data/README says what they were trained on and its terms).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.measures.frame_classifier import text_embeddings
from nzus_analysis.resources import model_file
from nzus_analysis.text.corpus import Article

ARTICLE_MODEL_FILE = ("models", "article_frames.npz")
POOLINGS = ("mean", "mean+max")
#: What a frame's article reading must reach, cross-validated, not to be marked (issue targets)
TARGET_PRECISION, TARGET_RECALL = 0.5, 0.3


@dataclass(frozen=True)
class ArticleFrameModel:
    """Standardised pooled embeddings -> one logistic regression per frame."""

    frames: tuple[str, ...]
    pooling: str  # one of `POOLINGS`
    center: np.ndarray  # (features,)
    scale: np.ndarray  # (features,)
    weight: np.ndarray  # (features, frames)
    bias: np.ndarray  # (frames,)
    threshold: float = 0.5  # an article carries a frame at this probability or above
    cv_precision: np.ndarray | None = None  # (frames,): nested topic-grouped cross-validated, SemEval dev
    cv_recall: np.ndarray | None = None

    @property
    def below_target(self) -> frozenset[str]:
        """Frames the model reads poorly on SemEval dev (nested cross-validated precision below
        `TARGET_PRECISION` or recall below `TARGET_RECALL`): mark them where frames are shown."""
        if self.cv_precision is None or self.cv_recall is None:
            return frozenset(self.frames)
        return frozenset(
            f for f, p, r in zip(self.frames, self.cv_precision, self.cv_recall, strict=True)
            if p < TARGET_PRECISION or r < TARGET_RECALL
        )  # fmt: skip

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(frame) per article (rows) and frame (columns) from `article_features` rows."""
        z = (features - self.center) / self.scale
        return 1.0 / (1.0 + np.exp(-(z @ self.weight + self.bias)))


@cache
def load_article_frame_model(path: str | Path | None = None) -> ArticleFrameModel:
    """The shipped model (`data/models/article_frames.npz`), or one the training script saved."""
    source = model_file(path, ARTICLE_MODEL_FILE, "benchmarks/train_article_frames.py")
    with np.load(source) as stored:
        return ArticleFrameModel(
            tuple(str(f) for f in stored["frames"]), str(stored["pooling"]), stored["center"],
            stored["scale"], stored["weight"], stored["bias"], float(stored["threshold"]),
            stored["cv_precision"] if "cv_precision" in stored.files else None,
            stored["cv_recall"] if "cv_recall" in stored.files else None,
        )  # fmt: skip


def article_texts(article: Article) -> list[str]:
    """What the model reads of an article: its headline (when it has one), then its paragraphs."""
    return [t for t in (article.headline, *article.paragraphs) if t.strip()]


def article_features(articles: Sequence[Article], pooling: str = "mean+max") -> np.ndarray:
    """One row per article: the mean (and with "mean+max" the per-dimension maximum) of the
    embeddings of its `article_texts`."""
    if pooling not in POOLINGS:
        raise ValueError(f"pooling must be one of {POOLINGS}, not {pooling!r}")
    texts = [article_texts(a) for a in articles]
    vectors = text_embeddings([t for parts in texts for t in parts])
    rows, start = [], 0
    for parts in texts:
        own = vectors[start : start + len(parts)]
        start += len(parts)
        pooled = [own.mean(0)] + ([own.max(0)] if pooling == "mean+max" else [])
        rows.append(np.concatenate(pooled))
    width = vectors.shape[1] * (2 if pooling == "mean+max" else 1)
    return np.array(rows, dtype=np.float32).reshape(len(articles), width)


class ArticleFrameRow(NamedTuple):
    """A row of `article_frame_table`: one article and one frame."""

    article_id: str
    year: int
    frame: str  # one of the model's 14 frames (`frames.FRAMES` less "other")
    probability: float  # P(the article uses the frame), rounded to 4 places
    carries: bool  # probability >= the model's threshold (`ArticleFrameModel.threshold`)


def article_frame_table(corpus: Iterable[Article], model: ArticleFrameModel | None = None) -> pd.DataFrame:
    """Every article with, for each of the 14 frames, the model's probability that it uses the
    frame and whether it does (columns: `ArticleFrameRow`)."""
    articles = [a for a in corpus]
    model = model or load_article_frame_model()
    if not articles:
        return table([], ArticleFrameRow)
    probabilities = model.probabilities(article_features(articles, model.pooling))
    rows = [
        (a.id, a.year, frame, round(float(p), 4), bool(p >= model.threshold))
        for a, row in zip(articles, probabilities, strict=True)
        for frame, p in zip(model.frames, row, strict=True)
    ]
    return table(rows, ArticleFrameRow)


class ArticleModelValidityRow(NamedTuple):
    """A row of `article_model_validity_table`: how well the model reads one frame."""

    frame: str
    cv_precision: float  # nested, topic-grouped cross-validated on SemEval-2023's English dev split
    cv_recall: float
    below_target: bool  # precision < TARGET_PRECISION or recall < TARGET_RECALL: mark it where shown


def article_model_validity_table(model: ArticleFrameModel | None = None) -> pd.DataFrame:
    """Each frame's cross-validated precision and recall as stored with the model (NaN when the
    model file has none) and whether it is marked (columns: `ArticleModelValidityRow`)."""
    model = model or load_article_frame_model()
    unknown = np.full(len(model.frames), np.nan)
    precision = model.cv_precision if model.cv_precision is not None else unknown
    recall = model.cv_recall if model.cv_recall is not None else unknown
    rows = [
        (frame, round(float(p), 3), round(float(r), 3), frame in model.below_target)
        for frame, p, r in zip(model.frames, precision, recall, strict=True)
    ]
    return table(rows, ArticleModelValidityRow)
