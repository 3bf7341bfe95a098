"""Corpora of any size: `bulk` (CSV, JSON Lines and Parquet tables of articles), `pipeline`
(every table in one pass, over processes or Dask) and `archive` (resumable runs over partitions)."""
