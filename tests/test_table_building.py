"""typed_table: the same DataFrame pandas would infer, built without per-value inference."""

from __future__ import annotations

import pandas as pd
import pytest

from nzus_analysis._tables import typed_table
from nzus_analysis.text.tokens import tokenize, word_count

DTYPES = {"name": "str", "count": "int64", "share": "float64", "flag": "bool"}


def test_equals_pandas_inference():
    columns = {
        "name": ["a", "b’s", ""],
        "count": [1, 2, 3],
        "share": [0.5, 1.0, -2.25],
        "flag": [True, False, True],
    }
    built = typed_table(columns, DTYPES)
    assert built.equals(pd.DataFrame(columns))
    assert list(built.columns) == list(DTYPES)


def test_empty_columns_keep_their_dtypes():
    built = typed_table({name: [] for name in DTYPES}, DTYPES)
    assert len(built) == 0
    assert [str(d) for d in built.dtypes] == ["str", "int64", "float64", "bool"]


def test_bad_specs_are_named():
    with pytest.raises(ValueError, match="do not match"):
        typed_table({"name": ["a"]}, DTYPES)
    with pytest.raises(ValueError, match="'name': unsupported dtype 'category'"):
        typed_table({"name": ["a"]}, {"name": "category"})


def test_word_count_leaves_out_punctuation_and_possessives():
    tokens = tokenize("Mr. Key’s U.S. visit, “1,000 dollars” — https://x.org!")
    assert [t.text for t in tokens if t.kind in ("punct", "possessive")] == ["’s", ",", "“", "”", "—", "!"]
    assert word_count(tokens) == len(tokens) - 6 == 7
