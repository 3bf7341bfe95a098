"""Hostile input (issue 14): linear time, nothing silently wrong, nothing destroyed."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from nzus_analysis import Article, InputError, load_corpus, term_table
from nzus_analysis.__main__ import main
from nzus_analysis.measures.sentiment import MAX_SCORED_CHARS, text_scores
from nzus_analysis.report.build import NotebookFailed, refresh_notebooks
from nzus_analysis.scale.bulk import cell_text, load_table
from nzus_analysis.scale.pipeline import AnalysisError, analyse

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_hostile import pathological_texts

# ---- time linear in the text length --------------------------------------------------------------

HUNDRED_KB = pathological_texts(100_000)


@pytest.mark.parametrize("name", sorted(HUNDRED_KB))
def test_pathological_text_of_100_kb_is_analysed_quickly(name):
    """Quadratic stages took 80-120 s here at 100 KB; linear ones take well under a second."""
    start = time.perf_counter()
    tables = analyse([Article("x", 2020, paragraphs=(HUNDRED_KB[name],))], workers=1, progress=False)
    assert time.perf_counter() - start < 15, name
    assert len(tables.scores) >= 1


def test_long_sentences_are_scored_in_pieces_and_short_ones_exactly():
    from nzus_analysis.measures.engines import pattern_sentiment, vader_compound

    short = "The talks were very friendly, but the minister was worried. " * 3
    assert text_scores(short) == (*pattern_sentiment(short), vader_compound(short))
    long = "good " * (MAX_SCORED_CHARS // 5) + "bad " * (MAX_SCORED_CHARS // 4)
    polarity, subjectivity, compound = text_scores(long)
    assert -1 <= polarity <= 1 and 0 <= subjectivity <= 1 and -1 <= compound <= 1
    assert polarity == pytest.approx(0.0, abs=0.2)  # half "good", half "bad", by length


# ---- helpers ---------------------------------------------------------------------------------------

HEADER = "id,year,date,outlet,author,title,section,url,raw_file\n"
TEXT = b"The minister said the talks went well. Officials agreed."


def _catalog(tmp_path: Path, rows: str, files: dict[str, bytes], bom: bool = False) -> Path:
    (tmp_path / "raw").mkdir(exist_ok=True)
    for name, content in files.items():
        (tmp_path / "raw" / name).write_bytes(content)
    path = tmp_path / "articles.csv"
    path.write_text(("\ufeff" if bom else "") + HEADER + rows, encoding="utf-8")
    return path


def _jsonl(tmp_path: Path, *records: object, name: str = "t.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


# ---- data loss and security ------------------------------------------------------------------------


def _notebook(path: Path, *sources: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def test_refresh_failure_names_what_was_rewritten_and_leaves_the_rest_whole(tmp_path):
    _notebook(tmp_path / "01_ok.ipynb", "print(1 + 1)")
    _notebook(tmp_path / "02_bad.ipynb", "raise ValueError('broken')")
    _notebook(tmp_path / "03_later.ipynb", "print(3)")
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.ipynb")}
    with pytest.raises(
        NotebookFailed, match=r"02_bad\.ipynb: cell 0 failed(.|\n)*rewritten before the failure: 01_ok\.ipynb"
    ):
        refresh_notebooks(tmp_path, timeout=60)
    assert "2" in nbformat.read(tmp_path / "01_ok.ipynb", as_version=4).cells[0].outputs[0]["text"]
    assert (tmp_path / "02_bad.ipynb").read_bytes() == before["02_bad.ipynb"]
    assert (tmp_path / "03_later.ipynb").read_bytes() == before["03_later.ipynb"]


def test_refresh_write_that_fails_midway_keeps_the_old_notebook(tmp_path, monkeypatch):
    import nzus_analysis.report.build as report

    _notebook(tmp_path / "01_ok.ipynb", "print(1)")
    before = (tmp_path / "01_ok.ipynb").read_bytes()

    def full_disk(notebook, stream):
        stream.write('{"cells": [')  # half a notebook, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report.nbformat, "write", full_disk)
    with pytest.raises(
        NotebookFailed, match=r"No space left on device(.|\n)*rewritten before the failure: none"
    ):
        refresh_notebooks(tmp_path, timeout=60)
    assert (tmp_path / "01_ok.ipynb").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["01_ok.ipynb"]  # no temporary file left


@pytest.mark.parametrize("raw_file", ["../outside.txt", "/etc/os-release", "link.txt"])
def test_raw_file_outside_the_raw_folder_is_refused(tmp_path, raw_file):
    (tmp_path / "outside.txt").write_bytes(TEXT)
    catalog = _catalog(tmp_path, f"a,2020,,,,,,,{raw_file}\n", {})
    (tmp_path / "raw" / "link.txt").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(
        InputError, match=rf"articles\.csv row 1: raw_file '{re.escape(raw_file)}' is outside the raw folder"
    ):
        load_corpus(catalog)


# ---- silently wrong results ------------------------------------------------------------------------


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA, pd.NaT, np.nan])
def test_missing_cells_are_missing_under_any_pandas(missing):
    """pandas 2 gives NaN/None for a JSON null, pandas 3 may give pd.NA: all are missing values."""
    assert cell_text(missing) == ""
    assert cell_text(2012.0) == "2012" and cell_text(7) == "7" and cell_text(" x ") == "x"


def test_jsonl_nulls_are_missing_values_not_the_text_nan(tmp_path):
    path = _jsonl(
        tmp_path,
        {"id": "a", "year": 2020, "text": None},
        {"id": None, "year": 2020, "text": "Fine text."},
        {"id": "c", "year": 2020, "text": "Fine text.", "date": None},
    )
    with pytest.warns(UserWarning, match="left out 2 bad row"):
        bulk = load_table(path, metadata_columns={"date": "date"}, strict=False)
    assert bulk.problems.problem.tolist() == ["empty text", "missing id"]
    assert [(a.id, a.date) for a in bulk.articles] == [("c", "")]


def test_one_null_year_or_id_spoils_only_its_row(tmp_path):
    rows = [{"id": n, "year": 2012, "text": "Fine text."} for n in range(1, 1001)]
    rows[500]["year"] = None
    rows[700]["id"] = None
    with pytest.warns(UserWarning, match="left out 2 bad row"):
        bulk = load_table(_jsonl(tmp_path, *rows), strict=False)
    assert bulk.problems.row.tolist() == [501, 701]
    assert bulk.problems.problem.tolist() == ["missing year", "missing id"]
    assert len(bulk.articles) == 998 and bulk.articles[0].id == "1" and bulk.articles[0].year == 2012


@pytest.mark.parametrize("text", [12345, ["a", "list"], {"a": "dict"}, True])
def test_non_string_text_is_a_bad_row(tmp_path, text):
    path = _jsonl(tmp_path, {"id": "a", "year": 2020, "text": text})
    with pytest.raises(InputError, match=rf"row 1: text is not a string but {type(text).__name__}"):
        load_table(path)


def test_mojibake_is_repaired_and_recorded_unless_switched_off(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "year": 2005, "text": "Profits rose to Â£5m, the firm said."})
    article = load_table(path).articles[0]
    assert article.text == "Profits rose to £5m, the firm said." and article.repairs == ("mojibake",)
    assert "â" not in term_table([article]).term.tolist()
    raw = load_table(path, fix_mojibake=False).articles[0]
    assert raw.text.startswith("Profits rose to Â£5m") and raw.repairs == ()


def test_invisible_characters_do_not_split_words(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "year": 2025, "text": "New Zea\u00adland and Aus\u200btralia met."})
    article = load_table(path).articles[0]
    assert article.repairs == ("invisible_characters",)
    terms = term_table([article]).term.tolist()
    assert "new zealand" in terms and "australia" in terms
    assert article.text[article.text.index("Zealand") :].startswith("Zealand")  # offsets into stored text


def test_utf16_without_bom_and_html_pages_are_named(tmp_path):
    catalog = _catalog(
        tmp_path,
        "a,2020,,,,,,,utf16.txt\n",
        {"utf16.txt": "The minister said so.".encode("utf-16-le")},
    )
    with pytest.raises(
        InputError, match=r"utf16\.txt: holds NUL characters: UTF-16 saved without a byte-order mark"
    ):
        load_corpus(catalog)
    path = _jsonl(tmp_path, {"id": "a", "year": 2020, "text": "<p>Copyright &copy; 2020</p>"})
    with pytest.raises(InputError, match=r"row 1: looks like an HTML page \('<p>'\)"):
        load_table(path)


def test_text_empty_after_cleaning_is_a_bad_row(tmp_path):
    path = _jsonl(
        tmp_path,
        {"id": "a", "year": 2020, "text": "Print\n\nHits: 12"},
        {"id": "b", "year": 2020, "text": "Real text here."},
    )
    with pytest.warns(UserWarning, match="left out 1 bad row"):
        bulk = load_table(path, clean=True, strict=False)
    assert bulk.problems.problem.tolist() == ["no text left after cleaning"]
    assert [a.id for a in bulk.articles] == ["b"]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("a,2012,not-a-date,,,,,,a.txt", "date 'not-a-date' is not a real date written YYYY-MM-DD"),
        ("a,2012,2012-02-31,,,,,,a.txt", "date '2012-02-31' is not a real date"),
        ("a,2012,2013-01-05,,,,,,a.txt", "date 2013-01-05 is not in year 2012"),
        ("a,0,,,,,,,a.txt", "year 0 is outside 1800-2100"),
        ("a,99999,,,,,,,a.txt", "year 99999 is outside 1800-2100"),
        (
            "a,2012,,,,,,,a.txt,a note, with a comma",
            r"2 more field\(s\) than the header \(an unquoted comma\?\)",
        ),
        ("a,²⁰¹²,,,,,,,a.txt", "year '²⁰¹²' is not a whole number"),
        ("a," + "9" * 5000 + ",,,,,,,a.txt", "year 999999999999… is outside 1800-2100"),
    ],
)
def test_catalog_rows_are_checked(tmp_path, row, problem):
    catalog = _catalog(tmp_path, row + "\n", {"a.txt": TEXT})
    with pytest.raises(InputError, match=rf"articles\.csv: 1 bad row\(s\): row 1: {problem}"):
        load_corpus(catalog)


def test_one_raw_file_for_two_ids_is_an_error_and_a_bom_is_fine(tmp_path):
    catalog = _catalog(tmp_path, "a,2020,,,,,,,a.txt\nb,2020,,,,,,,a.txt\n", {"a.txt": TEXT}, bom=True)
    with pytest.raises(InputError, match=r"row 2: raw_file 'a.txt' is already row 1's"):
        load_corpus(catalog)
    fine = _catalog(tmp_path, "a,2020,2020-03-01,,,,,,a.txt\n", {}, bom=True)
    assert [a.id for a in load_corpus(fine)] == ["a"]


# ---- clear errors, not tracebacks ------------------------------------------------------------------


def test_column_names_with_spaces_work(tmp_path):
    path = _jsonl(tmp_path, {"id": "a", "year": 2020, "the text": "Fine text."})
    assert load_table(path, text_column="the text").articles[0].text == "Fine text."


def test_broken_jsonl_line_is_named(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"id": "a", "year": 2020, "text": "ok"}\n{"id": "b", "year": 2020, "text": "cut off\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"t\.jsonl: line 2: not valid JSON"):
        load_table(path)


def test_a_failing_article_is_named_or_skipped(monkeypatch):
    import nzus_analysis.scale.pipeline as pipeline

    real = pipeline.quote_table

    def fragile(articles, *args, **options):
        if any(a.id == "bad" for a in articles):
            raise IndexError("list index out of range")
        return real(articles, *args, **options)

    monkeypatch.setattr(pipeline, "quote_table", fragile)
    corpus = [
        Article(name, 2020, paragraphs=(f"{name} said it was fine.",)) for name in ("one", "bad", "two")
    ]
    for workers in (1, 2):
        with pytest.raises(AnalysisError, match=r"article 'bad': IndexError: list index out of range"):
            analyse(corpus, workers=workers, chunk_size=2, progress=False)
        with pytest.warns(UserWarning, match="1 article\\(s\\) failed and were left out: bad"):
            tables = analyse(corpus, workers=workers, chunk_size=2, progress=False, on_error="skip")
        assert tables.failures.to_dict("records") == [
            {"article_id": "bad", "error": "IndexError: list index out of range"}
        ]
        assert tables.scores.article_id.unique().tolist() == ["one", "two"]


def test_workers_are_capped_at_the_core_count(monkeypatch):
    import nzus_analysis.scale.pipeline as pipeline

    seen = []
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)
    monkeypatch.setattr(
        pipeline, "pool_map", lambda *args, **kw: seen.append(args) or pytest.fail("pool used")
    )
    tables = analyse([Article("a", 2020, paragraphs=("Fine.",))], workers=8, progress=False)
    assert seen == [] and len(tables.scores) == 1  # one core: run in process


def _report_args(tmp_path: Path) -> Path:
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    _notebook(notebooks / "01_a.ipynb", "print(42)")
    return notebooks


def test_report_out_onto_a_file_fails_before_running(tmp_path, capsys):
    notebooks = _report_args(tmp_path)
    target = tmp_path / "a_file"
    target.write_text("x")
    assert main(["report", "--notebooks", str(notebooks), "--out", str(target)]) == 1
    assert capsys.readouterr().err.strip().splitlines()[0].endswith("a_file: --out is a file, not a folder")


def test_report_out_into_a_missing_folder_is_created(tmp_path):
    notebooks = _report_args(tmp_path)
    out = tmp_path / "new" / "reports"
    assert main(["report", "--notebooks", str(notebooks), "--out", str(out)]) == 0
    assert (out / "01_a.html").is_file() and (out / "index.html").is_file()


def test_refresh_of_a_missing_folder_fails(tmp_path, capsys):
    assert main(["refresh", "--notebooks", str(tmp_path / "does_not_exist")]) == 1
    assert "does_not_exist: notebook folder not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("import time\ntime.sleep(30)", "01_a.ipynb: cell 0 ran longer than 2 s"),
        ("import os\nos._exit(1)", "01_a.ipynb: the kernel died in cell 0"),
    ],
)
def test_timeout_and_dead_kernel_are_one_clear_line(tmp_path, capsys, source, message):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    _notebook(notebooks / "01_a.ipynb", source)
    assert (
        main(["report", "--notebooks", str(notebooks), "--out", str(tmp_path / "r"), "--timeout", "2"]) == 1
    )
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
