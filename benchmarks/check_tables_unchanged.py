"""Prove a refactor changed no output: every table on the seeds, BBC and PolNeAR, saved and compared.

Run before the change:  .venv/bin/python benchmarks/check_tables_unchanged.py save /tmp/before
and after it:           .venv/bin/python benchmarks/check_tables_unchanged.py save /tmp/after
                        .venv/bin/python benchmarks/check_tables_unchanged.py compare /tmp/before /tmp/after

Saved per corpus: every `analyse` table (linear stance), `passage_table`, `stance_table` with the
default encoder, and on the seeds and PolNeAR dev `paragraph_frame_table`. `compare` prints one
line per table and exits 1 when any differs (rows, order, columns or dtypes). Needs
../shared/corpora beside the checkout; takes about 3 minutes on two cores.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from nzus_analysis import load_corpus
from nzus_analysis.measures.frame_classifier import paragraph_frame_table
from nzus_analysis.measures.stance import stance_table
from nzus_analysis.quotes import passage_table
from nzus_analysis.quotes.evaluation import polnear_documents
from nzus_analysis.scale.bulk import load_table
from nzus_analysis.scale.pipeline import CorpusTables, analyse

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def corpora() -> dict[str, list]:
    bbc = load_table(
        SHARED / "bbc/bbc_news.csv", year_column=None, year=2005, metadata_columns={"section": "category"}
    )
    return {
        "seeds": list(load_corpus()),
        "bbc": bbc.articles,
        "polnear_dev": [article for article, _ in polnear_documents(SHARED / "polnear/dev")],
        "polnear_train": [article for article, _ in polnear_documents(SHARED / "polnear/train")],
    }


def save(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, corpus in corpora().items():
        tables = analyse(corpus, workers=2, progress=False)
        found = {field: getattr(tables, field) for field in CorpusTables.__dataclass_fields__}
        found["passages"] = passage_table(tables.quotes)
        found["stance_encoder"] = stance_table(corpus)
        if name in ("seeds", "polnear_dev"):
            found["paragraph_frames"] = paragraph_frame_table(corpus)
        for key, table in found.items():
            table.to_pickle(out / f"{name}__{key}.pkl")
        print(
            name, len(corpus), "articles:", ", ".join(f"{k} {len(v)}" for k, v in found.items()), flush=True
        )


def compare(before: Path, after: Path) -> int:
    differ = 0
    for path in sorted(before.glob("*.pkl")):
        x, y = pd.read_pickle(path), pd.read_pickle(after / path.name)
        same = x.equals(y) and list(x.columns) == list(y.columns) and (x.dtypes == y.dtypes).all()
        print(f"{'equal ' if same else 'DIFFER'} {path.stem} ({len(x)} rows before, {len(y)} after)")
        differ += not same
    print("all equal" if not differ else f"{differ} tables differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("save").add_argument("out", type=Path)
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "save":
        save(args.out)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
