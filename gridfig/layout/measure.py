"""Measuring: text extents in inches at the figure's dpi, without drawing.

Panels whose size depends on their content (labels, names, legends) ask a
:class:`TextMeasurer`. It uses an Agg renderer's font metrics directly (the
same call matplotlib's ``Text`` makes to lay itself out), so no Figure is
drawn to find out how big the text will be.
"""

from __future__ import annotations

import math
from typing import Mapping

import numpy as np

from ..panels.base import _AWAY, CENTER, SIDES, Extent, MeasureContext, Theme
from .tree import Cross, Node, core_path, join, walk


class TextMeasurer:
    """Measures single-line text in inches at a given dpi, without drawing.

    It asks one reusable, never-drawn ``Text`` on an off-screen Figure for its
    extent, so the box is exactly the one matplotlib will lay out (line
    height from the font's metrics, as the running matplotlib version does
    it). Results are cached per (text, size, weight, family).
    """

    def __init__(self, dpi: float):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.dpi = float(dpi)
        fig = Figure(figsize=(1, 1), dpi=self.dpi)
        self._renderer = FigureCanvasAgg(fig).get_renderer()
        self._text = fig.text(0, 0, "", parse_math=False)
        self._cache: dict = {}

    def size(self, text: str, fontsize: float, *, weight: str = "normal", family=None) -> tuple[float, float]:
        """``(width, height)`` in inches of ``text`` drawn literally (no mathtext)."""
        key = (text, fontsize, weight, family)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if not text:
            return (0.0, 0.0)  # matplotlib lays an empty text out as nothing
        import matplotlib

        t = self._text
        t.set_text(text)
        t.set_fontsize(fontsize)
        t.set_fontweight(weight)
        t.set_fontfamily(family if family is not None else matplotlib.rcParams["font.family"])
        box = t.get_window_extent(self._renderer)
        out = (box.width / self.dpi, box.height / self.dpi)
        self._cache[key] = out
        return out

    def line_height(self, fontsize: float) -> float:
        """Height in inches of one line of text."""
        return self.size("lp", fontsize)[1]


_ALONG = {"left": (0.0, -1.0), "right": (0.0, -1.0), "top": (1.0, 0.0), "bottom": (1.0, 0.0)}
_HA = {"left": 0.0, "center": -0.5, "right": -1.0}
_VA = {"bottom": 0.0, "center": -0.5, "top": -1.0}


def anchored_box(width: float, height: float, side: str, align: dict) -> tuple[float, float, float, float]:
    """Where a text box reaches relative to its anchor, for a side.

    ``align`` holds ``rotation``, ``ha`` and ``va`` (``rotation_mode="anchor"``).
    Returns ``(away_min, away_max, along_min, along_max)`` in inches: the
    extremes of the rotated box projected on the away-from-core direction and
    on the along-the-leaves direction.
    """
    phi = math.radians(align["rotation"])
    c, s = math.cos(phi), math.sin(phi)
    x0 = _HA[align["ha"]] * width
    y0 = _VA[align["va"]] * height
    corners = np.array([[x0, y0], [x0 + width, y0], [x0, y0 + height], [x0 + width, y0 + height]])
    rot = np.column_stack([corners[:, 0] * c - corners[:, 1] * s, corners[:, 0] * s + corners[:, 1] * c])
    away = rot @ np.array(_AWAY[side])
    along = rot @ np.array(_ALONG[side])
    return float(away.min()), float(away.max()), float(along.min()), float(along.max())


def measure(
    tree: Node,
    *,
    dpi: float = 100.0,
    theme: Theme | None = None,
    along: Mapping[str, tuple[float, float]] | None = None,
    text: TextMeasurer | None = None,
) -> dict[str, Extent]:
    """Ask every side panel of ``tree`` for its :class:`Extent`.

    Parameters
    ----------
    tree : Node
    dpi : float
        Resolution at which text is measured (the figure's).
    theme : Theme, optional
    along : mapping, optional
        Cross path -> ``(core width, core height)`` in inches from a previous
        solution, so panels can fit their content to the core's length.
    text : TextMeasurer, optional
        Reuse a measurer (and its cache) across passes.
    """
    theme = theme or Theme()
    text = text or TextMeasurer(dpi)
    out: dict[str, Extent] = {}
    for path, node in walk(tree):
        if not isinstance(node, Cross):
            continue
        rows, cols = node.orders()
        size = (along or {}).get(path)
        for side in SIDES:
            vertical = side in ("left", "right")
            for seg, panel in node.side_items(side):
                p = join(path, f"{side}/{seg}")
                ctx = MeasureContext(
                    path=p,
                    side=side,
                    order=rows if vertical else cols,
                    along=None if size is None else (size[1] if vertical else size[0]),
                    theme=theme,
                    text=text,
                )
                out[p] = panel.measure(ctx)
        cpath = core_path(node, path)
        out[cpath] = node.core.measure(
            MeasureContext(path=cpath, side=CENTER, order=None, along=None if size is None else size[1],
                           theme=theme, text=text, core_size=size)
        )
    return out
