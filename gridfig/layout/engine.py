"""Keeping a drawn layout honest when the output differs from the one it was solved for.

Text is measured at the figure's dpi before anything is drawn. When the
figure is later drawn at another dpi (``savefig(dpi=...)``: hinted glyphs
change width with resolution) or at another size (``set_size_inches``, a
resized window), :class:`GridfigEngine` -- a matplotlib ``LayoutEngine``, run
by ``Figure.draw`` -- measures again, solves again and, only if something
changed, updates the GridSpec ratios in place, moves the axes to their new
rectangles and redraws the panels whose measured extent (or, for panels drawn
in inches, whose size) changed. A draw at the size and dpi of the last solve
costs one comparison.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable

import attrs
import numpy as np
from matplotlib.layout_engine import LayoutEngine

from ..panels.base import Theme
from .draw import draw_cell
from .planning import Plan
from .solver import Solution
from .titles import warn_unseen


class GridfigEngine(LayoutEngine):
    """The layout engine gridfig sets on figures it draws into.

    It behaves like no engine at all for everything else in the figure
    (``subplots_adjust`` works, colorbars take their space from GridSpecs),
    and re-solves each gridfig layout drawn into the figure when the dpi or
    the region's size changed since it was solved.
    """

    _adjust_compatible = True
    _colorbar_gridspec = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.jobs: list[Job] = []

    def execute(self, fig) -> None:
        for job in self.jobs:
            job.refresh(fig)
            warn_unseen(job)


#: Formats matplotlib draws at the save's dpi. Vector formats draw at their canvas's ``fixed_dpi``
#: (72: PDF, SVG, PS and EPS lay text out in points, one to a pixel, whatever dpi the save asks for).
RASTER = ("png", "jpg", "jpeg", "tif", "tiff", "webp", "raw", "rgba", "gif")


def current_at(fig, dpi: float) -> bool:
    """True when every gridfig layout in ``fig`` is solved for ``dpi`` and the figure's present size."""
    engine = fig.get_layout_engine()
    if not isinstance(engine, GridfigEngine):
        return False
    for job in engine.jobs:
        if not job.room_taken(float(dpi)):  # a title added, changed or measuring otherwise at this dpi
            return False
        size = tuple(float(v) for v in job.region())
        if float(dpi) != job.dpi or not np.allclose(size, job.size, rtol=0, atol=1e-9):
            return False
    return True


def draw_dpi(fmt: str, dpi) -> float | None:
    """The dpi ``Figure.draw`` runs at when saving ``fmt`` at ``dpi`` (None: not known here)."""
    if fmt in RASTER:
        return float(dpi)
    from matplotlib.backend_bases import get_registered_canvas_class

    try:
        fixed = getattr(get_registered_canvas_class(fmt), "fixed_dpi", None)
    except Exception:  # an unknown format: matplotlib's savefig says so
        return None
    return None if fixed is None else float(fixed)


def _solve_ahead(fig, engine: "GridfigEngine", dpi: float) -> bool:
    """Re-solve every layout for a draw at ``dpi``, as the engine would in matplotlib's dry draw.

    The figure's dpi is set to ``dpi`` meanwhile, as ``print_pdf`` and the other vector
    backends set it to 72 before that draw, so panels redrawn here see the same figure. Any
    error: False, and the save takes matplotlib's own way (the engine runs in the dry draw and
    fails there as it always did).
    """
    import matplotlib.cbook as cbook

    try:
        with cbook._setattr_cm(fig, dpi=dpi):
            engine.execute(fig)
    except Exception:
        return False
    return current_at(fig, dpi)


@contextlib.contextmanager
def one_draw(fig, fmt: str, dpi):
    """Save with one ``Figure.draw``.

    matplotlib draws a figure that has a layout engine twice per save (a dry
    draw, so the engine can run, then the real one). When every layout is
    already solved for the dpi the save draws at (the save's for raster
    formats, 72 for PDF, SVG, PS and EPS) and the figure's size, the engine is
    set aside for that save, so the figure is drawn once. For a vector format
    a layout not yet solved at 72 dpi is solved first, here, exactly as the
    engine would solve it in the dry draw, and the figure is then drawn once
    too (a layout solved at the figure's dpi is not current at 72: hinted text
    measures a little narrower there, so the bodies move by a few thousandths
    of an inch). A raster save at another dpi keeps matplotlib's two draws.
    """
    import matplotlib

    if dpi is None or dpi == "figure":
        dpi = matplotlib.rcParams["savefig.dpi"]
    if dpi == "figure":
        dpi = fig.dpi
    engine = fig.get_layout_engine()
    at = draw_dpi(fmt, dpi)
    ready = at is not None and isinstance(engine, GridfigEngine) and (
        current_at(fig, at) or (fmt not in RASTER and _solve_ahead(fig, engine, at)))
    if not ready:
        yield
        return
    for job in engine.jobs:  # what execute() would say, had it run
        warn_unseen(job)
    with matplotlib.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


def engine_for(fig) -> GridfigEngine:
    """The figure's GridfigEngine, set on it if it has none."""
    engine = fig.get_layout_engine()
    if isinstance(engine, GridfigEngine):
        return engine
    engine = GridfigEngine()
    fig.set_layout_engine(engine)
    return engine


def _attempts(derived: bool):
    """How a drawn layout is solved again, in order: as it was; bodies stretched (content-sized
    figures only); adapted to the room in the order of docs/layout.md ("What gives way": the colour scale last)."""
    yield dict(stretch=False, adapt=False)
    if derived:
        yield dict(stretch=True, adapt=False)
    yield dict(stretch=derived, adapt=True)


def ctx_spans_split(planned: Plan, placed) -> bool:
    """True for a panel drawn over every group of a split axis (its gaps in leaf units change with size)."""
    if placed.side == "center":
        return False
    leaves = planned.crosses[placed.node].leaves(placed.side)
    return leaves is not None and leaves.split


@attrs.define(eq=False, repr=False)
class Job:
    """One gridfig layout drawn into a figure, with what it needs to re-solve."""

    plan: Plan
    theme: Theme
    dpi: float
    size: tuple
    solve: Callable[..., tuple]  # (dpi, region size, stretch=, adapt=) -> (solution, extents, letter space)
    region: Callable[[], tuple]  # current region size in inches
    solution: Solution
    extents: dict
    builder: Any
    letters: list = attrs.field(factory=list)  # (Text, path)
    origin: Callable[[], tuple] = lambda: (0.0, 0.0)
    #: The figure's size was derived from its content (a clustermap without figsize): its fixed
    #: bodies may stretch a little when text measures differently at another dpi.
    derived: bool = False
    #: The :class:`~gridfig.layout.host.Host`, when the layout fills a whole (sub)figure: the region
    #: then gives room to the figure's titles (see :mod:`.titles`).
    host: Any = None
    said_labels: set = attrs.field(factory=set)  # axis labels already warned about (not drawn)

    def room(self, dpi: float):
        """The region's edges and the titles' places the figure's titles need at ``dpi`` (None: not ours)."""
        if self.host is None or not self.host.owns_whole:
            return None
        from .titles import title_overhang

        return self.host.room(dpi, title_overhang(self.builder.axes, self.solution, self.size[1], dpi))

    def room_taken(self, dpi: float) -> bool:
        return self.host is None or self.host.room_taken(self.room(dpi))

    def resolve(self, dpi: float, size: tuple) -> tuple:
        """``(solution, extents)`` at ``dpi`` and ``size``, or :class:`~gridfig.LayoutFailed` (never stale)."""
        from ..errors import LayoutError, LayoutFailed

        last = None
        for how in _attempts(self.derived):
            try:
                solution, extents, _ = self.solve(dpi, size, **how)
                return solution, extents
            except LayoutError as err:
                last = err
        raise LayoutFailed(f"gridfig cannot lay this figure out again at {dpi:g} dpi and "
                           f"{size[0]:.2f} x {size[1]:.2f} in: {last}") from None

    def refresh(self, fig) -> None:
        dpi = float(fig.get_figure(root=True).dpi)
        if self.host is not None:
            self.host.take_room(self.room(dpi))
        size = tuple(float(v) for v in self.region())
        if dpi == self.dpi and np.allclose(size, self.size, rtol=0, atol=1e-9):
            return
        with self.theme.applied():  # measured and drawn in the style the figure was made in
            self._refresh(dpi, size)

    def _refresh(self, dpi: float, size: tuple) -> None:
        solution, extents = self.resolve(dpi, size)
        self.dpi, self.size = dpi, size
        if solution == self.solution and extents == self.extents:
            self.builder.update(solution)  # the region itself may have moved (room for a title)
            self._place_letters()
            return
        old_solution, old_extents = self.solution, self.extents
        self.solution, self.extents = solution, extents
        self.builder.update(solution)
        for axes_path, chunk, placed in self.plan.cells():
            ax = self.builder.axes.get(axes_path)
            if ax is None:
                continue
            old, new = old_solution.cells.get(axes_path), solution.cells[axes_path]
            resized = old is None or not np.allclose((old.width, old.height), (new.width, new.height),
                                                      rtol=0, atol=1e-12)
            redraw = placed.panel.redraw_on_resize or (chunk is None and placed.cells[0][1] is None
                                                        and ctx_spans_split(self.plan, placed))
            if extents.get(placed.path) != old_extents.get(placed.path) or (resized and redraw):
                ax.cla()
                draw_cell(ax, axes_path, chunk, placed, self.plan, solution, extents, self.theme)
        self._place_letters()

    def _place_letters(self) -> None:
        origin = self.origin()
        for text, path in self.letters:
            r = self.solution.regions[path]
            text.set_position((origin[0] + r.x, origin[1] + r.top))
