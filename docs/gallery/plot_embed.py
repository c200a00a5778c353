"""
Embedding a clustered heatmap in a host subplot grid (ax=)
==========================================================

``ax=`` draws a whole clustermap -- dendrograms, strips, labels, legends --
into the region of an Axes you already have (or a SubplotSpec, SubFigure or
Figure). The Axes is replaced by the clustermap's panels, the host figure
keeps its size, and nothing is drawn outside the region. The other subplots
are untouched matplotlib. In a region this small not every label fits: the
labels are thinned evenly, and a warning says how many are shown.
"""

import matplotlib.pyplot as plt
import numpy as np

import gridfig as gf

data, groups, blocks = gf.demo.seed_data()

fig, axs = plt.subplots(2, 2, figsize=(10, 7.5), layout=None)
fig.subplots_adjust(left=0.07, right=0.98, bottom=0.07, top=0.95, wspace=0.3, hspace=0.35)
axs[0, 0].plot(np.sort(data.to_numpy().ravel()), color="0.3")
axs[0, 0].set(title="all values, sorted", ylabel="value")
axs[0, 1].hist(data.mean(axis=1), bins=8, color="0.6")
axs[0, 1].set(title="row means", xlabel="mean")
axs[1, 0].scatter(data.mean(axis=1), data.std(axis=1), c=(groups == "high").map({True: "C0", False: "C1"}))
axs[1, 0].set(title="mean and sd per sample", xlabel="mean", ylabel="sd")

g = gf.clustermap(data, row_colors=groups, center=0, cmap="RdBu_r", cbar_label="value", ax=axs[1, 1])
