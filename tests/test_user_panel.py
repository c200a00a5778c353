"""A panel a user writes in under 20 lines works on all four sides, aligned to the core."""

from typing import ClassVar

import attrs
import numpy as np
import pytest
from scipy.cluster.hierarchy import leaves_list, linkage

import gridfig as gf


# --- the user's panel: the same code as in docs/custom_panels.md --------------
@attrs.frozen(kw_only=True)
class Bars(gf.Panel):
    """One bar per row (or column), growing away from the heatmap."""

    values: np.ndarray = attrs.field(converter=np.asarray, eq=False)
    color: str = "grey"
    kind: ClassVar[str] = "bars"

    def leaf_count(self):
        return len(self.values)

    def draw(self, ax, ctx):
        shown = self.values[ctx.order]  # data order -> display order
        ctx.bars(ax, shown, color=self.color)
        ctx.set_away_limits(ax, 0, self.values.max())
# ------------------------------------------------------------------------------


def test_bars_align_on_all_four_sides():
    rng = np.random.default_rng(3)
    data = rng.normal(size=(7, 5))
    row_z, col_z = linkage(data, "average"), linkage(data.T, "average")
    row_vals, col_vals = rng.uniform(1, 5, 7), rng.uniform(1, 5, 5)
    tree = gf.Cross(
        core=gf.Heatmap(data=data),
        left=[Bars(values=row_vals), gf.Dendrogram(linkage=row_z)],
        right=[Bars(values=row_vals)],
        top=[Bars(values=col_vals), gf.Dendrogram(linkage=col_z)],
        bottom=[Bars(values=col_vals)],
    )
    r = gf.render(tree, figsize=(6, 5))
    rows, cols = leaves_list(row_z), leaves_list(col_z)
    core = r.axes["heatmap"].get_window_extent()
    cell_h, cell_w = core.height / 7, core.width / 5
    for side, vals, order in (("left", row_vals, rows), ("right", row_vals, rows),
                              ("top", col_vals, cols), ("bottom", col_vals, cols)):
        ax = r.axes[f"{side}/bars"]
        frame = ax.get_window_extent()
        patches = ax.patches
        assert len(patches) == len(vals)
        for k, patch in enumerate(patches):
            box = patch.get_window_extent()
            value = vals[order[k]]
            if side in ("left", "right"):
                # bar k is centred on displayed row k (row 0 at the top)
                assert (box.y0 + box.y1) / 2 == pytest.approx(core.y1 - (k + 0.5) * cell_h, abs=0.01)
                length = box.width / frame.width * vals.max()
                near = box.x1 if side == "left" else box.x0
                edge = frame.x1 if side == "left" else frame.x0
                assert near == pytest.approx(edge, abs=0.01)  # grows away from the core
            else:
                assert (box.x0 + box.x1) / 2 == pytest.approx(core.x0 + (k + 0.5) * cell_w, abs=0.01)
                length = box.height / frame.height * vals.max()
                near = box.y0 if side == "top" else box.y1
                edge = frame.y0 if side == "top" else frame.y1
                assert near == pytest.approx(edge, abs=0.01)
            assert length == pytest.approx(value, rel=1e-6)


def test_user_panel_is_not_changed_by_being_used():
    bars = Bars(values=[1.0, 2.0, 3.0])
    before = attrs.asdict(bars, recurse=False)
    a = gf.Cross(core=gf.Heatmap(data=np.zeros((3, 3))), left=[bars], right=[bars])
    gf.render(a, figsize=(3, 3))
    gf.render(gf.Cross(core=gf.Heatmap(data=np.ones((3, 2))), top=[Bars(values=[1, 2])], left=[bars]),
              figsize=(3, 3))
    after = attrs.asdict(bars, recurse=False)
    assert before.keys() == after.keys() and all(np.array_equal(before[k], after[k]) for k in before)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        bars.color = "red"


def test_a_user_panel_matches_a_series_by_label_through_bind():
    import pandas as pd

    @attrs.frozen(kw_only=True)
    class Dots(gf.Panel):
        values: object = attrs.field(eq=False)
        kind = "dots"

        def bind(self, leaves):
            return attrs.evolve(self, values=gf.align_series(self.values, leaves, self.label, leaves.what))

        def draw(self, ax, ctx):
            v = np.asarray(self.values, dtype=float)[ctx.order]
            x, y = ctx.xy(ctx.centres, v)
            ax.plot(x, y, "o")
            ctx.set_away_limits(ax, 0, 5)

    df = pd.DataFrame(np.arange(12.0).reshape(4, 3), index=list("abcd"))
    score = pd.Series([4.0, 1.0, 3.0, 2.0], index=list("dacb"))
    tree = gf.Cross(core=gf.Heatmap.from_frame(df), rows=[2, 0, 3, 1], right=[Dots(values=score)])
    out = gf.render(tree, figsize=(3, 3))
    x, y = out.axes["right/dots"].lines[0].get_data()
    # displayed rows c, a, d, b carry their own scores, at their rows' centres
    assert list(x) == [3.0, 1.0, 4.0, 2.0] and list(y) == [0.5, 1.5, 2.5, 3.5]
