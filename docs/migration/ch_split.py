import gridfig as gf
from _data import expression

data, pathway, condition, replicates = expression()

g = gf.clustermap(
    data, method="complete", z_score=0,
    center=0, vmin=-2, vmax=2, cmap="RdBu_r",
    cbar_label="z-score",
    row_split=pathway, col_split=3,
    split_order="cluster", row_split_titles=True,
    col_colors=condition,
    col_annotations=[gf.Bars(values=data.std(), title="sd")],
    row_annotations=[gf.Box(values=replicates,
                            title="spread", size="15mm")],
    yticklabels=False, figsize=("160mm", "125mm"))
