"""Deterministic benchmark data shared by every case.

``make_data(rows, cols, seed=0)`` returns ``(df, row_groups, col_groups)``:

* ``df`` -- float64 DataFrame, index ``r0..r{rows-1}``, columns ``c0..c{cols-1}``,
  with block structure (a few row clusters x a few column clusters, each with
  its own mean) plus Gaussian noise, rows shuffled so the clustering has real
  work to do;
* ``row_groups`` / ``col_groups`` -- categorical Series indexed by the labels,
  3-5 categories each, mostly agreeing with the hidden clusters (15% of
  entries reassigned at random so the strips are not trivially sorted).

Only numpy and pandas are used, so every case pays the same import cost for
the data and nothing here favours one implementation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

ROW_CATEGORIES = ["alpha", "beta", "gamma", "delta"]  # 4 row groups
COL_CATEGORIES = ["ctrl", "treatA", "treatB"]  # 3 column groups


def _assign(n: int, k: int, rng: np.random.Generator) -> np.ndarray:
    """Cluster ids 0..k-1 of uneven sizes, in shuffled order."""
    k = max(1, min(k, n))
    weights = rng.uniform(0.5, 1.5, size=k)
    ids = rng.choice(k, size=n, p=weights / weights.sum())
    ids[:k] = np.arange(k)  # every cluster non-empty
    rng.shuffle(ids)
    return ids


def _groups(ids: np.ndarray, categories: list[str], labels: pd.Index,
            rng: np.random.Generator, name: str) -> pd.Series:
    codes = ids % len(categories)
    flip = rng.random(len(codes)) < 0.15
    codes[flip] = rng.integers(0, len(categories), size=int(flip.sum()))
    cat = pd.Categorical.from_codes(codes, categories=categories)
    return pd.Series(cat, index=labels, name=name)


def make_data(rows: int, cols: int, seed: int = 0):
    """Return ``(df, row_groups, col_groups)``; identical for identical args."""
    if rows < 2 or cols < 2:
        raise ValueError("need at least 2 rows and 2 columns")
    rng = np.random.default_rng(seed)
    row_ids = _assign(rows, 5, rng)
    col_ids = _assign(cols, 3, rng)
    means = rng.normal(0.0, 1.5, size=(5, 3))
    values = means[row_ids][:, col_ids]
    values += rng.standard_normal((rows, cols))
    index = pd.Index([f"r{i}" for i in range(rows)])
    columns = pd.Index([f"c{j}" for j in range(cols)])
    df = pd.DataFrame(values, index=index, columns=columns)
    row_groups = _groups(row_ids, ROW_CATEGORIES, index, rng, "row_group")
    col_groups = _groups(col_ids, COL_CATEGORIES, columns, rng, "col_group")
    return df, row_groups, col_groups


if __name__ == "__main__":  # quick look
    df, rg, cg = make_data(8, 5)
    print(df.round(2))
    print(rg.value_counts().to_dict(), cg.value_counts().to_dict())
