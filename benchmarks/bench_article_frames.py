"""How fast the article frame model reads news: `article_frame_table` on BBC articles.

    python benchmarks/bench_article_frames.py [--articles 300] [--runs 2]

Reads `--articles` articles of ../shared/corpora/bbc/bbc_news.csv, evenly spaced through the
file so that every section is in, with `measures.article_frames.article_frame_table`, and prints
articles/s and words/s per run, then the size of every model file the reading loads. The
stored embeddings of the hand-coded passages (some are BBC paragraphs) are switched off, so
every paragraph is read by the encoder as a new article's would be. NumPy's BLAS uses the
machine's cores (two here); nothing is downloaded and no GPU is used.
"""

from __future__ import annotations

import argparse
import time

from bench_pipeline import load

from nzus_analysis.measures import article_frames, frame_classifier
from nzus_analysis.measures.article_frames import ARTICLE_MODEL_FILE, article_frame_table, article_texts
from nzus_analysis.measures.frame_classifier import TEXT_ENCODER_FILE, load_text_encoder
from nzus_analysis.resources import data_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    bbc = load()
    articles = bbc[:: max(len(bbc) // args.articles, 1)][: args.articles]
    frame_classifier._stored_embeddings = dict  # no shortcut for the coded BBC passages
    n_texts = sum(len(article_texts(a)) for a in articles)
    n_words = sum(len(t.split()) for a in articles for t in article_texts(a))
    load_text_encoder()
    article_frames.load_article_frame_model()  # model loading is not timed
    print(f"BBC: {len(articles)} articles, {n_texts} headlines and paragraphs, {n_words:,} words")
    for run in range(1, args.runs + 1):
        start = time.perf_counter()
        table = article_frame_table(articles)
        seconds = time.perf_counter() - start
        print(
            f"run {run}: {seconds:.1f} s, {len(articles) / seconds:.1f} articles/s, "
            f"{n_words / seconds:,.0f} words/s ({table.carries.sum()} article-frame readings carried)"
        )
    for parts in (TEXT_ENCODER_FILE, ARTICLE_MODEL_FILE):
        path = data_path(*parts)
        print(f"{'/'.join(parts)}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
