"""Ordinary matplotlib content as a panel: a scatter, bars, a line plot, from a function."""

from __future__ import annotations

from typing import Callable, ClassVar

import attrs

from ..validate import callable_value
from .base import CENTER, DrawContext, Extent, MeasureContext, Panel

#: Core size assumed before the layout is first solved.
FIRST_GUESS = (3.0, 3.0)


@attrs.frozen(kw_only=True)
class Plot(Panel):
    """A panel drawn by your own function, ``func(ax)``, with its axes, ticks and labels.

    As a core (a bare panel in a Row or Column), the room its tick labels,
    axis labels and title need outside the plotting area is measured, so
    plotting areas align with their neighbours' cores and nothing overlaps.
    The function is called once more per measuring pass, on an off-screen
    figure, so it should only draw.

    Parameters
    ----------
    func : callable
        ``func(ax)`` draws into a matplotlib Axes.
    """

    func: Callable = attrs.field(eq=False, validator=callable_value)

    kind: ClassVar[str] = "plot"

    def setup_axes(self, ax, ctx: DrawContext) -> None:
        pass  # keep the frame, ticks and labels

    def measure(self, ctx: MeasureContext) -> Extent:
        if ctx.side != CENTER:
            return super().measure(ctx)
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        w, h = ctx.core_size or FIRST_GUESS
        margin = 2.0
        dpi = ctx.text.dpi
        fig = Figure(figsize=(w + 2 * margin, h + 2 * margin), dpi=dpi)
        renderer = FigureCanvasAgg(fig).get_renderer()
        ax = fig.add_axes((margin / fig.get_figwidth(), margin / fig.get_figheight(),
                           w / fig.get_figwidth(), h / fig.get_figheight()))
        self.func(ax)
        box = ax.get_tightbbox(renderer)
        frame = ax.get_window_extent(renderer)
        pad = tuple(max(0.0, v / dpi) for v in (frame.x0 - box.x0, box.x1 - frame.x1,
                                                   box.y1 - frame.y1, frame.y0 - box.y0))
        return Extent(pad=pad)

    def draw(self, ax, ctx: DrawContext) -> None:
        self.func(ax)
