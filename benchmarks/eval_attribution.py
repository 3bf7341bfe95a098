"""Score quote attribution on PolNeAR (../shared/corpora/polnear) with the Gender Gap Tracker's protocol.

Prints precision, recall and F1 at each coverage threshold θ, speaker accuracy, direct-quote
recall, and the gold speech attributions missed at the first θ, grouped by the rule that should
have caught them. Develop on `train`, check on `dev`; the test split is held out and is not here.

    .venv/bin/python benchmarks/eval_attribution.py [--split dev] [--theta 0.3 0.8]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from nzus_analysis.quotes import quote_table
from nzus_analysis.quotes.evaluation import attribution_evaluation, attribution_rule_table, polnear_documents

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--theta", type=float, nargs="+", default=[0.3, 0.8])
    args = parser.parse_args()
    documents = polnear_documents(POLNEAR / args.split)
    start = time.perf_counter()
    predicted = quote_table([article for article, _ in documents])
    scores, misses = attribution_evaluation(documents, args.theta, predicted)
    seconds = time.perf_counter() - start
    statements, _ = attribution_evaluation(documents, args.theta, predicted, unit="statement")
    with pd.option_context("display.width", 200, "display.max_colwidth", 110):
        print(f"PolNeAR {args.split}: {len(documents)} articles ({seconds:.1f} s)")
        print("passages (a speaker's consecutive statements in a paragraph, PolNeAR's content unit):")
        print(scores.to_string(index=False))
        print("\neach statement on its own (the unit of the seeds' gold):")
        print(statements.to_string(index=False))
        print("\npassages found by each rule (a passage counts under each rule that found part of it):")
        print(attribution_rule_table(documents, predicted, args.theta[0]).to_string(index=False))
        print(
            f"\nmissed gold speech attributions at θ = {args.theta[0]}, by the rule that should catch them:"
        )
        print(misses.to_string(index=False))


if __name__ == "__main__":
    main()
