"""A figure's suptitle / supxlabel / supylabel, and Axes titles at the top, get room in the layout.

Read back from what was drawn: every box in inches at the dpi drawn at, through the renderer.
"""

from __future__ import annotations

import io
import warnings

import matplotlib.figure
import matplotlib.pyplot as plt
import numpy as np
import pytest

import gridfig as gf

TOL = 1e-6  # inches


@pytest.fixture
def g():
    data, groups, _ = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups, center=0)
    yield g
    plt.close(g.figure)


def boxes_at(fig, dpi, artists):
    """Window extents in inches of ``artists`` with the figure at ``dpi`` (the dpi the layout was solved at)."""
    fig.set_dpi(dpi)
    r = fig.canvas.get_renderer()
    out = []
    for a in artists:
        b = a.get_window_extent(r)
        out.append((b.x0 / dpi, b.y0 / dpi, b.x1 / dpi, b.y1 / dpi))
    return out


def check_above(fig, dpi, title, axes):
    (t,), W, H = boxes_at(fig, dpi, [title]), *fig.get_size_inches()
    assert 0 <= t[0] and t[2] <= W and t[3] <= H + TOL and t[1] >= 0, t  # inside the figure
    for ax, a in zip(axes, boxes_at(fig, dpi, axes)):
        assert a[3] <= t[1] + TOL, (ax.get_label(), a, t)  # every gridfig Axes below it
        assert a[3] <= H + TOL
    return t


def gridfig_axes(g):
    return list(g.rendered.axes.values())


@pytest.mark.parametrize("dpi", [72, 100, 300])
def test_a_suptitle_added_after_clustermap_is_above_every_axes_at_each_dpi(g, dpi):
    t = g.figure.suptitle("Expression of 20 measurements")
    g.savefig(io.BytesIO(), format="png", dpi=dpi)
    assert g.rendered.job.dpi == dpi
    box = check_above(g.figure, dpi, t, gridfig_axes(g))
    H = g.figure.get_size_inches()[1]
    assert H - box[3] == pytest.approx(gf.layout.titles.PAD, abs=0.01)  # its pad from the top


def test_after_set_size_inches_the_room_follows(g):
    t = g.figure.suptitle("A title")
    g.savefig(io.BytesIO(), format="png", dpi=100)
    g.figure.set_size_inches(9, 7)
    g.savefig(io.BytesIO(), format="png", dpi=100)
    assert tuple(g.rendered.job.size) != (9, 7)  # the band is taken from the region
    check_above(g.figure, 100, t, gridfig_axes(g))
    g.figure.set_size_inches(5, 4)
    g.savefig(io.BytesIO(), format="png", dpi=300)
    check_above(g.figure, 300, t, gridfig_axes(g))


def test_changing_or_removing_the_title_moves_the_layout_again(g):
    t = g.figure.suptitle("short")
    g.savefig(io.BytesIO(), format="png", dpi=100)
    top_one_line = g.rendered.job.host.grid.top
    g.figure.suptitle("two\nlines", fontsize=20)
    g.savefig(io.BytesIO(), format="png", dpi=100)
    assert g.rendered.job.host.grid.top < top_one_line
    check_above(g.figure, 100, t, gridfig_axes(g))
    t.set_visible(False)
    g.savefig(io.BytesIO(), format="png", dpi=100)
    assert g.rendered.job.host.grid.top == 1.0


def test_a_suptitle_keeps_one_draw_per_save(g, monkeypatch):
    calls = []
    real = matplotlib.figure.Figure.draw
    monkeypatch.setattr(matplotlib.figure.Figure, "draw", lambda self, r: (calls.append(1), real(self, r)))
    g.figure.suptitle("A title")
    g.savefig(io.BytesIO(), format="png", dpi=100)  # the title is new: the engine runs (dry draw, then real)
    assert len(calls) == 2
    calls.clear()
    g.savefig(io.BytesIO(), format="png", dpi=100)  # now current: drawn once
    assert len(calls) == 1
    calls.clear()
    g.savefig(io.BytesIO(), format="pdf")  # solved at 72 first, with the title's room, then drawn once
    assert len(calls) == 1
    calls.clear()
    g.savefig(io.BytesIO(), format="pdf")
    assert len(calls) == 1


def test_supxlabel_and_supylabel_get_room_below_and_left(g):
    x = g.figure.supxlabel("measurements")
    y = g.figure.supylabel("samples")
    g.savefig(io.BytesIO(), format="png", dpi=100)
    (bx, by), axes = boxes_at(g.figure, 100, [x, y]), gridfig_axes(g)
    for a in boxes_at(g.figure, 100, axes):
        assert a[1] >= bx[3] - TOL and a[0] >= by[2] - TOL
    assert bx[1] >= 0 and by[0] >= 0


def test_a_title_given_a_place_is_left_where_it_is_and_given_no_room(g):
    g.figure.suptitle("placed", y=0.5)
    g.savefig(io.BytesIO(), format="png", dpi=100)
    assert g.rendered.job.host.grid.top == 1.0 and g.figure._suptitle.get_position()[1] == 0.5


def test_a_figure_given_as_ax_with_a_title_already_is_laid_out_under_it():
    fig = plt.figure(figsize=(7, 5), layout="none")
    t = fig.suptitle("before")
    data, groups, _ = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups, ax=fig)
    assert g.rendered.job.host.grid.top < 1
    check_above(fig, fig.dpi, t, gridfig_axes(g))  # before any draw: solved with the room taken
    plt.close(fig)


def test_a_subfigure_makes_room_for_its_own_title():
    fig = plt.figure(figsize=(10, 5), layout="none")
    left, right = fig.subfigures(1, 2)
    t = right.suptitle("right half")
    r = gf.render(gf.Cross(core=gf.Heatmap(data=np.arange(12.0).reshape(3, 4))), ax=right)
    fig.savefig(io.BytesIO(), format="png", dpi=100)
    check_above(fig, 100, t, list(r.axes.values()))
    plt.close(fig)


def test_a_region_of_the_users_figure_does_not_move_for_a_figure_title():
    fig, axs = plt.subplots(1, 2, figsize=(9, 4), layout="none")
    data, _, _ = gf.demo.seed_data()
    g = gf.clustermap(data, ax=axs[1])
    before = [tuple(ax.get_position().bounds) for ax in g.rendered.axes.values()]
    fig.suptitle("the user's title")
    fig.savefig(io.BytesIO(), format="png", dpi=fig.dpi)
    assert [tuple(ax.get_position().bounds) for ax in g.rendered.axes.values()] == before
    assert g.rendered.job.host is None
    plt.close(fig)


@pytest.mark.parametrize("dpi", [72, 100, 300])
def test_a_title_on_the_column_dendrogram_is_inside_the_figure_and_under_the_suptitle(g, dpi):
    t = g.ax_col_dendrogram.set_title("My title")
    g.savefig(io.BytesIO(), format="png", dpi=dpi)
    fig = g.figure
    H = fig.get_size_inches()[1]
    (tb,) = boxes_at(fig, dpi, [t])
    assert tb[3] <= H + TOL
    sup = fig.suptitle("and a suptitle")
    g.savefig(io.BytesIO(), format="png", dpi=dpi)
    tb, sb = boxes_at(fig, dpi, [t, sup])
    assert tb[3] <= sb[1] + TOL and sb[3] <= H + TOL
    d = boxes_at(fig, dpi, [g.ax_col_dendrogram])[0]
    assert d[3] <= tb[1] + TOL  # the dendrogram under its title


def test_axis_labels_on_axes_without_an_axis_are_not_silent(g):
    g.ax_heatmap.set_xlabel("measurements")
    g.ax_heatmap.set_ylabel("samples")
    with pytest.warns(gf.GridfigWarning, match=r"set_xlabel\('measurements'\) is not drawn.*supxlabel") as caught:
        g.savefig(io.BytesIO(), format="png", dpi=100)
    # said at the line that saved (gridfig's and contextlib's frames skipped), where the user looks
    assert {w.filename for w in caught if "is not drawn" in str(w.message)} == {__file__}
    with warnings.catch_warnings():  # said once
        warnings.simplefilter("error")
        g.savefig(io.BytesIO(), format="png", dpi=100)
