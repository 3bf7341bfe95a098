"""The framing comparison in one table: every indicator for group A against group B.

This is the one module that joins the analyses (terms, frames, sentiment, quotes); each of them
stays independent of the others. Build the tables with ``pipeline.analyse(corpus)``; the groups
are any catalog column and two of its values (`groups.group_articles`), any number of articles
each.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.compare.groups import Groups, group_articles, group_share_table
from nzus_analysis.measures.article_frames import article_frame_table, load_article_frame_model
from nzus_analysis.measures.frame_classifier import classifier_frames_below_target, paragraph_frame_table
from nzus_analysis.measures.frames import frame_hit_table, frames_below_target
from nzus_analysis.measures.keyness import keyness_table
from nzus_analysis.measures.sentiment import score_table, tone_difference_table
from nzus_analysis.measures.stance import side_stance_table
from nzus_analysis.measures.voices import VOICES
from nzus_analysis.scale.pipeline import CorpusTables, analyse
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.terms import term_table

#: Speaker kinds that pass words on rather than say them: reported apart from the sources.
CONDUITS = frozenset({"news outlet"})
#: Countries whose sources get a row of their own; the rest share one.
SIDES_QUOTED = ("US", "NZ")


def _people_text(speakers: pd.DataFrame, ids: tuple[str, ...], country: str | None) -> str:
    """Sources of `country` (None: any other country, or none known) in the articles `ids`."""
    known = speakers.speaker_country.isin(SIDES_QUOTED)
    of_country = ~known if country is None else speakers.speaker_country == country
    rows = speakers[
        speakers.article_id.isin(ids)
        & of_country
        & ~speakers.speaker_kind.isin(CONDUITS)
        & (speakers.speaker != "")
    ]
    if rows.empty:
        return "none"
    by_person = rows.groupby("speaker", sort=False)  # one entry per person, whatever their roles
    summed = by_person.n_statements.sum()
    roles = by_person.speaker_role.agg(lambda r: " / ".join(dict.fromkeys(role for role in r if role)))
    return "; ".join(
        f"{speaker} ({roles[speaker] + ', ' if roles[speaker] else ''}{n})" for speaker, n in summed.items()
    )


def _conduits_text(speakers: pd.DataFrame, ids: tuple[str, ...]) -> str:
    rows = speakers[speakers.article_id.isin(ids) & speakers.speaker_kind.isin(CONDUITS)]
    summed = rows.groupby("speaker", sort=False).n_statements.sum()
    return "; ".join(f"{speaker} ({n})" for speaker, n in summed.items()) or "none"


def _headline_tables(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Scores, frame hits and terms of each article's headline, as a one-paragraph article."""
    headlines = [
        Article(row.article_id, int(row.year), paragraphs=(row.headline,))
        for row in articles.itertuples()
        if row.headline.strip()
    ]
    return score_table(headlines), frame_hit_table(headlines), term_table(headlines)


def _tone_text(scores: pd.DataFrame, empty: str) -> str:
    """Mean masked VADER compound of `scores`' sentences, or `empty` when there are none."""
    return f"{scores.compound_masked.mean():+.2f}" if len(scores) else empty


def _lede_rows(tables: CorpusTables, groups: Groups, k_terms: int) -> dict[str, dict[str, str]]:
    """Headline + lede (the first body paragraph) against the rest of each group's articles."""
    h_scores, h_hits, h_terms = _headline_tables(tables.articles)
    rows: dict[str, dict[str, str]] = {}
    for label, ids in groups.ids_of().items():

        def part(frame: pd.DataFrame, headline: pd.DataFrame, ids: tuple[str, ...] = ids) -> tuple:
            frame = frame[frame.article_id.isin(ids)]
            lede = pd.concat([headline[headline.article_id.isin(ids)], frame[frame.paragraph == 0]])
            return lede, frame[frame.paragraph > 0]

        (s_lede, s_rest), (f_lede, f_rest), (t_lede, t_rest) = (
            part(tables.scores, h_scores), part(tables.frame_hits, h_hits), part(tables.terms, h_terms)
        )  # fmt: skip
        shown = tables.articles[tables.articles.article_id.isin(ids)].headline.tolist()
        more = f" (+{len(shown) - 3} more)" if len(shown) > 3 else ""
        rows.setdefault("headline(s)", {})[label] = " | ".join(shown[:3]) + more
        tone = f"{_tone_text(s_lede, 'no lede text')} | {_tone_text(s_rest, 'no text after the lede')}"
        rows.setdefault("VADER compound, masked: headline + lede | rest", {})[label] = tone
        rate = {
            name: frame.groupby("frame").size() / max(len(words), 1) * 1000
            for name, frame, words in (("lede", f_lede, t_lede), ("rest", f_rest, t_rest))
        }
        top = rate["lede"].sort_values(ascending=False, kind="stable").head(3)
        rows.setdefault("frame hits per 1k terms: headline + lede | rest (top 3)", {})[label] = (
            "; ".join(
                f"{f.replace('_', ' ')} {v:.0f} | {rate['rest'].get(f, 0.0):.0f}" for f, v in top.items()
            )
            or "none"
        )
        both = pd.concat([t_lede.assign(article_id="lede"), t_rest.assign(article_id="rest")])
        lede_terms = "none"
        if not t_lede.empty and not t_rest.empty:
            lede_terms = ", ".join(keyness_table(both, ["lede"], ["rest"]).term.head(k_terms))
        rows.setdefault(f"distinctive terms of headline + lede vs the rest (top {k_terms})", {})[label] = (
            lede_terms
        )
    return rows


def framing_table(
    tables: CorpusTables,
    by: str,
    a: object,
    b: object,
    k_terms: int = 5,
    seed: int = 2025,
    n_resamples: int = 5000,
    below_target: Collection[str] = (),
    paragraph_frames: pd.DataFrame | None = None,
    classifier_below_target: Collection[str] = (),
    article_frames: pd.DataFrame | None = None,
    article_below_target: Collection[str] = (),
) -> pd.DataFrame:
    """One row per indicator: section, indicator, then group B's and group A's value (as text).

    Groups are the articles whose catalog column `by` equals `a` and `b` (`groups.group_articles`;
    articles in neither are left out: see `Groups.left_out_table`). Counts are summed over a
    group's articles and shares are of the group's total. The tone difference is
    `sentiment.tone_difference_table`'s: over articles with ≥ 5 a group, else a description of
    the sentences (the cell says which); no verdict is drawn from the interval. Frames in
    `below_target` (e.g. those `frames.frame_verdict_table` finds below the validation target)
    get a dagger after their name. With `paragraph_frames` (a
    `frame_classifier.paragraph_frame_table` of the same articles), the Frames section also
    counts, per frame the classifier finds in either group, the paragraphs that carry it; the
    frames in `classifier_below_target` (`frame_classifier.classifier_frames_below_target`) get
    the dagger there. With `article_frames` (an `article_frames.article_frame_table`), it counts
    the articles of each group the article model reads each frame in; frames in
    `article_below_target` (`ArticleFrameModel.below_target`) get the dagger.
    """
    groups = group_articles(tables.articles, by, a, b)
    frame_readings = _FrameReadings(
        below_target, paragraph_frames, classifier_below_target, article_frames, article_below_target
    )
    return _framing_rows(tables, groups, k_terms, seed, n_resamples, frame_readings)


Cells = dict[str, str]  # group label -> cell text
Indicator = tuple[str, str, Cells]  # section, indicator, cells


@dataclass(frozen=True)
class _FrameReadings:
    """The frame measures a framing table shows beside the lexicon, and the frames each marks."""

    below_target: Collection[str] = ()
    paragraph_frames: pd.DataFrame | None = None
    classifier_below_target: Collection[str] = ()
    article_frames: pd.DataFrame | None = None
    article_below_target: Collection[str] = ()


def _framing_rows(
    tables: CorpusTables, groups: Groups, k_terms: int, seed: int, n_resamples: int, frames: _FrameReadings
) -> pd.DataFrame:
    indicators = [
        *_size_rows(tables, groups),
        *_term_rows(tables, groups, k_terms),
        *_frame_rows(
            tables, groups, frames.below_target, frames.paragraph_frames, frames.classifier_below_target
        ),
        *_article_frame_rows(groups, frames.article_frames, frames.article_below_target),
        *_tone_rows(tables, groups, n_resamples, seed),
        *(
            ("Headline + lede", indicator, cells)
            for indicator, cells in _lede_rows(tables, groups, k_terms).items()
        ),
        *_stance_rows(tables, groups, n_resamples, seed),
        *_voice_rows(tables, groups),
        *_source_rows(tables, groups),
    ]
    rows = [
        (section, indicator, cells[groups.b], cells[groups.a]) for section, indicator, cells in indicators
    ]
    return pd.DataFrame(rows, columns=["section", "indicator", groups.b, groups.a])


def _size_rows(tables: CorpusTables, groups: Groups) -> list[Indicator]:
    sizes = groups.tag(tables.sizes).groupby("group", observed=False)
    return [
        ("Size", "articles", {g: str(len(ids)) for g, ids in groups.ids_of().items()}),
        ("Size", "word tokens", {g: str(int(sizes.n_tokens.sum()[g])) for g in groups.labels}),
        ("Size", "sentences", {g: str(int(sizes.n_sentences.sum()[g])) for g in groups.labels}),
    ]


def _term_rows(tables: CorpusTables, groups: Groups, k_terms: int) -> list[Indicator]:
    keyness = keyness_table(tables.terms, groups.ids_a, groups.ids_b)
    return [("Terms", f"most distinctive terms (top {k_terms} by z)", {
        groups.a: ", ".join(keyness.term.head(k_terms)),
        groups.b: ", ".join(keyness.term.tail(k_terms).iloc[::-1]),
    })]  # fmt: skip


def _frame_rows(
    tables: CorpusTables,
    groups: Groups,
    below_target: Collection[str],
    paragraph_frames: pd.DataFrame | None,
    classifier_below_target: Collection[str],
) -> list[Indicator]:
    labels = groups.labels
    rows: list[Indicator] = []
    n_terms = tables.sizes.set_index("article_id").n_terms
    frames = group_share_table(tables.frame_shares, groups, "frame", "n_hits", n_terms)
    frames = frames[frames.groupby("frame", observed=True).n.transform("sum") > 0]  # frames with hits
    for frame, part in frames.groupby("frame", sort=False):
        cells = {
            str(r.group): f"{r.share:.0%} ({r.n} hits, {r.per_1k:.1f} per 1k terms)"
            for r in part.itertuples()
        }
        rows.append(
            ("Frames", f"frame: {frame.replace('_', ' ')}{' †' if frame in below_target else ''}", cells)
        )

    hits = groups.tag(tables.frame_hits)
    for (frame, subframe), part in hits[hits.subframe != ""].groupby(["frame", "subframe"]):
        counts = part.groupby("group", observed=False).size()
        rows.append(("Frames", f"sub-frame: {frame} › {subframe.replace('_', ' ')} (hits)",
                     {g: str(int(counts.get(g, 0))) for g in labels}))  # fmt: skip

    if paragraph_frames is not None:
        rows += _carrying_rows(
            paragraph_frames, groups, classifier_below_target, "paragraphs carrying {} (classifier)"
        )
    return rows


def _carrying_rows(
    read: pd.DataFrame, groups: Groups, below_target: Collection[str], indicator: str, sort: bool = True
) -> list[Indicator]:
    """Per frame a measure finds in either group (`read` has frame and carries columns, a row per
    paragraph or article): how many of each group's rows carry it, "k of n". `indicator` names the
    row with the frame in its braces, a dagger after frames in `below_target`; frames in
    alphabetical order, or with `sort` False in the order `read` gives them."""
    by_frame = groups.tag(read).groupby(["frame", "group"], observed=False, sort=sort).carries
    carrying, of = by_frame.sum(), by_frame.size()
    rows: list[Indicator] = []
    for frame in carrying.index.get_level_values("frame").unique():
        if carrying[frame].sum():  # not a frame found in no row of either group
            name = frame.replace("_", " ") + (" †" if frame in below_target else "")
            counts = {g: f"{int(carrying[frame][g])} of {int(of[frame][g])}" for g in groups.labels}
            rows.append(("Frames", indicator.format(name), counts))
    return rows


def _article_frame_rows(
    groups: Groups, article_frames: pd.DataFrame | None, below_target: Collection[str]
) -> list[Indicator]:
    """Per frame the article model reads in either group: how many of each group's articles use it."""
    if article_frames is None:
        return []
    return _carrying_rows(
        article_frames, groups, below_target, "articles using {} (article model)", sort=False
    )


def _tone_rows(tables: CorpusTables, groups: Groups, n_resamples: int, seed: int) -> list[Indicator]:
    rows: list[Indicator] = []
    difference = tone_difference_table(tables.scores, groups, n_resamples, seed).set_index("value")
    for column, name in (("compound_masked", "VADER compound"), ("polarity_masked", "TextBlob polarity")):
        row = difference.loc[column]
        unit = "over articles" if row.unit == "article" else "over sentences"
        rows.append(
            (
                "Tone",
                f"{name}, names masked: mean {unit}",
                {groups.a: f"{row.mean_a:+.2f}", groups.b: f"{row.mean_b:+.2f}"},
            )
        )
        interval = f"{row.difference:+.2f} [{row.low:+.2f}, {row.high:+.2f}]"
        if row.unit == "article":
            cells = {
                groups.a: f"{interval}, permutation p {row.p_value:.2f}",
                groups.b: "inference over articles",
            }
        else:  # too few articles to infer: the interval says how much rests on a few sentences
            cells = {groups.a: interval, groups.b: "descriptive: paragraph-block bootstrap, no test"}
        rows.append(("Tone", f"{name}: {groups.a} − {groups.b}", cells))

    return rows


def _mean_text(mean: float, n: int) -> str:
    return f"{mean:+.2f} ({n} mention{'s' if n != 1 else ''})" if n else "no mentions"


def _stance_rows(tables: CorpusTables, groups: Groups, n_resamples: int, seed: int) -> list[Indicator]:
    rows: list[Indicator] = []
    sides = side_stance_table(tables.stance, groups, n_resamples=n_resamples, seed=seed)
    for row in sides.itertuples():
        means = {groups.a: _mean_text(row.mean_a, row.n_mentions_a),
                 groups.b: _mean_text(row.mean_b, row.n_mentions_b)}  # fmt: skip
        if row.unit == "article":
            interval = f"{row.difference:+.2f} [{row.low:+.2f}, {row.high:+.2f}], p {row.p_value:.2f}"
            means[groups.a] += f"; A − B {interval} (over articles)"
        elif row.unit:
            means[groups.a] += (
                f"; A − B {row.difference:+.2f} [{row.low:+.2f}, {row.high:+.2f}] (descriptive)"
            )
        indicator = f"tone toward {row.side} at its mentions (stance model {row.model}, P(pos) − P(neg))"
        rows.append(("Stance", indicator, means))

    return rows


def _voice_rows(tables: CorpusTables, groups: Groups) -> list[Indicator]:
    voices = group_share_table(tables.voice_shares, groups, "voice", "n_words")
    return [
        ("Voices", f"share of words: {voice}", {str(r.group): f"{r.share:.0%}" for r in part.itertuples()})
        for voice in VOICES
        for part in (voices[voices.voice == voice],)
    ]


def _source_rows(tables: CorpusTables, groups: Groups) -> list[Indicator]:
    """Who is quoted (by country, others, outlets passed on) and through which channel."""
    labels, ids = groups.labels, groups.ids_of()
    speakers = tables.speakers
    rows: list[Indicator] = [
        (
            "Sources",
            f"{country} people and bodies quoted (role, statements)",
            {g: _people_text(speakers, ids[g], country) for g in labels},
        )
        for country in SIDES_QUOTED
    ]
    rows.append(("Sources", "others quoted (other or unknown country; role, statements)",
                 {g: _people_text(speakers, ids[g], None) for g in labels}))  # fmt: skip
    rows.append(("Sources", "outlets passed on (conduits, not sources; statements)",
                 {g: _conduits_text(speakers, ids[g]) for g in labels}))  # fmt: skip
    channels = group_share_table(tables.channels, groups, "channel", "n_statements")
    totals = channels.groupby("group", observed=False).n.sum()
    rows.append(("Sourcing", "attributed statements", {g: str(int(totals[g])) for g in labels}))
    second = channels[channels.channel == "second_hand"].set_index("group").share
    rows.append(("Sourcing", "second-hand (via another outlet)", {g: f"{second[g]:.0%}" for g in labels}))
    mix = {
        g: ", ".join(
            f"{r.channel.replace('_', ' ')} {r.n}" for r in channels[channels.group == g].itertuples() if r.n
        )
        for g in labels
    }
    rows.append(("Sourcing", "channel mix (statements)", mix))
    return rows


# ---- one comparison, as notebook 05 and the report's landing page show it ------------------------------

#: The study's comparison, as the notebooks' parameter cells set it (`BY`, `GROUP_A`, `GROUP_B`).
STUDY_COMPARISON: tuple[str, object, object] = ("year", 2025, 2012)
#: The stance model of the notebooks and the report: the encoder in float32, the same on every CPU.
REPORT_STANCE_MODEL = "encoder-float32"


@dataclass(frozen=True)
class FramingComparison:
    """One comparison of group A with group B, as the summary shows it.

    ``tables`` (`pipeline.analyse`), ``groups`` (`groups.group_articles`), ``framing``
    (`framing_table`), ``findings`` (`finding_table`), ``difference``
    (`sentiment.tone_difference_table`), ``below_target``: the frames marked with a dagger
    (empty, and ``validated`` False, when the frame validation set is not there).
    """

    tables: CorpusTables
    groups: Groups
    framing: pd.DataFrame
    findings: pd.DataFrame
    difference: pd.DataFrame
    below_target: frozenset[str]
    validated: bool


def framing_comparison(
    corpus: Sequence[Article],
    by: str = STUDY_COMPARISON[0],
    a: object = STUDY_COMPARISON[1],
    b: object = STUDY_COMPARISON[2],
    k_terms: int = 5,
    seed: int = 2025,
    stance_model: str = REPORT_STANCE_MODEL,
) -> FramingComparison:
    """Every table of the framing summary for `corpus`, groups `by` = `a` against `b`: what
    notebook 05 and the report's landing page show, computed once (`FramingComparison`)."""
    tables = analyse(corpus, progress=False, stance_model=stance_model)
    groups = group_articles(tables.articles, by, a, b)
    below = frames_below_target()
    framing = framing_table(
        tables, by, a, b, k_terms=k_terms, seed=seed, below_target=below or (),
        paragraph_frames=paragraph_frame_table(corpus),
        classifier_below_target=classifier_frames_below_target() or (),
        article_frames=article_frame_table(corpus),
        article_below_target=load_article_frame_model().below_target,
    )  # fmt: skip
    difference = tone_difference_table(tables.scores, groups, seed=seed)
    return FramingComparison(
        tables, groups, framing, finding_table(framing), difference, below or frozenset(), below is not None
    )


class FindingRow(NamedTuple):
    """A row of `finding_table`: one headline finding, as a sentence built from `framing_table`."""

    topic: str  # terms | frames | sources | channels | tone | stance
    finding: str


def _cells(framing: pd.DataFrame, indicator: str) -> tuple[str, str]:
    """Group A's and group B's cell of the `framing_table` row `indicator`."""
    row = framing[framing.indicator == indicator].iloc[0]
    return str(row.iloc[3]), str(row.iloc[2])


def finding_table(framing: pd.DataFrame, n_frames: int = 4) -> pd.DataFrame:
    """The headline findings of a `framing_table` as sentences, one per topic (`FindingRow`):
    the distinctive terms, the `n_frames` frames with most cues (a dagger marks a frame below its
    validation target), who is quoted from the US, NZ and elsewhere, the channels, the tone of the
    sentences and the tone toward each side. Every figure is a cell of `framing`."""
    label_b, label_a = framing.columns[2], framing.columns[3]
    rows: list[tuple[str, str]] = []
    terms = framing[framing.section == "Terms"].indicator.iloc[0]
    a, b = _cells(framing, terms)
    rows.append(("terms", f"Most distinctive terms of {label_a}: {a}. Of {label_b}: {b}."))
    frames = framing[framing.indicator.str.startswith("frame: ")]
    share = frames.iloc[:, 2:].apply(lambda column: column.str.extract(r"^(\d+)%")[0].astype(int))
    top = frames.loc[share.max(axis=1).sort_values(ascending=False, kind="stable").index[:n_frames]]
    listed = "; ".join(
        f"{r.indicator.removeprefix('frame: ')}: {r.iloc[3]} vs {r.iloc[2]}" for _, r in top.iterrows()
    )
    rows.append(
        (
            "frames",
            f"Frame-lexicon cues, {label_a} vs {label_b} (share of a group's cues): {listed}."
            + (" † marks a frame whose lexicon misses its validation target." if "†" in listed else ""),
        )
    )
    whole = framing[framing.indicator.str.endswith("(article model)")]
    if len(whole):
        used = {
            label: ", ".join(
                r.indicator.removeprefix("articles using ").removesuffix(" (article model)")
                for _, r in whole.iterrows() if not r[label].startswith("0 of")
            ) or "none"
            for label in (label_a, label_b)
        }  # fmt: skip
        rows.append(("frames", f"Frames of whole articles (model trained on SemEval-2023's coders), "
                     f"{label_a}: {used[label_a]}; {label_b}: {used[label_b]}."))  # fmt: skip
    for country in (*SIDES_QUOTED, None):
        indicator = (
            f"{country} people and bodies quoted (role, statements)"
            if country
            else "others quoted (other or unknown country; role, statements)"
        )
        a, b = _cells(framing, indicator)
        who = f"{country} sources" if country else "Other sources"
        rows.append(("sources", f"{who} quoted in {label_a}: {a}. In {label_b}: {b}."))
    a, b = _cells(framing, "outlets passed on (conduits, not sources; statements)")
    rows.append(("sources", f"Outlets whose reporting is passed on, {label_a}: {a}. {label_b}: {b}."))
    n = _cells(framing, "attributed statements")
    second = _cells(framing, "second-hand (via another outlet)")
    mix = _cells(framing, "channel mix (statements)")
    rows.append(
        (
            "channels",
            f"{label_a}: {n[0]} attributed statements, {second[0]} second-hand ({mix[0] or 'none'}). "
            f"{label_b}: {n[1]}, {second[1]} second-hand ({mix[1] or 'none'}).",
        )
    )
    for name in ("VADER compound", "TextBlob polarity"):
        mean_a, mean_b = _cells(
            framing, next(i for i in framing.indicator if i.startswith(f"{name}, names masked"))
        )
        difference, reading = _cells(framing, f"{name}: {label_a} − {label_b}")
        rows.append(
            (
                "tone",
                f"Sentence tone ({name}, names masked): {label_a} {mean_a}, {label_b} {mean_b}; "
                f"{label_a} − {label_b} {difference} ({reading}).",
            )
        )
    for indicator in framing[framing.section == "Stance"].indicator:
        a, b = _cells(framing, indicator)
        a, _, difference = a.partition("; A − B ")
        side = indicator.removeprefix("tone toward ").split(" ", 1)[0]
        model = indicator.split("stance model ", 1)[1].split(",", 1)[0]
        change = f"; {label_a} − {label_b} {difference}" if difference else ""
        groups_text = f"{label_a} {a}, {label_b} {b}{change}"
        rows.append(("stance", f"Tone toward {side} at its mentions ({model} stance model): {groups_text}."))
    return table(rows, FindingRow)
