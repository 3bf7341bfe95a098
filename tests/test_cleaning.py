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
