"""Read-back helpers shared by the tests: where things were actually drawn."""

from __future__ import annotations

import numpy as np

MM = 1 / 25.4
#: 0.01 mm in inches: the tolerance for "exactly equal" lengths.
TOL = 0.01 * MM


def axes_inches(ax):
    """(x0, y0, x1, y1) of an Axes in figure inches, from its position."""
    fig = ax.get_figure(root=True)
    W, H = fig.get_size_inches()
    p = ax.get_position()
    return np.array([p.x0 * W, p.y0 * H, p.x1 * W, p.y1 * H])


def text_boxes(fig):
    """Window extents (pixels) of every visible, non-empty text in the figure."""
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    out = []
    for ax in fig.axes:
        for t in ax.texts:
            if t.get_visible() and t.get_text():
                out.append((t, t.get_window_extent(renderer)))
        for cb in colorbars(ax):  # a colour scale's tick labels and label, in its inset Axes
            for t in [*shown_ticklabels(cb), cb.ax.xaxis.label, cb.ax.yaxis.label]:
                if t.get_visible() and t.get_text():
                    out.append((InAxes(t, cb.ax), t.get_window_extent(renderer)))
    return out


class InAxes:
    """A text read back with the Axes it belongs to (a tick label does not always know its Axes)."""

    def __init__(self, text, axes):
        self._text, self.axes = text, axes

    def __getattr__(self, name):
        return getattr(self._text, name)


def colorbars(ax):
    """The matplotlib Colorbars drawn in inset Axes of ``ax`` (a legend area, a scale bar)."""
    return [c._colorbar for c in ax.child_axes if getattr(c, "_colorbar", None) is not None]


def shown_ticklabels(cb):
    """The major tick labels a Colorbar draws (the locator's ticks inside the bar's range)."""
    axis = cb.ax.yaxis if cb.orientation == "vertical" else cb.ax.xaxis
    lo, hi = sorted(axis.get_view_interval())
    eps = 1e-9 * (hi - lo)
    return [t for v, t in zip(axis.get_majorticklocs(), axis.get_majorticklabels())
            if lo - eps <= v <= hi + eps and t.get_text()]


def colorbar_ticks(cb):
    """{tick label: (value, display position along the bar)} of a drawn Colorbar's major ticks."""
    fig = cb.ax.get_figure(root=True)
    fig.draw_without_rendering()
    vertical = cb.orientation == "vertical"
    axis = cb.ax.yaxis if vertical else cb.ax.xaxis
    out = {}
    lo, hi = sorted(axis.get_view_interval())
    for value, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels()):
        if not label.get_text() or not lo - 1e-9 * (hi - lo) <= value <= hi + 1e-9 * (hi - lo):
            continue
        x, y = cb.ax.transData.transform((0, value) if vertical else (value, 0))
        out[label.get_text()] = (float(value), float(y if vertical else x))
    return out


def inside(inner, outer, tol=0.5):
    """Bbox ``inner`` within ``outer`` (pixels), with a tolerance."""
    return (inner.x0 >= outer.x0 - tol and inner.x1 <= outer.x1 + tol
            and inner.y0 >= outer.y0 - tol and inner.y1 <= outer.y1 + tol)


def overlap(a, b, tol=0.5):
    """True when two pixel bboxes overlap by more than ``tol`` in both directions."""
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > tol) and (min(a.y1, b.y1) - max(a.y0, b.y0) > tol)


def refused_clearly(call, kind, text) -> BaseException:
    """``call()`` raises ``kind`` with ``text`` in one short line, and leaves no drawn figure behind."""
    import matplotlib.pyplot as plt
    import pytest

    plt.close("all")
    with pytest.raises(kind) as info:
        call()
    message = str(info.value)
    assert text in message, message
    assert "\n" not in message and len(message) < 400, message
    assert "Traceback" not in message
    assert not [n for n in plt.get_fignums() if plt.figure(n).axes]  # nothing was drawn
    return info.value
