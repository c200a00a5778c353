"""What ends up in files and what is left of the input: vector output, scale bars, no mutation."""

import io
import re

import numpy as np
import pandas as pd
import pytest

import gridfig as gf
from helpers import colorbar_ticks, colorbars, inside, shown_ticklabels, text_boxes


def test_large_body_is_one_image_in_vector_output():
    rng = np.random.default_rng(0)
    n, m = 2000, 100
    data = pd.DataFrame(rng.normal(size=(n, m)), index=[f"r{i}" for i in range(n)])
    g = gf.clustermap(data, row_colors=pd.Series(rng.choice(list("abc"), n), index=data.index),
                      figsize=(8, 8), method="average")
    buf = io.BytesIO()
    g.savefig(buf, format="pdf")
    pdf = buf.getvalue()
    assert len(pdf) < 2 * 2**20  # a few hundred KiB, not 20+ MiB of per-cell rectangles
    assert pdf.count(b"/Subtype /Image") >= 1
    # every cell is in the file: the body is stored at one pixel per cell, not resampled to the dpi
    sizes = {(int(w), int(h)) for w, h in re.findall(rb"/Width (\d+).{0,200}?/Height (\d+)", pdf, re.S)}
    assert (m, n) in sizes, sizes
    svg = io.BytesIO()
    g.savefig(svg, format="svg")
    text = svg.getvalue().decode()
    assert text.count("<image") >= 2  # body and strip are images
    # no shape per cell: the only paths are the dendrograms' segments (one per merge) and a few frames
    assert text.count("<path") < (n - 1) + (m - 1) + 200 < n * m / 50


def test_input_is_never_mutated():
    rng = np.random.default_rng(1)
    data = pd.DataFrame(rng.normal(size=(12, 5)), index=[f"r{i}" for i in range(12)],
                        columns=[f"c{j}" for j in range(5)])
    data.iloc[2, 3] = np.nan
    rows = pd.Series(list("ab" * 6), index=data.index[::-1], name="grp")
    cols = pd.DataFrame({"kind": list("xyxyx"), "level": [1, 2, 3, 1, 2]}, index=data.columns)
    before = (data.copy(), rows.copy(), cols.copy())
    with pytest.warns(UserWarning):
        gf.clustermap(data, row_colors=rows, col_colors=cols, z_score=0, figsize=(6, 5))
    pd.testing.assert_frame_equal(data, before[0])
    pd.testing.assert_series_equal(rows, before[1])
    pd.testing.assert_frame_equal(cols, before[2])


@pytest.mark.parametrize("side", ["left", "right", "top", "bottom"])
def test_scale_bar_panel_on_every_side(side):
    data = np.linspace(-3, 5, 40).reshape(8, 5)
    heat = gf.Heatmap(data=data, cmap="RdBu_r", center=0)
    bar = gf.ScaleBar.for_heatmap(heat, title="value")
    out = gf.render(gf.Cross(core=heat, **{side: [bar]}), figsize=(5, 4))
    fig = out.figure
    ax = out.axes[f"{side}/scalebar"]
    # ticks sit where the norm puts their values along the bar, which runs the core's length
    renderer = fig.canvas.get_renderer()
    core = out.axes["heatmap"].get_window_extent(renderer)
    (cb,) = colorbars(ax)
    assert cb.norm is heat.norm and cb.ax.get_ylabel() + cb.ax.get_xlabel() == "value"
    ticks = colorbar_ticks(cb)
    assert "0" in ticks and len(ticks) >= 3
    for label, (value, at) in ticks.items():
        frac = float(heat.norm(value))
        if side in ("left", "right"):
            assert at == pytest.approx(core.y0 + frac * core.height, abs=0.5)
        else:
            assert at == pytest.approx(core.x0 + frac * core.width, abs=0.5)
    # tick labels and the title are away from the core
    bar = cb.ax.get_window_extent(renderer)
    for t in shown_ticklabels(cb):
        b = t.get_window_extent(renderer)
        away = {"left": bar.x0 - b.x1, "right": b.x0 - bar.x1, "top": b.y0 - bar.y1, "bottom": bar.y0 - b.y1}
        assert away[side] > 0, (side, t.get_text())
    # the symmetric norm about 0 puts 0 in the middle
    assert float(heat.norm(0)) == pytest.approx(0.5)
    for t, b in text_boxes(fig):
        assert inside(b, fig.bbox), t.get_text()
        assert not (b.overlaps(core) and t.axes is not out.axes["heatmap"]), t.get_text()


def test_legend_texts_stay_inside_the_legend_area():
    for kwargs in ({}, {"cbar_label": "value"}):
        g = gf.demo.seed_figure(**kwargs) if kwargs else gf.clustermap(gf.demo.seed_data()[0])
        fig = g.figure
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        area = g.axes["legends"].get_window_extent(renderer)
        (cb,) = colorbars(g.axes["legends"])  # and the colour bar's tick labels: it was measured to fit
        for t in [*g.axes["legends"].texts, *shown_ticklabels(cb)]:
            assert inside(t.get_window_extent(renderer), area, tol=0.5), t.get_text()
