"""Row and column labels, measured so they always fit, thinned when they cannot all."""

from __future__ import annotations

import math
from typing import ClassVar

import attrs
import numpy as np

from ..errors import InputError, quote_some
from ..units import to_inches
from .base import DrawContext, Extent, MeasureContext, Panel, text_alignment

#: Room per label as a multiple of the line height when deciding how many fit.
SPACING = 1.1
#: Along length assumed before the layout is solved the first time.
FIRST_GUESS = 10.0


def _texts(value) -> tuple:
    return tuple("" if v is None else str(v) for v in value)


@attrs.frozen(kw_only=True)
class Labels(Panel):
    """Text labels, one per leaf, written away from the core.

    Parameters
    ----------
    texts : sequence
        One label per data row (or column), in data order. Shown literally:
        ``"$5"`` is a dollar sign and a five, not mathtext.
    rotation : float, optional
        Degrees; by default 0 on the left and right and 90 on top and at the
        bottom.
    fontsize : float, optional
        Points; the theme's by default.
    show : "auto", "all", int or sequence, optional
        Which labels to write. ``"auto"`` (default) writes all that fit and,
        when there are more leaves than lines of text fit along the core,
        every k-th leaf with k as small as fits, evenly spread -- never an
        overlapping smear. ``"all"`` writes every label however crowded; an
        int k writes every k-th.
        A sequence of labels writes only those (they must be among
        ``texts``).
    pad : length
        Space between the panel's edge nearest the core and the text.
    """

    texts: tuple = attrs.field(converter=_texts, eq=False, repr=lambda t: f"<{len(t)} labels>")
    rotation: float | None = None
    fontsize: float | None = None
    show: object = "auto"
    pad: float = attrs.field(default="0.5mm", converter=lambda v: to_inches(v, "pad"))

    kind: ClassVar[str] = "labels"

    def __attrs_post_init__(self):
        if isinstance(self.show, (int, np.integer)) and not isinstance(self.show, bool):
            if self.show < 1:
                raise InputError(f"show: every k-th label needs k >= 1, got {self.show}")
            return
        if isinstance(self.show, str):
            if self.show not in ("auto", "all"):
                raise InputError(f"show: expected 'auto', 'all', an int or a sequence of labels, "
                                 f"got {self.show!r}")
            return
        wanted = [str(v) for v in self.show]
        known = set(self.texts)
        unknown = [w for w in wanted if w not in known]
        if unknown:
            raise InputError(f"show: {len(unknown)} labels are not among the labels: {quote_some(unknown)}")

    def leaf_count(self) -> int:
        return len(self.texts)

    def _rotation(self, side: str) -> float:
        if self.rotation is not None:
            return float(self.rotation)
        return 0.0 if side in ("left", "right") else 90.0

    def pitch(self, side: str, order: np.ndarray, text, fontsize: float) -> float:
        """Distance along the leaves two neighbouring labels need so they do not touch.

        Parallel boxes of width w and height h, turned by an angle a from the
        leaves' direction, clear each other when they are h/|sin a| apart
        (side by side) or w/|cos a| apart (end to end); the smaller will do.
        """
        line = text.line_height(fontsize)
        along_angle = 90.0 if side in ("left", "right") else 0.0
        a = math.radians(self._rotation(side) - along_angle)
        sin, cos = abs(math.sin(a)), abs(math.cos(a))
        side_by_side = line * SPACING / sin if sin > 1e-6 else math.inf
        if cos < 1e-6:
            return side_by_side
        widest = max((text.size(t, fontsize)[0] for t in set(self.texts[i] for i in order)), default=0.0)
        return min(side_by_side, widest * SPACING / cos)

    def shown(self, order: np.ndarray, along: float | None, pitch: float) -> np.ndarray:
        """Display positions of the labels to write."""
        n = len(order)
        if isinstance(self.show, (int, np.integer)):
            return np.arange(0, n, int(self.show))
        if isinstance(self.show, str):
            if self.show == "all" or n == 0:
                return np.arange(n)
            fit = max(1, int(math.floor((along or FIRST_GUESS) / pitch)))
            if n <= fit:
                return np.arange(n)
            step = math.ceil(n / fit)
            return np.arange((step - 1) // 2, n, step)
        wanted = {str(v) for v in self.show}
        texts = np.asarray(self.texts, dtype=object)[order]
        return np.flatnonzero([t in wanted for t in texts])

    def measure(self, ctx: MeasureContext) -> Extent:
        from ..layout.measure import anchored_box

        fontsize = self.fontsize or ctx.theme.fontsize
        order = ctx.order if ctx.order is not None else np.arange(len(self.texts))
        shown = self.shown(order, ctx.along, self.pitch(ctx.side, order, ctx.text, fontsize))
        if not len(shown):
            return Extent(thickness=0.0)
        align = text_alignment(ctx.side, self._rotation(ctx.side))
        lo_away, hi_away, lo_along, hi_along = 0.0, 0.0, 0.0, 0.0
        for pos in shown:
            w, h = ctx.text.size(self.texts[order[pos]], fontsize)
            a0, a1, b0, b1 = anchored_box(w, h, ctx.side, align)
            lo_away, hi_away = min(lo_away, a0), max(hi_away, a1)
            lo_along, hi_along = min(lo_along, b0), max(hi_along, b1)
        # the anchor sits far enough from the core that no part of a label reaches back past pad
        offset = self.pad - lo_away
        cell = (ctx.along / len(order)) if ctx.along else 0.0
        first, last = shown[0], shown[-1]
        before = max(0.0, -(cell * (first + 0.5) + lo_along))
        after = max(0.0, hi_along - cell * (len(order) - last - 0.5))
        return Extent(thickness=offset + hi_away, before=before, after=after, info=(shown, offset))

    def draw(self, ax, ctx: DrawContext) -> None:
        if ctx.info is None:
            return
        shown, offset = ctx.info
        fontsize = self.fontsize or ctx.theme.fontsize
        align = ctx.text_alignment(self._rotation(ctx.side))
        ctx.set_away_limits(ax, 0.0, ctx.thickness)
        order = ctx.order
        for pos in shown:
            x, y = ctx.xy(pos + 0.5, offset)
            ax.text(x, y, self.texts[order[pos]], fontsize=fontsize, color=ctx.theme.text_color,
                    parse_math=False, clip_on=False, **align)
