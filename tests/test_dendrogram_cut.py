"""A dendrogram coloured by a cut of the tree: read the drawn colours back."""

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgba
from scipy.cluster.hierarchy import fcluster, leaves_list, linkage

import gridfig as gf


@pytest.mark.parametrize("k", [2, 3, 5])
def test_branches_take_their_cluster_colour(k):
    rng = np.random.default_rng(k)
    data = pd.DataFrame(np.vstack([rng.normal(c * 4, 1, size=(8, 5)) for c in range(5)]))
    g = gf.clustermap(data, method="ward", row_cut=k, figsize=(5, 6))
    lines = g.axes["row_dendrogram"].collections[0]
    colours = [tuple(c) for c in lines.get_colors()]
    Z = linkage(data.to_numpy(), "ward")
    clusters = fcluster(Z, k, criterion="maxclust")
    n = len(data)
    # which leaves each merge holds, to know whether it lies below the cut
    members = [{i} for i in range(n)]
    for a, b in Z[:, :2].astype(int):
        members.append(members[a] | members[b])
    below = {}
    for i in range(n - 1):
        ids = {clusters[j] for j in members[n + i]}
        below[i] = ids.pop() if len(ids) == 1 else None
    per_cluster = {}
    for i, c in below.items():
        if c is None:
            assert colours[i] == to_rgba(gf.Theme().resolved().line_color)
        else:
            per_cluster.setdefault(c, set()).add(colours[i])
    assert all(len(v) == 1 for v in per_cluster.values())  # one colour per cluster
    distinct = {next(iter(v)) for v in per_cluster.values()}
    assert len(distinct) == len(per_cluster)
    # clusters are numbered in display order (top to bottom)
    panel = next(p for p in g.layout.left if isinstance(p, gf.Dendrogram))
    shown = panel.clusters(g.row_leaves)[leaves_list(Z)]
    assert list(dict.fromkeys(shown)) == sorted(set(shown))
