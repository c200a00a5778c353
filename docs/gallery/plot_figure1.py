"""
A journal figure 1: letters and collected legends
=================================================

One tree makes the whole figure, 183 mm wide (a two-column journal page):
(a) a clustered heatmap of expression with a group strip; (b) a second
heatmap of other measurements of the same genes, given in another order and
drawn in (a)'s order because the two sit in a ``Row(..., share=True)``;
(c) a scatter and (d) a bar chart, ordinary matplotlib code in
:class:`~gridfig.Plot` panels. The cores line up, the panels are lettered in
reading order by ``letters="a"``, and every legend is collected in one area
on the right by ``legend="right"``. At the default 10 pt, (b)'s 24 gene
labels do not all fit in 150 mm: every third one is shown, and a warning says
so. ``figure1()`` is also used by the tests (the image baseline
``tests/baseline/figure1.png``).
"""

import numpy as np
import pandas as pd

import gridfig as gf


def figure1():
    rng = np.random.default_rng(7)
    genes = [f"gene {i}" for i in range(24)]
    groups = pd.Series(rng.choice(["immune", "stroma", "tumour"], 24), index=genes, name="compartment")
    expr = pd.DataFrame(rng.normal(size=(24, 10)) + np.where(groups.to_numpy()[:, None] == "immune", 1.5, 0),
                        index=genes, columns=[f"S{j}" for j in range(10)])
    # (b): another measurement of the same genes, listed in a different order
    other = pd.DataFrame(rng.uniform(0, 1, size=(24, 4)), index=genes, columns=["day 1", "day 3", "day 7", "day 14"])
    other = other.sample(frac=1, random_state=1)

    a = gf.clustered_heatmap(expr, row_colors=groups, center=0, cbar_label="z-score", yticklabels=False,
                             legend_side=None, sized=False, name="expression")
    b = gf.Cross(core=gf.Heatmap.from_frame(other, cmap="YlOrBr", legend_title="response"),
                 right=[gf.Labels(texts=list(other.index))], bottom=[gf.Labels(texts=list(other.columns))],
                 width="22mm", name="response")

    # data is made once, outside the drawing functions: they are called again for each measuring pass
    x = rng.normal(size=200)
    y = 0.6 * x + rng.normal(scale=0.5, size=200)

    def scatter(ax):
        ax.scatter(x, y, s=6, color="0.3")
        ax.set_xlabel("PC 1")
        ax.set_ylabel("PC 2")

    def bars(ax):
        ax.bar(["immune", "stroma", "tumour"], groups.value_counts().sort_index(), color="0.5")
        ax.set_ylabel("genes")

    top = gf.Row(a, b, share=True, gap="4mm")
    bottom = gf.Row(gf.Plot(func=scatter, name="scatter"), gf.Plot(func=bars, name="bars"), gap="8mm")
    return gf.Column(top, bottom, gap="6mm")


if __name__ == "__main__":
    out = gf.render(figure1(), figsize=("183mm", "150mm"), letters="a", legend="right")
