"""Load the article catalog and raw files into cleaned `Article` objects.

A new article joins the corpus by adding its raw text file to `data/raw/` and one row to
`data/articles.csv` (columns: see `CATALOG_COLUMNS`). The raw files are never changed: all
cleaning happens here, through `nzus_analysis.text.cleaning.clean_text`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import per_article
from nzus_analysis.errors import InputError
from nzus_analysis.resources import data_path
from nzus_analysis.text.cleaning import Removed, clean_text
from nzus_analysis.text.repair import repair_text, text_problem

CATALOG_COLUMNS = ("id", "year", "date", "outlet", "author", "title", "section", "url", "raw_file")
REQUIRED_COLUMNS = ("id", "year", "raw_file")
PARAGRAPH_SEPARATOR = "\n\n"
MAX_LISTED = 20  # bad rows named in one error message
YEARS = (1800, 2100)  # plausible publication years
EXTRA_FIELDS = "__extra_fields__"  # where the catalog reader puts fields beyond the header
#: Names an extra catalog column may not take: `article_table`'s columns and the loaders' own
RESERVED_COLUMNS = (
    "article_id", "year", "date", "outlet", "author", "title", "headline", "section", "url", "raw_file",
    "n_paragraphs", "n_captions", "n_furniture_lines", "n_chars", "repairs", "row", "text", "extra",
)  # fmt: skip


@dataclass(frozen=True)
class Article:
    """One article: catalog metadata plus its cleaned text.

    `text` is the body paragraphs joined by a blank line; every character offset in the
    package (sentences, tokens, quotes) points into `text`. `extra` keeps the catalog's own
    columns (e.g. ``period``, ``rights``) as text; `article_table` adds them as columns, so any of
    them can group articles.
    """

    id: str
    year: int
    paragraphs: tuple[str, ...]
    date: str = ""
    outlet: str = ""
    author: str = ""
    title: str = ""
    section: str = ""
    url: str = ""
    raw_file: str = ""
    notes: str = ""
    captions: tuple[Removed, ...] = ()
    furniture: tuple[Removed, ...] = ()
    repairs: tuple[str, ...] = ()  # what `repair.repair_text` fixed in the supplied text
    extra: tuple[tuple[str, str], ...] = ()  # (column, value) of every other catalog column, in order
    text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", PARAGRAPH_SEPARATOR.join(self.paragraphs))

    @property
    def headline(self) -> str:
        """The headline: the raw text's headline line (cleaning keeps it out of `text`), else the
        catalog title; "" when there is neither."""
        for removed in self.furniture:
            if removed.kind == "headline":
                return removed.text
        return self.title

    @property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each paragraph in `text`."""
        spans, start = [], 0
        for paragraph in self.paragraphs:
            spans.append((start, start + len(paragraph)))
            start += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return spans


def article_from_text(
    article_id: str,
    year: int,
    raw: str,
    fix_mojibake: bool = True,
    extra: Mapping[str, str] | None = None,
    **metadata: str,
) -> Article:
    """Repair (`repair.repair_text`) and clean a raw text held in memory into an Article.

    `metadata` fills the named fields (`date`, `outlet`, `author`, `title`, …); `extra` maps any
    other column name to its value (`Article.extra`).
    """
    repaired, repairs = repair_text(raw, fix_mojibake)
    cleaned = clean_text(
        repaired, metadata.get("title", ""), metadata.get("section", ""), metadata.get("author", "")
    )
    return Article(
        id=article_id,
        year=year,
        paragraphs=cleaned.paragraphs,
        captions=cleaned.captions,
        furniture=cleaned.furniture,
        repairs=repairs,
        extra=extra_fields(extra),
        **metadata,
    )


def extra_fields(extra: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """`Article.extra` from a column -> value mapping; a name `article_table` already uses is refused."""
    if not extra:
        return ()
    taken = [name for name in extra if name in RESERVED_COLUMNS]
    if taken:
        raise ValueError(f"catalog column(s) {taken} clash with article_table's own columns")
    return tuple((str(name), str(value)) for name, value in extra.items())


def year_problem(value: str) -> str:
    """Why `value` is not a plausible publication year ("" when it is)."""
    if not value.isascii() or not value.isdigit():
        return f"year {value!r} is not a whole number"
    if len(value) > 4 or not YEARS[0] <= int(value) <= YEARS[1]:
        shown = value if len(value) <= 12 else value[:12] + "…"
        return f"year {shown} is outside {YEARS[0]}-{YEARS[1]}"
    return ""


def date_problem(value: str, year: str) -> str:
    """Why `value` is not an ISO date (YYYY-MM-DD) in `year` ("" when it is, or is empty)."""
    if not value:
        return ""
    try:
        parsed = date.fromisoformat(value) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) else None
    except ValueError:
        parsed = None
    if parsed is None:
        return f"date {value!r} is not a real date written YYYY-MM-DD"
    if year and str(parsed.year) != year:
        return f"date {value} is not in year {year}"
    return ""


def row_problem(
    values: Mapping[str, object],
    seen: Mapping[str, int],
    id_column: str | None = "id",
    year_column: str | None = "year",
    text_column: str | None = None,
    required: Iterable[str] = (),
    date_column: str | None = None,
) -> str:
    """Why a catalog or table row cannot become an Article ("" when it can).

    `values` maps column -> value. The id must be present and not in `seen` (id -> the row it
    was first on), the text (if a column is named) non-blank, every `required` column filled
    the year a whole number in 1800-2100 and the date (if any) an ISO date in that year. Used
    by `read_catalog` and `bulk.load_table` alike.
    """

    def blank(column: str) -> bool:
        return not str(values.get(column, "")).strip()

    if id_column and blank(id_column):
        return f"missing {id_column}"
    article_id = str(values.get(id_column, "")).strip() if id_column else ""
    if article_id in seen:
        return f"duplicate id {article_id!r} (first on row {seen[article_id]})"
    if text_column and blank(text_column):
        return f"empty {text_column}"
    for column in (*required, *([year_column] if year_column else [])):
        if blank(column):
            return f"missing {column}"
    year = str(values[year_column]).strip() if year_column else ""
    if year_column:
        problem = year_problem(year)
        if problem:
            return problem.replace("year", year_column, 1)
    if date_column:
        return date_problem(str(values.get(date_column, "")).strip(), year)
    return ""


def bad_rows_message(problems: list[tuple[int, str, str]]) -> str:
    """ "N bad row(s): row 2: missing year; …" for (row, id, problem) triples, the first 20 named."""
    listed = "; ".join(f"row {row}: {problem}" for row, _, problem in problems[:MAX_LISTED])
    more = f" (and {len(problems) - MAX_LISTED} more)" if len(problems) > MAX_LISTED else ""
    return f"{len(problems)} bad row(s): {listed}{more}"


def read_catalog(catalog: str | Path | None = None) -> list[dict[str, str]]:
    """Read and validate the catalog CSV; each row gets its `row` number (the first data row is 1).

    Every bad row is named in one `InputError` (same wording as `bulk.load_table`).
    """
    path = Path(catalog) if catalog is not None else data_path("articles.csv")
    if not path.is_file():
        raise InputError(path, "catalog file not found")
    try:
        # utf-8-sig: a byte-order mark (Excel's "CSV UTF-8") is not part of the first column name
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, restkey=EXTRA_FIELDS)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(path, f"catalog lacks required column(s): {', '.join(missing)}")
            clashing = [
                c for c in reader.fieldnames or [] if c in RESERVED_COLUMNS and c not in CATALOG_COLUMNS
            ]
            if clashing:
                raise InputError(
                    path,
                    f"catalog column(s) {', '.join(clashing)} clash with article_table's columns: rename",
                )
            rows = []
            for number, row in enumerate(reader, 1):
                extra = row.pop(EXTRA_FIELDS, None)
                row = {k: (v or "").strip() for k, v in row.items()}
                row["row"] = str(number)
                if extra:
                    row[EXTRA_FIELDS] = f"{len(extra)} more field(s) than the header (an unquoted comma?)"
                rows.append(row)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"catalog is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if not rows:
        raise InputError(path, "catalog has no article rows")
    seen: dict[str, int] = {}
    raw_files: dict[str, int] = {}
    problems = []
    for number, row in enumerate(rows, 1):
        problem = row.get(EXTRA_FIELDS) or row_problem(row, seen, required=["raw_file"], date_column="date")
        if not problem and row["raw_file"] in raw_files:
            problem = f"raw_file {row['raw_file']!r} is already row {raw_files[row['raw_file']]}'s"
        if problem:
            problems.append((number, row.get("id", ""), problem))
        else:
            seen[row["id"]] = number
            raw_files[row["raw_file"]] = number
    if problems:
        raise InputError(path, bad_rows_message(problems))
    return rows


def read_raw_text(path: Path, listed_in: str) -> str:
    """Read one raw article file as UTF-8, failing clearly when it is missing, empty or not text."""
    if not path.is_file():
        raise InputError(path, f"raw file not found (listed in {listed_in})")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf16 = " (it starts with a UTF-16 byte-order mark)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise InputError(
            path,
            f"not UTF-8 text{utf16} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save it as UTF-8",
        ) from exc
    if not text.strip():
        raise InputError(path, "file is empty")
    problem = text_problem(text)
    if problem:
        raise InputError(path, problem)
    return text.removeprefix("\ufeff")


def _inside(folder: Path, name: str, where: str) -> Path:
    """`folder / name`, refused unless it resolves (links followed) to a file inside `folder`."""
    path = folder / name
    if not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(where, f"raw_file {name!r} is outside the raw folder {folder}")
    return path


def load_corpus(
    catalog: str | Path | None = None, raw_dir: str | Path | None = None, fix_mojibake: bool = True
) -> list[Article]:
    """Load every catalog row as a repaired, cleaned Article, in catalog order.

    `catalog` defaults to `data/articles.csv`; `raw_dir` defaults to the folder `raw/` next
    to the catalog; every `raw_file` must lie inside it. `fix_mojibake=False` leaves mis-decoded
    text as it is (`repair.repair_text`).
    """
    catalog_path = Path(catalog) if catalog is not None else data_path("articles.csv")
    rows = read_catalog(catalog_path)
    folder = Path(raw_dir) if raw_dir is not None else catalog_path.parent / "raw"
    if not folder.is_dir():
        raise InputError(
            folder,
            "raw text folder not found (an installed wheel does not ship the news articles: pass "
            "raw_dir, or set NZUS_DATA_DIR to the data/ folder of a checkout)",
        )
    articles = []
    for row in rows:
        where = f"{catalog_path} row {row['row']}"
        raw_path = _inside(folder, row["raw_file"], where)
        raw = read_raw_text(raw_path, f"{catalog_path.name} row {row['row']}")
        metadata = {c: row.get(c, "") for c in CATALOG_COLUMNS if c not in ("id", "year")}
        metadata["notes"] = row.get("notes", "")
        extra = {c: v for c, v in row.items() if c not in (*CATALOG_COLUMNS, "notes", "row")}
        article = article_from_text(row["id"], int(row["year"]), raw, fix_mojibake, extra, **metadata)
        if not article.paragraphs:
            raise InputError(raw_path, "no article text left after removing page furniture")
        articles.append(article)
    return articles


class ArticleRow(NamedTuple):
    """A row of `article_table`: one article's metadata and size."""

    article_id: str
    year: int
    date: str
    outlet: str
    author: str
    title: str
    headline: str  # `Article.headline`: the raw headline line, else the title
    section: str
    url: str
    raw_file: str
    n_paragraphs: int
    n_captions: int
    n_furniture_lines: int
    n_chars: int
    repairs: str  # the text repairs made, comma-separated ("" when none)


def _article_rows(a: Article) -> Iterable[tuple]:
    sizes = (len(a.paragraphs), len(a.captions), len(a.furniture), len(a.text))
    yield (a.id, a.year, a.date, a.outlet, a.author, a.title, a.headline, a.section, a.url, a.raw_file,
           *sizes, ", ".join(a.repairs))  # fmt: skip


def article_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """One row per article: metadata and size (columns: `ArticleRow`), then one text column per
    catalog column of `Article.extra` (in first-seen order; "" for an article without it)."""
    corpus = list(corpus)
    result = per_article(corpus, _article_rows, ArticleRow)
    names = list(dict.fromkeys(name for a in corpus for name, _ in a.extra))
    for name in names:
        values = [dict(a.extra).get(name, "") for a in corpus]
        result[name] = pd.array(values, dtype="str")
    return result


class RemovedRow(NamedTuple):
    """A row of `removed_table`: one raw line that cleaning took out."""

    article_id: str
    line: int  # line number in the raw file
    kind: str  # the cleaning rule that removed it
    text: str


def _removed_rows(a: Article) -> Iterable[tuple]:
    for r in sorted((*a.captions, *a.furniture), key=lambda r: r.line):
        yield (a.id, r.line, r.kind, r.text)


def removed_table(corpus: Iterable[Article]) -> pd.DataFrame:
    """Everything cleaning took out, one row per raw line (columns: `RemovedRow`)."""
    return per_article(corpus, _removed_rows, RemovedRow)
