"""Cleaning rules on hand-made snippets that are not from the seeds."""

from __future__ import annotations

from nzus_analysis import clean_text
from nzus_analysis.text.cleaning import is_caption


def test_header_block_and_footer_furniture_are_removed():
    raw = (
        "Email\n:\nCategory: World\nWritten by: A. Writer\n\nThe minister spoke on Monday.\n\n"
        "Read more: Why tariffs matter\n\nHits: 1,204\nSource: https://example.org/x\n"
        "Star ActiveStar ActiveStar Half\nNote from Example.com:\nWe republish with thanks.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.paragraphs == ("The minister spoke on Monday.",)
    kinds = [r.kind for r in cleaned.furniture]
    assert kinds == [
        "page_button",
        "lone_punctuation",
        "metadata_header",
        "metadata_header",
        "promo",
        "hits_counter",
        "source_link",
        "star_rating",
        "republisher_note",
        "republisher_note",
    ]


def test_headline_from_catalog_title_ignores_quote_style():
    cleaned = clean_text(
        "Talks on ‘burden sharing’\n\nThe talks went well.", title="Talks on 'burden sharing'"
    )
    assert cleaned.furniture[0].kind == "headline"
    assert cleaned.paragraphs == ("The talks went well.",)


def test_captions_are_recognised_by_position_markers_and_photo_verbs():
    assert is_caption("Minister Jane Doe (R) greets envoys in Wellington on May 2, 2020.")
    assert is_caption("Jane Doe, right, shakes hands with John Roe.")
    assert is_caption("Doe walks with Roe in Canberra.")


def test_article_sentences_are_not_captions():
    assert not is_caption("The party, which is seen as business-friendly, won in 2008.")
    assert not is_caption("Doe said she walks to work. Roe disagreed.")
    assert not is_caption("“We are pleased,” Doe said, as she walks out.")
    assert not is_caption("Burden sharing refers to the policy of asking allies to pay more.")


def test_promo_rule_needs_a_leading_more_from_label():
    cleaned = clean_text("More from home: the budget was passed on time and Ministers cheered.")
    assert cleaned.furniture[0].kind == "promo"
    cleaned = clean_text("Ministers want more from allies: money, ships and people.")
    assert cleaned.paragraphs == ("Ministers want more from allies: money, ships and people.",)


def test_web_news_furniture_is_removed_by_named_rules():
    raw = (
        "Skip to main content\n\nTalks resume\n\nPosted October 29, 2013 08:06:16\n\nBy Jane Roe\n\n"
        "WELLINGTON (Reuters) – New Zealand and the US resumed talks, officials said.\n\n"
        "Jane Doe and John Roe at the talks. Photo: RNZ / A. Photographer\n\n"
        "Key points:\n\n  • Talks resumed\n  • A ship will visit\n\n"
        "The talks went well, Doe said.\n\nBackground\n\nThe ban dates from 1986.\n\n"
        "Relevant offers\n\nOne headline Another headline Yet another headline\n\n"
        "Advertisement\n\nSource: 1 NEWS\n\nAdd your comments...\n\nA reader wrote this."
    )
    cleaned = clean_text(raw, title="Talks resume")
    assert cleaned.paragraphs == (
        "New Zealand and the US resumed talks, officials said.",
        "The talks went well, Doe said.",
        "The ban dates from 1986.",
    )
    kinds = [(r.kind, r.text) for r in cleaned.furniture]
    assert ("dateline", "WELLINGTON (Reuters) –") in kinds
    assert [k for k, _ in kinds] == [
        "site_message", "headline", "timestamp", "byline", "dateline", "photo_credit", "standfirst",
        "bullet", "bullet", "subheading", "related", "related", "advert", "source_credit", "comments",
        "comments",
    ]  # fmt: skip


def test_datelines_are_cut_only_from_the_first_paragraph():
    for dateline in ("WELLINGTON, Nov. 20 --", "MELBOURNE –", "WELLINGTON:", "July 15 (BusinessDesk) -",
                     "Wellington, 10 June 2019 (dpa/MIA) –", "Sept 9, 2010 –"):  # fmt: skip
        cleaned = clean_text(f"{dateline} The minister spoke.\n\nLATER – more.")
        assert cleaned.paragraphs == ("The minister spoke.", "LATER – more."), dateline
    assert clean_text("NEW Zealand will send troops.").paragraphs == ("NEW Zealand will send troops.",)
    assert clean_text("US-China talks: what next?").paragraphs == ("US-China talks: what next?",)


def test_captions_repeated_or_labelled_are_captions():
    raw = (
        "The visit began.\n\nKey and Obama\nPrime Minister John Key and US President Barack Obama have a chat.\n\n"
        "Hagel receives a jersey in Washington.\n\nHagel receives a jersey in Washington.Credit:AFP\n\n"
        "New Zealand Prime Minister John Key\nNew Zealand Prime Minister John Key\n\n"
        "SPECIAL RELATIONSHIP: Obama shows Key around the White House.\n\nThe visit ended."
    )
    cleaned = clean_text(raw)
    assert cleaned.paragraphs == ("The visit began.", "The visit ended.")
    assert [c.kind for c in cleaned.captions] == ["alt_caption", "repeated_caption", "repeated_caption",
                                                  "label_caption"]  # fmt: skip
    assert [f.kind for f in cleaned.furniture] == ["photo_credit"]


def test_single_newlines_are_paragraph_breaks_only_when_the_text_has_no_blank_line():
    web = "First paragraph here.\nSecond paragraph here.\nThird one."
    cleaned = clean_text(web)
    assert cleaned.paragraphs == ("First paragraph here.", "Second paragraph here.", "Third one.")
    assert [(r.line, r.kind) for r in cleaned.furniture] == [(1, "paragraph_breaks")]
    bbc_style = "Title line here\n\nA sentence that wraps\nonto a second line.\n\nAnother paragraph."
    cleaned = clean_text(bbc_style, title="Title line here")
    assert cleaned.paragraphs == ("A sentence that wraps onto a second line.", "Another paragraph.")
    assert [r.kind for r in cleaned.furniture] == ["headline"]


def test_article_lines_that_look_like_furniture_stay():
    raw = (
        "The minister spoke.\n\nHe said:\n\n“We are ready.”\n\n"
        "The photo: a ship in port, was shown to reporters, she said.\n\nBy then the talks had ended."
    )
    assert clean_text(raw).paragraphs == tuple(p for p in raw.split("\n\n"))
