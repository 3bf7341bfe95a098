"""Score quotes and cleaning on a folder of hand-coded articles (your own, or the NZ news set).

A gold-set folder holds:

- `articles.csv` and `raw/`: a catalog and raw files as `load_corpus` reads them;
- `gold_statements.csv`: one row per attributed statement (`article_id, kind, text, cue, speaker,
  speaker_mention, channel, via`; `#` lines are comments). `text` is the span as it reads in the
  raw file; it is found in the cleaned article with runs of spaces folded, so no offsets are
  stored and a cleaning change cannot make the gold stale;
- `gold_furniture.csv` (optional): every raw line that is not article text (`article_id, line,
  kind, text`, line numbers 1-based). A row of kind `dateline` names text at the start of a body
  line that cleaning must cut, the rest of the line being article text.

`tests/data/nznews/` in a checkout is such a folder (35 NZ and Pacific defence articles);
`benchmarks/eval_attribution.py --corpus nznews` prints these scores for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.errors import InputError
from nzus_analysis.quotes.evaluation import match_table
from nzus_analysis.quotes.extractor import quote_table
from nzus_analysis.resources import uncommented
from nzus_analysis.text.corpus import Article, load_corpus

STATEMENT_COLUMNS = ("article_id", "kind", "text", "cue", "speaker", "speaker_mention", "channel", "via")
FURNITURE_COLUMNS = ("article_id", "line", "kind", "text")
_SPACES = re.compile(r"\s+")
PREFIX_AND_NOTE_KINDS = frozenset({"dateline", "archive_stamp", "paragraph_breaks"})  # remove no line
_TITLE_WORD = re.compile(r"^[A-Z][\w.’'-]*$")


@dataclass(frozen=True)
class GoldSet:
    """A folder of hand-coded articles, loaded.

    `statements`: the gold rows with `start`/`end` offsets of `text` in its article's cleaned
    text (-1 when cleaning lost it). `furniture`: the gold furniture rows (empty when the folder
    has none). `raw_lines`: each article's raw file split into lines.
    """

    folder: Path
    articles: list[Article]
    statements: pd.DataFrame
    furniture: pd.DataFrame
    raw_lines: dict[str, list[str]]


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.read_csv(uncommented(path), keep_default_na=False, dtype=str)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(path, f"lacks column(s): {', '.join(missing)}")
    return frame


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` with each run of whitespace as one space, and each kept character's offset."""
    chars, offsets = [], []
    for match in re.finditer(r"\s+|\S", text):
        chars.append(" " if match.group().isspace() else match.group())
        offsets.append(match.start())
    return "".join(chars), offsets


def locate(text: str, span: str) -> tuple[int, int]:
    """(start, end) of the first occurrence of `span` in `text`, spaces folded; (-1, -1) if none."""
    folded, offsets = _folded(text)
    wanted = _SPACES.sub(" ", span).strip()
    at = folded.find(wanted)
    if at < 0 or not wanted:
        return -1, -1
    return offsets[at], offsets[at + len(wanted) - 1] + 1


def load_gold_set(folder: str | Path) -> GoldSet:
    """Load a gold-set folder (module docstring); every bad gold row is named in one `InputError`."""
    folder = Path(folder)
    articles = load_corpus(folder / "articles.csv", folder / "raw")
    by_id = {a.id: a for a in articles}
    path = folder / "gold_statements.csv"
    statements = _read(path, STATEMENT_COLUMNS)
    problems = [f"row {i + 1}: unknown article {r.article_id!r}" for i, r in statements.iterrows()
                if r.article_id not in by_id]  # fmt: skip
    if problems:
        raise InputError(path, "; ".join(problems[:10]))
    spans = [locate(by_id[r.article_id].text, r.text) for r in statements.itertuples()]
    statements["start"] = [s for s, _ in spans]
    statements["end"] = [e for _, e in spans]
    furniture_path = folder / "gold_furniture.csv"
    furniture = (
        _read(furniture_path, FURNITURE_COLUMNS).astype({"line": int})
        if furniture_path.is_file()
        else pd.DataFrame(columns=list(FURNITURE_COLUMNS))
    )
    raw_lines = {
        a.id: (folder / "raw" / a.raw_file).read_text(encoding="utf-8").split("\n") for a in articles
    }
    return GoldSet(folder, articles, statements, furniture, raw_lines)


def same_person(predicted: str, gold: str) -> bool:
    """True when a predicted speaker names the gold speaker: the same name (case, "the" and
    spacing ignored), a name ending in the gold name ("Prime Minister John Key"), or the gold
    name's last word after capitalised title words only ("Mr Key", "Defence Minister Mark")."""
    p = _SPACES.sub(" ", predicted).strip().removeprefix("the ").removeprefix("The ")
    g = _SPACES.sub(" ", gold).strip().removeprefix("the ").removeprefix("The ")
    if not p or not g:
        return False
    if p.casefold() == g.casefold() or p.casefold().endswith(" " + g.casefold()):
        return True
    *head, last = p.split(" ")
    return (
        " " in g
        and last.casefold() == g.split(" ")[-1].casefold()
        and all(_TITLE_WORD.match(word) for word in head)
    )


class StatementScoreRow(NamedTuple):
    """A row of `statement_score_table` (accuracies are NaN when nothing matched)."""

    group: str  # which gold kinds: "direct", "partial", "indirect", "all"
    n_gold: int
    n_pred: int  # predictions of those kinds (for "all": every prediction)
    n_matched: int
    precision: float  # matched predictions of those kinds / predictions of those kinds
    recall: float  # gold found by a prediction of any kind
    f1: float
    kind_accuracy: float  # matched pairs whose predicted kind is the gold kind
    speaker_accuracy: float  # matched pairs naming the same person (`same_person`)
    canonical_accuracy: float  # matched pairs whose speaker is exactly the gold's canonical name
    channel_accuracy: float


def statement_match_table(
    gold_set: GoldSet, predicted: pd.DataFrame | None = None, threshold: float = 0.5
) -> pd.DataFrame:
    """Gold statements beside their matched prediction (one-to-one, any kind, overlap ≥ threshold).

    Columns: the gold columns, then `pred_kind`, `pred_speaker`, `pred_channel`, `pred_text`,
    `pred_rule` ("" where no prediction matched), `overlap`, and `same_person` (the predicted
    speaker names the gold speaker: `same_person`; False where no prediction matched).
    """
    predicted = quote_table(gold_set.articles) if predicted is None else predicted
    gold = gold_set.statements
    matches = match_table(predicted, gold, threshold, same_kind=False)
    out = gold.copy()
    for column in ("kind", "speaker", "channel", "text", "rule"):
        out[f"pred_{column}"] = ""
    out["overlap"] = 0.0
    for m in matches.itertuples():
        p = predicted.loc[m.pred_index]
        for column in ("kind", "speaker", "channel", "text", "rule"):
            out.at[m.gold_index, f"pred_{column}"] = p[column]
        out.at[m.gold_index, "overlap"] = m.overlap
    out["same_person"] = list(map(same_person, out.pred_speaker, out.speaker))
    return out


def _share(hits: pd.Series) -> float:
    return float(hits.mean()) if len(hits) else float("nan")


def statement_score_table(
    gold_set: GoldSet, predicted: pd.DataFrame | None = None, threshold: float = 0.5
) -> pd.DataFrame:
    """Precision, recall and F1 of statements, and kind, speaker and channel accuracy.

    Columns: `StatementScoreRow`, rounded to 3 decimals; one row per gold kind and one for all.
    """
    predicted = quote_table(gold_set.articles) if predicted is None else predicted
    predicted = predicted[predicted.article_id.isin(set(gold_set.statements.article_id))].reset_index(
        drop=True
    )
    matched = statement_match_table(gold_set, predicted, threshold)
    rows = []
    for group in ("direct", "partial", "indirect", "all"):
        g = matched if group == "all" else matched[matched.kind == group]
        n_pred = len(predicted) if group == "all" else int((predicted.kind == group).sum())
        found = g[g.pred_kind != ""]
        same_kind = (
            matched[(matched.pred_kind == group)] if group != "all" else matched[matched.pred_kind != ""]
        )
        precision = len(same_kind) / n_pred if n_pred else 0.0
        recall = len(found) / len(g) if len(g) else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((
            group, len(g), n_pred, len(found), precision, recall, f1,
            _share(found.pred_kind == found.kind),
            _share(found.same_person),
            _share(found.pred_speaker == found.speaker),
            _share(found.pred_channel == found.channel),
        ))  # fmt: skip
    return table(rows, StatementScoreRow).round(3)


class FurnitureScoreRow(NamedTuple):
    """A row of `furniture_score_table`: cleaning judged line by line against the gold furniture."""

    article_id: str  # "all" for the total row
    furniture_lines: int  # gold furniture lines (dateline rows included)
    removed: int  # of those, removed by cleaning (a dateline: cut from its line)
    body_lines: int  # non-blank raw lines that are article text
    body_lost: int  # of those, not in the cleaned text


def _removed_lines(article: Article, raw_lines: list[str]) -> set[int]:
    """Raw line numbers cleaning took out (a caption block: every line of it)."""
    lines = {r.line for r in article.furniture if r.kind not in PREFIX_AND_NOTE_KINDS}
    for caption in article.captions:
        number, joined = caption.line, []
        while number <= len(raw_lines) and raw_lines[number - 1].strip():
            joined.append(raw_lines[number - 1].strip())
            lines.add(number)
            if " ".join(joined) == caption.text:
                break
            number += 1
    return lines


class FurnitureLineRow(NamedTuple):
    """A row of `furniture_line_table`: one non-blank raw line, its gold label, what cleaning did."""

    article_id: str
    line: int  # 1-based, in the raw file
    gold: str  # "body", a furniture kind, or "dateline" (a body line that opens with a dateline)
    text: str
    kept: bool  # the line's article text is in the cleaned text
    removed: bool  # cleaning took the line out, or cut the dateline from it
    lost: bool  # article text (a body line, or a dateline line's rest) that is not kept


def furniture_line_table(gold_set: GoldSet) -> pd.DataFrame:
    """Every non-blank raw line with its gold label and what cleaning did (columns: `FurnitureLineRow`)."""
    rows = []
    for article in gold_set.articles:
        raw = gold_set.raw_lines[article.id]
        removed = _removed_lines(article, raw)
        folded_text = _SPACES.sub(" ", article.text)
        coded = gold_set.furniture[gold_set.furniture.article_id == article.id]
        kinds = {int(r.line): (r.kind, r.text) for r in coded.itertuples()}
        for number, line in enumerate(raw, 1):
            line = line.strip()
            if not line:
                continue
            kind, text = kinds.get(number, ("body", ""))
            if kind == "dateline":
                body = _SPACES.sub(" ", line.removeprefix(text)).strip()
                kept = body in folded_text and number not in removed
                cut = _SPACES.sub(" ", line) not in folded_text
                rows.append((article.id, number, kind, line, kept, cut and kept, not kept))
            elif kind == "body":
                kept = number not in removed and _SPACES.sub(" ", line) in folded_text
                rows.append((article.id, number, kind, line, kept, number in removed, not kept))
            else:
                rows.append((article.id, number, kind, line, number not in removed, number in removed, False))
    return table(rows, FurnitureLineRow)


def furniture_score_table(gold_set: GoldSet) -> pd.DataFrame:
    """Per article and in all: furniture lines removed, body lines lost (columns: `FurnitureScoreRow`)."""
    lines = furniture_line_table(gold_set)

    def row(name: str, part: pd.DataFrame) -> tuple:
        furniture = part[part.gold != "body"]
        body = part[part.gold.isin(["body", "dateline"])]
        return (name, len(furniture), int(furniture.removed.sum()), len(body), int(body.lost.sum()))

    rows = [row(article_id, part) for article_id, part in lines.groupby("article_id", sort=False)]
    rows.append(row("all", lines))
    return table(rows, FurnitureScoreRow)
