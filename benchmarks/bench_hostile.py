"""Time every pathological text of the hostile-input issue at 10 KB, 100 KB and 1 MB.

Each text is one article analysed by ``analyse([article], workers=1)`` (every stage: sentences,
tokens, terms, frames, sentiment, quotes), in a fresh process with a time limit, and the growth
factor per 10× of input is printed: linear time gives about 10×, quadratic about 100×.

    .venv/bin/python benchmarks/bench_hostile.py [--sizes 10000 100000 1000000] [--limit 300]
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from itertools import pairwise
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "data" / "raw" / "2025-thepost-rubio-peters.txt"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def pathological_texts(size: int) -> dict[str, str]:
    """The inputs of the issue, each about `size` characters."""
    seed = SEED.read_text(encoding="utf-8") if SEED.is_file() else "The minister said it was fine. "
    return {
        "a + dots + x": "a" + "." * size + " x",
        "Wait + !": "Wait" + "!" * size,
        "http:// + dots": "http://" + "." * size,
        "a + spaces + b": "a" + " " * size + "b",
        "hyphens": "-" * size,
        "He said + commas": "He said" + "," * size,
        "quote, he said. × k": _repeat("“We are partners,” he said. ", size),
        # one run-on sentence of quotes (no sentence ends): attributions are read near each quote
        "quote, he said × k, run-on": _repeat("“We are partners,” he said ", size),
        "told reporters, quote × k": _repeat("X told reporters, “We are partners” and ", size),
        "quote × k, no cue": _repeat("“We are” a ", size),
        "book title × k, run-on": _repeat("he said in his book, “Partners.” ", size),
        "one 👍 in a long sentence": _repeat("word ", size // 2) + "👍 " + _repeat("word ", size // 2) + ".",
        "seed article repeated": _repeat(seed + "\n\n", size),
        "side mentions, one run-on": "".join(f"China {i} and the US {i} " for i in range(size // 24))[:size],
    }


def _analyse(text: str) -> None:
    from nzus_analysis import Article
    from nzus_analysis.scale.pipeline import analyse

    analyse([Article("x", 2020, paragraphs=(text,))], workers=1, progress=False)


def _timed(text: str, send) -> None:
    start = time.perf_counter()
    _analyse(text)
    send.send(time.perf_counter() - start)


def time_text(text: str, limit: float) -> float | None:
    """Seconds to analyse `text` in a forked process, or None past `limit` seconds."""
    receive, send = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_timed, args=(text, send))
    process.start()
    if receive.poll(limit):
        seconds = receive.recv()
        process.join()
        return seconds
    process.kill()
    process.join()
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--limit", type=float, default=300.0, help="seconds allowed per text")
    args = parser.parse_args()
    _analyse("Warm up: the minister said “it is fine”.")  # imports and caches, before forking
    names = list(pathological_texts(10))
    header = "".join(f"{size // 1000:>9} KB" for size in args.sizes)
    print(f"{'text':<28}{header}   growth per 10x")
    for name in names:
        times = [time_text(pathological_texts(size)[name], args.limit) for size in args.sizes]
        over = f"{'>' + str(int(args.limit)):>10}s"
        cells = "".join(f"{t:>10.2f}s" if t is not None else over for t in times)
        growth = [f"{b / a:.1f}x" if a and b else "-" for a, b in pairwise(times)]
        print(f"{name:<28}{cells}   {' '.join(growth)}", flush=True)


if __name__ == "__main__":
    main()
