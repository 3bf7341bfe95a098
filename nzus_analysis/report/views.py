"""HTML views of the package's tables for notebooks and the report.

`use_table_style()` makes every DataFrame a notebook displays render as a styled HTML table (as
`plots.use_style` does for figures); `table_view(df, caption=…)` shows one table with a caption.
Text columns are left-aligned and wrap at word boundaries inside their cells (never cut with
"..."); numbers are right-aligned and rounded. The HTML is the same for the same table on every
run (its id is a hash of the content), so nbval can compare it.
"""

from __future__ import annotations

import hashlib
import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from nzus_analysis.measures.article_frames import (
    TARGET_PRECISION,
    TARGET_RECALL,
    article_frame_table,
    article_model_validity_table,
)
from nzus_analysis.measures.frames import FRAMES, frame_hit_table, load_lexicon
from nzus_analysis.measures.sentiment import vader_driver_spans
from nzus_analysis.measures.stance import DEFAULT_STANCE_MODEL, stance_table
from nzus_analysis.measures.voices import VOICES, sentence_voice_table, token_voice_table
from nzus_analysis.quotes import quote_table
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.tokens import sentences

#: Text cells longer than this many characters get a wider minimum width, so prose reads as lines.
LONG_TEXT = 40


@dataclass(frozen=True)
class TableView:
    """A DataFrame with its display settings; `frame` is the table itself, unchanged."""

    frame: pd.DataFrame
    precision: int = 3
    caption: str = ""

    def __repr__(self) -> str:
        text = self.frame.to_string(float_format=lambda x: f"{x:.{self.precision}f}")
        return f"{self.caption}\n{text}" if self.caption else text

    def _repr_html_(self) -> str:
        return table_html(self.frame, self.precision, self.caption)


def _column_styles(frame: pd.DataFrame) -> list[dict[str, str]]:
    styles = []
    for j in range(frame.shape[1]):
        values = frame.iloc[:, j]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            props = "text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap"
        else:
            longest = int(values.astype(str).str.len().max()) if len(values) else 0
            width = "min-width: 24em; " if longest > LONG_TEXT else ""
            props = f"text-align: left; {width}white-space: normal; overflow-wrap: normal; word-break: normal"
        styles.append({"selector": f"td.col{j}", "props": props})
    styles.append({"selector": "th.col_heading", "props": "text-align: left; vertical-align: bottom"})
    styles.append({"selector": "th.row_heading", "props": "text-align: left; vertical-align: top"})
    styles.append({"selector": "td", "props": "vertical-align: top"})
    styles.append({"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold"})
    return styles


def table_html(frame: pd.DataFrame, precision: int = 3, caption: str = "") -> str:
    """`frame` as an HTML table with the view's styles; its id is a hash of its content."""
    digest = hashlib.sha1(frame.to_csv().encode("utf-8") + caption.encode("utf-8")).hexdigest()[:10]
    styler = Styler(frame, uuid=f"nz{digest}", cell_ids=False)
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    styler = styler.format(precision=precision, na_rep="", escape="html")
    styler.set_table_styles(_column_styles(frame))
    if caption:
        styler.set_caption(caption)
    return styler.to_html()


def table_view(frame: pd.DataFrame, precision: int = 3, caption: str = "") -> TableView:
    """Display `frame` (in a notebook) as a readable HTML table; see the module docstring."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"table_view expects a DataFrame, got {type(frame).__name__}")
    return TableView(frame, precision, caption)


def use_table_style() -> None:
    """Render every DataFrame this IPython session displays with `table_html` (HTML only).

    The plain-text form stays pandas' own. Outside IPython this does nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the notebook extra
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, lambda frame: table_html(frame))


# ---- annotated articles ------------------------------------------------------------------------------

STANCE_COLOURS = {"negative": "#b2182b", "neutral": "#555555", "positive": "#1a7f37"}

#: The layers a reader switches on and off: name, whether it is on at first, what it marks.
LAYERS = (
    ("voices", True, "sentence background = whose words: quoted (inside attributed quote marks), "
     "reported (reported speech), reporter (the journalist's own)"),
    ("statements", True, "each attributed statement underlined (dotted), its badge naming the speaker "
     "and the channel the words came through"),
    ("frames", False, "frame cues underlined in the frame's colour"),
    ("tone", False, "words that move VADER's sentence tone: green warmer, red harsher (weight on hover)"),
    ("stance", False, "actor mentions boxed in the colour of the tone toward them (score on hover)"),
)  # fmt: skip


def _when(layer: str, selector: str) -> str:
    """A CSS selector that applies only while the layer's checkbox is ticked."""
    return f'.nz-article:has(.nz-layer[data-layer="{layer}"]:checked) {selector}'


ARTICLE_CSS = f"""
.nz-article {{ font-family: Georgia, serif; line-height: 1.7; max-width: 48em; color: #222; }}
.nz-article h1 {{ font-family: sans-serif; font-size: 1.4em; line-height: 1.3; }}
.nz-article .nz-meta, .nz-article .nz-legend, .nz-article .nz-removed,
.nz-article .nz-frames {{ font-family: sans-serif; font-size: 0.85em; color: #444; }}
.nz-article .nz-legend {{ border: 1px solid #ddd; padding: 0.5em 0.8em; margin: 1em 0; background: #fff;
}}
.nz-article .nz-legend label {{ display: block; margin: 0.15em 0; cursor: pointer; }}
.nz-article .nz-legend .nz-key {{ display: inline-block; margin-right: 0.6em; white-space: nowrap; }}
.nz-article p.nz-paragraph {{ margin: 0 0 1em 0; }}
.nz-article .nz-sentence {{ padding: 0.1em 0; }}
{_when("voices", ".nz-voice-quoted")} {{ background: #fde9c9; }}
{_when("voices", ".nz-voice-reported")} {{ background: #e3eefb; }}
.nz-article .nz-legend .nz-voice-quoted {{ background: #fde9c9; }}
.nz-article .nz-legend .nz-voice-reported {{ background: #e3eefb; }}
.nz-article .nz-speaker {{ display: none; font-family: sans-serif; font-size: 0.7em; background: #333;
  color: #fff; border-radius: 3px; padding: 0 0.35em; margin-right: 0.25em; vertical-align: 0.15em;
  white-space: nowrap; }}
{_when("statements", ".nz-statement")} {{ border-bottom: 2px dotted #888; }}
{_when("statements", ".nz-speaker")} {{ display: inline; }}
{_when("frames", ".nz-frame")} {{ text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 3px; }}
{_when("tone", ".nz-driver")} {{ font-weight: bold; }}
{_when("tone", ".nz-driver-negative")} {{ color: #b2182b; }}
{_when("tone", ".nz-driver-positive")} {{ color: #1a7f37; }}
{_when("stance", ".nz-mention")} {{ border: 1px solid; border-radius: 3px; padding: 0 0.15em; }}
.nz-article [data-kind] {{ cursor: help; }}
.nz-article .nz-removed li {{ margin-bottom: 0.3em; }}
"""


@dataclass(frozen=True)
class Mark:
    """One annotation on a span of an article's text: its CSS class and tooltip (its details)."""

    start: int
    end: int
    kind: str  # frame | driver | mention
    css: str  # extra classes
    title: str  # tooltip
    style: str = ""


def _frame_name(frame: str, subframe: str = "") -> str:
    name = frame.replace("_", " ")
    return f"{name} › {subframe.replace('_', ' ')}" if subframe else name


#: One colour per codebook frame (matplotlib's tab20, dark tones first): 15 distinct underlines.
FRAME_COLOURS = dict(zip(FRAMES, (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
), strict=True))  # fmt: skip


def _frame_colours(frames: Iterable[str]) -> dict[str, str]:
    return {frame: FRAME_COLOURS.get(frame, "#888888") for frame in FRAMES if frame in set(frames)}


def _article_marks(article: Article, hits: pd.DataFrame, stance: pd.DataFrame) -> list[Mark]:
    colours = _frame_colours(load_lexicon().frame)
    marks = [
        Mark(int(h.start), int(h.end), "frame", f"nz-frame nz-frame-{h.frame}",
             f"frame: {_frame_name(h.frame, h.subframe)} (cue '{h.entry}')",
             f"text-decoration-color: {colours.get(h.frame, '#888')}")
        for h in hits.itertuples()
    ]  # fmt: skip
    for s in sentences(article):
        for start, end, valence in vader_driver_spans(s.text, s.start):
            side = "positive" if valence > 0 else "negative"
            marks.append(
                Mark(start, end, "driver", f"nz-driver nz-driver-{side}",
                     f"VADER lexicon valence {valence:+.1f} (−4…4)")
            )  # fmt: skip
    for m in stance.itertuples():
        side = f" ({m.side})" if m.side else ""
        marks.append(
            Mark(int(m.start), int(m.end), "mention", f"nz-mention nz-stance-{m.label}",
                 f"{m.actor}{side}: tone toward them here {m.label} ({m.score:+.2f}; {m.model} stance model)",
                 f"border-color: {STANCE_COLOURS[m.label]}")
        )  # fmt: skip
    return marks


def _render_span(text: str, start: int, end: int, marks: list[Mark]) -> str:
    """text[start:end] with `marks` (clipped to it) as nested spans; a mark's label and details
    are in its tooltip (``title``), not in the text."""
    inside = [m for m in marks if m.start < end and start < m.end]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    out = []
    for left, right in itertools.pairwise(cuts):
        piece = html.escape(text[left:right])
        for mark in sorted((m for m in inside if m.start <= left and right <= m.end), key=lambda m: m.kind):
            style = f' style="{mark.style}"' if mark.style else ""
            piece = (
                f'<span class="{mark.css}" title="{html.escape(mark.title)}"'
                f' data-kind="{mark.kind}"{style}>{piece}</span>'
            )
        out.append(piece)
    return "".join(out)


def _statement_pieces(s_start: int, s_end: int, statements: pd.DataFrame) -> list[tuple[int, int, Any]]:
    """The sentence cut into (start, end, statement row or None), statements clipped to it."""
    pieces: list[tuple[int, int, Any]] = []
    position = s_start
    for row in statements.itertuples():
        left, right = max(int(row.start), position), min(int(row.end), s_end)
        if left >= right:
            continue
        if left > position:
            pieces.append((position, left, None))
        pieces.append((left, right, row))
        position = right
    if position < s_end:
        pieces.append((position, s_end, None))
    return pieces


def _legend(frames: Iterable[str]) -> str:
    """The layer switches, each with what it marks (the legend): voices and statements on."""
    keys = {
        "voices": "".join(
            f'<span class="nz-key nz-sentence nz-voice-{v}">&nbsp;{v}&nbsp;</span>' for v in VOICES
        ),
        "frames": "".join(
            f'<span class="nz-key" style="border-bottom:2px solid {c}">{html.escape(_frame_name(f))}</span>'
            for f, c in _frame_colours(frames).items()
        ),
        "stance": "".join(
            f'<span class="nz-key" style="border:1px solid {c};padding:0 0.2em">{label}</span>'
            for label, c in STANCE_COLOURS.items()
        ),
    }
    switches = "".join(
        f'<label><input type="checkbox" class="nz-layer" data-layer="{name}"{" checked" * on}> '
        f"<strong>{name}</strong>: {html.escape(what)} {keys.get(name, '')}</label>"
        for name, on, what in LAYERS
    )
    return (
        '<div class="nz-legend" role="group" aria-label="What to mark"><strong>Legend.</strong> '
        f"Tick a layer to mark it; hover (or click) a marked word for its details.{switches}</div>"
    )


def article_frames_html(article: Article) -> str:
    """The frames the article model reads in the whole article, each with its probability and its
    cross-validated precision and recall on SemEval-2023's coded articles; † marks (and the text
    names) the frames it reads below target there."""
    read = article_frame_table([article])
    validity = article_model_validity_table().set_index("frame")
    items = []
    for row in read[read.carries].sort_values("probability", ascending=False).itertuples():
        check = validity.loc[row.frame]
        mark = " †" if check.below_target else ""
        items.append(
            f"<li><strong>{html.escape(_frame_name(row.frame))}{mark}</strong> (probability "
            f"{row.probability:.2f}; on coded articles precision {check.cv_precision:.2f}, recall "
            f"{check.cv_recall:.2f}{', not reliable' if check.below_target else ''})</li>"
        )
    unreliable = ", ".join(_frame_name(f) for f in validity.index[validity.below_target])
    return (
        "<div class='nz-frames'><h2>Frames of the whole article</h2><p>Read by the article model "
        "(trained on SemEval-2023's trained coders; <code>article_frames</code>); precision and recall are "
        "its nested, topic-grouped cross-validated figures there. † marks a frame read with "
        f"precision below {TARGET_PRECISION} or recall below {TARGET_RECALL}: not reliable"
        f"{' (' + html.escape(unreliable) + ')' if unreliable else ''}.</p>"
        f"<ul>{''.join(items) or '<li>no frame reaches the model threshold</li>'}</ul></div>"
    )


def article_html(article: Article, stance_model: str = DEFAULT_STANCE_MODEL) -> str:
    """The article as an HTML fragment (with its own styles): sentences by voice, statements with
    speaker and channel, frame cues, sentiment drivers with weights, stance at each actor mention
    (`stance_model`: see `stance.target_stance`), a legend, the frames of the whole article
    (`article_frames_html`), and the furniture and captions cleaning removed."""
    quotes = quote_table([article])
    voices = sentence_voice_table(token_voice_table([article], quotes))
    voice_of = {int(r.sentence): r.voice for r in voices.itertuples()}
    hits = frame_hit_table([article])
    marks = _article_marks(article, hits, stance_table([article], quotes, stance_model))
    statements = quotes.sort_values(["start", "end"])
    text = article.text
    paragraphs: dict[int, list[str]] = {}
    for s in sentences(article):
        inner = []
        for left, right, row in _statement_pieces(s.start, s.end, statements):
            body = _render_span(text, left, right, marks)
            if row is None:
                inner.append(body)
                continue
            speaker = row.speaker or f"{row.speaker_mention} (unresolved)"
            badge = (
                f'<span class="nz-speaker" data-speaker="{html.escape(speaker)}">'
                f"{html.escape(speaker)} · {html.escape(row.channel.replace('_', ' '))}</span>"
                if left == int(row.start) else ""
            )  # fmt: skip
            title = f"{row.kind} statement by {speaker} (cue '{row.cue}', channel {row.channel})"
            inner.append(
                f'<span class="nz-statement" data-kind="{row.kind}" data-channel="{row.channel}"'
                f' title="{html.escape(title)}">{badge}{body}</span>'
            )
        voice = voice_of.get(s.sentence, "reporter")
        paragraphs.setdefault(s.paragraph, []).append(
            f'<span class="nz-sentence nz-voice-{voice}" data-voice="{voice}" data-sentence="{s.sentence}">'
            f"{''.join(inner)}</span>"
        )
    body = "\n".join(f'<p class="nz-paragraph">{" ".join(p)}</p>' for _, p in sorted(paragraphs.items()))
    removed = "".join(
        f"<li><em>{html.escape(r.kind.replace('_', ' '))}</em> (raw line {r.line}): "
        f"{html.escape(r.text)}</li>"
        for r in sorted((*article.captions, *article.furniture), key=lambda r: r.line)
    )
    meta = " · ".join(
        html.escape(str(v)) for v in (article.outlet, article.author, article.date or article.year) if v
    )
    return (
        f'<div class="nz-article" data-article="{html.escape(article.id)}"><style>{ARTICLE_CSS}</style>'
        f"<h1>{html.escape(article.title or article.id)}</h1><div class='nz-meta'>{meta} · id "
        f"{html.escape(article.id)}</div>{_legend(load_lexicon().frame)}<div class='nz-body'>{body}</div>"
        f"{article_frames_html(article)}"
        f"<div class='nz-removed'><h2>Removed by cleaning (not article text)</h2>"
        f"<ol>{removed or '<li>nothing</li>'}</ol></div></div>"
    )


@dataclass(frozen=True)
class ArticleView:
    """An annotated article for notebooks: ``display(article_view(article))``."""

    article: Article
    stance_model: str = DEFAULT_STANCE_MODEL

    def __repr__(self) -> str:
        return f"ArticleView({self.article.id!r}: {len(self.article.paragraphs)} paragraphs)"

    def _repr_html_(self) -> str:
        return article_html(self.article, self.stance_model)


def article_view(article: Article, stance_model: str = DEFAULT_STANCE_MODEL) -> ArticleView:
    """The annotated article (see `article_html`), displayed as HTML in JupyterLab."""
    return ArticleView(article, stance_model)


#: The article page's script: a tick box per layer (also set by ``#layers=frames,stance`` in the
#: address), a details panel for the clicked mark, and ``data-shown`` on the article: how many marks
#: of each kind the page shows now (read off the rendered styles).
ARTICLE_PAGE_SCRIPT = """
(function () {
  "use strict";
  const root = document.querySelector(".nz-article"), panel = document.getElementById("nz-detail");
  const boxes = Array.from(root.querySelectorAll(".nz-layer"));
  const wanted = location.hash.match(/layers=([\\w,]*)/);
  if (wanted) {
    const on = new Set(wanted[1].split(","));
    boxes.forEach(b => { b.checked = on.has(b.dataset.layer); });
  }
  const shownIf = {
    statement: e => getComputedStyle(e).borderBottomStyle !== "none",
    frame: e => getComputedStyle(e).textDecorationLine.includes("underline"),
    driver: e => Number(getComputedStyle(e).fontWeight) >= 600,
    mention: e => getComputedStyle(e).borderTopStyle !== "none",
  };
  function count() {
    const shown = {};
    for (const [kind, test] of Object.entries(shownIf)) {
      const selector = kind === "statement" ? ".nz-statement" : `[data-kind="${kind}"]`;
      shown[kind] = Array.from(root.querySelectorAll(selector)).filter(test).length;
    }
    root.dataset.shown = JSON.stringify(shown);
  }
  boxes.forEach(b => b.addEventListener("change", count));
  root.addEventListener("click", event => {
    const mark = event.target.closest("[title]");
    if (mark && panel) { panel.textContent = mark.title; }
  });
  count();
})();
"""


def article_page(article: Article, back_link: str = "index.html") -> str:
    """A standalone HTML page of `article_html`, with a details panel for the clicked mark and
    layers settable from the address (``#layers=frames,stance``); no external resources."""
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(article.title or article.id)}</title>"
        "<style>body{margin:1.5em auto;max-width:52em;padding:0 1em}"
        "#nz-detail{position:sticky;bottom:0;background:#f6f8fa;border:1px solid #d0d7de;"
        "font-family:sans-serif;font-size:0.85em;padding:0.4em 0.8em;min-height:1.5em}</style></head><body>"
        f"<nav><a href='{html.escape(back_link)}'>← the findings</a></nav>"
        f"{article_html(article)}"
        '<aside id="nz-detail" aria-live="polite">Click a marked word for its details.</aside>'
        f"<script>{ARTICLE_PAGE_SCRIPT}</script></body></html>\n"
    )
