"""The whole analysis for a corpus of any size: in-process, over processes, or on Dask.

Every table is built from pure per-article functions, so the corpus can be cut into chunks
that run anywhere and are concatenated in corpus order: the result is identical (same rows,
same order) for any number of workers or partitions.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields

import pandas as pd
from tqdm.auto import tqdm

from .collector import collector_paused
from .corpus import Article
from .frames import article_frame_hits
from .normalise import term_frame
from .quotes import quote_frame
from .sentiment import sentence_scores


@dataclass(frozen=True)
class CorpusAnalysis:
    """The tidy tables for a corpus (columns as documented by each producing function).

    sentences: `sentiment.sentence_scores`; terms: `normalise.term_frame`;
    frames: `frames.frame_hits` (built by `frames.article_frame_hits`); quotes: `quotes.quote_frame`.
    """

    sentences: pd.DataFrame
    terms: pd.DataFrame
    frames: pd.DataFrame
    quotes: pd.DataFrame

    def equals(self, other: CorpusAnalysis) -> bool:
        """True when every table has the same rows in the same order."""
        return all(getattr(self, f.name).equals(getattr(other, f.name)) for f in fields(self))


def analyse_chunk(articles: Sequence[Article]) -> CorpusAnalysis:
    """All tables for a list of articles, in one process.

    Each article is tokenized once: the tables share `sentence_tokens`/`sentence_terms`, which
    remember the last `PARSE_CACHE_SIZE` articles, so keep chunks smaller than that.
    """
    with collector_paused():
        return CorpusAnalysis(
            sentences=sentence_scores(articles),
            terms=term_frame(articles),
            frames=article_frame_hits(articles),
            quotes=quote_frame(articles),
        )


def _worker_start() -> None:
    """Turn the cyclic collector off in a worker process for its (short) life.

    The tables hold no reference cycles (`tests/test_bulk_and_pipeline.py` checks that
    `analyse_chunk` leaves none), so reference counting frees everything; with the collector
    on, each chunk's end rescans the cached tokens of the previous chunks (~7 % of the time).
    """
    gc.disable()


def combine(parts: Sequence[CorpusAnalysis]) -> CorpusAnalysis:
    """Concatenate chunk results in order, with a fresh 0…n-1 index."""
    if not parts:
        return analyse_chunk([])
    return CorpusAnalysis(*(_concat([getattr(p, f.name) for p in parts]) for f in fields(CorpusAnalysis)))


def _concat(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate, leaving out empty tables: an empty chunk's columns have no dtypes to keep."""
    filled = [t for t in tables if len(t)]
    return pd.concat(filled, ignore_index=True) if filled else tables[0].reset_index(drop=True)


def chunked(corpus: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(corpus), size):
        yield list(corpus[start : start + size])


def analyse(
    corpus: Sequence[Article], workers: int = 1, chunk_size: int = 50, progress: bool = True
) -> CorpusAnalysis:
    """Every table for the corpus, over `workers` processes, with a progress bar.

    The bar (tqdm) shows articles done and works in notebooks and terminals; pass
    ``progress=False`` to hide it.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    chunks = list(chunked(corpus, chunk_size))
    bar = tqdm(total=len(corpus), unit="article", desc="analyse", disable=not progress)
    parts = []
    with bar:
        if workers == 1:
            with collector_paused():  # for the whole run, not per chunk: see _worker_start
                for chunk in chunks:
                    parts.append(analyse_chunk(chunk))
                    bar.update(len(chunk))
        else:
            # Forked workers share the parent's memory until they write to it; the collector
            # writes to every object it scans, so frozen objects stay shared (see gc.freeze).
            gc.freeze()
            try:
                with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) as pool:
                    for chunk, part in zip(chunks, pool.map(analyse_chunk, chunks), strict=True):
                        parts.append(part)
                        bar.update(len(chunk))
            finally:
                gc.unfreeze()
    return combine(parts)


def analyse_dask(
    corpus: Sequence[Article], chunk_size: int = 50, scheduler: str | None = None
) -> CorpusAnalysis:
    """The same tables computed with `dask.bag` (install the ``dask`` extra).

    Uses the active `distributed.Client` if there is one (e.g. a `LocalCluster` or a real
    cluster), otherwise the scheduler named here (``"processes"``, ``"threads"``, ``"sync"``).
    """
    try:
        import dask.bag as db
    except ImportError as exc:
        raise ImportError("analyse_dask needs dask: pip install 'nzus_analysis[dask]'") from exc
    chunks = list(chunked(corpus, chunk_size))
    if not chunks:
        return combine([])
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(analyse_chunk)
    parts = bag.compute(scheduler=scheduler) if scheduler else bag.compute()
    return combine(parts)
