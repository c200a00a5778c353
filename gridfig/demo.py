"""The built-in example: the data of the 2013 hand-made GridSpec clustermap tutorial.

Thirteen samples of twenty measurements, five drawn from N(10, 2) and eight
from N(4, 4), shuffled, with ``numpy.random.seed(5)`` as in the tutorial, so
the same matrix comes out. The row groups are the two populations the samples
came from; the column groups split the measurements in halves, as the
tutorial's made-up column colours did.
"""

from __future__ import annotations


def seed_data():
    """``(data, row_groups, col_groups)``: a 13 x 20 DataFrame and two Series."""
    import numpy as np
    import pandas as pd

    rng = np.random.RandomState(5)
    rows = [rng.normal(10, 2, 20) for _ in range(5)] + [rng.normal(4, 4, 20) for _ in range(8)]
    group = ["high"] * 5 + ["low"] * 8
    perm = rng.permutation(13)
    data = pd.DataFrame(np.array(rows)[perm])
    data.index = [f"Sample {i}" for i in data.index]
    data.columns = [f"c{j}" for j in data.columns]
    row_groups = pd.Series([group[p] for p in perm], index=data.index, name="population")
    col_groups = pd.Series(["first half"] * 10 + ["second half"] * 10, index=data.columns, name="block")
    return data, row_groups, col_groups


def seed_figure(**kwargs):
    """The tutorial's final figure, in one call. Keyword arguments go to :func:`clustermap`."""
    from .clustermap import clustermap

    data, row_groups, col_groups = seed_data()
    options = dict(method="complete", row_colors=row_groups, col_colors=col_groups, center=0,
                   cmap="RdBu_r", cbar_label="Measurements")
    options.update(kwargs)
    return clustermap(data, **options)
