import numpy as np
import pandas as pd
import gridfig as gf

rng = np.random.default_rng(3)
genes = [f"g{k}" for k in range(10)]
cells = ["B", "T", "NK", "Mono", "DC"]
frac = pd.DataFrame(rng.uniform(0.05, 1, (10, 5)),
                    index=genes, columns=cells)
mean = pd.DataFrame(rng.gamma(2, 1, (10, 5)),
                    index=genes, columns=cells)

g = gf.clustermap(
    mean, dot_size=frac, cluster_on="size", cmap="Reds",
    cbar_label="mean", dot_kws=dict(size_title="fraction"),
    cell_size="7mm",
    layers=[gf.Marks(where=(frac > 0.9).to_numpy(),
                     marker="*", s=30)])
