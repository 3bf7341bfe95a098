"""Out of core: peak memory and time of `analyse_archive` at growing archive sizes.

Synthetic archives are the BBC News texts (../shared/corpora/bbc) resampled with new ids (fixed
seed) into Parquet partitions of `--partition-size` articles. For each size, a fresh process
runs ``analyse_archive`` in process (or, with ``--workers N``, on a Dask LocalCluster) and
reports wall time, articles per second and the peak resident memory of every process doing
work (the run's own process, and each Dask worker's high-water mark).

    .venv/bin/python benchmarks/bench_archive.py --sizes 20000 100000 200000 [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_news.csv"


def write_archive(folder: Path, size: int, partition_size: int, seed: int = 2025) -> int:
    """`size` articles resampled from the BBC corpus into Parquet partitions; returns the bytes written."""
    bbc = pd.read_csv(BBC)
    rng = np.random.default_rng(seed)
    written = 0
    for number, start in enumerate(range(0, size, partition_size)):
        picks = rng.integers(0, len(bbc), min(partition_size, size - start))
        part = pd.DataFrame(
            {
                "id": [f"a{start + i:07d}" for i in range(len(picks))],
                "section": bbc.category.to_numpy()[picks],
                "text": bbc.text.to_numpy()[picks],
            }
        )
        path = folder / f"part-{number:05d}.parquet"
        part.to_parquet(path, index=False)
        written += path.stat().st_size
    return written


RUN = """
import json, resource, time
from nzus_analysis.scale.archive import ArchiveOptions, analyse_archive
options = ArchiveOptions(year_column=None, year=2005, metadata_columns={{"section": "section"}})
scheduler, client, peaks = None, None, []
if {workers}:
    from distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers={workers}, threads_per_worker=1, dashboard_address=":0")
    client = Client(cluster)
    scheduler = cluster.scheduler_address
start = time.perf_counter()
result = analyse_archive([{archive!r}], {out!r}, options, scheduler=scheduler, progress=False,
                         announce=lambda message: None)
seconds = time.perf_counter() - start
if client is not None:  # each worker's high-water mark
    peaks = list(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024).values())
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "own_mb": own, "worker_mb": peaks, "rows": result.rows}}))
"""


def run(archive: Path, out: Path, workers: int | None) -> dict:
    """One archive run in a fresh interpreter; its timing and peak memory."""
    code = RUN.format(archive=str(archive), out=str(out), workers=workers or 0)
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(printed.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000, 200_000])
    parser.add_argument("--partition-size", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=None, help="Dask LocalCluster workers (default: none)")
    args = parser.parse_args()
    mode = f"Dask LocalCluster, {args.workers} workers" if args.workers else "in process"
    print(f"partitions of {args.partition_size:,} articles; {mode}")
    print(
        f"{'articles':>9}{'MB in':>8}{'seconds':>9}{'articles/s':>12}{'peak MB (run)':>15}"
        f"{'peak MB (workers)':>19}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="bench-archive-") as scratch:
            archive, out = Path(scratch) / "in", Path(scratch) / "out"
            archive.mkdir()
            megabytes = write_archive(archive, size, args.partition_size) / 1e6
            result = run(archive, out, args.workers)
        workers = ", ".join(f"{mb:.0f}" for mb in result.get("worker_mb", [])) or "-"
        print(
            f"{size:>9,}{megabytes:>8.0f}{result['seconds']:>9.0f}{size / result['seconds']:>12.0f}"
            f"{result['own_mb']:>15.0f}{workers:>19}",
            flush=True,
        )


if __name__ == "__main__":
    main()
