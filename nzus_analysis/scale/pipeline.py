"""The whole analysis for a corpus of any size: in-process, over processes, or on Dask.

Every table is built from pure per-article functions, so the corpus can be cut into chunks
that run anywhere and are concatenated in corpus order: the result is identical (same rows,
same order) for any number of workers or partitions.
"""

from __future__ import annotations

import gc
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from functools import cached_property, partial
from typing import NamedTuple

import pandas as pd
from tqdm import tqdm  # plain text bar: tqdm.auto warns in kernels without ipywidgets

from nzus_analysis._gc import collector_paused
from nzus_analysis._tables import table
from nzus_analysis._workers import chunked, pool_map
from nzus_analysis.measures.frames import frame_hit_table, frame_share_table
from nzus_analysis.measures.sentiment import score_table
from nzus_analysis.measures.sizes import derived_size_table
from nzus_analysis.measures.stance import STANCE_MODELS, stance_table
from nzus_analysis.measures.voices import channel_table, speaker_table, voice_share_table
from nzus_analysis.models import int8_encoder
from nzus_analysis.quotes import quote_table
from nzus_analysis.text.corpus import Article, article_table
from nzus_analysis.text.terms import term_table


@dataclass(frozen=True)
class CorpusTables:
    """Every per-corpus table, computed article by article (so chunks concatenate).

    Fields (built by `analyse`): ``articles`` (`corpus.article_table`: the catalog columns that
    groups are chosen by), ``scores`` (`sentiment.score_table`), ``terms``
    (`terms.term_table`), ``frame_hits`` (`frames.frame_hit_table`), ``quotes``
    (`quotes.quote_table`), ``voice_shares`` (`voices.voice_share_table`), ``stance``
    (`stance.stance_table`), ``failures``
    (articles that raised, when the run skips them). Derived on first use: ``sizes``,
    ``frame_shares``, ``channels``, ``speakers``.
    """

    articles: pd.DataFrame
    scores: pd.DataFrame
    terms: pd.DataFrame
    frame_hits: pd.DataFrame
    quotes: pd.DataFrame
    voice_shares: pd.DataFrame
    stance: pd.DataFrame
    failures: pd.DataFrame  # articles left out with ``on_error="skip"`` (columns: `FailureRow`)

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
        """`voices.channel_table`: statements per (article, channel)."""
        return channel_table(self.quotes)

    @cached_property
    def speakers(self) -> pd.DataFrame:
        """`voices.speaker_table`: one row per (article, speaker)."""
        return speaker_table(self.quotes)


class FailureRow(NamedTuple):
    """A row of `CorpusTables.failures`: an article whose analysis raised."""

    article_id: str
    error: str  # the exception's type and message


class AnalysisError(RuntimeError):
    """The analysis of one article raised: names the article and the original error."""

    def __init__(self, article_id: str, error: str) -> None:
        super().__init__(article_id, error)  # both in args, so the error survives pickling
        self.article_id, self.error = article_id, error

    def __str__(self) -> str:
        return f"article {self.article_id!r}: {self.error}"


ON_ERROR = ("raise", "skip")


def _tables(articles: Sequence[Article], stance_model: str = "linear") -> CorpusTables:
    quotes = quote_table(articles, workers=1)  # the pool is `analyse`'s
    return CorpusTables(
        articles=article_table(articles),
        scores=score_table(articles),
        terms=term_table(articles),
        frame_hits=frame_hit_table(articles),
        quotes=quotes,
        voice_shares=voice_share_table(articles, quotes),
        stance=stance_table(articles, quotes, stance_model, workers=1, all_people=False),
        failures=table((), FailureRow),
    )


def _failed(article: Article, error: Exception) -> CorpusTables:
    empty = _tables([])
    row = (article.id, f"{type(error).__name__}: {error}")
    return replace(empty, failures=table([row], FailureRow))


def analyse_chunk(
    articles: Sequence[Article], on_error: str = "raise", stance_model: str = "linear"
) -> CorpusTables:
    """All tables for a list of articles, in one process (`stance_model`: see `stance.target_stance`).

    If an article raises, ``on_error="raise"`` stops with an `AnalysisError` naming it;
    ``"skip"`` leaves it out and lists it in ``failures``. Each article is tokenized once: the
    tables share `sentence_tokens`/`sentence_terms`, which remember the last
    `PARSE_CACHE_SIZE` articles, so keep chunks smaller than that.
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, not {on_error!r}")
    with collector_paused():
        try:
            return _tables(articles, stance_model)
        except Exception:
            if not articles:
                raise
        parts = []  # find the article(s) at fault, one by one
        for article in articles:
            try:
                parts.append(_tables([article], stance_model))
            except Exception as error:
                if on_error == "raise":
                    raise AnalysisError(article.id, f"{type(error).__name__}: {error}") from error
                parts.append(_failed(article, error))
        return combine(parts)


def _worker_start() -> None:
    """Turn the cyclic collector off in a worker process for its (short) life, and give the
    stance encoder one thread there (the pool already runs one process per core).

    The tables hold no reference cycles (`tests/test_bulk_and_pipeline.py` checks that
    `analyse_chunk` leaves none), so reference counting frees everything; with the collector
    on, each chunk's end rescans the cached tokens of the previous chunks (~7 % of the time).
    """
    gc.disable()
    int8_encoder.session_threads = 1


def combine(parts: Sequence[CorpusTables]) -> CorpusTables:
    """Concatenate chunk results in order, with a fresh 0…n-1 index."""
    if not parts:
        return _tables([])
    return CorpusTables(*(_concat([getattr(p, f.name) for p in parts]) for f in fields(CorpusTables)))


def _concat(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate, leaving out empty tables: an empty chunk's columns have no dtypes to keep."""
    filled = [t for t in tables if len(t)]
    return pd.concat(filled, ignore_index=True) if filled else tables[0].reset_index(drop=True)


def analyse(
    corpus: Sequence[Article],
    workers: int = 1,
    chunk_size: int = 50,
    progress: bool = True,
    on_error: str = "raise",
    more_workers_than_cores: bool = False,
    stance_model: str = "linear",
) -> CorpusTables:
    """Every table for the corpus, over `workers` processes, with a progress bar.

    The bar (tqdm) shows articles done and works in notebooks and terminals; pass
    ``progress=False`` to hide it. An article that raises stops the run with an
    `AnalysisError` naming it, or with ``on_error="skip"`` is left out and listed in the
    result's ``failures`` table (with a warning). `workers` is capped at the machine's cores
    unless ``more_workers_than_cores=True``. `stance_model` picks the stance model
    (`stance.target_stance`): "linear" by default here, as bulk runs need its speed (all of BBC
    on two cores: 5.0–5.5 s with it, 9.5–10.6 s with the encoder), or "encoder", the more accurate
    one that `stance_table` uses by default. The ``stance`` table here holds the people with a country only
    (`stance.stance_table`'s ``all_people=False``, lent within each chunk of articles): side means
    are what bulk runs compare, and the people with no country would cost three times the mentions.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, not {on_error!r}")
    if not more_workers_than_cores:
        workers = min(workers, os.cpu_count() or 1)
    if stance_model not in STANCE_MODELS:
        raise ValueError(f"stance_model must be one of {STANCE_MODELS}, not {stance_model!r}")
    run_chunk = partial(analyse_chunk, on_error=on_error, stance_model=stance_model)
    chunks = list(chunked(corpus, chunk_size))
    bar = tqdm(total=len(corpus), unit="article", desc="analyse", disable=not progress)
    parts = []
    with bar:
        if workers == 1:
            with collector_paused():  # for the whole run, not per chunk: see _worker_start
                for chunk in chunks:
                    parts.append(run_chunk(chunk))
                    bar.update(len(chunk))
        else:
            for chunk, part in zip(chunks, pool_map(run_chunk, chunks, workers, _worker_start), strict=True):
                parts.append(part)
                bar.update(len(chunk))
    result = combine(parts)
    if len(result.failures):
        listed = ", ".join(result.failures.article_id.head(5))
        warnings.warn(f"{len(result.failures)} article(s) failed and were left out: {listed}", stacklevel=2)
    return result


def analyse_dask(
    corpus: Sequence[Article],
    chunk_size: int = 50,
    scheduler: str | None = None,
    stance_model: str = "linear",
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
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(analyse_chunk, stance_model=stance_model)
    parts = bag.compute(scheduler=scheduler) if scheduler else bag.compute()
    return combine(parts)
