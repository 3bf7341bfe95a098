"""Whole archives: Parquet partitions in, Parquet datasets and a manifest out; Dask; resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from nzus_analysis.errors import InputError
from nzus_analysis.scale.archive import TABLES, ArchiveError, ArchiveOptions, analyse_archive, partitions
from nzus_analysis.scale.bulk import load_table
from nzus_analysis.scale.pipeline import analyse

from .conftest import seed_articles

pytest.importorskip("pyarrow", reason="archives are Parquet: needs the 'parquet' extra")


def _write_partitions(folder: Path, n_partitions: int, per_partition: int) -> list[Path]:
    """Partitions of the seed articles' texts under new ids (deterministic), nested by year."""
    texts = [article.text for article in seed_articles()]
    paths = []
    for p in range(n_partitions):
        rows = [
            {"id": f"p{p}-a{i}", "year": 2012 + p % 2, "text": texts[(p + i) % len(texts)]}
            for i in range(per_partition)
        ]
        path = folder / f"year={2012 + p % 2}" / f"part-{p:02d}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame(rows).to_parquet(path, index=False)
        paths.append(path)
    return paths


def _in_process_tables(paths: list[Path]) -> dict[str, pd.DataFrame]:
    """What `analyse` gives for the same articles, partition by partition in output order."""
    ordered = sorted(paths, key=lambda p: p.relative_to(p.parents[1]).as_posix())
    articles = [a for path in ordered for a in load_table(path).articles]
    tables = analyse(articles, progress=False)
    return {name: getattr(tables, name) for name in TABLES if name != "bad_rows"}


def _read_back(out: Path, name: str) -> pd.DataFrame:
    files = sorted((out / name).rglob("*.parquet"))
    return pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)


def _assert_same_tables(out: Path, expected: dict[str, pd.DataFrame]) -> None:
    for name, table in expected.items():
        read = _read_back(out, name)
        if table.empty:
            assert read.empty, name
            continue
        pd.testing.assert_frame_equal(read, table.reset_index(drop=True), check_dtype=False, obj=name)


def test_partitions_mirror_the_input_folders(tmp_path):
    paths = _write_partitions(tmp_path / "in", 3, 1)
    found = partitions([tmp_path / "in"])
    assert [p.key for p in found] == ["year=2012/part-00", "year=2012/part-02", "year=2013/part-01"]
    with pytest.raises(InputError, match="gives the same partition name"):
        partitions([paths[0], paths[0]])


def test_in_process_run_writes_every_table_and_a_manifest(tmp_path):
    paths = _write_partitions(tmp_path / "in", 3, 2)
    result = analyse_archive([tmp_path / "in"], tmp_path / "out", progress=False, announce=lambda _: None)
    assert result.analysed == ["year=2012/part-00", "year=2012/part-02", "year=2013/part-01"]
    _assert_same_tables(tmp_path / "out", _in_process_tables(paths))
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["package_version"] and manifest["options"]["text_column"] == "text"
    entry = manifest["partitions"]["year=2013/part-01"]
    assert entry["status"] == "done" and entry["input"]["size"] == paths[1].stat().st_size
    assert len(entry["input"]["sha256"]) == 64 and set(entry["rows"]) == set(TABLES)
    assert sum(e["rows"]["scores"] for e in manifest["partitions"].values()) == result.rows["scores"] > 0


def test_a_local_cluster_gives_the_in_process_tables_row_for_row(tmp_path):
    pytest.importorskip("distributed", reason="needs the 'dask' extra")
    paths = _write_partitions(tmp_path / "in", 4, 3)
    messages: list[str] = []
    result = analyse_archive(
        [tmp_path / "in"], tmp_path / "out", workers=2, progress=False, announce=messages.append
    )
    assert sorted(result.analysed) == sorted(p.key for p in partitions([tmp_path / "in"]))
    assert any(m.startswith("Dask dashboard: http") for m in messages)
    _assert_same_tables(tmp_path / "out", _in_process_tables(paths))


def test_unreadable_partition_stops_or_is_recorded_with_keep_going(tmp_path):
    _write_partitions(tmp_path / "in", 2, 1)
    broken = tmp_path / "in" / "year=2014" / "part-99.parquet"
    broken.parent.mkdir()
    broken.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(ArchiveError, match=r"part-99\.parquet: .*cannot be read as parquet"):
        analyse_archive([tmp_path / "in"], tmp_path / "out", progress=False, announce=lambda _: None)
    result = analyse_archive(
        [tmp_path / "in"], tmp_path / "out", keep_going=True, progress=False, announce=lambda _: None
    )
    assert list(result.failed) == ["year=2014/part-99"] and len(result.analysed) + len(result.skipped) == 2
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["partitions"]["year=2014/part-99"]["status"] == "failed"


def test_a_rerun_skips_what_is_done_and_redoes_what_changed(tmp_path):
    paths = _write_partitions(tmp_path / "in", 2, 1)
    quiet = {"progress": False, "announce": lambda _: None}
    analyse_archive([tmp_path / "in"], tmp_path / "out", **quiet)
    again = analyse_archive([tmp_path / "in"], tmp_path / "out", **quiet)
    assert again.analysed == [] and len(again.skipped) == 2
    pd.DataFrame([{"id": "new", "year": 2012, "text": "Changed text, the minister said."}]).to_parquet(
        paths[0]
    )
    (tmp_path / "out" / "quotes" / "year=2013" / "part-01.parquet").unlink()  # an output lost
    third = analyse_archive([tmp_path / "in"], tmp_path / "out", **quiet)
    assert sorted(third.analysed) == ["year=2012/part-00", "year=2013/part-01"]
    other = analyse_archive([tmp_path / "in"], tmp_path / "out", ArchiveOptions(chunk_size=7), **quiet)
    assert len(other.analysed) == 2  # other options: nothing is reused


def test_a_killed_run_resumes_to_the_same_result(tmp_path):
    """Kill the process doing the work midway (SIGKILL), run the same command again."""
    paths = _write_partitions(tmp_path / "in", 10, 12)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "nzus_analysis",
        "analyse",
        str(tmp_path / "in"),
        "--out",
        str(out),
        "--no-progress",
    ]
    run = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        if manifest.is_file() and json.loads(manifest.read_text())["partitions"]:
            break
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    done_before = len(json.loads(manifest.read_text())["partitions"])
    assert 1 <= done_before < 10, "the kill should land midway"
    finished = subprocess.run(command, capture_output=True, text=True, check=True)
    assert f"skipped {done_before} already done" in finished.stdout
    assert not list(out.rglob("*.tmp"))  # no half-written file is ever taken for an output
    _assert_same_tables(out, _in_process_tables(paths))
