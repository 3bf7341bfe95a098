"""Frames of a paragraph read by a classifier trained on the hand-coded passages.

The frame lexicon (`frames`) counts a frame's words; on news it was not written from, many of its
frames miss the validation target (README, "Frames on news nobody here wrote"). This module is the
second measure: per frame, a logistic regression over what a paragraph says and which frames the
lexicon finds in it. What it says is the mean of the hidden states of all-MiniLM-L6-v2 (not
fine-tuned; shipped as `data/models/text_encoder.npz`, run by `encoder.mean_embeddings`). The
regressions are trained by `benchmarks/train_frame_classifier.py` on the *development* passages
of `data/frame_validation` and shipped as `data/models/frame_classifier.npz` (weights, one
decision threshold per frame). It reads all 14 frames of the codebook (the residual "other"
aside). Where it could, a frame's threshold is the one whose cross-validated precision reached
that frame's `training_precision`, itself chosen by nested cross-validation so that the whole
choice held at least 0.8 on passages it had not seen (`nested_precision`); a frame no such
setting held for is read at its best cross-validated F1, with a NaN `training_precision` and its
own, lower, `nested_precision`. `classifier_validation_table` scores it on the test passages, as
`frames.frame_validation_table` scores the lexicon, and `classifier_frames_below_target` names the
frames it reads below the target there, for marking wherever they are shown.

Reading a paragraph takes a transformer pass: about 33 paragraphs of 40 words a second on two
cores (`benchmarks/eval_frames.py --measure classifier --live`), so this is for a study's
articles, not a whole archive. The coded passages' embeddings are stored beside them
(`data/frame_validation/embeddings.npz`, written by the training script with the model): a text
whose SHA-256 and encoder match a stored row is not read again, so scoring the validation set
takes a second, not minutes; any other text is embedded as usual.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.measures.frames import (
    FRAMES,
    below_target,
    frame_hit_table,
    frame_verdict_table,
    scored_validation_table,
)
from nzus_analysis.models.encoder import Encoder, WordPiece, mean_embeddings, read_encoder
from nzus_analysis.resources import data_path, model_file
from nzus_analysis.text.corpus import Article

CLASSIFIER_FILE = ("models", "frame_classifier.npz")
TEXT_ENCODER_FILE = ("models", "text_encoder.npz")
STORED_EMBEDDINGS_FILE = ("frame_validation", "embeddings.npz")


@cache
def load_text_encoder(path: str | Path | None = None) -> tuple[WordPiece, Encoder]:
    """all-MiniLM-L6-v2 as shipped for the classifier (`data/models/text_encoder.npz`, exported by
    ``benchmarks/train_stance_encoder.py --text-encoder``): its vocabulary and encoder."""
    source = model_file(path, TEXT_ENCODER_FILE, "benchmarks/train_stance_encoder.py --text-encoder")
    with np.load(source) as stored:
        arrays = {name: stored[name] for name in stored.files if not name.startswith("reference.")}
    return read_encoder(arrays)


@dataclass(frozen=True)
class FrameClassifier:
    """One logistic regression per classified frame over `passage_features`."""

    frames: tuple[str, ...]  # the frames it classifies, in column order
    weight: np.ndarray  # (features, frames)
    bias: np.ndarray  # (frames,)
    threshold: np.ndarray  # (frames,): a passage carries a frame at probability >= threshold
    # (frames,): the cross-validated precision its threshold had to reach; NaN where none held and
    # the frame is read at its best cross-validated F1
    training_precision: np.ndarray
    nested_precision: np.ndarray  # (frames,): that choice's nested cross-validated precision (NaN if unknown)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(frame) per row of `features` (rows) and classified frame (columns)."""
        return 1.0 / (1.0 + np.exp(-(features @ self.weight + self.bias)))


@cache
def load_frame_classifier(path: str | Path | None = None) -> FrameClassifier:
    """The shipped classifier (`data/models/frame_classifier.npz`), or one the script saved."""
    source = model_file(path, CLASSIFIER_FILE, "benchmarks/train_frame_classifier.py")
    with np.load(source) as stored:
        frames = tuple(str(f) for f in stored["frames"])
        unknown = np.full(len(frames), np.nan, dtype=np.float32)
        return FrameClassifier(
            frames,
            stored["weight"],
            stored["bias"],
            stored["threshold"],
            np.broadcast_to(stored["training_precision"], (len(frames),)).copy(),
            stored["nested_precision"] if "nested_precision" in stored.files else unknown,
        )


def lexicon_indicators(hits: pd.DataFrame, keys: Sequence[tuple[str, int]]) -> np.ndarray:
    """1 where the lexicon has a hit for a frame (column, `FRAMES` order) in a passage (row), the
    passages named by (article_id, paragraph) `keys`."""
    row_of = {key: i for i, key in enumerate(keys)}
    found = np.zeros((len(keys), len(FRAMES)), dtype=np.float32)
    for article_id, paragraph, frame in zip(hits.article_id, hits.paragraph, hits.frame, strict=True):
        row = row_of.get((article_id, int(paragraph)))
        if row is not None:
            found[row, FRAMES.index(frame)] = 1.0
    return found


def text_key(text: str) -> str:
    """The key a text's stored embedding is found by: its UTF-8 SHA-256, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _text_encoder_digest() -> str:
    return hashlib.sha256(data_path(*TEXT_ENCODER_FILE).read_bytes()).hexdigest()


def write_stored_embeddings(texts: Sequence[str], path: str | Path | None = None) -> Path:
    """Embed `texts` with the shipped text encoder and store them, keyed by `text_key`, with the
    encoder file's SHA-256 (default path: `STORED_EMBEDDINGS_FILE` under `data/`)."""
    target = Path(path) if path is not None else data_path(*STORED_EMBEDDINGS_FILE)
    unique = sorted(set(texts))
    vectors = mean_embeddings(*load_text_encoder(), unique)
    keys = np.array([text_key(t) for t in unique])
    np.savez_compressed(target, key=keys, embedding=vectors, encoder=np.array(_text_encoder_digest()))
    _stored_embeddings.cache_clear()
    return target


@cache
def _stored_embeddings() -> dict[str, np.ndarray]:
    """text_key -> stored embedding; empty when the file is absent or made by another encoder."""
    path = data_path(*STORED_EMBEDDINGS_FILE)
    if not path.is_file():
        return {}
    with np.load(path) as stored:
        if str(stored["encoder"]) != _text_encoder_digest():
            return {}
        return dict(zip(stored["key"].tolist(), stored["embedding"], strict=True))


def text_embeddings(texts: Sequence[str]) -> np.ndarray:
    """The unit-length mean embedding of each text (`encoder.mean_embeddings` with the shipped text
    encoder), taken from the stored ones where a text has one."""
    if not texts:
        return np.zeros((0, load_text_encoder()[1].weights["embeddings.word"].shape[1]), dtype=np.float32)
    stored = _stored_embeddings()
    found = [stored.get(text_key(t)) for t in texts]
    missing = [i for i, vector in enumerate(found) if vector is None]
    if missing:  # the encoder is loaded only when some text has no stored embedding
        computed = mean_embeddings(*load_text_encoder(), [texts[i] for i in missing])
        for i, vector in zip(missing, computed, strict=True):
            found[i] = vector
    return np.array(found, dtype=np.float32)


def passage_features(texts: Sequence[str]) -> np.ndarray:
    """The classifier's input for each text read as one passage: its unit-length mean embedding,
    then one 0/1 column per frame of `FRAMES` (the lexicon has a hit for it)."""
    return _features([Article(f"p{i}", 0, paragraphs=(text,)) for i, text in enumerate(texts)])[1]


def _features(articles: list[Article]) -> tuple[list[tuple[str, int]], np.ndarray]:
    """(article_id, paragraph) of every paragraph of `articles`, and its `passage_features` row."""
    keys = [(a.id, i) for a in articles for i in range(len(a.paragraphs))]
    if not keys:
        return keys, np.zeros((0, 0), dtype=np.float32)
    vectors = text_embeddings([p for a in articles for p in a.paragraphs])
    return keys, np.hstack([vectors, lexicon_indicators(frame_hit_table(articles), keys)])


class ParagraphFrameRow(NamedTuple):
    """A row of `paragraph_frame_table`: one paragraph and one frame the classifier reads."""

    article_id: str
    year: int
    paragraph: int
    frame: str  # one of `load_frame_classifier().frames`
    probability: float  # the classifier's P(frame), rounded to 4 places
    carries: bool  # probability >= the frame's threshold


def paragraph_frame_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """Every paragraph of every article with, for each frame the classifier reads, its
    probability and whether the paragraph carries the frame (columns: `ParagraphFrameRow`)."""
    articles = list(corpus)
    keys, features = _features(articles)
    if not keys:
        return table([], ParagraphFrameRow)
    classifier = load_frame_classifier()
    probabilities = classifier.probabilities(features)
    year_of = {a.id: a.year for a in articles}
    rows = [
        (article_id, year_of[article_id], paragraph, frame, round(float(p), 4), bool(p >= threshold))
        for (article_id, paragraph), row in zip(keys, probabilities, strict=True)
        for frame, p, threshold in zip(classifier.frames, row, classifier.threshold, strict=True)
    ]
    return table(rows, ParagraphFrameRow)


def classifier_validation_table(validation: pd.DataFrame) -> pd.DataFrame:
    """Per-frame precision and recall of the classifier on `frames.load_frame_validation()`
    passages, in `frames.frame_validation_table`'s columns, split by the classifier's own halves
    (`classifier_half`): "dev" rows are the passages it was trained on, "test" rows the ones it
    never saw (`frames.CLASSIFIER_TEST_BATCH`), the only fair figure."""
    validation = validation.assign(half=validation.classifier_half)
    classifier = load_frame_classifier()
    probabilities = classifier.probabilities(passage_features(list(validation.text)))
    carries = probabilities >= classifier.threshold
    predicted = {
        unit: {f for f, c in zip(classifier.frames, row, strict=True) if c}
        for unit, row in zip(validation.unit_id, carries, strict=True)
    }
    return scored_validation_table(validation, predicted)


def classifier_frames_below_target(folder: str | Path | None = None) -> frozenset[str] | None:
    """The frames the classifier misses the validation target for on its own test passages
    (`frames.below_target`: every verdict but "meets target", so also the frames it does not
    measure), for marking tables; None when the validation set is not there. Reads every coded
    passage once per process (about 25 s), then remembers the answer."""
    return _classifier_frames_below_target(str(folder) if folder is not None else None)


@cache
def _classifier_frames_below_target(folder: str | None) -> frozenset[str] | None:
    measured = load_frame_classifier().frames
    return below_target(
        lambda validation: frame_verdict_table(classifier_validation_table(validation), measured=measured),
        folder,
    )
