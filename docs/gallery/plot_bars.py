"""
Bars beside a heatmap: plain and stacked
========================================

:class:`~gridfig.Bars` draws one bar per row (or column), matched to the data
by label like every annotation. A Series gives plain bars; a DataFrame gives
stacked bars, one colour per column, with a legend. Each numeric panel gets
one value axis in measured room, so its tick labels never collide with the
next panel, and every panel follows the rows' clustering and split.
"""

import numpy as np
import pandas as pd

import gridfig as gf

data, groups, blocks = gf.demo.seed_data()
rng = np.random.default_rng(11)
reads = pd.DataFrame(rng.uniform(0.5, 3, (len(data), 3)), index=data.index,
                     columns=["mapped", "multi", "unmapped"])

g = gf.clustermap(data, row_colors=groups, col_colors=blocks, center=0, cmap="RdBu_r",
                  row_split=groups,
                  row_annotations=[gf.Bars(values=data.mean(axis=1), title="mean"),
                                   gf.Bars(values=reads, title="reads (M)", name="reads")],
                  col_annotations=[gf.Bars(values=data.std(), title="sd", color="0.55")],
                  cell_size="4.5mm")
