"""Locate the project's data files from inside the package, whatever the working folder.

Notebooks run with their own folder as the working directory and tests run from the
repository root, so no path here is relative to the working directory.
"""

from __future__ import annotations

import csv
import io
import os
from functools import cache
from pathlib import Path

from nzus_analysis.errors import InputError

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The `data/` folder: ``$NZUS_DATA_DIR`` if set, else the repository's or the wheel's copy."""
    override = os.environ.get("NZUS_DATA_DIR")
    candidates = [Path(override)] if override else []
    candidates += [_PACKAGE_DIR.parent / "data", _PACKAGE_DIR / "_data"]
    for candidate in candidates:
        if (candidate / "articles.csv").is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"nzus_analysis data folder not found (looked for articles.csv in: {tried})")


def data_path(*parts: str) -> Path:
    """Path of a file under `data/`, e.g. ``data_path("lexicons", "frames.csv")``."""
    return data_dir().joinpath(*parts)


def model_file(path: str | Path | None, shipped: tuple[str, ...], trainer: str) -> Path:
    """`path`, or the shipped model file under `data/` (`shipped` parts); an InputError naming
    the training script if it is missing."""
    source = Path(path) if path is not None else data_path(*shipped)
    if not source.is_file():
        raise InputError(source, f"model not found (train it: {trainer})")
    return source


def uncommented(path: Path) -> io.StringIO:
    """A data file's text without its `#` comment lines, as a file object for a CSV reader."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return io.StringIO("".join(line for line in lines if not line.startswith("#")))


def read_mapping(name: str, key: str, value: str) -> dict[str, str]:
    """Column `key` -> column `value` of a CSV in `data/` (`#` comment lines skipped)."""
    rows = csv.DictReader(uncommented(data_path(name)))
    return {row[key]: row[value] for row in rows}


@cache
def read_word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line list from `data/`; `#` starts a comment, blank lines are skipped."""
    path = data_path(name)
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.add(entry)
    return frozenset(entries)
