"""Draw the frame validation sample: passages from BBC politics and business articles, then
paragraphs from PolNeAR's train split (US political news, 2015-16), then from its dev split.

    python benchmarks/sample_frame_units.py

Writes data/frame_validation/units.csv (unit_id, article_id, category, sentence, text). The BBC
texts in ../shared/corpora/bbc/bbc_news.csv have lost their paragraph breaks, so a BBC coding unit
is two consecutive sentences (BBC paragraphs run one or two sentences), never the first sentence
(the headline runs into it): u001-u927, every eligible article. PolNeAR's texts keep their
paragraphs, so a PolNeAR unit (category "polnear", `sentence` the paragraph's number) is one
paragraph of 15 to 120 words, never the first (the headline): `N_POLNEAR` units from as many
train articles, u928 on, then the classifier's test batch, `N_POLNEAR_TEST` more from the same
draw continued (u1248 on). One unit per article, articles and positions drawn at random with a
fixed seed, so rerunning the script writes the same file (a longer draw keeps every earlier unit).
Last, the classifier's second test batch (category "polnear-dev", u1728 on): up to
`PER_DEV_ARTICLE` paragraphs of the same lengths from each of the 84 articles of PolNeAR's *dev*
split, articles in order, paragraphs drawn without replacement (its own generator, same seed), so
no passage of it shares an article with a passage the classifier is trained on.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

from nzus_analysis.quotes.evaluation import polnear_documents
from nzus_analysis.scale.bulk import load_table
from nzus_analysis.text.tokens import sentences

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpora" / "bbc" / "bbc_news.csv"
OUT = ROOT / "data" / "frame_validation" / "units.csv"
SEED = 2014  # the Policy Frames Codebook's year
N_UNITS = 960  # more than there are eligible articles (927): every one is used
POLNEAR_TRAIN = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
N_POLNEAR = 320
N_POLNEAR_TEST = 480  # coded after the classifier was first trained, in two halves (see the coding guide)
POLNEAR_DEV = ROOT.parent / "shared" / "corpora" / "polnear" / "dev"
PER_DEV_ARTICLE = 3
MIN_WORDS, MAX_WORDS = 15, 120  # a PolNeAR paragraph's length to be a unit


def eligible_paragraphs(paragraphs: tuple[str, ...]) -> list[int]:
    """The numbers of the paragraphs that may be a unit: not the first, MIN_WORDS to MAX_WORDS long."""
    return [i for i in range(1, len(paragraphs)) if MIN_WORDS <= len(paragraphs[i].split()) <= MAX_WORDS]


def polnear_units(numbered: int, rng: np.random.Generator, count: int) -> list[tuple]:
    """`count` units from PolNeAR train articles, numbered after the first `numbered`."""
    articles = [article for article, _ in polnear_documents(POLNEAR_TRAIN)]
    rows: list[tuple] = []
    for index in rng.permutation(len(articles)):
        article = articles[index]
        eligible = eligible_paragraphs(article.paragraphs)
        if not eligible:
            continue
        paragraph = eligible[int(rng.integers(len(eligible)))]
        rows.append((f"u{numbered + len(rows) + 1:03d}", article.id, "polnear", paragraph,
                     article.paragraphs[paragraph]))  # fmt: skip
        if len(rows) == count:
            break
    return rows


def polnear_dev_units(numbered: int, rng: np.random.Generator) -> list[tuple]:
    """Up to `PER_DEV_ARTICLE` units from each PolNeAR dev article, numbered after `numbered`."""
    rows: list[tuple] = []
    for article, _ in polnear_documents(POLNEAR_DEV):
        eligible = eligible_paragraphs(article.paragraphs)
        chosen = rng.choice(eligible, size=min(PER_DEV_ARTICLE, len(eligible)), replace=False)
        for paragraph in sorted(int(i) for i in chosen):
            rows.append((f"u{numbered + len(rows) + 1:03d}", article.id, "polnear-dev", paragraph,
                         article.paragraphs[paragraph]))  # fmt: skip
    return rows


def main() -> int:
    for needed in (BBC, POLNEAR_TRAIN, POLNEAR_DEV):
        if not needed.exists():
            print(f"{needed}: not found (the shared corpora are needed)", file=sys.stderr)
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
    rows += polnear_units(len(rows), np.random.default_rng(SEED), N_POLNEAR + N_POLNEAR_TEST)
    rows += polnear_dev_units(len(rows), np.random.default_rng(SEED))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["unit_id", "article_id", "category", "sentence", "text"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} units to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
