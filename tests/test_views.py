"""HTML views: tables, the annotated article, the term explorer (markup checks on the seeds)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from nzus_analysis.report.explorer import explorer_data, term_explorer_html
from nzus_analysis.report.views import article_html, article_page, article_view, table_html, table_view
from nzus_analysis.text.tokens import sentences

from .conftest import SEED_2012, SEED_2025


def test_table_view_aligns_rounds_wraps_and_is_stable():
    frame = pd.DataFrame({"speaker": ["Winston Peters", "Marco Rubio"], "share": [0.123456, 1.0],
                          "text": ["a long statement " * 5, "short"]})  # fmt: skip
    html = table_html(frame)
    assert html == table_html(frame.copy())  # same table, same HTML (nbval compares it)
    assert "0.123" in html and "0.123456" not in html
    assert re.search(r"td\.col1 \{\s*text-align: right", html)
    assert re.search(r"td\.col2 \{\s*text-align: left;\s*min-width: 24em;\s*white-space: normal", html)
    assert "a long statement a long statement" in html  # never cut with "..."
    view = table_view(frame, caption="Who")
    assert repr(view).startswith("Who\n") and "Winston Peters" in repr(view)
    with pytest.raises(TypeError, match="DataFrame"):
        table_view(frame.share)


def test_article_marks_voices_statements_frames_drivers_and_stance(corpus):
    page = article_html(corpus[SEED_2025])
    assert len(re.findall(r"data-sentence=", page)) == len(sentences(corpus[SEED_2025]))
    assert {"quoted", "reported", "reporter"} <= set(re.findall(r'data-voice="(\w+)"', page))
    badges = re.findall(r'<span class="nz-speaker" data-speaker="([^"]+)">([^<]+)</span>', page)
    assert ("Marco Rubio", "Marco Rubio · social media") in badges
    assert ("Winston Peters", "Winston Peters · statement") in badges
    assert re.search(
        r'title="frame: security › alliance burden sharing \(cue &#x27;burden sharing&#x27;\)"', page
    )
    assert re.search(r'nz-driver nz-driver-positive" title="VADER lexicon valence \+1\.9[^>]*>pleased', page)
    assert re.search(
        r'nz-mention nz-stance-positive" title="Marco Rubio \(US\): tone toward them here positive', page
    )
    assert "Peters walks with Rubio in Washington." in page.split("Removed by cleaning")[1]
    assert "Legend." in page


def test_article_text_survives_the_markup(corpus):
    """Stripping the tags (and the labels they add) gives back the article, word for word."""
    article = corpus[SEED_2012]
    body = article_html(article).split("<div class='nz-body'>")[1].split("<div class='nz-frames'>")[0]
    body = re.sub(r"<sup[^>]*>.*?</sup>|<span class=\"nz-speaker\"[^>]*>.*?</span>", "", body)
    text = re.sub(r"<[^>]+>", "", body)
    import html as html_module

    words = html_module.unescape(text).split()
    assert words == article.text.split()


def test_article_page_and_view(corpus):
    page = article_page(corpus[SEED_2012], back_link="../index.html")
    assert page.startswith("<!doctype html>") and "../index.html" in page
    assert not re.search(r"(src|href)=['\"]?https?:", page)
    view = article_view(corpus[SEED_2012])
    assert view._repr_html_() == article_html(corpus[SEED_2012])
    assert SEED_2012 in repr(view)


def test_explorer_data_keeps_contexts_from_both_groups(corpus):
    data = explorer_data(list(corpus.values()), [SEED_2025], [SEED_2012], max_contexts=2)
    a_lines, b_lines = data.contexts["new zealand"]
    assert len(a_lines) == 2 and len(b_lines) == 2  # 10 each, capped at 2
    assert all(line[0] == SEED_2025 for line in a_lines) and all(line[0] == SEED_2012 for line in b_lines)
    article_id, left, match, right = data.contexts["burden"][0][0]
    assert article_id == SEED_2025 and right.startswith("sharing” with Foreign Minister")
    assert match == "burden" and "discussed defence" in left
    assert set(data.contexts) <= set(data.keyness.term)


def test_explorer_page_is_self_contained(corpus):
    page = term_explorer_html(list(corpus.values()), [SEED_2025], [SEED_2012], "2025", "2012")
    assert "<script src" not in page and not re.search(r"(src|href)=['\"]?https?:", page)
    assert 'id="nz-data"' in page and '"label_a":"2025"' in page
    assert "</script>" not in page.split('id="nz-data">')[1].split("</script>")[0]


def test_article_page_shows_the_whole_article_frames_with_their_validity(corpus):
    from nzus_analysis.measures.article_frames import article_frame_table, load_article_frame_model
    from nzus_analysis.report.views import article_frames_html

    article = corpus[SEED_2012]
    block = article_frames_html(article)
    assert block in article_html(article)
    read = article_frame_table([article])
    carried = list(read[read.carries].frame)
    listed = re.findall(r"<li><strong>([^<]+?)( †)?</strong> \(probability ([\d.]+); [^<]*</li>", block)
    assert sorted(name.replace(" ", "_") for name, _, _ in listed) == sorted(carried)
    below = load_article_frame_model().below_target
    for name, dagger, _ in listed:
        assert bool(dagger) == (name.replace(" ", "_") in below)
    assert "external †" in block and "not reliable" in block  # read in 2012, below target (0.45 / 0.25)
