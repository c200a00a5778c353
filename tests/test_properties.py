"""Property tests (hypothesis): random inputs, every property read back from the drawn figure.

Three families:

* ``clustermap`` on random tables -- shapes 1..60 x 1..60, every linkage
  method with the metrics it accepts, missing cells, annotations matched by
  label (permuted, supersets, subsets, DataFrames), clustering on or off per
  axis, labels and legends on every side. Each example is drawn once and
  checked for: the image cells are the data in display order, the labels
  name their rows, the strips have their rows' category colours, dendrogram
  leaves sit on cell centres, and the leaf orders are scipy's.
* the clustering step alone, against scipy (cheap, so more examples).
* the pure solver on random trees of Cross / Row / Column with fixed-size
  side panels and random gaps: panels inside the figure, sibling cores
  aligned, stacked panels exactly ``gap`` apart, no two panels overlapping.

Deterministic: ``derandomize=True`` and no example database, so CI runs the
same examples every time. Figures are small (5 x 4 in at 40 dpi) to keep
each example fast; the whole file runs in about 45 s on two cores.

Bugs these properties found are pinned down as minimal repros at the end
(single linkage of proportional rows; labels thinned in the last measuring
pass; advice of a too-small figure), fixed, and no input is skipped for them.
"""

from __future__ import annotations

import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st
from matplotlib.colors import to_rgba
from scipy.cluster import hierarchy
from scipy.spatial import distance

import gridfig as gf
from gridfig.layout.tree import as_node, core_path, join, walk
from helpers import inside, overlap
from panels_for_tests import Box
from test_clustermap import (col_centres, legend_entries, lines_of, render_rgba, row_centres,
                             strip_colours, text_xy, to_display)

MISSING = to_rgba(gf.Theme().missing_color)
EUCLIDEAN_ONLY = ("ward", "centroid", "median")
METHODS = ("single", "complete", "average", "weighted", "centroid", "median", "ward")
METRICS = ("euclidean", "cityblock", "correlation", "cosine")
#: One render is 0.05-0.4 s at this size; the figure is big enough for every decoration.
FIGSIZE, DPI = (5, 4), 40


def ci(max_examples):
    """Deterministic settings for CI: the same examples every run, no database, no deadline."""
    return settings(derandomize=True, database=None, deadline=None, max_examples=max_examples,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- references, computed independently of the library ------------------------------------


def reference_distances(X, metric):
    """Condensed distances; with NaN, R's dist(): shared coordinates, sums scaled by p / shared.

    NaN marks a distance that is undefined (no shared coordinate, or a
    correlation / cosine that cannot be computed on the shared values).
    """
    if not np.isnan(X).any():
        with np.errstate(divide="ignore", invalid="ignore"):
            d = distance.pdist(X, metric)
        if metric == "correlation":
            # a constant observation has no correlation (scipy says 0 / 0 = NaN or, rounded, a number)
            flat = np.nanmax(X, axis=1) == np.nanmin(X, axis=1)
            if flat.any():
                d[:] = np.nan
        return d
    n, p = X.shape
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            both = ~(np.isnan(X[i]) | np.isnan(X[j]))
            c = int(both.sum())
            x, y = X[i, both], X[j, both]
            if c == 0:
                out.append(np.nan)
            elif metric == "euclidean":
                out.append(np.sqrt(np.sum((x - y) ** 2) * p / c))
            elif metric == "cityblock":
                out.append(np.sum(np.abs(x - y)) * p / c)
            elif metric == "correlation":
                if c < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
                    out.append(np.nan)
                else:
                    out.append(distance.correlation(x, y))
            elif metric == "cosine":
                if not x.any() or not y.any():
                    out.append(np.nan)
                else:
                    out.append(distance.cosine(x, y))
    if metric == "correlation":
        present = ~np.isnan(X)
        flat = np.nanmax(X, axis=1) == np.nanmin(X, axis=1)
        if flat.any() or not present.any(axis=1).all():
            return np.full(len(out), np.nan)
    return np.array(out)


def near_ties(d):
    """True when two distances are equal up to rounding: the tree (and leaf order) is then not unique.

    Degenerate inputs do this, e.g. correlation on two coordinates (every
    distance is 0 or 2), cosine on one. Orders are then only checked for being
    a permutation, and the drawing against the linkage returned.
    """
    s = np.sort(d[np.isfinite(d)])
    if len(s) < 2:
        return False
    return bool((np.diff(s) <= 1e-9 * np.abs(s[1:]) + 1e-12 * np.abs(s).max()).any())


def scipy_linkage(X, method, metric):
    """scipy's linkage of the rows of X (on the reference distances when X has NaN)."""
    if np.isnan(X).any():
        return hierarchy.linkage(reference_distances(X, metric), method=method)
    return hierarchy.linkage(X, method=method, metric=metric)


def u_array(along, height):
    """Each merge's U as one row (4 along, 4 heights), rows sorted by where the U's feet stand."""
    along, height = np.asarray(along, float), np.asarray(height, float)
    rows = np.column_stack([along, height])
    return rows[np.lexsort((rows[:, 3], rows[:, 0]))]


# --- strategies ----------------------------------------------------------------------------


@st.composite
def tables(draw, max_n=60, max_m=60):
    """A labelled DataFrame of continuous values, maybe with missing cells (never a whole row/column)."""
    n = draw(st.integers(1, max_n), label="rows")
    m = draw(st.integers(1, max_m), label="cols")
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1), label="seed"))
    values = rng.normal(size=(n, m)) * draw(st.sampled_from([1.0, 1e-3, 1e3])) + draw(
        st.sampled_from([0.0, 5.0, -100.0]))
    missing = draw(st.sampled_from([0.0, 0.0, 0.0, 0.05, 0.3]), label="missing fraction")
    if missing:
        mask = rng.random((n, m)) < missing
        for i in np.flatnonzero(mask.all(axis=1)):
            mask[i, rng.integers(m)] = False
        for j in np.flatnonzero(mask.all(axis=0)):
            mask[rng.integers(n), j] = False
        values[mask] = np.nan
    return pd.DataFrame(values, index=[f"r{i}" for i in range(n)], columns=[f"c{j}" for j in range(m)])


@st.composite
def annotation(draw, labels, prefix):
    """None, a Series or a DataFrame of categories, indexed by a permutation / superset / subset of ``labels``."""
    kind = draw(st.sampled_from(["none", "series", "series", "frame"]), label=f"{prefix} annotation")
    if kind == "none":
        return None
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    index = list(labels)
    extent = draw(st.sampled_from(["same", "same", "superset", "subset"]))
    if extent == "superset":
        index += [f"extra {k}" for k in range(draw(st.integers(1, 5)))]
    elif extent == "subset" and len(index) > 1:
        drop = rng.choice(len(index), size=draw(st.integers(1, len(index) - 1)), replace=False)
        index = [v for k, v in enumerate(index) if k not in set(drop.tolist())]
    index = [index[k] for k in rng.permutation(len(index))]

    def column(name):
        k = draw(st.integers(1, 8))
        cats = np.array([f"{name} {c}" for c in range(k)], dtype=object)
        values = cats[rng.integers(k, size=len(index))]
        if draw(st.booleans()) and len(values) > 1:
            values[rng.integers(len(values))] = None  # a missing value
        return values

    if kind == "series":
        name = draw(st.sampled_from([None, f"{prefix}group"]))
        return pd.Series(column(name or prefix), index=index, name=name)
    names = [f"{prefix}{c}" for c in ("tissue", "batch", "dose")[: draw(st.integers(1, 3))]]
    return pd.DataFrame({c: column(c) for c in names}, index=index)


@st.composite
def clustermap_cases(draw):
    data = draw(tables())
    n, m = data.shape
    method = draw(st.sampled_from(METHODS), label="method")
    metric = "euclidean" if method in EUCLIDEAN_ONLY else draw(st.sampled_from(METRICS), label="metric")
    kwargs = dict(
        method=method, metric=metric,
        row_cluster=n >= 2 and draw(st.booleans()),
        col_cluster=m >= 2 and draw(st.booleans()),
        row_colors=draw(annotation(data.index, "row")),
        col_colors=draw(annotation(data.columns, "col")),
        yticklabels=draw(st.sampled_from([True, "auto", False])),
        xticklabels=draw(st.sampled_from([True, "auto", False])),
        row_label_side=draw(st.sampled_from(["left", "right"])),
        col_label_side=draw(st.sampled_from(["top", "bottom"])),
        legend_side=draw(st.sampled_from(["right", "left", "top", "bottom", None])),
        legend=draw(st.booleans()),
        cbar=draw(st.booleans()),
    )
    return data, kwargs


# --- read-back helpers -----------------------------------------------------------------


def annotation_columns(spec, default):
    """(title, Series) per strip, nearest the heatmap first, as clustermap names them."""
    if spec is None:
        return []
    if isinstance(spec, pd.DataFrame):
        return [(str(c), spec[c]) for c in spec.columns]
    return [(spec.name if spec.name is not None else default, spec)]


def check_strips(g, spec, labels, order, side, legends, default):
    for title, series in annotation_columns(spec, default):
        got = strip_colours(g, f"{side}/{title}", side)
        shown = [series.get(labels[k]) if labels[k] in series.index else None for k in order]
        shown = [None if pd.isna(v) else v for v in shown]  # None, NaN and pd.NA are all missing
        if legends is not None:
            entries = legends[title]
            for i, category in enumerate(shown):
                want = MISSING if category is None else entries[category]
                assert np.allclose(got[i], want, atol=1e-9), (title, i, category, got[i], want)
        else:
            # no legend to read the colours from: one colour per category, never shared
            colour = {}
            for i, category in enumerate(shown):
                key = "missing" if category is None else category
                colour.setdefault(key, tuple(np.round(got[i], 9)))
                assert colour[key] == tuple(np.round(got[i], 9)), (title, i, category)
                if category is None:
                    assert np.allclose(got[i], MISSING, atol=1e-9)
            assert len(set(colour.values())) == len(colour), (title, colour)


def check_labels(g, labels, order, axis, side, show, heat_box, left_out=""):
    name = "row_labels" if axis == 0 else "col_labels"
    if show is False:
        assert name not in g.axes
        return
    if re.search(rf"left out [^;]*\b{side}/labels\b", left_out):
        # the one warning said these labels gave way to a small figure (before any legend does)
        assert not [t for t in g.axes[name].texts if t.get_text()]
        return
    ax = g.axes[name]
    box = ax.get_window_extent()
    # on the side asked for
    if side == "left":
        assert box.x1 <= heat_box.x0 + 1e-6
    elif side == "right":
        assert box.x0 >= heat_box.x1 - 1e-6
    elif side == "top":
        assert box.y0 >= heat_box.y1 - 1e-6
    else:
        assert box.y1 <= heat_box.y0 + 1e-6
    centres = row_centres(g) if axis == 0 else col_centres(g)
    at = {labels[k]: i for i, k in enumerate(order)}
    texts = [t for t in ax.texts if t.get_text()]
    if show is True:
        assert [t.get_text() for t in texts] == [labels[k] for k in order]
    positions = [at[t.get_text()] for t in texts]
    assert len(set(positions)) == len(positions)
    xy = np.array([text_xy(t) for t in texts]).reshape(-1, 2)
    np.testing.assert_allclose(xy[:, 1 - axis], centres[positions], atol=1e-6)
    if show == "auto":
        assert texts, "auto labels wrote nothing"
        step = np.diff(sorted(positions))
        assert len(set(step.tolist())) <= 1, "thinned labels are not evenly spaced"
        # labels that were thinned to fit do not overlap each other
        renderer = g.figure.canvas.get_renderer()
        boxes = sorted((t.get_window_extent(renderer) for t in texts),
                       key=lambda b: (b.y0 if axis == 0 else b.x0))
        for a, b in zip(boxes, boxes[1:]):
            assert not overlap(a, b), (a, b)


def check_dendrogram(g, axis, n, Z):
    name = "row_dendrogram" if axis == 0 else "col_dendrogram"
    ax = g.axes[name]
    segs = np.array(lines_of(ax).get_segments())  # (n - 1, 4, 2) in data coordinates
    assert segs.shape == (n - 1, 4, 2)
    k_height, k_along = (0, 1) if axis == 0 else (1, 0)
    pts = segs.reshape(-1, 2)
    # every leaf k is a foot of a U at height 0, at along k + 0.5 (merges at height 0 may add more)
    leaves = np.arange(n) + 0.5
    feet = pts[pts[:, k_height] == 0][:, k_along]
    assert np.isin(leaves, feet).all(), (leaves, np.unique(feet))
    display = to_display(ax, *((np.zeros(n), leaves) if axis == 0 else (leaves, np.zeros(n))))
    centres = row_centres(g) if axis == 0 else col_centres(g)
    np.testing.assert_allclose(display[:, k_along], centres, atol=1e-6)
    # the drawn U's are scipy's dendrogram of the same linkage
    d = hierarchy.dendrogram(Z, no_plot=True)
    expected = u_array(np.array(d["icoord"]) / 10, np.array(d["dcoord"]))
    drawn = u_array(segs[:, :, k_along], segs[:, :, k_height])
    np.testing.assert_allclose(drawn, expected, rtol=1e-9, atol=1e-12)


def check_pixels(g, shown):
    """Where cells are at least 5 px, the centre pixel of each has its colour."""
    ax = g.axes["heatmap"]
    bb = ax.get_window_extent()
    n, m = shown.shape
    if bb.height / n < 5 or bb.width / m < 5:
        return
    im = ax.images[0]
    buf = render_rgba(g.figure)
    H = buf.shape[0]
    ys, xs = row_centres(g), col_centres(g)
    for i in range(n):
        for j in range(m):
            v = shown[i, j]
            want = MISSING if np.isnan(v) else im.cmap(im.norm(v))
            got = buf[int(H - ys[i]), int(xs[j])] / 255.0
            assert np.allclose(got, want, atol=2 / 255), (i, j, v, got, want)


# --- clustermap properties ----------------------------------------------------------------

TOO_SMALL = re.compile(r"the figure (width|height) [0-9.]+ in is too small")
ADVICE = re.compile(r"(width|height) of at least ([0-9.]+) in")


def draw_clustermap(data, kwargs):
    """clustermap at FIGSIZE; a figure too small for all the decorations is enlarged as the error advises.

    Many strips, categories and labels can need more than 5 x 4 in. The
    error must be the documented one, and following its advice must end in
    a figure.
    """
    size = list(FIGSIZE)
    for _ in range(6):
        try:
            return gf.clustermap(data, figsize=tuple(size), dpi=DPI, **kwargs)
        except gf.LayoutError as e:
            assert TOO_SMALL.search(str(e)), f"not the documented too-small error: {e}"
            advice = ADVICE.findall(str(e))
            if not advice:  # too small both ways: the error says so, and we grow both
                assert "too small in both directions" in str(e), str(e)
                size = [v * 1.5 for v in size]
            for what, least in advice:
                k = 0 if what == "width" else 1
                assert float(least) > size[k], f"the advice does not enlarge the figure: {e}"
                size[k] = float(least)
            event("figure enlarged as the error advised")
    raise AssertionError(f"still too small after following the advice 6 times: {size}")


@ci(max_examples=250)
@given(clustermap_cases())
def test_clustermap_draws_what_it_was_given(case):
    data, kwargs = case
    X = data.to_numpy()
    n, m = X.shape
    refs = {}
    for axis, flag, obs in ((0, "row_cluster", X), (1, "col_cluster", X.T)):
        if kwargs[flag]:
            refs[axis] = reference_distances(obs, kwargs["metric"])
    undefined = any(np.isnan(d).any() for d in refs.values())
    note(f"shape {X.shape}, {int(np.isnan(X).sum())} missing, undefined distances: {undefined}")
    event("size", "large (> 20 x 20)" if n * m > 400 else "small")
    event("outcome", "documented error" if undefined else "drawn")
    event("missing cells", bool(np.isnan(X).any()))
    event("clustered axes", int(kwargs["row_cluster"]) + int(kwargs["col_cluster"]))

    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", UserWarning)  # missing values, unmatched annotation labels
        if undefined:
            # the documented error: constant rows for correlation, pairs with nothing in common
            with pytest.raises(gf.InputError, match="undefined|constant|no values"):
                gf.clustermap(data, figsize=FIGSIZE, dpi=DPI, **kwargs)
            return
        g = draw_clustermap(data, kwargs)
    left_out = " ".join(str(w.message) for w in said if "too small for everything" in str(w.message))
    if left_out:
        event("region adapted (one warning)")
    try:
        check_clustermap(g, data, kwargs, left_out)
    finally:
        plt.close(g.figure)  # conftest closes figures per test, not per example


def check_clustermap(g, data, kwargs, left_out: str = ""):
    X = data.to_numpy()
    n, m = X.shape
    g.figure.draw_without_rendering()  # let the layout engine settle, as a save would

    # leaf orders are scipy's
    for axis, flag, obs, order, drawn_Z in ((0, "row_cluster", X, g.row_order, g.row_linkage),
                                            (1, "col_cluster", X.T, g.col_order, g.col_linkage)):
        if kwargs[flag]:
            np.testing.assert_array_equal(np.sort(order), np.arange(len(obs)))
            if near_ties(reference_distances(obs, kwargs["metric"])):
                event("tied distances: order not unique")
                Z = drawn_Z  # still check that the dendrogram drawn is the linkage returned
            else:
                Z = scipy_linkage(obs, kwargs["method"], kwargs["metric"])
                np.testing.assert_array_equal(order, hierarchy.leaves_list(Z))
                np.testing.assert_allclose(drawn_Z[:, 2], Z[:, 2], rtol=1e-9, atol=1e-12)
            check_dendrogram(g, axis, len(obs), Z)
        else:
            np.testing.assert_array_equal(order, np.arange(len(obs)))
            assert ("row_dendrogram" if axis == 0 else "col_dendrogram") not in g.axes

    # the displayed cell (i, j) is data[row_order[i], col_order[j]], masked where NaN
    arr = g.axes["heatmap"].images[0].get_array()
    assert arr.shape == (n, m)
    shown = X[np.ix_(g.row_order, g.col_order)]
    mask = np.ma.getmaskarray(arr)
    np.testing.assert_array_equal(mask, np.isnan(shown))
    np.testing.assert_array_equal(np.ma.filled(arr, np.nan)[~mask], shown[~mask])
    check_pixels(g, shown)

    # labels name their rows, on the side asked for
    heat_box = g.axes["heatmap"].get_window_extent()
    row_labels, col_labels = list(data.index), list(data.columns)
    check_labels(g, row_labels, g.row_order, 0, kwargs["row_label_side"], kwargs["yticklabels"], heat_box,
                 left_out)
    check_labels(g, col_labels, g.col_order, 1, kwargs["col_label_side"], kwargs["xticklabels"], heat_box,
                 left_out)

    # every Axes and every text inside the figure
    renderer = g.figure.canvas.get_renderer()
    for ax in g.figure.axes:
        assert inside(ax.get_window_extent(), g.figure.bbox), ax.get_label()
        for t in ax.texts:
            if t.get_visible() and t.get_text():
                assert inside(t.get_window_extent(renderer), g.figure.bbox), t.get_text()

    # strips have their rows' category colours, as the legend says
    legends = None
    if kwargs["legend"] and kwargs["legend_side"] is not None:
        if kwargs["row_colors"] is not None or kwargs["col_colors"] is not None:
            assert "legends" in g.axes, "category strips but no legend"
        legends = legend_entries(g.axes["legends"]) if "legends" in g.axes else {}
        if "left out" in left_out and "legends" in left_out:
            legends = None  # the one warning said the legend area gave way to a small figure
    check_strips(g, kwargs["row_colors"], row_labels, g.row_order, "left", legends, "row_colors")
    check_strips(g, kwargs["col_colors"], col_labels, g.col_order, "top", legends, "col_colors")


@ci(max_examples=200)
@given(data=tables(max_n=40, max_m=12), method=st.sampled_from(METHODS), metric=st.sampled_from(METRICS),
       optimal=st.booleans())
def test_cluster_orders_are_scipys(data, method, metric, optimal):
    """The clustering step alone (no drawing): scipy's tree and leaf order, or the documented error."""
    if method in EUCLIDEAN_ONLY:
        metric = "euclidean"
    X = data.to_numpy()
    assume(len(X) >= 2)
    d = reference_distances(X, metric)
    event("outcome", "documented error" if np.isnan(d).any() else "clustered")
    event("missing cells", bool(np.isnan(X).any()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        if np.isnan(d).any():
            with pytest.raises(gf.InputError, match="undefined|constant|no values"):
                gf.cluster(X, method=method, metric=metric, optimal_ordering=optimal)
            return
        c = gf.cluster(X, method=method, metric=metric, optimal_ordering=optimal)
    Z = scipy_linkage(X, method, metric)
    if optimal:
        Z = hierarchy.optimal_leaf_ordering(Z, d)
    np.testing.assert_array_equal(np.sort(c.order), np.arange(len(X)))
    if near_ties(d):
        event("tied distances: order not unique")
        return
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(Z))
    np.testing.assert_allclose(c.linkage[:, 2], Z[:, 2], rtol=1e-9, atol=1e-12)
    np.testing.assert_array_equal(c.linkage[:, 3], Z[:, 3])


# --- bugs found by the properties above, as minimal repros --------------------------------

#: Two proportional rows (the second is k times the first) and one other.
PROPORTIONAL = {
    "correlation": np.array([[1.0, 1.0, 2.0], [10.0, 10.0, 20.0], [1.0, 0.0, 2.0]]),
    "cosine": np.array([[1.0, 1.0, 1.0], [2.0, 2.0, 2.0], [1.0, 0.0, 2.0]]),
}


@pytest.mark.parametrize("metric", ["correlation", "cosine"])
def test_single_linkage_of_proportional_rows(metric):
    X = PROPORTIONAL[metric]
    c = gf.cluster(X, method="single", metric=metric)
    assert 0 <= c.linkage[0, 2] < 1e-12
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(hierarchy.linkage(X, "single", metric)))


def test_too_small_advice_is_enough():
    # 4 x 2 in: the legends below do not fit; the layout adapts and says so
    with pytest.warns(gf.GridfigWarning, match=r"too small for everything: .*left out bottom/legends"):
        gf.demo.seed_figure(figsize=(4, 2), legend_side="bottom")
    # 4 x 0.8 in: not even then; the error says what height would fit
    with pytest.raises(gf.LayoutError, match=r"height 0.800 in is too small") as e:
        gf.demo.seed_figure(figsize=(4, 0.8), legend_side="bottom")
    (what, advised), = ADVICE.findall(str(e.value))
    assert what == "height"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", gf.GridfigWarning)
        g = gf.demo.seed_figure(figsize=(4, float(advised)), legend_side="bottom")  # the advice is enough
    assert g.axes["heatmap"].get_window_extent().height > 0


def test_auto_labels_thinned_in_the_last_pass_do_not_overlap():
    # equal-width labels, so thinning them does not change the label column's width; the top
    # legend is laid out for a guessed 8-in core first, then wraps and takes height from the core
    # (20 rows: the body keeps at most 1.5 in at this size, 0.075 in a row, too little for any
    # font's labels; with 10 rows, matplotlib 3.10's text fitted them all at 0.156 in a row)
    data = pd.DataFrame(np.random.default_rng(0).normal(size=(20, 24)),
                        index=[f"r{i}" for i in range(10, 30)], columns=[f"c{j}" for j in range(24)])
    cols = pd.DataFrame({nm: [f"{nm} {k % 4}" for k in range(24)] for nm in ("tissue", "batch", "donor")},
                        index=data.columns)
    g = gf.clustermap(data, col_colors=cols, legend_side="top", cbar=False, xticklabels=False, figsize=(3, 3.5))
    g.figure.draw_without_rendering()
    renderer = g.figure.canvas.get_renderer()
    boxes = sorted((t.get_window_extent(renderer) for t in g.axes["row_labels"].texts), key=lambda b: b.y0)
    assert 1 < len(boxes) < 20  # thinned, not all left out
    assert not any(overlap(a, b) for a, b in zip(boxes, boxes[1:]))


# --- solver properties ----------------------------------------------------------------------

EPS = 1e-9
sizes = st.floats(0.05, 1.0)
gaps = st.sampled_from([0.0, 0.02, 0.05, 0.1, 0.3])


@st.composite
def crosses(draw):
    stack = st.lists(sizes.map(lambda s: Box(size=s)), max_size=3)
    fixed = st.one_of(st.none(), st.none(), st.floats(0.2, 2.0))
    return gf.Cross(core=Box(name="core"), left=draw(stack), right=draw(stack), top=draw(stack),
                    bottom=draw(stack), gap=draw(gaps), width=draw(fixed), height=draw(fixed),
                    weight=draw(st.sampled_from([1.0, 1.0, 2.0, 0.5])))


def lines(children):
    kinds = st.sampled_from([gf.Row, gf.Column])
    return st.builds(lambda kind, items, gap: kind(*items, gap=gap), kinds,
                     st.lists(children, min_size=1, max_size=3), gaps)


trees = st.recursive(st.one_of(crosses(), st.builds(Box)), lines, max_leaves=8)


def core_interval(node, path, sol, axis):
    """(start, end) along ``axis`` (0: x, 1: y from the bottom) of the core a node lines up on."""
    node = as_node(node)
    if isinstance(node, gf.Cross):
        r = sol.cores[path]
        return (r.x, r.right) if axis == 0 else (r.y, r.top)
    spans = [core_interval(c, join(path, nm), sol, axis) for nm, c in zip(node.child_names(), node.children())]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def all_flexible(node, axis):
    node = as_node(node)
    if isinstance(node, gf.Cross):
        return (node.width if axis == 0 else node.height) is None
    return all(all_flexible(c, axis) for c in node.children())


@ci(max_examples=500)
@given(tree=trees, scale=st.floats(0.7, 2.0), aspect=st.floats(0.8, 1.25), margin=st.sampled_from([0, 0.1]),
       derived=st.booleans())
def test_solver_geometry(tree, scale, aspect, margin, derived):
    tree = as_node(tree)
    natural = gf.solve(tree, None, margin=margin).figsize
    figsize = None if derived else (natural[0] * scale, natural[1] * scale * aspect)
    try:
        sol = gf.solve(tree, figsize, margin=margin)
    except gf.LayoutError as e:
        # only a figure smaller than the content's natural size may be refused
        assert not derived and min(scale, scale * aspect) < 1, e
        assume(False)
    W, H = sol.figsize
    if figsize is not None:
        assert (W, H) == pytest.approx(figsize, abs=1e-12)
    rects = sol.panels

    # every panel inside the figure (and its margins), with a non-negative size
    for path, r in rects.items():
        assert r.width >= -EPS and r.height >= -EPS, (path, r)
        assert r.x >= margin - EPS and r.right <= W - margin + EPS, (path, r, W)
        assert r.y >= margin - EPS and r.top <= H - margin + EPS, (path, r, H)

    for path, node in walk(tree):
        if isinstance(node, gf.Cross):
            core = sol.panels[core_path(node, path)]
            assert sol.cores[path] == core
            if node.width is not None:
                assert core.width == pytest.approx(node.width, abs=EPS)
            if node.height is not None:
                assert core.height == pytest.approx(node.height, abs=EPS)
            # stacks: each panel its own size, spanning the core, exactly `gap` from its neighbour
            for side in ("left", "right", "top", "bottom"):
                inner = core
                for seg, panel in node.side_items(side):
                    r = sol.panels[join(path, f"{side}/{seg}")]
                    if side in ("left", "right"):
                        assert r.width == pytest.approx(panel.size, abs=EPS)
                        assert (r.y, r.height) == pytest.approx((core.y, core.height), abs=EPS)
                        gap = inner.x - r.right if side == "left" else r.x - inner.right
                    else:
                        assert r.height == pytest.approx(panel.size, abs=EPS)
                        assert (r.x, r.width) == pytest.approx((core.x, core.width), abs=EPS)
                        gap = r.y - inner.top if side == "top" else inner.y - r.top
                    assert gap == pytest.approx(node.gap, abs=EPS), (path, side, seg)
                    inner = r
        elif isinstance(node, (gf.Row, gf.Column)):
            # siblings' cores line up: a Row top and bottom, a Column left and right
            across = 1 if isinstance(node, gf.Row) else 0
            kids = list(zip(node.child_names(), node.children()))
            spans = [core_interval(c, join(path, nm), sol, across) for nm, c in kids]
            if all(all_flexible(c, across) for _, c in kids):
                for s in spans[1:]:
                    assert s == pytest.approx(spans[0], abs=EPS), (path, spans)
            else:
                # a fixed core keeps its size at the start (top or left) of the room shared
                start = [s[1] for s in spans] if across == 1 else [s[0] for s in spans]
                assert start == pytest.approx([start[0]] * len(start), abs=EPS), (path, spans)
            # and the children follow each other along the line, gap included
            along = 1 - across
            order = [core_interval(c, join(path, nm), sol, along) for nm, c in kids]
            if along == 1:
                order = [(-b, -a) for a, b in order]  # a Column runs top down
            for a, b in zip(order, order[1:]):
                assert b[0] >= a[1] + node.gap - EPS, (path, order)

    # no two panels overlap
    items = list(rects.items())
    for k, (p1, a) in enumerate(items):
        for p2, b in items[k + 1:]:
            dx = min(a.right, b.right) - max(a.x, b.x)
            dy = min(a.top, b.top) - max(a.y, b.y)
            assert not (dx > EPS and dy > EPS), (p1, a, p2, b)
