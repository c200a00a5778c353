"""clustermap(), read back: every assertion checks what was drawn.

Leaf orders and dendrogram segments against scipy, the heatmap image and its
pixels against the data, labels, strips and legends against the annotations,
physical sizes and gaps against what was asked, and that nothing leaves the
figure or lands on another panel.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize, to_rgba
from matplotlib.patches import Rectangle
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist

import gridfig as gf
import gridfig.demo
from helpers import MM, TOL, axes_inches, colorbar_ticks, colorbars, inside, overlap, text_boxes

MISSING = to_rgba(gf.Theme().missing_color)


# --- helpers -------------------------------------------------------------------


def frame(n_rows, n_cols, seed=0, row="r", col="c"):
    """Continuous random values (no tied distances) with string labels."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.normal(size=(n_rows, n_cols)),
                        index=[f"{row}{i}" for i in range(n_rows)],
                        columns=[f"{col}{j}" for j in range(n_cols)])


def quick(data, **kwargs):
    """A clustermap without labels or legends (fast), unless asked for."""
    options = dict(xticklabels=False, yticklabels=False, cbar=False, legend=False)
    options.update(kwargs)
    return gf.clustermap(data, **options)


def lines_of(ax):
    """The one LineCollection a dendrogram Axes holds."""
    collections = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(collections) == 1
    return collections[0]


def u_set(along, height, decimals=9):
    """A sorted list of U's, each a tuple of its 4 (along, height) points."""
    along, height = np.asarray(along, float), np.asarray(height, float)
    return sorted(tuple(np.round(np.column_stack([a, h]), decimals).ravel().tolist())
                  for a, h in zip(along, height))


def drawn_u_set(ax, side):
    """The drawn U's as (along, height): x is the height on the left, y on top."""
    segs = np.array(lines_of(ax).get_segments())  # (k, 4, 2) in data coordinates
    assert segs.shape[1:] == (4, 2)
    if side == "left":
        return u_set(segs[:, :, 1], segs[:, :, 0])
    return u_set(segs[:, :, 0], segs[:, :, 1])


def scipy_u_set(Z):
    d = hierarchy.dendrogram(Z, no_plot=True)
    return u_set(np.array(d["icoord"]) / 10, np.array(d["dcoord"]))


def to_display(ax, x, y):
    """Data (x, y) of ``ax`` in display pixels."""
    return ax.transData.transform(np.column_stack([np.ravel(x), np.ravel(y)]).astype(float))


def row_centres(g):
    """Display y of the centre of each displayed row of the heatmap (top first)."""
    bb = g.axes["heatmap"].get_window_extent()
    n = len(g.row_order)
    return bb.y1 - (np.arange(n) + 0.5) * bb.height / n


def col_centres(g):
    """Display x of the centre of each displayed column of the heatmap (left first)."""
    bb = g.axes["heatmap"].get_window_extent()
    m = len(g.col_order)
    return bb.x0 + (np.arange(m) + 0.5) * bb.width / m


def text_xy(t):
    """Display position of a text's anchor."""
    return np.asarray(t.get_transform().transform(t.get_position()), float)


def legend_entries(ax):
    """Read the legend area back: {title: {label: rgba}} from patches and the texts beside them.

    An entry is a Rectangle with a text to its right at the height of its
    centre; its block title is the nearest bold text above it, starting where
    the patch starts.
    """
    texts = [t for t in ax.texts if t.get_text()]
    titles = [t for t in texts if t.get_fontweight() in ("bold", 700)]
    out: dict = {}
    for p in (p for p in ax.patches if isinstance(p, Rectangle)):
        x, y = p.get_xy()
        w, h = p.get_width(), p.get_height()
        cy = y + h / 2
        beside = [t for t in texts if t not in titles and abs(t.get_position()[1] - cy) < 1e-6
                  and x + w <= t.get_position()[0] <= x + w + 3 * MM]
        assert len(beside) == 1, f"legend patch at {x, y} has {len(beside)} texts beside it"
        above = [t for t in titles if abs(t.get_position()[0] - x) < 1e-6 and t.get_position()[1] > y + h]
        title = min(above, key=lambda t: t.get_position()[1]).get_text() if above else None
        label = beside[0].get_text()
        assert label not in out.get(title, {}), f"{label!r} twice in legend {title!r}"
        out.setdefault(title, {})[label] = tuple(p.get_facecolor())
    return out


def strip_colours(g, path, side):
    """RGBA per displayed leaf of a strip (rows top first, columns left first)."""
    im = g.axes[path].images
    assert len(im) == 1
    arr = np.asarray(im[0].get_array())
    if side == "left":
        assert arr.shape == (len(g.row_order), 1, 4)
        assert im[0].origin == "upper"
        return arr[:, 0, :]
    assert arr.shape == (1, len(g.col_order), 4)
    assert im[0].origin == "lower"
    return arr[0, :, :]


def assert_colour(actual, expected, tol=1e-9):
    assert np.allclose(np.asarray(actual, float)[:4], to_rgba(expected), atol=tol), (actual, expected)


def render_rgba(fig):
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())


def pixel(buf, x, y):
    """RGBA in 0..1 of the buffer pixel containing display point (x, y)."""
    H = buf.shape[0]
    return buf[int(H - y), int(x)] / 255.0


def check_nothing_leaves_or_overlaps(g):
    fig = g.figure
    boxes = text_boxes(fig)
    assert boxes, "no text was drawn"
    for ax in fig.axes:
        assert inside(ax.get_window_extent(), fig.bbox), f"{ax.get_label()} leaves the figure"
    for t, b in boxes:
        assert inside(b, fig.bbox), f"{t.get_text()!r} leaves the figure"
        for ax in fig.axes:
            if ax is t.axes or t.axes in ax.child_axes:  # a colour bar's ticks sit in its legend area
                continue
            assert not overlap(b, ax.get_window_extent()), f"{t.get_text()!r} overlaps {ax.get_label()}"
    for i, (t1, b1) in enumerate(boxes):
        for t2, b2 in boxes[i + 1:]:
            assert not overlap(b1, b2), f"{t1.get_text()!r} overlaps {t2.get_text()!r}"


# --- 1. leaf orders are scipy's -------------------------------------------------

ORDER_CASES = [("average", "euclidean"), ("complete", "euclidean"), ("single", "euclidean"),
               ("ward", "euclidean"), ("centroid", "euclidean"), ("average", "correlation"),
               ("average", "cosine")]


@pytest.mark.parametrize("optimal", [False, True])
@pytest.mark.parametrize("method,metric", ORDER_CASES)
def test_leaf_orders_are_scipys(method, metric, optimal):
    data = frame(17, 9, seed=3)
    g = quick(data, method=method, metric=metric, optimal_ordering=optimal)
    for X, order, Z_drawn in ((data.to_numpy(), g.row_order, g.row_linkage),
                              (data.to_numpy().T, g.col_order, g.col_linkage)):
        Z = hierarchy.linkage(X, method=method, metric=metric)
        if optimal:
            Z = hierarchy.optimal_leaf_ordering(Z, pdist(X, metric=metric))
        np.testing.assert_array_equal(order, hierarchy.leaves_list(Z))
        np.testing.assert_allclose(Z_drawn[:, 2], Z[:, 2], rtol=1e-9)
    # and the drawn image follows the order (the full read-back is test_image_cells_are_the_data)
    arr = g.axes["heatmap"].images[0].get_array()
    np.testing.assert_array_equal(arr, data.to_numpy()[np.ix_(g.row_order, g.col_order)])


def test_no_clustering_keeps_data_order_and_draws_no_dendrogram():
    data = frame(6, 4)
    g = quick(data, row_cluster=False, col_cluster=False)
    np.testing.assert_array_equal(g.row_order, np.arange(6))
    np.testing.assert_array_equal(g.col_order, np.arange(4))
    assert "row_dendrogram" not in g.axes and "col_dendrogram" not in g.axes
    np.testing.assert_array_equal(g.axes["heatmap"].images[0].get_array(), data.to_numpy())


def test_precomputed_linkage_is_drawn_as_given():
    data = frame(10, 5, seed=2)
    Zr = hierarchy.linkage(data.to_numpy(), "single")
    g = quick(data, row_linkage=Zr, col_cluster=False)
    np.testing.assert_array_equal(g.row_order, hierarchy.leaves_list(Zr))
    assert drawn_u_set(g.axes["row_dendrogram"], "left") == scipy_u_set(Zr)


# --- 2. dendrogram segments are scipy's, leaves on cell centres -------------------


@pytest.mark.parametrize("method", ["average", "single", "ward"])
def test_dendrogram_segments_equal_scipys(method):
    data = frame(14, 11, seed=5)
    g = quick(data, method=method)
    for ax_name, side, X in (("row_dendrogram", "left", data.to_numpy()),
                             ("col_dendrogram", "top", data.to_numpy().T)):
        Z = hierarchy.linkage(X, method)
        drawn = drawn_u_set(g.axes[ax_name], side)
        assert len(drawn) == len(X) - 1
        expected = scipy_u_set(Z)
        np.testing.assert_allclose(np.array(drawn), np.array(expected), atol=1e-9)


def test_dendrogram_leaves_sit_on_cell_centres():
    data = frame(9, 13, seed=1)
    g = quick(data, figsize=(5, 4))
    for ax_name, side, n, centres in (("row_dendrogram", "left", 9, row_centres(g)),
                                      ("col_dendrogram", "top", 13, col_centres(g))):
        ax = g.axes[ax_name]
        segs = np.array(lines_of(ax).get_segments()).reshape(-1, 2)
        # leaves are the points at height 0
        k_height, k_along = (0, 1) if side == "left" else (1, 0)
        leaves = segs[segs[:, k_height] == 0]
        along = np.unique(leaves[:, k_along])
        np.testing.assert_allclose(along, np.arange(n) + 0.5, atol=1e-12)
        pts = to_display(ax, *((np.zeros(n), along) if side == "left" else (along, np.zeros(n))))
        np.testing.assert_allclose(pts[:, k_along], centres, atol=1e-6)
        # the leaves' ends touch the dendrogram's edge next to the heatmap
        bb = ax.get_window_extent()
        edge = bb.x1 if side == "left" else bb.y0
        np.testing.assert_allclose(pts[:, k_height], edge, atol=1e-6)
        # and the root stays inside the panel
        top = segs[:, k_height].max()
        root = to_display(ax, *((top, 0.5) if side == "left" else (0.5, top)))[0]
        assert (bb.x0 - 0.5 <= root[0]) if side == "left" else (root[1] <= bb.y1 + 0.5)


# --- 3. the image is the data -------------------------------------------------------


def test_image_cells_are_the_data():
    data = frame(11, 8, seed=4)
    data.iloc[2, 3] = np.nan
    data.iloc[7, 0] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the NaN-aware distance note
        g = quick(data)
    im = g.axes["heatmap"].images[0]
    arr = im.get_array()
    assert arr.shape == data.shape
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            value = data.iloc[g.row_order[i], g.col_order[j]]
            if np.isnan(value):
                assert arr.mask[i, j], (i, j)
            else:
                assert not np.ma.getmaskarray(arr)[i, j]
                assert arr[i, j] == value
    assert int(np.ma.getmaskarray(arr).sum()) == 2
    # data2d is what was drawn
    np.testing.assert_array_equal(np.ma.filled(arr, np.nan), g.data2d.to_numpy())


def test_image_rows_run_top_down_on_screen():
    data = frame(5, 4, seed=6)
    g = quick(data, figsize=(4, 4))
    ax = g.axes["heatmap"]
    im = ax.images[0]
    x0, x1, ybottom, ytop = im.get_extent()
    assert (x0, x1, ybottom, ytop) == (0, 4, 5, 0)
    assert im.origin == "upper"  # array row 0 at the extent's top, y = 0
    bb = ax.get_window_extent()
    # y = i .. i+1 is the band of displayed row i, row 0 at the top of the Axes
    ys = to_display(ax, np.zeros(6), np.arange(6))[:, 1]
    np.testing.assert_allclose(ys, bb.y1 - np.arange(6) * bb.height / 5, atol=1e-6)
    xs = to_display(ax, np.arange(5), np.zeros(5))[:, 0]
    np.testing.assert_allclose(xs, bb.x0 + np.arange(5) * bb.width / 4, atol=1e-6)


@pytest.mark.parametrize("kwargs", [dict(), dict(center=0.0, cmap="RdBu_r"), dict(vmin=-1, vmax=1.5),
                                    dict(center=0.0, vmin=-0.5, cmap="RdBu_r")])
def test_pixels_have_the_cell_colours(kwargs):
    data = frame(4, 3, seed=8)
    data.iloc[1, 2] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        g = quick(data, cell_size="10mm", dpi=100, **kwargs)
    import matplotlib

    cmap = matplotlib.colormaps[kwargs.get("cmap", "viridis")]
    values = data.to_numpy()
    lo, hi = np.nanmin(values), np.nanmax(values)
    if "center" in kwargs and "vmin" not in kwargs:
        reach = max(abs(lo), abs(hi))
        lo, hi = -reach, reach
    norm = Normalize(kwargs.get("vmin", lo), kwargs.get("vmax", hi))
    if "center" in kwargs and "vmin" in kwargs:
        # limits asymmetric about the centre: one slope about it, as seaborn, the colormap cut to the limits
        reach = max(norm.vmax - kwargs["center"], kwargs["center"] - norm.vmin)
        cut = Normalize(kwargs["center"] - reach, kwargs["center"] + reach)([norm.vmin, norm.vmax])
        cmap = matplotlib.colors.ListedColormap(cmap(np.linspace(*cut, 256)))
    buf = render_rgba(g.figure)
    ys, xs = row_centres(g), col_centres(g)
    for i in range(4):
        for j in range(3):
            value = values[g.row_order[i], g.col_order[j]]
            want = MISSING if np.isnan(value) else cmap(norm(value))
            got = pixel(buf, xs[j], ys[i])
            assert np.allclose(got, want, atol=2 / 255), (i, j, value, got, want)


@pytest.mark.parametrize("how", [dict(z_score=0), dict(z_score=1), dict(standard_scale=0), dict(standard_scale=1)])
def test_scaled_data_is_what_is_drawn_and_clustered(how):
    data = frame(9, 6, seed=19)
    (key, axis), = how.items()
    along = 1 - axis  # statistics of each row (axis 0) are taken along the columns
    if key == "z_score":
        expected = data.sub(data.mean(axis=along), axis=axis).div(data.std(axis=along), axis=axis)
    else:
        lo, hi = data.min(axis=along), data.max(axis=along)
        expected = data.sub(lo, axis=axis).div(hi - lo, axis=axis)
    g = quick(data, **how)
    X = expected.to_numpy()
    np.testing.assert_allclose(g.axes["heatmap"].images[0].get_array(), X[np.ix_(g.row_order, g.col_order)],
                               atol=1e-12)
    np.testing.assert_array_equal(g.row_order, hierarchy.leaves_list(hierarchy.linkage(X, "average")))
    np.testing.assert_array_equal(g.col_order, hierarchy.leaves_list(hierarchy.linkage(X.T, "average")))


# --- 4. tick labels --------------------------------------------------------------


def test_labels_name_the_displayed_rows_and_columns_at_their_centres():
    data = frame(12, 7, seed=9, row="sample ", col="gene ")
    g = gf.clustermap(data, figsize=(6, 6), cbar=False)
    rows = g.axes["row_labels"].texts
    assert [t.get_text() for t in rows] == [data.index[k] for k in g.row_order]
    np.testing.assert_allclose([text_xy(t)[1] for t in rows], row_centres(g), atol=1e-6)
    cols = g.axes["col_labels"].texts
    assert [t.get_text() for t in cols] == [data.columns[k] for k in g.col_order]
    np.testing.assert_allclose([text_xy(t)[0] for t in cols], col_centres(g), atol=1e-6)
    # right of and below the heatmap, as by default, and written away from it
    heat = g.axes["heatmap"].get_window_extent()
    renderer = g.figure.canvas.get_renderer()
    for t in rows:
        assert t.get_window_extent(renderer).x0 >= heat.x1
    for t in cols:
        assert t.get_window_extent(renderer).y1 <= heat.y0
        assert t.get_rotation() == 90


def test_labels_on_the_left_and_top_sit_between_body_and_dendrograms():
    data = frame(10, 8, seed=20, row="sample ", col="gene ")
    g = gf.clustermap(data, row_label_side="left", col_label_side="top", figsize=(6, 6), cbar=False)
    rows, cols = g.axes["row_labels"].texts, g.axes["col_labels"].texts
    assert [t.get_text() for t in rows] == [data.index[k] for k in g.row_order]
    assert [t.get_text() for t in cols] == [data.columns[k] for k in g.col_order]
    np.testing.assert_allclose([text_xy(t)[1] for t in rows], row_centres(g), atol=1e-6)
    np.testing.assert_allclose([text_xy(t)[0] for t in cols], col_centres(g), atol=1e-6)
    renderer = g.figure.canvas.get_renderer()
    heat = g.axes["heatmap"].get_window_extent()
    dendro_r = g.axes["row_dendrogram"].get_window_extent()
    dendro_c = g.axes["col_dendrogram"].get_window_extent()
    # the dendrograms stay outermost; the labels sit between them and the body
    assert max(t.get_window_extent(renderer).x1 for t in rows) <= heat.x0
    assert min(t.get_window_extent(renderer).x0 for t in rows) >= dendro_r.x1
    assert min(t.get_window_extent(renderer).y0 for t in cols) >= heat.y1
    assert max(t.get_window_extent(renderer).y1 for t in cols) <= dendro_c.y0
    box = {k: axes_inches(g.axes[k]) for k in ("row_labels", "row_dendrogram", "col_labels", "col_dendrogram")}
    assert box["row_labels"][0] - box["row_dendrogram"][2] == pytest.approx(1 * MM, abs=TOL)
    assert box["col_dendrogram"][1] - box["col_labels"][3] == pytest.approx(1 * MM, abs=TOL)
    check_nothing_leaves_or_overlaps(g)


def test_label_rows_shows_only_those_at_their_rows():
    data = frame(10, 6, seed=10)
    wanted = ["r3", "r7", "r0"]
    g = gf.clustermap(data, label_rows=wanted, label_cols=["c5"], figsize=(5, 5), cbar=False)
    rows = g.axes["row_labels"].texts
    shown = [t.get_text() for t in rows]
    assert sorted(shown) == sorted(wanted)
    at = {data.index[k]: i for i, k in enumerate(g.row_order)}
    centres = row_centres(g)
    for t in rows:
        assert text_xy(t)[1] == pytest.approx(centres[at[t.get_text()]], abs=1e-6)
    cols = g.axes["col_labels"].texts
    assert [t.get_text() for t in cols] == ["c5"]
    j = list(g.col_order).index(5)
    assert text_xy(cols[0])[0] == pytest.approx(col_centres(g)[j], abs=1e-6)


def test_no_labels_draws_no_label_axes():
    g = gf.clustermap(frame(6, 5), yticklabels=False, xticklabels=False, cbar=False)
    assert "row_labels" not in g.axes and "col_labels" not in g.axes
    assert not any(t.get_text() for ax in g.figure.axes for t in ax.texts)
    g = gf.clustermap(frame(6, 5), yticklabels=False, cbar=False)
    assert "row_labels" not in g.axes and "col_labels" in g.axes


def test_dollar_labels_are_shown_literally():
    data = frame(3, 2)
    data.index = ["$5 and $10", "a_1^2", "plain"]
    g = gf.clustermap(data, figsize=(4, 3), cbar=False)
    texts = {t.get_text(): t for t in g.axes["row_labels"].texts}
    assert set(texts) == set(data.index)
    renderer = g.figure.canvas.get_renderer()
    drawn = texts["$5 and $10"].get_window_extent(renderer).width
    # the same string as plain text and as mathtext, measured in a scratch Axes
    ax = g.axes["heatmap"]
    fs = texts["$5 and $10"].get_fontsize()
    plain = ax.text(0, 0, "$5 and $10", fontsize=fs, parse_math=False)
    math = ax.text(0, 0, "$5 and $10", fontsize=fs, parse_math=True)
    w_plain, w_math = (t.get_window_extent(renderer).width for t in (plain, math))
    plain.remove()
    math.remove()
    assert w_plain != pytest.approx(w_math, abs=1.0)
    assert drawn == pytest.approx(w_plain, abs=0.5)


def test_replacement_labels_list():
    data = frame(4, 3, seed=2)
    names = ["w", "x", "y", "z"]
    g = gf.clustermap(data, yticklabels=names, figsize=(4, 4), cbar=False)
    assert [t.get_text() for t in g.axes["row_labels"].texts] == [names[k] for k in g.row_order]


# --- 5. strips and legends ---------------------------------------------------------


def annotated():
    """Data, a row Series (permuted superset of the index) and a column Series."""
    data = frame(12, 8, seed=11)
    rng = np.random.default_rng(1)
    rows = pd.Series(["alpha", "beta", "gamma"] * 4, index=data.index, name="kind")
    rows = pd.concat([rows, pd.Series(["delta"], index=["not a row"])])  # superset
    rows = rows.iloc[rng.permutation(len(rows))].rename("kind")
    cols = pd.Series(["up", "down"] * 4, index=data.columns, name="direction")
    cols = cols.iloc[rng.permutation(len(cols))]
    return data, rows, cols


def test_strips_colour_each_row_by_its_label_and_agree_with_the_legend():
    data, rows, cols = annotated()
    assert list(rows.index) != list(data.index)
    with pytest.warns(UserWarning, match="not a row"):
        g = gf.clustermap(data, row_colors=rows, col_colors=cols, figsize=(6, 5))
    legends = legend_entries(g.axes["legends"])
    assert set(legends["kind"]) == {"alpha", "beta", "gamma"}  # the extra label is not shown
    assert set(legends["direction"]) == {"up", "down"}
    # distinct colours within each legend
    for entries in legends.values():
        assert len({tuple(np.round(c, 6)) for c in entries.values()}) == len(entries)
    got = strip_colours(g, "row_colors", "left")
    for i, k in enumerate(g.row_order):
        category = rows[data.index[k]]
        assert_colour(got[i], legends["kind"][category])
    got = strip_colours(g, "col_colors", "top")
    for j, k in enumerate(g.col_order):
        assert_colour(got[j], legends["direction"][cols[data.columns[k]]])
    # strips span the heatmap's rows / columns exactly
    heat = axes_inches(g.axes["heatmap"])
    assert axes_inches(g.axes["row_colors"])[[1, 3]] == pytest.approx(heat[[1, 3]], abs=TOL)
    assert axes_inches(g.axes["col_colors"])[[0, 2]] == pytest.approx(heat[[0, 2]], abs=TOL)


def test_strip_pixels_have_the_strip_colours():
    data, rows, cols = annotated()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        g = gf.clustermap(data, row_colors=rows, col_colors=cols, cell_size="6mm", dpi=100)
    buf = render_rgba(g.figure)
    for name, side, centres in (("row_colors", "left", row_centres(g)), ("col_colors", "top", col_centres(g))):
        ax = g.axes[name]
        bb = ax.get_window_extent()
        colours = strip_colours(g, name, side)
        for k, c in enumerate(centres):
            xy = ((bb.x0 + bb.x1) / 2, c) if side == "left" else (c, (bb.y0 + bb.y1) / 2)
            assert np.allclose(pixel(buf, *xy), colours[k], atol=2 / 255), (name, k)


def test_dataframe_annotations_give_one_strip_each():
    data = frame(10, 6, seed=12)
    rng = np.random.default_rng(2)
    ann = pd.DataFrame({"tissue": ["liver", "lung"] * 5, "batch": ["b1", "b2", "b3", "b4", "b5"] * 2},
                       index=data.index).iloc[rng.permutation(10)]
    g = gf.clustermap(data, row_colors=ann, figsize=(6, 5))
    legends = legend_entries(g.axes["legends"])
    assert set(legends) >= {"tissue", "batch"}
    boxes = {}
    for column in ann.columns:
        path = f"left/{column}"
        assert path in g.axes
        got = strip_colours(g, path, "left")
        for i, k in enumerate(g.row_order):
            assert_colour(got[i], legends[column][ann.loc[data.index[k], column]])
        boxes[column] = axes_inches(g.axes[path])
    # seaborn's order: the first column outermost, the last nearest the heatmap, 1 mm apart
    heat = axes_inches(g.axes["heatmap"])
    assert heat[0] - boxes["batch"][2] == pytest.approx(1 * MM, abs=TOL)
    assert boxes["batch"][0] - boxes["tissue"][2] == pytest.approx(1 * MM, abs=TOL)
    # the legends keep the columns' order
    assert list(legends)[-2:] == ["tissue", "batch"]
    # the strips of one figure do not share colours
    assert not set(map(tuple, legends["tissue"].values())) & set(map(tuple, legends["batch"].values()))


def test_list_annotations_are_positional():
    data = frame(9, 5, seed=13)
    row_list = ["x", "y", "z"] * 3
    col_list = ["#ff0000", "#00ff00", "#0000ff", "#ff0000", "#00ff00"]  # colours drawn as given
    g = gf.clustermap(data, row_colors=row_list, col_colors=col_list, figsize=(5, 5))
    legends = legend_entries(g.axes["legends"])
    got = strip_colours(g, "row_colors", "left")
    for i, k in enumerate(g.row_order):
        assert_colour(got[i], legends["row_colors"][row_list[k]])
    got = strip_colours(g, "col_colors", "top")
    for j, k in enumerate(g.col_order):
        assert_colour(got[j], col_list[k])
    assert "col_colors" not in legends  # colours need no legend


def test_missing_labels_get_the_missing_colour_and_a_warning():
    data = frame(8, 4, seed=14)
    rows = pd.Series(["a", "b"] * 3, index=data.index[[0, 1, 2, 4, 5, 7]]).iloc[::-1]
    with pytest.warns(UserWarning, match=r"2 of 8 data rows have no annotation.*'r3'.*'r6'"):
        g = gf.clustermap(data, row_colors=rows, figsize=(5, 4))
    legends = legend_entries(g.axes["legends"])["row_colors"]
    assert_colour(legends["missing"], MISSING)
    got = strip_colours(g, "row_colors", "left")
    for i, k in enumerate(g.row_order):
        label = data.index[k]
        want = legends[rows[label]] if label in rows.index else MISSING
        assert_colour(got[i], want)


def test_nan_values_in_a_series_get_the_missing_colour():
    data = frame(6, 4, seed=15)
    rows = pd.Series(["a", None, "b", "a", np.nan, "b"], index=data.index)
    g = gf.clustermap(data, row_colors=rows, figsize=(5, 4))
    got = strip_colours(g, "row_colors", "left")
    legends = legend_entries(g.axes["legends"])["row_colors"]
    assert set(legends) == {"a", "b", "missing"}
    for i, k in enumerate(g.row_order):
        v = rows.iloc[k]
        assert_colour(got[i], MISSING if pd.isna(v) else legends[v])


def test_categorical_series_keeps_its_category_order():
    data = frame(6, 3)
    rows = pd.Series(pd.Categorical(["mid", "low", "high"] * 2, categories=["low", "mid", "high"]),
                     index=data.index, name="level").iloc[[5, 2, 0, 4, 1]]  # permuted, r3 missing
    with pytest.warns(UserWarning, match="'r3'"):
        g = gf.clustermap(data, row_colors=rows, figsize=(5, 4))
    ax = g.axes["legends"]
    entries = legend_entries(ax)["level"]
    height = {t.get_text(): t.get_position()[1] for t in ax.texts}
    assert sorted(entries, key=lambda s: -height[s]) == ["low", "mid", "high", "missing"]
    got = strip_colours(g, "row_colors", "left")
    for i, k in enumerate(g.row_order):
        label = data.index[k]
        assert_colour(got[i], entries[rows[label]] if label in rows.index else MISSING)


# --- 6. the seed figure ------------------------------------------------------------


@pytest.fixture
def seed():
    # per test: conftest closes every figure after each test, which detaches its canvas
    return gridfig.demo.seed_figure()


def test_seed_figure_has_its_panels(seed):
    g = seed
    data, row_groups, col_groups = gridfig.demo.seed_data()
    for name in ("heatmap", "row_dendrogram", "col_dendrogram", "row_colors", "col_colors",
                 "row_labels", "col_labels", "legends"):
        assert name in g.axes, name
    heat = axes_inches(g.axes["heatmap"])
    box = {k: axes_inches(g.axes[k]) for k in g.axes}
    # dendrograms outside the strips, strips next to the heatmap
    assert box["row_dendrogram"][2] < box["row_colors"][0] < box["row_colors"][2] < heat[0]
    assert box["col_dendrogram"][1] > box["col_colors"][3] > box["col_colors"][1] > heat[3]
    # row labels on the right, column labels at the bottom, rotated
    assert box["row_labels"][0] > heat[2]
    assert box["col_labels"][3] < heat[1]
    assert {t.get_rotation() for t in g.axes["col_labels"].texts} == {90.0}
    assert {t.get_rotation() for t in g.axes["row_labels"].texts} == {0.0}
    assert [t.get_text() for t in g.axes["row_labels"].texts] == [data.index[k] for k in g.row_order]
    assert [t.get_text() for t in g.axes["col_labels"].texts] == [data.columns[k] for k in g.col_order]
    # complete linkage of the tutorial's data
    np.testing.assert_array_equal(g.row_order, hierarchy.leaves_list(hierarchy.linkage(data, "complete")))
    np.testing.assert_array_equal(g.col_order, hierarchy.leaves_list(hierarchy.linkage(data.T, "complete")))
    # the two strips with their legends
    legends = legend_entries(g.axes["legends"])
    got = strip_colours(g, "row_colors", "left")
    for i, k in enumerate(g.row_order):
        assert_colour(got[i], legends["population"][row_groups.iloc[k]])
    got = strip_colours(g, "col_colors", "top")
    for j, k in enumerate(g.col_order):
        assert_colour(got[j], legends["block"][col_groups.iloc[k]])


def test_seed_figure_colour_scale(seed):
    g = seed
    im = g.axes["heatmap"].images[0]
    assert im.norm.vmin == -im.norm.vmax
    values = g.data.to_numpy()
    assert im.norm.vmax == pytest.approx(np.abs(values).max())
    assert im.cmap.name.startswith("RdBu_r")
    ax = g.axes["legends"]
    titles = [t for t in ax.texts if t.get_fontweight() in ("bold", 700)]
    assert "Measurements" in [t.get_text() for t in titles]
    title = next(t for t in titles if t.get_text() == "Measurements")
    # the colour scale is a matplotlib Colorbar below its title, of the heatmap's colormap and norm
    (cb,) = colorbars(ax)
    assert cb.norm is im.norm and im.cmap.name.startswith(cb.cmap.name)
    bar = cb.ax.get_window_extent()
    assert bar.y1 < ax.transData.transform(title.get_position())[1]
    # its tick labels are symmetric about 0 and placed at norm(value) along the bar
    ticks = {float(k): v for k, v in colorbar_ticks(cb).items()}
    assert 0.0 in ticks and set(ticks) == {-v for v in ticks}
    for v, (value, y) in ticks.items():
        assert value == v
        assert y == pytest.approx(bar.y0 + float(im.norm(v)) * bar.height, abs=0.5)


def test_seed_figure_gaps_are_1mm(seed):
    g = seed
    box = {k: axes_inches(g.axes[k]) for k in g.axes}
    heat = box["heatmap"]
    gaps = {
        "row strip | heatmap": heat[0] - box["row_colors"][2],
        "row dendrogram | row strip": box["row_colors"][0] - box["row_dendrogram"][2],
        "heatmap / col strip": box["col_colors"][1] - heat[3],
        "col strip / col dendrogram": box["col_dendrogram"][1] - box["col_colors"][3],
        "heatmap | row labels": box["row_labels"][0] - heat[2],
        "col labels / heatmap": heat[1] - box["col_labels"][3],
        "row labels | legends": box["legends"][0] - box["row_labels"][2],
    }
    for what, gap in gaps.items():
        assert gap == pytest.approx(1 * MM, abs=TOL), what
    # side panels span the heatmap exactly
    for k in ("row_colors", "row_dendrogram", "row_labels"):
        assert box[k][[1, 3]] == pytest.approx(heat[[1, 3]], abs=TOL), k
    for k in ("col_colors", "col_dendrogram", "col_labels"):
        assert box[k][[0, 2]] == pytest.approx(heat[[0, 2]], abs=TOL), k
    # strips and dendrograms have the default physical sizes
    assert box["row_colors"][2] - box["row_colors"][0] == pytest.approx(4 * MM, abs=TOL)
    assert box["col_colors"][3] - box["col_colors"][1] == pytest.approx(4 * MM, abs=TOL)
    assert box["row_dendrogram"][2] - box["row_dendrogram"][0] == pytest.approx(12 * MM, abs=TOL)
    assert box["col_dendrogram"][3] - box["col_dendrogram"][1] == pytest.approx(12 * MM, abs=TOL)


def test_seed_figure_nothing_leaves_or_overlaps(seed):
    check_nothing_leaves_or_overlaps(seed)


def test_seed_figure_saves_at_its_size(seed, tmp_path):
    import matplotlib.image as mpimg

    seed.savefig(tmp_path / "seed.png", dpi=50)
    img = mpimg.imread(tmp_path / "seed.png")
    W, H = seed.figure.get_size_inches()
    # matplotlib truncates the pixel size (a 245.8 px height is 245 rows)
    assert img.shape[:2] == (int(H * 50), int(W * 50))


# --- 7. deterministic category colours -----------------------------------------------


def test_category_colours_are_the_same_every_run_and_whatever_the_order():
    data, rows, cols = annotated()
    runs = []
    for perm_seed in (None, None, 5):
        r = rows if perm_seed is None else rows.iloc[np.random.default_rng(perm_seed).permutation(len(rows))]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            g = gf.clustermap(data, row_colors=r, col_colors=cols, figsize=(6, 5))
        runs.append((legend_entries(g.axes["legends"]), strip_colours(g, "row_colors", "left"),
                     strip_colours(g, "col_colors", "top")))
    for other in runs[1:]:
        assert other[0] == runs[0][0]
        np.testing.assert_array_equal(other[1], runs[0][1])
        np.testing.assert_array_equal(other[2], runs[0][2])


@pytest.mark.parametrize("n_categories", [12, 25])
def test_many_categories_get_distinct_colours(n_categories):
    data = frame(50, 4, seed=16)
    labels = [f"group {k:02d}" for k in range(n_categories)]
    rows = pd.Series([labels[i % n_categories] for i in range(50)], index=data.index, name="group")
    g = gf.clustermap(data, row_colors=rows, yticklabels=False, figsize=(6, 8))
    colours = strip_colours(g, "row_colors", "left")
    assert len({tuple(c) for c in np.round(colours, 6)}) == n_categories
    legends = legend_entries(g.axes["legends"])["group"]
    assert set(legends) == set(labels)
    assert len({tuple(np.round(c, 6)) for c in legends.values()}) == n_categories
    for i, k in enumerate(g.row_order):
        assert_colour(colours[i], legends[rows.iloc[k]])
    check_nothing_leaves_or_overlaps(g)


def cielab(rgb):
    """sRGB (0..1) -> CIE L*a*b* (D65)."""
    rgb = np.asarray(rgb, float)[..., :3]
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    M = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = lin @ M.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


@pytest.mark.parametrize("n_categories", [12, 20, 25])
def test_many_categories_are_distinguishable(n_categories):
    # tab20 itself keeps every pair at least dE 16.6 apart; ask for 10
    data = frame(n_categories, 3, seed=21)
    rows = pd.Series([f"g{k:02d}" for k in range(n_categories)], index=data.index, name="group")
    g = quick(data, row_colors=rows, legend=True)
    lab = cielab(np.array(list(legend_entries(g.axes["legends"])["group"].values())))
    d = np.linalg.norm(lab[:, None, :] - lab[None, :, :], axis=-1)
    d[np.diag_indices(n_categories)] = np.inf
    assert d.min() >= 10, np.unravel_index(d.argmin(), d.shape)


# --- 8. sizes ----------------------------------------------------------------------


@pytest.mark.parametrize("figsize", [(6, 5), (9.5, 4.25), ("150mm", "4in")])
def test_figsize_is_kept(figsize):
    data, rows, cols = annotated()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        g = gf.clustermap(data, row_colors=rows, col_colors=cols, figsize=figsize)
    assert tuple(g.figure.get_size_inches()) == pytest.approx([gf.to_inches(v) for v in figsize], abs=1e-9)
    check_nothing_leaves_or_overlaps(g)


@pytest.mark.parametrize("dpi", [72, 100, 300])
@pytest.mark.parametrize("cell_size,expected", [("5mm", (5 * MM, 5 * MM)), (("3mm", "0.25in"), (3 * MM, 0.25))])
def test_cell_size_gives_exact_cells(cell_size, expected, dpi):
    data = frame(9, 14, seed=17)
    g = gf.clustermap(data, cell_size=cell_size, dpi=dpi)
    x0, y0, x1, y1 = axes_inches(g.axes["heatmap"])
    assert x1 - x0 == pytest.approx(14 * expected[0], abs=TOL)
    assert y1 - y0 == pytest.approx(9 * expected[1], abs=TOL)
    check_nothing_leaves_or_overlaps(g)


# --- 9. nothing leaves the figure, nothing overlaps ------------------------------------


def big_long_labelled(**kwargs):
    data = frame(300, 40, seed=18, row="a rather long sample name number ", col="gene of interest ")
    groups = pd.Series([f"cohort {i % 4}" for i in range(300)], index=data.index, name="cohort")
    return data, gf.clustermap(data, row_colors=groups, figsize=(9, 10), **kwargs)


def test_large_matrix_with_long_labels_fits():
    data, g = big_long_labelled()
    rows = g.axes["row_labels"].texts
    # thinned, evenly, each on its row
    assert 10 < len(rows) < 300
    at = {data.index[k]: i for i, k in enumerate(g.row_order)}
    positions = [at[t.get_text()] for t in rows]
    assert len(set(np.diff(positions))) == 1
    np.testing.assert_allclose([text_xy(t)[1] for t in rows], row_centres(g)[positions], atol=1e-6)
    check_nothing_leaves_or_overlaps(g)


def test_long_labels_still_fit_when_saved_at_another_dpi():
    _, g = big_long_labelled()
    g.figure.set_dpi(80)  # what savefig(dpi=80) does while it draws
    check_nothing_leaves_or_overlaps(g)


# --- warnings -------------------------------------------------------------------------


def test_warnings_point_at_the_caller():
    data = frame(6, 4)
    data.iloc[0, 0] = np.nan
    rows = pd.Series(["a", "b"], index=["r0", "zz"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gf.clustermap(data, row_colors=rows, figsize=(5, 4))
    assert len(caught) >= 3
    assert [w.filename for w in caught] == [__file__] * len(caught)


def test_number_valued_strips_get_scales_of_their_own_not_the_bodys():
    import matplotlib.pyplot as plt
    from matplotlib import colormaps

    from gridfig.clustermap import SEQUENTIAL

    data, groups, _ = gf.demo.seed_data()
    score = pd.Series(np.linspace(0, 1, len(data)), index=data.index, name="score")
    depth = pd.Series(np.linspace(5, 9, len(data)), index=data.index, name="depth")
    g = gf.clustermap(data, row_colors=pd.concat([score, depth, groups], axis=1), cmap="Purples")
    maps = {}
    for name, values in (("score", score), ("depth", depth)):
        shown = np.asarray(g.rendered.axes[f"left/{name}"].images[0].get_array()[:, 0, :], dtype=float)
        leaves = values.to_numpy()[g.row_order]
        scaled = (leaves - values.min()) / (values.max() - values.min())
        # which single-hue ramp drew it: the one whose colours the cells are
        maps[name] = [m for m in SEQUENTIAL
                      if np.allclose(shown, colormaps[m](scaled), atol=1e-6)]
    assert maps["score"] and maps["depth"] and maps["score"] != maps["depth"]
    assert "Purples" not in maps["score"] + maps["depth"]  # the body's map is left to the body
    plt.close(g.figure)
