"""
Values in the cells and a mask: a correlation matrix
====================================================

``annot=True`` writes each cell's value with ``fmt`` (seaborn's names), each
text dark on a light cell and white on a dark one. ``mask=`` hides cells:
here every correlation weaker than 0.3 (a DataFrame of booleans, matched by
label), so the reader sees the blocks that matter. The clustering still uses
the full matrix, as seaborn's does, and the borders (``linewidths``) are left
out next to hidden cells.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(7)
base = rng.normal(size=(60, 3))
measurements = pd.DataFrame(base @ rng.normal(size=(3, 9)) + rng.normal(scale=1.5, size=(60, 9)),
                            columns=[f"m{k}" for k in range(9)])
corr = measurements.corr()

weak = corr.abs() < 0.3
g = gf.clustermap(corr, center=0, cmap="RdBu_r", annot=True, fmt=".2f", annot_kws={"size": 8}, mask=weak,
                  linewidths=0.6, linecolor="white", cell_size="9mm", cbar_label="Pearson r")
