"""Score the frame lexicon (or the frame classifier) against the hand-coded passages
(data/frame_validation): BBC politics and business passages (u001-u927), PolNeAR train
paragraphs (u928-u1727) and PolNeAR dev paragraphs (u1728-u1978).

    python benchmarks/eval_frames.py [--half test|dev|all] [--source all|bbc|polnear]
                                     [--measure lexicon|classifier]
    python benchmarks/eval_frames.py --corpus semeval [--partitions 5]    # article level (see below)

A passage is predicted to carry a frame when the lexicon (data/lexicons/frames.csv) has at least
one hit for it there, or, with `--measure classifier`, when `frame_classifier` says it carries it
(that classifier was trained on the development passages, so only its test figure is fair).
`--live` embeds every passage again rather than using the stored embeddings, to time the
classifier's reading. For the test passages, prints per-frame precision with its 95 % Wilson
interval, recall and the verdict of `frames.frame_verdict_table` (target: precision >= 0.75
for every frame with at least 20 coded passages in the whole set); for the others, precision
and recall. Lexicon
changes are tried on the development passages only (odd units up to u319, u321-u720, odd
PolNeAR units up to u1247); the test passages (even units up to u320, u721-u927, even PolNeAR
units up to u1247, the PolNeAR batch u1248-u1727 and the classifier's test batch u1728-u1978)
are the figure to report (`frames._half`).

`--corpus semeval` scores the article-level reading of both measures and a TF-IDF + logistic
regression baseline on SemEval-2023 Task 3's English dev split (290 articles coded by trained
annotators), cross-validated over topic-grouped folds (`semeval_frames.py`; needs the ``train``
extra, scikit-learn). It also prints how well each frame's scores rank the articles (average
precision, and the best precision any cut reaches with recall above the target); with
`--partitions N` the article model's and the baseline's figures on N topic partitions (k-means
seeds), so that one partition's luck is not read as the model's quality.
"""

from __future__ import annotations

import argparse
import sys
import time

import pandas as pd

from nzus_analysis.measures import frame_classifier
from nzus_analysis.measures.frame_classifier import classifier_validation_table, load_frame_classifier
from nzus_analysis.measures.frames import (
    MIN_CODED,
    TARGET_PRECISION,
    frame_validation_table,
    frame_verdict_table,
    load_frame_validation,
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default="coded", choices=["coded", "semeval"])
    parser.add_argument("--half", default="test", choices=["test", "dev", "all"])
    parser.add_argument("--source", default="all", choices=["all", "bbc", "polnear", "polnear-dev"])
    parser.add_argument("--measure", default="lexicon", choices=["lexicon", "classifier"])
    parser.add_argument(
        "--partitions", type=int, default=1, choices=range(1, 6), metavar="1-5",
        help="semeval: also score the article model on this many topic partitions (about 1 min each)",
    )  # fmt: skip
    parser.add_argument(
        "--live", action="store_true",
        help="classifier: embed every passage again, not the stored embeddings (times the encoder)",
    )  # fmt: skip
    args = parser.parse_args()
    if args.corpus == "semeval":
        from semeval_frames import semeval_report  # scikit-learn: the train extra

        semeval_report(args.partitions)
        return 0
    half = args.half
    validation = load_frame_validation()
    if args.source != "all":
        validation = validation[validation.source == args.source]
    if args.measure == "classifier":
        if args.live:
            frame_classifier._stored_embeddings = dict  # nothing stored: every passage is read
        began = time.perf_counter()
        table = classifier_validation_table(validation)
        seconds = time.perf_counter() - began
        n, words = len(validation), int(validation.text.str.split().str.len().mean())
        stored = "embedding every one" if args.live else "stored embeddings where they match"
        print(f"classifier read {n} passages ({words} words on average; {stored}) in {seconds:.1f} s "
              f"({n / seconds:.0f}/s, with loading)")  # fmt: skip
        measured: tuple[str, ...] | None = load_frame_classifier().frames
    else:
        table, measured = frame_validation_table(validation), None
    n_units = int((validation.half == half).sum()) if half != "all" else len(validation)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        if half == "test":
            print(f"frame {args.measure} on {n_units} coded test passages ({args.source}); target: "
                  f"precision >= {TARGET_PRECISION} for frames coded >= {MIN_CODED} times")  # fmt: skip
            print(frame_verdict_table(table, measured=measured).set_index("frame"))
        else:
            print(f"frame {args.measure} on {n_units} coded passages ({half} half)")
            rows = table[table.half == half].set_index("frame")
            print(rows[["n_coded", "n_predicted", "n_both", "precision", "recall"]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
