"""Panels that name the groups of a split axis: a title per group, a coloured block per group."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import attrs

from ..errors import InputError
from ..frame import anchored_box, is_vertical
from ..units import to_inches
from .base import DrawContext, Extent, MeasureContext, Panel

TITLE_PAD = to_inches("1mm")
#: The smallest size (points) a title shrinks to, when no fontsize is given, to fit along its group
#: (annot's floor); shorter still, it is cut with an ellipsis and a warning says so.
MIN_TITLE_SIZE = 6.0
ELLIPSIS = "\u2026"
#: The fields a format string of titles can use.
TITLE_FIELDS = {"label": "the group's label", "n": "its size"}


def check_titles(titles, leaves, who: str) -> None:
    """Refuse titles that cannot title the groups of ``leaves``, naming ``who`` (the argument):
    a list of the wrong length, a format string with a field other than ``{label}`` and ``{n}``
    (or one that cannot be filled in), anything but ``True``, a list or a str."""
    chunks = [None] if leaves is None else list(leaves.chunks)
    if isinstance(titles, (list, tuple)):
        if len(titles) != len(chunks):
            raise InputError(f"{who}: {len(titles)} titles for {len(chunks)} groups")
        return
    if titles is True:
        return
    if not isinstance(titles, str):
        raise InputError(f"{who}: expected True, a list of titles or a format string, got {titles!r}")
    import re
    import string

    fields = " and ".join(f"{{{k}}} ({v})" for k, v in TITLE_FIELDS.items())
    try:
        named = [f for _, f, _, _ in string.Formatter().parse(titles) if f is not None]
    except ValueError as e:
        raise InputError(f"{who}: {titles!r} is not a format string ({e}); a literal brace is written "
                         f"{{{{ or }}}}") from None
    unknown = list(dict.fromkeys(f"{{{f}}}" for f in named if re.split(r"[.\[]", f)[0] not in TITLE_FIELDS))
    if unknown:
        raise InputError(f"{who}: the format string {titles!r} names {', '.join(unknown)}, but a title can "
                         f"use only {fields}")
    for c in chunks:
        label, n = (None, 0) if c is None else (c.label, c.n)
        try:
            titles.format(label=label, n=n)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as e:
            raise InputError(f"{who}: cannot fill in {titles!r} for the group {label!r}: {e}") from None


@attrs.frozen(kw_only=True)
class GroupTitles(Panel):
    """A title centred on each group of a split axis (ComplexHeatmap's row and column titles).

    Parameters
    ----------
    titles : True, list or str
        ``True`` writes each group's label; a list gives one title per
        group, in display order; a format string is filled with ``{label}``
        and ``{n}`` (the group's size).
    rotation : float, optional
        Degrees; by default 90 on the left and right (reading upwards) and 0
        on top and at the bottom.
    fontsize : float, optional
        Points; the theme's by default. A title longer than its group is set
        smaller, down to 6 pt (a ``fontsize`` given is kept), then cut short
        with an ellipsis, and a warning names the group.
    """

    titles: Any = True
    rotation: float | None = None
    fontsize: float | None = None

    kind: ClassVar[str] = "titles"

    def bind(self, leaves) -> "GroupTitles":
        check_titles(self.titles, leaves, self.label)
        return self

    def title(self, leaves, chunk: int | None) -> str:
        """The title of group ``chunk`` of ``leaves``."""
        i = chunk or 0
        c = leaves.chunks[i]
        if isinstance(self.titles, (list, tuple)):
            return str(self.titles[i])
        if isinstance(self.titles, str):
            return self.titles.format(label=c.label, n=c.n)
        return "" if c.label is None else str(c.label)

    def _rotation(self, side: str) -> float:
        if self.rotation is not None:
            return float(self.rotation)
        return 90.0 if is_vertical(side) else 0.0

    def _align(self, side: str) -> dict:
        # centred along the group, its edge nearest the core facing the core
        rot = self._rotation(side)
        along_text = (rot % 180 == 90) == is_vertical(side)
        if along_text:
            va = {"left": "bottom", "right": "top", "top": "bottom", "bottom": "top"}[side]
            return {"rotation": rot, "rotation_mode": "anchor", "ha": "center", "va": va}
        from ..frame import text_alignment

        return text_alignment(side, rot)

    def fitted(self, ctx: MeasureContext) -> tuple[str, float, str | None]:
        """``(text, fontsize, note)``: this group's title as written, within the group's length.

        A title longer than its group is set smaller, down to :data:`MIN_TITLE_SIZE` (unless
        ``fontsize`` is given), then cut short with an ellipsis (or left out when not even a
        letter fits), which ``note`` says.
        """
        text = self.title(ctx.leaves, ctx.chunk)
        size = float(self.fontsize or ctx.theme.fontsize)
        align = self._align(ctx.side)

        def length(t: str, fontsize: float) -> float:
            _, _, b0, b1 = anchored_box(*ctx.text.size(t, fontsize), ctx.side, align)
            return b1 - b0

        room = ctx.along
        if room is None or not text or length(text, size) <= room:
            return text, size, None
        if self.fontsize is None:  # measured again each step: text does not scale exactly (hinting)
            for _ in range(6):
                size = max(MIN_TITLE_SIZE, min(size - 0.1, math.floor(size * room / length(text, size) * 10) / 10))
                if size <= MIN_TITLE_SIZE or length(text, size) <= room:
                    break
            if length(text, size) <= room:
                return text, size, None
        cut, low, high = "", 1, len(text) - 1  # the most letters that fit before the ellipsis
        while low <= high:
            keep = (low + high) // 2
            if length(text[:keep].rstrip() + ELLIPSIS, size) <= room:
                cut, low = text[:keep].rstrip() + ELLIPSIS, keep + 1
            else:
                high = keep - 1
        where = ctx.path if ctx.chunk is None else f"{ctx.path}[{ctx.chunk}]"
        label = ctx.leaves.chunks[ctx.chunk or 0].label
        done = f"written {cut!r}" if cut else "left out"
        note = (f"{where}: the title {text!r} of group {label!r} is longer than the group ({room:.2f} in) "
                f"even at {size:g} pt, so it is {done}; a larger figure, a smaller fontsize or a shorter title "
                f"would show it whole")
        return cut, size, note

    def measure(self, ctx: MeasureContext) -> Extent:
        if ctx.leaves is None:
            return Extent(thickness=0.0)
        text, size, note = self.fitted(ctx)
        w, h = ctx.text.size(text, size)
        a0, a1, b0, b1 = anchored_box(w, h, ctx.side, self._align(ctx.side))
        half = (ctx.along or 0.0) / 2
        return Extent(thickness=TITLE_PAD - a0 + a1 if text else 0.0,
                      before=max(0.0, -(half + b0)), after=max(0.0, b1 - half), info=(text, size), note=note)

    def draw(self, ax, ctx: DrawContext) -> None:
        if ctx.leaves is None:
            return
        text, size = ctx.info if ctx.info is not None else (self.title(ctx.leaves, ctx.chunk),
                                                              self.fontsize or ctx.theme.fontsize)
        ctx.set_away_limits(ax, 0.0, ctx.thickness)
        x, y = ctx.xy(ctx.n / 2, TITLE_PAD)
        ax.text(x, y, text, fontsize=size, color=ctx.theme.text_color, parse_math=False, clip_on=False,
                **self._align(ctx.side))


@attrs.frozen(kw_only=True)
class AxisTitle(GroupTitles):
    """One title centred along the whole axis, across every group: the name of the rows or columns.

    ``clustermap`` writes a DataFrame's ``index.name`` and ``columns.name``
    with it, beyond the labels (seaborn's y and x axis labels).

    Parameters
    ----------
    text : str
    rotation, fontsize
        As for :class:`GroupTitles`.
    """

    text: str = ""

    kind: ClassVar[str] = "axis_title"
    spans_groups: ClassVar[bool] = True

    def bind(self, leaves) -> "AxisTitle":
        if not isinstance(self.text, str):
            raise InputError(f"{self.label}: expected a str, got {type(self.text).__name__} {self.text!r}")
        return self

    def title(self, leaves, chunk: int | None) -> str:
        return self.text

    def measure(self, ctx: MeasureContext) -> Extent:
        w, h = ctx.text.size(self.text, self.fontsize or ctx.theme.fontsize)
        a0, a1, b0, b1 = anchored_box(w, h, ctx.side, self._align(ctx.side))
        half = (ctx.along or 0.0) / 2
        return Extent(thickness=TITLE_PAD - a0 + a1 if self.text else 0.0,
                      before=max(0.0, -(half + b0)), after=max(0.0, b1 - half))

    def draw(self, ax, ctx: DrawContext) -> None:
        ctx.set_away_limits(ax, 0.0, ctx.thickness)
        x, y = ctx.xy(ctx.along_extent / 2, TITLE_PAD)
        ax.text(x, y, self.text, fontsize=self.fontsize or ctx.theme.fontsize, color=ctx.theme.text_color,
                parse_math=False, clip_on=False, **self._align(ctx.side))


@attrs.frozen(kw_only=True)
class GroupBlocks(Panel):
    """A block of colour the length of each group of a split axis (ComplexHeatmap's ``anno_block``).

    Parameters
    ----------
    palette : str or list, optional
        A qualitative colormap name or a list of colours, one per group in display order.
    size : length
        Thickness; default 3 mm.
    """

    palette: Any = None

    kind: ClassVar[str] = "blocks"
    default_size: ClassVar[float] = to_inches("3mm")

    def colors(self, k: int) -> list:
        from matplotlib.colors import to_rgba

        from .colors import palette

        if isinstance(self.palette, (list, tuple)):
            if len(self.palette) < k:
                raise InputError(f"{self.label}: palette has {len(self.palette)} colours for {k} groups")
            return [to_rgba(c) for c in self.palette[:k]]
        return [to_rgba(c) for c in palette(k, self.palette)]

    def draw(self, ax, ctx: DrawContext) -> None:
        import numpy as np

        k = ctx.chunks
        color = self.colors(k)[ctx.chunk or 0]
        ctx.imshow(ax, np.broadcast_to(np.asarray(color), (max(ctx.n, 1), 1, 4)))
