"""Load a corpus from one table file (CSV, JSON Lines or Parquet), e.g. a news-archive export.

Rows are numbered from 1 (the first data row; a CSV header is not counted). A row with empty
text, a missing or duplicate id, or a missing or non-numeric year is a *bad row*: with
``strict=True`` (the default) loading stops with an `InputError` that lists every bad row; with
``strict=False`` the bad rows are left out, listed in `BulkCorpus.problems` and announced in a
warning, so nothing is dropped silently.
"""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.errors import InputError
from nzus_analysis.text.corpus import (
    RESERVED_COLUMNS,
    Article,
    article_from_text,
    bad_rows_message,
    extra_fields,
    row_problem,
)
from nzus_analysis.text.repair import repair_text, text_problem

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
    """The table's cells as the file holds them, by file extension (object dtype, no inference).

    CSV cells are strings (empty when blank; a byte-order mark is allowed); JSON Lines and
    Parquet cells keep their JSON/Arrow values, so an integer column with a null stays integers
    and a null stays a missing value (None) under any pandas version.
    """
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise InputError(path, f"unknown table format {path.suffix!r} (use .csv, .jsonl or .parquet)")
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        if kind == "csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig").astype(object)
        if kind == "jsonl":
            return pd.DataFrame(_json_lines(path), dtype=object)
        import pyarrow.parquet as pq

        return pd.DataFrame(pq.read_table(path).to_pylist(), dtype=object)
    except ImportError as exc:
        raise InputError(path, f"reading Parquet needs pyarrow: pip install pyarrow ({exc})") from exc
    except (UnicodeDecodeError, ValueError, OSError) as exc:
        raise InputError(path, f"cannot be read as {kind}: {exc}") from exc


def _json_lines(path: Path) -> list[dict]:
    """One dict per non-blank line; a broken line stops with its line number."""
    records = []
    with path.open(encoding="utf-8-sig") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = f"line {line_number}: not valid JSON ({exc.msg} at column {exc.colno})"
                raise InputError(path, problem) from None
            if not isinstance(record, dict):
                raise InputError(
                    path, f"line {line_number}: a JSON object is needed, not {type(record).__name__}"
                )
            records.append(record)
    return records


def cell_text(value: object) -> str:
    """A metadata, id or year cell as text: missing values (None, NaN, NA, NaT) become ""; whole
    floats lose their ".0" (2012.0 → "2012"); strings are stripped."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    return str(value).strip()


def load_table(
    path: str | Path,
    text_column: str = "text",
    id_column: str | None = "id",
    year_column: str | None = "year",
    year: int | None = None,
    metadata_columns: dict[str, str] | None = None,
    clean: bool = False,
    strict: bool = True,
    fix_mojibake: bool = True,
) -> BulkCorpus:
    """Build Articles from a table file.

    ``year`` gives every row the same year when the table has no year column (pass
    ``year_column=None``). ``metadata_columns`` maps Article fields (date, outlet, author,
    title, section, url) to column names; a field it leaves out is read from a column of the
    same name when there is one. Every other column is kept as text in `Article.extra` (a column
    `article_table` already has, e.g. ``headline``, must be mapped or renamed). Every text is
    repaired (`repair.repair_text`; ``fix_mojibake=False`` leaves mis-decoded text alone).
    ``clean=True`` also runs the furniture rules on each text (off by default: archive exports
    usually hold article text only). A row whose text is not a string, is an HTML page or UTF-16
    read as UTF-8, or is empty after repair and cleaning, is a bad row.
    """
    path = Path(path)
    source = read_table(path)
    metadata_columns, wanted, extra_columns = _columns(
        path, source, text_column, id_column, year_column, metadata_columns or {}
    )
    if year_column is None and year is None:
        raise ValueError("give year_column or a fixed year")
    articles: list[Article] = []
    problems: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    columns = list(dict.fromkeys([*wanted, *extra_columns]))
    date_column = metadata_columns.get("date")
    for number, cells in enumerate(zip(*(source[c].tolist() for c in columns), strict=True), 1):
        record = dict(zip(columns, cells, strict=True))
        raw_text = record.pop(text_column)
        values = {column: cell_text(value) for column, value in record.items()}
        article_id = values[id_column] if id_column else f"row-{number:06d}"
        text = raw_text if isinstance(raw_text, str) else ""
        values[text_column] = text
        problem = (
            f"{text_column} is not a string but {type(raw_text).__name__}"
            if raw_text is not None and not isinstance(raw_text, str)
            else row_problem(values, seen, id_column, year_column, text_column, date_column=date_column)
        )
        problem = problem or text_problem(text)
        article = None
        if not problem:
            row_year = int(values[year_column]) if year_column else int(year)  # type: ignore[arg-type]
            metadata = {field: values[column] for field, column in metadata_columns.items()}
            extra = {column: values[column] for column in extra_columns}
            article = _article(article_id, row_year, text, clean, fix_mojibake, metadata, extra)
            if not article.paragraphs:
                problem = f"no {text_column} left after cleaning"
        if problem or article is None:
            problems.append((number, article_id, problem))
            continue
        seen[article_id] = number
        articles.append(article)
    report = table(problems, BadRow)
    if problems:
        message = bad_rows_message(problems)
        if strict:
            raise InputError(path, message)
        warnings.warn(f"{path}: left out {message}", stacklevel=2)
    return BulkCorpus(articles, report)


def _columns(
    path: Path,
    source: pd.DataFrame,
    text_column: str,
    id_column: str | None,
    year_column: str | None,
    metadata_columns: dict[str, str],
) -> tuple[dict[str, str], list[str], list[str]]:
    """The metadata mapping (same-named fields added), the columns read, and the extra columns."""
    unknown = set(metadata_columns) - set(METADATA_FIELDS)
    if unknown:
        raise ValueError(f"metadata_columns keys must be among {METADATA_FIELDS}, not {sorted(unknown)}")
    mapping = dict(metadata_columns)
    for name in METADATA_FIELDS:
        if name not in mapping and name in source.columns and name not in mapping.values():
            mapping[name] = name
    wanted = [text_column, *(c for c in (id_column, year_column) if c), *mapping.values()]
    missing = [c for c in wanted if c not in source.columns]
    if missing:
        raise InputError(path, f"missing column(s) {missing}; columns are {list(source.columns)}")
    extra_columns = [c for c in source.columns if c not in wanted]
    clashing = [c for c in extra_columns if c in RESERVED_COLUMNS]
    if clashing:
        raise InputError(path, f"column(s) {clashing} clash with article_table's own columns: "
                         "map them with metadata_columns (e.g. title) or rename them")  # fmt: skip
    return mapping, wanted, extra_columns


def _article(
    article_id: str,
    year: int,
    text: str,
    clean: bool,
    fix_mojibake: bool,
    metadata: dict[str, str],
    extra: dict[str, str],
) -> Article:
    """An Article from one row's text: repaired, then cleaned or split at blank lines."""
    if clean:
        return article_from_text(article_id, year, text, fix_mojibake, extra, **metadata)
    repaired, repairs = repair_text(text, fix_mojibake)
    paragraphs = tuple(p.strip() for p in repaired.replace("\r\n", "\n").split("\n\n") if p.strip())
    fields = {"paragraphs": paragraphs, "repairs": repairs, "extra": extra_fields(extra), **metadata}
    return Article(article_id, year, **fields)  # type: ignore[arg-type]
