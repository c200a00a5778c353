import gridfig as gf
from _data import correlation

corr, pvalue = correlation()

g = gf.clustermap(
    corr, method="complete", center=0, cmap="RdBu_r", cbar_label="r",
    annot=True, fmt=".2f", annot_kws={"size": 7},              # cell_fun = function(...) grid.text(...)
    mask=corr.abs() < 0.3,                                    # hidden: no value, no colour
    linewidths=1, linecolor="white",                          # rect_gp = gpar(col = "white", lwd = 1)
    layers=[gf.Outline(where=pvalue.to_numpy() < 0.01)],      # layer_fun, vectorised
    cell_size="9mm")
