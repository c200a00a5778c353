"""
A showcase: split rows, numbers in cells, side panels and a dot heatmap
=======================================================================

The figures ComplexHeatmap is known for, in one tree: an expression heatmap
split by pathway (``row_split=groups``, a title per group), its values
written in the cells (``annot=True``), bars, box plots and points beside it
(``row_annotations=[...]``), and a dot heatmap to its right that shares its
row order -- colour for the mean expression, dot area for the fraction of
cells expressing. The dot heatmap's table lists the genes in another order;
``Row(a, b, share=True)`` matches them by label and draws them level with
(a)'s groups. All legends go to one area on the right.
"""

import numpy as np
import pandas as pd

import gridfig as gf


def showcase():
    rng = np.random.default_rng(5)
    pathway = np.repeat(["glycolysis", "hypoxia", "interferon"], [6, 5, 5])
    genes = [f"{p[:3].upper()}{i}" for i, p in enumerate(pathway)]
    samples = [f"S{j}" for j in range(8)]
    expr = pd.DataFrame(rng.normal(size=(16, 8)) + np.where(pathway[:, None] == "hypoxia", 1.5, 0),
                        index=genes, columns=samples)
    groups = pd.Series(pathway, index=genes, name="pathway")
    spread = pd.DataFrame(rng.normal(expr.mean(axis=1).to_numpy()[:, None], 1, (16, 30)), index=genes)
    a = gf.clustered_heatmap(
        expr, center=0, cmap="RdBu_r", annot=True, fmt=".1f", cell_size="7mm", row_colors=groups,
        row_split=groups, row_split_titles=True, cbar_label="z-score", legend_side=None, name="expression",
        row_annotations=[gf.Bars(values=expr.abs().mean(axis=1), title="|mean|"),
                         gf.Box(values=spread, title="cells"),
                         gf.Points(values=expr.std(axis=1), title="sd")])
    # a dot heatmap of other measurements of the same genes, listed in another order
    cells = pd.DataFrame(rng.uniform(0, 1, (16, 4)), index=genes, columns=["B", "T", "NK", "Mono"]).iloc[::-1]
    fraction = pd.DataFrame(rng.uniform(0.05, 1, (16, 4)), index=cells.index, columns=cells.columns)
    b = gf.Cross(core=gf.DotHeatmap.from_frame(cells, size_data=fraction.to_numpy(), cmap="viridis",
                                               legend_title="mean", size_title="fraction"),
                 right=[gf.Labels()], bottom=[gf.Labels()], width="28mm", name="cells")
    return gf.render(gf.Row(a, b, share=True, gap="3mm"), legend="right")


if __name__ == "__main__":
    showcase()
