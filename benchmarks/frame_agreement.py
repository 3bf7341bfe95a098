"""How stable are the frame codes? The intra-coder check: data/frame_validation/recoded.csv
(78 passages coded again, blind, by the same coder; see the coding guide) against coded.csv.

    python benchmarks/frame_agreement.py

Prints, per frame, how many of the passages each coding gives it, the raw agreement and Cohen's
kappa (`frames.coder_agreement_table`), then the pooled row. A kappa is NaN for a frame neither
coding uses. This is agreement with oneself, an upper bound on what a second coder would give.
"""

from __future__ import annotations

import sys

import pandas as pd

from nzus_analysis.measures.frames import coder_agreement_table, load_frame_validation, load_recoded


def main() -> int:
    validation = load_frame_validation()
    first = dict(zip(validation.unit_id, validation.frames, strict=True))
    agreement = coder_agreement_table(first, load_recoded())
    print(f"intra-coder agreement on {agreement.n_units.iloc[0]} passages coded twice")
    with pd.option_context("display.width", 120):
        print(agreement.set_index("frame").drop(columns="n_units"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
