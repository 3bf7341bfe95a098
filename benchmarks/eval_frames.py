"""Score the frame lexicon against the hand-coded BBC passages (data/frame_validation).

    python benchmarks/eval_frames.py [--half test|dev|all]

A passage is predicted to carry a frame when the lexicon (data/lexicons/frames.csv) has at least
one hit for it there. Prints per-frame precision and recall; the target is precision >= 0.75 for
every frame with at least 20 coded passages in the whole set. Lexicon changes were tried on the
development passages only (odd units up to u319, and u321-u720); the test passages (even units up
to u320, and u721-u927) are the figure to report (`frames.TEST_UNITS_UP_TO`).
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from nzus_analysis.frames import frame_validation_table, load_frame_validation

MIN_CODED = 20
TARGET_PRECISION = 0.75


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--half", default="test", choices=["test", "dev", "all"])
    half = parser.parse_args().half
    validation = load_frame_validation()
    table = frame_validation_table(validation)
    everything = table[table.half == "all"].set_index("frame").n_coded
    rows = table[table.half == half].set_index("frame")
    rows["n_coded_all"] = everything
    rows["target"] = [
        ("met" if p >= TARGET_PRECISION else "MISSED") if n >= MIN_CODED else "-"
        for p, n in zip(rows.precision.fillna(0), rows.n_coded_all, strict=True)
    ]
    n_units = int((validation.half == half).sum()) if half != "all" else len(validation)
    print(f"frame lexicon on {n_units} coded passages ({half} half)")
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(rows[["n_coded", "n_predicted", "n_both", "precision", "recall", "n_coded_all", "target"]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
