"""Legends and colour scales, laid out in inches so their measured size is their drawn size.

A legend block (:class:`CategoryLegend`, :class:`ScaleLegend`) knows its size
from text extents alone and draws itself at a given spot in an Axes whose data
coordinates are inches. :class:`Legends` is a side panel that stacks blocks
along the core and wraps into further columns when they do not fit.
:class:`ScaleBar` is a colour scale drawn the length of the core.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import numpy as np

from ..units import to_inches
from .base import DrawContext, Extent, MeasureContext, Panel
from .colors import get_cmap

BAR = to_inches("3.5mm")
TICK = to_inches("1mm")
PAD = to_inches("1mm")
SCALE_LENGTH = to_inches("25mm")
BLOCK_GAP = to_inches("4mm")


def scale_ticks(norm, most: int = 5) -> list[float]:
    """Tick values inside the norm's range (matplotlib's MaxNLocator)."""
    from matplotlib.ticker import MaxNLocator

    lo, hi = float(norm.vmin), float(norm.vmax)
    ticks = MaxNLocator(nbins=most - 1, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)
    eps = 1e-9 * (hi - lo or 1)
    return [float(t) for t in ticks if lo - eps <= t <= hi + eps]


def fmt(value: float) -> str:
    text = f"{value:.6g}"
    return "0" if text == "-0" else text


def _inch_frame(ax, width: float, height: float) -> None:
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)


def draw_scale(ax, *, x, y, length, vertical, cmap, norm, fontsize, color, ticks_after=True,
               label_w=0.0) -> None:
    """A colour bar with ticks in inch coordinates; (x, y) is its low-value end, bar side."""
    cmap = get_cmap(cmap)
    grad = np.linspace(0, 1, 256)
    if vertical:
        ax.imshow(cmap(grad)[:, None, :], origin="lower", extent=(x, x + BAR, y, y + length),
                  aspect="auto", interpolation="bilinear")
    else:
        ax.imshow(cmap(grad)[None, :, :], origin="lower", extent=(x, x + length, y, y + BAR),
                  aspect="auto", interpolation="bilinear")
    segs, texts = [], []
    for t in scale_ticks(norm):
        at = float(norm(t)) * length
        if vertical:
            x0 = x + BAR if ticks_after else x
            x1 = x0 + (TICK if ticks_after else -TICK)
            segs.append([(x0, y + at), (x1, y + at)])
            texts.append((x1 + (PAD / 2 if ticks_after else -PAD / 2), y + at, fmt(t),
                          "left" if ticks_after else "right", "center"))
        else:
            y0 = y if not ticks_after else y + BAR
            y1 = y0 + (TICK if ticks_after else -TICK)
            segs.append([(x + at, y0), (x + at, y1)])
            texts.append((x + at, y1 + (PAD / 2 if ticks_after else -PAD / 2), fmt(t), "center",
                          "bottom" if ticks_after else "top"))
    from matplotlib.collections import LineCollection

    ax.add_collection(LineCollection(segs, colors=color, linewidths=0.6), autolim=False)
    for tx, ty, s, ha, va in texts:
        ax.text(tx, ty, s, ha=ha, va=va, fontsize=fontsize, color=color, parse_math=False)


def scale_label_size(norm, text, fontsize: float) -> tuple[float, float]:
    """Largest tick label ``(width, height)`` in inches."""
    sizes = [text.size(fmt(t), fontsize) for t in scale_ticks(norm)] or [(0.0, 0.0)]
    return max(w for w, _ in sizes), max(h for _, h in sizes)


@attrs.frozen(kw_only=True)
class CategoryLegend:
    """A titled list of coloured squares and their categories."""

    title: str | None
    labels: tuple
    colors: tuple

    def size(self, text, fontsize: float) -> tuple[float, float]:
        line = text.line_height(fontsize)
        widths = [text.size(s, fontsize)[0] for s in self.labels] or [0.0]
        width = line + PAD + max(widths)
        height = len(self.labels) * line * 1.25
        if self.title:
            tw, th = text.size(self.title, fontsize, weight="bold")
            width, height = max(width, tw), height + th + PAD
        return width, height

    def draw(self, ax, x: float, top: float, text, fontsize: float, theme) -> None:
        from matplotlib.patches import Rectangle

        line = text.line_height(fontsize)
        y = top
        if self.title:
            ax.text(x, y, self.title, ha="left", va="top", fontsize=fontsize, weight="bold",
                    color=theme.text_color, parse_math=False)
            y -= text.size(self.title, fontsize, weight="bold")[1] + PAD
        row = line * 1.25
        for label, color in zip(self.labels, self.colors):
            ax.add_patch(Rectangle((x, y - row / 2 - line / 2), line, line,
                                   facecolor=color or theme.missing_color, edgecolor="none"))
            ax.text(x + line + PAD, y - row / 2, label, ha="left", va="center", fontsize=fontsize,
                    color=theme.text_color, parse_math=False)
            y -= row

    def split(self, rows: int) -> list["CategoryLegend"]:
        """Chunks of at most ``rows`` entries; only the first keeps the title."""
        rows = max(1, rows)
        return [CategoryLegend(title=self.title if i == 0 else None, labels=self.labels[i:i + rows],
                               colors=self.colors[i:i + rows]) for i in range(0, len(self.labels), rows)]


@attrs.frozen(kw_only=True)
class ScaleLegend:
    """A titled vertical colour scale."""

    title: str | None
    cmap: Any
    norm: Any = attrs.field(eq=False)
    length: float = SCALE_LENGTH

    def size(self, text, fontsize: float) -> tuple[float, float]:
        lw, lh = scale_label_size(self.norm, text, fontsize)
        width = BAR + TICK + PAD / 2 + lw
        height = self.length + lh  # the end ticks' labels reach half a label past each end
        if self.title:
            tw, th = text.size(self.title, fontsize, weight="bold")
            width, height = max(width, tw), height + th + PAD
        return width, height

    def draw(self, ax, x: float, top: float, text, fontsize: float, theme) -> None:
        _, lh = scale_label_size(self.norm, text, fontsize)
        y = top - lh / 2
        if self.title:
            ax.text(x, top, self.title, ha="left", va="top", fontsize=fontsize, weight="bold",
                    color=theme.text_color, parse_math=False)
            y -= text.size(self.title, fontsize, weight="bold")[1] + PAD
        draw_scale(ax, x=x, y=y - self.length, length=self.length, vertical=True, cmap=self.cmap,
                   norm=self.norm, fontsize=fontsize, color=theme.text_color)

    def split(self, rows: int) -> list["ScaleLegend"]:
        return [self]


def block_key(block) -> tuple:
    """What a legend block shows: same key, same legend (title, entries and their colours,
    or colormap, limits and kind of norm)."""
    if isinstance(block, CategoryLegend):
        colors = tuple(None if c is None else tuple(np.round(np.asarray(to_rgba_safe(c)), 6))
                       for c in block.colors)
        return ("categories", block.title, tuple(block.labels), colors)
    norm = block.norm
    cmap = block.cmap if isinstance(block.cmap, str) else getattr(block.cmap, "name", repr(block.cmap))
    return ("scale", block.title, cmap, type(norm).__name__, float(norm.vmin), float(norm.vmax),
            getattr(norm, "vcenter", None))


def to_rgba_safe(color):
    from matplotlib.colors import to_rgba

    return to_rgba(color)


def _blocks(value):
    return None if value is None else tuple(value)


@attrs.frozen(kw_only=True)
class Legends(Panel):
    """A legend area beside a core: legend blocks stacked along it, wrapping into columns.

    Blocks with the same title and entries are shown once. Its size is
    measured from the text, so nothing overlaps and nothing is cut off.
    Best on the left or right of a core.

    Parameters
    ----------
    blocks : sequence, optional
        The legend blocks to show. ``None`` (the default) gathers them when
        the tree is planned, from every panel of its own node.
    kinds : tuple of str
        Which gathered blocks to keep: ``"categories"``, ``"scale"``.
    """

    blocks: tuple | None = attrs.field(default=None, converter=_blocks, eq=False)
    kinds: tuple = ("categories", "scale")
    fontsize: float | None = None
    gap: float = attrs.field(default=BLOCK_GAP, converter=lambda v: to_inches(v, "gap"))
    #: "down" or "across"; by default down beside a vertical core and across above or below one.
    flow: str | None = None
    #: Extra room between the core's side and the legends, beside a core (as a side panel).
    pad: float = attrs.field(default="3mm", converter=lambda v: to_inches(v, "pad"))

    kind: ClassVar[str] = "legends"
    redraw_on_resize: ClassVar[bool] = True
    spans_groups: ClassVar[bool] = True
    shows_legends: ClassVar[bool] = True
    drop_rank: ClassVar[int] = 1

    def collects(self) -> str | None:
        return "node" if self.blocks is None else None

    def gather(self, entries) -> "Legends":
        return attrs.evolve(self, blocks=[b for b in entries if block_key(b)[0] in self.kinds])

    def unique_blocks(self) -> list:
        """The blocks, each shown once: duplicates are blocks that show the same thing."""
        seen, out = set(), []
        for b in self.blocks or ():
            key = block_key(b)
            if key not in seen:
                seen.add(key)
                out.append(b)
        return out

    def measure(self, ctx: MeasureContext) -> Extent:
        fontsize = self.fontsize or ctx.theme.fontsize
        vertical = self.flow == "down" if self.flow else ctx.side in ("left", "right", "center")
        room = ctx.along
        if ctx.side == "center":
            room = None if ctx.core_size is None else ctx.core_size[1 if vertical else 0]
        room = room or 8.0
        pieces = []
        line = ctx.text.line_height(fontsize) * 1.25
        for b in self.unique_blocks():
            w, h = b.size(ctx.text, fontsize)
            if (h if vertical else w) > room and isinstance(b, CategoryLegend):
                head = (ctx.text.size(b.title, fontsize, weight="bold")[1] + PAD) if b.title else 0.0
                pieces.extend(b.split(int((room - head) // line)))
            else:
                pieces.append(b)
        placed, columns = [], []  # (block, x, top) in inches; columns: widths
        flow, cross, col_size = 0.0, 0.0, 0.0
        for b in pieces:
            w, h = b.size(ctx.text, fontsize)
            f, c = (h, w) if vertical else (w, h)
            if flow > 0 and flow + f > room + 1e-9:
                cross += col_size + self.gap
                columns.append(col_size)
                flow, col_size = 0.0, 0.0
            placed.append((b, cross, flow))
            flow += f + self.gap
            col_size = max(col_size, c)
        thickness = cross + col_size
        if ctx.side == "center":
            # As a core (a collected legend area): fixed across the flow, and at least as long
            # as its largest block along it -- more blocks wrap into further columns, which the
            # next measuring pass (told the room it got) lays out.
            largest = max((b.size(ctx.text, fontsize)[1 if vertical else 0] for b, _, _ in placed), default=0.0)
            fixed = (thickness, None) if vertical else (None, thickness)
            least = (0.0, largest) if vertical else (largest, 0.0)
            return Extent(fixed=fixed, minimum=least, info=(placed, vertical, ctx.text))
        return Extent(thickness=thickness + self.pad, info=(placed, vertical, ctx.text))

    def draw(self, ax, ctx: DrawContext) -> None:
        placed, vertical, text = ctx.info  # the measurer it was measured with, at the drawing dpi
        pad = self.pad if ctx.side != "center" else 0.0
        fontsize = self.fontsize or ctx.theme.fontsize
        _inch_frame(ax, ctx.width, ctx.height)
        for b, cross, flow in placed:
            # the pad is on the side facing the core; blocks keep their order away from it
            if vertical:
                x = ctx.width - pad - cross - b.size(text, fontsize)[0] if ctx.side == "left" else pad + cross
                top = ctx.height - flow
            else:
                x = flow
                top = ctx.height - cross - (pad if ctx.side == "bottom" else 0.0)
            b.draw(ax, x, top, text, fontsize, ctx.theme)


@attrs.frozen(kw_only=True)
class ScaleBar(Panel):
    """A colour scale the length of the core (or ``length``), ticks away from it.

    Parameters
    ----------
    cmap : str or Colormap
    norm : Normalize
        Usually ``heatmap.norm``; see :meth:`for_heatmap`.
    title : str, optional
        Written beyond the tick labels.
    length : length, optional
        Length of the bar along the core, from its start; default the whole core.
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
            thick += PAD + ctx.text.size(self.title, fontsize)[1]
        # tick labels at the ends reach half their size past the bar
        over = (lh if vertical else lw) / 2
        return Extent(thickness=thick, before=over, after=over)

    def draw(self, ax, ctx: DrawContext) -> None:
        fontsize = self.fontsize or ctx.theme.fontsize
        _inch_frame(ax, ctx.width, ctx.height)
        vertical = ctx.vertical
        length = min(self.length or ctx.along_length, ctx.along_length)
        after = ctx.side in ("right", "top")
        if vertical:
            x = 0.0 if after else ctx.width - BAR
            y = ctx.height - length
        else:
            x, y = 0.0, (0.0 if after else ctx.height - BAR)
        draw_scale(ax, x=x, y=y, length=length, vertical=vertical, cmap=self.cmap, norm=self.norm,
                   fontsize=fontsize, color=ctx.theme.text_color, ticks_after=after)
        if self.title:
            kw = dict(fontsize=fontsize, color=ctx.theme.text_color, parse_math=False)
            if vertical:
                lx = ctx.width if after else 0.0
                ax.text(lx, y + length / 2, self.title, rotation=90, ha="right" if after else "left",
                        va="center", **kw)
            else:
                ly = ctx.height if after else 0.0
                ax.text(x + length / 2, ly, self.title, ha="center", va="top" if after else "bottom", **kw)
