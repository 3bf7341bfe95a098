"""Throughput of sentence splitting, tokenizing and term building on the BBC News corpus.

Run: .venv/bin/python benchmarks/bench_tokenize.py [--repeat 5]
Needs ../shared/corpora/bbc/bbc_news.csv beside the checkout (not part of the repo).
Prints the median of the repeats in MB/s and articles/s per stage.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pandas as pd

from nzus_analysis import split_sentences, terms, tokenize

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_news.csv"


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = pd.read_csv(BBC).text.tolist()
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    stages = {
        "split_sentences": lambda: [split_sentences(t) for t in texts],
        "tokenize": lambda: [tokenize(t) for t in texts],
        "tokenize+terms": lambda: [terms(tokenize(t)) for t in texts],
    }
    n_sentences = sum(len(split_sentences(t)) for t in texts)
    print(f"BBC corpus: {len(texts)} articles, {megabytes:.2f} MB, {n_sentences} sentences")
    print(f"{'stage':<18}{'seconds':>9}{'MB/s':>8}{'articles/s':>12}")
    for name, stage in stages.items():
        seconds = timed(stage, args.repeat)
        print(f"{name:<18}{seconds:>9.2f}{megabytes / seconds:>8.2f}{len(texts) / seconds:>12.0f}")


if __name__ == "__main__":
    main()
