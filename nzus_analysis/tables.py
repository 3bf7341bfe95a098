"""Build a DataFrame from column lists whose dtypes are known.

``pd.DataFrame(dict_of_lists)`` looks at every value to infer each column's dtype: for the
corpus-sized token and term tables (a million rows) that took longer than making the rows.
Here each column is converted straight to its declared dtype.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

_NUMPY_DTYPES = {"int64": np.int64, "float64": np.float64, "bool": np.bool_}


def typed_frame(columns: Mapping[str, Sequence], dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame with `columns` (name -> values, all the same length) in `dtypes` order.

    `dtypes` maps every column to "str" (pandas' default string dtype), "int64", "float64"
    or "bool"; for non-empty columns the result equals ``pd.DataFrame(columns)``, and empty
    columns keep their declared dtypes.
    """
    if set(columns) != set(dtypes):
        raise ValueError(f"columns {sorted(columns)} do not match dtypes {sorted(dtypes)}")
    data = {}
    for name, dtype in dtypes.items():
        values = columns[name]
        if dtype == "str":
            data[name] = pd.array(values, dtype="str")
        elif dtype in _NUMPY_DTYPES:
            data[name] = np.array(values, dtype=_NUMPY_DTYPES[dtype])
        else:
            raise ValueError(f"column {name!r}: unsupported dtype {dtype!r}")
    return pd.DataFrame(data)
