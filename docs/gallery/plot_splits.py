"""
Splits: rows by a category, columns by a cut of the tree
========================================================

60 genes in three pathways by 24 samples. The rows are split by the
``pathway`` category (``row_split=pathway``, a Series matched by label);
``split_order="cluster"`` orders the three groups by clustering their
centroids and draws that tree outside the groups' own trees. The columns are
split by cutting their tree into 3 clusters (``col_split=3``), each titled
``"cluster {label}"``. Each group is clustered on its own; every gap between
groups is ``split_gap`` (2 mm), across and down. Two row strips and one
column strip get one legend each.
"""

import numpy as np
import pandas as pd

import gridfig as gf


def split_data():
    """60 genes x 24 samples: three pathways, each up in a different set of samples."""
    rng = np.random.default_rng(11)
    pathways = np.repeat(["glycolysis", "hypoxia", "interferon"], [24, 20, 16])
    genes = [f"{p[:3].upper()}{i}" for i, p in enumerate(pathways)]
    samples = [f"S{j:02d}" for j in range(24)]
    condition = np.repeat(["control", "treated", "relapse"], 8)
    effect = {"glycolysis": "treated", "hypoxia": "relapse", "interferon": "control"}
    x = rng.normal(size=(60, 24))
    for i, p in enumerate(pathways):
        x[i] += 1.8 * (condition == effect[p])
    order = rng.permutation(60)  # the table comes in no particular order
    data = pd.DataFrame(x[order], index=np.asarray(genes)[order], columns=samples)
    pathway = pd.Series(pathways[order], index=data.index, name="pathway")
    direction = pd.Series(rng.choice(["up", "down"], 60), index=data.index, name="direction")
    return data, pathway, direction, pd.Series(condition, index=samples, name="condition")


def figure():
    data, pathway, direction, condition = split_data()
    return gf.clustermap(data, z_score=0, center=0, cmap="RdBu_r", cbar_label="z-score",
                         row_colors=pd.concat([pathway, direction], axis=1), col_colors=condition,
                         row_split=pathway, col_split=3, split_order="cluster",
                         row_split_titles=True, col_split_titles="cluster {label}", yticklabels=False,
                         figsize=("200mm", "140mm"))


if __name__ == "__main__":
    figure()
