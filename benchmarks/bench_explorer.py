"""How fast the term explorer is built and opens: BBC politics against BBC business.

    python benchmarks/bench_explorer.py [--runs 3]

Builds `reports`-style `terms.html` for the 417 politics and 510 business articles of
../shared/corpora/bbc/bbc_news.csv, then opens it in headless Chromium (Debian's `chromium`)
`--runs` times and prints the page size, the build time and the time from navigation start until
the page's script has drawn every point (the page records it in `data-ready-ms`), plus the wall
time of each browser run (start-up included).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nzus_analysis.report.explorer import term_explorer_html
from nzus_analysis.scale.bulk import load_table

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_news.csv"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    chromium = shutil.which("chromium")
    if not BBC.is_file() or chromium is None:
        print("needs ../shared/corpora/bbc/bbc_news.csv and Debian's chromium", file=sys.stderr)
        return 2
    corpus = load_table(BBC, year_column=None, year=2005, metadata_columns={"section": "category"}).articles
    politics = [a.id for a in corpus if a.section == "politics"]
    business = [a.id for a in corpus if a.section == "business"]
    chosen = [a for a in corpus if a.section in ("politics", "business")]
    began = time.perf_counter()
    page = term_explorer_html(chosen, politics, business, "politics", "business")
    built = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "terms.html"
        path.write_text(page, encoding="utf-8")
        n_terms = re.search(r"\((\S+) in all\)", page)
        print(f"{len(politics)} politics vs {len(business)} business articles: "
              f"{n_terms.group(1) if n_terms else '?'} terms, page {len(page.encode()) / 1e6:.1f} MB, "
              f"built in {built:.1f} s")  # fmt: skip
        for run in range(1, runs + 1):
            began = time.perf_counter()
            done = subprocess.run(
                [chromium, *FLAGS, f"--user-data-dir={folder}/profile", "--dump-dom", path.as_uri()],
                capture_output=True, text=True, timeout=120, check=True,
            )  # fmt: skip
            wall = time.perf_counter() - began
            ready = re.search(r'data-ready-ms="(\d+)"', done.stdout)
            print(f"run {run}: drawn {ready.group(1) if ready else '?'} ms after navigation start; "
                  f"browser wall time {wall:.1f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
