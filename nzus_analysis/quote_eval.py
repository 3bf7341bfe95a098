"""Score quote extraction against gold annotations (`data/gold/quotes.csv`).

A predicted record matches a gold record when both are in the same article, have the same
`kind`, and their character spans overlap by at least `threshold` (default 0.5) of the longer
of the two; matching is one-to-one, largest overlap first. Speaker and channel accuracy are
measured on matched pairs only.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ._tables import table
from .errors import InputError
from .resources import data_path, uncommented

GROUPS = {
    "direct+partial": ("direct", "partial"),
    "indirect": ("indirect",),
    "all": ("direct", "partial", "indirect"),
}


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The gold attributions (columns of `quotes.quote_table`, minus the actor details)."""
    path = Path(path) if path is not None else data_path("gold", "quotes.csv")
    gold = pd.read_csv(uncommented(path), keep_default_na=False, dtype={"text": str})
    required = {"article_id", "kind", "start", "end", "speaker", "channel"}
    if not required <= set(gold.columns):
        raise InputError(path, f"gold file lacks column(s): {sorted(required - set(gold.columns))}")
    return gold


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters as a share of the longer span (0-1)."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(shared, 0) / max(a[1] - a[0], b[1] - b[0], 1)


class MatchRow(NamedTuple):
    """A row of `match_table`: a predicted record matched to a gold record."""

    pred_index: int
    gold_index: int
    overlap: float


class EvaluationRow(NamedTuple):
    """A row of `evaluation_table` (accuracy is NaN when nothing matched)."""

    group: str  # which kinds: "direct+partial", "indirect", "all"
    n_gold: int
    n_pred: int
    n_matched: int
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    channel_accuracy: float


def match_table(predicted: pd.DataFrame, gold: pd.DataFrame, threshold: float = 0.5) -> pd.DataFrame:
    """One-to-one matches, largest overlap first (columns: `MatchRow`)."""
    candidates = []
    for p_index, p in predicted.iterrows():
        for g_index, g in gold[(gold.article_id == p.article_id) & (gold.kind == p.kind)].iterrows():
            share = overlap((p.start, p.end), (g.start, g.end))
            if share >= threshold:
                candidates.append((share, p_index, g_index))
    used_p: set[int] = set()
    used_g: set[int] = set()
    rows = []
    for share, p_index, g_index in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if p_index not in used_p and g_index not in used_g:
            used_p.add(p_index)
            used_g.add(g_index)
            rows.append((p_index, g_index, share))
    return table(rows, MatchRow)


def evaluation_table(predicted: pd.DataFrame, gold: pd.DataFrame, threshold: float = 0.5) -> pd.DataFrame:
    """Precision, recall, F1 of spans and speaker/channel accuracy, per group of kinds.

    Columns: `EvaluationRow`, rounded to 3 decimals.
    """
    predicted = predicted[predicted.article_id.isin(set(gold.article_id))]
    matches = match_table(predicted, gold, threshold)
    rows = []
    for group, kinds in GROUPS.items():
        p = predicted[predicted.kind.isin(kinds)]
        g = gold[gold.kind.isin(kinds)]
        m = matches[matches.gold_index.isin(g.index)]
        precision = len(m) / len(p) if len(p) else 0.0
        recall = len(m) / len(g) if len(g) else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        pairs = [(predicted.loc[i], gold.loc[j]) for i, j in zip(m.pred_index, m.gold_index, strict=True)]
        speaker = sum(a.speaker == b.speaker for a, b in pairs) / len(pairs) if pairs else float("nan")
        channel = sum(a.channel == b.channel for a, b in pairs) / len(pairs) if pairs else float("nan")
        rows.append((group, len(g), len(p), len(m), precision, recall, f1, speaker, channel))
    return table(rows, EvaluationRow).round(3)
