"""Where a layout is drawn: a new figure, or a region of a figure the user already has.

:func:`find_host` works out the figure and the region's size in inches and
checks the host, touching nothing; :meth:`Host.claim` then takes the region
and returns the SubplotSpec to build in; :meth:`Host.finish` removes an Axes
drawn over once everything was drawn, and :meth:`Host.restore` undoes a
failed drawing.
The host figure is never resized.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..errors import InputError, InputTypeError


@attrs.define
class Host:
    """The figure (or subfigure) drawn into, the region's size, and how to take the region."""

    fig: Any
    size: tuple | None
    how: str  # "new", "spec", "box", "whole"
    target: Any = None  # the SubplotSpec, Bbox or Axes the region comes from
    replaced: Any = None  # an Axes drawn over, removed once the layout is drawn
    cell: Any = None
    grid: Any = None  # the GridSpec pinned to the whole (sub)figure, for a host owned whole

    @property
    def owns_whole(self) -> bool:
        """True when the layout fills the whole figure or subfigure: it then makes room for its titles."""
        return self.how in ("new", "whole")

    def claim(self, fig=None):
        """The SubplotSpec covering the region, in ``fig`` for a new figure.

        An Axes drawn over stays until :meth:`finish` (after everything was drawn), so a
        failure can leave the host as it was.
        """
        if self.how == "new":
            self.fig = fig
        if self.how == "spec":
            self.cell = self.target
        else:
            b = self.target
            box = dict(left=0, right=1, bottom=0, top=1) if b is None else \
                dict(left=b.x0, right=b.x1, bottom=b.y0, top=b.y1)
            grid = self.fig.add_gridspec(1, 1, wspace=0, hspace=0, **box)
            self.cell = grid[0, 0]
            if self.owns_whole:
                self.grid = grid
        return self.cell

    def fig_size(self) -> tuple[float, float]:
        """The (sub)figure's size in inches, now."""
        return (self.fig.bbox.width / self.root.dpi, self.fig.bbox.height / self.root.dpi)

    def room(self, dpi: float, overhang: float = 0.0):
        """What the figure's titles need at ``dpi``: the region's ``(left, bottom, right, top)`` as
        fractions of the (sub)figure, and ``(Text, position)`` for each title; ``None`` for a host
        not owned whole (see :mod:`.titles`)."""
        if not self.owns_whole:
            return None
        from .titles import bands, place

        W, H = self.fig_size() if self.fig is not None else self.size
        b = bands(self.fig, dpi, overhang) if self.fig is not None else dict(left=0, bottom=0, top=0)
        left, bottom, top = min(b["left"] / W, 0.5), min(b["bottom"] / H, 0.5), min(b["top"] / H, 0.5)
        box = (left, bottom, 1.0, 1.0 - top)
        return box, ([] if self.fig is None else place(self.fig, (W, H)))

    def room_taken(self, wanted) -> bool:
        """True when the region and the titles already are where ``wanted`` (from :meth:`room`) puts them."""
        import numpy as np

        if wanted is None or self.grid is None:
            return True
        g = self.grid
        box, texts = wanted
        return np.allclose((g.left, g.bottom, g.right, g.top), box, rtol=0, atol=1e-12) and all(
            np.allclose(t.get_position(), xy, rtol=0, atol=1e-12) for t, xy in texts)

    def take_room(self, wanted) -> None:
        """Move the region's edges and the titles where ``wanted`` (from :meth:`room`) puts them."""
        if wanted is None or self.grid is None or self.room_taken(wanted):
            return
        box, texts = wanted
        self.grid.left, self.grid.bottom, self.grid.right, self.grid.top = box
        for t, xy in texts:
            if tuple(t.get_position()) != tuple(xy):
                t.set_position(xy)

    def finish(self) -> None:
        """Everything was drawn: remove the Axes the layout was drawn over."""
        if self.replaced is not None:
            self.replaced.remove()
            self.replaced = None

    def restore(self, made) -> None:
        """Undo :meth:`claim` after a failure: remove the Axes ``made``; the host's own stay as they were."""
        for ax in made:
            ax.remove()

    @property
    def root(self):
        return self.fig.get_figure(root=True)

    def origin(self) -> tuple[float, float]:
        """The region's bottom-left corner in figure inches, now."""
        bbox = self.cell.get_position(self.fig)
        x0, y0 = self.fig.transSubfigure.transform((bbox.x0, bbox.y0))
        return (x0 / self.root.dpi, y0 / self.root.dpi)

    def region(self) -> tuple[float, float]:
        """The region's size in inches, now."""
        bbox = self.cell.get_position(self.fig)
        t = self.fig.transSubfigure
        w, h = t.transform((bbox.x1, bbox.y1)) - t.transform((bbox.x0, bbox.y0))
        return (w / self.root.dpi, h / self.root.dpi)


def find_host(target, figsize) -> Host:
    """The host for ``ax=target`` (``None``: a new figure of ``figsize``), checked but untouched."""
    if target is None:  # before importing matplotlib.figure: clustermap imports it while clustering
        return Host(fig=None, size=figsize, how="new")
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure
    from matplotlib.gridspec import SubplotSpec

    if figsize is not None:
        raise InputError("figsize: cannot be given when drawing into an existing figure, "
                         "subfigure, subplot spec or Axes; the region's size is used")
    replaced = None
    if isinstance(target, Axes):
        fig = target.get_figure(root=False)
        check_engine(fig.get_figure(root=True))
        ss = target.get_subplotspec()
        replaced = target
        if ss is None:
            box = target.get_position()
            root = fig.get_figure(root=True)
            W, H = fig.bbox.width / root.dpi, fig.bbox.height / root.dpi
            return Host(fig=fig, size=(box.width * W, box.height * H), how="box", target=box, replaced=target)
        target = ss
    if isinstance(target, SubplotSpec):
        fig = target.get_gridspec().figure
        root = fig.get_figure(root=True) if isinstance(fig, SubFigure) else fig
        check_engine(root)
        # positions are fractions of the (sub)figure the grid belongs to
        box = target.get_position(fig)
        W, H = fig.bbox.width / root.dpi, fig.bbox.height / root.dpi
        return Host(fig=fig, size=(box.width * W, box.height * H), how="spec", target=target, replaced=replaced)
    if isinstance(target, SubFigure):
        root = target.get_figure(root=True)
        check_engine(root)
        dpi = root.dpi
        return Host(fig=target, size=(target.bbox.width / dpi, target.bbox.height / dpi), how="whole")
    if isinstance(target, Figure):
        check_engine(target)
        return Host(fig=target, size=tuple(target.get_size_inches()), how="whole")
    raise InputTypeError(
        f"ax: expected an Axes, SubplotSpec, SubFigure or Figure to draw into, got {type(target).__name__}"
    )


def check_engine(fig) -> None:
    """Refuse a host whose layout engine would move gridfig's Axes after layout."""
    from .engine import GridfigEngine

    engine = fig.get_layout_engine()
    if engine is not None and not isinstance(engine, GridfigEngine) \
            and type(engine).__name__ != "PlaceHolderLayoutEngine":
        raise InputError(
            f"the host figure uses the {type(engine).__name__}, which would move gridfig's axes "
            "after layout; create it with layout='none' (e.g. plt.subplots(..., layout='none'))"
        )
