"""Draw the BBC statements whose speaker is a pronoun, for hand-coding whom it refers to.

    python benchmarks/sample_pronoun_speakers.py [--n 60] [--seed 2026] [--skip CODED.csv] > contexts.txt

Needs ../shared/corpora/bbc. Draws `--n` (with `--seed`) of the statements `quote_table` gives a
speaker through a pronoun ("he said", resolved_by "pronoun") and prints each with the article
text around it (about 900 characters before, 250 after), the statement in [[ ]], and not the
speaker the package gave, so the coder reads the text alone; `--skip` leaves out the statements
a coded file already has. data/gold/bbc_pronoun_speakers.csv was coded from this output (its
header says how); `eval_attribution.py --corpus bbc` scores it.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
from bench_pipeline import load

from nzus_analysis.quotes import quote_table
from nzus_analysis.resources import uncommented


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip", type=Path, help="a coded CSV whose statements are not drawn again")
    args = parser.parse_args()
    articles = load()
    texts = {a.id: a.text for a in articles}
    quotes = quote_table(articles)
    by_pronoun = quotes[quotes.resolved_by == "pronoun"]
    if args.skip:
        coded = pd.read_csv(uncommented(args.skip))
        keys = ["article_id", "start", "end"]
        seen = by_pronoun[keys].merge(coded[keys], how="left", indicator=True)._merge.eq("both").to_numpy()
        by_pronoun = by_pronoun[~seen]
    by_pronoun = by_pronoun.reset_index(drop=True)
    drawn = sorted(np.random.default_rng(args.seed).choice(len(by_pronoun), args.n, replace=False))
    print("article_id,start,end,pronoun")
    for row in by_pronoun.loc[drawn].itertuples():
        print(f"{row.article_id},{row.start},{row.end},{row.speaker_mention.lower()}")
    for number, row in enumerate(by_pronoun.loc[drawn].itertuples()):
        text = texts[row.article_id]
        context = (text[max(0, row.start - 900) : row.start] + "[[" + text[row.start : row.end] + "]]"
                   + text[row.end : row.end + 250])  # fmt: skip
        print(f"===== #{number} {row.article_id} pronoun={row.speaker_mention}")
        print(textwrap.fill(" ".join(context.split()), 160))


if __name__ == "__main__":
    main()
