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
from functools import cached_property

import pandas as pd
from tqdm import tqdm  # plain text bar: tqdm.auto warns in kernels without ipywidgets

from ._gc import collector_paused
from .corpus import Article
from .frames import frame_hit_table, frame_share_table
from .quotes import channel_table, quote_table, speaker_table, voice_share_table
from .sentiment import score_table
from .sizes import derived_size_table
from .terms import term_table


@dataclass(frozen=True)
class CorpusTables:
    """Every per-corpus table, computed article by article (so chunks concatenate).

    Fields (built by `analyse`): ``scores`` (`sentiment.score_table`), ``terms``
    (`terms.term_table`), ``frame_hits`` (`frames.frame_hit_table`), ``quotes``
    (`quotes.quote_table`), ``voice_shares`` (`quotes.voice_share_table`). Derived on first
    use: ``sizes``, ``frame_shares``, ``channels``, ``speakers``.
    """

    scores: pd.DataFrame
    terms: pd.DataFrame
    frame_hits: pd.DataFrame
    quotes: pd.DataFrame
    voice_shares: pd.DataFrame

    def equals(self, other: CorpusTables) -> bool:
        """True when every table has the same rows in the same order."""
        return all(getattr(self, f.name).equals(getattr(other, f.name)) for f in fields(self))

    @cached_property
    def sizes(self) -> pd.DataFrame:
        """`sizes.size_table`: one row per article."""
        return derived_size_table(self.scores, self.terms)

    @cached_property
    def frame_shares(self) -> pd.DataFrame:
        """`frames.frame_share_table`: hits per (article, frame)."""
        return frame_share_table(self.frame_hits, self.terms)

    @cached_property
    def channels(self) -> pd.DataFrame:
        """`quotes.channel_table`: statements per (article, channel)."""
        return channel_table(self.quotes)

    @cached_property
    def speakers(self) -> pd.DataFrame:
        """`quotes.speaker_table`: one row per (article, speaker)."""
        return speaker_table(self.quotes)


def analyse_chunk(articles: Sequence[Article]) -> CorpusTables:
    """All tables for a list of articles, in one process.

    Each article is tokenized once: the tables share `sentence_tokens`/`sentence_terms`, which
    remember the last `PARSE_CACHE_SIZE` articles, so keep chunks smaller than that.
    """
    with collector_paused():
        quotes = quote_table(articles)
        return CorpusTables(
            scores=score_table(articles),
            terms=term_table(articles),
            frame_hits=frame_hit_table(articles),
            quotes=quotes,
            voice_shares=voice_share_table(articles, quotes),
        )


def _worker_start() -> None:
    """Turn the cyclic collector off in a worker process for its (short) life.

    The tables hold no reference cycles (`tests/test_bulk_and_pipeline.py` checks that
    `analyse_chunk` leaves none), so reference counting frees everything; with the collector
    on, each chunk's end rescans the cached tokens of the previous chunks (~7 % of the time).
    """
    gc.disable()


def combine(parts: Sequence[CorpusTables]) -> CorpusTables:
    """Concatenate chunk results in order, with a fresh 0…n-1 index."""
    if not parts:
        return analyse_chunk([])
    return CorpusTables(*(_concat([getattr(p, f.name) for p in parts]) for f in fields(CorpusTables)))


def _concat(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate, leaving out empty tables: an empty chunk's columns have no dtypes to keep."""
    filled = [t for t in tables if len(t)]
    return pd.concat(filled, ignore_index=True) if filled else tables[0].reset_index(drop=True)


def chunked(corpus: Sequence[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(corpus), size):
        yield list(corpus[start : start + size])


def analyse(
    corpus: Sequence[Article], workers: int = 1, chunk_size: int = 50, progress: bool = True
) -> CorpusTables:
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
) -> CorpusTables:
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
