"""Load the article catalog and raw files into cleaned `Article` objects.

A new article joins the corpus by adding its raw text file to `data/raw/` and one row to
`data/articles.csv` (columns: see `CATALOG_COLUMNS`). The raw files are never changed: all
cleaning happens here, through `nzus_analysis.cleaning.clean_text`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .cleaning import Removed, clean_text
from .errors import InputError
from .resources import data_path

CATALOG_COLUMNS = ("id", "year", "date", "outlet", "author", "title", "section", "url", "raw_file")
REQUIRED_COLUMNS = ("id", "year", "raw_file")
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Article:
    """One article: catalog metadata plus its cleaned text.

    `text` is the body paragraphs joined by a blank line; every character offset in the
    package (sentences, tokens, quotes) points into `text`.
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
    text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", PARAGRAPH_SEPARATOR.join(self.paragraphs))

    @property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each paragraph in `text`."""
        spans, start = [], 0
        for paragraph in self.paragraphs:
            spans.append((start, start + len(paragraph)))
            start += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return spans


def article_from_text(article_id: str, year: int, raw: str, **metadata: str) -> Article:
    """Clean a raw text held in memory into an Article (for texts that are not in the catalog)."""
    cleaned = clean_text(raw, metadata.get("title", ""), metadata.get("section", ""))
    return Article(
        id=article_id,
        year=year,
        paragraphs=cleaned.paragraphs,
        captions=cleaned.captions,
        furniture=cleaned.furniture,
        **metadata,
    )


def read_catalog(catalog: str | Path | None = None) -> list[dict[str, str]]:
    """Read and validate the catalog CSV; each row gets its `line` number in the file."""
    path = Path(catalog) if catalog is not None else data_path("articles.csv")
    if not path.is_file():
        raise InputError(path, "catalog file not found")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(path, f"catalog lacks required column(s): {', '.join(missing)}")
            rows = []
            for row in reader:
                row = {k: (v or "").strip() for k, v in row.items() if k is not None}
                row["line"] = str(reader.line_num)
                rows.append(row)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"catalog is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if not rows:
        raise InputError(path, "catalog has no article rows")
    seen: dict[str, str] = {}
    for row in rows:
        where = f"line {row['line']}"
        for column in REQUIRED_COLUMNS:
            if not row.get(column):
                raise InputError(path, f"{where}: missing {column}")
        if not row["year"].isdigit():
            raise InputError(path, f"{where}: year {row['year']!r} is not a whole number")
        if row["id"] in seen:
            raise InputError(path, f"{where}: duplicate id {row['id']!r} (first on line {seen[row['id']]})")
        seen[row["id"]] = row["line"]
    return rows


def read_raw_text(path: Path, listed_in: str) -> str:
    """Read one raw article file as UTF-8, failing clearly when it is missing, empty or not text."""
    if not path.is_file():
        raise InputError(path, f"raw file not found (listed in {listed_in})")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8",
        ) from exc
    if not text.strip():
        raise InputError(path, "file is empty")
    return text.removeprefix("\ufeff")


def load_corpus(catalog: str | Path | None = None, raw_dir: str | Path | None = None) -> list[Article]:
    """Load every catalog row as a cleaned Article, in catalog order.

    `catalog` defaults to `data/articles.csv`; `raw_dir` defaults to the folder `raw/` next
    to the catalog.
    """
    catalog_path = Path(catalog) if catalog is not None else data_path("articles.csv")
    rows = read_catalog(catalog_path)
    folder = Path(raw_dir) if raw_dir is not None else catalog_path.parent / "raw"
    articles = []
    for row in rows:
        raw_path = folder / row["raw_file"]
        raw = read_raw_text(raw_path, f"{catalog_path.name} line {row['line']}")
        metadata = {c: row.get(c, "") for c in CATALOG_COLUMNS if c not in ("id", "year")}
        metadata["notes"] = row.get("notes", "")
        article = article_from_text(row["id"], int(row["year"]), raw, **metadata)
        if not article.paragraphs:
            raise InputError(raw_path, "no article text left after removing page furniture")
        articles.append(article)
    return articles


def corpus_frame(corpus: Sequence[Article]) -> pd.DataFrame:
    """One row per article: metadata and size.

    Columns: article_id, year, date, outlet, author, title, section, url, raw_file,
    n_paragraphs, n_captions, n_furniture_lines, n_chars.
    """
    rows = [
        {
            "article_id": a.id,
            "year": a.year,
            "date": a.date,
            "outlet": a.outlet,
            "author": a.author,
            "title": a.title,
            "section": a.section,
            "url": a.url,
            "raw_file": a.raw_file,
            "n_paragraphs": len(a.paragraphs),
            "n_captions": len(a.captions),
            "n_furniture_lines": len(a.furniture),
            "n_chars": len(a.text),
        }
        for a in corpus
    ]
    return pd.DataFrame(rows)


def removed_frame(corpus: Iterable[Article]) -> pd.DataFrame:
    """Everything cleaning took out, one row per raw line: article_id, line, kind, text."""
    rows = [
        {"article_id": a.id, "line": r.line, "kind": r.kind, "text": r.text}
        for a in corpus
        for r in sorted((*a.captions, *a.furniture), key=lambda r: r.line)
    ]
    return pd.DataFrame(rows, columns=["article_id", "line", "kind", "text"])
