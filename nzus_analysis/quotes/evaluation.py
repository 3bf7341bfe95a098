"""Score quote extraction against gold annotations (`data/gold/quotes.csv`).

A predicted record matches a gold record when both are in the same article, have the same
`kind`, and their character spans overlap by at least `threshold` (default 0.5) of the longer
of the two; matching is one-to-one, largest overlap first. Speaker and channel accuracy are
measured on matched pairs only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import table
from nzus_analysis.errors import InputError
from nzus_analysis.quotes import passage_table, quote_table
from nzus_analysis.resources import data_path, uncommented
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.cues import is_speech_cue, words

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


def match_table(
    predicted: pd.DataFrame, gold: pd.DataFrame, threshold: float = 0.5, same_kind: bool = True
) -> pd.DataFrame:
    """One-to-one matches, largest overlap first (columns: `MatchRow`); `same_kind=False` lets a
    prediction match gold of another kind."""
    candidates = []
    for p_index, p in predicted.iterrows():
        same = gold.article_id == p.article_id
        for g_index, g in gold[same & (gold.kind == p.kind) if same_kind else same].iterrows():
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


# ---- PolNeAR: attribution relations in brat standoff, scored with the Gender Gap Tracker's protocol ----

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"})
_QUOTE_OPENERS, _QUOTE_CLOSERS = ("“", '"', "''"), ("”", '"', "''")


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution, with offsets mapped into its Article's text."""

    content: tuple[tuple[int, int], ...]  # content segments (discontinuous spans allowed)
    source: str  # the source's words ("" when the relation has none)
    source_start: int  # -1 when there is no source
    cue: str
    cue_start: int
    speech: bool  # the cue is a speech act (`speech_cues`)
    direct: bool  # the content is a quotation in quote marks

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    @property
    def length(self) -> int:
        return sum(end - start for start, end in self.content)


def _paragraph_map(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Paragraphs (non-blank lines, stripped) and each one's (start, end) in `text`."""
    paragraphs, spans = [], []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((match.start() + lead, match.start() + lead + len(stripped)))
            paragraphs.append(stripped)
    return paragraphs, spans


def polnear_documents(split_dir: str | Path) -> list[tuple[Article, list[GoldAttribution]]]:
    """The articles of a PolNeAR split (``text/``, ``attributions/``) with their gold attributions.

    Each non-blank line is a paragraph (some publishers separate paragraphs by one newline); gold
    offsets are mapped into the Article's text. Where a text has several annotators' files, the
    first in sorted order is used.
    """
    split = Path(split_dir)
    documents = []
    for text_path in sorted((split / "text").glob("*.txt")):
        annotations = sorted((split / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        raw = text_path.read_text(encoding="utf-8")
        paragraphs, spans = _paragraph_map(raw)
        article = Article(text_path.stem, 2016, paragraphs=tuple(paragraphs))
        starts = [s for s, _ in article.paragraph_spans]
        original_starts = [s for s, _ in spans]

        def to_article(offset: int, starts=starts, original_starts=original_starts, spans=spans) -> int:
            i = max(bisect_right(original_starts, offset) - 1, 0)
            return starts[i] + min(max(offset - spans[i][0], 0), spans[i][1] - spans[i][0])

        documents.append((article, _gold(annotations[0], to_article, article.text)))
    return documents


def _gold(path: Path, to_article, text: str) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}  # id -> kind, segments, words
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 3:
            kind, _, offsets = fields[1].partition(" ")
            pairs = [part.split() for part in offsets.split(";")]
            spans[fields[0]] = (kind, [(to_article(int(a)), to_article(int(b))) for a, b in pairs], fields[2])
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(part.split(":", 1) for part in fields[1].split()))
    gold = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        if content is None:
            continue
        source = spans.get(relation.get("Source", ""), ("", [(-1, -1)], ""))
        cue = spans.get(relation.get("Cue", ""), ("", [(-1, -1)], ""))
        segments: tuple[tuple[int, int], ...] = tuple(sorted((a, b) for a, b in content[1] if b > a))
        if not segments:
            continue
        said = text[segments[0][0] : segments[-1][1]].strip().rstrip(".,;:")
        direct = len(said) > 2 and said.startswith(_QUOTE_OPENERS) and said.endswith(_QUOTE_CLOSERS)
        gold.append(GoldAttribution(segments, source[2], source[1][0][0], cue[2], cue[1][0][0],
                                    is_speech_cue(cue[2]), direct))  # fmt: skip
    return gold


def _words(text: str) -> set[str]:
    return set(words(text)) - DETERMINERS


def _coverage(predicted: tuple[int, int], gold: GoldAttribution) -> float:
    """Share of the gold content's characters inside the predicted span."""
    inside = sum(max(0, min(end, predicted[1]) - max(start, predicted[0])) for start, end in gold.content)
    return inside / gold.length if gold.length else 0.0


def _miss_rule(gold: GoldAttribution, text: str) -> str:
    """The rule that should have caught a missed speech attribution (for the miss table)."""
    cue = gold.cue.lower().strip()
    if cue.startswith("according"):
        return "according to"
    if cue in (":", "―", "—"):
        return "colon or dash attribution"
    after = gold.source_start >= gold.end
    if gold.direct:
        return "direct quote, speaker after" if after else "direct quote, speaker before"
    if gold.source_start < 0:
        return "no source in the relation"
    if len(text[gold.start : gold.end].split("\n\n")) > 1:
        return "content over several paragraphs"
    if after and gold.cue_start < gold.source_start:
        return "reported, verb first (said X)"
    return "reported clause, speaker after" if after else "reported clause, speaker first"


class AttributionScoreRow(NamedTuple):
    """A row of `attribution_score_table`: one coverage threshold θ."""

    theta: float
    n_gold: int  # speech attributions in the gold
    n_pred: int
    n_found: int  # gold contents covered >= theta by one prediction
    n_correct: int  # predictions covering >= theta of some gold content (beliefs included)
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float  # over found gold contents
    n_direct: int  # gold direct quotations
    n_direct_found: int  # of those, found (so a rounded recall cannot hide a shortfall)
    direct_recall: float


class MissRow(NamedTuple):
    """A row of `attribution_miss_table`: gold speech attributions not found, by rule."""

    rule: str
    n_missed: int
    example: str


def polnear_quote_table(documents: Sequence[tuple[Article, list[GoldAttribution]]]) -> pd.DataFrame:
    """`quote_table` of PolNeAR-style documents under PolNeAR's codebook, which counts a speech act
    whose object is a noun phrase ("announced the resumption of talks": ``noun_objects=True``)."""
    return quote_table([article for article, _ in documents], noun_objects=True)


def attribution_evaluation(
    documents: Sequence[tuple[Article, list[GoldAttribution]]],
    thetas: Sequence[float] = (0.3, 0.8),
    predicted: pd.DataFrame | None = None,
    unit: str = "passage",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score the extractor (or `predicted`, a `quote_table`) on PolNeAR-style gold.

    `unit` is what counts as one prediction: "passage" (`quotes.passage_table`: a speaker's
    consecutive statements in a paragraph, PolNeAR's content unit) or "statement" (each row of
    the quote table, the unit of the seeds' gold).

    The Gender Gap Tracker's lenient protocol: a gold speech attribution is *found* when one
    prediction covers at least θ of its content's characters; a prediction is *correct* when it
    covers at least θ of some gold content (any attribution, beliefs included); the speaker is
    right when the gold source's words (less determiners) meet the predicted speaker's or its
    mention's words. Returns (`AttributionScoreRow` table, `MissRow` table at the first θ).
    """
    if unit not in ("passage", "statement"):
        raise ValueError(f"unit must be 'passage' or 'statement', not {unit!r}")
    if predicted is None:
        predicted = polnear_quote_table(documents)
    if unit == "passage":
        predicted = passage_table(predicted)
    by_article = {article_id: group for article_id, group in predicted.groupby("article_id", sort=False)}
    rows = []
    misses: dict[str, tuple[int, str]] = {}
    for theta in thetas:
        n_gold = n_pred = n_found = n_correct = n_direct = n_direct_found = n_speaker = 0
        for article, gold in documents:
            own = by_article.get(article.id, predicted.iloc[:0])
            spans = list(zip(own.start.tolist(), own.end.tolist(), strict=True))
            speakers = [_words(s) | _words(m) for s, m in zip(own.speaker, own.speaker_mention, strict=True)]
            n_pred += len(spans)
            n_correct += sum(any(_coverage(span, g) >= theta for g in gold) for span in spans)
            for g in (g for g in gold if g.speech):
                n_gold += 1
                n_direct += g.direct
                coverages = [_coverage(span, g) for span in spans]
                best = max(range(len(spans)), key=coverages.__getitem__, default=None)
                if best is not None and coverages[best] >= theta:
                    n_found += 1
                    n_direct_found += g.direct
                    n_speaker += bool(_words(g.source) & speakers[best])
                elif theta == thetas[0]:
                    rule = _miss_rule(g, article.text)
                    count, example = misses.get(rule, (0, ""))
                    sentence = article.text[g.start : g.end][:120].replace("\n\n", " ¶ ")
                    misses[rule] = (count + 1, example or f"{article.id}: {sentence}")
        precision = n_correct / n_pred if n_pred else 0.0
        recall = n_found / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((theta, n_gold, n_pred, n_found, n_correct, precision, recall, f1,
                     n_speaker / n_found if n_found else float("nan"), n_direct, n_direct_found,
                     n_direct_found / n_direct if n_direct else float("nan")))  # fmt: skip
    miss_rows = sorted(((rule, n, example) for rule, (n, example) in misses.items()), key=lambda r: -r[1])
    return table(rows, AttributionScoreRow).round(3), table(miss_rows, MissRow)


class ExactSpanRow(NamedTuple):
    """A row of `exact_span_table`: contents found with exactly the gold's boundaries."""

    unit: str  # passage | statement (as `attribution_evaluation`'s `unit`)
    n_gold: int  # speech attributions in the gold
    n_pred: int
    n_found: int  # gold contents some prediction matches exactly
    n_correct: int  # predictions matching some gold content exactly (beliefs included)
    precision: float
    recall: float
    f1: float


_EDGE = frozenset("“”\"'‘’`\u00a0 \n\t")
_FINAL = frozenset(".,;:!?")


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`(start, end)` less quote marks and spaces at both ends and punctuation at the end."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] in _FINAL):
        end -= 1
    return start, end


_THAT_BEFORE = re.compile(r"\bthat\s+\Z", re.I)


def _with_that(text: str, start: int, end: int) -> tuple[int, int]:
    """A content span that opens with the complementizer before it, as PolNeAR's contents do."""
    before = _THAT_BEFORE.search(text, max(0, start - 12), start)
    return (before.start(), end) if before else (start, end)


def exact_span_table(
    documents: Sequence[tuple[Article, list[GoldAttribution]]],
    predicted: pd.DataFrame | None = None,
    with_that: bool = False,
) -> pd.DataFrame:
    """The exact-boundary score (CofeNet's): a gold content is found when a prediction has its
    start and end once both are trimmed (`trimmed_span`); one row per unit (`ExactSpanRow`).
    `with_that` first extends each prediction over a "that" right before it: PolNeAR's contents
    open with the complementizer ("said that the talks …"), the extractor's do not."""
    if predicted is None:
        predicted = polnear_quote_table(documents)
    rows = []
    for unit, frame in (("passage", passage_table(predicted)), ("statement", predicted)):
        by_article = {article_id: group for article_id, group in frame.groupby("article_id", sort=False)}
        n_gold = n_pred = n_found = n_correct = 0
        for article, gold in documents:
            own = by_article.get(article.id, frame.iloc[:0])
            spans = {trimmed_span(article.text, s, e) for s, e in zip(own.start, own.end, strict=True)}
            if with_that:
                spans = {_with_that(article.text, s, e) for s, e in spans}
            golds = {trimmed_span(article.text, g.start, g.end): g.speech for g in gold}
            n_pred += len(own)
            n_correct += sum(span in golds for span in spans)
            n_gold += sum(golds.values())
            n_found += sum(speech and span in spans for span, speech in golds.items())
        precision = n_correct / n_pred if n_pred else 0.0
        recall = n_found / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((unit, n_gold, n_pred, n_found, n_correct, precision, recall, f1))
    return table(rows, ExactSpanRow).round(3)


class RuleScoreRow(NamedTuple):
    """A row of `attribution_rule_table`: the passages a rule helped find."""

    rule: str
    n_passages: int  # passages with a statement this rule found
    n_correct: int  # of those, covering >= theta of some gold content
    precision: float


def attribution_rule_table(
    documents: Sequence[tuple[Article, list[GoldAttribution]]],
    predicted: pd.DataFrame | None = None,
    theta: float = 0.3,
) -> pd.DataFrame:
    """Precision of each extraction rule on PolNeAR-style gold, over passages (columns: `RuleScoreRow`).

    A passage counts under every rule that found one of its statements (`quotes.passage_table`).
    """
    if predicted is None:
        predicted = polnear_quote_table(documents)
    passages = passage_table(predicted)
    gold_of = {article.id: gold for article, gold in documents}
    counts: dict[str, list[int]] = {}
    for article_id, start, end, rules in zip(
        passages.article_id, passages.start, passages.end, passages.rules, strict=True
    ):
        correct = any(_coverage((start, end), g) >= theta for g in gold_of.get(article_id, []))
        for rule in rules.split(", "):
            tally = counts.setdefault(rule, [0, 0])
            tally[0] += 1
            tally[1] += correct
    rows = [(rule, n, k, round(k / n, 3)) for rule, (n, k) in sorted(counts.items(), key=lambda r: -r[1][0])]
    return table(rows, RuleScoreRow)
