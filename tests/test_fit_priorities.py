"""What gives way in a region too small for everything, read back from what was drawn.

The order (gridfig/layout/fit.py, docs/layout.md): everything else gives way
before a heatmap body shrinks below 0.1 in a row or column and before a legend
is left out, the colour scale last. The figures are those of a user trial: a
25 x 12 table with long labels at 6 x 5 in (with and without two numeric
panels) and the demo data in one Axes of a 2 x 2 grid.
"""

import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import gridfig as gf
from gridfig.layout.fit import MIN_BODY, MIN_CELL, MIN_CORE
from helpers import TOL, axes_inches, colorbars, inside, overlap, text_boxes
from test_clustermap import legend_entries

ROWS = [f"a rather long gene name {i}" for i in range(25)]
COLS = [f"condition_{j}_replicate" for j in range(12)]
GROUP = "a long legend title here"


def table():
    rng = np.random.default_rng(1)
    df = pd.DataFrame(rng.normal(size=(25, 12)), index=ROWS, columns=COLS)
    grp = pd.Series(rng.choice(["alpha group", "beta group with a long name"], 25), index=ROWS, name=GROUP)
    cc = pd.Series(rng.choice(["x", "y"], 12), index=COLS, name="cc")
    return df, grp, cc


def drawn(call):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        g = call()
        g.figure.draw_without_rendering()
    return g, [str(w.message) for w in seen if issubclass(w.category, gf.GridfigWarning)]


def with_panels():
    df, grp, cc = table()
    return gf.clustermap(df, row_colors=grp, col_colors=cc, cbar_label="expression (log2)", figsize=(6, 5),
                         row_annotations=[gf.Bars(values=df.mean(axis=1), title="mean")],
                         col_annotations=[gf.Box(values=df.T, title="dist")])


def plain():
    df, grp, cc = table()
    return gf.clustermap(df, row_colors=grp, col_colors=cc, cbar_label="expression (log2)", figsize=(6, 5))


def embedded():
    data, groups, blocks = gf.demo.seed_data()
    fig, axs = plt.subplots(2, 2, figsize=(11, 8))
    axs[0, 0].plot([1, 2, 3])
    return gf.clustermap(data, row_colors=groups, col_colors=blocks, center=0, ax=axs[1, 1], cbar_label="z")


def least(n):
    return min(max(n * MIN_CELL, MIN_CORE), MIN_BODY)


def check_nothing_collides(g):
    """gridfig's Axes inside the figure and apart; every text inside the figure and off other Axes."""
    fig = g.figure
    W, H = fig.get_size_inches()
    own = list({id(ax): ax for ax in g.axes.values()}.values())  # some Axes have two names
    own = [ax for ax in own if not any(ax in other.child_axes for other in own)]  # the colour scale's inset
    boxes = {id(ax): axes_inches(ax) for ax in own}
    for ax in own:
        x0, y0, x1, y1 = boxes[id(ax)]
        assert -TOL <= x0 and x1 <= W + TOL and -TOL <= y0 and y1 <= H + TOL, ax.get_label()
    for i, a in enumerate(own):
        for b in own[i + 1:]:
            p, q = boxes[id(a)], boxes[id(b)]
            w, h = min(p[2], q[2]) - max(p[0], q[0]), min(p[3], q[3]) - max(p[1], q[1])
            assert not (w > 1e-6 and h > 1e-6), (a.get_label(), b.get_label())
    texts = text_boxes(fig)
    for t, box in texts:
        assert inside(box, fig.bbox), f"{t.get_text()!r} leaves the figure"
        for ax in own:
            if ax is t.axes or t.axes in ax.child_axes or not ax.get_visible():
                continue
            assert not overlap(box, ax.get_window_extent()), f"{t.get_text()!r} overlaps {ax.get_label()}"
    for i, (t, a) in enumerate(texts):  # legend texts never overlap each other
        for u, b in texts[i + 1:]:
            if t.axes is g.axes["legends"] and u.axes is g.axes["legends"]:
                assert not overlap(a, b), (t.get_text(), u.get_text())


@pytest.mark.parametrize("make, shape, titles", [
    (with_panels, (25, 12), {GROUP, "cc"}),
    (plain, (25, 12), {GROUP, "cc"}),
    (embedded, (13, 20), {"population", "block"}),
], ids=["with-panels", "plain", "embedded"])
def test_the_colour_scale_and_legends_stay_and_the_body_keeps_its_cells(make, shape, titles):
    g, said = drawn(make)
    assert g.ax_cbar is not None and len(colorbars(g.axes["legends"])) == 1
    entries = legend_entries(g.axes["legends"])
    assert titles <= set(entries), entries
    assert all(len(entries[t]) == 2 for t in titles)
    x0, y0, x1, y1 = axes_inches(g.axes["heatmap"])
    rows, cols = shape
    assert x1 - x0 >= least(cols) - TOL and y1 - y0 >= least(rows) - TOL, (x1 - x0, y1 - y0)
    adapted = [m for m in said if "too small for everything" in m]
    assert len(adapted) == 1 and "left out right/legends" not in adapted[0], adapted
    assert "category legends" not in adapted[0] and "bodies shrink" not in adapted[0], adapted
    check_nothing_collides(g)
    plt.close(g.figure)


def test_stacked_legends_use_the_room_below_the_body_before_wrapping():
    # no panels: the three blocks stack in one column (into the room beside the column labels)
    g, _ = drawn(plain)
    lefts = {round(t.get_position()[0], 6) for t in g.axes["legends"].texts if t.get_fontweight() in ("bold", 700)}
    assert len(lefts) == 1, lefts  # one column of titles
    assert len(g.axes["col_labels"].texts) >= 6  # the body is wide enough for every other column label
    plt.close(g.figure)


def test_the_colour_scale_goes_last_and_the_warning_says_what_keeps_it():
    df, grp, _ = table()

    def at(size):
        return drawn(lambda: gf.clustermap(df, row_colors=grp, cbar_label="expression (log2)", figsize=size))

    g, said = at((2.0, 2.5))
    assert g.ax_cbar is None and not g.axes["legends"].texts
    (msg,) = [m for m in said if "too small for everything" in m]
    assert "left out right/legends, the colour scale with it: no colour key is drawn" in msg
    assert "left out right/labels" in msg and "let the heatmap bodies shrink" in msg  # tried first
    width = float(re.search(r"a width of at least ([\d.]+) in would keep the colour scale", msg).group(1))
    plt.close(g.figure)
    g, said = at((width, 2.5))  # the advice is enough
    assert g.ax_cbar is not None
    assert not any("no colour key" in m for m in said)
    check_nothing_collides(g)
    plt.close(g.figure)
