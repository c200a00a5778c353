"""The value axis of a numeric panel shows its scale and direction, and bars show where they start.

Read back from the drawn figure: the tick labels' texts, positions and window extents, and the
segments, colour and width of the bars' baseline, on all four sides and with a split.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgba

import gridfig as gf
from gridfig.layout.measure import TextMeasurer
from gridfig.panels.numeric import LABEL_GAP
from helpers import overlap

SIDES = ["left", "right", "top", "bottom"]
N = 9
LABELS = [f"r{i}" for i in range(N)]
FRAME = pd.DataFrame(np.random.default_rng(1).normal(size=(N, N)), index=LABELS, columns=LABELS)
SPLIT = gf.Leaves.grouped([gf.Chunk(positions=np.arange(4)), gf.Chunk(positions=np.arange(4, N))], gap="2mm")
SHAPE = np.array([-1, -0.55, -0.1, 0.05, 0.3, 0.6, 0.2, -0.4, 0.45])
DPI = 100


def render(side, panel, split=False, figsize=(6, 6)):
    tree = gf.Cross(core=gf.Heatmap.from_frame(FRAME), rows=SPLIT if split else None,
                    cols=SPLIT if split else None, **{side: [panel, gf.Labels()]})
    return gf.render(tree, figsize=figsize, dpi=DPI)


def away(side, x, y):
    """The away-from-core data coordinate of a point (the test may branch on the side)."""
    return np.asarray(x if side in ("left", "right") else y, dtype=float)


def along(side, x, y):
    return np.asarray(y if side in ("left", "right") else x, dtype=float)


def outward(side, display):
    """How far a display point (pixels) lies from the core, up to a constant."""
    x, y = display
    return {"left": -x, "right": x, "top": y, "bottom": -y}[side]


def tick_labels(ax):
    return [t for t in ax.texts if re.fullmatch(r"-?[\d.]+(e[-+]?\d+)?", t.get_text())]


#: (values, size) that a thin panel at 10 pt used to show with a single tick
ONE_TICK_BEFORE = [
    ("mixed", SHAPE * 6.98, None),  # -6.98..4.19 at the default 10 mm: only '-5'
    ("mixed-8mm", SHAPE * 6.98, "8mm"),
    ("positive-8mm", np.abs(SHAPE) * 7.3, "8mm"),  # only '0'
    ("large-8mm", SHAPE * 1234, "8mm"),  # only '-1000'
]


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("name,values,size", ONE_TICK_BEFORE, ids=[c[0] for c in ONE_TICK_BEFORE])
def test_a_thin_value_axis_has_two_ticks_showing_scale_and_direction(side, name, values, size):
    out = render(side, gf.Bars(values=values, size=size))
    fig = out.figure
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    ax = out.axes[f"{side}/bars"]
    lo, hi = out.plan.panels[f"{side}/bars"].panel.value_limits()
    labels = tick_labels(ax)
    assert len(labels) >= 2, [t.get_text() for t in ax.texts]
    values_shown = [float(t.get_text()) for t in labels]
    for t, v in zip(labels, values_shown):
        assert away(side, *t.get_position()) == pytest.approx(v)  # at its own value
        assert lo - 1e-9 <= v <= hi + 1e-9
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert not any(overlap(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:])
    # the larger value is written further from the core: the axis' direction can be read
    order = np.argsort(values_shown)
    reach = [outward(side, ((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)) for b in boxes]
    assert np.all(np.diff(np.asarray(reach)[order]) > 0)
    plt.close(fig)


def test_one_tick_is_left_only_when_two_cannot_fit():
    """Two labels fit across a panel as soon as it is two label heights and a gap thick."""
    h = TextMeasurer(DPI).size("0", 10)[1]
    least = 2 * h + LABEL_GAP
    counts = {}
    for side in SIDES:
        for name, thickness in (("fits", least + 0.003), ("too thin", least - 0.003)):
            with plt.rc_context({"font.size": 10}):
                out = render(side, gf.Bars(values=SHAPE * 4, size=thickness))
            counts[side, name] = len(tick_labels(out.axes[f"{side}/bars"]))
            plt.close(out.figure)
    assert counts == {**{(s, "fits"): 2 for s in SIDES}, **{(s, "too thin"): 1 for s in SIDES}}


def baseline_of(ax):
    lines = [c for c in ax.collections if c.get_gid() == "baseline"]
    return lines[0] if lines else None


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("split", [False, True])
def test_bars_of_both_signs_start_from_a_drawn_baseline(side, split):
    values = SHAPE * 5
    out = render(side, gf.Bars(values=values), split)
    groups = [(out.axes[f"{side}/bars[{i}]"], c.n) for i, c in enumerate(SPLIT.chunks)] if split else \
        [(out.axes[f"{side}/bars"], N)]
    for ax, n in groups:
        line = baseline_of(ax)
        assert line is not None
        (segment,) = line.get_segments()  # one line across the group's leaves, at 0
        assert away(side, *segment.T) == pytest.approx([0, 0])
        assert sorted(along(side, *segment.T)) == pytest.approx([0, n])
        assert to_rgba(line.get_colors()[0]) == to_rgba(plt.rcParams["xtick.color"])
        assert line.get_linewidths()[0] == pytest.approx(0.6)
        # on screen every bar starts on the line: one of its two ends is the line's away position
        start = outward(side, ax.transData.transform(segment[0]))
        for patch in ax.patches:
            ends = [outward(side, p) for p in ax.transData.transform(patch.get_bbox().get_points())]
            assert min(abs(e - start) for e in ends) < 0.01


@pytest.mark.parametrize("side", SIDES)
def test_the_baseline_is_drawn_where_bars_may_point_back_toward_the_core(side):
    def line_at(panel):
        out = render(side, panel)
        line = baseline_of(out.axes[f"{side}/bars"])
        return None if line is None else float(away(side, *line.get_segments()[0].T)[0])

    assert line_at(gf.Bars(values=np.abs(SHAPE))) is None  # all from the edge next to the core: no line
    assert line_at(gf.Bars(values=-np.abs(SHAPE))) == 0.0  # all pointing back, from the far end
    assert line_at(gf.Bars(values=SHAPE + 0.5, baseline=0.5)) == 0.5  # at the baseline, not at 0
    parts = pd.DataFrame({"up": np.abs(SHAPE), "down": -np.abs(SHAPE)}, index=LABELS)
    assert line_at(gf.Bars(values=parts)) == 0.0  # stacked, piling both ways


def test_the_baseline_takes_the_styles_tick_colour():
    with plt.style.context("dark_background"):
        out = render("left", gf.Bars(values=SHAPE))
        expected = to_rgba(plt.rcParams["xtick.color"])
    assert to_rgba(baseline_of(out.axes["left/bars"]).get_colors()[0]) == expected == to_rgba("white")
