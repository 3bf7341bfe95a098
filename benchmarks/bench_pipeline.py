"""Speed of each stage, and of the whole pipeline, on the BBC News corpus (2,225 articles).

Run:  .venv/bin/python benchmarks/bench_pipeline.py [--repeat 5] [--workers 2] [--only quotes stance]
Needs ../shared/corpora/bbc/bbc_news.csv beside the checkout (it is not part of the repo).

Prints, per stage, the median wall time of the repeats, articles/s and MB/s (of article text).
Each stage is one public function called on the whole corpus; "all" is `pipeline.analyse`.
Every stage runs in its own process forked after the corpus is loaded, so no stage inherits
the caches or the heap left by another.
Then the naive baseline: TextBlob(s).sentiment and VADER on every sentence from a one-line
regex splitter, and, like for like, our exact scorers (`engines`) on the same sentences.
Last, end to end as a user runs it: a new interpreter that imports the package, loads the CSV
and runs `analyse`. Peak memory is the largest resident set of this process and of its workers.

    .venv/bin/python benchmarks/bench_pipeline.py --alternate 4 [--workers 2]

times the standing bar instead: `analyse(workers=2)` and the naive loop, each once per round in
a fresh process, alternately, so that both see the same windows of a shared machine; prints each
round and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nzus_analysis._gc import collector_paused
from nzus_analysis.measures.engines import pattern_sentiment, vader_compound
from nzus_analysis.measures.frames import frame_hit_table
from nzus_analysis.measures.sentiment import score_table
from nzus_analysis.measures.stance import stance_table
from nzus_analysis.quotes import quote_table
from nzus_analysis.scale.bulk import load_table
from nzus_analysis.scale.pipeline import analyse
from nzus_analysis.text.terms import term_table
from nzus_analysis.text.tokens import split_sentences, token_table

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_news.csv"
NAIVE_SPLIT = re.compile(r"(?<=[.!?])\s+")


def load():
    return load_table(BBC, year_column=None, year=2005, metadata_columns={"section": "category"}).articles


def baseline(texts: list[str]) -> int:
    vader = SentimentIntensityAnalyzer()
    n = 0
    for text in texts:
        for sentence in NAIVE_SPLIT.split(text):
            TextBlob(sentence).sentiment  # noqa: B018 - the work being timed
            vader.polarity_scores(sentence)
            n += 1
    return n


def fast_scores(texts: list[str]) -> int:
    n = 0
    for text in texts:
        for sentence in NAIVE_SPLIT.split(text):
            pattern_sentiment(sentence)
            vader_compound(sentence)
            n += 1
    return n


def median_time(function, repeat: int) -> float:
    """Median wall time, with the cyclic collector paused as `pipeline.analyse` pauses it."""
    times = []
    for _ in range(repeat):
        with collector_paused():
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_in_fresh_process(function, repeat: int) -> float:
    """Median time of `function` in a child process forked from this one."""
    receive, send = multiprocessing.Pipe(duplex=False)

    def child() -> None:
        send.send(median_time(function, repeat))

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    seconds = receive.recv()
    process.join()
    return seconds


END_TO_END = """
import sys
sys.path.insert(0, {here!r})
from bench_pipeline import load
from nzus_analysis.scale.pipeline import analyse
analyse(load(), workers={workers}, progress=False)
"""


def end_to_end(workers: int) -> None:
    """A new interpreter: imports, CSV load and `analyse`, as a user would run them."""
    code = END_TO_END.format(here=str(Path(__file__).resolve().parent), workers=workers)
    subprocess.run([sys.executable, "-c", code], check=True)


def alternate(corpus: list, workers: int, rounds: int) -> None:
    """`analyse(workers=workers)` against the naive loop, one of each per round, alternately."""
    texts = [a.text for a in corpus]
    ours, naive = [], []
    for round_ in range(1, rounds + 1):
        ours.append(time_in_fresh_process(lambda: analyse(corpus, workers=workers, progress=False), 1))
        naive.append(time_in_fresh_process(lambda: baseline(texts), 1))
        print(f"round {round_}: analyse(workers={workers}) {ours[-1]:.2f} s, naive loop {naive[-1]:.2f} s")
    ratio = statistics.median(naive) / statistics.median(ours)
    print(f"medians: {statistics.median(ours):.2f} s against {statistics.median(naive):.2f} s ({ratio:.2f}x)")


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--only", nargs="+", metavar="WORD", help="run the stages whose name has one of these"
    )
    parser.add_argument("--alternate", type=int, metavar="ROUNDS", help="time the standing bar only")
    args = parser.parse_args()
    corpus = load()
    if args.alternate:
        alternate(corpus, args.workers, args.alternate)
        return
    texts = [a.text for a in corpus]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    stages = {
        "load": load,
        "split sentences": lambda: [split_sentences(t) for t in texts],
        "tokenize": lambda: token_table(corpus),
        "terms": lambda: term_table(corpus),
        "frames": lambda: frame_hit_table(corpus),
        "sentiment": lambda: score_table(corpus),
        "quotes (1 worker)": lambda: quote_table(corpus, workers=1),
        f"quotes ({args.workers} workers)": lambda: quote_table(corpus, workers=args.workers),
        "stance, linear model (quotes included)": lambda: stance_table(corpus, model="linear"),
        "stance, encoder (quotes included)": lambda: stance_table(corpus),
        "stance, encoder-float32": lambda: stance_table(corpus, model="encoder-float32"),
        "all (1 worker)": lambda: analyse(corpus, workers=1, progress=False),
        f"all ({args.workers} workers)": lambda: analyse(corpus, workers=args.workers, progress=False),
        "baseline sentiment loop": lambda: baseline(texts),
        "same loop, our scorers": lambda: fast_scores(texts),
        "end to end (new python)": lambda: end_to_end(args.workers),
    }
    if args.only:
        stages = {name: stage for name, stage in stages.items() if any(word in name for word in args.only)}
    print(f"BBC corpus: {len(corpus)} articles, {megabytes:.2f} MB; median of {args.repeat} runs")
    print(f"{'stage':<40}{'seconds':>9}{'articles/s':>12}{'MB/s':>8}")
    results = {}
    for name, stage in stages.items():
        seconds = time_in_fresh_process(stage, args.repeat)
        results[name] = seconds
        print(
            f"{name:<40}{seconds:>9.2f}{len(corpus) / seconds:>12.0f}{megabytes / seconds:>8.2f}", flush=True
        )
    if args.only:
        return
    baseline_seconds = results["baseline sentiment loop"]
    whole = baseline_seconds / results[f"all ({args.workers} workers)"]
    like_for_like = baseline_seconds / results["same loop, our scorers"]
    print(f"whole pipeline ({args.workers} workers) vs baseline: {whole:.2f}x")
    print(f"our scorers vs baseline on the same sentences: {like_for_like:.2f}x")
    print(f"peak memory {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
