"""Misuses of the public API the type checker must catch: each line's ignore must be needed."""

from __future__ import annotations

import numpy as np

import gridfig as gf

data = np.ones((4, 3))

gf.clustermap(data, metod="ward")  # type: ignore[call-arg]
gf.clustermap(data, figsize=6)  # type: ignore[arg-type]
gf.clustered_heatmap(data, row_colours=None)  # type: ignore[call-arg]
gf.Heatmap(data=data, cmpa="viridis")  # type: ignore[call-arg]
gf.Cross(core=gf.Heatmap(data=data), gapp="1mm")  # type: ignore[call-arg]
gf.cluster(data, methd="ward")  # type: ignore[call-arg]
gf.render(gf.Heatmap(data=data), figsze=(3, 3))  # type: ignore[call-arg]
