"""`passage_table`: a speaker's consecutive statements in one paragraph, as one passage."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from nzus_analysis._tables import table


class PassageRow(NamedTuple):
    """A row of `passage_table`: a speaker's consecutive statements in one paragraph."""

    article_id: str
    year: int
    passage: int  # 0, 1, … within the article
    paragraph: int
    start: int  # from the first statement's start to the last one's end (cues in between included)
    end: int
    n_statements: int
    kinds: str  # the statements' kinds, sorted, comma-separated
    text: str  # the statements' words joined by " … "
    speaker: str
    speaker_mention: str  # the words naming the speaker in its statements, distinct, joined by " / "
    resolved_by: str  # the first statement's
    channel: str  # the first statement's
    via: str
    rules: str  # the rules that found the statements, in order of first use, comma-separated


def _speaker_key(speaker: str, mention: str, resolved_by: str) -> str:
    return speaker or (mention if resolved_by != "unattributed" else "")


def passage_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Statements joined into passages (columns: `PassageRow`).

    A statement continues the passage before it when it is in the same paragraph, has the same
    speaker (or the same unresolved mention) and no other statement stands between them: “A,” she
    said. “B.” is one passage of two statements. This is the unit annotation schemes such as
    PolNeAR code as one *content*; `quote_table` keeps each statement. An unattributed quotation
    is a passage of its own.
    """
    rows: list[tuple] = []
    passage: dict | None = None
    number = 0

    def close() -> None:
        if passage is not None:
            kinds = ", ".join(sorted(set(passage["kinds"])))
            rules = ", ".join(dict.fromkeys(passage["rules"]))
            rows.append((passage["article_id"], passage["year"], passage["passage"], passage["paragraph"],
                         passage["start"], passage["end"], len(passage["texts"]), kinds,
                         " … ".join(passage["texts"]), passage["speaker"], " / ".join(passage["mentions"]),
                         passage["resolved_by"], passage["channel"], passage["via"], rules))  # fmt: skip

    for row in quotes.itertuples(index=False):
        key = _speaker_key(row.speaker, row.speaker_mention, row.resolved_by)
        if (
            passage is not None
            and passage["article_id"] == row.article_id
            and passage["paragraph"] == row.paragraph
            and key
            and key == passage["key"]
        ):
            passage["end"] = max(passage["end"], row.end)
            passage["texts"].append(row.text)
            passage["kinds"].append(row.kind)
            passage["rules"].append(row.rule)
            if row.speaker_mention and row.speaker_mention not in passage["mentions"]:
                passage["mentions"].append(row.speaker_mention)
            continue
        close()
        number = number + 1 if passage is not None and passage["article_id"] == row.article_id else 0
        passage = dict(
            row._asdict(),
            passage=number,
            key=key,
            texts=[row.text],
            kinds=[row.kind],
            rules=[row.rule],
            mentions=[row.speaker_mention] if row.speaker_mention else [],
        )
    close()
    return table(rows, PassageRow)
