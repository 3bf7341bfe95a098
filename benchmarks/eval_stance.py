"""Score the stance models and the lexicon rule on NewsMTSC (sentiment toward people in news).

    python benchmarks/eval_stance.py [--split devtest_mt|train]

For `stance.target_stance`'s models (the fine-tuned encoder in integer arithmetic, the default;
the same encoder in float32, the exact port; the linear model) and `stance.lexicon_stance` (the
rule they replace): accuracy, macro-F1 over negative/neutral/positive, per-class F1, speed and
the confusion matrix. The models were trained on train, so their train figures are not a test.
Reads ../shared/corpora/newsmtsc/<split>.jsonl (see its README); the package itself never does.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

from nzus_analysis.measures import stance
from nzus_analysis.measures.stance import LABELS, lexicon_stance, stance_scores

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "newsmtsc"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def load_targets(path: Path) -> pd.DataFrame:
    """One row per target mention: text, start, end, gold label."""
    rows = []
    with path.open(encoding="utf-8") as stream:
        for line_number, line in enumerate(stream, 1):
            record = json.loads(line)
            for target in record["targets"]:
                if target["polarity"] not in POLARITY:
                    raise ValueError(f"{path}: line {line_number}: polarity {target['polarity']!r}")
                text = record["sentence_normalized"]
                rows.append((text, target["from"], target["to"], POLARITY[target["polarity"]]))
    return pd.DataFrame(rows, columns=["text", "start", "end", "gold"])


def macro_f1(gold: pd.Series, predicted: pd.Series) -> tuple[float, dict[str, float]]:
    scores = {}
    for label in LABELS:
        tp = ((gold == label) & (predicted == label)).sum()
        precision = tp / max((predicted == label).sum(), 1)
        recall = tp / max((gold == label).sum(), 1)
        scores[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return sum(scores.values()) / len(scores), scores


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="devtest_mt", choices=["devtest_mt", "train"])
    split = parser.parse_args().split
    path = CORPUS / f"{split}.jsonl"
    if not path.is_file():
        print(f"{path}: not found (the shared NewsMTSC corpus is needed)", file=sys.stderr)
        return 2
    targets = load_targets(path)
    spans = list(zip(targets.text, targets.start, targets.end, strict=True))
    print(f"NewsMTSC {split}: {len(targets)} target mentions")
    scorers = {
        "encoder (target_stance, the default)": lambda: [
            label for label, _ in stance_scores(spans, "encoder")
        ],
        "encoder in float32 (model='encoder-float32')": lambda: [
            label for label, _ in stance_scores(spans, "encoder-float32")
        ],
        "linear model (target_stance model='linear')": lambda: [
            label for label, _ in stance_scores(spans, "linear")
        ],
        "lexicon rule": lambda: [lexicon_stance(text, start, end)[0] for text, start, end in spans],
    }
    for name, score in scorers.items():
        stance._linear_stance.cache_clear()  # time the work, not the cache of repeated passages
        stance._lexicon_stance.cache_clear()
        began = time.perf_counter()
        predicted = pd.Series(score())
        seconds = time.perf_counter() - began
        macro, per_class = macro_f1(targets.gold, predicted)
        print(f"\n{name}: accuracy {(targets.gold == predicted).mean():.3f}   macro-F1 {macro:.3f}")
        print("F1 per class: " + ", ".join(f"{k} {v:.3f}" for k, v in per_class.items()))
        print(f"{len(targets) / seconds:,.0f} mentions/s")
        print(pd.crosstab(targets.gold.rename("gold"), predicted.rename("predicted")).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
