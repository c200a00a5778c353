"""
A dot heatmap: colour and size from two matrices
================================================

The dot plot of single-cell papers: for each gene and cluster, the colour is
the mean expression and the dot's area the fraction of cells expressing.
``dot_size=`` turns the body of :func:`~gridfig.clustermap` into
:class:`~gridfig.DotHeatmap` dots, and ``cluster_on="size"`` clusters on the
fractions instead of the means. Dot diameters are physical lengths, and the
legend's size block shows dots of exactly the drawn areas.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(12)
genes = [f"g{k}" for k in range(16)]
clusters = [f"cluster {k}" for k in range(8)]
marker = rng.integers(0, 8, 16)                     # each gene marks one cluster
boost = np.zeros((16, 8))
boost[np.arange(16), marker] = 1
fraction = pd.DataFrame(np.clip(rng.beta(1.5, 5, (16, 8)) + 0.6 * boost, 0, 1), index=genes, columns=clusters)
mean = pd.DataFrame(rng.gamma(2, 0.4, (16, 8)) + 2.5 * boost, index=genes, columns=clusters)

g = gf.clustermap(mean, dot_size=fraction, cluster_on="size", cmap="Reds", cbar_label="mean",
                  dot_kws=dict(size_title="fraction"), linewidths=0.4, linecolor="0.85",
                  cell_size="6mm")
