"""Bulk table input, and the whole-corpus pipeline in process, over processes and on Dask."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from nzus_analysis import InputError
from nzus_analysis._workers import PARALLEL_MIN_ARTICLES, worker_count
from nzus_analysis.scale.bulk import load_table
from nzus_analysis.scale.pipeline import analyse, analyse_chunk, analyse_dask

from .conftest import seed_articles

SAMPLE = Path(__file__).parent / "data" / "archive_sample.csv"


def test_csv_table_becomes_articles():
    bulk = load_table(SAMPLE, metadata_columns={"outlet": "outlet"})
    assert [a.id for a in bulk.articles] == ["ex-1", "ex-2", "ex-3"]
    assert bulk.articles[1].paragraphs[1] == "The defense budget will rise, officials said."
    assert bulk.articles[0].outlet == "Example Wire" and bulk.problems.empty


def test_jsonl_and_parquet_give_the_same_articles(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet needs the 'parquet' extra: pip install -e '.[parquet]'")
    table = pd.read_csv(SAMPLE, dtype=str)
    jsonl = tmp_path / "sample.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in table.to_dict("records")), encoding="utf-8")
    parquet = tmp_path / "sample.parquet"
    table.to_parquet(parquet)
    expected = load_table(SAMPLE).articles
    assert load_table(jsonl).articles == expected
    assert load_table(parquet).articles == expected


def test_bad_rows_are_reported_with_row_numbers(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,year,text\na,2020,Fine text.\nb,2020,   \n,2021,No id here.\na,2022,Duplicate.\nc,,No year.\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad\.csv: 4 bad row\(s\): row 2: empty text; row 3: missing id; "
                                         r"row 4: duplicate id 'a' \(first on row 1\); row 5: missing year"):  # fmt: skip
        load_table(path)
    with pytest.warns(UserWarning, match="left out 4 bad row"):
        bulk = load_table(path, strict=False)
    assert [a.id for a in bulk.articles] == ["a"]
    assert list(bulk.problems.row) == [2, 3, 4, 5]


def test_missing_column_and_unknown_format_are_errors(tmp_path):
    with pytest.raises(InputError, match=r"missing column\(s\) \['body'\]"):
        load_table(SAMPLE, text_column="body")
    odd = tmp_path / "x.xlsx"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="unknown table format"):
        load_table(odd)


@pytest.fixture(scope="module")
def mixed_corpus():
    return seed_articles() + load_table(SAMPLE).articles


def test_results_identical_for_any_number_of_workers(mixed_corpus):
    one = analyse(mixed_corpus, workers=1, chunk_size=2, progress=False)
    two = analyse(mixed_corpus, workers=2, chunk_size=1, progress=False)
    assert one.equals(two)
    whole = analyse_chunk(mixed_corpus)
    assert one.equals(whole)
    assert list(one.quotes.article_id.unique()) == [a.id for a in mixed_corpus if a.id != "ex-3"]
    assert len(one.scores) == 33 + 9  # seeds 14 + 19; sample 3 + (3 + 1) + 2


def test_analysis_leaves_no_reference_cycles(mixed_corpus):
    """Workers run with the cyclic collector off: that is only safe while no cycles are made.

    The collector also finds what other threads of the test process left (the process pools of
    earlier tests wind down in their own threads), so the run is measured three times: a cycle
    the analysis makes is there every time."""
    import gc

    from nzus_analysis.text.terms import sentence_terms
    from nzus_analysis.text.tokens import sentence_tokens

    analyse_chunk(mixed_corpus)  # first use fills module caches (lexicons, regexes)
    found = []
    for _ in range(3):
        sentence_tokens.cache_clear()
        sentence_terms.cache_clear()
        gc.collect()
        gc.disable()
        try:
            analysis = analyse_chunk(mixed_corpus)
            del analysis
            found.append(gc.collect())
        finally:
            gc.enable()
    assert min(found) == 0, found


def test_dask_local_cluster_gives_the_in_process_result(mixed_corpus):
    distributed = pytest.importorskip(
        "distributed", reason="needs the 'dask' extra: pip install -e '.[dask]'"
    )
    expected = analyse_chunk(mixed_corpus)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        result = analyse_dask(mixed_corpus, chunk_size=2)
    assert result.equals(expected)


def test_worker_count_uses_every_core_only_for_a_large_corpus():
    cores = os.cpu_count() or 1
    assert worker_count(None, PARALLEL_MIN_ARTICLES - 1) == 1
    assert worker_count(None, PARALLEL_MIN_ARTICLES) == cores
    assert worker_count(1, 10_000) == 1 and worker_count(cores + 3, 10) == cores
    for bad in (0, -2, 1.5, True, "2"):
        with pytest.raises(ValueError, match="workers must be a whole number"):
            worker_count(bad, 10)


def test_table_columns_beyond_the_text_are_kept(tmp_path):
    from nzus_analysis import article_table

    table = pd.read_csv(SAMPLE, dtype=str).assign(desk=["politics", "business", "politics"])
    path = tmp_path / "with_desk.csv"
    table.to_csv(path, index=False)
    articles = load_table(path).articles  # outlet is read from its same-named column
    assert articles[0].outlet == "Example Wire" and articles[0].extra == (("desk", "politics"),)
    assert article_table(articles).desk.tolist() == ["politics", "business", "politics"]
    table.rename(columns={"desk": "headline"}).to_csv(path, index=False)
    with pytest.raises(InputError, match=r"\['headline'\] clash.*metadata_columns"):
        load_table(path)
