"""seaborn.clustermap: the same annotated clustered heatmap, as a user writes it.

``sns.clustermap`` with ``row_colors``/``col_colors`` (group -> colour Series),
the shared figsize, method, metric and cmap, tick labels thinned to every k-th
leaf with the same rule as the floor (``xticklabels=k``/``yticklabels=k``),
the two group legends added by hand in the empty top-left corner next to
seaborn's colour bar (seaborn draws no legend for colour strips), and saved
with ``ClusterGrid.savefig`` (seaborn's default ``bbox_inches="tight"``).
Clustering goes through fastcluster when it is installed, as seaborn does.
"""

from _common import (CMAP, DPI, FIGSIZE, LABEL_FONTSIZE, Phases, COL_PALETTE,
                     ROW_PALETTE, label_step, load, lut, parse_args)

args = parse_args(__doc__.splitlines()[0])
ph = Phases()

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

ph.mark("import")

df, row_groups, col_groups = load(args)
ph.mark("data")

rlut = lut(row_groups.cat.categories, ROW_PALETTE)
clut = lut(col_groups.cat.categories, COL_PALETTE)
row_colors = row_groups.map(rlut).astype(object).rename("row group")
col_colors = col_groups.map(clut).astype(object).rename("col group")

W, H = FIGSIZE
with plt.rc_context({"xtick.labelsize": LABEL_FONTSIZE,
                     "ytick.labelsize": LABEL_FONTSIZE}):
    g = sns.clustermap(
        df, method=args.method, metric=args.metric,
        row_colors=row_colors, col_colors=col_colors,
        figsize=FIGSIZE, cmap=CMAP,
        xticklabels=label_step(df.shape[1]), yticklabels=label_step(df.shape[0]),
        # colour bar as narrow as the floor's, so the legends fit beside it
        cbar_pos=(0.25 / W, 1 - 1.35 / H, 0.12 / W, 1.1 / H),
    )
g.ax_cbar.tick_params(labelsize=LABEL_FONTSIZE + 1)
leg_kw = dict(fontsize=LABEL_FONTSIZE + 1, title_fontsize=LABEL_FONTSIZE + 1,
              frameon=False, handlelength=1, handleheight=1, borderpad=0,
              labelspacing=0.2, loc="upper left")
g.figure.legend(handles=[Patch(color=c, label=k) for k, c in rlut.items()],
                title="row group", bbox_to_anchor=(0.65 / W, 1 - 0.15 / H), **leg_kw)
g.figure.legend(handles=[Patch(color=c, label=k) for k, c in clut.items()],
                title="col group", bbox_to_anchor=(1.3 / W, 1 - 0.15 / H), **leg_kw)
ph.mark("draw")

g.savefig(args.out, dpi=DPI, format=args.format)
ph.mark("save")
ph.report()
