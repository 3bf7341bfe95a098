"""Command line (``python -m nzus_analysis`` or ``nzus-analysis``).

- ``report``: execute every notebook and write HTML to reports/;
- ``refresh``: re-execute the notebooks in place (developers);
- ``analyse INPUT... --out DIR``: every table of a whole archive as Parquet datasets (`archive`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nzus_analysis.errors import InputError
from nzus_analysis.report.build import NotebookFailed, ReportError, build_report, refresh_notebooks
from nzus_analysis.scale.archive import ArchiveError, ArchiveOptions, analyse_archive


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nzus-analysis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="execute all notebooks and write HTML to reports/")
    report.add_argument("--notebooks", type=Path, default=None, help="folder of numbered notebooks")
    report.add_argument("--out", type=Path, default=None, help="output folder (default: reports/)")
    report.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    report.add_argument(
        "--compare", nargs=3, metavar=("COLUMN", "A", "B"), default=None,
        help="compare articles whose catalog COLUMN is A with those where it is B, in every page "
        "(default: the notebooks' BY, GROUP_A, GROUP_B)",
    )  # fmt: skip
    refresh = commands.add_parser("refresh", help="re-execute the notebooks in place (developers)")
    refresh.add_argument("--notebooks", type=Path, default=None, help="folder of numbered notebooks")
    refresh.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    archive = commands.add_parser("analyse", help="analyse table files or Parquet partitions into Parquet")
    archive.add_argument(
        "inputs", nargs="+", type=Path, help="CSV/JSONL/Parquet files, or folders of Parquet"
    )
    archive.add_argument("--out", type=Path, required=True, help="output folder (datasets + manifest.json)")
    archive.add_argument("--text-column", default="text")
    archive.add_argument("--id-column", default="id", help='"" to number the rows instead')
    archive.add_argument("--year-column", default="year", help='"" when every row has --year')
    archive.add_argument("--year", type=int, default=None, help="one year for every row")
    archive.add_argument(
        "--metadata", action="append", default=[], metavar="FIELD=COLUMN",
        help="an Article field (date, outlet, author, title, section, url) from a column; repeatable",
    )  # fmt: skip
    archive.add_argument("--clean", action="store_true", help="run the page-furniture rules on each text")
    archive.add_argument("--no-fix-mojibake", action="store_true", help="leave mis-decoded text alone")
    archive.add_argument("--chunk-size", type=int, default=50, help="articles per analysis chunk")
    archive.add_argument(
        "--workers", type=int, default=None, help="run on a Dask LocalCluster of N processes"
    )
    archive.add_argument("--scheduler", default=None, help="run on the Dask cluster at this address")
    archive.add_argument("--keep-going", action="store_true", help="record unreadable partitions, go on")
    archive.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


def _archive(args: argparse.Namespace) -> int:
    metadata = {}
    for item in args.metadata:
        field, _, column = item.partition("=")
        if not field or not column:
            raise InputError("--metadata", f"{item!r} is not FIELD=COLUMN")
        metadata[field] = column
    options = ArchiveOptions(
        text_column=args.text_column,
        id_column=args.id_column or None,
        year_column=args.year_column or None,
        year=args.year,
        metadata_columns=metadata,
        clean=args.clean,
        fix_mojibake=not args.no_fix_mojibake,
        chunk_size=args.chunk_size,
    )
    result = analyse_archive(
        args.inputs, args.out, options, args.workers, args.scheduler, args.keep_going, not args.no_progress
    )
    print(
        f"analysed {len(result.analysed)} partition(s), skipped {len(result.skipped)} already done, "
        f"{len(result.failed)} failed"
    )
    for key, error in result.failed.items():
        print(f"  failed {key}: {error}")
    print("rows: " + ", ".join(f"{name} {n:,}" for name, n in result.rows.items()))
    print(f"wrote {result.out_dir / 'manifest.json'}")
    return 1 if result.failed else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyse":
            return _archive(args)
        if args.command == "refresh":
            refresh_notebooks(args.notebooks, args.timeout)
            return 0
        groups = tuple(args.compare) if args.compare else None
        pages = build_report(args.notebooks, args.out, args.timeout, groups=groups)
    except (ReportError, InputError, ArchiveError) as failure:
        print(f"{args.command} failed: {failure}", file=sys.stderr)
        if args.command == "report" and isinstance(failure, NotebookFailed):
            print("nothing was written to the report folder", file=sys.stderr)
        return 1
    return 0 if pages else 1


if __name__ == "__main__":
    sys.exit(main())
