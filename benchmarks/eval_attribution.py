"""Score quote attribution on PolNeAR or on the NZ news development set.

PolNeAR (../shared/corpora/polnear), with the Gender Gap Tracker's protocol: precision, recall
and F1 at each coverage threshold θ, speaker accuracy, direct-quote recall, and the gold speech
attributions missed at the first θ, grouped by the rule that should have caught them. Develop on
`train`, check on `dev`; the test split is held out and is not here.

NZ news (tests/data/nznews, `quotes.gold_set`): statements found, kind, speaker and channel
accuracy against the hand-coded gold; furniture lines removed and body lines lost; then every
miss, false alarm and wrong speaker, to read.

BBC (../shared/corpora/bbc, no gold): how the speakers of news the rules were not written for
resolve (`resolved_by`, the kind of speaker, the channel), a robustness check: a speaker phrase
left unresolved is kept as written, so long ones are listed, to read. Then whom "he" and "she"
go to, against 60 hand-coded statements (data/gold/bbc_pronoun_speakers.csv).

    .venv/bin/python benchmarks/eval_attribution.py [--split dev] [--theta 0.3 0.8]
    .venv/bin/python benchmarks/eval_attribution.py --corpus nznews
    .venv/bin/python benchmarks/eval_attribution.py --corpus bbc
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd
from bench_pipeline import load as load_bbc

from nzus_analysis.quotes import quote_table
from nzus_analysis.quotes.evaluation import (
    attribution_evaluation,
    attribution_rule_table,
    exact_span_table,
    polnear_documents,
    polnear_quote_table,
)
from nzus_analysis.quotes.gold_set import (
    furniture_line_table,
    furniture_score_table,
    load_gold_set,
    statement_match_table,
    statement_score_table,
)
from nzus_analysis.resources import data_path, uncommented

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear"
NZNEWS = Path(__file__).resolve().parents[1] / "tests" / "data" / "nznews"


def bbc() -> None:
    """How the speakers of the BBC corpus resolve: shares by `resolved_by`, speaker kind and channel."""
    articles = load_bbc()
    predicted = quote_table(articles)
    n = len(predicted)
    print(f"BBC: {len(articles)} articles, {n} statements")
    for column in ("resolved_by", "speaker_kind", "channel"):
        counts = predicted[column].replace("", "(none)").value_counts()
        shares = counts.astype(str) + " (" + (counts / n).map("{:.1%}".format) + ")"
        print(f"\n{column}:\n{shares.to_string()}")
    left = predicted[(predicted.resolved_by == "unresolved") & (predicted.speaker.str.split().str.len() >= 5)]
    print(f"\nunresolved speaker phrases of five words or more: {len(left)} ({len(left) / n:.1%}); a sample:")
    with pd.option_context("display.width", 200, "display.max_colwidth", 100):
        print(left.sample(min(20, len(left)), random_state=0)[["speaker", "cue"]].to_string(index=False))
    scored = pronoun_gold_table(predicted)
    print("\n'he' and 'she' speakers against the hand-coded sample (gold/bbc_pronoun_speakers.csv):")
    for split, rows in scored.groupby("split", sort=False):
        print(f"{split}: {int(rows.right.sum())} of {len(rows)} right ({rows.right.mean():.3f})")
    print(scored[~scored.right].to_string(index=False))


def pronoun_gold_table(predicted: pd.DataFrame) -> pd.DataFrame:
    """The hand-coded pronoun speakers with the speaker `predicted` gives each statement (empty
    when it finds none there) and whether it is right: its last word is the referent's."""
    gold = pd.read_csv(uncommented(data_path("gold", "bbc_pronoun_speakers.csv")), keep_default_na=False)
    keys = ["article_id", "start", "end"]
    scored = gold.merge(predicted[[*keys, "speaker", "resolved_by"]], on=keys, how="left").fillna("")
    last_word = scored[["speaker", "referent"]].apply(lambda names: names.str.split().str[-1].fillna(""))
    scored["right"] = last_word.speaker.str.lower() == last_word.referent.str.lower()
    return scored


def nznews() -> None:
    """Scores and error listings on the NZ news development set."""
    gold_set = load_gold_set(NZNEWS)
    start = time.perf_counter()
    predicted = quote_table(gold_set.articles)
    seconds = time.perf_counter() - start
    matched = statement_match_table(gold_set, predicted)
    furniture = furniture_score_table(gold_set)
    lines = furniture_line_table(gold_set)
    total = furniture.iloc[-1]
    for frame in (matched, lines, predicted):
        for column in ("text", "pred_text"):
            if column in frame:
                frame[column] = frame[column].str.replace("\n", " ").str.slice(0, 80)
    with pd.option_context(
        "display.width", 250, "display.max_rows", 400, "display.colheader_justify", "left"
    ):
        print(
            f"NZ news: {len(gold_set.articles)} articles, "
            f"{len(gold_set.statements)} gold statements ({seconds:.1f} s)"
        )
        print(statement_score_table(gold_set, predicted).to_string(index=False))
        print(
            f"\nfurniture: {total.removed}/{total.furniture_lines} gold furniture lines removed "
            f"({total.removed / max(total.furniture_lines, 1):.3f}); "
            f"body lines lost: {total.body_lost}/{total.body_lines}"
        )
        lost = lines[lines.lost]
        kept = lines[(lines.gold != "body") & ~lines.removed]
        print("\nfurniture kept:")
        print(kept[["article_id", "line", "gold", "text"]].to_string(index=False))
        print("\nbody lines lost:")
        print(lost[["article_id", "line", "gold", "text"]].to_string(index=False))
        missed = matched[matched.pred_kind == ""]
        print(f"\nmissed gold statements ({len(missed)}):")
        print(missed[["article_id", "kind", "speaker", "text"]].to_string(index=False))
        wrong = matched[(matched.pred_kind != "") & ~matched.same_person]
        print(f"\nwrong speakers ({len(wrong)}):")
        print(wrong[["article_id", "speaker", "pred_speaker", "pred_rule", "text"]].to_string(index=False))
        found = set(zip(matched.article_id, matched.pred_text, strict=True))
        extra = predicted[
            [(a, t) not in found for a, t in zip(predicted.article_id, predicted.text, strict=True)]
        ]
        print(f"\npredictions matching no gold ({len(extra)}):")
        print(extra[["article_id", "kind", "rule", "speaker", "text"]].to_string(index=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--theta", type=float, nargs="+", default=[0.3, 0.8])
    parser.add_argument("--corpus", default="polnear", choices=["polnear", "nznews", "bbc"])
    args = parser.parse_args()
    if args.corpus == "nznews":
        nznews()
        return
    if args.corpus == "bbc":
        bbc()
        return
    documents = polnear_documents(POLNEAR / args.split)
    start = time.perf_counter()
    predicted = polnear_quote_table(documents)
    scores, misses = attribution_evaluation(documents, args.theta, predicted)
    seconds = time.perf_counter() - start
    statements, _ = attribution_evaluation(documents, args.theta, predicted, unit="statement")
    with pd.option_context("display.width", 200, "display.max_colwidth", 110):
        print(f"PolNeAR {args.split}: {len(documents)} articles ({seconds:.1f} s)")
        print("passages (a speaker's consecutive statements in a paragraph, PolNeAR's content unit):")
        print(scores.to_string(index=False))
        print("\neach statement on its own (the unit of the seeds' gold):")
        print(statements.to_string(index=False))
        print("\nexact boundaries (a content found when a prediction has its start and end, quote marks,")
        print("spaces and final punctuation aside; CofeNet's measure):")
        print(exact_span_table(documents, predicted).to_string(index=False))
        print("the same with a 'that' before a content counted in it (PolNeAR's convention, not ours):")
        print(exact_span_table(documents, predicted, with_that=True).to_string(index=False))
        print("\npassages found by each rule (a passage counts under each rule that found part of it):")
        print(attribution_rule_table(documents, predicted, args.theta[0]).to_string(index=False))
        print(
            f"\nmissed gold speech attributions at θ = {args.theta[0]}, by the rule that should catch them:"
        )
        print(misses.to_string(index=False))


if __name__ == "__main__":
    main()
