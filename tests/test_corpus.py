"""The corpus loader on the real seeds, and its errors on bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nzus_analysis import Article, InputError, article_table, load_corpus, removed_table
from nzus_analysis.resources import data_path

from .conftest import SEED_2012, SEED_2025

EXPECTED = json.loads((Path(__file__).parent / "data" / "expected_paragraphs.json").read_text("utf-8"))


@pytest.mark.parametrize("article_id", [SEED_2012, SEED_2025])
def test_cleaned_body_matches_hand_checked_paragraphs(corpus, article_id):
    assert list(corpus[article_id].paragraphs) == EXPECTED[article_id]


def test_raw_layer_is_byte_identical_to_shared_seeds():
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for seed in sorted(shared.glob("*.txt")):
        assert (data_path("raw") / seed.name).read_bytes() == seed.read_bytes()


def test_captions_and_furniture_are_kept_separately(corpus):
    removed = removed_table(corpus.values())
    by_kind = removed.groupby(["article_id", "kind"]).size().to_dict()
    assert by_kind[(SEED_2012, "caption")] == 1
    assert by_kind[(SEED_2012, "section_label")] == 1
    assert by_kind[(SEED_2012, "headline")] == 1
    assert by_kind[(SEED_2012, "promo")] == 1
    assert by_kind[(SEED_2025, "caption")] == 2
    assert by_kind[(SEED_2025, "metadata_header")] == 4
    for kind in ("page_button", "hits_counter", "source_link", "star_rating", "republisher_note"):
        assert (SEED_2025, kind) in by_kind, kind
    captions = corpus[SEED_2025].captions
    assert captions[1].text == "Peters walks with Rubio in Washington."


@pytest.mark.parametrize("article_id", [SEED_2012, SEED_2025])
def test_every_nonblank_raw_line_is_accounted_for(corpus, article_id):
    article = corpus[article_id]
    raw_lines = [
        line.strip()
        for line in (data_path("raw") / article.raw_file).read_text("utf-8").splitlines()
        if line.strip()
    ]
    kept = list(article.paragraphs) + [r.text for r in (*article.captions, *article.furniture)]
    assert sorted(raw_lines) == sorted(kept)


def test_text_offsets_match_paragraphs(corpus):
    for article in corpus.values():
        for paragraph, (start, end) in zip(article.paragraphs, article.paragraph_spans, strict=True):
            assert article.text[start:end] == paragraph


def test_corpus_frame_columns_and_order(corpus):
    frame = article_table(list(corpus.values()))
    assert list(frame.article_id) == [SEED_2012, SEED_2025]
    assert list(frame.year) == [2012, 2025]
    assert frame.loc[1, "author"] == "Thomas Manch"
    assert frame.loc[0, "author"] == ""


# ---- bad input -------------------------------------------------------------------------------

HEADER = "id,year,date,outlet,author,title,section,url,raw_file\n"


def _project(tmp_path: Path, catalog: str, files: dict[str, bytes]) -> Path:
    (tmp_path / "raw").mkdir()
    for name, content in files.items():
        (tmp_path / "raw" / name).write_bytes(content)
    path = tmp_path / "articles.csv"
    path.write_text(HEADER + catalog, encoding="utf-8")
    return path


def test_missing_raw_file_names_the_file_and_catalog_line(tmp_path):
    catalog = _project(tmp_path, "a,2020,,,,,,,a.txt\n", {})
    with pytest.raises(InputError, match=r"a\.txt: raw file not found \(listed in articles\.csv row 1\)"):
        load_corpus(catalog)


def test_empty_file_is_an_error(tmp_path):
    catalog = _project(tmp_path, "a,2020,,,,,,,a.txt\n", {"a.txt": b"  \n\n"})
    with pytest.raises(InputError, match=r"a\.txt: file is empty"):
        load_corpus(catalog)


def test_non_utf8_file_is_an_error(tmp_path):
    catalog = _project(tmp_path, "a,2020,,,,,,,a.txt\n", {"a.txt": "Caf\xe9 talk.".encode("latin-1")})
    with pytest.raises(InputError, match=r"a\.txt: not UTF-8 text \(byte 0xe9 at offset 3\)"):
        load_corpus(catalog)


def test_duplicate_id_is_an_error(tmp_path):
    rows = "a,2020,,,,,,,a.txt\na,2021,,,,,,,b.txt\n"
    catalog = _project(tmp_path, rows, {"a.txt": b"Text.", "b.txt": b"Text."})
    with pytest.raises(
        InputError, match=r"articles\.csv: 1 bad row\(s\): row 2: duplicate id 'a' \(first on row 1\)"
    ):
        load_corpus(catalog)


@pytest.mark.parametrize("year", ["", "twenty"])
def test_missing_or_bad_year_is_an_error(tmp_path, year):
    catalog = _project(tmp_path, f"a,{year},,,,,,,a.txt\n", {"a.txt": b"Text."})
    with pytest.raises(
        InputError,
        match=r"articles\.csv: 1 bad row\(s\): row 1: (missing year|year 'twenty' is not a whole number)",
    ):
        load_corpus(catalog)


def test_missing_catalog_column_is_an_error(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text("id,raw_file\na,a.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks required column"):
        load_corpus(path)


def test_file_with_only_furniture_is_an_error(tmp_path):
    catalog = _project(tmp_path, "a,2020,,,,,,,a.txt\n", {"a.txt": b"Print\nHits: 3\n"})
    with pytest.raises(InputError, match="no article text left"):
        load_corpus(catalog)


def test_new_article_joins_by_raw_file_and_catalog_row(tmp_path):
    seed_dir = data_path("raw")
    catalog = _project(tmp_path, "", {})
    for name in (f"{SEED_2012}.txt", f"{SEED_2025}.txt"):
        shutil.copy(seed_dir / name, tmp_path / "raw" / name)
    (tmp_path / "raw" / "new.txt").write_text("Ministers met.\n\nThey talked.\n", encoding="utf-8")
    catalog.write_text(
        HEADER + f"{SEED_2012},2012,,,,,,,{SEED_2012}.txt\nnew,2030,,,,,,,new.txt\n",
        encoding="utf-8",
    )
    corpus = load_corpus(catalog)
    assert [a.id for a in corpus] == [SEED_2012, "new"]
    assert corpus[1].paragraphs == ("Ministers met.", "They talked.")


def test_headline_is_kept_apart_from_the_body(corpus):
    panetta, rubio = corpus["2012-globalpost-panetta"], corpus["2025-thepost-rubio-peters"]
    assert panetta.headline == "US Defense Secretary visits New Zealand"  # the raw file's headline line
    assert panetta.headline not in panetta.text
    assert rubio.headline == rubio.title  # no headline line in the raw text: the catalog title
    assert Article("x", 2020, paragraphs=("Body.",)).headline == ""


def test_every_catalog_column_is_kept_and_groups_articles(tmp_path):
    """A column the package has never heard of ("era") reaches Article.extra, article_table and
    the groups of analyse + framing_table, as `BY` does in the notebooks."""
    from nzus_analysis.compare.groups import group_articles
    from nzus_analysis.compare.summary import framing_table
    from nzus_analysis.scale.pipeline import analyse

    seed_dir = data_path("raw")
    catalog = _project(tmp_path, "", {})
    for name in (f"{SEED_2012}.txt", f"{SEED_2025}.txt"):
        shutil.copy(seed_dir / name, tmp_path / "raw" / name)
    catalog.write_text(
        "id,year,raw_file,era,rights\n"
        f"{SEED_2012},2012,{SEED_2012}.txt,before AUKUS,quoted for research\n"
        f"{SEED_2025},2025,{SEED_2025}.txt,after AUKUS,\n",
        encoding="utf-8",
    )
    corpus = load_corpus(catalog)
    assert corpus[0].extra == (("era", "before AUKUS"), ("rights", "quoted for research"))
    table = article_table(corpus)
    assert table.era.tolist() == ["before AUKUS", "after AUKUS"] and table.rights.tolist()[1] == ""
    groups = group_articles(corpus, "era", "after AUKUS", "before AUKUS")
    assert groups.ids_a == (SEED_2025,) and groups.ids_b == (SEED_2012,)
    tables = analyse(corpus)
    by_era = framing_table(tables, by="era", a="after AUKUS", b="before AUKUS")
    by_year = framing_table(tables, by="year", a=2025, b=2012)
    assert list(by_era.columns[-2:]) == ["before AUKUS", "after AUKUS"]  # B then A, as by year
    renamed = by_era.replace({"after AUKUS": "2025", "before AUKUS": "2012"}, regex=True)
    assert renamed.set_axis(by_year.columns, axis=1).equals(by_year)  # same rows, groups named by era


def test_a_catalog_column_that_clashes_with_a_table_column_is_refused(tmp_path):
    catalog = _project(tmp_path, "", {"a.txt": b"Body.\n"})
    catalog.write_text("id,year,raw_file,headline\na,2020,a.txt,Big news\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"catalog column.*headline.*clash"):
        load_corpus(catalog)
