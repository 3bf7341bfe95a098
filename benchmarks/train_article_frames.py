"""Train the article frame model shipped as data/models/article_frames.npz (needs the `train` extra).

    pip install -e ".[train]"
    python benchmarks/train_article_frames.py [--out data/models/article_frames.npz]

Data: SemEval-2023 Task 3 subtask 2, English dev split (../shared/corpora/semeval23/dev: 290 online
news articles, 2019-2022, each coded by trained annotators for the 14 frames it uses; research use,
its texts and labels are never committed). Its held-out articles are not read here.

Also the project's coded passages (data/frame_validation, the 1,727 BBC and PolNeAR passages the
paragraph classifier may be trained on; coded by this project, data/frame_validation/coding_guide.md),
each read as a one-paragraph article at a small weight.

Features (`article_frames.article_features`): each article's headline and paragraphs embedded by
all-MiniLM-L6-v2 as shipped (data/models/text_encoder.npz), pooled by their mean. Model: one
logistic regression per frame on the features standardised as the articles' (scikit-learn,
lbfgs). C, the passages' weight and the probability at which an article carries a frame are the
setting with the best micro-F1 under 5-fold cross-validation with whole topic clusters in one
fold (`semeval_frames.choose_setting`); then the model is refitted on all 290 articles and the
passages. The same choice made inside each fold (nested) gives each frame's cross-validated
precision and recall, stored with the model for marking frames it reads poorly
(`article_frames.ArticleFrameModel.below_target`) and printed, with micro-F1, by
`eval_frames.py --corpus semeval`. Deterministic.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from semeval_frames import (
    FRAMES,
    article_model_nested,
    choose_setting,
    coded_passages,
    fit_article_model,
    load_semeval,
    pooled_features,
    score_table,
    topic_groups,
)

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "models" / "article_frames.npz")
    args = parser.parse_args()
    articles, gold = load_semeval()
    groups = topic_groups(articles)
    features = pooled_features(articles)
    passages = {pooling: coded_passages(pooling) for pooling in features}
    setting, micro = choose_setting(features, gold, groups, passages)
    print(f"chosen: {setting} (grouped cross-validated micro-F1 {micro:.3f})")
    center, scale, weight, bias = fit_article_model(
        features[setting.pooling], gold, setting.c, passages[setting.pooling], setting.passage_weight
    )
    predicted, _ = article_model_nested(features, gold, groups, passages)
    nested_micro, _, nested = score_table(predicted, gold)  # what a user can expect
    print(f"nested cross-validated micro-F1 {nested_micro:.3f}")
    np.savez_compressed(
        args.out, frames=np.array(FRAMES), pooling=np.array(setting.pooling), center=center, scale=scale,
        weight=weight, bias=bias, threshold=np.array(setting.threshold), c=np.array(setting.c),
        passage_weight=np.array(setting.passage_weight),
        cv_precision=nested.precision.to_numpy(np.float32), cv_recall=nested.recall.to_numpy(np.float32),
    )  # fmt: skip
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
