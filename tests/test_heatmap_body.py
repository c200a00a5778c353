"""The heatmap body, read back: annotations, masks, borders, norms and their colour bars, layers,
dot and categorical heatmaps, and a user's own legend block."""

from __future__ import annotations

import io
from typing import ClassVar

import attrs
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import BoundaryNorm, LogNorm, Normalize, TwoSlopeNorm, to_rgba

import gridfig as gf
from helpers import colorbar_ticks, colorbars, shown_ticklabels
from test_clustermap import MISSING, frame, legend_entries, quick


def texts_by_cell(ax):
    """{(i, j): Text} of the texts drawn at cell centres (data coordinates j + 0.5, i + 0.5)."""
    out = {}
    for t in ax.texts:
        x, y = t.get_position()
        i, j = y - 0.5, x - 0.5
        assert i == int(i) and j == int(j), (x, y)
        out[int(i), int(j)] = t
    return out


# --- annot ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("split", [None, "groups"])
def test_annot_text_is_the_formatted_value_of_the_cell_shown(split):
    data = frame(9, 5, seed=1)
    kwargs = dict(annot=True, fmt=".3f", cell_size="12mm")
    if split:
        kwargs["row_split"] = pd.Series(list("aaabbbbcc"), index=data.index)
    g = quick(data, **kwargs)
    values = g.data.to_numpy()
    for gi, (_, rows) in enumerate(g.row_groups):
        ax = g.axes[f"heatmap[{gi},0]" if split else "heatmap"]
        texts = texts_by_cell(ax)
        assert len(texts) == len(rows) * len(g.col_order)
        for (i, j), t in texts.items():
            assert t.get_text() == format(values[rows[i], g.col_order[j]], ".3f")


def test_annot_frame_is_matched_by_label_and_text_contrasts_with_the_cell():
    data = pd.DataFrame([[0.0, 1.0], [1.0, 0.0]], index=["x", "y"], columns=["p", "q"])
    notes = pd.DataFrame([["yq", "yp"], ["xq", "xp"]], index=["y", "x"], columns=["q", "p"])
    heat = gf.Heatmap.from_frame(data, cmap="gray", annot=notes)
    out = gf.render(heat, figsize=(2, 2))
    texts = texts_by_cell(out.axes["heatmap"])
    assert {k: t.get_text() for k, t in texts.items()} == {(0, 0): "xp", (0, 1): "xq", (1, 0): "yp", (1, 1): "yq"}
    # black cells get light text, white cells dark text
    assert to_rgba(texts[0, 0].get_color()) == to_rgba("white")
    assert to_rgba(texts[0, 1].get_color()) == to_rgba("0.15")


def test_annot_in_cells_too_small_writes_nothing_and_says_what_would_fit():
    data = frame(60, 40)
    with pytest.warns(UserWarning, match=r"annot: cells are .* no values written .*annot_kws=\{'size'"):
        g = quick(data, annot=True, figsize=(4, 4))
    assert len(g.axes["heatmap"].texts) == 0


def test_bad_fmt_and_misshapen_annot_are_refused():
    with pytest.raises(gf.InputError, match="fmt"):
        gf.Heatmap(data=np.eye(2), annot=True, fmt="%d")
    with pytest.raises(gf.InputError, match="annot: shape"):
        gf.Heatmap(data=np.eye(2), annot=np.eye(3))


CONFUSION = pd.DataFrame([[50, 2, 3], [4, 40, 6], [1, 8, 45]], index=list("abc"), columns=list("abc"))


def written(data, **kwargs) -> dict:
    """{(row label, column label): text} of the values written in an unclustered clustermap's cells."""
    g = quick(data, row_cluster=False, col_cluster=False, cell_size="10mm", **kwargs)
    rows, cols = g.data2d.index, g.data2d.columns
    return {(rows[i], cols[j]): t.get_text() for (i, j), t in texts_by_cell(g.ax_heatmap).items()}


def cellwise(frame, f):
    """``frame.map(f)`` (pandas >= 2.1), ``frame.applymap(f)`` before it (the minimum is 1.5)."""
    return frame.map(f) if hasattr(frame, "map") else frame.applymap(f)


def as_texts(frame) -> dict:
    return {(r, c): v for r, row in frame.iterrows() for c, v in row.items()}


@pytest.mark.parametrize("annot", [True, CONFUSION.to_numpy(), CONFUSION, CONFUSION.astype(float)],
                         ids=["data", "int array", "int frame", "whole floats"])
def test_fmt_d_writes_integers(annot):
    assert written(CONFUSION, annot=annot, fmt="d") == as_texts(CONFUSION.astype(str))
    assert written(CONFUSION, annot=annot, fmt="03d") == as_texts(cellwise(CONFUSION, lambda v: f"{v:03d}"))


@pytest.mark.parametrize("fmt", ["s", "", ">3"])
def test_text_annot_takes_a_format_spec_for_text(fmt):
    notes = CONFUSION.astype(str)
    assert written(CONFUSION, annot=notes, fmt=fmt) == as_texts(cellwise(notes, lambda v: format(v, fmt)))


def test_fmt_d_for_values_that_are_not_whole_is_refused_naming_them_before_drawing():
    data = CONFUSION.astype(float)
    data.iloc[0, 1] = 2.5
    figures = plt.get_fignums()
    with pytest.raises(gf.InputError, match=r"fmt: 'd' writes integers, but 1 of the values to write are not "
                                            r"whole numbers: 2\.5;"):
        gf.clustermap(data, annot=True, fmt="d")
    with pytest.raises(gf.InputError, match=r"fmt: 'd' writes integers, but 9 .*: 49\.5, 1\.5, 2\.5"):
        gf.clustermap(CONFUSION, annot=CONFUSION - 0.5, fmt="d")
    assert plt.get_fignums() == figures
    # a hidden or missing cell is not written, so its value does not matter
    data.iloc[1, 1] = np.nan
    assert written(data, annot=True, fmt="d", mask=data == 2.5) == {
        k: v for k, v in as_texts(CONFUSION.astype(str)).items() if k not in {("a", "b"), ("b", "b")}}


def test_a_spec_for_text_with_numbers_to_write_is_refused_naming_one():
    with pytest.raises(gf.InputError, match=r"fmt: 's' is not a format spec for numbers, but the values to "
                                            r"write include 50"):
        gf.clustermap(CONFUSION, annot=True, fmt="s")
    mixed = CONFUSION.astype(object)
    mixed.iloc[0, 0] = "many"
    with pytest.raises(gf.InputError, match=r"fmt: 's' .* include 2, 3, 4"):
        gf.clustermap(CONFUSION, annot=mixed, fmt="s")
    with pytest.raises(gf.InputTypeError, match="fmt: expected a format spec"):
        gf.clustermap(CONFUSION, annot=True, fmt=2)


# --- mask -----------------------------------------------------------------------------------------


def test_masked_cells_are_not_drawn_and_clustering_ignores_the_mask():
    data = frame(8, 6, seed=2)
    mask = data > 0.8
    plain = quick(data)
    g = quick(data, mask=mask, annot=True, cell_size="12mm")
    np.testing.assert_array_equal(g.row_order, plain.row_order)  # seaborn: the full data is clustered
    np.testing.assert_array_equal(g.col_order, plain.col_order)
    ax = g.axes["heatmap"]
    arr = ax.images[0].get_array()
    hidden = mask.to_numpy()[np.ix_(g.row_order, g.col_order)]
    np.testing.assert_array_equal(np.ma.getmaskarray(arr), hidden)
    np.testing.assert_allclose(arr.data[~hidden], g.data2d.to_numpy()[~hidden])
    assert ax.images[0].cmap.get_bad()[3] == 0  # hidden, not painted in the missing colour
    drawn = set(texts_by_cell(ax))
    assert drawn == {(i, j) for i, j in zip(*np.nonzero(~hidden))}


def test_missing_cells_stay_grey_beside_a_mask():
    data = np.arange(6.0).reshape(2, 3)
    data[0, 0] = np.nan
    mask = np.zeros((2, 3), bool)
    mask[1, 2] = True
    ax = gf.render(gf.Heatmap(data=data, mask=mask), figsize=(2, 2)).axes["heatmap"]
    under = ax.images[1].get_array()
    assert tuple(under[0, 0]) == MISSING and under[1, 2][3] == 0
    assert ax.images[1].get_zorder() < ax.images[0].get_zorder()


def drawn_hidden(g) -> pd.DataFrame:
    """The cells the body's image leaves out, by label (read from the drawn image's mask)."""
    arr = g.ax_heatmap.images[0].get_array()
    return pd.DataFrame(np.ma.getmaskarray(arr), index=g.data2d.index, columns=g.data2d.columns)


def test_mask_and_annot_frames_with_labels_not_in_the_data_warn_naming_them_and_match_the_rest():
    data = frame(4, 3, seed=5)
    mask = (data > 0.5).iloc[::-1, ::-1]  # another order: matched by label
    mask.loc["typo_r7"] = True
    mask["c_extra"] = True
    notes = cellwise(data, lambda v: f"{v:.1f}!").iloc[::-1]
    notes.loc["typo_r7"] = "x"
    with pytest.warns(UserWarning) as caught:
        g = quick(data, mask=mask, annot=notes, cell_size="12mm")
    said = [str(w.message) for w in caught if "DataFrame" in str(w.message)]
    assert said == ["mask: 2 labels of the DataFrame are not in the data and are ignored: rows 'typo_r7'; "
                    "columns 'c_extra'",
                    "annot: 1 labels of the DataFrame are not in the data and are ignored: rows 'typo_r7'"]
    import os  # said at the user's line, not inside gridfig

    assert not any(os.path.dirname(gf.__file__) in w.filename for w in caught if "DataFrame" in str(w.message))
    want = (data > 0.5).loc[g.data2d.index, g.data2d.columns]
    pdt.assert_frame_equal(drawn_hidden(g), want)
    rows, cols = g.data2d.index, g.data2d.columns
    texts = {(rows[i], cols[j]): t.get_text() for (i, j), t in texts_by_cell(g.ax_heatmap).items()}
    assert texts == {(r, c): f"{data.loc[r, c]:.1f}!" for r in rows for c in cols if not want.loc[r, c]}


@pytest.mark.parametrize("arg", ["mask", "annot"])
def test_mask_and_annot_frames_lacking_labels_of_the_data_are_refused_naming_them(arg):
    data = frame(5, 4, seed=6)
    table = (data > 0).iloc[2:, 1:]
    figures = plt.get_fignums()
    with pytest.raises(gf.InputError, match=rf"^{arg}: the DataFrame has no entry for 2 of the data's 5 rows: "
                                            rf"'r0', 'r1'; and for 1 of the data's 4 columns: 'c0'\. It is "
                                            rf"matched by label"):
        gf.clustermap(data, **{arg: table})
    # labelled otherwise altogether: what its labels are is said too
    with pytest.raises(gf.InputError, match=rf"^{arg}: the DataFrame has no entry for 5 of the data's 5 rows: "
                                            rf"'r0', .* \(the DataFrame's: 0, 1, 2 and 2 more\)"):
        gf.clustermap(data, **{arg: (data > 0).reset_index(drop=True)})
    assert plt.get_fignums() == figures


def test_a_mask_frame_with_repeated_labels_is_refused_unless_they_are_the_datas_in_order():
    data = frame(4, 3, seed=7)
    doubled = (data > 0).iloc[[0, 1, 2, 3, 0]]
    with pytest.raises(gf.InputError, match=r"^mask: the DataFrame's row labels repeat \('r0'\)"):
        gf.clustermap(data, mask=doubled)
    # the data's own labels repeat and the mask is made from the data: nothing to match, read as it is
    twice = data.set_axis(["a", "b", "a", "c"], axis=0)
    g = quick(twice, mask=twice > 0, row_cluster=False, col_cluster=False)
    np.testing.assert_array_equal(drawn_hidden(g).to_numpy(), (twice > 0).to_numpy())
    with pytest.raises(gf.InputError, match=r"^mask: the data's row labels repeat \('a'\); matching"):
        gf.clustermap(twice, mask=(twice > 0).set_axis(list("abcd"), axis=0))


def test_a_mask_frame_over_a_masked_array_is_matched_by_label():
    values = np.arange(6.0).reshape(3, 2)
    data = np.ma.masked_array(values, mask=[[0, 0], [0, 0], [0, 1]])
    mask = pd.DataFrame([[True, False], [False, False], [False, False]], index=[2, 1, 0])
    g = quick(data, mask=mask, row_cluster=False, col_cluster=False)
    np.testing.assert_array_equal(drawn_hidden(g).to_numpy(), [[False, False], [False, False], [True, True]])


# --- borders --------------------------------------------------------------------------------------


def test_borders_are_one_collection_of_unbroken_grid_lines():
    heat = gf.Heatmap(data=np.arange(12.0).reshape(3, 4), linewidths=1.5, linecolor="black")
    out = gf.render(heat, figsize=(3, 2))
    ax = out.axes["heatmap"]
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    segs = sorted(tuple(map(tuple, s)) for s in np.round(lines.get_segments(), 9))
    want = sorted([((0.0, y), (4.0, y)) for y in (1.0, 2.0)] + [((x, 0.0), (x, 3.0)) for x in (1.0, 2.0, 3.0)])
    assert segs == want  # whole lines across the body: no seams between cells
    assert lines.get_linewidths()[0] == 1.5
    buf = io.BytesIO()
    out.figure.savefig(buf, format="svg")
    assert buf.getvalue().decode().count('id="LineCollection_') == 1


def test_borders_skip_masked_cells():
    mask = np.zeros((2, 2), bool)
    mask[:, 1] = True  # the right column hidden: only the horizontal line under the left column
    ax = gf.render(gf.Heatmap(data=np.eye(2), mask=mask, linewidths=1), figsize=(2, 2)).axes["heatmap"]
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    segs = sorted(tuple(map(tuple, s)) for s in np.round(lines.get_segments(), 9))
    assert segs == [((0.0, 1.0), (1.0, 1.0)), ((1.0, 0.0), (1.0, 2.0))]


# --- norms and colour bars ------------------------------------------------------------------------


def legend_bar(out, path="right/legends"):
    (cb,) = colorbars(out.axes[path])
    return cb


def positions_along(cb):
    bar = cb.ax.get_window_extent()
    return {k: (v, (at - bar.y0) / bar.height) for k, (v, at) in colorbar_ticks(cb).items()}


def test_log_norm_draws_and_its_bar_has_decade_ticks():
    data = np.logspace(0, 3, 12).reshape(3, 4)
    heat = gf.Heatmap(data=data, norm=LogNorm())
    out = gf.render(gf.Cross(core=heat, right=[gf.Legends()]), figsize=(4, 3))
    im = out.axes["heatmap"].images[0]
    assert im.norm is heat.norm and (im.norm.vmin, im.norm.vmax) == (1.0, 1000.0)
    cb = legend_bar(out)
    assert cb.norm is heat.norm
    ticks = positions_along(cb)
    assert set(ticks) == {"1", "10", "100", "1000"}
    for label, (value, frac) in ticks.items():
        assert value == float(label)
        assert frac == pytest.approx(float(LogNorm(1, 1000)(value)), abs=0.01)


def test_two_slope_norm_puts_its_centre_mid_bar():
    data = np.linspace(-1, 4, 12).reshape(3, 4)
    norm = TwoSlopeNorm(vcenter=0, vmin=-1, vmax=4)
    out = gf.render(gf.Cross(core=gf.Heatmap(data=data, norm=norm, cmap="RdBu_r"), right=[gf.Legends()]),
                    figsize=(4, 3))
    ticks = positions_along(legend_bar(out))
    assert ticks["0"][1] == pytest.approx(0.5, abs=0.01)
    for label, (value, frac) in ticks.items():
        assert frac == pytest.approx(float(norm(value)), abs=0.01)


def test_boundary_norm_bar_ticks_are_its_boundaries():
    bounds = [0, 1, 2, 5, 10]
    norm = BoundaryNorm(bounds, ncolors=256)
    data = np.array([[0.5, 1.5, 3.0], [7.0, 9.0, 0.1]])
    out = gf.render(gf.Cross(core=gf.Heatmap(data=data, norm=norm), right=[gf.Legends()]), figsize=(4, 3))
    im = out.axes["heatmap"].images[0]
    assert im.norm is norm
    ticks = positions_along(legend_bar(out))
    assert [ticks[str(b)][0] for b in bounds] == bounds
    for k, b in enumerate(bounds):  # matplotlib spaces a BoundaryNorm's bins evenly
        assert ticks[str(b)][1] == pytest.approx(k / (len(bounds) - 1), abs=0.01)


def test_changing_the_norm_afterwards_redraws_the_bar():
    data = np.linspace(0, 1, 12).reshape(3, 4)
    out = gf.render(gf.Cross(core=gf.Heatmap(data=data, norm=Normalize()), right=[gf.Legends()]), figsize=(4, 3))
    cb = legend_bar(out)
    out.axes["heatmap"].images[0].norm.vmax = 2.0
    assert cb.ax.get_ylim() == pytest.approx((0.0, 2.0))
    assert "2" in colorbar_ticks(cb)


def test_heatmaps_centred_differently_keep_a_colour_bar_each_in_a_collected_legend():
    data = np.linspace(-1, 3, 12).reshape(3, 4)
    heats = [gf.Heatmap(data=data, cmap="RdBu_r", vmin=-1, vmax=3, center=c, legend_title="z") for c in (5, -3)]
    out = gf.render(gf.Cross(core=heats[0]) | gf.Cross(core=heats[1]), figsize=(6, 3), legend="right")
    bars = colorbars(out.axes["legend"])
    assert len(bars) == 2  # the same limits, but not the same colours: not merged
    for cb, heat in zip(bars, heats):
        assert cb.cmap.name == heat.cell_cmap.name
        np.testing.assert_allclose(cb.cmap(cb.norm(np.array([-1.0, 3.0]))),
                                   heat.cell_cmap(heat.norm(np.array([-1.0, 3.0]))))
    rdbu = matplotlib.colormaps["RdBu_r"]
    # centre 5: -1..3 is the blue third of the colormap (5 - 6 .. 5 + 6); centre -3: the red third
    np.testing.assert_allclose(bars[0].cmap(bars[0].norm(3.0)), rdbu(1 / 3), atol=0.01)
    np.testing.assert_allclose(bars[1].cmap(bars[1].norm(-1.0)), rdbu(2 / 3), atol=0.01)


def test_cbar_kws_ticks_format_label_extend_and_length():
    data = frame(6, 5)
    g = quick(data, cbar=True, cbar_kws=dict(ticks=[-1, 0, 1], format="{x:.1f}", label="z", extend="both",
                                            length="30mm"))
    ax = g.axes["legends"]
    (cb,) = colorbars(ax)
    assert set(colorbar_ticks(cb)) == {"\N{MINUS SIGN}1.0", "0.0", "1.0"}  # matplotlib's minus
    assert cb.extend == "both"
    assert "z" in [t.get_text() for t in ax.texts if t.get_fontweight() in ("bold", 700)]
    # 30 mm including the triangles, which matplotlib draws inside the bar's box
    fig = g.figure
    cax_h = cb.ax.get_window_extent().height / fig.dpi
    tri = cb._extend_lower() * 0.05 + cb._extend_upper() * 0.05  # matplotlib's default extendfrac
    assert cax_h * (1 + tri) == pytest.approx(30 / 25.4, rel=0.02)
    with pytest.raises(gf.InputError, match="cbar_kws: unknown keys 'shrink'"):
        quick(data, cbar=True, cbar_kws=dict(shrink=0.5))


def test_horizontal_bar_below_the_body_fits_its_legend_area():
    data = frame(6, 5)
    g = quick(data, cbar=True, legend_side="bottom", cbar_label="v",
              cbar_kws=dict(orientation="horizontal", length="35mm"))
    ax = g.axes["legends"]
    (cb,) = colorbars(ax)
    assert cb.orientation == "horizontal"
    fig = g.figure
    fig.draw_without_rendering()
    area = ax.get_window_extent()
    assert cb.ax.get_window_extent().width / fig.dpi == pytest.approx(35 / 25.4, rel=1e-6)
    for t in shown_ticklabels(cb):
        assert area.x0 - 0.5 <= t.get_window_extent().x0 and t.get_window_extent().x1 <= area.x1 + 0.5
        assert area.y0 - 0.5 <= t.get_window_extent().y0, t.get_text()


def test_norm_with_vmin_is_refused_and_log_of_negatives_is_explained():
    with pytest.raises(gf.InputError, match="norm: give the limits to the norm itself"):
        gf.Heatmap(data=np.eye(2), norm=LogNorm(), vmin=1)
    with pytest.raises(gf.InputError, match="LogNorm found no usable limits"):
        gf.Heatmap(data=-np.ones((2, 2)), norm=LogNorm())


# --- layers ---------------------------------------------------------------------------------------


def test_layers_get_the_cells_of_their_group():
    data = frame(6, 4, seed=3)
    seen = []

    def record(ax, ctx, cells):
        seen.append((ctx.chunk, cells))
        ax.scatter(cells.x, cells.y, s=1)

    split = pd.Series(list("aabbbb"), index=data.index)
    g = quick(data, row_split=split, layers=[record, gf.Marks(where=data.to_numpy() > 0, marker="x")])
    assert len(seen) == 2
    for (chunk, cells), (_, rows) in zip(seen, g.row_groups):
        n, m = len(rows), len(g.col_order)
        assert cells.shape == (n, m)
        np.testing.assert_array_equal(cells.rows, np.repeat(rows, m))
        np.testing.assert_array_equal(cells.cols, np.tile(g.col_order, n))
        np.testing.assert_array_equal(cells.x, np.tile(np.arange(m) + 0.5, n))
        np.testing.assert_array_equal(cells.y, np.repeat(np.arange(n) + 0.5, m))
        np.testing.assert_array_equal(cells.values, data.to_numpy()[cells.rows, cells.cols])
        ax = g.axes[f"heatmap[{chunk[0]},{chunk[1]}]"]
        marks = [c for c in ax.collections if isinstance(c, PathCollection)][1]
        want = cells.values > 0
        np.testing.assert_array_equal(marks.get_offsets(), np.column_stack([cells.x[want], cells.y[want]]))


def test_outline_layer_boxes_the_chosen_cells():
    where = np.zeros((3, 3), bool)
    where[1, 2] = True
    ax = gf.render(gf.Heatmap(data=np.eye(3), layers=[gf.Outline(where=where, color="red")]),
                   figsize=(2, 2)).axes["heatmap"]
    (boxes,) = ax.collections
    (path,) = boxes.get_paths()
    np.testing.assert_allclose(path.get_extents().bounds, (2, 1, 1, 1))


# --- dot heatmap ----------------------------------------------------------------------------------


def test_dot_heatmap_reads_back_size_and_colour_per_cell():
    rng = np.random.default_rng(5)
    colour = pd.DataFrame(rng.normal(size=(4, 3)), index=list("abcd"), columns=list("xyz"))
    size = pd.DataFrame(rng.uniform(0, 10, size=(4, 3)), index=list("abcd"), columns=list("xyz"))
    dots = gf.DotHeatmap.from_frame(colour, size_data=size.iloc[::-1, ::-1], size_range=("1mm", "5mm"),
                                    cmap="viridis", size_title="n")
    rows = gf.Leaves.in_order([2, 0, 3, 1])
    out = gf.render(gf.Cross(core=dots, rows=rows, right=[gf.Legends()]), figsize=(4, 3))
    ax = out.axes["dots"]
    (sc,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    cells = gf.Cells.of(colour.to_numpy(), rows.order, np.arange(3))
    np.testing.assert_allclose(sc.get_offsets(), np.column_stack([cells.x, cells.y]))
    want_size = size.to_numpy()[cells.rows, cells.cols]
    lo, hi = size.to_numpy().min(), size.to_numpy().max()
    d = (1 + (want_size - lo) / (hi - lo) * (25 - 1)) ** 0.5 * 72 / 25.4  # diameters in points, area linear
    np.testing.assert_allclose(sc.get_sizes(), np.pi / 4 * d ** 2)
    np.testing.assert_allclose(sc.get_array(), cells.values)
    np.testing.assert_allclose(sc.to_rgba(sc.get_array()), matplotlib.colormaps["viridis"](dots.norm(cells.values)))
    # the size legend: dots of the same areas, labelled with their values
    legend = out.axes["right/legends"]
    (key,) = [c for c in legend.collections if isinstance(c, PathCollection)]
    values = [float(t.get_text()) for t in legend.texts if t.get_fontweight() not in ("bold", 700)]
    np.testing.assert_allclose(key.get_sizes(), dots.areas(values))
    assert "n" in [t.get_text() for t in legend.texts]
    assert len(colorbars(legend)) == 1


# --- categorical heatmap --------------------------------------------------------------------------


def test_category_heatmap_colours_each_category_as_its_legend_says():
    values = pd.DataFrame([["amp", "del", None], ["del", "mut", "amp"], ["mut", np.nan, "amp"]],
                          index=list("abc"), columns=list("xyz"))
    heat = gf.CategoryHeatmap.from_frame(values, legend_title="alteration", annot=True)
    out = gf.render(gf.Cross(core=heat, right=[gf.Legends()]), figsize=(3, 3))
    ax = out.axes["categories"]
    im = ax.images[0]
    rgba = im.to_rgba(im.get_array())
    entries = legend_entries(out.axes["right/legends"])["alteration"]
    assert list(entries) == ["amp", "del", "mut"]
    assert len(set(entries.values())) == 3
    for (i, j), v in np.ndenumerate(values.to_numpy()):
        want = MISSING if pd.isna(v) else entries[v]
        assert np.allclose(rgba[i, j], want), (i, j, v)
    assert {k: t.get_text() for k, t in texts_by_cell(ax).items()} == {
        (i, j): v for (i, j), v in np.ndenumerate(values.to_numpy()) if not pd.isna(v)}


def test_string_matrix_in_a_heatmap_points_to_category_heatmap():
    with pytest.raises(gf.InputError, match="CategoryHeatmap"):
        gf.Heatmap(data=[["a", "b"], ["c", "d"]])


# --- a user's legend block ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LineKey(gf.LegendBlock):
    """A user block: a line sample and its name."""

    title: str | None
    name: str
    color: str
    kind: ClassVar[str] = "lines"

    def size(self, text, fontsize):
        w, h = text.size(self.name, fontsize)
        return self.with_title(0.3 + w, h, text, fontsize)

    def draw(self, ax, x, top, text, fontsize, theme):
        y = self.draw_title(ax, x, top, text, fontsize, theme)
        h = text.size(self.name, fontsize)[1]
        ax.plot([x, x + 0.25], [y - h / 2] * 2, color=self.color, gid="linekey")
        ax.text(x + 0.3, y - h / 2, self.name, va="center", fontsize=fontsize, gid="linekey")


@attrs.frozen(kw_only=True)
class Trend(gf.Panel):
    kind: ClassVar[str] = "trend"

    def draw(self, ax, ctx):
        pass

    def legend_entries(self):
        return (LineKey(title="fit", name="loess", color="tab:red"),)


def test_user_legend_block_is_collected_merged_and_drawn_once():
    heat = gf.Heatmap(data=np.eye(3))
    tree = gf.Cross(core=heat, top=[Trend(), Trend(name="again")], right=[gf.Legends(order=("lines",))])
    out = gf.render(tree, figsize=(4, 3))
    legend = out.axes["right/legends"]
    assert [t.get_text() for t in legend.texts if t.get_gid() == "linekey"] == ["loess"]
    assert len([line for line in legend.lines if line.get_gid() == "linekey"]) == 1
    # order=("lines",) puts it above the colour scale
    fit = next(t for t in legend.texts if t.get_text() == "fit")
    (cb,) = colorbars(legend)
    assert legend.transData.transform(fit.get_position())[1] > cb.ax.get_window_extent().y1
    # collected figure-wide too, and selectable by kind
    out = gf.render(gf.Cross(core=heat, top=[Trend()]) | gf.Cross(core=heat, top=[Trend()]), figsize=(6, 3),
                    legend="right")
    assert [t.get_text() for t in out.axes["legend"].texts if t.get_gid() == "linekey"] == ["loess"]
    only = gf.render(gf.Cross(core=heat, top=[Trend()], right=[gf.Legends(kinds=("scale",))]), figsize=(4, 3))
    assert not [t for t in only.axes["right/legends"].texts if t.get_gid() == "linekey"]


def test_legends_ncols_spreads_blocks_over_columns():
    strips = [gf.AnnotationStrip(values=list("ab" * 2), name=f"s{k}") for k in range(4)]
    tree = gf.Cross(core=gf.Heatmap(data=np.eye(4), legend=False), left=strips, right=[gf.Legends(ncols=2)])
    legend = gf.render(tree, figsize=(5, 4)).axes["right/legends"]
    xs = sorted({round(t.get_position()[0], 6) for t in legend.texts if t.get_text().startswith("s")})
    assert len(xs) == 2


def test_clustermap_dots_cluster_on_either_matrix():
    from scipy.cluster import hierarchy

    data = frame(7, 5, seed=8)
    size = frame(7, 5, seed=9).abs()
    shuffled = size.iloc[::-1, [2, 0, 4, 1, 3]]  # matched by label
    on_data = quick(data, dot_size=shuffled)
    np.testing.assert_array_equal(on_data.row_order, quick(data).row_order)
    on_size = quick(data, dot_size=shuffled, cluster_on="size", dot_kws=dict(size_title="n"))
    np.testing.assert_array_equal(on_size.row_order, hierarchy.leaves_list(hierarchy.linkage(size, "average")))
    np.testing.assert_array_equal(on_size.col_order, hierarchy.leaves_list(hierarchy.linkage(size.T, "average")))
    (sc,) = [c for c in on_size.axes["heatmap"].collections if isinstance(c, PathCollection)]
    dots = on_size.layout.core
    shown = size.to_numpy()[np.ix_(on_size.row_order, on_size.col_order)].ravel()
    np.testing.assert_allclose(sc.get_sizes(), dots.areas(shown))
    with pytest.raises(gf.InputError, match="cluster_on: 'size' clusters on dot_size"):
        quick(data, cluster_on="size")


def test_clustermap_dots_show_a_colour_bar_and_a_size_legend():
    g = gf.clustermap(frame(6, 4), dot_size=frame(6, 4, seed=3).abs(), dot_kws=dict(size_title="n"),
                      xticklabels=False, yticklabels=False)
    legend = g.axes["legends"]
    assert len(colorbars(legend)) == 1
    assert "n" in [t.get_text() for t in legend.texts if t.get_fontweight() in ("bold", 700)]
    assert [c for c in legend.collections if isinstance(c, PathCollection)]


def test_dot_size_labels_not_in_the_data_are_said_once_naming_dot_size():
    data = frame(5, 4, seed=8)
    size = frame(5, 4, seed=9).abs()
    extra = size.iloc[::-1].copy()
    extra.loc["stray"] = 9.0
    for cluster_on in ("data", "size"):
        with pytest.warns(UserWarning) as caught:
            g = quick(data, dot_size=extra, cluster_on=cluster_on)
        said = [str(w.message) for w in caught if "DataFrame" in str(w.message)]
        assert said == ["dot_size: 1 labels of the DataFrame are not in the data and are ignored: rows 'stray'"]
        (sc,) = [c for c in g.axes["heatmap"].collections if isinstance(c, PathCollection)]
        shown = size.to_numpy()[np.ix_(g.row_order, g.col_order)].ravel()
        np.testing.assert_allclose(sc.get_sizes(), g.layout.core.areas(shown))


@pytest.mark.parametrize("sizes,text", [
    (lambda d: cellwise(d, lambda v: "big"), "dot_size: the sizes must be numbers"),
    (lambda d: d * np.nan, "dot_size: every size is missing; nothing to draw"),
])
def test_bad_dot_sizes_are_named_as_the_caller_wrote_them(sizes, text):
    """DotHeatmap calls them size_data; a clustermap user wrote dot_size."""
    from helpers import refused_clearly

    data = frame(4, 3, seed=2)
    error = refused_clearly(lambda: gf.clustermap(data, dot_size=sizes(data)), gf.InputError, text)
    assert "size_data" not in str(error)
