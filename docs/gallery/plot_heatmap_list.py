"""
A heatmap list: three heatmaps sharing one row order
====================================================

ComplexHeatmap's ``ht1 + ht2 + ht3``: heatmaps of different measurements of
the same genes, side by side, in the row order of the first. In gridfig a
:class:`~gridfig.Row` of nodes with ``share=True`` does it. The first node is
clustered; the others are matched to it **by label** (their tables list the
genes in other orders) and follow its order and its split. Each keeps its own
colour scale, and the cores line up whatever sits beside them.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(9)
genes = [f"gene {k}" for k in range(30)]
module = pd.Series(rng.choice(["cell cycle", "immune", "metabolism"], 30), index=genes, name="module")
expression = pd.DataFrame(rng.normal(size=(30, 12)) + 1.2 * (module.to_numpy()[:, None] == "immune"),
                          index=genes, columns=[f"S{j}" for j in range(12)])
methylation = pd.DataFrame(rng.beta(2, 2, (30, 4)), index=genes,
                           columns=["promoter", "body", "enhancer", "3' UTR"]).sample(frac=1, random_state=2)
mutated = pd.Series(rng.uniform(0, 0.4, 30), index=genes, name="mutated").sample(frac=1, random_state=3)

a = gf.clustered_heatmap(expression, row_colors=module, row_split=module, center=0, cmap="RdBu_r",
                         cbar_label="expression", yticklabels=False, legend_side=None, sized=False,
                         name="expression")
b = gf.Cross(core=gf.Heatmap.from_frame(methylation, cmap="Greens", legend_title="methylation"),
             bottom=[gf.Labels(rotation=90)], width="20mm", name="methylation")
c = gf.Cross(core=gf.Heatmap.from_frame(mutated.to_frame(), cmap="Purples", legend_title="mutated"),
             right=[gf.Labels()], bottom=[gf.Labels(rotation=90)], width="6mm", name="mutated")

out = gf.render(gf.Row(a, b, c, share=True, gap="3mm"), figsize=("170mm", "170mm"), legend="right")
