"""
Splits by k-means and by a cut of the tree
==========================================

``row_split="kmeans:3"`` groups the rows by k-means before any clustering
(scipy's ``kmeans2``, the best of 10 seeded starts, so the same groups come
out on every run) and
orders the groups by their centroids; each group is then clustered on its own
and gets its own dendrogram. ``col_split=2`` instead cuts the columns' tree
into two clusters, so the column groups are exactly the tree's two largest
branches. ``row_split_titles`` names each group; the titles of a k-means split
are the group numbers, 1 to k, in display order.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(3)
centres = rng.normal(0, 2.5, size=(3, 16))                  # three row profiles
rows = np.concatenate([c + rng.normal(size=(n, 16)) for c, n in zip(centres, (18, 12, 10))])
data = pd.DataFrame(rows[rng.permutation(len(rows))],
                    index=[f"row {i}" for i in range(len(rows))],
                    columns=[f"c{j:02d}" for j in range(16)])

g = gf.clustermap(data, center=0, cmap="PuOr_r", row_split="kmeans:3", col_split=2,
                  row_split_titles="k-means {label}", col_split_titles="branch {label}",
                  yticklabels=False, cbar_label="value", figsize=("140mm", "120mm"))
for label, rows in g.row_groups:
    print(f"k-means group {label}: {len(rows)} rows")
