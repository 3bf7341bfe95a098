"""Train the stance model shipped as data/models/stance_lr.npz (needs the `train` extra).

    pip install -e ".[train]"
    python benchmarks/train_stance.py [--cv] [--out data/models/stance_lr.npz]

Data: NewsMTSC's train split (../shared/corpora/newsmtsc/train.jsonl; Hamborg & Donnay 2021,
MIT licence): 8,739 target mentions in political news sentences, each coded negative, neutral
or positive toward that target. Model: multinomial logistic regression (scikit-learn, lbfgs,
balanced class weights) over `stance.stance_features` hashed by `stance.feature_indices`.
`--cv` prints 5-fold cross-validated macro-F1 on train for each C (folds grouped by sentence);
C = 0.05 was chosen that way. devtest_mt is never read here (`benchmarks/eval_stance.py` scores
it). Training is deterministic: the same data give the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from eval_stance import CORPUS, load_targets, macro_f1
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from nzus_analysis.measures.stance import FEATURE_DIM, LABELS, feature_indices, stance_features

ROOT = Path(__file__).resolve().parents[1]
C = 0.05


def design_matrix(targets: pd.DataFrame) -> csr_matrix:
    """One row per mention, feature counts in hashed columns."""
    rows, columns = [], []
    for i, (text, start, end) in enumerate(zip(targets.text, targets.start, targets.end, strict=True)):
        indices = feature_indices(stance_features(text, start, end))
        rows += [i] * len(indices)
        columns += indices
    values = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((values, (rows, columns)), shape=(len(targets), FEATURE_DIM))


def fit(x: csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cv", action="store_true", help="cross-validate C on train first")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "models" / "stance_lr.npz")
    args = parser.parse_args()
    path = CORPUS / "train.jsonl"
    if not path.is_file():
        print(f"{path}: not found (the shared NewsMTSC corpus is needed)", file=sys.stderr)
        return 2
    train = load_targets(path)
    x, y = design_matrix(train), train.gold.to_numpy()
    if args.cv:
        groups = pd.factorize(train.text)[0]
        for c in (0.02, 0.05, 0.1, 0.3):
            scores = []
            for fold_train, fold_test in GroupKFold(5).split(x, y, groups):
                predicted = fit(x[fold_train], y[fold_train], c).predict(x[fold_test])
                scores.append(macro_f1(pd.Series(y[fold_test]), pd.Series(predicted))[0])
            print(f"C {c}: cross-validated macro-F1 on train {np.mean(scores):.3f}")
    model = fit(x, y, C)
    order = [list(model.classes_).index(label) for label in LABELS]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out, labels=np.array(LABELS), weights=model.coef_[order].astype(np.float32),
        bias=model.intercept_[order], feature_dim=np.array(FEATURE_DIM),
    )  # fmt: skip
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) from {len(train)} training mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
