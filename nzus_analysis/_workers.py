"""Run a per-article function over a corpus in forked worker processes, results in corpus order.

`quotes.quote_table` and `stance.stance_table` read each article on its own in pure Python, so
on a machine with several cores a large corpus is split into consecutive chunks, one process
each at a time. Workers are forked on Linux (they share the parent's loaded lexicons and
models and need no re-import); elsewhere (fork is missing on Windows and unsafe on macOS) the
work runs in the calling process.
`pipeline.analyse` runs its own chunks through `pool_map` (with a progress bar) and calls these
functions with ``workers=1`` inside its workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: below this many articles `workers=None` runs in this process: forking costs more than it saves
PARALLEL_MIN_ARTICLES = 400
_CHUNKS_PER_WORKER = 4  # a few chunks per worker, so one slow chunk does not leave a core idle


def chunked(items: Sequence[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive slices of `items`, `size` long (the last may be shorter)."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def worker_count(workers: int | None, n_items: int) -> int:
    """How many processes to use: `workers` (at least 1, at most the machine's cores), or with
    None, every core when there are at least `PARALLEL_MIN_ARTICLES` items, else 1."""
    cores = os.cpu_count() or 1
    if workers is None:
        return cores if n_items >= PARALLEL_MIN_ARTICLES else 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number ≥ 1 or None, not {workers!r}")
    return min(workers, cores)


def map_chunks(
    function: Callable[[list[Item]], Result], items: Sequence[Item], workers: int | None
) -> list[Result]:
    """`function` applied to consecutive chunks of `items` (in order, covering every item once);
    in `worker_count(workers, len(items))` forked processes, or in this one when that is 1 or
    the system is not Linux. `function` and its results must pickle (a module-level function)."""
    count = worker_count(workers, len(items))
    if count == 1 or not sys.platform.startswith("linux"):
        return [function(list(items))]
    chunks = list(chunked(items, -(-len(items) // (count * _CHUNKS_PER_WORKER))))
    return list(pool_map(function, chunks, count))


def pool_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    initializer: Callable[[], None] = gc.disable,
) -> Iterator[Result]:
    """`function` applied to each of `items` in `workers` processes, yielded in order as they
    finish (so a caller can show progress). Forked on Linux, the parent's objects frozen so that
    the workers keep sharing them (the cyclic collector would write to them); spawned elsewhere,
    where `function` and `items` must pickle. Each worker runs `initializer` first (by default it
    turns the cyclic collector off: a worker's tables hold no reference cycles)."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    gc.freeze()
    try:
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer) as pool:
            yield from pool.map(function, items)
    finally:
        gc.unfreeze()
