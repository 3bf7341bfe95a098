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
- article model (`article_frames`): the mean of the paragraphs' embeddings and a logistic
  regression per frame, fitted on the training folds' articles and, at a small weight each, on the
  project's coded passages (`data/frame_validation`, the paragraph classifier's development
  passages); C, the passages' weight and the probability at which an article carries a frame are
  chosen inside each training part by grouped cross-validation (nested).

The official measure is micro-F1 over the 14 frames; macro-F1 and per-frame precision, recall and
support are printed beside it. The split's terms (research use; never commit its texts or labels)
are in its README.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve
from sklearn.model_selection import GroupKFold

from nzus_analysis.measures.article_frames import (
    TARGET_RECALL,
    ArticleFrameModel,
    article_features,
    load_article_frame_model,
)
from nzus_analysis.measures.frame_classifier import paragraph_frame_table, text_embeddings
from nzus_analysis.measures.frames import frame_hit_table, load_frame_validation
from nzus_analysis.measures.sizes import size_table
from nzus_analysis.text.corpus import Article

SEMEVAL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "semeval23" / "dev"
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "data" / "models" / "article_frames.npz"
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
#: k-means seeds of the further topic partitions `--partitions` scores the article model on: how
#: much of a figure is the one partition's luck (the first is the reference partition, `SEED`)
PARTITION_SEEDS = (SEED, 1, 7, 11, 42)


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


def full_texts(articles: list[Article]) -> list[str]:
    """Each article's title and text, as the topic clustering and the TF-IDF baseline read it."""
    return [f"{a.title}\n{a.text}" for a in articles]


def topic_groups(articles: list[Article], seed: int = SEED) -> np.ndarray:
    """A topic cluster per article (TF-IDF of title and text, k-means with a fixed `seed`)."""
    tfidf = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.5).fit_transform(full_texts(articles))
    return KMeans(N_TOPICS, n_init=10, random_state=seed).fit_predict(tfidf)


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


def baseline_scores(texts: list[str], gold: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each article's probability per frame from a TF-IDF (words and word pairs) + logistic
    regression baseline fitted on the other folds (a frame no training article has, or every
    one has, scores 0 or 1)."""
    scores = np.zeros(gold.shape)
    for train, test in GroupKFold(N_FOLDS).split(gold, groups=groups):
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x_train = vectorizer.fit_transform([texts[i] for i in train])
        x_test = vectorizer.transform([texts[i] for i in test])
        for j in range(gold.shape[1]):
            if gold[train, j].all() or not gold[train, j].any():
                scores[test, j] = float(gold[train, j].all())
                continue
            model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
            scores[test, j] = model.fit(x_train, gold[train, j]).predict_proba(x_test)[:, 1]
    return scores


def cross_validated(scores: np.ndarray, gold: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Predictions for every article from `scores`, each frame's cut (`_best_threshold`) chosen
    on the other folds."""
    predicted = np.zeros_like(gold)
    for train, test in GroupKFold(N_FOLDS).split(gold, groups=groups):
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


def semeval_report(partitions: int = 1) -> None:
    """Print the cross-validated figures of every measure (see the module docstring); with
    `partitions` > 1 also the article model's and the baseline's on that many topic partitions
    (`PARTITION_SEEDS`; about a minute each)."""
    articles, gold = load_semeval()
    groups = topic_groups(articles)
    sizes = np.bincount(groups)
    print(f"SemEval-2023 subtask 2, English dev: {len(articles)} articles, {gold.sum()} frame labels; "
          f"{N_TOPICS} topic clusters (sizes {sorted(sizes.tolist(), reverse=True)}), "
          f"{N_FOLDS} grouped folds")  # fmt: skip
    baseline = baseline_scores(full_texts(articles), gold, groups)
    lexicon, classifier = lexicon_scores(articles), classifier_scores(articles)
    predictions = {
        "lexicon (hits per 1k terms, cut per frame)": cross_validated(lexicon, gold, groups),
        "classifier (share of paragraphs, cut per frame)": cross_validated(classifier, gold, groups),
        "baseline (TF-IDF + logistic regression)": baseline >= 0.5,
    }
    features = pooled_features(articles)
    passages = {pooling: coded_passages(pooling) for pooling in features}
    predicted, chosen = article_model_nested(features, gold, groups, passages)
    predictions["article model (pooled embeddings + LR, setting chosen in nested CV)"] = predicted
    print("article model, setting chosen in each outer fold: " + "; ".join(
        f"C {s.c}, passage weight {s.passage_weight}, threshold {s.threshold}" for s in chosen
    ))  # fmt: skip
    shipped = load_article_frame_model()
    with np.load(SHIPPED_MODEL) as stored:
        setting = Setting(shipped.pooling, float(stored["c"]), float(stored["passage_weight"]),
                          shipped.threshold)  # fmt: skip
    print(f"shipped article model: {setting} (chosen on all 290 by grouped CV)")
    tables = {}
    for name, predicted in predictions.items():
        micro, macro, per_frame = score_table(predicted, gold)
        print(f"{name}: micro-F1 {micro:.3f}, macro-F1 {macro:.3f}")
        tables[name.split(" (")[0]] = per_frame.set_index("frame")
    joined = pd.concat(tables, axis=1)
    x, coded = features[setting.pooling], passages[setting.pooling]
    article = article_model_scores(x, gold, groups, coded, setting.c, setting.passage_weight)
    ceiling = ceiling_table(
        {"article model": article, "baseline": baseline, "lexicon": lexicon, "classifier": classifier}, gold
    )
    with pd.option_context("display.width", 220, "display.max_columns", 30):
        print(joined.to_string())
        print(f"\nHow well each measure's scores rank the articles (the article model: the shipped setting, "
              "fitted on the other folds; the lexicon and classifier need no fitting): "
              f"average precision, and the best precision with recall > {TARGET_RECALL} at a cut "
              "chosen by looking at the gold (an upper bound)")  # fmt: skip
        print(ceiling.to_string())
    if partitions > 1:
        seeds = PARTITION_SEEDS[:partitions]
        spread = partition_table(articles, gold, features, passages, seeds)
        print(f"\nOn {len(seeds)} topic partitions (k-means seeds {', '.join(map(str, seeds))}; "
              "the first is the one above), nested as above:")  # fmt: skip
        print(spread.to_string(index=False))
        for column in ("article_micro", "baseline_micro"):
            print(f"{column}: mean {spread[column].mean():.3f}, "
                  f"range {spread[column].min():.3f}-{spread[column].max():.3f}")  # fmt: skip


# ---- the article model (measures.article_frames): pooled embeddings + logistic regression ---------

POOLING = "mean"  # the grid's pooling: "mean+max" scored no better and doubles the fitting time
C_GRID = (0.003, 0.01, 0.03)
PASSAGE_WEIGHTS = (0.0, 0.05, 0.1)
THRESHOLDS = tuple(round(0.15 + 0.05 * i, 2) for i in range(12))  # 0.15 … 0.70


class Setting(NamedTuple):
    """What topic-grouped cross-validation chooses for the article model."""

    pooling: str  # one of `article_frames.POOLINGS`
    c: float  # inverse regularisation strength of each frame's logistic regression
    passage_weight: float  # each coded passage's weight in the fit, an article's being 1
    threshold: float  # the probability at which an article carries a frame


def pooled_features(articles: list[Article]) -> dict[str, np.ndarray]:
    """`article_features` with the grid's pooling, keyed by it."""
    return {POOLING: article_features(articles, POOLING)}


def coded_passages(pooling: str = POOLING) -> tuple[np.ndarray, np.ndarray]:
    """The project's coded passages the paragraph classifier may be trained on
    (`data/frame_validation`, classifier_half "dev": 1,727 BBC and PolNeAR passages) as rows of the
    article model, each pooled as a one-paragraph article, and their frames (passages × `FRAMES`)."""
    validation = load_frame_validation()
    validation = validation[validation.classifier_half == "dev"]
    vectors = text_embeddings(list(validation.text))
    rows = np.hstack([vectors, vectors]) if pooling == "mean+max" else vectors
    return rows, np.array([[frame in frames for frame in FRAMES] for frames in validation.frames])


def fit_article_model(
    features: np.ndarray,
    gold: np.ndarray,
    c: float,
    passages: tuple[np.ndarray, np.ndarray] | None = None,
    passage_weight: float = 0.0,
) -> tuple[np.ndarray, ...]:
    """(center, scale, weight, bias) of one logistic regression per frame on the articles'
    standardised `features` and, at `passage_weight` each, the coded `passages`; a frame no row
    has gets a bias that never predicts it. The standardisation is the articles'."""
    center, scale = features.mean(0), features.std(0) + 1e-6
    x, y, sample_weight = features, gold, None
    if passages is not None and passage_weight > 0:
        x, y = np.vstack([features, passages[0]]), np.vstack([gold, passages[1]])
        sample_weight = np.r_[np.ones(len(features)), np.full(len(passages[0]), passage_weight)]
    z = (x - center) / scale

    def fit(j: int) -> tuple[np.ndarray, float]:
        if not y[:, j].any() or y[:, j].all():
            return np.zeros(x.shape[1]), -20.0
        model = LogisticRegression(C=c, max_iter=3000).fit(z, y[:, j], sample_weight=sample_weight)
        return model.coef_[0], float(model.intercept_[0])

    fitted = Parallel(n_jobs=2)(delayed(fit)(j) for j in range(gold.shape[1]))
    weight = np.array([w for w, _ in fitted], dtype=np.float32).T
    bias = np.array([b for _, b in fitted], dtype=np.float32)
    return center.astype(np.float32), scale.astype(np.float32), weight, bias


def _probabilities(fitted: tuple[np.ndarray, ...], features: np.ndarray) -> np.ndarray:
    """What the shipped model class (`ArticleFrameModel`) reads with these weights."""
    return ArticleFrameModel(FRAMES, "", *fitted).probabilities(features)


def choose_setting(
    features: dict[str, np.ndarray],
    gold: np.ndarray,
    groups: np.ndarray,
    passages: dict[str, tuple[np.ndarray, np.ndarray]],
) -> tuple[Setting, float]:
    """The `Setting` with the best topic-grouped cross-validated micro-F1 on these articles, and
    that micro-F1: every pooling of `features`, C, passage weight and threshold of the grids."""
    best, best_micro = Setting("", 0.0, 0.0, 0.5), -1.0
    for pooling, x in features.items():
        for c in C_GRID:
            for passage_weight in PASSAGE_WEIGHTS:
                scores = article_model_scores(x, gold, groups, passages[pooling], c, passage_weight)
                for threshold in THRESHOLDS:
                    micro = score_table(scores >= threshold, gold)[0]
                    if micro > best_micro:
                        best, best_micro = Setting(pooling, c, passage_weight, threshold), micro
    return best, best_micro


def article_model_nested(
    features: dict[str, np.ndarray],
    gold: np.ndarray,
    groups: np.ndarray,
    passages: dict[str, tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, list[Setting]]:
    """Predictions of the article model where each outer fold's `Setting` is chosen by grouped
    cross-validation inside its training part (the estimate the choice cannot flatter), and the
    setting each fold chose."""
    predicted, chosen = np.zeros_like(gold), []
    for train, test in GroupKFold(N_FOLDS).split(gold, groups=groups):
        inner = {name: x[train] for name, x in features.items()}
        setting, _ = choose_setting(inner, gold[train], groups[train], passages)
        x = features[setting.pooling]
        fitted = fit_article_model(
            x[train], gold[train], setting.c, passages[setting.pooling], setting.passage_weight
        )
        predicted[test] = _probabilities(fitted, x[test]) >= setting.threshold
        chosen.append(setting)
    return predicted, chosen


def article_model_scores(
    x: np.ndarray,
    gold: np.ndarray,
    groups: np.ndarray,
    passages: tuple[np.ndarray, np.ndarray],
    c: float,
    passage_weight: float,
) -> np.ndarray:
    """Each article's probability per frame from the article model (`fit_article_model` with `c`
    and `passage_weight`) fitted on the other folds."""
    scores = np.zeros(gold.shape)
    for train, test in GroupKFold(N_FOLDS).split(x, groups=groups):
        fitted = fit_article_model(x[train], gold[train], c, passages, passage_weight)
        scores[test] = _probabilities(fitted, x[test])
    return scores


def ceiling_table(scores: dict[str, np.ndarray], gold: np.ndarray) -> pd.DataFrame:
    """Per frame and measure, how well its cross-validated `scores` rank the articles: average
    precision, and the best precision of any cut with recall above `TARGET_RECALL`, the cut
    chosen by looking at the gold (an upper bound: no rule that must choose it beforehand does
    better)."""
    rows = []
    for name, score in scores.items():
        for j, frame in enumerate(FRAMES):
            precision, recall, _ = precision_recall_curve(gold[:, j], score[:, j])
            rows.append((frame, name, round(float(average_precision_score(gold[:, j], score[:, j])), 3),
                         round(float(precision[recall > TARGET_RECALL].max()), 3)))  # fmt: skip
    ceiling = pd.DataFrame(rows, columns=["frame", "measure", "average_precision", "best_precision"])
    ceiling = ceiling.pivot(index="frame", columns="measure").reindex(FRAMES)
    ceiling.insert(0, "support", gold.sum(0))
    return ceiling


def partition_table(
    articles: list[Article],
    gold: np.ndarray,
    features: dict[str, np.ndarray],
    passages: dict[str, tuple[np.ndarray, np.ndarray]],
    seeds: tuple[int, ...],
) -> pd.DataFrame:
    """The article model's nested micro- and macro-F1, and the TF-IDF baseline's micro-F1, on
    the topic partitions k-means draws with each of `seeds` (columns: seed, article_micro,
    article_macro, baseline_micro)."""
    texts = full_texts(articles)
    rows = []
    for seed in seeds:
        groups = topic_groups(articles, seed)
        micro, macro, _ = score_table(article_model_nested(features, gold, groups, passages)[0], gold)
        baseline = score_table(baseline_scores(texts, gold, groups) >= 0.5, gold)[0]
        rows.append((seed, round(micro, 3), round(macro, 3), round(baseline, 3)))
    return pd.DataFrame(rows, columns=["seed", "article_micro", "article_macro", "baseline_micro"])
