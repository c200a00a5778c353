"""
A small histogram per row
=========================

:class:`~gridfig.Histogram` draws one histogram per leaf from that leaf's
values (the row of the table it is given, matched by label), with shared bins
so the shapes compare down the column: ComplexHeatmap's ``anno_histogram``.
Here each row of the heatmap summarises 200 cells of one sample, and the
histogram beside it shows the whole distribution behind the summary.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(8)
samples = [f"sample {i}" for i in range(14)]
skew = rng.uniform(0.5, 3, 14)
cells = pd.DataFrame(rng.gamma(skew[:, None], 1.0, (14, 200)), index=samples)
summary = pd.DataFrame({"mean": cells.mean(axis=1), "median": cells.median(axis=1),
                        "q90": cells.quantile(0.9, axis=1), "sd": cells.std(axis=1)})

g = gf.clustermap(summary, col_cluster=False, standard_scale=1, cmap="viridis",
                  cbar_label="scaled", cell_size=("9mm", "7mm"),
                  row_annotations=[gf.Histogram(values=cells, bins=12, title="cells", size="25mm")])
