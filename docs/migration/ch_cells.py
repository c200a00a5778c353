import gridfig as gf
from _data import correlation

corr, pvalue = correlation()
small_p = pvalue.to_numpy() < 0.01

g = gf.clustermap(
    corr, method="complete", center=0, cmap="RdBu_r",
    cbar_label="r",
    # cell_fun: the values as text
    annot=True, fmt=".2f", annot_kws={"size": 7},
    mask=corr.abs() < 0.3,   # hidden: no value, no colour
    # rect_gp = gpar(col = "white", lwd = 1)
    linewidths=1, linecolor="white",
    # layer_fun, vectorised: outline the small p-values
    layers=[gf.Outline(where=small_p)],
    cell_size="9mm")
