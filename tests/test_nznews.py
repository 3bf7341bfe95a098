"""The NZ news development set (tests/data/nznews): cleaning and quotes against the hand-coded gold."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from nzus_analysis.quotes.gold_set import (
    GoldSet,
    furniture_line_table,
    furniture_score_table,
    load_gold_set,
    statement_score_table,
)

NZNEWS = Path(__file__).parent / "data" / "nznews"


@cache
def gold_set() -> GoldSet:
    return load_gold_set(NZNEWS)


def test_the_set_is_what_its_readme_says():
    articles = gold_set().articles
    assert len(articles) >= 30
    assert len({a.outlet.split(" (")[0] for a in articles}) >= 8
    assert {a.year for a in articles} <= {2013, 2014, 2015, 2019, 2020, 2023}
    assert (gold_set().statements.start >= 0).all(), "every gold statement is in its cleaned article"


def test_cleaning_removes_the_furniture_and_loses_no_article_line():
    total = furniture_score_table(gold_set()).iloc[-1]
    assert total.removed / total.furniture_lines >= 0.95
    lines = furniture_line_table(gold_set())
    lost = lines[lines.lost]
    assert lost.empty, lost.text.tolist()


def test_datelines_are_cut_and_recorded():
    lines = furniture_line_table(gold_set())
    datelines = lines[lines.gold == "dateline"]
    assert len(datelines) == 6 and datelines.removed.all() and datelines.kept.all()


def test_quotes_on_nz_news_hold_their_measured_level():
    # floors just under the figures the README's table gives
    scores = statement_score_table(gold_set()).set_index("group")
    assert scores.at["all", "precision"] >= 0.95 and scores.at["all", "recall"] >= 0.90  # issue targets
    assert scores.at["all", "speaker_accuracy"] >= 0.96
    assert scores.at["all", "canonical_accuracy"] >= 0.95
    assert scores.at["direct", "recall"] >= 0.97
    assert scores.at["all", "channel_accuracy"] >= 0.93
