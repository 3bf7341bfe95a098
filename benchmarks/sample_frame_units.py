"""Draw the frame validation sample: passages from BBC politics and business articles.

    python benchmarks/sample_frame_units.py

Writes data/frame_validation/units.csv (unit_id, article_id, category, sentence, text). The BBC
texts in ../shared/corpora/bbc/bbc_news.csv have lost their paragraph breaks, so a coding unit is
two consecutive sentences (BBC paragraphs run one or two sentences), never the first sentence
(the headline runs into it). One unit per article, articles and positions drawn at random with a
fixed seed, so rerunning the script writes the same file.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

from nzus_analysis.bulk import load_table
from nzus_analysis.tokens import sentences

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpora" / "bbc" / "bbc_news.csv"
OUT = ROOT / "data" / "frame_validation" / "units.csv"
SEED = 2014  # the Policy Frames Codebook's year
N_UNITS = 960  # more than there are eligible articles (927): every one is used


def main() -> int:
    if not BBC.is_file():
        print(f"{BBC}: not found (the shared BBC corpus is needed)", file=sys.stderr)
        return 2
    corpus = load_table(BBC, year_column=None, year=2005, metadata_columns={"section": "category"}).articles
    chosen = [a for a in corpus if a.section in ("politics", "business")]
    rng = np.random.default_rng(SEED)
    rows = []
    for index in rng.permutation(len(chosen)):
        article = chosen[index]
        found = sentences(article)
        if len(found) < 4:
            continue
        start = int(rng.integers(1, len(found) - 1))
        text = article.text[found[start].start : found[start + 1].end]
        rows.append((f"u{len(rows) + 1:03d}", article.id, article.section, start, text))
        if len(rows) == N_UNITS:
            break
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["unit_id", "article_id", "category", "sentence", "text"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} units to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
