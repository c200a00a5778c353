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
    return out


def inside(inner, outer, tol=0.5):
    """Bbox ``inner`` within ``outer`` (pixels), with a tolerance."""
    return (inner.x0 >= outer.x0 - tol and inner.x1 <= outer.x1 + tol
            and inner.y0 >= outer.y0 - tol and inner.y1 <= outer.y1 + tol)


def overlap(a, b, tol=0.5):
    """True when two pixel bboxes overlap by more than ``tol`` in both directions."""
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > tol) and (min(a.y1, b.y1) - max(a.y0, b.y0) > tol)
