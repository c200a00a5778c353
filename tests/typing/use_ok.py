"""Correct uses of gridfig's public API: the type checker must accept every line."""

from __future__ import annotations

import numpy as np
import pandas as pd

import gridfig as gf

data = pd.DataFrame(np.arange(12.0).reshape(4, 3), index=list("abcd"), columns=list("xyz"))
groups = pd.Series(["g1", "g1", "g2", "g2"], index=data.index, name="group")

g: gf.ClusterMap = gf.clustermap(data, method="average", metric="correlation", z_score=0, row_colors=groups,
                                 figsize=(6, 5), dpi=100, cmap="RdBu_r", center=0.0, row_split=groups,
                                 split_gap="2mm", row_split_order="cluster", xticklabels=True,
                                 legend_side="bottom", fontsize=9)
order: np.ndarray = g.row_order
groups_shown: list = g.row_groups
g.savefig("/dev/null", format="png")

tree: gf.Cross = gf.clustered_heatmap(data, row_cluster=False, annot=True, fmt=".1f", cell_size="5mm")
heat = gf.Heatmap(data=np.ones((3, 3)), cmap="viridis", vmin=0.0, vmax=2.0)
side = gf.Cross(core=heat, left=[gf.Dendrogram(), gf.Labels(texts=["a", "b", "c"])], right=[gf.Legends()],
                gap="1mm", width="40mm")
out: gf.Rendered = gf.render(gf.Row(tree, side, gap="3mm"), figsize=("160mm", "90mm"), letters="a",
                             theme=gf.Theme(fontsize=8))
fig = out.figure
solution: gf.Solution = gf.solve(side, (4.0, 3.0))
clustering: gf.Clustering = gf.cluster(np.ones((4, 2)), method="ward")
inches: float = gf.to_inches("12mm")
bars = gf.Bars(values=[1.0, 2.0, 3.0], title="n", scale="counts")
