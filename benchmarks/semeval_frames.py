"""Article-level frames against SemEval-2023 Task 3 subtask 2 (English dev split, trained coders).

Used by ``benchmarks/eval_frames.py --corpus semeval`` (needs the ``train`` extra: scikit-learn).
The 290 dev articles are clustered by topic (TF-IDF, k-means, fixed seed) and scored under 5-fold
cross-validation with every cluster in one fold (`GroupKFold`), so near-duplicate stories never
sit on both sides. Each measure gives an article a score per frame; the score above which an
article is said to carry a frame (the aggregation rule) is chosen per frame on the training folds
(the threshold with the best F1 there) and applied to the held-out fold:

- lexicon: frame-lexicon hits per 1,000 counting terms (`frames.frame_hit_table`);
- classifier: the share of the article's paragraphs the frame classifier reads the frame in
  (`frame_classifier.paragraph_frame_table`; it measures six frames, the others score 0);
- baseline: TF-IDF (words and word pairs) + logistic regression per frame, fitted inside each
  training fold, scored by its probability;
- article model (`article_frames`): the mean (and maximum) of the paragraphs' embeddings and a
  balanced logistic regression per frame, its pooling and C chosen inside each training part by
  grouped cross-validation (nested), predicting at probability 0.5.

The official measure is micro-F1 over the 14 frames; macro-F1 and per-frame precision, recall and
support are printed beside it. The split's terms (research use; never commit its texts or labels)
are in its README.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from nzus_analysis.measures.article_frames import (
    POOLINGS,
    ArticleFrameModel,
    article_features,
    load_article_frame_model,
)
from nzus_analysis.measures.frame_classifier import paragraph_frame_table
from nzus_analysis.measures.frames import frame_hit_table
from nzus_analysis.measures.sizes import size_table
from nzus_analysis.text.corpus import Article

SEMEVAL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "semeval23" / "dev"
#: SemEval's frame names -> the package's (`frames.FRAMES`)
FRAME_OF = {
    "Economic": "economic", "Capacity_and_resources": "capacity", "Morality": "morality",
    "Fairness_and_equality": "fairness", "Legality_Constitutionality_and_jurisprudence": "legality",
    "Policy_prescription_and_evaluation": "policy", "Crime_and_punishment": "crime",
    "Security_and_defense": "security", "Health_and_safety": "health", "Quality_of_life": "quality_of_life",
    "Cultural_identity": "cultural_identity", "Public_opinion": "public_opinion", "Political": "political",
    "External_regulation_and_reputation": "external",
}  # fmt: skip
FRAMES = tuple(FRAME_OF.values())
N_FOLDS, N_TOPICS, SEED = 5, 12, 2023


def load_semeval(folder: Path = SEMEVAL) -> tuple[list[Article], np.ndarray]:
    """The dev articles (title, then one paragraph per line) and their gold (articles × frames, 0/1)."""
    labels = {}
    for line in (folder / "labels.tsv").read_text(encoding="utf-8").splitlines():
        article_id, _, frames = line.partition("\t")
        labels[article_id] = {FRAME_OF[f] for f in frames.split(",") if f}
    articles, gold = [], []
    for article_id, frames in sorted(labels.items()):
        lines = (folder / "articles" / f"article{article_id}.txt").read_text(encoding="utf-8").splitlines()
        paragraphs = tuple(line.strip() for line in lines[1:] if line.strip())
        articles.append(
            Article(article_id, 2020, paragraphs=paragraphs or (lines[0],), title=lines[0].strip())
        )
        gold.append([frame in frames for frame in FRAMES])
    return articles, np.array(gold, dtype=bool)


def topic_groups(articles: list[Article]) -> np.ndarray:
    """A topic cluster per article (TF-IDF of title and text, k-means with a fixed seed)."""
    tfidf = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.5).fit_transform(
        [f"{a.title}\n{a.text}" for a in articles]
    )
    return KMeans(N_TOPICS, n_init=10, random_state=SEED).fit_predict(tfidf)


def lexicon_scores(articles: list[Article]) -> np.ndarray:
    hits = frame_hit_table(articles)
    n_terms = size_table(articles).set_index("article_id").n_terms
    counts = hits.groupby(["article_id", "frame"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=[a.id for a in articles], columns=list(FRAMES), fill_value=0)
    return (counts.to_numpy() / np.maximum(n_terms.reindex(counts.index).to_numpy()[:, None], 1)) * 1000


def classifier_scores(articles: list[Article]) -> np.ndarray:
    read = paragraph_frame_table(articles)
    share = read.groupby(["article_id", "frame"]).carries.mean().unstack(fill_value=0.0)
    return share.reindex(index=[a.id for a in articles], columns=list(FRAMES), fill_value=0.0).to_numpy()


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    """The cut (predict when score >= cut > 0) with the best F1 on these articles: a frame is read
    only where the measure scores it above zero; never predicting when no cut finds a positive."""
    best, best_f1 = np.inf, 0.0
    for cut in np.unique(scores[scores > 0]):
        predicted = scores >= cut
        tp = int((predicted & gold).sum())
        f1 = 2 * tp / (predicted.sum() + gold.sum()) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = float(cut), f1
    return best


def cross_validated(scores: np.ndarray | None, gold: np.ndarray, groups: np.ndarray,
                    texts: list[str] | None = None) -> np.ndarray:  # fmt: skip
    """Predictions for every article from models (thresholds, or the TF-IDF baseline when
    `texts` is given) fitted on the other folds."""
    predicted = np.zeros_like(gold)
    for train, test in GroupKFold(N_FOLDS).split(gold, groups=groups):
        if texts is not None:
            vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
            x_train = vectorizer.fit_transform([texts[i] for i in train])
            x_test = vectorizer.transform([texts[i] for i in test])
            fold_scores = np.zeros((len(gold), gold.shape[1]))
            for j in range(gold.shape[1]):
                if gold[train, j].all() or not gold[train, j].any():
                    fold_scores[:, j] = float(gold[train, j].all())
                    continue
                model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
                model.fit(x_train, gold[train, j])
                fold_scores[train, j] = model.predict_proba(x_train)[:, 1]
                fold_scores[test, j] = model.predict_proba(x_test)[:, 1]
            for j in range(gold.shape[1]):
                predicted[test, j] = fold_scores[test, j] >= 0.5
            continue
        assert scores is not None
        for j in range(gold.shape[1]):
            cut = _best_threshold(scores[train, j], gold[train, j])
            predicted[test, j] = scores[test, j] >= cut
    return predicted


def score_table(predicted: np.ndarray, gold: np.ndarray) -> tuple[float, float, pd.DataFrame]:
    """(micro-F1, macro-F1, per-frame precision, recall, F1, support)."""
    tp = (predicted & gold).sum(0)
    fp = (predicted & ~gold).sum(0)
    fn = (~predicted & gold).sum(0)
    precision = np.divide(tp, tp + fp, out=np.zeros(len(tp)), where=(tp + fp) > 0)
    recall = np.divide(tp, tp + fn, out=np.zeros(len(tp)), where=(tp + fn) > 0)
    f1 = np.divide(
        2 * precision * recall, precision + recall, out=np.zeros(len(tp)), where=(precision + recall) > 0
    )
    micro = 2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum())
    per_frame = pd.DataFrame({"frame": FRAMES, "precision": precision, "recall": recall, "f1": f1,
                              "n_predicted": tp + fp, "support": gold.sum(0)})  # fmt: skip
    return float(micro), float(f1.mean()), per_frame.round(3)


def semeval_report() -> None:
    """Print the cross-validated figures of every measure (see the module docstring)."""
    articles, gold = load_semeval()
    groups = topic_groups(articles)
    sizes = np.bincount(groups)
    print(f"SemEval-2023 subtask 2, English dev: {len(articles)} articles, {gold.sum()} frame labels; "
          f"{N_TOPICS} topic clusters (sizes {sorted(sizes.tolist(), reverse=True)}), "
          f"{N_FOLDS} grouped folds")  # fmt: skip
    texts = [f"{a.title}\n{a.text}" for a in articles]
    measures = {
        "lexicon (hits per 1k terms, cut per frame)": lexicon_scores(articles),
        "classifier (share of paragraphs, cut per frame)": classifier_scores(articles),
        "baseline (TF-IDF + logistic regression)": None,
    }
    predictions = {name: cross_validated(scores, gold, groups, None if scores is not None else texts)
                   for name, scores in measures.items()}  # fmt: skip
    features = pooled_features(articles)
    predictions["article model (pooled embeddings + LR, setting chosen in nested CV)"] = article_model_nested(
        features, gold, groups
    )
    shipped = load_article_frame_model()
    print(f"shipped article model: pooling {shipped.pooling} (chosen on all 290 by grouped CV)")
    tables = {}
    for name, predicted in predictions.items():
        micro, macro, per_frame = score_table(predicted, gold)
        print(f"{name}: micro-F1 {micro:.3f}, macro-F1 {macro:.3f}")
        tables[name.split(" (")[0]] = per_frame.set_index("frame")
    joined = pd.concat(tables, axis=1)
    with pd.option_context("display.width", 220, "display.max_columns", 30):
        print(joined.to_string())


# ---- the article model (measures.article_frames): pooled embeddings + logistic regression ---------

C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1)


def pooled_features(articles: list[Article]) -> dict[str, np.ndarray]:
    """`article_features` for every pooling of `POOLINGS`, the paragraphs embedded once."""
    both = article_features(articles, "mean+max")
    assert POOLINGS == ("mean", "mean+max")
    return {"mean": both[:, : both.shape[1] // 2], "mean+max": both}


def fit_article_model(features: np.ndarray, gold: np.ndarray, c: float) -> tuple[np.ndarray, ...]:
    """(center, scale, weight, bias) of one balanced logistic regression per frame on standardised
    `features`; a frame no article in `gold` has gets a bias that never predicts it."""
    center, scale = features.mean(0), features.std(0) + 1e-6
    z = (features - center) / scale
    weight = np.zeros((features.shape[1], gold.shape[1]), dtype=np.float32)
    bias = np.full(gold.shape[1], -20.0, dtype=np.float32)
    for j in range(gold.shape[1]):
        if gold[:, j].any() and not gold[:, j].all():
            model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(z, gold[:, j])
            weight[:, j], bias[j] = model.coef_[0], model.intercept_[0]
    return center.astype(np.float32), scale.astype(np.float32), weight, bias


def _predict(fitted: tuple[np.ndarray, ...], features: np.ndarray) -> np.ndarray:
    """What the shipped model class (`ArticleFrameModel`) predicts with these weights."""
    model = ArticleFrameModel(FRAMES, "", *fitted)
    return model.probabilities(features) >= model.threshold


def choose_setting(
    features: dict[str, np.ndarray], gold: np.ndarray, groups: np.ndarray
) -> tuple[str, float, float]:
    """(pooling, C, micro-F1) with the best topic-grouped cross-validated micro-F1 on these articles."""
    best = ("", 0.0, -1.0)
    for pooling, x in features.items():
        for c in C_GRID:
            predicted = np.zeros_like(gold)
            for train, test in GroupKFold(N_FOLDS).split(x, groups=groups):
                predicted[test] = _predict(fit_article_model(x[train], gold[train], c), x[test])
            micro = score_table(predicted, gold)[0]
            if micro > best[2]:
                best = (pooling, c, micro)
    return best


def article_model_nested(features: dict[str, np.ndarray], gold: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Predictions of the article model where each outer fold's setting (pooling, C) is chosen by
    grouped cross-validation inside its training part: the estimate the choice cannot flatter."""
    predicted = np.zeros_like(gold)
    for train, test in GroupKFold(N_FOLDS).split(gold, groups=groups):
        inner = {name: x[train] for name, x in features.items()}
        pooling, c, _ = choose_setting(inner, gold[train], groups[train])
        x = features[pooling]
        predicted[test] = _predict(fit_article_model(x[train], gold[train], c), x[test])
    return predicted
