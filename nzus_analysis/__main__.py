"""Command line: ``python -m nzus_analysis report`` runs every notebook and writes reports/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError
from .report import NotebookFailed, ReportError, build_report, refresh_notebooks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nzus_analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="execute all notebooks and write HTML to reports/")
    report.add_argument("--notebooks", type=Path, default=None, help="folder of numbered notebooks")
    report.add_argument("--out", type=Path, default=None, help="output folder (default: reports/)")
    report.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    refresh = commands.add_parser("refresh", help="re-execute the notebooks in place (developers)")
    refresh.add_argument("--notebooks", type=Path, default=None, help="folder of numbered notebooks")
    refresh.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = parser.parse_args(argv)

    try:
        if args.command == "refresh":
            refresh_notebooks(args.notebooks, args.timeout)
            return 0
        pages = build_report(args.notebooks, args.out, args.timeout)
    except (ReportError, InputError) as failure:
        print(f"{args.command} failed: {failure}", file=sys.stderr)
        if args.command == "report" and isinstance(failure, NotebookFailed):
            print("nothing was written to the report folder", file=sys.stderr)
        return 1
    print(f"wrote {len(pages)} notebook(s):")
    for page in pages:
        print(f"  {page.html}")
    print(f"open {pages[0].html.parent / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
