"""Frame lexicon matching on hand-made sentences and the seeds."""

from __future__ import annotations

import pytest

from nzus_analysis import Article, sentence_table, term_table
from nzus_analysis.errors import InputError
from nzus_analysis.frames import frame_hit_table, frame_share_table, load_lexicon, sentence_frame_table


def hits_for(text: str):
    article = Article("x", 2020, paragraphs=(text,))
    return frame_hit_table([article])


def test_phrases_land_in_their_frame():
    hits = hits_for("They discussed burden sharing and nuclear weapons.")
    assert list(zip(hits.entry, hits.frame, strict=True)) == [
        ("burden sharing", "security_defence"),
        ("nuclear weapons", "nuclear_policy"),
    ]  # longest match first: "nuclear weapons" is one hit, not "nuclear" + "weapon"


def test_word_inside_another_word_does_not_match():
    assert hits_for("It was really a tradition.").empty  # no "ally", no "trade"


def test_lemma_and_spelling_matching():
    hits = hits_for("The allies met the Defense Minister about tariffs.")
    # "met" shares the lemma "meet" with the entry "meeting"
    assert list(hits.entry) == ["ally", "meeting", "defence minister", "tariff"]
    assert list(hits.surface) == ["allies", "met", "Defense Minister", "tariffs"]


def test_lexicon_documents_every_required_frame():
    frames = set(load_lexicon().frame)
    assert frames == {
        "security_defence", "trade_economy", "diplomacy_partnership", "china_regional_rivalry",
        "nuclear_policy", "technology_space", "domestic_politics_public_opinion",
    }  # fmt: skip


def test_duplicate_lexicon_entry_is_an_error(tmp_path):
    path = tmp_path / "frames.csv"
    path.write_text("# test\nframe,entry,note\na,ally,\nb,allies,\n", encoding="utf-8")
    with pytest.raises(InputError, match="entries listed twice"):
        load_lexicon(path)


def test_shares_and_sentence_labels_on_seeds(corpus):
    articles = list(corpus.values())
    terms_df = term_table(articles)
    hits = frame_hit_table(articles)
    shares = frame_share_table(hits, terms_df)
    assert len(shares) == 2 * 7
    for _, group in shares.groupby("article_id"):
        assert group.hit_share.sum() == pytest.approx(1.0, abs=0.01)
    nuclear = shares.set_index(["article_id", "frame"]).loc[("2012-globalpost-panetta", "nuclear_policy")]
    assert nuclear.n_hits == 2  # "banned nuclear weapons" -> ban + nuclear weapons
    sentences_df = sentence_table(articles)
    labels = sentence_frame_table(hits, sentences_df)
    assert labels[labels.primary].shape[0] == len(sentences_df)  # one primary label per sentence
    assert set(labels.frame) >= {"none", "security_defence"}
