"""Legends and colour scales, laid out in inches so their measured size is their drawn size.

A legend block (:class:`LegendBlock`: :class:`CategoryLegend`,
:class:`ScaleLegend`, :class:`SizeLegend`, or a user's own) knows its size
from text extents alone and draws itself at a given spot in an Axes whose data
coordinates are inches. :class:`Legends` is a side panel that stacks blocks
along the core and wraps into further columns when they do not fit.
:class:`ScaleBar` is a colour scale drawn the length of the core.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import numpy as np

from ..errors import InputError
from ..units import to_inches
from .base import DrawContext, Extent, MeasureContext, Panel
from .colors import get_cmap

BAR = to_inches("3.5mm")
TICK = to_inches("1mm")
PAD = to_inches("1mm")
SCALE_LENGTH = to_inches("25mm")  # the default colour bar's length at SCALE_FONT points
SCALE_FONT = 8.0
BLOCK_GAP = to_inches("4mm")
POINT = 1 / 72


def fmt(value: float) -> str:
    text = f"{value:.6g}"
    return "0" if text == "-0" else text


def scale_locator(norm, ticks=None, most: int = 5):
    """The tick locator of a colour scale: ``ticks`` (values or a Locator), else one suited to the norm
    (at most ``most`` ticks on a linear scale)."""
    from matplotlib.colors import BoundaryNorm, LogNorm
    from matplotlib.ticker import FixedLocator, Locator, LogLocator, MaxNLocator

    if isinstance(ticks, Locator):
        return ticks
    if ticks is not None:
        return FixedLocator(np.asarray(ticks, dtype=float))
    if isinstance(norm, BoundaryNorm):
        return FixedLocator(np.asarray(norm.boundaries, dtype=float), nbins=10)
    if isinstance(norm, LogNorm):
        return LogLocator()
    return MaxNLocator(nbins=most - 1, steps=[1, 2, 2.5, 5, 10])


def scale_formatter(format=None):
    """The tick formatter of a colour scale: a format string (``"{x:.1f}"`` or ``"%.1f"``), a
    Formatter, or by default up to 6 significant digits."""
    from matplotlib.ticker import FormatStrFormatter, Formatter, FuncFormatter, StrMethodFormatter

    if isinstance(format, Formatter):
        return format
    if isinstance(format, str):
        return StrMethodFormatter(format) if "{" in format else FormatStrFormatter(format)
    return FuncFormatter(lambda v, pos=None: fmt(v))


def scale_ticks(norm, ticks=None, most: int = 5) -> list[float]:
    """The tick values a scale of ``norm`` shows (inside its range): ``ticks``, or at most ``most``."""
    lo, hi = float(norm.vmin), float(norm.vmax)
    values = scale_locator(norm, ticks, most).tick_values(lo, hi)
    eps = 1e-9 * (hi - lo or 1)
    return [float(t) for t in values if lo - eps <= t <= hi + eps]


def tick_labels(norm, ticks=None, format=None) -> list[str]:
    formatter = scale_formatter(format)
    values = scale_ticks(norm, ticks)
    try:
        return [formatter(v, k) for k, v in enumerate(values)]
    except Exception:  # a formatter that needs an axis: measure the plain numbers instead
        return [fmt(v) for v in values]


def scale_label_size(norm, text, fontsize: float, ticks=None, format=None) -> tuple[float, float]:
    """Largest tick label ``(width, height)`` in inches."""
    sizes = [text.size(s, fontsize) for s in tick_labels(norm, ticks, format)] or [(0.0, 0.0)]
    return max(w for w, _ in sizes), max(h for _, h in sizes)


def draw_colorbar(ax, box, *, cmap, norm, fontsize, color, location=None, orientation="vertical",
                  ticks=None, format=None, extend=None, label=None):
    """A :class:`matplotlib.colorbar.Colorbar` in an inset Axes at ``box`` = (x, y, w, h), in the
    data coordinates of ``ax`` (inches). Returns the Colorbar (also ``cax._colorbar``).

    The scale is a real Colorbar of a ScalarMappable sharing ``norm``: any norm and locator
    works, and changing the norm later redraws the scale.
    """
    cax = ax.inset_axes(list(box), transform=ax.transData)
    return colorbar_in(cax, cmap=cmap, norm=norm, fontsize=fontsize, color=color, location=location,
                       orientation=orientation, ticks=ticks, format=format, extend=extend, label=label)


def colorbar_in(cax, *, cmap, norm, fontsize, color, location=None, orientation="vertical",
                ticks=None, format=None, extend=None, label=None):
    """The styled :class:`matplotlib.colorbar.Colorbar` of :func:`draw_colorbar`, in the Axes ``cax``."""
    from matplotlib.cm import ScalarMappable
    from matplotlib.colorbar import Colorbar
    from matplotlib.ticker import NullFormatter

    cax.set_label("colorbar")
    kw = dict(location=location) if location is not None else dict(orientation=orientation)
    if extend is not None:
        kw["extend"] = extend
    cb = Colorbar(cax, ScalarMappable(norm=norm, cmap=get_cmap(cmap)), ticks=scale_locator(norm, ticks),
                  format=scale_formatter(format), **kw)
    long_axis = cax.yaxis if cb.orientation == "vertical" else cax.xaxis
    long_axis.set_minor_formatter(NullFormatter())
    cax.tick_params(which="major", labelsize=fontsize, length=TICK / POINT, width=0.6, pad=PAD / 2 / POINT,
                    colors=color)
    cax.tick_params(which="minor", length=TICK / 2 / POINT, width=0.4, colors=color)
    cb.outline.set_linewidth(0.6)
    for t in long_axis.get_ticklabels():
        t.set_parse_math(False)
    if label:
        cb.set_label(label, fontsize=fontsize, color=color, labelpad=PAD / POINT, parse_math=False)
    return cb


class LegendBlock:
    """The legend block protocol: one titled block of a legend area (categories, a colour scale,
    sizes, markers, lines, ...).

    A block is a value (use ``@attrs.frozen``) that knows its size from text extents alone and
    draws itself at a given spot of an Axes whose data coordinates are inches. Panels return
    blocks from :meth:`~gridfig.Panel.legend_entries`; a :class:`Legends` area gathers them,
    shows blocks with the same :meth:`key` once, splits long blocks to fit, and places them.
    Subclass it and override :meth:`size` and :meth:`draw` (and :meth:`key`, :meth:`split`
    where the defaults do not fit).
    """

    #: What the block shows; ``Legends(kinds=...)`` selects by it.
    kind: ClassVar[str] = "block"
    #: Title (bold, above the block); ``None`` for none.
    title: str | None = None

    def size(self, text, fontsize: float) -> tuple[float, float]:  # pragma: no cover - abstract
        """``(width, height)`` in inches, title included; ``text.size(s, fontsize)`` measures text."""
        raise NotImplementedError(f"{type(self).__name__} must implement size(text, fontsize)")

    def draw(self, ax, x: float, top: float, text, fontsize: float, theme) -> None:  # pragma: no cover
        """Draw with the top-left corner at ``(x, top)`` in inches (``ax``'s data coordinates)."""
        raise NotImplementedError(f"{type(self).__name__} must implement draw(ax, x, top, text, fontsize, theme)")

    def split(self, rows: int) -> list:
        """Pieces of at most ``rows`` entries, to wrap a long block into columns; ``[self]`` if it cannot."""
        return [self]

    def rows_fitting(self, room: float, text, fontsize: float) -> int:
        """How many entry rows (of :meth:`split`) fit in ``room`` inches, title included."""
        head = (text.size(self.title, fontsize, weight="bold")[1] + PAD) if self.title else 0.0
        return int((room - head) // (text.line_height(fontsize) * 1.25))

    def key(self) -> tuple:
        """What the block shows: blocks with the same key are shown once. By default its kind and
        its attrs fields (or the block itself, which is then never merged with another)."""
        if attrs.has(type(self)):
            return (self.kind, type(self).__qualname__,
                    tuple(repr(getattr(self, f.name)) for f in attrs.fields(type(self))))
        return (self.kind, id(self))

    def draw_title(self, ax, x: float, top: float, text, fontsize: float, theme) -> float:
        """Write the title (if any) at ``(x, top)``; returns the top of what comes below it."""
        if not self.title:
            return top
        ax.text(x, top, self.title, ha="left", va="top", fontsize=fontsize, weight="bold",
                color=theme.text_color, parse_math=False)
        return top - text.size(self.title, fontsize, weight="bold")[1] - PAD

    def with_title(self, width: float, height: float, text, fontsize: float) -> tuple[float, float]:
        """``(width, height)`` of the block's body with its title added."""
        if not self.title:
            return width, height
        tw, th = text.size(self.title, fontsize, weight="bold")
        return max(width, tw), height + th + PAD


def _rgba_key(c):
    return None if c is None else tuple(np.round(np.asarray(to_rgba_safe(c)), 6))


@attrs.frozen(kw_only=True)
class CategoryLegend(LegendBlock):
    """A titled list of coloured squares and their categories.

    Parameters
    ----------
    title : str or None
        Written above the entries, in bold.
    labels : tuple of str
        The categories, in the order shown.
    colors : tuple of colours
        One colour per label.
    """

    title: str | None
    labels: tuple
    colors: tuple

    kind: ClassVar[str] = "categories"

    def size(self, text, fontsize: float) -> tuple[float, float]:
        line = text.line_height(fontsize)
        widths = [text.size(s, fontsize)[0] for s in self.labels] or [0.0]
        return self.with_title(line + PAD + max(widths), len(self.labels) * line * 1.25, text, fontsize)

    def draw(self, ax, x: float, top: float, text, fontsize: float, theme) -> None:
        from matplotlib.patches import Rectangle

        line = text.line_height(fontsize)
        y = self.draw_title(ax, x, top, text, fontsize, theme)
        row = line * 1.25
        for label, color in zip(self.labels, self.colors):
            # not clipped: blocks stacked past the core's end (a small region) lie outside the Axes
            ax.add_patch(Rectangle((x, y - row / 2 - line / 2), line, line, clip_on=False,
                                   facecolor=color or theme.missing_color, edgecolor="none"))
            ax.text(x + line + PAD, y - row / 2, label, ha="left", va="center", fontsize=fontsize,
                    color=theme.text_color, parse_math=False)
            y -= row

    def split(self, rows: int) -> list["CategoryLegend"]:
        """Chunks of at most ``rows`` entries; only the first keeps the title."""
        rows = max(1, rows)
        return [CategoryLegend(title=self.title if i == 0 else None, labels=self.labels[i:i + rows],
                               colors=self.colors[i:i + rows]) for i in range(0, len(self.labels), rows)]

    def key(self) -> tuple:
        return ("categories", self.title, tuple(self.labels), tuple(_rgba_key(c) for c in self.colors))


def norm_key(norm) -> tuple:
    """What a norm maps: its kind, limits and the parameters of the usual norms."""
    parts = [type(norm).__name__, float(norm.vmin), float(norm.vmax)]
    for name in ("vcenter", "halfrange", "linthresh", "linscale", "gamma", "base", "clip"):
        if hasattr(norm, name):
            try:
                parts.append((name, float(getattr(norm, name))))
            except (TypeError, ValueError):
                pass
    if getattr(norm, "boundaries", None) is not None:
        parts.append(("boundaries", tuple(np.asarray(norm.boundaries, float).tolist()), getattr(norm, "extend", None)))
    return tuple(parts)


def _length(value):
    return to_inches(value, "cbar_kws length")


@attrs.frozen(kw_only=True)
class ScaleLegend(LegendBlock):
    """A titled colour scale: a :class:`matplotlib.colorbar.Colorbar` in an inset Axes.

    Parameters
    ----------
    title : str, optional
    cmap, norm
        The colormap and the (shared) ``Normalize`` of what it describes.
    length : length, optional
        Length of the bar, a physical size; by default in proportion to the
        font (25 mm at 8 pt, 31 mm at 10 pt), so the ticks keep their spacing.
    ticks : sequence or Locator, optional
        Tick values or a matplotlib Locator; default suited to the norm.
    format : str or Formatter, optional
        ``"{x:.1f}"``, ``"%.1f"`` or a matplotlib Formatter.
    extend : {"neither", "min", "max", "both"}, optional
        Triangles at the ends, as in matplotlib.
    orientation : {"vertical", "horizontal"}
    """

    title: str | None
    cmap: Any
    norm: Any = attrs.field(eq=False)
    length: float | None = attrs.field(default=None, converter=lambda v: None if v is None else _length(v))
    ticks: Any = attrs.field(default=None, eq=False)
    format: Any = attrs.field(default=None, eq=False)
    extend: str | None = None
    orientation: str = attrs.field(default="vertical")

    kind: ClassVar[str] = "scale"

    @orientation.validator
    def _check_orientation(self, attribute, value):
        if value not in ("vertical", "horizontal"):
            raise InputError(f"cbar_kws orientation: expected 'vertical' or 'horizontal', got {value!r}")

    @classmethod
    def of(cls, **kwargs) -> "ScaleLegend":
        """A scale legend from ``cbar_kws``-style keywords, naming any it does not know."""
        known = {f.name for f in attrs.fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise InputError(f"cbar_kws: unknown keys {', '.join(map(repr, unknown))}; expected ticks, format, "
                             f"extend, label, orientation or length")
        return cls(**kwargs)

    def _labels(self, text, fontsize):
        return scale_label_size(self.norm, text, fontsize, self.ticks, self.format)

    def bar_length(self, fontsize: float) -> float:
        """The bar's length in inches: as given, or in proportion to the font."""
        return self.length if self.length is not None else SCALE_LENGTH * fontsize / SCALE_FONT

    def size(self, text, fontsize: float) -> tuple[float, float]:
        lw, lh = self._labels(text, fontsize)
        length = self.bar_length(fontsize)
        if self.orientation == "vertical":
            # the end ticks' labels reach half a label past each end
            return self.with_title(BAR + TICK + PAD / 2 + lw, length + lh, text, fontsize)
        return self.with_title(length + lw, BAR + TICK + PAD / 2 + lh, text, fontsize)

    def draw(self, ax, x: float, top: float, text, fontsize: float, theme) -> None:
        lw, lh = self._labels(text, fontsize)
        y = self.draw_title(ax, x, top, text, fontsize, theme)
        length = self.bar_length(fontsize)
        if self.orientation == "vertical":
            box = (x, y - lh / 2 - length, BAR, length)
        else:
            box = (x + lw / 2, y - BAR, length, BAR)
        draw_colorbar(ax, box, cmap=self.cmap, norm=self.norm, fontsize=fontsize, color=theme.text_color,
                      location="right" if self.orientation == "vertical" else "bottom", ticks=self.ticks,
                      format=self.format, extend=self.extend)

    def key(self) -> tuple:
        cmap = self.cmap if isinstance(self.cmap, str) else getattr(self.cmap, "name", repr(self.cmap))
        ticks = None if self.ticks is None else repr(self.ticks)
        return ("scale", self.title, cmap, norm_key(self.norm), ticks, repr(self.format), self.extend,
                self.orientation, self.length)


@attrs.frozen(kw_only=True)
class SizeLegend(LegendBlock):
    """A titled column of dots of the given areas (points², as ``scatter``'s ``s``) and their values.

    Parameters
    ----------
    title : str or None
        Written above the dots, in bold.
    values : tuple of float
        The values written beside the dots.
    areas : tuple of float
        One dot area per value, in points² (as drawn in the body).
    color : colour
        Colour of the dots.
    marker : str
        matplotlib marker of the dots.
    """

    title: str | None
    values: tuple
    areas: tuple
    color: Any = "#555555"
    marker: str = "o"

    kind: ClassVar[str] = "sizes"

    def _geometry(self, text, fontsize):
        line = text.line_height(fontsize)
        diameter = 2 * np.sqrt(max(self.areas, default=0.0) / np.pi) * POINT
        return max(line * 1.25, diameter + PAD), diameter

    def size(self, text, fontsize: float) -> tuple[float, float]:
        row, diameter = self._geometry(text, fontsize)
        widths = [text.size(fmt(v), fontsize)[0] for v in self.values] or [0.0]
        return self.with_title(diameter + PAD + max(widths), row * len(self.values), text, fontsize)

    def draw(self, ax, x: float, top: float, text, fontsize: float, theme) -> None:
        row, diameter = self._geometry(text, fontsize)
        y = self.draw_title(ax, x, top, text, fontsize, theme)
        centres = y - row * (np.arange(len(self.values)) + 0.5)
        ax.scatter(np.full(len(self.values), x + diameter / 2), centres, s=list(self.areas), c=[self.color],
                   marker=self.marker, linewidths=0, clip_on=False)
        for v, cy in zip(self.values, centres):
            ax.text(x + diameter + PAD, cy, fmt(v), ha="left", va="center", fontsize=fontsize,
                    color=theme.text_color, parse_math=False)

    def key(self) -> tuple:
        return ("sizes", self.title, tuple(self.values), tuple(np.round(self.areas, 6)), _rgba_key(self.color),
                self.marker)


def _says_the_same(untitled, titled) -> bool:
    """Whether ``untitled`` shows the same entries as ``titled`` (both attrs blocks of one type)."""
    if type(untitled) is not type(titled) or not attrs.has(type(untitled)) \
            or "title" not in attrs.fields_dict(type(untitled)):
        return False
    return attrs.evolve(untitled, title=titled.title).key() == titled.key()


def block_key(block) -> tuple:
    """What a legend block shows: same key, same legend (``block.key()``)."""
    return block.key()


def to_rgba_safe(color):
    from matplotlib.colors import to_rgba

    return to_rgba(color)


def _blocks(value):
    return None if value is None else tuple(value)


@attrs.frozen(kw_only=True)
class Legends(Panel):
    """A legend area beside a core: legend blocks stacked along it, wrapping into columns.

    Blocks that show the same thing (the same :meth:`LegendBlock.key`) are
    shown once. Its size is measured from the text, so nothing overlaps and
    nothing is cut off. Best on the left or right of a core.

    Parameters
    ----------
    blocks : sequence, optional
        The legend blocks to show. ``None`` (the default) gathers them when
        the tree is planned, from every panel of its own node.
    kinds : tuple of str, optional
        Which gathered blocks to keep, by :attr:`LegendBlock.kind`
        (``"categories"``, ``"scale"``, ``"sizes"``, a user block's kind);
        ``None`` keeps all. Two legend areas of one node (say left and
        right) with different ``kinds`` or ``titles`` put blocks on different sides.
    titles : tuple of str, optional
        Keep only the gathered blocks with these titles.
    order : sequence of str, optional
        Titles or kinds to place first, in this order; the others follow in
        the order gathered.
    ncols : int, optional
        Spread the blocks over this many columns (rows when flowing across),
        still wrapping further when a column does not fit.
    fontsize : float, optional
        Font size of the entries in points; the theme's by default (titles
        are bold at the same size).
    gap : length
        Space between neighbouring blocks; default 4 mm.
    flow : {"down", "across"}, optional
        Stack the blocks down (the default beside a core's left or right) or
        across (the default above or below it).
    pad : length
        Space between the core (or the panel inside it) and the legends; default 3 mm.
    overhang : length
        How far past the core's end (below it beside a core, past its right
        end above or below one) the blocks may flow before wrapping into a
        further column; default 0. A layout adapting to a small region sets
        it to the room the stack across that end leaves free.
    """

    blocks: tuple | None = attrs.field(default=None, converter=_blocks, eq=False)
    kinds: tuple | None = attrs.field(default=None, converter=_blocks)
    titles: tuple | None = attrs.field(default=None, converter=_blocks)
    order: tuple | None = attrs.field(default=None, converter=_blocks)
    ncols: int | None = None
    fontsize: float | None = None
    gap: float = attrs.field(default=BLOCK_GAP, converter=lambda v: to_inches(v, "gap"))
    #: "down" or "across"; by default down beside a vertical core and across above or below one.
    flow: str | None = None
    #: Extra room between the core's side and the legends, beside a core (as a side panel).
    pad: float = attrs.field(default="3mm", converter=lambda v: to_inches(v, "pad"))
    overhang: float = attrs.field(default=0.0, converter=lambda v: to_inches(v, "overhang"))

    kind: ClassVar[str] = "legends"
    redraw_on_resize: ClassVar[bool] = True
    spans_groups: ClassVar[bool] = True
    shows_legends: ClassVar[bool] = True
    drop_rank: ClassVar[int] = 3

    def collects(self) -> str | None:
        return "node" if self.blocks is None else None

    def gather(self, entries) -> "Legends":
        keep = [b for b in entries if (self.kinds is None or b.kind in self.kinds)
                and (self.titles is None or b.title in self.titles)]
        return attrs.evolve(self, blocks=keep)

    def unique_blocks(self) -> list:
        """The blocks, each shown once (duplicates show the same thing), those named in ``order`` first."""
        seen, out = set(), []
        for b in self.blocks or ():
            key = b.key()
            if key not in seen:
                seen.add(key)
                out.append(b)
        # an untitled block showing what a titled one shows (stacked bars in a category heatmap's
        # colours) says nothing more: the titled one stands for it
        out = [b for b in out if b.title or not any(_says_the_same(b, t) for t in out if t.title)]
        if self.order:
            rank = {name: k for k, name in enumerate(self.order)}
            first = len(rank)
            out.sort(key=lambda b: min(rank.get(b.title, first), rank.get(b.kind, first)))
        return out

    def measure(self, ctx: MeasureContext) -> Extent:
        fontsize = self.fontsize or ctx.theme.fontsize
        vertical = self.flow == "down" if self.flow else ctx.side in ("left", "right", "center")
        room = ctx.along
        if ctx.side == "center":
            room = None if ctx.core_size is None else ctx.core_size[1 if vertical else 0]
        room = room or 8.0
        along_side = ctx.side != "center" and vertical == (ctx.side in ("left", "right"))
        reach = room + (self.overhang if along_side else 0.0)  # blocks may flow past the core's end
        pieces = []
        for b in self.unique_blocks():
            w, h = b.size(ctx.text, fontsize)
            pieces.extend(b.split(b.rows_fitting(reach, ctx.text, fontsize)) if (h if vertical else w) > reach
                          else [b])
        per_column = -(-len(pieces) // self.ncols) if self.ncols else len(pieces)
        placed = []  # (block, cross, flow) in inches
        flow, cross, col_size, in_column, end = 0.0, 0.0, 0.0, 0, 0.0
        for b in pieces:
            w, h = b.size(ctx.text, fontsize)
            f, c = (h, w) if vertical else (w, h)
            if in_column and (flow + f > reach + 1e-9 or in_column >= per_column):
                cross += col_size + self.gap
                flow, col_size, in_column = 0.0, 0.0, 0
            placed.append((b, cross, flow))
            end = max(end, flow + f)
            flow += f + self.gap
            col_size = max(col_size, c)
            in_column += 1
        thickness = cross + col_size
        if ctx.side == "center":
            # As a core (a collected legend area): fixed across the flow, and at least as long
            # as its largest block along it -- more blocks wrap into further columns, which the
            # next measuring pass (told the room it got) lays out.
            largest = max((b.size(ctx.text, fontsize)[1 if vertical else 0] for b, _, _ in placed), default=0.0)
            fixed = (thickness, None) if vertical else (None, thickness)
            least = (0.0, largest) if vertical else (largest, 0.0)
            return Extent(fixed=fixed, minimum=least, info=(placed, vertical, ctx.text, fontsize))
        past = max(0.0, end - room) if along_side else 0.0  # what flows past the core's end
        return Extent(thickness=thickness + self.pad, after=past, info=(placed, vertical, ctx.text, fontsize))

    def draw(self, ax, ctx: DrawContext) -> None:
        # the measurer it was measured with (at the drawing dpi) and the font size it was laid out at
        placed, vertical, text, fontsize = ctx.info
        pad = self.pad if ctx.side != "center" else 0.0
        ctx.inch_frame(ax)
        # blocks flow along the core and their columns step away from it, past the pad facing it;
        # a collected area (a core) lays out as if it were on the right (down) or at the bottom (across)
        frame = None if ctx.side != "center" else ("right" if vertical else "bottom")
        for b, cross, flow in placed:
            w, h = b.size(text, fontsize)
            d_along, d_away = (h, w) if vertical else (w, h)
            x, y, _, bh = ctx.inch_box(flow, pad + cross, d_along, d_away, side=frame)
            b.draw(ax, x, y + bh, text, fontsize, ctx.theme)



@attrs.frozen(kw_only=True)
class SideLegends(Legends):
    """One of several legend areas of a node, each on its own side: the blocks ``routes`` sends here.

    ``routes`` pairs a block's title or kind with a side (a title wins over a
    kind); blocks not routed go to ``default``. ``clustermap(legend_sides=...)``
    makes one per side.

    Parameters
    ----------
    routes : mapping or sequence of pairs
        Block title or kind -> side (``"left"``, ``"right"``, ``"top"``,
        ``"bottom"``); a title wins over a kind.
    here : str
        The side this area is on: it keeps the blocks routed to it.
    default : str
        The side of the blocks ``routes`` does not name.

    The other parameters are those of :class:`Legends`.
    """

    routes: tuple = attrs.field(default=(), converter=lambda v: tuple((k, side) for k, side in dict(v).items()))
    here: str = attrs.field(default="right")
    default: str = attrs.field(default="right")

    @routes.validator
    @here.validator
    @default.validator
    def _check_sides(self, attribute, value):
        sides = [v for _, v in value] if attribute.name == "routes" else [value]
        bad = [v for v in sides if v not in ("left", "right", "top", "bottom")]
        if bad:
            raise InputError(f"SideLegends({attribute.name}=...): sides are 'left', 'right', 'top' or "
                             f"'bottom', got {bad[0]!r}")

    def destination(self, block) -> str:
        table = dict(self.routes)
        if block.title is not None and block.title in table:
            return table[block.title]
        return table.get(block.kind, self.default)

    def gather(self, entries) -> "SideLegends":
        keep = [b for b in entries if (self.kinds is None or b.kind in self.kinds) and self.destination(b) == self.here]
        return attrs.evolve(self, blocks=keep)

@attrs.frozen(kw_only=True)
class ScaleBar(Panel):
    """A colour scale the length of the core (or ``length``), ticks away from it.

    Parameters
    ----------
    cmap : str or Colormap
        The colormap drawn.
    norm : Normalize
        Usually ``heatmap.norm``; see :meth:`for_heatmap`.
    title : str, optional
        Written beyond the tick labels.
    length : length, optional
        Length of the bar along the core, from its start; default the whole core.
    fontsize : float, optional
        Font size of the tick labels and title in points; the theme's by default.
    """

    cmap: Any = "viridis"
    norm: Any = attrs.field(default=None, eq=False)
    title: str | None = None
    length: float | None = attrs.field(default=None, converter=lambda v: None if v is None
                                       else to_inches(v, "length"))
    fontsize: float | None = None

    kind: ClassVar[str] = "scalebar"
    redraw_on_resize: ClassVar[bool] = True
    spans_groups: ClassVar[bool] = True

    @classmethod
    def for_heatmap(cls, heatmap, **kwargs) -> "ScaleBar":
        """A scale bar with the heatmap's colormap and limits."""
        return cls(cmap=heatmap.cmap, norm=heatmap.norm, **kwargs)

    def measure(self, ctx: MeasureContext) -> Extent:
        fontsize = self.fontsize or ctx.theme.fontsize
        lw, lh = scale_label_size(self.norm, ctx.text, fontsize)
        vertical = ctx.side in ("left", "right")
        thick = BAR + TICK + PAD / 2 + (lw if vertical else lh)
        if self.title:
            thick += PAD + ctx.text.line_height(fontsize)
        # tick labels at the ends reach half their size past the bar
        over = (lh if vertical else lw) / 2
        return Extent(thickness=thick, before=over, after=over)

    def draw(self, ax, ctx: DrawContext) -> None:
        fontsize = self.fontsize or ctx.theme.fontsize
        ctx.inch_frame(ax)
        length = min(self.length or ctx.along_length, ctx.along_length)
        # the bar next to the core from the start of the leaves; ticks, labels and title away from it
        box = ctx.inch_box(0.0, 0.0, length, BAR)
        draw_colorbar(ax, box, cmap=self.cmap, norm=self.norm, fontsize=fontsize, color=ctx.theme.text_color,
                      location=ctx.side, label=self.title)
