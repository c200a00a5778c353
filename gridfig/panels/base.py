"""The panel base class and the contexts a panel is measured and drawn with.

A panel is a frozen value object: it holds its data and style and knows how to
measure and draw itself. It never stores the Axes it was drawn on, so one panel
can sit in several trees and figures.

Orientation belongs to the framework. A panel beside a core (a heatmap body)
draws in a canonical frame:

* *along* runs over the leaves: leaf ``k`` (the k-th displayed row or column)
  occupies ``[k, k + 1]``, so its centre is ``k + 0.5``;
* *away* runs from the core outwards, ``0`` at the edge next to the core.

:class:`DrawContext` maps that frame onto x and y for each side (the maths is
in :mod:`gridfig.frame`), so the same panel works on the left, right, top and
bottom without ``if side == ...``.

When an axis is split into groups, a side panel gets one Axes per group and
is measured and drawn once per group, told which group by its context: its
``order`` is then that group's leaves. A panel whose ``spans_groups`` is true
(legends, a colour scale, the tree between groups) gets one Axes the whole
length of the core instead.
"""

from __future__ import annotations

from typing import Any, ClassVar, Sequence

import attrs
import numpy as np

from ..frame import (ALONG, AWAY, AXIS_END, CENTER, SIDES, end_alignment, is_vertical, set_along_limits,
                     set_away_limits, text_alignment, to_xy)
from ..units import to_inches
from ..validate import number, panel_name

__all__ = ["CENTER", "SIDES", "DrawContext", "Extent", "MeasureContext", "Panel", "Theme", "text_alignment"]


def optional_length(name: str):
    """An attrs converter: ``None`` stays ``None``, anything else becomes inches (errors name ``name``)."""

    def convert(value):
        return None if value is None else to_inches(value, name)

    return convert


@attrs.frozen(kw_only=True)
class Theme:
    """Fonts, line widths and colours shared by every panel of a figure.

    Every field left as ``None`` (the default) is taken from matplotlib's
    rcParams in force when the figure is drawn (:meth:`resolved`), so style
    sheets and ``rc_context`` reach every panel: ``plt.style.use("dark_background")``
    gives light text and lines, ``rc_context({"font.size": 14})`` 14 pt labels.
    A value given here wins over the style.

    Parameters
    ----------
    fontsize : float, optional
        Font size in points of labels, legends and value axes; by default the
        style's ``font.size`` (matplotlib's default is 10).
    font_family : str or sequence of str, optional
        By default the style's ``font.family``.
    line_width : float, optional
        Line width in points of dendrograms and outlines; by default the
        style's ``axes.linewidth``.
    line_color : str, optional
        Colour of dendrogram lines and axis lines; by default the style's
        ``xtick.color`` (tick marks show against the figure in every style;
        ``axes.edgecolor`` is white in ggplot and a faint grey in the grid styles).
    missing_color : str
        Colour of missing heatmap cells and missing annotation values.
    text_color : str, optional
        Colour of labels and legend text; by default the style's ``text.color``.
    face_color : str, optional
        The background panels are drawn on (edges that separate shapes from it
        take it); by default the style's ``axes.facecolor``.

    The resolved theme is also in force (as rcParams) while panels measure and
    draw, so :class:`~gridfig.Plot` panels and anything else drawn with plain
    matplotlib use the same font size, family and text colour.
    """

    fontsize: float | None = attrs.field(default=None, validator=attrs.validators.optional(
        number(above=0, what="a font size in points")))
    line_width: float | None = attrs.field(default=None, validator=attrs.validators.optional(
        number(low=0, what="a line width in points")))
    line_color: str | None = None
    missing_color: str = "#d4d4d4"
    text_color: str | None = None
    font_family: Any = None
    face_color: str | None = None

    def resolved(self) -> "Theme":
        """This theme with every field left open taken from the rcParams in force now."""
        import matplotlib

        rc = matplotlib.rcParams
        family = self.font_family if self.font_family is not None else rc["font.family"]
        family = (family,) if isinstance(family, str) else tuple(family)
        return attrs.evolve(self, fontsize=float(self.fontsize if self.fontsize is not None else rc["font.size"]),
                            line_width=float(self.line_width if self.line_width is not None
                                             else rc["axes.linewidth"]),
                            line_color=self.line_color or rc["xtick.color"],
                            text_color=self.text_color or rc["text.color"], font_family=family,
                            face_color=self.face_color or rc["axes.facecolor"])

    def applied(self):
        """A ``matplotlib.rc_context`` with this (resolved) theme's font and text colour in force."""
        import matplotlib

        theme = self.resolved()
        return matplotlib.rc_context({"font.size": theme.fontsize, "font.family": list(theme.font_family),
                                      "text.color": theme.text_color, "axes.labelcolor": theme.text_color})


def same_value(a, b) -> bool:
    """Equality that also works through tuples and lists of numpy arrays."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                and bool(np.array_equal(a, b)))
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return a is b


@attrs.frozen(kw_only=True)
class Extent:
    """What a panel needs from the layout, in inches.

    Parameters
    ----------
    thickness : float
        Size away from the core (width on the left or right, height on top or
        at the bottom). Ignored for a core panel.
    before, after : float
        How far the panel's content reaches past the start or end of the core
        along the leaves (for example, half a label's height, or a strip's
        name written past its end). The layout keeps that much room free.
    info : object
        Anything the panel worked out while measuring and wants again when
        drawing (for example, which labels it will show). Passed back as
        ``DrawContext.info``.
    pad, fixed, minimum : tuple
        For a core panel only: room for decorations outside its Axes
        (left, right, top, bottom), a fixed size, and a least size.
    note : str, optional
        Something the user should know about this layout (for example "12 of
        120 labels shown"); gathered after layout and said once in a
        :class:`~gridfig.GridfigWarning`.
    ends_move : bool
        The overhangs are text the panel can move outward (a strip's name):
        where a perpendicular stack's overhang would share the corner, the
        layout pushes them past it and says how far in ``DrawContext.end_offset``.
    ends_left_out : bool
        Set by the layout when a region too small for everything left out the
        panel's movable end text (then ``DrawContext.show_ends`` is False).
    """

    thickness: float = 0.0
    before: float = 0.0
    after: float = 0.0
    info: Any = attrs.field(default=None, eq=attrs.cmp_using(eq=lambda a, b: same_value(a, b)))
    #: For a core panel: room outside its Axes for decorations (tick labels,
    #: axis labels, a title), as (left, right, top, bottom) inches.
    pad: tuple = (0.0, 0.0, 0.0, 0.0)
    #: For a core panel: a fixed (width, height) it needs, ``None`` where flexible.
    fixed: tuple = (None, None)
    #: For a core panel: the least (width, height) it can take.
    minimum: tuple = (0.0, 0.0)
    #: Something the user should know about this layout (e.g. "12 of 120 labels shown"):
    #: gathered after layout and said once in a :class:`~gridfig.GridfigWarning`.
    note: str | None = None
    #: The overhangs are text the panel can move outward (a strip's name): where a
    #: perpendicular stack's overhang would share the corner, the layout pushes them past
    #: that stack and says how far in ``DrawContext.end_offset``.
    ends_move: bool = False
    #: Set by the layout, not the panel: a region too small for everything left out the
    #: movable end text (``DrawContext.show_ends`` is then False and ``end_text`` draws nothing).
    ends_left_out: bool = False


@attrs.frozen(kw_only=True)
class MeasureContext:
    """What a panel is told when asked for its :class:`Extent`.

    Attributes
    ----------
    path : str
        The panel's node path, e.g. ``"left/labels"``.
    side : str
        ``"left"``, ``"right"``, ``"top"``, ``"bottom"`` or ``"center"``.
    order : ndarray or None
        Data positions of the leaves this measurement is for, in display
        order: the whole axis, or one group's when the axis is split.
    along : float or None
        The length in inches those leaves take along the core, once known.
        The layout measures more than once: first with ``None``, then with the
        length the previous solution gave, so panels whose content depends on
        it (labels thinned to fit) can settle.
    theme : Theme
    text : TextMeasurer
        Measures text extents in inches at the figure's dpi without drawing.
    leaves : Leaves or None
        The whole leaf axis along this side (all groups).
    chunk : int or None
        Which group of ``leaves`` is measured, or ``None`` for all of them.
    core_size : (float, float) or None
        For a core panel: the (width, height) of its Axes in the previous solution.
    """

    path: str
    side: str
    order: np.ndarray | None = attrs.field(eq=False)
    along: float | None
    theme: Theme
    text: Any = attrs.field(eq=False)
    core_size: tuple | None = None
    leaves: Any = attrs.field(default=None, eq=False)
    chunk: int | None = None

    @property
    def axis_end(self) -> str:
        """``"before"`` or ``"after"``: the end of the leaves a value axis goes past on this side
        (:data:`gridfig.frame.AXIS_END`)."""
        return AXIS_END.get(self.side, "after")

    def at_end(self, end: str = "after") -> bool:
        """True when this measurement is of the group at that end of the axis (or of the whole
        axis): the one that draws text past that end."""
        if self.chunk is None or self.leaves is None:
            return True
        return self.chunk == (0 if end == "before" else len(self.leaves.chunks) - 1)


@attrs.frozen(kw_only=True)
class DrawContext:
    """What a panel is told when drawing, and the canonical-frame helpers.

    Attributes
    ----------
    path : str
        The path of the Axes drawn into: the panel's path, with ``[i]`` (or
        ``[i,j]`` for a core) when it draws one group of a split.
    side : str
        ``"left"``, ``"right"``, ``"top"``, ``"bottom"`` or ``"center"``.
    rows, cols : ndarray or None
        The data positions of the rows and columns this Axes shows, in
        display order (top row first, leftmost column first): one group's
        when the axis is split.
    width, height : float
        The Axes' size in inches.
    theme : Theme
    info : object
        ``Extent.info`` from this panel's measurement (of this group).
    leaves : Leaves or None
        The whole leaf axis along this side, every group (for a core: the rows).
    chunk : int, (int, int) or None
        Which group this Axes draws (``(row group, column group)`` for a
        core), or ``None`` when the panel spans every group.
    end_offset : (float, float)
        How far past the start and end of the leaves (inches) end text must
        go to clear a perpendicular stack's overhang in that corner (see
        ``Extent.ends_move``).
    show_ends : bool
        False when the layout had to leave out this panel's end text (a strip's
        name) to fit a small region; :meth:`end_text` then draws nothing.
    gap : float
        The space between neighbouring panels of this side (the node's
        ``gap``), in inches: how far past its edge nearest the core a panel
        reaches to meet the panel inward of it (a ``GroupDendrogram`` meeting
        the groups' trees).
    """

    path: str
    side: str
    rows: np.ndarray | None = attrs.field(eq=False)
    cols: np.ndarray | None = attrs.field(eq=False)
    width: float
    height: float
    theme: Theme
    info: Any = attrs.field(default=None, eq=False)
    end_offset: tuple = (0.0, 0.0)
    leaves: Any = attrs.field(default=None, eq=False)
    chunk: Any = None
    show_ends: bool = True
    gap: float = 0.0

    # -- the canonical frame -------------------------------------------------
    @property
    def vertical(self) -> bool:
        """True on the left and right, where the leaves run down the y axis."""
        return is_vertical(self.side)

    @property
    def order(self) -> np.ndarray | None:
        """Data positions of the leaves along this side that this Axes shows, in display order."""
        if self.side == CENTER:
            return None
        return self.rows if self.vertical else self.cols

    @property
    def n(self) -> int:
        """Number of leaves along this side that this Axes shows."""
        order = self.order
        return 0 if order is None else len(order)

    @property
    def chunks(self) -> int:
        """Number of groups along this side (1 when it is not split)."""
        return 1 if self.leaves is None else len(self.leaves.chunks)

    @property
    def along_length(self) -> float:
        """Length of the panel along the leaves, in inches."""
        return self.height if self.vertical else self.width

    @property
    def thickness(self) -> float:
        """Size of the panel away from the core, in inches."""
        return self.width if self.vertical else self.height

    @property
    def _gap_units(self) -> float:
        # a panel spanning split groups: the gap between groups in leaf units
        if self.chunk is not None or self.chunks < 2 or self.n == 0:
            return 0.0
        gaps = (self.chunks - 1) * self.leaves.gap
        cell = (self.along_length - gaps) / self.n
        return self.leaves.gap / cell if cell > 0 else 0.0

    @property
    def along_extent(self) -> float:
        """Length along the leaves in leaf units (``n``, plus the gaps for a panel spanning groups)."""
        return self.n + self._gap_units * (self.chunks - 1 if self.chunk is None else 0)

    @property
    def centres(self) -> np.ndarray:
        """Along-coordinates of the leaves' centres, in display order (gaps between groups included)."""
        centres = np.arange(self.n) + 0.5
        g = self._gap_units
        if g:
            group = np.repeat(np.arange(self.chunks), [c.n for c in self.leaves.chunks])
            centres = centres + group * g
        return centres

    @property
    def chunk_spans(self) -> list[tuple[float, float]]:
        """``(start, stop)`` along-coordinates of each group this Axes shows."""
        if self.chunk is not None or self.leaves is None:
            return [(0.0, float(self.n))]
        g, out = self._gap_units, []
        for i, (start, c) in enumerate(zip(self.leaves.starts, self.leaves.chunks)):
            out.append((start + i * g, start + i * g + c.n))
        return out

    def xy(self, along, away):
        """Map canonical coordinates to data ``(x, y)``."""
        return to_xy(self.side, along, away)

    def segments(self, along, away) -> np.ndarray:
        """Stack canonical polylines into a ``LineCollection`` segment array.

        ``along`` and ``away`` have shape ``(k, m)``: k polylines of m points.
        """
        along = np.asarray(along, dtype=float)
        away = np.asarray(away, dtype=float)
        x, y = self.xy(along, away)
        return np.stack([x, y], axis=-1)

    def rect(self, along0, away0, d_along, d_away):
        """A rectangle ``(x, y, width, height)`` from canonical coordinates."""
        if self.vertical:
            return away0, along0, d_away, d_along
        return along0, away0, d_along, d_away

    def inch_box(self, along: float, away: float, d_along: float, d_away: float, *, side: str | None = None):
        """A box given in inches in the canonical frame, as ``(x, y, width, height)`` in inches from
        the Axes' bottom-left corner (for an Axes whose data coordinates are inches, see
        :meth:`inch_frame`).

        ``along`` is measured from the start of the leaves (the top, or the left), ``away`` from the
        edge next to the core. A core (``side="center"``) has no core to face: pass the ``side`` whose
        frame to use (``"right"``: away runs right and along down from the top; ``"bottom"``: along
        runs right and away down from the top).
        """
        side = side or self.side
        (ux, uy), (lx, ly) = AWAY[side], ALONG[side]
        x0 = self.width if (ux < 0 or lx < 0) else 0.0  # the corner where along = away = 0
        y0 = self.height if (uy < 0 or ly < 0) else 0.0
        xs = (x0 + lx * along + ux * away, x0 + lx * (along + d_along) + ux * (away + d_away))
        ys = (y0 + ly * along + uy * away, y0 + ly * (along + d_along) + uy * (away + d_away))
        return min(xs), min(ys), abs(xs[1] - xs[0]), abs(ys[1] - ys[0])

    def inch_frame(self, ax) -> None:
        """Make the data coordinates of ``ax`` inches from its bottom-left corner."""
        ax.set_xlim(0, self.width)
        ax.set_ylim(0, self.height)

    def set_away_limits(self, ax, low: float, high: float) -> None:
        """Set the data range away from the core; ``low`` is next to the core."""
        set_away_limits(ax, self.side, low, high)

    def imshow(self, ax, values, **kwargs):
        """Draw an image whose axis 0 runs along the leaves and axis 1 away.

        ``values`` has shape ``(n_along, n_away)`` or ``(n_along, n_away, 3|4)``;
        column 0 is drawn next to the core, each cell one unit in both
        directions. Returns the ``AxesImage``.
        """
        values = np.asarray(values)
        n_along, n_away = values.shape[:2]
        kwargs.setdefault("interpolation", "nearest")
        kwargs.setdefault("aspect", "auto")
        if self.vertical:
            img = ax.imshow(values, origin="upper", extent=(0, n_away, n_along, 0), **kwargs)
        else:
            img = ax.imshow(np.swapaxes(values, 0, 1), origin="lower",
                            extent=(0, n_along, 0, n_away), **kwargs)
        self.set_away_limits(ax, 0, n_away)
        set_along_limits(ax, self.side, n_along)
        return img

    def bars(self, ax, values, *, width: float = 0.8, start=0.0, **kwargs):
        """One bar per leaf growing away from the core (``values`` in display order).

        Each bar runs from ``start`` (a number or one per leaf, away
        coordinates) to ``start + value``: a baseline, or the top of the
        segment below in a stack.
        """
        values = np.asarray(values, dtype=float)
        centres = self.centres
        if self.vertical:
            return ax.barh(centres, values, height=width, left=start, **kwargs)
        return ax.bar(centres, values, width=width, bottom=start, **kwargs)

    @property
    def axis_end(self) -> str:
        """``"before"`` or ``"after"``: the end of the leaves a value axis goes past on this side
        (:data:`gridfig.frame.AXIS_END`)."""
        return AXIS_END.get(self.side, "after")

    def at_end(self, end: str = "after") -> bool:
        """True when this Axes holds that end of the axis (the first group for ``"before"``, the
        last for ``"after"``, or it shows every group)."""
        return self.chunk is None or self.chunk == (0 if end == "before" else self.chunks - 1)

    def beyond_end(self, ax, pad: float, end: str = "after"):
        """A transform for data ``(x, y)`` that moves them ``pad`` inches further out past an end.

        Points placed at that end of the leaves (along ``along_extent``
        after, ``0`` before) with it land ``pad`` inches past the last (first)
        leaf, whatever the side: for tick marks and text drawn there, at away
        positions in data units.
        """
        from matplotlib.transforms import ScaledTranslation

        sign = pad if end == "after" else -pad
        dx, dy = ALONG[self.side]
        fig = ax.get_figure(root=True)
        return ax.transData + ScaledTranslation(dx * sign, dy * sign, fig.dpi_scale_trans)

    def end_alignment(self, reading: str = "along", end: str = "after") -> dict:
        """Keyword arguments for text past an end of the leaves, growing further out.

        ``reading`` is ``"along"`` (the way the leaves run) or ``"away"``; see
        :func:`gridfig.frame.end_alignment`.
        """
        return end_alignment(self.side, reading, end)

    def end_ticks(self, ax, away, labels, *, tick: float, pad: float, color, end: str = "after",
                  linewidth: float = 0.6, **text_kwargs) -> list:
        """An axis in the away direction, drawn past an end of the leaves (``"after"`` or ``"before"``).

        A line at that end of the leaves spans the ``away`` positions (data
        units); each position gets a tick mark ``tick`` inches long pointing
        outward, and its label ``pad`` inches further on, reading along the
        leaves like :meth:`end_text`. Returns the label ``Text`` objects.
        """
        away = np.asarray(away, dtype=float)
        if not len(away):
            return []
        at = np.full(len(away), self.along_extent if end == "after" else 0.0)
        ax.plot(*self.xy(at[[0, -1]], away[[0, -1]]), color=color, lw=linewidth, clip_on=False,
                solid_capstyle="butt")
        x, y = self.xy(at, away)
        ax.plot(x, y, ls="none", marker="|" if self.vertical else "_", ms=tick * 72, mew=linewidth,
                color=color, clip_on=False, transform=self.beyond_end(ax, tick / 2, end))
        place = self.beyond_end(ax, tick + pad, end)
        align = self.end_alignment("along", end)
        return [ax.text(xi, yi, s, transform=place, color=color, parse_math=False, clip_on=False,
                        **align, **text_kwargs) for xi, yi, s in zip(x, y, labels)]

    def end_text(self, ax, text: str, *, pad: float, end: str = "after", reading: str = "along", **kwargs):
        """Write ``text`` past an end of the leaves, centred across the panel.

        On the left and right it reads upwards, below the last row (above the
        first with ``end="before"``); on top and at the bottom it reads
        rightwards, after the last column (before the first). ``reading="away"``
        turns it to run across the panel instead (an axis title along a value
        axis). ``pad`` is the space in inches between the leaf and the text.
        Draws nothing (and returns ``None``) when the layout left the end text
        out for want of room.
        """
        from matplotlib.transforms import ScaledTranslation, blended_transform_factory

        if not self.show_ends:
            return None
        fig = ax.get_figure(root=True)
        after = end == "after"
        pad = (pad + self.end_offset[1 if after else 0]) * (1.0 if after else -1.0)
        dx, dy = ALONG[self.side]
        shift = ScaledTranslation(dx * pad, dy * pad, fig.dpi_scale_trans)
        at = self.along_extent if after else 0.0
        if self.vertical:
            where, x, y = blended_transform_factory(ax.transAxes, ax.transData), 0.5, at
        else:
            where, x, y = blended_transform_factory(ax.transData, ax.transAxes), at, 0.5
        return ax.text(x, y, text, transform=where + shift, parse_math=False, clip_on=False,
                       **self.end_alignment(reading, end), **kwargs)

    def text_alignment(self, rotation: float) -> dict:
        """Keyword arguments that anchor text at its end nearest the core."""
        return text_alignment(self.side, rotation)

    def orient(self, ax) -> None:
        """Set the limits for the canonical frame (called by the framework)."""
        if self.side == CENTER:
            if self.cols is not None:
                ax.set_xlim(0, len(self.cols))
            if self.rows is not None:
                ax.set_ylim(len(self.rows), 0)
            return
        set_along_limits(ax, self.side, self.along_extent)
        self.set_away_limits(ax, 0, 1)


@attrs.frozen(kw_only=True)
class Panel:
    """Base class of every panel.

    Subclass it with ``@attrs.frozen(kw_only=True)``, add fields for your data
    and style, and override :meth:`draw` (and :meth:`measure` if the panel's
    size depends on its content).

    Parameters
    ----------
    size : length, optional
        Thickness away from the core when the panel sits beside one (a number
        of inches or a string such as ``"5mm"``). ``None`` uses the class's
        ``default_size``.
    name : str, optional
        The panel's name in node paths (``"left/<name>"``); defaults to the
        class's ``kind``.
    """

    size: float | None = attrs.field(default=None, converter=optional_length("size"))
    name: str | None = attrs.field(default=None, validator=panel_name)

    #: Path segment when ``name`` is not given.
    kind: ClassVar[str] = "panel"
    #: Thickness in inches when ``size`` is not given.
    default_size: ClassVar[float] = 0.4
    #: Draw again when the panel's size changes (panels drawn in inches, not data units).
    redraw_on_resize: ClassVar[bool] = False
    #: Beside a split axis: one Axes the whole length of the core (legends, a colour scale),
    #: instead of one Axes per group.
    spans_groups: ClassVar[bool] = False
    #: A legend area: a node holding one is left out when legends are collected figure-wide.
    shows_legends: ClassVar[bool] = False
    #: In a region too small for everything, the depth this panel may be shortened to (inches).
    min_size: ClassVar[float | None] = None
    #: In a region too small for everything, panels with a drop rank are left out: rank 1 or 2
    #: with the labels (2), rank 3 or more very last, with the legend areas (3); ``None``: never
    #: left out (see ``gridfig.layout.fit``).
    drop_rank: ClassVar[int | None] = None

    # -- what the framework asks ---------------------------------------------
    @property
    def label(self) -> str:
        """Name in node paths."""
        return self.name or self.kind

    @property
    def shape(self) -> tuple[int | None, int | None]:
        """``(rows, cols)`` of data a core panel shows; ``None`` where not fixed."""
        return (None, None)

    def leaf_count(self) -> int | None:
        """Number of leaves a side panel's data holds, or ``None`` if any."""
        return None

    def leaf_order(self) -> np.ndarray | None:
        """A leaf order this panel imposes, else ``None``.

        Only for trees built without :class:`~gridfig.Leaves` on their node: a
        ``Dendrogram(linkage=...)`` beside a core whose node has no ``rows``
        (``cols``) gives the node its order. The order then flows down like
        any other.
        """
        return None

    def leaf_labels(self) -> tuple:
        """For a core panel: the labels of its data's rows and columns, ``(rows, cols)``.

        Side panels with labelled data (a pandas Series) are matched to these
        by :meth:`bind`. ``None`` where the data has no labels.
        """
        return (None, None)

    def bind(self, leaves) -> "Panel":
        """This panel, ready to sit beside the leaf axis ``leaves``.

        Called once per panel when the tree is planned (before anything is
        measured or drawn), with the :class:`~gridfig.Leaves` of the core's
        rows (for the left and right) or columns (top and bottom): its
        ``labels`` are the data's labels and its ``order`` the display order.
        Return a panel whose data is in the data's order -- for example, a
        pandas Series matched by label with :func:`gridfig.panels.align_series`
        -- or ``self``. Raise :class:`~gridfig.InputError` for data that does
        not fit. The panel given is never changed; the default returns it.
        """
        return self

    def measure(self, ctx: MeasureContext) -> Extent:
        """Report the room this panel needs; by default its fixed size."""
        return Extent(thickness=self.default_size if self.size is None else self.size)

    def setup_axes(self, ax, ctx: DrawContext) -> None:
        """Prepare the Axes before :meth:`draw`: by default, no frame or ticks."""
        ax.set_axis_off()

    def draw(self, ax, ctx: DrawContext) -> None:  # pragma: no cover - abstract
        """Draw into ``ax`` using the canonical frame of ``ctx``."""
        raise NotImplementedError(f"{type(self).__name__} must implement draw(ax, ctx)")

    def __or__(self, other):
        from ..layout.tree import as_node

        return as_node(self) | other

    def __truediv__(self, other):
        from ..layout.tree import as_node

        return as_node(self) / other

    def legend_entries(self) -> Sequence[Any]:
        """Legend blocks this panel contributes to a legend area (after :meth:`bind`)."""
        return ()

    def scale_limits(self) -> tuple | None:
        """``(key, low, high)``: this panel's value-axis limits, to share with panels of the same key.

        Called once when the tree is planned, after :meth:`bind`. Panels whose
        ``key`` is equal (a plain string, anywhere in the figure) get the union
        of their limits back through :meth:`with_scale_limits`. ``None`` (the
        default) shares nothing.
        """
        return None

    def with_scale_limits(self, low: float, high: float) -> "Panel":
        """This panel drawn on the value axis ``low``..``high``, the union of its shared scale.

        The default returns ``self``.
        """
        return self

    def collects(self) -> str | None:
        """``"node"`` if this panel gathers the legend blocks of its own Cross's panels when the
        tree is planned (a legend area does), else ``None`` (the default)."""
        return None

    def gather(self, entries: Sequence[Any]) -> "Panel":
        """This panel holding the legend blocks ``entries`` (called when :meth:`collects` says so)."""
        return self
