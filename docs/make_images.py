"""Regenerate the images in docs/images: ``python docs/make_images.py``."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import attrs  # noqa: E402
import numpy as np  # noqa: E402
from scipy.cluster.hierarchy import linkage  # noqa: E402

import gridfig as gf  # noqa: E402

HERE = Path(__file__).parent / "images"


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


def main():
    HERE.mkdir(exist_ok=True)
    gf.demo.seed_figure().savefig(HERE / "seed.png", dpi=110)
    gf.render(bars_tree(), figsize=(5, 4)).savefig(HERE / "bars.png", dpi=110)
    import runpy

    splits = runpy.run_path(str(Path(__file__).parent / "gallery_splits.py"))
    splits["figure"]().savefig(HERE / "splits.png", dpi=110)


if __name__ == "__main__":
    main()
