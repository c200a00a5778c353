"""Measuring: text extents in inches at the figure's dpi, without drawing.

Panels whose size depends on their content (labels, names, legends) ask a
:class:`TextMeasurer`. It uses an Agg renderer's font metrics directly (the
same call matplotlib's ``Text`` makes to lay itself out), so no Figure is
drawn to find out how big the text will be.
"""

from __future__ import annotations

from typing import Mapping

from ..frame import CENTER, SIDES, anchored_box, is_vertical
from ..panels.base import Extent, MeasureContext, Theme

__all__ = ["TextMeasurer", "anchored_box", "combine", "measure"]


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


def checked(ext, placed) -> Extent:
    """A panel's measurement, refused when it is not a usable :class:`Extent` (naming the panel's path)."""
    import math

    from ..errors import InputError

    who = f"{placed.path}: {type(placed.panel).__name__}.measure()"
    if not isinstance(ext, Extent):
        raise InputError(f"{who} must return an Extent, got {type(ext).__name__} {ext!r:.60}")
    for field in ("thickness", "before", "after"):
        v = getattr(ext, field)
        if not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            raise InputError(f"{who} returned {field}={v!r}; it must be a finite length >= 0 in inches")
    return ext


def combine(extents: list[Extent]) -> Extent:
    """One panel's extent from its groups': the thickest, the first's overhang before, the last's after.

    ``info`` becomes the tuple of the groups' infos (each group's is handed back when it is drawn).
    """
    if len(extents) == 1:
        return extents[0]
    notes = list(dict.fromkeys(e.note for e in extents if e.note))
    return Extent(thickness=max(e.thickness for e in extents), before=extents[0].before,
                  after=extents[-1].after, info=tuple(e.info for e in extents),
                  ends_move=any(e.ends_move for e in extents), note="; ".join(notes) or None)


def measure(
    tree,
    *,
    dpi: float = 100.0,
    theme: Theme | None = None,
    along: Mapping[str, tuple[float, float]] | None = None,
    text: TextMeasurer | None = None,
    panels: Mapping[str, object] | None = None,
) -> dict[str, Extent]:
    """Ask every panel of the planned tree for its :class:`Extent`.

    A side panel beside a split axis is asked once per group (its context
    holds that group's leaves and length) and the answers are combined by
    :func:`combine`; a panel that spans the groups is asked once.

    Parameters
    ----------
    tree : Plan or Node
        A :class:`~gridfig.layout.planning.Plan` (a Node is planned first).
    dpi : float
        Resolution at which text is measured (the figure's).
    theme : Theme, optional
    along : mapping, optional
        Cross path -> ``(core width, core height)`` in inches from a previous
        solution, so panels can fit their content to the core's length.
    text : TextMeasurer, optional
        Reuse a measurer (and its cache) across passes.
    panels : mapping, optional
        Side panel path -> a panel measured in its place (a layout adapting to
        a small region measures its legend areas set smaller); what is drawn
        is the planned panel, handed what this one measured.
    """
    from .planning import plan

    planned = plan(tree)
    theme = (theme or Theme()).resolved()
    text = text or TextMeasurer(dpi)
    out: dict[str, Extent] = {}
    for path, cp in planned.crosses.items():
        size = (along or {}).get(path)
        for side in SIDES:
            leaves = cp.leaves(side)
            length = None if size is None else (size[1] if is_vertical(side) else size[0])
            for placed in cp.sides[side]:
                panel = (panels or {}).get(placed.path, placed.panel)
                if placed.cells[0][1] is None:  # one Axes over every group
                    groups = [(None, None if leaves is None else leaves.order, length)]
                else:
                    lengths = [None] * len(leaves.chunks) if length is None else leaves.lengths(length)
                    groups = [(i, c.positions, lengths[i]) for i, c in enumerate(leaves.chunks)]
                out[placed.path] = combine([checked(
                    panel.measure(MeasureContext(path=placed.path, side=side, order=order, along=glen,
                                                 theme=theme, text=text, leaves=leaves, chunk=i)), placed)
                    for i, order, glen in groups])
        core = cp.core
        out[core.path] = core.panel.measure(
            MeasureContext(path=core.path, side=CENTER, order=None, along=None if size is None else size[1],
                           theme=theme, text=text, core_size=size, leaves=cp.rows)
        )
    return out
