"""The report's landing page (`index.html`): the answer first, then the articles, then the details.

It opens on the comparison (how many articles are in group A and group B), the summary figure,
and the headline findings as sentences (`summary.finding_table`), all
from one `summary.framing_comparison`: the same tables notebook 05 shows. Then the list of
articles compared, each linked to its annotated page, and links to the notebooks and the term
explorer. Plain HTML and CSS, no script, nothing loaded from the network.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence

from nzus_analysis.compare.groups import MIN_ARTICLES
from nzus_analysis.compare.summary import FramingComparison
from nzus_analysis.report.plots import FRAME_MARK_NOTE
from nzus_analysis.text.corpus import Article

Link = tuple[str, str]  # (href relative to the landing page, text)

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 62em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #1f2328; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
p.nz-groups { font-size: 1.05em; margin-top: 0; }
figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.6em; border-bottom: 1px solid #d0d7de; }
th { background: #f6f8fa; }
td.nz-topic { font-weight: 600; white-space: nowrap; text-transform: capitalize; }
tr.nz-left-out td { color: #57606a; }
p.nz-note { font-size: 0.9em; color: #57606a; }
"""


def _esc(text: object) -> str:
    return html.escape(str(text))


def _groups_sentence(comparison: FramingComparison) -> str:
    groups = comparison.groups
    n_a, n_b = len(groups.ids_a), len(groups.ids_b)
    left = f"; {len(groups.left_out)} left out (listed below)" if groups.left_out else ""
    return (
        f"Group A: {_esc(groups.by)} {_esc(groups.a)}, {n_a} article{'s' * (n_a != 1)}. "
        f"Group B: {_esc(groups.by)} {_esc(groups.b)}, {n_b} article{'s' * (n_b != 1)}{left}."
    )


def _findings_rows(comparison: FramingComparison) -> str:
    return "\n".join(
        f'<tr><td class="nz-topic">{_esc(row.topic)}</td><td>{_esc(row.finding)}</td></tr>'
        for row in comparison.findings.itertuples()
    )


def _article_rows(comparison: FramingComparison, corpus: Sequence[Article], pages: dict[str, str]) -> str:
    groups = comparison.groups
    label = {**{i: f"B: {groups.b}" for i in groups.ids_b}, **{i: f"A: {groups.a}" for i in groups.ids_a}}
    reasons = dict(zip(*(groups.left_out_table()[c] for c in ("article_id", "reason")), strict=True))
    rank = {**{i: 1 for i in groups.ids_b}, **{i: 0 for i in groups.ids_a}}
    rows = []
    for article in sorted(corpus, key=lambda a: rank.get(a.id, 2)):
        name = _esc(article.title or article.id)
        linked = f'<a href="{_esc(pages[article.id])}">{name}</a>' if article.id in pages else name
        group = _esc(label.get(article.id, "left out: " + reasons.get(article.id, "not in the comparison")))
        css = "" if article.id in label else ' class="nz-left-out"'
        rows.append(
            f"<tr{css}><td>{group}</td><td>{linked}<br><small>{_esc(article.id)}</small></td>"
            f"<td>{_esc(article.outlet)}</td><td>{_esc(article.date or article.year)}</td></tr>"
        )
    return "\n".join(rows)


def _links(links: Sequence[Link]) -> str:
    return "\n".join(f'<li><a href="{_esc(href)}">{_esc(text)}</a></li>' for href, text in links)


def landing_page_html(
    comparison: FramingComparison,
    corpus: Sequence[Article],
    figure_png: bytes,
    notebooks: Sequence[Link],
    article_pages: dict[str, str],
    explorer: Link,
    figure_alt: str = "",
) -> str:
    """The landing page: comparison, figure, findings, articles, links (see the module docstring).

    `article_pages` maps article id -> the href of its annotated page; `notebooks` and `explorer`
    are (href, title) links. Every sentence on the page is built from `comparison`."""
    groups = comparison.groups
    title = f"Framing compared by {groups.by}: {groups.a} against {groups.b}"
    marks = f" † after a frame: {FRAME_MARK_NOTE}." if comparison.below_target else ""
    image = base64.b64encode(figure_png).decode("ascii")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title><style>{STYLE}</style></head><body>
<header><h1>{_esc(title)}</h1><p class="nz-groups">{_groups_sentence(comparison)}</p></header>
<main>
<figure id="summary-figure"><img src="data:image/png;base64,{image}" alt="{_esc(figure_alt or title)}">
<figcaption>{_esc(title)}: frame cues, whose words, how statements were sourced, sentence
tone.</figcaption></figure>
<section id="findings"><h2>What the comparison finds</h2>
<table class="nz-findings"><thead><tr><th>topic</th><th>finding</th></tr></thead><tbody>
{_findings_rows(comparison)}
</tbody></table>
<p class="nz-note">Every figure is computed from the articles below (notebook 05 shows the same
tables).{_esc(marks)} With fewer than {MIN_ARTICLES} articles a group, differences are described, not
tested. The interpretation is in notebook 05.</p></section>
<section id="articles"><h2>Articles compared</h2>
<table class="nz-articles"><thead><tr><th>group</th><th>article</th><th>outlet</th><th>date</th></tr></thead>
<tbody>
{_article_rows(comparison, corpus, article_pages)}
</tbody></table></section>
<section id="details"><h2>Details</h2>
<h3>Analysis notebooks</h3><ol>
{_links(notebooks)}
</ol>
<h3>Terms</h3><ul>{_links([explorer])}</ul>
</section></main></body></html>
"""
