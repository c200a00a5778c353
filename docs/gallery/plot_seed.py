"""
The seed figure: an annotated clustered heatmap in one call
===========================================================

The built-in example data (:func:`gridfig.demo.seed_data`): 13 samples of 20
measurements, from two populations, with a group per sample and a block per
measurement. One call to :func:`gridfig.clustermap` clusters rows and
columns, draws both dendrograms, a coloured strip on each side (matched to the
data by label, not by position), the labels, a colour scale centred on 0 and a
legend per annotation. Every gap is 1 mm, across and down, whatever the figure
size. The returned :class:`~gridfig.ClusterMap` knows the drawn orders and
every Axes by name.
"""

import gridfig

data, groups, blocks = gridfig.demo.seed_data()
g = gridfig.clustermap(data, method="complete", row_colors=groups, col_colors=blocks,
                       center=0, cmap="RdBu_r", cbar_label="Measurements")

print("rows, top first:", list(data.index[g.row_order]))
print("panels:", sorted(k for k in g.axes if "/" not in k))
