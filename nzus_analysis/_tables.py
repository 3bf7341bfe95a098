"""Build DataFrames from row types: every table's columns are defined once, as a NamedTuple.

Each public table has a row type (``SentenceRow``, ``QuoteRow``, …) whose fields, in order, are
the table's columns and whose annotations (``str``, ``int``, ``float``, ``bool``) are their
dtypes. `table` builds the DataFrame from rows of that type; `typed_table` from column lists.

``pd.DataFrame(rows)`` looks at every value to infer each column's dtype: for the corpus-sized
token and term tables (a million rows) that took longer than making the rows. Here each column
is converted straight to its declared dtype, and an empty table keeps its dtypes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from itertools import repeat
from typing import TYPE_CHECKING, Any, get_type_hints

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from nzus_analysis.text.corpus import Article

_NUMPY_DTYPES = {"int64": np.int64, "float64": np.float64, "bool": np.bool_}
_DTYPE_OF_ANNOTATION = {str: "str", int: "int64", float: "float64", bool: "bool"}
KEY_FIELDS = ("article_id", "year", "paragraph", "sentence")


@cache
def dtypes_of(row_type: type) -> dict[str, str]:
    """Column name -> dtype ("str", "int64", "float64", "bool") from a NamedTuple's annotations."""
    hints = get_type_hints(row_type)
    try:
        return {name: _DTYPE_OF_ANNOTATION[hints[name]] for name in row_type._fields}  # type: ignore[attr-defined]
    except KeyError as exc:
        raise TypeError(f"{row_type.__name__}: field type {exc} is not str, int, float or bool") from None


def columns_of(row_type: type) -> list[str]:
    """The table's column names, in order."""
    return list(dtypes_of(row_type))


def typed_table(columns: Mapping[str, Sequence], dtypes: Mapping[str, str] | type) -> pd.DataFrame:
    """A DataFrame with `columns` (name -> values, all the same length) in `dtypes` order.

    `dtypes` is a row type or maps every column to "str" (pandas' default string dtype),
    "int64", "float64" or "bool"; for non-empty columns the result equals
    ``pd.DataFrame(columns)``, and empty columns keep their declared dtypes.
    """
    if isinstance(dtypes, type):
        dtypes = dtypes_of(dtypes)
    if set(columns) != set(dtypes):
        raise ValueError(f"columns {sorted(columns)} do not match dtypes {sorted(dtypes)}")
    data: dict[str, Any] = {}
    for name, dtype in dtypes.items():
        values = columns[name]
        if dtype == "str":
            data[name] = pd.array(values, dtype="str")
        elif dtype in _NUMPY_DTYPES:
            data[name] = np.array(values, dtype=_NUMPY_DTYPES[dtype])
        else:
            raise ValueError(f"column {name!r}: unsupported dtype {dtype!r}")
    return pd.DataFrame(data)


def table(rows: Iterable[tuple], row_type: type) -> pd.DataFrame:
    """A DataFrame with one row per item of `rows` (tuples in `row_type`'s field order)."""
    names = columns_of(row_type)
    materialised = list(rows)
    if materialised:
        values = list(zip(*materialised, strict=True))
        if len(values) != len(names):
            raise ValueError(f"{row_type.__name__}: rows have {len(values)} fields, not {len(names)}")
    else:
        values = [()] * len(names)
    return typed_table(dict(zip(names, values, strict=True)), row_type)


def sentence_item_columns(
    parsed: Iterable[tuple[Article, Sequence[Any], Sequence[Sequence[tuple]]]],
    fields: Sequence[str],
    position_column: str = "position",
    surface_column: str | None = None,
) -> dict[str, list]:
    """Columns of a table with one row per item (token, term) of each sentence, in text order.

    `parsed` yields (article, its sentences, each sentence's items), e.g. tokens; `fields` names
    the items' fields in order and each becomes a column (items need ``start`` and ``end`` when
    `surface_column` is given). Other columns: article_id, year, paragraph, sentence,
    `position_column` (the item's place in its sentence) and, if named, `surface_column` (the
    article text from ``start`` to ``end``). Built column by column for `typed_table`.
    """
    ids: list[str] = []
    years: list[int] = []
    paragraphs: list[int] = []
    numbers: list[int] = []
    positions: list[int] = []
    field_columns: list[list] = [[] for _ in fields]
    columns: dict[str, list] = dict(
        zip((*KEY_FIELDS, position_column), (ids, years, paragraphs, numbers, positions), strict=True)
    )
    columns.update(zip(fields, field_columns, strict=True))
    surfaces: list[str] = []
    if surface_column:
        columns[surface_column] = surfaces
        starts, ends = field_columns[fields.index("start")], field_columns[fields.index("end")]
    for article, sentences, items_per_sentence in parsed:
        text, before = article.text, len(positions)
        for s, items in zip(sentences, items_per_sentence, strict=True):
            if items:
                n = len(items)
                paragraphs += repeat(s.paragraph, n)
                numbers += repeat(s.sentence, n)
                positions += range(n)
                for column, values in zip(field_columns, zip(*items, strict=True), strict=True):
                    column += values
                if surface_column:
                    surfaces += map(text.__getitem__, map(slice, starts[-n:], ends[-n:]))
        ids += repeat(article.id, len(positions) - before)
        years += repeat(article.year, len(positions) - before)
    return columns


def per_article(
    corpus: Iterable[Article], rows_of: Callable[[Article], Iterable[tuple]], row_type: type
) -> pd.DataFrame:
    """`table` of the rows `rows_of(article)` gives for each article, in corpus order."""
    return table((row for article in corpus for row in rows_of(article)), row_type)
