import gridfig as gf
from _data import expression

data, pathway, condition, replicates = expression()
# two more tables of the same genes
levels = data.T.groupby(condition).mean().T
spread = replicates.std(axis=1).rename("sd").to_frame()

a = gf.clustered_heatmap(
    data, method="complete", row_split=pathway,
    center=0, cmap="RdBu_r", cbar_label="expression",
    yticklabels=False, legend_side=None, sized=False,
    name="expression")
b = gf.Cross(
    core=gf.Heatmap.from_frame(levels, cmap="viridis",
                               legend_title="mean"),
    bottom=[gf.Labels(rotation=90)], width="15mm",
    name="mean")
c = gf.Cross(
    core=gf.Heatmap.from_frame(spread, cmap="Greys",
                               legend_title="sd"),
    bottom=[gf.Labels(rotation=90)], width="5mm",
    name="sd")

tree = gf.Row(a, b, c, share=True, gap="2mm")
out = gf.render(tree, figsize=("170mm", "110mm"),
                legend="right")
