"""Groups by any catalog column, any number of articles each; differences at the right unit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nzus_analysis import article_from_text
from nzus_analysis.compare.groups import difference_table, group_articles, group_share_table
from nzus_analysis.compare.summary import framing_table
from nzus_analysis.scale.pipeline import analyse

from .conftest import SEED_2012, SEED_2025

SAME_YEAR = """Defence ministers met in Wellington on Tuesday to discuss the alliance.

"We will keep working closely with our partners," Defence Minister Judith Collins said in a statement.

Critics said the talks were a costly distraction from the housing crisis."""

OTHER_YEAR = """New Zealand and the United States signed a new space agreement on Friday.

The deal covers satellite launches from the Mahia Peninsula, officials said."""


@pytest.fixture(scope="module")
def four_articles(corpus):
    extra_2025 = article_from_text("2025-rnz-collins", 2025, SAME_YEAR, outlet="RNZ")
    extra_2019 = article_from_text("2019-stuff-space", 2019, OTHER_YEAR, outlet="Stuff")
    return [corpus[SEED_2012], corpus[SEED_2025], extra_2025, extra_2019]


def test_groups_by_year_keep_every_article_of_a_year_and_name_the_rest(four_articles):
    groups = group_articles(four_articles, "year", 2025, "2012")
    assert groups.ids_a == (SEED_2025, "2025-rnz-collins") and groups.ids_b == (SEED_2012,)
    left_out = groups.left_out_table()
    assert left_out.article_id.tolist() == ["2019-stuff-space"]
    assert "neither '2025' nor '2012'" in left_out.reason[0]


def test_groups_by_outlet(four_articles):
    groups = group_articles(four_articles, "outlet", "RNZ", "The Post")
    assert groups.ids_a == ("2025-rnz-collins",) and groups.ids_b == (SEED_2025,)
    assert len(groups.left_out) == 2


@pytest.mark.parametrize(
    ("by", "a", "b", "message"),
    [
        ("colour", 1, 2, "no catalog column 'colour'; columns: year, date, outlet"),
        ("year", 2030, 2012, r"group A: no article has year = '2030'; values: \['2012', '2025'\]"),
        ("year", 2012, "2012", "the same value"),
    ],
)
def test_bad_groups_say_what_is_there(corpus, by, a, b, message):
    with pytest.raises(ValueError, match=message):
        group_articles([corpus[SEED_2012], corpus[SEED_2025]], by, a, b)


def test_summary_with_a_third_article_and_a_second_one_from_the_same_year(four_articles):
    tables = analyse(four_articles, progress=False)
    table = framing_table(tables, "year", 2025, 2012).set_index("indicator")
    assert list(table.columns) == ["section", "2012", "2025"]
    assert table.loc["articles", "2025"] == "2" and table.loc["articles", "2012"] == "1"
    seeds = framing_table(analyse(four_articles[:2], progress=False), "year", 2025, 2012).set_index(
        "indicator"
    )
    assert int(table.loc["word tokens", "2025"]) > int(seeds.loc["word tokens", "2025"])
    others = table.loc["others quoted (other or unknown country; role, statements)", "2025"]
    assert "Judith Collins" in others  # not in data/actors.csv: no country, still a source
    by_outlet = framing_table(tables, "outlet", "RNZ", "GlobalPost").set_index("indicator")
    assert by_outlet.loc["articles", "RNZ"] == "1"


def test_group_shares_are_of_the_group_total_and_keep_real_zeros(four_articles):
    tables = analyse(four_articles, progress=False)
    groups = group_articles(tables.articles, "year", 2025, 2012)
    voices = group_share_table(tables.voice_shares, groups, "voice", "n_words")
    assert set(voices.group) == {"2012", "2025"} and len(voices) == 6
    sums = voices.groupby("group", observed=True).share.sum()
    assert np.allclose(sums, 1.0, atol=0.002)
    both_2025 = tables.voice_shares[tables.voice_shares.year == 2025].n_words.sum()
    assert voices[voices.group == "2025"].n.sum() == both_2025


def _sentences(values_a: list[list[float]], values_b: list[list[float]], outlets=None) -> tuple:
    rows, catalog = [], []
    for label, articles in (("a", values_a), ("b", values_b)):
        for i, values in enumerate(articles):
            article_id = f"{label}{i}"
            catalog.append((article_id, label, outlets[i % len(outlets)] if outlets else "x"))
            rows += [(article_id, k // 2, v) for k, v in enumerate(values)]
    sentences = pd.DataFrame(rows, columns=["article_id", "paragraph", "score"])
    return sentences, pd.DataFrame(catalog, columns=["article_id", "side", "outlet"])


def test_with_five_articles_a_group_the_unit_is_the_article():
    rng = np.random.default_rng(1)
    a = [list(rng.normal(0.5, 0.1, 8)) for _ in range(6)]
    b = [list(rng.normal(0.0, 0.1, 3)) for _ in range(5)]
    sentences, catalog = _sentences(a, b)
    row = difference_table(sentences, group_articles(catalog, "side", "a", "b"), ["score"]).iloc[0]
    article_means_a = np.mean([np.mean(x) for x in a])
    assert row.unit == "article" and (row.n_articles_a, row.n_articles_b) == (6, 5)
    assert row.mean_a == pytest.approx(article_means_a, abs=0.001)
    assert row.low < row.difference < row.high and row.low > 0.3
    assert row.p_value < 0.01


def test_few_articles_give_a_description_over_sentences_not_inference():
    sentences, catalog = _sentences([[0.4, 0.6, 0.5, 0.5]], [[0.0, 0.1, -0.1, 0.0]])
    groups = group_articles(catalog, "side", "a", "b")
    first = difference_table(sentences, groups, ["score"], seed=3).iloc[0]
    assert first.unit == "sentence" and first.method.startswith("descriptive")
    assert first.difference == pytest.approx(0.5)
    assert first.equals(difference_table(sentences, groups, ["score"], seed=3).iloc[0])


def test_permutation_within_strata_keeps_the_outlet_mix():
    rng = np.random.default_rng(2)
    a = [list(rng.normal(0.2, 0.2, 4)) for _ in range(6)]
    b = [list(rng.normal(0.2, 0.2, 4)) for _ in range(6)]
    sentences, catalog = _sentences(a, b, outlets=["P", "Q"])
    groups = group_articles(catalog, "side", "a", "b", strata="outlet")
    row = difference_table(sentences, groups, ["score"]).iloc[0]
    assert row.method.endswith("across articles within outlet strata")
    assert row.p_value > 0.05  # same distribution: no difference to find
