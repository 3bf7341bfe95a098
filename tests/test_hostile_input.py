"""Hostile input (issue 14): linear time, nothing silently wrong, nothing destroyed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from nzus_analysis import Article
from nzus_analysis.pipeline import analyse
from nzus_analysis.sentiment import MAX_SCORED_CHARS, text_scores

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_hostile import pathological_texts

# ---- time linear in the text length --------------------------------------------------------------

HUNDRED_KB = pathological_texts(100_000)


@pytest.mark.parametrize("name", sorted(HUNDRED_KB))
def test_pathological_text_of_100_kb_is_analysed_quickly(name):
    """Quadratic stages took 80-120 s here at 100 KB; linear ones take well under a second."""
    start = time.perf_counter()
    tables = analyse([Article("x", 2020, paragraphs=(HUNDRED_KB[name],))], workers=1, progress=False)
    assert time.perf_counter() - start < 15, name
    assert len(tables.scores) >= 1


def test_long_sentences_are_scored_in_pieces_and_short_ones_exactly():
    from nzus_analysis.engines import pattern_sentiment, vader_compound

    short = "The talks were very friendly, but the minister was worried. " * 3
    assert text_scores(short) == (*pattern_sentiment(short), vader_compound(short))
    long = "good " * (MAX_SCORED_CHARS // 5) + "bad " * (MAX_SCORED_CHARS // 4)
    polarity, subjectivity, compound = text_scores(long)
    assert -1 <= polarity <= 1 and 0 <= subjectivity <= 1 and -1 <= compound <= 1
    assert polarity == pytest.approx(0.0, abs=0.2)  # half "good", half "bad", by length
