"""Frame lexicon hits: which frames each article and each sentence invoke.

The lexicon (`data/lexicons/frames.csv`, sources and method in its header) maps words and
phrases to frames. Entries are matched on the articles' counting terms (`terms`), so spelling
variants and abbreviations are already folded and a word inside another word never matches
("ally" is not found in "really"). A single-word entry matches any term with the same lemma
("ally" matches "allies"); a phrase matches a run of terms within one sentence. Matches are
longest first and do not overlap ("nuclear weapons" is one hit, not two).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import columns_of, per_article, table
from nzus_analysis.errors import InputError
from nzus_analysis.resources import data_path, uncommented
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.terms import counting_terms, lemma, sentence_terms
from nzus_analysis.text.tokens import sentences, tokenize

NO_FRAME = "none"
#: The Policy Frames Codebook's 15 frames (Boydstun et al. 2014), the lexicon's `frame` values.
FRAMES = (
    "economic", "capacity", "morality", "fairness", "legality", "policy", "crime", "security",
    "health", "quality_of_life", "cultural_identity", "public_opinion", "political", "external", "other",
)  # fmt: skip
#: The codebook's residual code: a passage framed in none of the other ways. Neither measure looks
#: for it (the lexicon has no entries for it, the classifier is not trained on it).
RESIDUAL_FRAME = "other"


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """The frame lexicon: columns frame, subframe, entry, note, key (tuple of lemmatised terms).

    `frame` must be one of `FRAMES`; `subframe` (optional column) names a domain sub-frame.
    """
    path = Path(path) if path is not None else data_path("lexicons", "frames.csv")
    rows = list(csv.DictReader(uncommented(path)))
    if not rows or not {"frame", "entry"} <= set(rows[0]):
        raise InputError(path, "frame lexicon needs a header with columns frame,entry")
    table = pd.DataFrame(rows).fillna("")
    if "subframe" not in table.columns:
        table["subframe"] = ""
    unknown = table[~table.frame.isin(FRAMES)]
    if not unknown.empty:
        entry, frame = unknown.entry.iloc[0], unknown.frame.iloc[0]
        raise InputError(path, f"entry {unknown.index[0] + 1} ({entry!r}): frame {frame!r} is not one of "
                         f"the codebook's frames: {', '.join(FRAMES)}")  # fmt: skip
    keys = []
    for line, entry in enumerate(table.entry, 2):
        key = tuple(lemma(t.term) for t in counting_terms(tokenize(entry)))
        if not key:
            raise InputError(path, f"entry {line - 1} ({entry!r}) has no words")
        keys.append(key)
    table["key"] = keys
    duplicated = table[table.key.duplicated(keep=False)]
    if not duplicated.empty:
        raise InputError(path, f"entries listed twice: {sorted(set(duplicated.entry))}")
    return table[["frame", "subframe", "entry", "note", "key"]]


class _Matcher:
    """A lexicon indexed for matching: lemma key -> (frame, entry), longest entry first."""

    def __init__(self, lexicon: pd.DataFrame) -> None:
        entries = zip(lexicon.frame, lexicon.subframe, lexicon.entry, strict=True)
        self.by_key = dict(zip(lexicon.key, entries, strict=True))
        self.first_words = {key[0] for key in self.by_key}
        self.longest = max(len(k) for k in self.by_key)

    def matches(self, lemmas: list[str]) -> list[tuple[int, int, tuple[str, str, str]]]:
        """(first, last, (frame, subframe, entry)) for each match in one sentence's lemmas, in order."""
        found = []
        k, n = 0, len(lemmas)
        while k < n:
            if lemmas[k] in self.first_words:
                for size in range(min(self.longest, n - k), 0, -1):
                    match = self.by_key.get(tuple(lemmas[k : k + size]))
                    if match:
                        found.append((k, k + size - 1, match))
                        k += size - 1
                        break
            k += 1
        return found


@cache
def _project_matcher() -> _Matcher:
    return _Matcher(load_lexicon())


def _matcher(lexicon: pd.DataFrame | None) -> _Matcher:
    return _project_matcher() if lexicon is None else _Matcher(lexicon)


class FrameHitRow(NamedTuple):
    """A row of `frame_hit_table`: one lexicon match."""

    article_id: str
    year: int
    paragraph: int
    sentence: int
    frame: str  # one of `FRAMES`
    subframe: str  # the domain sub-frame, "" when the entry has none
    entry: str  # the lexicon entry that matched
    start: int  # offsets of the matched words in the article text
    end: int
    surface: str  # the matched words as written


class FrameShareRow(NamedTuple):
    """A row of `frame_share_table`."""

    article_id: str
    year: int
    frame: str
    n_hits: int
    per_1k: float  # hits per 1,000 counting terms
    hit_share: float  # share of the article's frame hits, 0-1


class SentenceFrameRow(NamedTuple):
    """A row of `sentence_frame_table`."""

    article_id: str
    paragraph: int
    sentence: int
    frame: str
    n_hits: int


def _hit_rows(article: Article, matcher: _Matcher) -> Iterable[tuple]:
    text = article.text
    for s, found in zip(sentences(article), sentence_terms(article), strict=True):
        if not found:
            continue
        for first, last, match in matcher.matches([lemma(t.term) for t in found]):
            start, end = found[first].start, found[last].end
            surface = " ".join(text[t.start : t.end] for t in found[first : last + 1])
            yield (article.id, article.year, s.paragraph, s.sentence, *match, start, end, surface)


def frame_hit_table(corpus: Iterable[Article], lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every lexicon match in the articles, in text order (columns: `FrameHitRow`)."""
    matcher = _matcher(lexicon)
    return per_article(corpus, lambda article: _hit_rows(article, matcher), FrameHitRow)


def frame_share_table(
    hits: pd.DataFrame, terms_df: pd.DataFrame, frames: list[str] | None = None
) -> pd.DataFrame:
    """Frame hits per article: every (article, frame) pair, zeros included (columns: `FrameShareRow`).

    `hits` is a `frame_hit_table`, `terms_df` the same articles' `terms.term_table`.
    """
    frames = frames if frames is not None else [f for f in FRAMES if f in set(load_lexicon().frame)]
    sizes = terms_df.groupby("article_id").size()
    years = terms_df.groupby("article_id").year.first()
    counts = hits.groupby(["article_id", "frame"]).size()
    rows = []
    for article_id in sizes.index:
        total = counts.get(article_id, pd.Series(dtype=int)).sum()
        for frame in frames:
            n = int(counts.get((article_id, frame), 0))
            rows.append(
                (article_id, int(years[article_id]), frame, n, round(1000 * n / sizes[article_id], 2),
                 round(n / total, 3) if total else 0.0)
            )  # fmt: skip
    return table(rows, FrameShareRow)


def sentence_frame_table(hits: pd.DataFrame, sentences_df: pd.DataFrame) -> pd.DataFrame:
    """Frame labels per sentence, for joining with sentiment and quotes (columns: `SentenceFrameRow`).

    One row per (sentence, frame) with at least one hit: a sentence carries every frame it has
    hits for (none is singled out). A sentence with no hit gets one row with frame "none" and 0
    hits, so no sentence is lost in a join.
    """
    keys = ["article_id", "paragraph", "sentence"]
    counted = hits.groupby([*keys, "frame"]).size().rename("n_hits").reset_index()
    base = sentences_df[keys].drop_duplicates()
    labelled = base.merge(counted, on=keys, how="left")
    labelled["frame"] = labelled.frame.fillna(NO_FRAME)
    labelled["n_hits"] = labelled.n_hits.fillna(0).astype(int)
    labelled = labelled.sort_values([*keys, "frame"])
    return labelled.reset_index(drop=True)[columns_of(SentenceFrameRow)]


# ---- validation against hand-coded passages ---------------------------------------------------------


#: The lexicon's test passages: the even-numbered ones up to u320, the BBC batch u721–u927 (coded
#: before the lexicon was scored on them), the even-numbered PolNeAR paragraphs (`POLNEAR_UNITS`)
#: and the two later PolNeAR batches (`POLNEAR_TEST_BATCH`, `CLASSIFIER_TEST_BATCH`); every other
#: passage is development data, u481–u720 included (a test batch until its errors were read; see
#: data/frame_validation/coding_guide.md).
TEST_UNITS_UP_TO = 320
TEST_BATCH = range(721, 928)
POLNEAR_UNITS = range(928, 1248)
#: PolNeAR train paragraphs coded after the classifier's first test: the classifier's test batch
#: until its second retraining, which was trained on them; test passages for the lexicon
POLNEAR_TEST_BATCH = range(1248, 1728)
#: Paragraphs of PolNeAR's dev split (articles no other passage comes from), coded before the
#: classifier was retrained on every earlier passage: test passages for both measures, the
#: classifier's only ones
CLASSIFIER_TEST_BATCH = range(1728, 1979)


def _half(number: int) -> str:
    """The lexicon's half a passage numbered `number` belongs to, "test" or "dev" (see
    `TEST_UNITS_UP_TO`)."""
    even = number % 2 == 0
    if (
        number in TEST_BATCH
        or number in POLNEAR_TEST_BATCH
        or number in CLASSIFIER_TEST_BATCH
        or (even and (number <= TEST_UNITS_UP_TO or number in POLNEAR_UNITS))
    ):
        return "test"
    return "dev"


class FrameValidationRow(NamedTuple):
    """A row of `frame_validation_table`: the lexicon against hand codes for one frame and half."""

    frame: str
    half: str  # "dev" (lexicon changes may be tried on it), "test" (see `TEST_UNITS_UP_TO`) or "all"
    n_coded: int  # passages the coder gave this frame
    n_predicted: int  # passages with at least one lexicon hit for it
    n_both: int
    precision: float  # n_both / n_predicted (NaN when nothing is predicted)
    recall: float  # n_both / n_coded (NaN when nothing is coded)


def load_frame_validation(folder: str | Path | None = None) -> pd.DataFrame:
    """The coded passages (`data/frame_validation`): unit_id, half (the lexicon's: "dev" or
    "test"), classifier_half (the classifier's: "dev", every passage it may be trained on, or
    "test", `CLASSIFIER_TEST_BATCH`), source ("bbc"; "polnear" for PolNeAR train paragraphs,
    "polnear-dev" for its dev split's: `units.csv`'s category), text, frames (a frozenset)."""
    folder = Path(folder) if folder is not None else data_path("frame_validation")
    units_path, coded_path = folder / "units.csv", folder / "coded.csv"
    for path in (units_path, coded_path):
        if not path.is_file():
            raise InputError(path, "not found (the validation set is in the repository, not the wheel)")
    units = pd.read_csv(units_path, dtype=str, keep_default_na=False)
    coded = pd.read_csv(coded_path, dtype=str, keep_default_na=False)
    merged = units.merge(coded, on="unit_id", how="outer", indicator=True)
    unmatched = merged[merged._merge != "both"]
    if not unmatched.empty:
        raise InputError(coded_path, f"units without codes or codes without units: {list(unmatched.unit_id)}")
    number = merged.unit_id.str.slice(1).astype(int)
    return pd.DataFrame({
        "unit_id": merged.unit_id,
        "half": [_half(n) for n in number],
        "classifier_half": ["test" if n in CLASSIFIER_TEST_BATCH else "dev" for n in number],
        "source": [category if category.startswith("polnear") else "bbc" for category in merged.category],
        "text": merged.text,
        "frames": [_frame_codes(codes) for codes in merged.frames],
    })  # fmt: skip


def frame_validation_table(
    validation: pd.DataFrame, lexicon: pd.DataFrame | None = None, frame_of: dict[str, str] | None = None
) -> pd.DataFrame:
    """Per-frame precision and recall of the lexicon on `load_frame_validation()` passages.

    A passage is predicted to carry a frame when the lexicon has at least one hit for it there.
    `frame_of` maps the lexicon's frame names to the coded ones (for an older lexicon). Rows for
    each half and for all passages; columns: `FrameValidationRow`.
    """
    texts = zip(validation.unit_id, validation.text, strict=True)
    articles = [Article(unit, 2005, paragraphs=(text,)) for unit, text in texts]
    hits = frame_hit_table(articles, lexicon)
    rename = frame_of or {}
    predicted = (
        hits.assign(frame=hits.frame.map(lambda f: rename.get(f, f))).groupby("article_id").frame.agg(set)
    )
    return scored_validation_table(validation, predicted.to_dict())


def scored_validation_table(validation: pd.DataFrame, predicted: Mapping[str, set[str]]) -> pd.DataFrame:
    """Per-frame precision and recall of any measure whose predicted frames per passage
    (unit_id -> frames) are `predicted`, against the codes of `validation`; rows for each half
    and for all passages (columns: `FrameValidationRow`)."""
    coded = dict(zip(validation.unit_id, validation.frames, strict=True))
    frames = sorted({f for codes in validation.frames for f in codes} | set().union(*predicted.values()))
    rows = []
    for half in ("dev", "test", "all"):
        units = validation.unit_id if half == "all" else validation.unit_id[validation.half == half]
        for frame in frames:
            is_coded = [frame in coded[u] for u in units]
            is_predicted = [frame in predicted.get(u, set()) for u in units]
            n_both = sum(c and p for c, p in zip(is_coded, is_predicted, strict=True))
            n_coded, n_predicted = sum(is_coded), sum(is_predicted)
            rows.append((frame, half, n_coded, n_predicted, n_both,
                         round(n_both / n_predicted, 3) if n_predicted else float("nan"),
                         round(n_both / n_coded, 3) if n_coded else float("nan")))  # fmt: skip
    return table(rows, FrameValidationRow)


class CoderAgreementRow(NamedTuple):
    """A row of `coder_agreement_table`: two codings of the same passages, for one frame."""

    frame: str
    n_units: int  # passages coded both times
    n_first: int  # passages the first coding gives the frame
    n_second: int
    n_both: int
    agreement: float  # share of passages on which the two codings agree (frame present or absent)
    kappa: float  # Cohen's kappa (NaN when chance agreement is 1: the frame never or always coded)


def coder_agreement_table(
    first: Mapping[str, frozenset[str]], second: Mapping[str, frozenset[str]]
) -> pd.DataFrame:
    """Per frame, how far two codings (unit_id -> frames) of the passages they share agree: raw
    agreement and Cohen's kappa, each frame read as present or absent (columns:
    `CoderAgreementRow`); a last row, frame "all frames", pools every frame's decisions."""
    units = sorted(set(first) & set(second))
    frames = sorted({f for u in units for f in first[u] | second[u]})
    decisions: list[tuple[bool, bool]] = []
    rows = []
    for frame in [*frames, "all frames"]:
        pairs = (
            decisions if frame == "all frames" else [(frame in first[u], frame in second[u]) for u in units]
        )
        if frame != "all frames":
            decisions.extend(pairs)
        n = len(pairs)
        n_first, n_second = sum(a for a, _ in pairs), sum(b for _, b in pairs)
        n_both = sum(a and b for a, b in pairs)
        observed = sum(a == b for a, b in pairs) / n if n else float("nan")
        chance = (n_first * n_second + (n - n_first) * (n - n_second)) / (n * n) if n else float("nan")
        kappa = (observed - chance) / (1 - chance) if n and chance < 1 else float("nan")
        rows.append((frame, len(units), n_first, n_second, n_both, round(observed, 3), round(kappa, 3)))
    return table(rows, CoderAgreementRow)


def load_recoded(folder: str | Path | None = None) -> dict[str, frozenset[str]]:
    """The intra-coder check's second codes (`data/frame_validation/recoded.csv`): unit_id -> frames."""
    path = (Path(folder) if folder is not None else data_path("frame_validation")) / "recoded.csv"
    if not path.is_file():
        raise InputError(path, "not found (the validation set is in the repository, not the wheel)")
    recoded = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"unit_id", "frames"} <= set(recoded.columns):
        raise InputError(path, f"needs the columns unit_id and frames, not {list(recoded.columns)}")
    codes = {u: _frame_codes(text) for u, text in zip(recoded.unit_id, recoded.frames, strict=True)}
    unknown = sorted(set().union(*codes.values()) - set(FRAMES))
    if unknown:
        raise InputError(path, f"frames not in the codebook: {unknown}")
    return codes


def _frame_codes(text: str) -> frozenset[str]:
    """A coded passage's frames: its codes separated by ";" (`coded.csv`, `recoded.csv`)."""
    return frozenset(code for code in text.split(";") if code)


#: A frame's lexicon is *validated* when its test precision is at least `TARGET_PRECISION` and
#: the whole validation set codes it at least `MIN_CODED` times (fewer: too rare to judge).
TARGET_PRECISION = 0.75
MIN_CODED = 20
VERDICTS = ("meets target", "below target", "too few coded", "not measured")


class FrameVerdictRow(NamedTuple):
    """A row of `frame_verdict_table`: how far one frame's lexicon hits can be trusted."""

    frame: str
    n_coded_all: int  # passages coded with the frame, whole validation set
    n_predicted: int  # test passages with a lexicon hit for it
    n_both: int
    precision: float  # on the test passages (NaN when nothing is predicted)
    precision_low: float  # 95 % Wilson interval of that precision
    precision_high: float
    recall: float
    verdict: str  # one of `VERDICTS`; "not measured": the measure has no cue or model for it


def _wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return float("nan"), float("nan")
    share = successes / n
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round(centre - half, 3), round(centre + half, 3)


def frame_verdict_table(
    validation_table: pd.DataFrame, lexicon: pd.DataFrame | None = None, measured: Iterable[str] | None = None
) -> pd.DataFrame:
    """Per frame, the test-passage precision of a validation table (`frame_validation_table`,
    or `frame_classifier.classifier_validation_table`) with its 95 % Wilson interval, and
    whether the frame meets the validation target (`TARGET_PRECISION`, for frames coded at least
    `MIN_CODED` times): the frames whose measure a reader may take at face value. `measured`:
    the frames the measure can find (default: those with an entry in the lexicon). Columns:
    `FrameVerdictRow`."""
    found = set((load_lexicon() if lexicon is None else lexicon).frame if measured is None else measured)
    coded_all = validation_table[validation_table.half == "all"].set_index("frame").n_coded
    rows = []
    for row in validation_table[validation_table.half == "test"].itertuples(index=False):
        n_coded_all = int(coded_all.get(row.frame, 0))
        if row.frame not in found:
            verdict = "not measured"
        elif n_coded_all < MIN_CODED:
            verdict = "too few coded"
        else:
            meets = row.n_predicted > 0 and row.precision >= TARGET_PRECISION
            verdict = "meets target" if meets else "below target"
        low, high = _wilson(row.n_both, row.n_predicted)
        rows.append((row.frame, n_coded_all, row.n_predicted, row.n_both, row.precision, low, high,
                     row.recall, verdict))  # fmt: skip
    return table(rows, FrameVerdictRow)


def frames_below_target(folder: str | Path | None = None) -> frozenset[str] | None:
    """The frames whose lexicon misses the validation target on the coded test passages (every
    verdict of `frame_verdict_table` but "meets target"), for marking figures and tables; None
    when the validation set is not there (a wheel install, or ``NZUS_DATA_DIR`` pointing at a data
    folder without it), so nothing can be marked."""
    return below_target(lambda validation: frame_verdict_table(frame_validation_table(validation)), folder)


def below_target(
    verdicts_of: Callable[[pd.DataFrame], pd.DataFrame], folder: str | Path | None = None
) -> frozenset[str] | None:
    """The frames a measure misses the validation target for: every frame whose verdict in
    `verdicts_of(load_frame_validation(folder))` (a `frame_verdict_table`) is not "meets
    target"; None when the validation set is not there."""
    try:
        validation = load_frame_validation(folder)
    except InputError:
        return None
    verdicts = verdicts_of(validation)
    return frozenset(verdicts.frame[verdicts.verdict != "meets target"])
