import numpy as np
import gridfig as gf

rng = np.random.default_rng(0)
a = rng.integers(0, 10, (20, 10))
b = rng.integers(0, 10, (20, 6))

h1 = gf.clustered_heatmap(
    a, cmap="Reds", linewidths=1, cbar_label="heatmap 1",
    xticklabels=False, yticklabels=False,
    legend_side=None, sized=False, name="one")
h2 = gf.Cross(
    core=gf.Heatmap(data=b, cmap="Blues", linewidths=1,
                    legend_title="heatmap 2"),
    width="30mm", name="two")

tree = gf.Row(h1, h2, share=True, gap="5mm")
out = gf.render(tree, figsize=("120mm", "90mm"),
                legend="right")
