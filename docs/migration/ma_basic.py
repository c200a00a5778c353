import gridfig as gf

data, groups, blocks = gf.demo.seed_data()

g = gf.clustermap(
    data, row_colors=groups, center=0, cmap="RdBu_r",
    cbar_label="value",
    col_annotations=[gf.Bars(values=data.mean(),
                             title="mean", size="12mm")],
    gap="1.5mm", strip_size="5mm", dendrogram_size="15mm")
