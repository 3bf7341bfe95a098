"""Whole archives: table files or Parquet partitions in, one Parquet dataset per table out.

`analyse_archive(inputs, out_dir)` (command: ``nzus-analysis analyse INPUT... --out DIR``) treats
every input file as a partition: a CSV, JSON Lines or Parquet file given by name, or every
``*.parquet`` file below a folder given by name. Each partition is read, analysed and written on
its own, so memory is bounded by the partition, not the archive:

    DIR/manifest.json                  what was run on what, and what came out (below)
    DIR/<table>/<partition>.parquet    one file per table and partition, for every table in TABLES

``<partition>`` is the input file's name without its suffix, or its path below the input folder
(``2020/part-3``), so the output is partitioned like the input. Read a table back with
``pd.read_parquet("DIR/quotes")`` or DuckDB (``SELECT * FROM 'DIR/quotes/**/*.parquet'``).

Nothing is lost on faults: each output file is written under a temporary name and renamed when
complete, and the manifest is rewritten (atomically) after every partition. Running the same
command again skips every partition whose input (size and SHA-256), options, package version
and outputs (files and row counts) match its manifest entry, so a run that was killed finishes
with the same result. An unreadable partition stops the run with an `ArchiveError` naming the
file; with ``keep_going=True`` it is recorded in the manifest as failed and the rest complete.

With ``workers`` or ``scheduler`` the partitions run on Dask (a `LocalCluster` of ``workers``
processes, or the cluster at ``scheduler``, e.g. ``tcp://host:8786``): each worker reads its own
partitions from their paths and writes its own outputs; only paths, options and row counts pass
through the client. The paths must be reachable from the workers.

Manifest (``manifest.json``): ``package_version``, ``options`` (the `load_table` and run options),
``tables``, and per partition its ``input`` (path, size, sha256), ``status`` ("done" or
"failed"), ``error`` (for a failed one), ``rows`` (row count per table) and ``outputs`` (file per
table, relative to DIR).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from nzus_analysis.errors import InputError
from nzus_analysis.scale.bulk import FORMATS, BulkCorpus, load_table
from nzus_analysis.scale.pipeline import CorpusTables, analyse

#: The tables written per partition: the `CorpusTables` fields, and the rows `load_table` left out.
TABLES = (
    "articles",
    "scores",
    "terms",
    "frame_hits",
    "quotes",
    "voice_shares",
    "stance",
    "failures",
    "bad_rows",
)
MANIFEST = "manifest.json"


class ArchiveError(RuntimeError):
    """A partition could not be read or analysed: the message names the file."""


@dataclass(frozen=True)
class Partition:
    """One input file and the name its outputs take (`key`, a relative posix path, no suffix)."""

    key: str
    path: str


@dataclass(frozen=True)
class ArchiveOptions:
    """How each partition is read (the `bulk.load_table` options) and analysed."""

    text_column: str = "text"
    id_column: str | None = "id"
    year_column: str | None = "year"
    year: int | None = None
    metadata_columns: dict[str, str] = field(default_factory=dict)
    clean: bool = False
    fix_mojibake: bool = True
    chunk_size: int = 50


@dataclass(frozen=True)
class ArchiveResult:
    """What a run did: partitions analysed now, skipped as already done, and failed (with why)."""

    out_dir: Path
    analysed: list[str]
    skipped: list[str]
    failed: dict[str, str]
    rows: dict[str, int]  # rows per table over every done partition


def partitions(inputs: Sequence[str | Path]) -> list[Partition]:
    """The partitions of the inputs, in order: files as given, folders' Parquet files sorted."""
    found: list[Partition] = []
    for given in map(Path, inputs):
        if given.is_dir():
            files = sorted(p for p in given.rglob("*.parquet") if p.is_file() and not p.name.startswith("."))
            if not files:
                raise InputError(given, "folder holds no .parquet files")
            found += [Partition(p.relative_to(given).with_suffix("").as_posix(), str(p)) for p in files]
        elif given.is_file():
            if given.suffix.lower() not in FORMATS:
                raise InputError(
                    given, f"unknown table format {given.suffix!r} (use .csv, .jsonl or .parquet)"
                )
            found.append(Partition(given.stem, str(given)))
        else:
            raise InputError(given, "input not found")
    keys: dict[str, str] = {}
    for partition in found:
        if partition.key in keys:
            raise InputError(partition.path, f"gives the same partition name as {keys[partition.key]}")
        keys[partition.key] = partition.path
    return found


def file_fingerprint(path: str | Path) -> dict[str, Any]:
    """Path, size and SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"path": str(path), "size": os.path.getsize(path), "sha256": digest.hexdigest()}


def _write_parquet(table: pd.DataFrame, target: Path) -> None:
    """Write under a temporary name in the same folder, then rename: the file is whole or absent."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        table.to_parquet(temporary, index=False)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _load_and_analyse(path: str, options: ArchiveOptions, progress: bool) -> tuple[BulkCorpus, CorpusTables]:
    loaded = load_table(
        path,
        text_column=options.text_column,
        id_column=options.id_column,
        year_column=options.year_column,
        year=options.year,
        metadata_columns=dict(options.metadata_columns),
        clean=options.clean,
        strict=False,
        fix_mojibake=options.fix_mojibake,
    )
    tables = analyse(loaded.articles, chunk_size=options.chunk_size, progress=progress, on_error="skip")
    return loaded, tables


def analyse_partition(
    partition: Partition, out_dir: str | Path, options: ArchiveOptions, progress: bool = False
) -> dict[str, Any]:
    """Read, analyse and write one partition; its manifest entry (without the status).

    Runs wherever it is called (in process, or on a Dask worker): reads `partition.path` and
    writes ``out_dir/<table>/<partition.key>.parquet``. Raises `ArchiveError` naming the file
    when the partition cannot be read or analysed.
    """
    out = Path(out_dir)
    try:
        fingerprint = file_fingerprint(partition.path)
        with warnings.catch_warnings():  # bad rows and failed articles are written as tables instead
            warnings.simplefilter("ignore", UserWarning)
            loaded, tables = _load_and_analyse(partition.path, options, progress)
    except (InputError, OSError, ValueError) as error:
        raise ArchiveError(f"{partition.path}: {error}") from error
    produced = {name: getattr(tables, name) for name in TABLES if name != "bad_rows"}

    produced["bad_rows"] = loaded.problems
    outputs, rows = {}, {}
    for name, table in produced.items():
        relative = Path(name) / f"{partition.key}.parquet"
        _write_parquet(table, out / relative)
        outputs[name], rows[name] = relative.as_posix(), len(table)
    return {"input": fingerprint, "rows": rows, "outputs": outputs, "articles": len(loaded.articles)}


class _Manifest:
    """The manifest file: read at the start, rewritten atomically after every partition."""

    def __init__(self, out_dir: Path, header: dict[str, Any]) -> None:
        self.path = out_dir / MANIFEST
        self.header = header
        self.entries: dict[str, dict[str, Any]] = {}
        if self.path.is_file():
            try:
                old = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                old = {}  # unreadable: start afresh, every partition is redone
            if all(old.get(k) == v for k, v in header.items()):
                self.entries = old.get("partitions", {})

    def is_done(self, partition: Partition, out_dir: Path) -> bool:
        """The partition's entry is done, its input unchanged and every output whole."""
        import pyarrow.parquet as pq

        entry = self.entries.get(partition.key)
        if not entry or entry.get("status") != "done":
            return False
        current = file_fingerprint(partition.path)
        if (entry["input"].get("size"), entry["input"].get("sha256")) != (current["size"], current["sha256"]):
            return False
        try:
            return all(
                pq.read_metadata(out_dir / entry["outputs"][name]).num_rows == entry["rows"][name]
                for name in TABLES
            )
        except (OSError, KeyError, ValueError):
            return False

    def record(self, key: str, entry: dict[str, Any]) -> None:
        self.entries[key] = entry
        document = dict(self.header, partitions=dict(sorted(self.entries.items())))
        handle, temporary = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=self.path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, indent=1, sort_keys=True)
        os.replace(temporary, self.path)


def analyse_archive(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    options: ArchiveOptions | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    keep_going: bool = False,
    progress: bool = True,
    announce: Callable[[str], None] = print,
) -> ArchiveResult:
    """Analyse every partition of `inputs` into Parquet datasets under `out_dir` (module docstring).

    In process by default; on Dask with `workers` (a `LocalCluster`) or `scheduler` (an address).
    """
    options = options or ArchiveOptions()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "--out is a file, not a folder")
    todo = partitions(inputs)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.rglob(".*.tmp"):  # left by a run that was killed while writing
        stale.unlink()
    header = {"package_version": version("nzus_analysis"), "options": asdict(options), "tables": list(TABLES)}
    manifest = _Manifest(out, header)
    skipped = [p.key for p in todo if manifest.is_done(p, out)]
    pending = [p for p in todo if p.key not in set(skipped)]
    if skipped:
        announce(f"skipping {len(skipped)} partition(s) already done (manifest and outputs match)")
    analysed: list[str] = []
    failed: dict[str, str] = {}

    def finished(partition: Partition, entry: dict[str, Any] | None, error: str = "") -> None:
        if entry is None:
            if not keep_going:
                raise ArchiveError(error)
            failed[partition.key] = error
            manifest.record(
                partition.key, {"status": "failed", "error": error, "input": {"path": partition.path}}
            )
            return
        manifest.record(partition.key, dict(entry, status="done"))
        analysed.append(partition.key)

    bar = tqdm(total=len(pending), unit="partition", desc="partitions", disable=not progress)
    with bar:
        if workers is None and scheduler is None:
            for partition in pending:
                try:
                    entry = analyse_partition(partition, out, options, progress=progress)
                except ArchiveError as error:
                    finished(partition, None, str(error))
                else:
                    finished(partition, entry)
                bar.update()
        else:
            _on_dask(pending, out, options, workers, scheduler, finished, bar, announce)
    rows = {name: 0 for name in TABLES}
    for entry in manifest.entries.values():
        if entry.get("status") == "done":
            for name in TABLES:
                rows[name] += entry["rows"][name]
    return ArchiveResult(out, analysed, skipped, failed, rows)


def _on_dask(
    pending: list[Partition],
    out: Path,
    options: ArchiveOptions,
    workers: int | None,
    scheduler: str | None,
    finished: Callable[..., None],
    bar: tqdm,
    announce: Callable[[str], None],
) -> None:
    """Run the partitions on Dask; results (manifest entries) come back as they complete."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise ImportError("running on Dask needs the dask extra: pip install 'nzus_analysis[dask]'") from exc
    if scheduler:
        cluster, client = None, Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    try:
        announce(f"Dask dashboard: {client.dashboard_link}")
        futures = {
            client.submit(analyse_partition, p, str(out), options, pure=False, key=f"partition-{i}"): p
            for i, p in enumerate(pending)
        }
        articles = tqdm(unit="article", desc="articles", disable=bar.disable)
        with articles:
            for future in as_completed(futures):
                partition = futures[future]
                try:
                    entry = future.result()
                except ArchiveError as error:
                    finished(partition, None, str(error))
                else:
                    finished(partition, entry)
                    articles.update(entry["articles"])
                bar.update()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
