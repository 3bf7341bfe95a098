"""A term explorer page: every term of a keyness comparison as a point, with its contexts.

`term_explorer_html(corpus, group_a, group_b)` writes one self-contained HTML page (the
JavaScript, `templates/term_explorer.js`, is written here and inlined; nothing loads from the
network, it opens from file://). Each term of `keyness.keyness_table` is a point at its rate per
1,000 terms in group B (x) and group A (y), log scales (a term absent from a group sits on that
axis's "absent" edge), coloured by z (blue = group B's, red = group A's). Hovering a point shows
its counts, z, G² and log ratio; clicking it, a term in the side lists, or searching for it
shows its keyword-in-context lines from both groups. ``#term=…`` in the address opens a term.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nzus_analysis.measures.keyness import keyness_table
from nzus_analysis.text.corpus import Article
from nzus_analysis.text.terms import term_table

#: Keyword-in-context lines kept per term and group (the page says how many there are in all).
MAX_CONTEXTS = 25
#: Words of context on each side of a term.
CONTEXT_WORDS = 8


@dataclass(frozen=True)
class ExplorerData:
    """What the page shows: the keyness rows and, per term, context lines from each group."""

    keyness: pd.DataFrame  # keyness.keyness_table columns
    contexts: dict[str, tuple[list[list[str]], list[list[str]]]]  # term -> ([a lines], [b lines])


def explorer_data(
    corpus: Sequence[Article],
    group_a: Sequence[str],
    group_b: Sequence[str],
    max_contexts: int = MAX_CONTEXTS,
    window: int = CONTEXT_WORDS,
) -> ExplorerData:
    """Keyness of A against B and up to `max_contexts` context lines per term and group.

    A context line is [article id, left words, the term as written, right words], within its
    sentence, in text order.
    """
    terms = term_table(corpus)
    keyness = keyness_table(terms, group_a, group_b)
    wanted = set(keyness.term)
    texts = {a.id: a.text for a in corpus}
    group_of = {**{i: 1 for i in group_b}, **{i: 0 for i in group_a}}
    contexts: dict[str, tuple[list[list[str]], list[list[str]]]] = {}
    columns = [terms[c].tolist() for c in ("article_id", "sentence", "start", "end", "term")]
    ids, sentence_numbers, starts, ends, words = columns
    sentence_start = 0
    for i in range(len(words)):
        if i == 0 or sentence_numbers[i] != sentence_numbers[i - 1] or ids[i] != ids[i - 1]:
            sentence_start = i
        term, article_id = words[i], ids[i]
        if term not in wanted or article_id not in group_of:
            continue
        lines = contexts.setdefault(term, ([], []))[group_of[article_id]]
        if len(lines) >= max_contexts:
            continue
        sentence_end = i
        while (
            sentence_end + 1 < len(words)
            and sentence_numbers[sentence_end + 1] == sentence_numbers[i]
            and ids[sentence_end + 1] == article_id
            and sentence_end + 1 <= i + window
        ):
            sentence_end += 1
        text = texts[article_id]
        left = text[starts[max(sentence_start, i - window)] : starts[i]].strip()
        right = text[ends[i] : ends[sentence_end]].strip()
        lines.append([article_id, left, text[starts[i] : ends[i]], right])
    return ExplorerData(keyness, contexts)


_CSS = """
body { font-family: sans-serif; margin: 1em auto; max-width: 1200px; padding: 0 1em; color: #222; }
.nz-layout { display: flex; gap: 1.5em; align-items: flex-start; flex-wrap: wrap; }
canvas { border: 1px solid #ddd; max-width: 100%; cursor: crosshair; }
.nz-lists { display: flex; gap: 1.5em; font-size: 0.9em; }
.nz-lists ol { padding-left: 1.5em; margin: 0.3em 0; }
#nz-tip { position: absolute; background: #fff; border: 1px solid #888; padding: 0.4em 0.6em;
  font-size: 0.85em; pointer-events: none; box-shadow: 0 1px 4px rgba(0,0,0,0.2); }
table.nz-kwic { border-collapse: collapse; font-size: 0.9em; width: 100%; }
table.nz-kwic td { padding: 0.15em 0.4em; vertical-align: top; }
td.nz-left { text-align: right; color: #555; } td.nz-right { color: #555; }
td.nz-match { font-weight: bold; white-space: nowrap; } td.nz-id { font-size: 0.8em; color: #888; }
"""


def _script() -> str:
    return (Path(__file__).parent / "templates" / "term_explorer.js").read_text(encoding="utf-8")


def _side_list(keyness: pd.DataFrame, label: str, top: int) -> str:
    items = "".join(
        f'<li><a href="#term={html.escape(t)}" data-term="{html.escape(t)}">{html.escape(t)}</a> '
        f"<small>z {z:.1f}</small></li>"
        for t, z in zip(keyness.term.head(top), keyness.z.head(top), strict=True)
    )
    return f"<div><strong>Most {html.escape(label)}</strong><ol>{items}</ol></div>"


def term_explorer_html(
    corpus: Sequence[Article],
    group_a: Sequence[str],
    group_b: Sequence[str],
    label_a: str = "A",
    label_b: str = "B",
    top: int = 20,
) -> str:
    """The explorer page for group A's articles against group B's (article ids); see the module doc."""
    data = explorer_data(corpus, group_a, group_b)
    keyness = data.keyness
    columns = ["term", "n_a", "n_b", "per_1k_a", "per_1k_b", "z", "g2", "log_ratio"]
    rows = [
        [t, int(a), int(b), round(float(pa), 4), round(float(pb), 4), round(float(z), 3),
         round(float(g), 3), round(float(lr), 3)]
        for t, a, b, pa, pb, z, g, lr in keyness[columns].itertuples(index=False)
    ]  # fmt: skip
    payload = {"columns": columns, "rows": rows, "label_a": label_a, "label_b": label_b,
               "contexts": data.contexts}  # fmt: skip
    embedded = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    lists = _side_list(keyness, label_a, top) + _side_list(keyness.iloc[::-1], label_b, top)
    title = f"Term explorer: {label_a} vs {label_b}"
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<nav><a href='index.html'>← report index</a></nav><h1>{html.escape(title)}</h1>"
        f"<p>Each point is a term ({len(rows):,} in all): its rate in {html.escape(label_b)} (x) and "
        f"{html.escape(label_a)} (y). Red terms are distinctive of {html.escape(label_a)}, blue of "
        f"{html.escape(label_b)} (z of the log-odds ratio with an informative prior, as in the "
        "keyness table). The most distinctive terms are labelled where there is room; terms with the "
        "same rates are spread around their common point. Scroll to zoom, drag to pan, double-click to "
        "reset. Hover a point for its figures; click it, a listed term, or search to read its "
        "contexts.</p>"
        '<form id="nz-search" role="search"><label>Term <input id="nz-query" type="search" '
        'placeholder="e.g. defence"></label> <button type="submit">Show contexts</button></form>'
        f'<div class="nz-layout"><canvas id="nz-plot" width="640" height="560" role="img" '
        f'aria-label="{html.escape(title)}: scatter of term rates, coloured by z"></canvas>'
        f'<div class="nz-lists">{lists}</div></div><div id="nz-tip" hidden></div>'
        '<section id="nz-contexts" aria-live="polite"><p>Click a term to read its contexts.</p></section>'
        f'<script type="application/json" id="nz-data">{embedded}</script>'
        f"<script>{_script()}</script></body></html>\n"
    )
