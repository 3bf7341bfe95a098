"""Frame lexicon matching on hand-made sentences and the seeds."""

from __future__ import annotations

import pytest

from nzus_analysis import Article, sentence_table, term_table
from nzus_analysis.errors import InputError
from nzus_analysis.measures.frames import (
    FRAMES,
    coder_agreement_table,
    frame_hit_table,
    frame_share_table,
    frame_validation_table,
    frame_verdict_table,
    frames_below_target,
    load_frame_validation,
    load_lexicon,
    load_recoded,
    sentence_frame_table,
)


def hits_for(text: str):
    article = Article("x", 2020, paragraphs=(text,))
    return frame_hit_table([article])


def test_phrases_land_in_their_frame_and_subframe():
    hits = hits_for("They discussed burden sharing and nuclear weapons.")
    assert list(zip(hits.entry, hits.frame, hits.subframe, strict=True)) == [
        ("burden sharing", "security", "alliance_burden_sharing"),
        ("nuclear weapons", "security", "nuclear_policy"),
    ]  # longest match first: "nuclear weapons" is one hit, not "nuclear" + "weapon"


def test_word_inside_another_word_does_not_match():
    assert hits_for("The goods went untraded.").empty  # "trade" is not found inside "untraded"
    hits = hits_for("A warship, not a war.")
    assert list(hits.entry) == ["warship", "war"]  # "war" inside "warship" is not a second hit


def test_lemma_and_spelling_matching():
    hits = hits_for("Their militaries faced new tariffs and defense costs.")
    assert list(hits.entry) == ["military", "tariff", "defence", "cost"]
    assert list(hits.surface) == ["militaries", "tariffs", "defense", "costs"]


@pytest.mark.parametrize(
    "text",
    [
        "The Prime Minister met the Secretary of State.",
        "The Defense Secretary visited the State Department and the Pentagon for talks.",
        "Foreign Minister Winston Peters held a meeting with the National Security Advisor.",
    ],
)
def test_titles_institutions_and_meetings_are_not_frame_cues(text):
    assert hits_for(text).empty


def test_a_sentence_carries_every_frame_it_has_hits_for():
    article = Article("x", 2020, paragraphs=("Tariffs on exports threaten security and the election.",))
    labels = sentence_frame_table(frame_hit_table([article]), sentence_table([article]))
    assert sorted(zip(labels.frame, labels.n_hits, strict=True)) == [
        ("economic", 2), ("political", 1), ("security", 1),
    ]  # fmt: skip
    assert "primary" not in labels.columns  # no single frame singled out, no tie-break


def test_lexicon_uses_the_codebook_frames():
    lexicon = load_lexicon()
    assert set(lexicon.frame) <= set(FRAMES) and len(set(lexicon.frame)) == 14  # "other" has no cues
    parents = lexicon[lexicon.subframe != ""].groupby("subframe").frame.unique().map(list).to_dict()
    assert parents == {
        "alliance_burden_sharing": ["security"], "china_regional_rivalry": ["external"],
        "nuclear_policy": ["security"], "technology_space": ["economic"],
    }  # fmt: skip


def test_unknown_frame_and_duplicate_entry_are_errors(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("# test\nframe,entry,note\nsecurity,ally,\nsecurity,allies,\n", encoding="utf-8")
    with pytest.raises(InputError, match="entries listed twice"):
        load_lexicon(path)
    path.write_text("# test\nframe,entry,note\ndiplomacy,ally,\n", encoding="utf-8")
    with pytest.raises(InputError, match="entry 1 \\('ally'\\): frame 'diplomacy' is not one of"):
        load_lexicon(path)


def test_shares_and_sentence_labels_on_seeds(corpus):
    articles = list(corpus.values())
    terms_df = term_table(articles)
    hits = frame_hit_table(articles)
    shares = frame_share_table(hits, terms_df)
    assert len(shares) == 2 * 14
    for _, group in shares.groupby("article_id"):
        assert group.hit_share.sum() == pytest.approx(1.0, abs=0.01)
    nuclear = hits[(hits.subframe == "nuclear_policy")]
    assert list(nuclear.surface) == ["nuclear weapons", "nuclear-powered"]
    sentences_df = sentence_table(articles)
    labels = sentence_frame_table(hits, sentences_df)
    assert set(labels.frame) >= {"none", "security", "economic", "external"}
    assert labels[["article_id", "sentence"]].drop_duplicates().shape[0] == len(sentences_df)


def test_validation_table_scores_the_lexicon_on_the_coded_passages():
    validation = load_frame_validation()
    assert len(validation) == 1978 and (validation.half == "test").sum() == 160 + 207 + 160 + 480 + 251
    table = frame_validation_table(validation).set_index(["half", "frame"])
    economic = table.loc[("all", "economic")]
    assert economic.n_coded == 523 + 30 + 28 + 25 + 35 and economic.precision > 0.75
    assert table.loc[("test", "other")].n_predicted == 0


def test_verdicts_say_which_frames_meet_the_validation_target():
    validation = load_frame_validation()
    verdicts = frame_verdict_table(frame_validation_table(validation)).set_index("frame")
    assert verdicts.loc["political"].verdict == "meets target"  # 241 of 264 test predictions
    assert verdicts.loc["policy"].verdict == "below target"  # 12 of 28
    assert verdicts.loc["other"].verdict == "not measured"  # a residual code: the lexicon has no entry
    known = verdicts.dropna(subset=["precision"])
    assert ((known.precision_low <= known.precision) & (known.precision <= known.precision_high)).all()
    # on the PolNeAR paragraphs alone most frames are too rare to judge
    polnear = validation[validation.source == "polnear"]
    assert len(polnear) == 800 and polnear.unit_id.iloc[0] == "u1000"  # rows in unit_id text order
    rare = frame_verdict_table(frame_validation_table(polnear)).set_index("frame")
    assert rare.loc["capacity"].verdict == "too few coded" and rare.loc["capacity"].n_coded_all == 2 + 4 + 1


def test_frames_below_target_are_marked_in_the_frame_figure():
    from nzus_analysis.report.plots import grouped_bar_plot

    article = Article("x", 2020, paragraphs=("Troops and the economy. The economy grew.",))
    shares = frame_share_table(frame_hit_table([article]), term_table([article])).assign(group="a")
    shares = shares[shares.n_hits > 0]  # the table lists every frame
    figure = grouped_bar_plot(
        shares, "frame", "n_hits", "group", "t", "hits", marked={"security"}, mark_note="below target"
    )
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["economic", "security †"]
    assert any(t.get_text() == "† below target" for t in ax.texts)


def test_frames_below_target_are_known_only_where_the_validation_set_is(tmp_path):
    below = frames_below_target()
    assert below is not None and "security" in below and "political" not in below
    assert frames_below_target(tmp_path) is None  # no units.csv there: nothing to mark


def test_coder_agreement_is_cohens_kappa_per_frame_and_pooled():
    first = {"a": frozenset({"economic"}), "b": frozenset({"economic"}), "c": frozenset(), "d": frozenset()}
    second = {
        "a": frozenset({"economic"}),
        "b": frozenset(),
        "c": frozenset(),
        "d": frozenset(),
        "e": frozenset(),
    }
    table = coder_agreement_table(first, second).set_index("frame")
    economic = table.loc["economic"]
    assert economic.n_units == 4  # "e" was coded once only
    assert (economic.n_first, economic.n_second, economic.n_both) == (2, 1, 1)
    # observed 3 of 4; by chance (2·1 + 2·3) / 16 = 0.5; kappa (0.75 − 0.5) / 0.5
    assert economic.agreement == 0.75 and economic.kappa == pytest.approx(0.5)
    same = coder_agreement_table(first, first).set_index("frame")
    assert same.loc["all frames"].kappa == 1.0


def test_the_recoded_passages_agree_with_their_first_codes():
    validation = load_frame_validation()
    recoded = load_recoded()
    assert len(recoded) == 78 and set(recoded) <= set(validation.unit_id)
    assert "u545" not in recoded  # seen with its codes before re-coding: left out
    first = dict(zip(validation.unit_id, validation.frames, strict=True))
    table = coder_agreement_table(first, recoded).set_index("frame")
    assert table.loc["all frames"].kappa > 0.8  # 0.864 when committed
    assert table.loc["policy"].kappa < table.loc["political"].kappa  # policy is the least stable


def test_a_recoded_file_with_an_unknown_frame_is_refused_by_name(tmp_path):
    (tmp_path / "recoded.csv").write_text("unit_id,frames\nu001,economic;econmic\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"recoded\.csv.*econmic"):
        load_recoded(tmp_path)
    (tmp_path / "recoded.csv").write_text("unit,codes\nu001,economic\n", encoding="utf-8")
    with pytest.raises(InputError, match="needs the columns unit_id and frames"):
        load_recoded(tmp_path)
