"""Load a corpus from one table file (CSV, JSON Lines or Parquet), e.g. a news-archive export.

Rows are numbered from 1 (the first data row; a CSV header is not counted). A row with empty
text, a missing or duplicate id, or a missing or non-numeric year is a *bad row*: with
``strict=True`` (the default) loading stops with an `InputError` that lists every bad row; with
``strict=False`` the bad rows are left out, listed in `BulkCorpus.problems` and announced in a
warning, so nothing is dropped silently.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ._tables import table
from .corpus import Article, article_from_text, bad_rows_message, row_problem
from .errors import InputError

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet"}
METADATA_FIELDS = ("date", "outlet", "author", "title", "section", "url")


class BadRow(NamedTuple):
    """A row of `BulkCorpus.problems`: a table row that could not become an Article."""

    row: int  # data row number, the first data row is 1
    id: str
    problem: str


@dataclass(frozen=True)
class BulkCorpus:
    """Articles loaded from a table, and the bad rows that were left out (row, id, problem)."""

    articles: list[Article]
    problems: pd.DataFrame


def read_table(path: str | Path) -> pd.DataFrame:
    """The table as strings (no NA conversion), by file extension."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise InputError(path, f"unknown table format {path.suffix!r} (use .csv, .jsonl or .parquet)")
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        if kind == "csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        if kind == "jsonl":
            return pd.read_json(path, lines=True, dtype=False).astype(str).replace({"None": "", "nan": ""})
        return pd.read_parquet(path).astype(str).replace({"None": "", "nan": ""})
    except ImportError as exc:
        raise InputError(path, f"reading Parquet needs pyarrow: pip install pyarrow ({exc})") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(path, f"cannot be read as {kind}: {exc}") from exc


def load_table(
    path: str | Path,
    text_column: str = "text",
    id_column: str | None = "id",
    year_column: str | None = "year",
    year: int | None = None,
    metadata_columns: dict[str, str] | None = None,
    clean: bool = False,
    strict: bool = True,
) -> BulkCorpus:
    """Build Articles from a table file.

    ``year`` gives every row the same year when the table has no year column (pass
    ``year_column=None``). ``metadata_columns`` maps Article fields (date, outlet, author,
    title, section, url) to column names. ``clean=True`` runs the furniture rules on each text
    (off by default: archive exports usually hold article text only).
    """
    path = Path(path)
    source = read_table(path)
    metadata_columns = metadata_columns or {}
    wanted = [text_column, *(c for c in (id_column, year_column) if c), *metadata_columns.values()]
    missing = [c for c in wanted if c not in source.columns]
    if missing:
        raise InputError(path, f"missing column(s) {missing}; columns are {list(source.columns)}")
    unknown = set(metadata_columns) - set(METADATA_FIELDS)
    if unknown:
        raise ValueError(f"metadata_columns keys must be among {METADATA_FIELDS}, not {sorted(unknown)}")
    if year_column is None and year is None:
        raise ValueError("give year_column or a fixed year")

    articles: list[Article] = []
    problems: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(source.itertuples(index=False), 1):
        record = row._asdict()
        article_id = str(record[id_column]).strip() if id_column else f"row-{number:06d}"
        text = str(record[text_column])
        problem = row_problem(record, seen, id_column, year_column, text_column)
        if problem:
            problems.append((number, article_id, problem))
            continue
        seen[article_id] = number
        row_year = int(str(record[year_column]).strip()) if year_column else int(year)  # type: ignore[arg-type]
        metadata = {field: str(record[column]) for field, column in metadata_columns.items()}
        if clean:
            articles.append(article_from_text(article_id, row_year, text, **metadata))
        else:
            paragraphs = tuple(p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip())
            articles.append(Article(article_id, row_year, paragraphs=paragraphs, **metadata))  # type: ignore[arg-type]  # keys are METADATA_FIELDS (str fields)
    report = table(problems, BadRow)
    if problems:
        message = bad_rows_message(problems)
        if strict:
            raise InputError(path, message)
        warnings.warn(f"{path}: left out {message}", stacklevel=2)
    return BulkCorpus(articles, report)
