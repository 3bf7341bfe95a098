"""Frequencies, keyness statistics and KWIC, checked against hand computations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from nzus_analysis import Article, term_table
from nzus_analysis.measures.keyness import (
    background_frequency,
    background_keyness_table,
    chi2_sf_1df,
    count_keyness_table,
    frequency_table,
    g2_statistic,
    keyness_table,
    kwic_table,
    log_odds_dirichlet,
    log_ratio,
    top_terms_table,
)

from .conftest import SEED_2012, SEED_2025


def tiny_corpus() -> list[Article]:
    return [
        Article("a", 2012, paragraphs=("Defense talks went well. Defence talks continue.",)),
        Article("b", 2025, paragraphs=("Allies discussed trade. The allies discussed burden sharing.",)),
    ]


def test_g2_four_cell_hand_value():
    """10 of 1,000 vs 2 of 1,000. Expected counts: 6, 6, 994, 994.
    G² = 2[10 ln(10/6) + 2 ln(2/6) + 990 ln(990/994) + 998 ln(998/994)]
       = 2[5.1083 − 2.1972 − 3.9920 + 4.0080] = 5.854."""
    assert g2_statistic(10, 2, 1000, 1000) == pytest.approx(5.854, abs=1e-3)


def test_g2_is_zero_when_rates_are_equal():
    assert g2_statistic(5, 10, 100, 200) == pytest.approx(0.0, abs=1e-12)


def test_chi2_p_value_at_critical_values():
    """Tabulated χ²(1) critical values: 3.84 -> .05, 6.63 -> .01, 10.83 -> .001."""
    assert chi2_sf_1df(3.84) == pytest.approx(0.05, abs=2e-4)
    assert chi2_sf_1df(6.63) == pytest.approx(0.01, abs=2e-4)
    assert chi2_sf_1df(10.83) == pytest.approx(0.001, abs=2e-5)


def test_log_ratio_hand_values():
    """log2((10/1000)/(2/1000)) = log2 5 = 2.3219; a zero count becomes 0.5:
    log2((3/100)/(0.5/100)) = log2 6 = 2.585."""
    assert log_ratio(10, 2, 1000, 1000) == pytest.approx(2.3219, abs=1e-4)
    assert log_ratio(3, 0, 100, 100) == pytest.approx(math.log2(6))
    assert log_ratio(0, 3, 100, 100) == pytest.approx(-math.log2(6))


def test_log_odds_dirichlet_hand_value():
    """a=10, b=2, N1=N2=1000, α_w=1, α0=100:
    δ = ln(11/1089) − ln(3/1097) = −4.59512 + 5.90172 = 1.30660
    σ = √(1/11 + 1/3) = 0.651339;  z = 1.30660 / 0.651339 = 2.00603."""
    delta, z = log_odds_dirichlet(10, 2, 1000, 1000, alpha_w=1, alpha0=100)
    assert delta == pytest.approx(1.30660, abs=1e-4)
    assert z == pytest.approx(2.00603, abs=1e-4)


def test_keyness_table_uses_the_prior_and_sorts_by_z():
    counts_a = pd.Series({"x": 10, "y": 990})
    counts_b = pd.Series({"x": 2, "y": 998})
    table = count_keyness_table(counts_a, counts_b, alpha0=100, prior=lambda term: 0.01)
    x = table.set_index("term").loc["x"]
    assert x.z == pytest.approx(2.00603, abs=1e-4)  # α_w = 100 × 0.01 = 1, as above
    assert x.g2 == pytest.approx(5.854, abs=1e-3)
    assert x.per_1k_a == pytest.approx(10.0)
    assert list(table.term) == ["x", "y"]


def test_frequencies_fold_spelling_and_count_per_1k():
    """Article a: terms defence, talks, went, well, defence, talks, continue = 7 terms.
    defence 2/7 × 1000 = 285.71; 'defense' never appears as a term."""
    freq = frequency_table(term_table(tiny_corpus()))
    a = freq[freq.article_id == "a"].set_index("term")
    assert a.loc["defence", "n"] == 2
    assert a.loc["defence", "per_1k"] == pytest.approx(285.71)
    assert "defense" not in set(freq.term)
    assert list(freq.columns) == ["article_id", "year", "term", "n", "per_1k"]


def test_lemmatised_and_bigram_frequencies():
    terms_df = term_table(tiny_corpus())
    lemmas = frequency_table(terms_df, lemmatise=True)
    b = lemmas[lemmas.article_id == "b"].set_index("term")
    assert b.loc["ally", "n"] == 2 and b.loc["discuss", "n"] == 2
    bigrams = frequency_table(terms_df, n=2)
    assert set(bigrams[bigrams.article_id == "b"].term) == {
        "allies discussed",
        "discussed trade",
        "discussed burden",
        "burden sharing",
    }  # fmt: skip  ("the allies" is dropped: it contains a stopword)
    with_stop = frequency_table(terms_df, n=2, drop_stopwords=False)
    assert "the allies" in set(with_stop.term)


def test_spelling_variants_never_key_on_the_seeds(corpus):
    table = keyness_table(term_table(corpus.values()), [SEED_2025], [SEED_2012])
    assert not {"defense", "center", "co-operation", "us", "nz"} & set(table.term)
    row = table.set_index("term").loc["defence"]
    # 2012 wrote "defense" twice, once in the office "Defense Secretary" (one term, folded too);
    # 2025 wrote "defence" 4 times.
    assert (row.n_a, row.n_b) == (4, 1)
    assert table.set_index("term").loc["defence secretary"].n_b == 1


def test_compare_rejects_unknown_groups(corpus):
    with pytest.raises(ValueError, match="unknown article ids"):
        keyness_table(term_table(corpus.values()), ["nope"], [SEED_2012])


def test_background_sums_spelling_variants():
    from wordfreq import word_frequency

    assert background_frequency("defence") == pytest.approx(
        word_frequency("defence", "en") + word_frequency("defense", "en")
    )
    assert background_frequency("aukus") == 1e-8


def test_against_background_ranks_names_over_function_words(corpus):
    table = background_keyness_table(term_table(corpus.values()), SEED_2025)
    top = list(table.term.head(10))
    assert "rubio" in top and "new zealand" in top
    assert table.z.is_monotonic_decreasing


def test_top_terms_side_by_side():
    table = top_terms_table(frequency_table(term_table(tiny_corpus())), k=2)
    assert list(table.columns) == ["a", "b"]
    assert table.loc[1, "a"] == "defence (2)"


def test_kwic_matches_folded_terms_and_phrases(corpus):
    articles = list(corpus.values())
    lines = kwic_table(articles, "burden sharing", window=3)
    assert len(lines) == 4 and set(lines.article_id) == {SEED_2025}
    assert lines.iloc[0].match == "burden sharing"
    assert lines.iloc[0].left == "Rubio discussed defence “"  # 3 terms: rubio, discussed, defence
    by_spelling = kwic_table(articles, "defense cooperation")
    assert set(by_spelling.match) == {"defense cooperation", "defence cooperation"}
    nz = kwic_table(articles, "NZ")
    assert len(nz[nz.article_id == SEED_2012]) == 10
