"""Regenerate the images in docs/images: ``python docs/make_images.py``.

These are the images the Markdown pages (and README.md) show, so that they
read well on GitHub too. The site's gallery (docs/gallery/) is drawn by the
docs build itself; three of its scripts also make images here (splits,
figure 1, the showcase), and the code blocks of heatmap.md make its images.
"""

import os
import re
import runpy
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import attrs  # noqa: E402
import numpy as np  # noqa: E402
from scipy.cluster.hierarchy import linkage  # noqa: E402

import gridfig as gf  # noqa: E402

DOCS = Path(__file__).parent
HERE = DOCS / "images"


@attrs.frozen(kw_only=True)
class Bars(gf.Panel):
    values: np.ndarray = attrs.field(converter=np.asarray, eq=False)
    color: str = "grey"
    kind = "bars"

    def leaf_count(self):
        return len(self.values)

    def draw(self, ax, ctx):
        ctx.bars(ax, self.values[ctx.order], color=self.color)
        ctx.set_away_limits(ax, 0, self.values.max())


def bars_tree(panel=Bars) -> gf.Cross:
    """The figure of docs/custom_panels.md: a user panel on all four sides of a heatmap."""
    x = np.random.default_rng(3).normal(size=(7, 5))
    return gf.Cross(
        core=gf.Heatmap(data=x),
        left=[panel(values=x.mean(axis=1) + 2), gf.Dendrogram(linkage=linkage(x, "average"))],
        right=[panel(values=x.std(axis=1))],
        top=[panel(values=x.mean(axis=0) + 2), gf.Dendrogram(linkage=linkage(x.T, "average"))],
        bottom=[panel(values=x.std(axis=0), color="tab:red")],
    )


def _demo_frames():
    import pandas as pd

    data, groups, blocks = gf.demo.seed_data()
    rng = np.random.default_rng(11)
    parts = pd.DataFrame(rng.uniform(0, 1, (len(data), 3)), index=data.index, columns=["A", "B", "C"])
    return data, groups, blocks, parts


def numeric_figure():
    """docs/panels.md: bars (plain and stacked), points, lines and an area beside a split clustermap."""
    data, groups, blocks, parts = _demo_frames()
    return gf.clustermap(data, row_colors=groups, col_colors=blocks, center=0, row_split=groups,
                         row_annotations=[gf.Bars(values=data.mean(axis=1), title="mean"),
                                          gf.Bars(values=parts, name="parts")],
                         col_annotations=[gf.Area(values=data.std(), title="sd"),
                                          gf.Points(values=data.mean(), line=True, title="mean")],
                         figsize=("170mm", "120mm"))


def distributions_figure():
    """docs/panels.md: a box plot per row, a violin per column, a histogram per row."""
    data, groups, blocks, _ = _demo_frames()
    return gf.clustermap(data, row_colors=groups, center=0, row_split=groups,
                         row_annotations=[gf.Box(values=data, title="row values"),
                                          gf.Histogram(values=data, bins=8)],
                         col_annotations=[gf.Violin(values=data.T, title="column values")],
                         figsize=("170mm", "120mm"))


def text_figure():
    """docs/panels.md: numbers and styled text per leaf."""
    data, groups, blocks, _ = _demo_frames()
    mean = data.mean(axis=1)
    colour = mean.map(lambda v: "tab:red" if v > 5 else "tab:blue")
    return gf.clustermap(data, row_colors=groups, center=0,
                         row_annotations=[gf.Numbers(values=mean, fmt=".1f"),
                                          gf.Text(values=groups.str.upper(), color=colour, fontweight="bold")],
                         col_annotations=[gf.Numbers(values=data.max(), fmt=".0f")],
                         figsize=("150mm", "110mm"))


def main():
    HERE.mkdir(exist_ok=True)
    for name, make in (("panels_numeric", numeric_figure), ("panels_distributions", distributions_figure),
                       ("panels_text", text_figure)):
        make().savefig(HERE / f"{name}.png", dpi=110)
    gf.demo.seed_figure().savefig(HERE / "seed.png", dpi=110)
    gf.render(bars_tree(), figsize=(5, 4)).savefig(HERE / "bars.png", dpi=110)
    gallery = DOCS / "gallery"
    runpy.run_path(str(gallery / "plot_splits.py"))["figure"]().savefig(HERE / "splits.png", dpi=110)
    runpy.run_path(str(gallery / "plot_showcase.py"))["showcase"]().savefig(HERE / "showcase.png", dpi=110)
    figure1 = runpy.run_path(str(gallery / "plot_figure1.py"))["figure1"]()
    gf.render(figure1, figsize=("183mm", "150mm"), letters="a", legend="right").savefig(HERE / "figure1.png", dpi=150)
    heatmap_page_images()


def heatmap_page_images():
    """The images of docs/heatmap.md: its code blocks, run in docs/images."""
    blocks = re.findall(r"```python\n(.*?)```", (DOCS / "heatmap.md").read_text(), re.S)
    here = os.getcwd()
    os.chdir(HERE)
    try:
        namespace: dict = {"__name__": "__images__"}
        for code in blocks:
            exec(compile(code, "docs/heatmap.md", "exec"), namespace)
    finally:
        os.chdir(here)


if __name__ == "__main__":
    main()
