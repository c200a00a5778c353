"""
10,000 rows with a few labels marked
====================================

A heatmap of 10,000 rows cannot label every row, and thinning the labels to
every k-th row shows arbitrary ones. ``label_rows=[...]`` labels only the rows
you name -- here eight genes of interest -- each at its own row, connected to
it when the labels have to be spread apart to stay readable
(ComplexHeatmap's ``anno_mark``). Clustering 10,000 rows takes about a second
with fastcluster (the ``fast`` extra); the body is drawn as one image.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(0)
n = 10_000
programs = rng.normal(0, 1.5, size=(5, 12))
members = rng.integers(0, 5, n)
data = pd.DataFrame(programs[members] + rng.normal(size=(n, 12)),
                    index=[f"gene {i}" for i in range(n)], columns=[f"sample {j}" for j in range(12)])
program = pd.Series([f"program {k + 1}" for k in members], index=data.index, name="program")
marked = ["gene 17", "gene 404", "gene 1200", "gene 2718", "gene 5000", "gene 7311", "gene 8080", "gene 9999"]

g = gf.clustermap(data, method="ward", row_colors=program, center=0, cmap="RdBu_r", cbar_label="z",
                  label_rows=marked, figsize=("140mm", "160mm"))
print(len(g.row_order), "rows drawn; labelled:", [t.get_text() for t in g.axes["row_labels"].texts][:8])
