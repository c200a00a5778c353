"""
Box plots and violins: a distribution per leaf
==============================================

:class:`~gridfig.Box` and :class:`~gridfig.Violin` take a table with one row
per leaf and any number of observations per row (here 40 replicate
measurements behind each cell of the heatmap's row). Box plots follow
matplotlib's definition (whiskers at 1.5 IQR, outliers drawn); violins are a
Gaussian kernel density of each leaf's values. Both share one value axis per
panel across the groups of a split, so the distributions compare across groups.
"""

import numpy as np
import pandas as pd

import gridfig as gf

data, groups, _ = gf.demo.seed_data()
rng = np.random.default_rng(2)
replicates = pd.DataFrame(rng.normal(data.mean(axis=1).to_numpy()[:, None], 1.5, (len(data), 40)),
                          index=data.index)

g = gf.clustermap(data, row_colors=groups, center=0, cmap="RdBu_r", row_split=groups,
                  row_annotations=[gf.Box(values=replicates, title="replicates", size="20mm"),
                                   gf.Violin(values=replicates, title="density", color="#8c6d5a", size="20mm")],
                  col_annotations=[gf.Violin(values=data.T, title="per column", size="15mm")],
                  cell_size="4.5mm")
