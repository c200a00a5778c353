"""A drawn layout never goes silently stale: at any dpi, font size and figure size it is solved again,
fits (nothing overlaps, nothing leaves the figure, gaps exact) or fails loudly."""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import pytest

import gridfig as gf
from helpers import MM, TOL, axes_inches
from test_labels_fit import check_fit

DPIS = (50, 72, 96, 100, 150, 200, 300, 600)


def seed_map(fontsize, sized):
    data, groups, blocks = gf.demo.seed_data()
    return gf.clustermap(data, method="complete", row_colors=groups, col_colors=blocks, center=0,
                         cmap="RdBu_r", cbar_label="Measurements", fontsize=fontsize,
                         figsize=None if sized else (8, 6))


def check_drawn(g):
    """Fit (texts inside the figure, clear of other Axes and of each other) and the 1 mm gaps exact."""
    check_fit(g.rendered)
    heat = axes_inches(g.axes["heatmap"])
    strip, top = axes_inches(g.axes["row_colors"]), axes_inches(g.axes["col_colors"])
    assert heat[0] - strip[2] == pytest.approx(MM, abs=TOL)
    assert top[1] - heat[3] == pytest.approx(MM, abs=TOL)
    sol = g.rendered.solution
    assert sol.figsize == pytest.approx(tuple(g.figure.get_size_inches()), abs=1e-9)


@pytest.mark.parametrize("sized", [True, False], ids=["content-sized", "fixed-size"])
@pytest.mark.parametrize("fontsize", [6, 8, 10, 14])
def test_every_dpi_is_solved_again_and_fits(fontsize, sized):
    g = seed_map(fontsize, sized)
    size = tuple(g.figure.get_size_inches())
    for dpi in DPIS:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            g.figure.savefig(io.BytesIO(), format="png", dpi=dpi)  # the engine runs at this dpi
        adapted = [w for w in seen if issubclass(w.category, gf.GridfigWarning)]
        assert g.rendered.job.dpi == dpi and tuple(g.figure.get_size_inches()) == size
        g.figure.set_dpi(dpi)  # read the layout back at the dpi it was solved for
        if not adapted:
            check_drawn(g)
        else:  # adapted, and said so: still nothing overlaps or leaves the figure
            check_fit(g.rendered)
    plt.close(g.figure)


@pytest.mark.parametrize("size", [(12, 4), (4, 12), (3, 3)])
@pytest.mark.parametrize("sized", [True, False], ids=["content-sized", "fixed-size"])
def test_a_resized_figure_is_solved_again_and_fits_or_says_what_it_left_out(size, sized):
    g = seed_map(8, sized)
    g.figure.set_size_inches(*size)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        g.figure.savefig(io.BytesIO(), format="png")
    assert g.rendered.solution.figsize == pytest.approx(size)
    adapted = [str(w.message) for w in seen if issubclass(w.category, gf.GridfigWarning)]
    check_fit(g.rendered)
    if size == (3, 3):
        # adapted and said once; the colour scale and the category legends are the last to go,
        # so at 3 x 3 in they stay (set smaller), drawn where the layout put them
        assert len(adapted) == 1 and "too small for everything" in adapted[0], adapted
        assert "left out right/legends" not in adapted[0] and "category legends" not in adapted[0]
        assert g.ax_cbar is not None and {"population", "block"} <= {
            t.get_text() for t in g.axes["legends"].texts if t.get_fontweight() in ("bold", 700)}
    else:
        if size == (4, 12) and not sized:
            # 4 in across 20 columns: the dendrograms are shortened so the body keeps 0.075 in a
            # column (1.5 in), nothing is left out
            assert len(adapted) == 1 and "shortened" in adapted[0] and "left out" not in adapted[0], adapted
        else:
            assert not adapted
        check_drawn(g)
    plt.close(g.figure)


def test_a_layout_that_cannot_be_solved_again_fails_loudly():
    g = seed_map(8, False)
    g.figure.set_size_inches(0.8, 0.8)
    with pytest.raises(gf.LayoutFailed, match=r"cannot lay this figure out again at 100 dpi and 0.80 x 0.80 in"):
        g.figure.savefig(io.BytesIO(), format="png")
    assert not isinstance(gf.LayoutFailed("x"), ValueError)  # matplotlib swallows ValueErrors
    plt.close(g.figure)


def test_a_content_sized_figure_keeps_its_cells_at_its_own_dpi_and_stretches_a_little_elsewhere():
    g = seed_map(8, True)
    cell = axes_inches(g.axes["heatmap"])
    width = cell[2] - cell[0]
    assert width == pytest.approx(20 * 0.25, abs=1e-9)  # 20 columns of 0.25 in
    g.figure.savefig(io.BytesIO(), format="png", dpi=50)
    now = axes_inches(g.axes["heatmap"])
    assert abs((now[2] - now[0]) - width) < 0.05 * width  # the body absorbed the text's difference
    plt.close(g.figure)


def test_a_small_subplot_region_adapts_with_one_warning():
    fig, axs = plt.subplots(3, 3, figsize=(7, 7), layout="none")
    data, groups, _ = gf.demo.seed_data()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        g = gf.clustermap(data, row_colors=groups, ax=axs[1, 1])
    said = [str(w.message) for w in seen if issubclass(w.category, gf.GridfigWarning)]
    assert len(said) == 1 and "shortened" in said[0], said
    assert seen[0].filename == __file__  # blamed on the user's line
    boxes = [axes_inches(ax) for ax in fig.axes]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            w = min(a[2], b[2]) - max(a[0], b[0])
            h = min(a[3], b[3]) - max(a[1], b[1])
            assert not (w > 1e-6 and h > 1e-6), (fig.axes[i].get_label(), fig.axes[j].get_label())
    slot = axs[0, 0].get_gridspec()[1, 1].get_position(fig)  # gridfig stayed inside its own slot
    W, H = fig.get_size_inches()
    for ax in g.axes.values():
        x0, y0, x1, y1 = axes_inches(ax)
        assert slot.x0 * W - TOL <= x0 and x1 <= slot.x1 * W + TOL
        assert slot.y0 * H - TOL <= y0 and y1 <= slot.y1 * H + TOL
    plt.close(fig)


def test_thinned_labels_are_said_once_and_auto_rotation_shows_them_all():
    import numpy as np

    data = np.random.default_rng(0).normal(size=(4, 12))
    cols = [f"column {j}" for j in range(12)]

    def tree(rotation):
        return gf.Cross(core=gf.Heatmap(data=data), bottom=[gf.Labels(texts=cols, rotation=rotation)])

    with pytest.warns(gf.GridfigWarning, match=r"bottom/labels: \d of 12 labels shown .*rotation=90") as seen:
        out = gf.render(tree(0), figsize=(4, 2))
    shown = len(out.axes["bottom/labels"].texts)
    assert shown < 12 and f"{shown} of 12" in str(seen[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error", gf.GridfigWarning)  # nothing left out: nothing said
        auto = gf.render(tree("auto"), figsize=(4, 2))
    texts = auto.axes["bottom/labels"].texts
    assert [t.get_text() for t in texts] == cols and {t.get_rotation() for t in texts} == {45.0}  # 0 did not fit
    with pytest.raises(gf.InputError, match="rotation: expected a number of degrees or 'auto'"):
        gf.Labels(texts=cols, rotation="sideways")
    plt.close("all")


def test_an_adapted_layout_is_said_once_however_often_it_is_solved_again():
    import io

    fig, axs = plt.subplots(3, 3, figsize=(7, 7), layout="none")
    data, groups, _ = gf.demo.seed_data()
    sizes = (((7.1, 7.1), 100), ((7.2, 7.0), 100), ((7.0, 7.0), 72), ((7.0, 7.0), 150), ((7.0, 7.0), 100))

    def steps(message):  # what was adapted, without the region's size
        return message.split(": ", 1)[1]

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        gf.clustermap(data, row_colors=groups, ax=axs[1, 1])
        for size, dpi in sizes:
            fig.set_size_inches(*size)
            fig.savefig(io.BytesIO(), format="png", dpi=dpi)
    said = [str(w.message) for w in seen if issubclass(w.category, gf.GridfigWarning)]
    assert said and all("too small for everything" in m for m in said)
    assert len({steps(m) for m in said}) == len(said), said  # each adaptation said once
    assert len(said) < 1 + len(sizes)
    # the same sizes again: every adaptation has been said, so nothing is said
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        for size, dpi in sizes:
            fig.set_size_inches(*size)
            fig.savefig(io.BytesIO(), format="png", dpi=dpi)
    assert not [w for w in seen if issubclass(w.category, gf.GridfigWarning)]
    # still adapted and consistent at the last size: nothing overlaps
    boxes = [axes_inches(ax) for ax in fig.axes if ax.get_visible()]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            assert not (min(a[2], b[2]) - max(a[0], b[0]) > 1e-6 and min(a[3], b[3]) - max(a[1], b[1]) > 1e-6)
    plt.close(fig)
