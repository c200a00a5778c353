"""
A custom panel: subclassing Panel
=================================

A panel is a frozen attrs class deriving from :class:`~gridfig.Panel`. It
draws in a canonical frame: *along* runs over the leaves (leaf k covers
``[k, k+1]``) and *away* runs out from the core. The framework maps that frame
onto whichever side the panel is put, so the same ``draw`` serves left, right,
top and bottom, with no ``if side == ...``. This lollipop panel uses the
context's helpers: ``ctx.order`` puts the data in display order,
``ctx.centres`` gives the leaves' centres, ``ctx.segments`` and ``ctx.xy`` map
(along, away) coordinates to the Axes' x and y, and ``ctx.set_away_limits`` sets
the value range.
"""

import attrs
import numpy as np
from matplotlib.collections import LineCollection
import pandas as pd

import gridfig as gf


@attrs.frozen(kw_only=True)
class Lollipop(gf.Panel):
    values: np.ndarray = attrs.field(converter=np.asarray, eq=False)
    color: str = "tab:purple"
    kind = "lollipop"

    def leaf_count(self):
        return len(self.values)

    def draw(self, ax, ctx):
        v = self.values[ctx.order]                       # data order -> display order
        along = ctx.centres                              # leaf centres, groups' gaps included
        sticks = ctx.segments(np.column_stack([along, along]), np.column_stack([np.zeros_like(v), v]))
        ax.add_collection(LineCollection(sticks, colors="0.6", linewidths=1))
        x, y = ctx.xy(along, v)
        ax.scatter(x, y, s=14, color=self.color, zorder=3)
        ctx.set_away_limits(ax, 0, 1.1 * v.max())


rng = np.random.default_rng(6)
data = pd.DataFrame(rng.normal(size=(12, 9)), index=[f"r{i}" for i in range(12)],
                    columns=[f"c{j}" for j in range(9)])
tree = gf.clustered_heatmap(data, center=0, cmap="RdBu_r", cbar_label="value",
                            row_annotations=[Lollipop(values=data.abs().max(axis=1).to_numpy(), size="15mm")],
                            col_annotations=[Lollipop(values=data.var().to_numpy(), color="tab:green",
                                                      size="12mm")])
out = gf.render(tree)
