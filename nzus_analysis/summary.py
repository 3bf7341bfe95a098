"""The framing comparison in one table: every indicator for two years, from `CorpusTables`.

This is the one module that joins the analyses (terms, frames, sentiment, quotes); each of them
stays independent of the others. Build the tables with ``pipeline.analyse(corpus)``.
"""

from __future__ import annotations

import pandas as pd

from .keyness import keyness_table
from .pipeline import CorpusTables
from .quotes import VOICES
from .sentiment import bootstrap_difference, bootstrap_mean


def _by_year(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    return frame[frame.year == year]


def _interval_text(values: pd.Series, seed: int) -> str:
    mean, low, high = bootstrap_mean(values, seed=seed)
    return f"{mean:+.2f} [{low:+.2f}, {high:+.2f}]"


def _speakers_text(speakers: pd.DataFrame, article_ids: list[str], country: str) -> str:
    rows = speakers[
        speakers.article_id.isin(article_ids)
        & (speakers.speaker_country == country)
        & (speakers.speaker_kind != "news outlet")
    ]
    if rows.empty:
        return "none"
    return "; ".join(f"{r.speaker} ({r.speaker_role}, {r.n_statements})" for r in rows.itertuples())


def framing_table(
    tables: CorpusTables, year_a: int, year_b: int, k_terms: int = 5, seed: int = 2025
) -> pd.DataFrame:
    """One row per indicator; columns: section, indicator, then one column per year (as text).

    Keyness compares the articles of `year_a` with those of `year_b`. Tone cells read
    "mean [95 % interval]" (bootstrap, fixed seed); shares are of the article.
    """
    rows: list[tuple[str, str, str, str]] = []
    years = (year_b, year_a)
    sizes = tables.sizes
    ids = {y: sizes[sizes.year == y].article_id.tolist() for y in years}
    keyness = keyness_table(tables.terms, ids[year_a], ids[year_b])

    def add(section: str, indicator: str, values: dict[int, str]) -> None:
        rows.append((section, indicator, values[year_b], values[year_a]))

    size = sizes.set_index("year")
    add("Size", "word tokens", {y: f"{size.loc[y, 'n_tokens']}" for y in years})
    add("Size", "sentences", {y: f"{size.loc[y, 'n_sentences']}" for y in years})

    top_a = ", ".join(keyness.term.head(k_terms))
    top_b = ", ".join(keyness.term.tail(k_terms).iloc[::-1])
    add("Terms", f"most distinctive terms (top {k_terms} by z)", {year_a: top_a, year_b: top_b})

    for frame, group in tables.frame_shares.groupby("frame", sort=True):
        shares = {y: f"{_by_year(group, y).hit_share.sum():.0%}" for y in years}
        add("Frames", f"share of frame hits: {frame.replace('_', ' ')}", shares)

    scores = tables.scores
    add(
        "Tone",
        "VADER compound, names masked",
        {y: _interval_text(_by_year(scores, y).compound_masked, seed) for y in years},
    )
    add(
        "Tone",
        "TextBlob polarity, names masked",
        {y: _interval_text(_by_year(scores, y).polarity_masked, seed) for y in years},
    )
    diff = bootstrap_difference(
        _by_year(scores, year_a).compound_masked, _by_year(scores, year_b).compound_masked, seed=seed
    )
    verdict = (
        "interval includes zero: no clear difference" if diff["includes_zero"] else "interval excludes zero"
    )
    difference = f"{diff['difference']:+.2f} [{diff['low']:+.2f}, {diff['high']:+.2f}]"
    add("Tone", f"VADER difference {year_a} − {year_b}", {year_a: difference, year_b: verdict})

    for voice in VOICES:
        add(
            "Voices",
            f"share of words: {voice}",
            {y: _share(tables.voice_shares, y, "voice", voice, "word_share") for y in years},
        )

    for country in ("US", "NZ"):
        add("Speakers", f"{country} officials quoted (role, statements)",
            {y: _speakers_text(tables.speakers, ids[y], country) for y in years})  # fmt: skip
    outlets = tables.speakers[tables.speakers.speaker_kind == "news outlet"]
    cited = {y: ", ".join(outlets[outlets.article_id.isin(ids[y])].speaker) or "none" for y in years}
    add("Speakers", "other outlets cited as sources", cited)

    channels = tables.channels
    add(
        "Sourcing",
        "attributed statements",
        {y: str(int(_by_year(channels, y).n_statements.sum())) for y in years},
    )
    add("Sourcing", "second-hand (via another outlet)",
        {y: _share(channels, y, "channel", "second_hand", "statement_share") for y in years})  # fmt: skip
    add("Sourcing", "channel mix (statements)", {y: _channel_text(channels, y) for y in years})
    return pd.DataFrame(rows, columns=["section", "indicator", str(year_b), str(year_a)])


def _share(frame: pd.DataFrame, year: int, column: str, value: str, share: str) -> str:
    rows = _by_year(frame, year)
    return f"{rows[rows[column] == value][share].sum():.0%}"


def _channel_text(channels: pd.DataFrame, year: int) -> str:
    rows = _by_year(channels, year)
    return ", ".join(
        f"{r.channel.replace('_', ' ')} {r.n_statements}" for r in rows.itertuples() if r.n_statements
    )
