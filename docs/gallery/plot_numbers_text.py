"""
Numbers and styled text per leaf
================================

:class:`~gridfig.Numbers` writes a formatted number beside each row or
column (``fmt`` as in :func:`format`), and :class:`~gridfig.Text` writes any
text, with a colour and a weight per leaf if you give a Series of them. The
columns are measured, so they are exactly as wide as their widest entry and
never overlap the next panel.
"""

import gridfig as gf

data, groups, _ = gf.demo.seed_data()
mean = data.mean(axis=1)
colour = mean.map(lambda v: "tab:red" if v > 5 else "tab:blue")

g = gf.clustermap(data, row_colors=groups, center=0, cmap="RdBu_r",
                  row_annotations=[gf.Numbers(values=mean, fmt=".1f"),
                                   gf.Text(values=groups.str.upper(), color=colour, fontweight="bold")],
                  col_annotations=[gf.Numbers(values=data.max(), fmt=".0f")],
                  cell_size="5mm")
