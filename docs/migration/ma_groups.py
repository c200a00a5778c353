import gridfig as gf

data, groups, blocks = gf.demo.seed_data()

g = gf.clustermap(
    data, row_split=groups, row_split_titles=True,
    split_blocks=True, split_order="cluster",
    split_gap="2mm", center=0, cmap="RdBu_r",
    row_annotations=[
        gf.Numbers(values=data.mean(axis=1), fmt=".1f"),
        gf.Box(values=data, title="values", size="18mm")],
    cbar_label="value")
