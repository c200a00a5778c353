"""
Points, lines and areas per row and per column
==============================================

:class:`~gridfig.Points` puts a marker per leaf (``line=True`` joins them),
:class:`~gridfig.Lines` draws a line through the leaves and
:class:`~gridfig.Area` fills under it. The framework owns orientation: the
same panel drawn on the right runs down the rows, on the top it runs across
the columns, with its value axis pointing away from the heatmap.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(4)
hours = [f"{h} h" for h in range(0, 48, 3)]
genes = [f"gene {k}" for k in range(25)]
phase = rng.uniform(0, 2 * np.pi, 25)
t = np.arange(16) / 16 * 2 * np.pi
data = pd.DataFrame(np.sin(t[None, :] + phase[:, None]) + rng.normal(scale=0.3, size=(25, 16)),
                    index=genes, columns=hours)

g = gf.clustermap(data, col_cluster=False, center=0, cmap="RdBu_r", cbar_label="expression",
                  row_annotations=[gf.Points(values=data.max(axis=1), title="max", size="14mm"),
                                   gf.Lines(values=data.abs().mean(axis=1), title="|mean|", color="tab:orange", size="14mm")],
                  col_annotations=[gf.Area(values=data.std(), title="sd"),
                                   gf.Points(values=data.mean(), line=True, title="mean", color="tab:green")],
                  cell_size="4.5mm")
