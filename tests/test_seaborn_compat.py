"""seaborn's clustermap interface, read back from what gridfig draws, against seaborn where practical.

The cases follow seaborn's own ``tests/test_matrix.py::TestClustermap``
(z_score, standard_scale, colours as lists, Series and DataFrames, masks,
linkages, labels, result attributes, sizes, cbar_pos, tree_kws), written
anew. Where gridfig differs on purpose (docs/from_seaborn.md lists why) the
test says so and checks gridfig's documented behaviour instead.
"""

from __future__ import annotations

import inspect

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from matplotlib.colors import to_rgba
from scipy.cluster import hierarchy

import gridfig as gf
from helpers import MM, axes_inches

sns = pytest.importorskip("seaborn")

# seaborn's fixture, drawn again: 4 x 8, columns named by a Series called "letters"
_rs = np.random.RandomState(sum(map(ord, "clustermap")))
X = (_rs.randn(4, 8) + np.arange(8)).T + np.arange(4)
X = X.T
LETTERS = pd.Series(list("ABCDEFGH"), name="letters")
DF = pd.DataFrame(X, columns=LETTERS)
ROW_COLORS = sns.color_palette("Set2", DF.shape[0])
COL_COLORS = sns.color_palette("Dark2", DF.shape[1])


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def draw(data=DF, **kwargs):
    return gf.clustermap(data, **kwargs)


def seaborn(data=DF, **kwargs):
    return sns.clustermap(data, **kwargs)


def strip_rgba(ax, side):
    """RGBA per displayed leaf of a strip Axes (rows top first, columns left first)."""
    arr = np.asarray(ax.images[0].get_array())
    return arr[:, 0, :] if side == "left" else arr[0, :, :]


def texts(ax):
    return [t.get_text() for t in ax.texts if t.get_text()]


# --- 1. the signature ---------------------------------------------------------------------------


def test_clustermap_spells_out_every_argument_of_clustered_heatmap_with_the_same_defaults():
    tree = inspect.signature(gf.clustered_heatmap).parameters
    drawn = inspect.signature(gf.clustermap).parameters
    assert not any(p.kind is p.VAR_KEYWORD for p in drawn.values())  # no **kwargs
    for name, p in tree.items():
        if name == "sized":  # clustermap decides it: the body is sized by the data unless figsize/ax
            assert name not in drawn
            continue
        assert name in drawn, name
        assert drawn[name].kind is p.kind, name
        assert drawn[name].default == p.default, name
    extras = set(drawn) - set(tree)
    assert extras == {"figsize", "ax", "dpi", "theme", "fontsize", "dendrogram_ratio", "colors_ratio",
                      "cbar_pos", "square"}


def test_a_misspelt_keyword_is_a_type_error_that_names_clustermap():
    with pytest.raises(TypeError, match=r"clustermap\(\) got an unexpected keyword argument 'metod'"):
        gf.clustermap(DF, metod="single")


def test_every_seaborn_clustermap_argument_and_heatmap_keyword_is_accepted():
    ours = set(inspect.signature(gf.clustermap).parameters)
    theirs = {n for n, p in inspect.signature(sns.clustermap).parameters.items() if p.kind is not p.VAR_KEYWORD}
    assert theirs <= ours, theirs - ours
    # what seaborn passes on to heatmap() (cbar_ax and ax are its own plumbing)
    heat = {n for n in inspect.signature(sns.heatmap).parameters if n not in ("data", "kwargs", "ax", "cbar_ax")}
    assert heat <= ours, heat - ours


@pytest.mark.parametrize("arg", ["row_cluster", "col_cluster", "robust", "cbar", "legend", "square",
                                 "optimal_ordering", "split_blocks", "axis_titles"])
def test_a_flag_given_a_function_is_refused_naming_it_before_anything_is_drawn(arg):
    before = plt.get_fignums()

    def my_clusterer(x):
        return x

    with pytest.raises(gf.InputTypeError, match=rf"^{arg}: expected True or False, got the function my_clusterer"):
        gf.clustermap(DF, **{arg: my_clusterer})
    with pytest.raises(gf.InputTypeError, match=rf"^{arg}: expected True or False, got str 'yes'"):
        gf.clustermap(DF, **{arg: "yes"})
    assert plt.get_fignums() == before


# --- 2. data in: pivot, scaling, labels ----------------------------------------------------------


def test_pivot_kws_pivots_a_long_table_as_seaborn_does():
    wide = DF.copy()
    wide.index.name = "numbers"
    long = pd.melt(wide.reset_index(), var_name="letters", id_vars="numbers")
    kws = dict(index="numbers", columns="letters", values="value")
    g = draw(long, pivot_kws=kws)
    pdt.assert_frame_equal(g.data, wide)  # data order, the index and column names kept
    theirs = seaborn(long, pivot_kws=kws)
    pdt.assert_frame_equal(g.data2d, theirs.data2d)
    # the names are written as the axis titles, beyond the labels
    assert texts(g.axes["right/row_title"]) == ["numbers"]
    assert texts(g.axes["bottom/col_title"]) == ["letters"]


def test_pivot_kws_errors_name_the_argument():
    with pytest.raises(gf.InputTypeError, match="pivot_kws: pivots a long DataFrame, but data is ndarray"):
        gf.clustermap(X, pivot_kws=dict(index=0, columns=1, values=2))
    with pytest.raises(gf.InputError, match="pivot_kws: data.pivot"):
        gf.clustermap(DF, pivot_kws=dict(index="nope", columns="A", values="B"))


@pytest.mark.parametrize("kws", [dict(z_score=1), dict(z_score=0), dict(standard_scale=1), dict(standard_scale=0)])
def test_scaling_matches_seaborn(kws):
    ours = draw(**kws)
    theirs = seaborn(**kws)
    pdt.assert_frame_equal(ours.data2d, theirs.data2d)
    image = ours.ax_heatmap.images[0].get_array()
    np.testing.assert_allclose(image, theirs.data2d.to_numpy())


def test_z_score_and_standard_scale_together_are_refused():
    with pytest.raises(gf.InputError):
        draw(z_score=1, standard_scale=1)


def test_a_correlation_matrix_keeps_its_diagonal():
    g = draw(DF.corr())
    np.testing.assert_allclose(np.diag(g.data2d.to_numpy()), 1.0)
    assert list(g.data2d.index) == list(g.data2d.columns)  # the same order both ways (same linkage)


def test_ndarray_input_gives_a_plain_frame_and_no_strip_axes():
    g = draw(X)
    pdt.assert_frame_equal(g.data, pd.DataFrame(X))
    assert g.ax_row_colors is None and g.ax_col_colors is None
    assert g.row_color_axes == [] and g.col_color_axes == []


def test_a_multiindex_is_written_as_seaborn_writes_it():
    index = pd.MultiIndex.from_tuples([("A", 1), ("A", 2), ("B", 1), ("B", 2)], names=["letter", "number"])
    data = pd.DataFrame(X, index=index, columns=LETTERS)
    g = draw(data, yticklabels=True)
    want = [f"{a}-{b}" for a, b in index[g.row_order]]
    assert texts(g.axes["row_labels"]) == want
    assert texts(g.axes["right/row_title"]) == ["letter-number"]
    # seaborn writes the same labels and axis label
    theirs = seaborn(data)
    assert [t.get_text() for t in theirs.ax_heatmap.get_yticklabels()] == want
    assert theirs.ax_heatmap.get_ylabel() == "letter-number"
    # data2d keeps the MultiIndex and its names
    assert isinstance(g.data2d.index, pd.MultiIndex) and g.data2d.index.names == ["letter", "number"]


def test_axis_titles_sit_beyond_the_labels_and_can_be_left_out():
    data = DF.rename_axis("sample")
    g = draw(data)
    labels, title = axes_inches(g.axes["row_labels"]), axes_inches(g.axes["right/row_title"])
    assert title[0] >= labels[2] - 1e-9  # right of the row labels
    col_labels, col_title = axes_inches(g.axes["col_labels"]), axes_inches(g.axes["bottom/col_title"])
    assert col_title[3] <= col_labels[1] + 1e-9  # below the column labels
    (row_text,) = g.axes["right/row_title"].texts
    assert row_text.get_rotation() == 90
    g = draw(data, axis_titles=False)
    assert "right/row_title" not in g.axes and "bottom/col_title" not in g.axes


def test_custom_ticklabels_follow_the_clustering():
    xtl = list(range(DF.shape[1]))
    ytl = list("wxyz")
    g = draw(xticklabels=xtl, yticklabels=ytl)
    assert texts(g.axes["col_labels"]) == [str(xtl[j]) for j in g.col_order]
    assert texts(g.axes["row_labels"]) == [ytl[i] for i in g.row_order]
    theirs = seaborn(xticklabels=xtl, yticklabels=ytl)
    assert [t.get_text() for t in theirs.ax_heatmap.get_xticklabels()] == texts(g.axes["col_labels"])


def test_no_ticklabels_means_no_label_axes():
    g = draw(xticklabels=False, yticklabels=False)
    assert "row_labels" not in g.axes and "col_labels" not in g.axes
    assert not [t for ax in g.fig.axes for t in ax.texts if t.get_text() in DF.columns]


# --- 3. clustering and the result attributes ------------------------------------------------------


def test_dendrogram_results_match_seaborn():
    g = draw()
    theirs = seaborn()
    assert g.dendrogram_row.reordered_ind == list(theirs.dendrogram_row.reordered_ind)
    assert g.dendrogram_col.reordered_ind == list(theirs.dendrogram_col.reordered_ind)
    np.testing.assert_allclose(g.dendrogram_row.linkage, theirs.dendrogram_row.linkage)
    np.testing.assert_allclose(g.dendrogram_col.linkage, theirs.dendrogram_col.linkage)
    pdt.assert_frame_equal(g.data2d, theirs.data2d)
    # one line per merge in each dendrogram, as seaborn has
    for ours_ax, their_ax in ((g.ax_row_dendrogram, theirs.ax_row_dendrogram),
                              (g.ax_col_dendrogram, theirs.ax_col_dendrogram)):
        assert len(ours_ax.collections[0].get_segments()) == len(their_ax.collections[0].get_paths())


def test_a_precomputed_linkage_gives_its_leaf_order():
    Z = hierarchy.linkage(X.T, method="single")
    g = draw(col_linkage=Z)
    assert g.dendrogram_col.reordered_ind == list(hierarchy.leaves_list(Z))
    np.testing.assert_array_equal(g.dendrogram_col.linkage, Z)
    assert list(g.data2d.columns) == list(DF.columns[hierarchy.leaves_list(Z)])


def test_not_clustering_leaves_the_data_order_and_no_dendrogram():
    g = draw(row_cluster=False, col_cluster=False, row_colors=ROW_COLORS, col_colors=COL_COLORS)
    pdt.assert_frame_equal(g.data2d, DF)
    assert g.dendrogram_row is None and g.dendrogram_col is None  # as seaborn
    # seaborn keeps empty dendrogram Axes; gridfig gives the room to the heatmap (no Axes)
    assert g.ax_row_dendrogram is None and g.ax_col_dendrogram is None
    assert g.ax_row_colors is not None and g.ax_col_colors is not None


def test_result_attributes_are_seaborns_names():
    g = draw(row_colors=ROW_COLORS, col_colors=COL_COLORS)
    assert g.fig is g.figure
    assert g.ax_heatmap is g.axes["heatmap"]
    assert g.ax_row_dendrogram is g.axes["row_dendrogram"] and g.ax_col_dendrogram is g.axes["col_dendrogram"]
    assert g.ax_row_colors is g.axes["row_colors"] and g.ax_col_colors is g.axes["col_colors"]
    assert g.ax_cbar is g.cax and g.ax_cbar in g.axes["legends"].child_axes
    # the colour bar is the heatmap's: its limits are the data's
    lo, hi = g.ax_cbar._colorbar.mappable.norm.vmin, g.ax_cbar._colorbar.mappable.norm.vmax
    assert (lo, hi) == pytest.approx((DF.to_numpy().min(), DF.to_numpy().max()))
    # every Axes is in the figure
    for ax in (g.ax_heatmap, g.ax_row_dendrogram, g.ax_col_dendrogram, g.ax_row_colors, g.ax_col_colors):
        assert ax.get_figure(root=True) is g.fig


def test_savefig_writes_the_figure(tmp_path):
    g = draw()
    g.savefig(tmp_path / "g.png", dpi=50)
    image = plt.imread(tmp_path / "g.png")
    w, h = g.fig.get_size_inches()
    assert image.shape[:2] == pytest.approx((h * 50, w * 50), abs=1)


def test_mask_is_reorganised_with_the_data_and_holds_the_missing_cells():
    data = DF.copy()
    data.iloc[1, 2] = np.nan
    g = draw(data, mask=data > 5)
    pdt.assert_index_equal(g.mask.index, g.data2d.index)
    pdt.assert_index_equal(g.mask.columns, g.data2d.columns)
    want = (data > 5) | data.isna()
    pdt.assert_frame_equal(g.mask, want.iloc[g.row_order, g.col_order])
    image = g.ax_heatmap.images[0].get_array()
    np.testing.assert_array_equal(np.ma.getmaskarray(image), g.mask.to_numpy())


def test_masked_cells_do_not_stretch_the_colour_scale_as_in_seaborn():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.normal(size=(20, 8)) + np.arange(8))
    mask = data > 5
    g, s = draw(data, mask=mask), seaborn(data, mask=mask)
    shown = data.to_numpy()[~mask.to_numpy()]
    assert g.ax_heatmap.images[0].get_clim() == pytest.approx((shown.min(), shown.max()))
    assert g.ax_heatmap.images[0].get_clim() == pytest.approx(s.ax_heatmap.collections[0].get_clim())
    # the same as hiding them with a masked array
    m = draw(np.ma.masked_array(data.to_numpy(), mask.to_numpy()))
    assert m.ax_heatmap.images[0].get_clim() == pytest.approx(g.ax_heatmap.images[0].get_clim())
    # every cell hidden: the limits come from all of them rather than from none
    every = draw(data, mask=np.ones(data.shape, bool))
    assert every.ax_heatmap.images[0].get_clim() == pytest.approx((data.min().min(), data.max().max()))
    plt.close("all")


def test_annotations_follow_the_clustering():
    for annot in (True, DF):
        g = draw(annot=annot, fmt=".1f")
        written = sorted(((t.get_position()[1], t.get_position()[0]), t.get_text()) for t in g.ax_heatmap.texts)
        want = [f"{v:.1f}" for v in np.asarray(g.data2d).flat]
        assert [t for _, t in written] == want


def test_with_a_split_the_single_axes_names_are_the_first_groups():
    data = pd.DataFrame(np.random.default_rng(3).normal(size=(12, 6)))
    groups = pd.Series(["a"] * 6 + ["b"] * 6)
    g = draw(data, row_split=groups)
    assert g.ax_heatmap is g.axes["heatmap[0,0]"]
    assert g.ax_row_dendrogram is g.axes["row_dendrogram[0]"]
    assert g.dendrogram_row.linkage is None  # no tree of all rows: each group has its own
    assert g.dendrogram_row.reordered_ind == list(g.row_order)
    assert g.dendrogram_col.linkage is not None


# --- 4. annotations: seaborn's order --------------------------------------------------------------


def _seaborn_strips(cg, side):
    """seaborn's strip colours as [strip][leaf] RGB, in its own order (leftmost / topmost first)."""
    ax = cg.ax_row_colors if side == "left" else cg.ax_col_colors
    mesh = ax.collections[0]
    n = len(cg.dendrogram_row.reordered_ind if side == "left" else cg.dendrogram_col.reordered_ind)
    colours = mesh.get_facecolors()[:, :3]
    if side == "left":
        return colours.reshape(n, -1, 3).transpose(1, 0, 2)  # rows of (leaf, strip)
    return colours.reshape(-1, n, 3)


@pytest.mark.parametrize("kind", ["frame", "lists"])
def test_several_strips_are_drawn_first_outermost_as_seaborn_draws_them(kind):
    rows = pd.DataFrame({"first": ["r", "g", "b", "k"], "second": ["c", "m", "y", "w"]}, index=DF.index)
    cols = pd.DataFrame({"first": ["r"] * 4 + ["b"] * 4, "second": ["g", "k"] * 4}, index=DF.columns)
    if kind == "lists":
        rows, cols = [list(rows[c]) for c in rows], [list(cols[c]) for c in cols]
    g = draw(row_colors=rows, col_colors=cols)
    theirs = seaborn(row_colors=rows, col_colors=cols)
    for side, axes in (("left", g.row_color_axes), ("top", g.col_color_axes)):
        want = _seaborn_strips(theirs, side)
        assert len(axes) == len(want) == 2
        for ax, their in zip(axes, want):
            np.testing.assert_allclose(strip_rgba(ax, side)[:, :3], their)
    # outermost first: the first strip is farther from the heatmap than the second
    heat = axes_inches(g.ax_heatmap)
    first, second = (axes_inches(ax) for ax in g.row_color_axes)
    assert first[2] < second[0] < second[2] < heat[0]
    first, second = (axes_inches(ax) for ax in g.col_color_axes)
    assert first[1] > second[3] and second[1] > heat[3]
    assert g.ax_row_colors is g.row_color_axes[-1]  # the strip nearest the heatmap


def test_colour_strips_from_lists_series_and_palettes_match_seaborn():
    series_rows = pd.Series(list(ROW_COLORS), index=DF.index, name="row_annot")
    for rows in (ROW_COLORS, series_rows, series_rows.iloc[::-1]):  # a Series is matched by label
        g = draw(row_colors=rows, col_colors=COL_COLORS)
        theirs = seaborn(row_colors=rows, col_colors=COL_COLORS)
        np.testing.assert_allclose(strip_rgba(g.ax_row_colors, "left")[:, :3], _seaborn_strips(theirs, "left")[0])
        np.testing.assert_allclose(strip_rgba(g.ax_col_colors, "top")[:, :3], _seaborn_strips(theirs, "top")[0])


def test_a_missing_colour_is_drawn_in_the_missing_colour_not_white():
    rows = pd.Series(list(ROW_COLORS), index=DF.index, name="row_annot").drop(DF.index[0])
    g = draw(row_colors=rows)
    shown = strip_rgba(g.ax_row_colors, "left")
    k = list(g.row_order).index(0)
    np.testing.assert_allclose(shown[k], to_rgba(gf.Theme().missing_color))  # seaborn: white
    others = [i for i in range(4) if i != k]
    np.testing.assert_allclose(shown[others, :3], np.array(ROW_COLORS)[np.asarray(g.row_order)[others]])


def test_strips_ignore_the_heatmap_colour_settings():
    data = np.random.RandomState(0).uniform(0, 200, DF.shape)
    from matplotlib.colors import LogNorm

    g = draw(data, row_colors=ROW_COLORS, col_colors=COL_COLORS, cmap="Spectral", norm=LogNorm())
    np.testing.assert_allclose(strip_rgba(g.ax_row_colors, "left")[:, :3], np.array(ROW_COLORS)[g.row_order])
    np.testing.assert_allclose(strip_rgba(g.ax_col_colors, "top")[:, :3], np.array(COL_COLORS)[g.col_order])


# --- 5. sizes: dendrogram_ratio, colors_ratio, square -------------------------------------------------


def test_ratios_are_fractions_of_the_figure_size_asked_for():
    g = draw(figsize=(8, 6), dendrogram_ratio=(0.15, 0.25), colors_ratio=0.04,
             row_colors=[ROW_COLORS, ROW_COLORS], col_colors=COL_COLORS)
    width = lambda ax: axes_inches(ax)[2] - axes_inches(ax)[0]  # noqa: E731
    height = lambda ax: axes_inches(ax)[3] - axes_inches(ax)[1]  # noqa: E731
    assert width(g.ax_row_dendrogram) == pytest.approx(0.15 * 8)
    assert height(g.ax_col_dendrogram) == pytest.approx(0.25 * 6)
    assert [width(ax) for ax in g.row_color_axes] == pytest.approx([0.04 * 8] * 2)
    assert height(g.ax_col_colors) == pytest.approx(0.04 * 6)
    # larger ratios: larger margins, a smaller heatmap (seaborn's comparative test)
    h = draw(figsize=(8, 6), dendrogram_ratio=(0.2, 0.3), colors_ratio=0.06,
             row_colors=[ROW_COLORS, ROW_COLORS], col_colors=COL_COLORS)
    assert width(h.ax_row_dendrogram) > width(g.ax_row_dendrogram)
    assert height(h.ax_col_colors) > height(g.ax_col_colors)
    assert width(h.ax_heatmap) < width(g.ax_heatmap) and height(h.ax_heatmap) < height(g.ax_heatmap)


def test_ratios_without_a_figure_size_are_fractions_of_the_body():
    g = draw(dendrogram_ratio=0.5)
    body = axes_inches(g.ax_heatmap)
    dend = axes_inches(g.ax_row_dendrogram)
    assert dend[2] - dend[0] == pytest.approx(0.5 * (body[2] - body[0]))
    col = axes_inches(g.ax_col_dendrogram)
    assert col[3] - col[1] == pytest.approx(0.5 * (body[3] - body[1]))


def test_ratios_are_checked():
    with pytest.raises(gf.InputError, match="dendrogram_ratio: expected fractions"):
        draw(dendrogram_ratio=1.5)
    with pytest.raises(gf.InputError, match="colors_ratio: expected a fraction or a"):
        draw(colors_ratio=(0.1, 0.2, 0.3))
    with pytest.raises(gf.InputError, match="dendrogram_ratio: give either dendrogram_ratio"):
        draw(dendrogram_ratio=0.2, dendrogram_size="2cm")


@pytest.mark.parametrize("figsize", [None, (8, 5), (5, 8)])
def test_square_cells_are_square(figsize):
    g = draw(figsize=figsize, square=True)
    x0, y0, x1, y1 = axes_inches(g.ax_heatmap)
    n_rows, n_cols = DF.shape
    assert (x1 - x0) / n_cols == pytest.approx((y1 - y0) / n_rows, abs=1e-9)
    if figsize is not None:
        assert tuple(g.fig.get_size_inches()) == figsize
        # the body is as large as fits: along the binding axis, within a few percent of the room
        # the body gets without square
        free = axes_inches(draw(figsize=figsize).ax_heatmap)
        assert max((x1 - x0) / (free[2] - free[0]), (y1 - y0) / (free[3] - free[1])) > 0.9


def test_seaborn_ignores_square_gridfig_draws_it():
    with pytest.warns(UserWarning, match="square"):
        seaborn(square=True)


# --- 6. the colour bar: cbar_pos, cbar_kws ----------------------------------------------------------


def test_cbar_pos_places_the_colour_bar_there():
    pos = (0.2, 0.1, 0.4, 0.3)
    with pytest.warns(gf.GridfigWarning, match="cbar_pos: the colour bar covers .*heatmap"):
        g = draw(cbar_pos=pos, cbar_kws=dict(label="value", ticks=[2, 4, 6]))
    p = g.ax_cbar.get_position()
    assert (p.x0, p.y0, p.width, p.height) == pytest.approx(pos)
    assert g.ax_cbar._colorbar.ax.get_ylabel() == "value"
    assert list(g.ax_cbar.get_yticks()) == [2, 4, 6]
    # not also in the legend area
    assert "legends" not in g.axes or not any(getattr(c, "_colorbar", None) for c in g.axes["legends"].child_axes)
    theirs = seaborn(cbar_pos=pos)
    assert tuple(theirs.ax_cbar.get_position().bounds) == pytest.approx(tuple(p.bounds))


def test_seaborns_default_corner_is_free_with_seaborns_default_ratio():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", gf.GridfigWarning)
        g = draw(figsize=(10, 10), dendrogram_ratio=0.2, cbar_pos=(0.02, 0.8, 0.05, 0.18))
    cbar = axes_inches(g.ax_cbar)
    for ax in (g.ax_heatmap, g.ax_row_dendrogram, g.ax_col_dendrogram):
        box = axes_inches(ax)
        assert cbar[2] <= box[0] + 1e-9 or cbar[3] <= box[1] + 1e-9 or box[3] <= cbar[1] + 1e-9


def test_in_a_host_region_ratios_and_cbar_pos_are_fractions_of_the_region():
    fig, axs = plt.subplots(1, 2, figsize=(12, 6), layout="none")
    region = axes_inches(axs[1])
    with pytest.warns(gf.GridfigWarning, match="covers heatmap"):  # the middle of the region
        g = gf.clustermap(DF, ax=axs[1], dendrogram_ratio=0.1, cbar_pos=(0.5, 0.5, 0.05, 0.2))
    W, H = region[2] - region[0], region[3] - region[1]
    dend = axes_inches(g.ax_row_dendrogram)
    assert dend[2] - dend[0] == pytest.approx(0.1 * W)
    cbar = axes_inches(g.ax_cbar)
    assert cbar == pytest.approx([region[0] + 0.5 * W, region[1] + 0.5 * H,
                                  region[0] + 0.55 * W, region[1] + 0.7 * H])
    assert tuple(fig.get_size_inches()) == (12, 6)  # the host keeps its size


def test_cbar_pos_none_draws_no_colour_bar():
    g = draw(cbar_pos=None)
    assert g.ax_cbar is None
    assert not any(getattr(ax, "_colorbar", None) for ax in g.fig.axes)


def test_cbar_pos_is_checked_before_drawing():
    before = plt.get_fignums()
    with pytest.raises(gf.InputError, match="cbar_pos: expected"):
        draw(cbar_pos=(0.1, 0.2))
    with pytest.raises(gf.InputError, match="cbar_kws: unknown keys 'shrink'"):
        draw(cbar_pos=(0.1, 0.1, 0.1, 0.1), cbar_kws=dict(shrink=0.5))
    assert plt.get_fignums() == before


# --- 7. tree_kws ----------------------------------------------------------------------------------------


def test_tree_kws_style_the_dendrogram_lines():
    rgb = (1, 0.5, 0.2)
    g = draw(tree_kws=dict(color=rgb, linewidths=2, linestyles="dashed"))
    theirs = seaborn(tree_kws=dict(color=rgb))
    for ax, their in ((g.ax_row_dendrogram, theirs.ax_row_dendrogram),
                      (g.ax_col_dendrogram, theirs.ax_col_dendrogram)):
        (tree,) = ax.collections
        assert tuple(tree.get_color().squeeze())[:3] == rgb == tuple(their.collections[0].get_color().squeeze())[:3]
        assert tree.get_linewidths()[0] == 2
        assert tree.get_linestyles()[0][1] is not None  # dashed


def test_tree_kws_are_checked():
    with pytest.raises(gf.InputError, match="tree_kws: colors='nonsense' is not a matplotlib colour"):
        draw(tree_kws=dict(colors="nonsense"))
    with pytest.raises(gf.InputError, match="tree_kws:.*wobble"):
        draw(tree_kws=dict(wobble=3))


def test_dendrogram_line_width_is_in_inches_unaffected_by_figsize():
    a = draw(figsize=(6, 6))
    b = draw(figsize=(10, 10))
    wa = axes_inches(a.ax_row_dendrogram)
    wb = axes_inches(b.ax_row_dendrogram)
    assert wa[2] - wa[0] == pytest.approx(wb[2] - wb[0]) == pytest.approx(12 * MM)


def test_strip_names_are_written_in_seaborns_order():
    rows = pd.DataFrame({"row_1": list(ROW_COLORS), "row_2": list(ROW_COLORS)}, index=DF.index)
    cols = pd.DataFrame({"col_1": list(COL_COLORS), "col_2": list(COL_COLORS)}, index=DF.columns)
    g = draw(row_colors=rows, col_colors=cols)
    theirs = seaborn(row_colors=rows, col_colors=cols)
    assert [texts(ax) for ax in g.row_color_axes] == [[t.get_text()] for t in theirs.ax_row_colors.get_xticklabels()]
    assert [texts(ax) for ax in g.col_color_axes] == [[t.get_text()] for t in theirs.ax_col_colors.get_yticklabels()]
    assert theirs.row_color_labels == ["row_1", "row_2"]


def test_annotations_whose_labels_cannot_match_the_data_are_refused_naming_them():
    # seaborn raises TypeError for a Series beside an unlabelled array; gridfig matches by label
    # (an array's labels are its positions) and says why nothing matches
    colours = pd.Series(list(ROW_COLORS), index=list("wxyz"), name="row_annot")
    with pytest.raises(gf.InputError, match="row_annot: .*string values .*integer values"):
        draw(X, row_colors=colours)
    g = draw(X, row_colors=pd.Series(list(ROW_COLORS)))  # labelled 0..3, as the array's rows are
    np.testing.assert_allclose(strip_rgba(g.ax_row_colors, "left")[:, :3], np.array(ROW_COLORS)[g.row_order])


# --- the body's colours, against seaborn's drawn colours ------------------------------------------

SIGNED = pd.DataFrame(np.random.default_rng(11).normal(0.6, 1.4, size=(6, 5)),
                      index=[f"r{i}" for i in range(6)], columns=[f"c{j}" for j in range(5)])


def gridfig_cell_rgba(data, **kwargs) -> np.ndarray:
    """The colours gridfig draws for each cell, read from the rendered pixels, in data order."""
    from test_clustermap import col_centres, pixel, render_rgba, row_centres

    g = gf.clustermap(data, row_cluster=False, col_cluster=False, xticklabels=False, yticklabels=False,
                      cell_size="8mm", dpi=100, **kwargs)
    buf = render_rgba(g.figure)
    ys, xs = row_centres(g), col_centres(g)
    return np.array([[pixel(buf, x, y) for x in xs] for y in ys])


def seaborn_cell_rgba(data, **kwargs) -> np.ndarray:
    """The colours seaborn's heatmap draws for each cell (its mesh's face colours), in data order."""
    fig, ax = plt.subplots()
    mesh = sns.heatmap(data, ax=ax, cbar=False, **kwargs).collections[0]
    fig.canvas.draw()
    return np.asarray(mesh.get_facecolors()).reshape(data.shape + (4,))


CENTRED = [  # seaborn's meaning: one slope about the centre, the colormap cut to vmin..vmax
    dict(center=0, vmin=-1, vmax=3), dict(center=0, vmin=-1), dict(center=0, vmax=2),
    dict(center=5, vmin=-1, vmax=3), dict(center=-3, vmin=-1, vmax=3), dict(center=0.5, vmin=-2),
]
ALREADY = [dict(), dict(vmin=-1, vmax=1.5), dict(robust=True)]  # these matched before: they still do
ROBUST_CENTRED = [dict(robust=True, center=0), dict(robust=True, center=1)]  # cells beyond the percentiles
#: a centre alone: gridfig's limits are symmetric about it (docs/from_seaborn.md), seaborn's are the data's
#: with the colormap cut, resampled from its 256 colours: the same colours up to one step of the colormap
CENTRE_ALONE = [dict(center=0), dict(center=1)]


def _ids(kwargs):
    return ",".join(f"{a}={v}" for a, v in kwargs.items()) or "plain"


@pytest.mark.parametrize("kwargs", CENTRED + ROBUST_CENTRED + ALREADY + CENTRE_ALONE, ids=_ids)
def test_cell_colours_are_seaborns_for_the_same_limits_and_centre(kwargs):
    import matplotlib

    cmap = "RdBu_r" if "center" in kwargs else "viridis"  # seaborn's defaults are its own colormaps
    got = gridfig_cell_rgba(SIGNED, cmap=cmap, **kwargs)
    want = seaborn_cell_rgba(SIGNED, cmap=cmap, **kwargs)
    step = np.abs(np.diff(matplotlib.colormaps[cmap](np.arange(256)), axis=0)).max()
    np.testing.assert_allclose(got, want, atol=(step if kwargs in CENTRE_ALONE else 0) + 1.5 / 255)


def test_cell_colours_are_seaborns_with_a_norm():
    from matplotlib.colors import BoundaryNorm, LogNorm, TwoSlopeNorm

    positive = np.exp(SIGNED)
    for data, norm in ((positive, LogNorm()), (SIGNED, TwoSlopeNorm(vcenter=0)),
                       (SIGNED, BoundaryNorm([-3, -1, 0, 0.5, 1, 4], ncolors=256))):
        got = gridfig_cell_rgba(data, cmap="RdBu_r", norm=norm)
        want = seaborn_cell_rgba(data, cmap="RdBu_r", norm=norm)
        np.testing.assert_allclose(got, want, atol=1.5 / 255, err_msg=type(norm).__name__)
        plt.close("all")


def one_step(cmap: str = "RdBu_r") -> float:
    """The largest change of a channel between neighbouring colours of ``cmap``'s 256.

    Two colour bars of different lengths in pixels, read at the same fractions, can land on
    neighbouring colours of the colormap: they agree to one step.
    """
    import matplotlib

    return float(np.abs(np.diff(matplotlib.colormaps[cmap](np.arange(256)), axis=0)).max())


def bar_rgba(cax, fractions) -> np.ndarray:
    """Drawn colours along a vertical colour bar, at fractions of its length from the bottom."""
    from test_clustermap import pixel, render_rgba

    buf = render_rgba(cax.get_figure(root=True))
    bb = cax.get_window_extent()
    return np.array([pixel(buf, (bb.x0 + bb.x1) / 2, bb.y0 + f * bb.height) for f in fractions])


@pytest.mark.parametrize("kwargs", CENTRED[:4], ids=_ids)
def test_with_a_centre_the_colour_bar_shows_vmin_to_vmax_in_the_cut_colormap_as_seaborn(kwargs):
    g = gf.clustermap(SIGNED, row_cluster=False, col_cluster=False, cmap="RdBu_r", **kwargs)
    s = sns.clustermap(SIGNED, row_cluster=False, col_cluster=False, cmap="RdBu_r", **kwargs)
    values = SIGNED.to_numpy()
    lo, hi = kwargs.get("vmin", values.min()), kwargs.get("vmax", values.max())
    assert g.ax_cbar.get_ylim() == pytest.approx((lo, hi))
    assert s.ax_cbar.get_ylim() == pytest.approx((lo, hi))
    fractions = np.linspace(0.03, 0.97, 15)
    np.testing.assert_allclose(bar_rgba(g.ax_cbar, fractions), bar_rgba(s.ax_cbar, fractions),
                               atol=one_step() + 1.5 / 255)


def test_a_cut_colormap_keeps_the_under_and_over_colours_given_as_seaborns_does():
    import matplotlib

    cmap = matplotlib.colormaps["RdBu_r"].with_extremes(under="lime", over="black")
    kwargs = dict(cmap=cmap, center=0, vmin=-1, vmax=2)
    values = SIGNED.to_numpy()
    assert (values < -1).any() and (values > 2).any()
    got, want = gridfig_cell_rgba(SIGNED, **kwargs), seaborn_cell_rgba(SIGNED, **kwargs)
    np.testing.assert_allclose(got, want, atol=1.5 / 255)
    np.testing.assert_allclose(got[values < -1], [to_rgba("lime")] * (values < -1).sum(), atol=1.5 / 255)
    np.testing.assert_allclose(got[values > 2], [to_rgba("black")] * (values > 2).sum(), atol=1.5 / 255)


def test_a_colour_bar_at_cbar_pos_shows_the_cut_colormap_too():
    kwargs = dict(row_cluster=False, col_cluster=False, cmap="RdBu_r", center=0, vmin=-1, vmax=3,
                  cbar_pos=(0.02, 0.8, 0.05, 0.18))
    with pytest.warns(gf.GridfigWarning, match="cbar_pos"):
        g = gf.clustermap(SIGNED, figsize=(6, 6), **kwargs)
    s = sns.clustermap(SIGNED, **kwargs)
    assert g.ax_cbar.get_ylim() == pytest.approx((-1, 3))
    fractions = np.linspace(0.03, 0.97, 15)
    np.testing.assert_allclose(bar_rgba(g.ax_cbar, fractions), bar_rgba(s.ax_cbar, fractions),
                               atol=one_step() + 1.5 / 255)


@pytest.mark.parametrize("annot, fmt", [(True, "d"), ("array", "d"), ("text", "s")])
def test_seaborns_integer_and_text_formats_write_what_seaborn_writes(annot, fmt):
    counts = pd.DataFrame([[50, 2, 3], [4, 40, 6], [1, 8, 45]], index=list("abc"), columns=list("abc"))
    annot = {"array": counts.to_numpy(), "text": counts.astype(str)}.get(annot, annot)
    kwargs = dict(row_cluster=False, col_cluster=False, annot=annot, fmt=fmt)
    g, s = draw(counts, cell_size="10mm", **kwargs), seaborn(counts, **kwargs)

    def by_cell(ax):
        return sorted(((t.get_position()[1], t.get_position()[0]), t.get_text()) for t in ax.texts)

    assert by_cell(g.ax_heatmap) == by_cell(s.ax_heatmap)
    assert [t for _, t in by_cell(g.ax_heatmap)] == ["50", "2", "3", "4", "40", "6", "1", "8", "45"]
