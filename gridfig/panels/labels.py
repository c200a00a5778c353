"""Row and column labels, measured so they always fit, thinned when they cannot all."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import attrs
import numpy as np

from ..errors import InputError, InputTypeError, quote_some
from ..units import to_inches
from ..validate import number
from ..frame import anchored_box, text_alignment
from .base import DrawContext, Extent, MeasureContext, Panel

#: Room per label as a multiple of the line height when deciding how many fit.
SPACING = 1.1
#: Along length assumed before the layout is solved the first time.
FIRST_GUESS = 10.0


#: Room for leader lines when chosen labels are spread out.
LEADER = to_inches("4mm")


def spread_out(wanted: np.ndarray, pitch: float, low: float, high: float) -> np.ndarray:
    """Positions as close as possible to ``wanted`` (sorted), in order, ``pitch`` apart, within bounds.

    Least squares under "in order and at least ``pitch`` apart": with
    ``z_i = wanted_i - i * pitch`` the positions must be non-decreasing, so
    it is isotonic regression (pool adjacent violators), then clipped to the
    bounds, which keeps it optimal.
    """
    n = len(wanted)
    z = np.asarray(wanted, dtype=float) - np.arange(n) * pitch
    blocks: list[list[float]] = []  # [mean, count]
    for v in z:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, c2 = blocks.pop()
            m1, c1 = blocks.pop()
            blocks.append([(m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2])
    x = np.concatenate([np.full(int(c), m) for m, c in blocks])
    lo, hi = low + pitch / 2, high - pitch / 2 - (n - 1) * pitch
    x = np.clip(x, lo, hi) if hi >= lo else np.full(n, (lo + hi) / 2)
    return x + np.arange(n) * pitch


def _texts(value) -> tuple | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        # a string would be read one character per leaf: refused, as any other non-sequence
        raise InputTypeError(f"Labels(texts=...): expected a sequence of labels (one per leaf), got "
                             f"{type(value).__name__} {value!r:.60}")
    return tuple("" if v is None else str(v) for v in value)


@attrs.frozen(kw_only=True)
class Labels(Panel):
    """Text labels, one per leaf, written away from the core.

    Parameters
    ----------
    texts : sequence, optional
        One label per data row (or column), in data order. Shown literally:
        ``"$5"`` is a dollar sign and a five, not mathtext. By default the
        data's own labels (a DataFrame's index or columns).
    rotation : float or "auto", optional
        Degrees; by default 0 on the left and right and 90 on top and at the
        bottom. ``"auto"`` on top and at the bottom takes the first of 0, 45
        and 90 degrees at which every label fits (90 when none does).
    fontsize : float, optional
        Points; the theme's by default.
    show : "auto", "all", int or sequence, optional
        Which labels to write. ``"auto"`` (default) writes all that fit and,
        when there are more leaves than lines of text fit along the core,
        every k-th leaf with k as small as fits, evenly spread -- never an
        overlapping smear. ``"all"`` writes every label however crowded; an
        int k writes every k-th.
        A sequence of labels writes only those (they must be among
        ``texts``); when they are closer than they can be written, they are
        spread out along the core and joined to their rows by leader lines.
    pad : length
        Space between the panel's edge nearest the core and the text.
    """

    texts: tuple | None = attrs.field(default=None, converter=_texts, eq=False,
                                      repr=lambda t: "<data labels>" if t is None else f"<{len(t)} labels>")
    rotation: float | str | None = None
    fontsize: float | None = attrs.field(default=None, validator=number(above=0, optional=True,
                                                                   what="a font size in points"))
    show: object = "auto"
    pad: float = attrs.field(default="0.5mm", converter=lambda v: to_inches(v, "pad"))

    kind: ClassVar[str] = "labels"
    drop_rank: ClassVar[int] = 2

    def __attrs_post_init__(self):
        rot = self.rotation
        if not (rot is None or rot == "auto" or (isinstance(rot, (int, float, np.number))
                                                  and not isinstance(rot, bool) and math.isfinite(rot))):
            raise InputError(f"rotation: expected a number of degrees or 'auto', got {rot!r}")
        if self.texts is None:
            return  # checked when bound to the data's labels
        self._check_show()

    def bind(self, leaves) -> "Labels":
        """Take the data's labels when no ``texts`` were given."""
        if self.texts is not None:
            return self
        if leaves is None or leaves.labels is None:
            raise InputError(f"{self.label}: no texts given and the core's data has no labels; "
                             f"pass texts=[...]")
        bound = attrs.evolve(self, texts=leaves.labels)
        return bound

    def _check_show(self) -> None:
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

    def leaf_count(self) -> int | None:
        return None if self.texts is None else len(self.texts)

    def font(self) -> dict:
        """``weight`` and ``family`` of the text (measured and drawn alike); the default font here."""
        return {}

    def text_color(self, position: int, theme) -> Any:
        """Colour of the label of data position ``position``; the theme's text colour here."""
        return theme.text_color

    def _rotation(self, side: str) -> float:
        if self.rotation is not None and self.rotation != "auto":
            return float(self.rotation)
        return 0.0 if side in ("left", "right") else 90.0

    def _candidates(self, side: str) -> list[float]:
        # rotation="auto": the first of these at which every label fits (else the last)
        if self.rotation == "auto":
            return [0.0] if side in ("left", "right") else [0.0, 45.0, 90.0]
        return [self._rotation(side)]

    def pitch(self, side: str, order: np.ndarray, text, fontsize: float, rotation: float | None = None) -> float:
        """Distance along the leaves two neighbouring labels need so they do not touch.

        Parallel boxes of width w and height h, turned by an angle a from the
        leaves' direction, clear each other when they are ``h / |sin a|`` apart
        (side by side) or ``w / |cos a|`` apart (end to end); the smaller will do.
        """
        line = text.line_height(fontsize)
        along_angle = 90.0 if side in ("left", "right") else 0.0
        a = math.radians((self._rotation(side) if rotation is None else rotation) - along_angle)
        sin, cos = abs(math.sin(a)), abs(math.cos(a))
        side_by_side = line * SPACING / sin if sin > 1e-6 else math.inf
        if cos < 1e-6:
            return side_by_side
        font = self.font()
        widest = max((text.size(t, fontsize, **font)[0] for t in set(self.texts[i] for i in order)), default=0.0)
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
        fontsize = self.fontsize or ctx.theme.fontsize
        order = ctx.order if ctx.order is not None else np.arange(len(self.texts))
        for rotation in self._candidates(ctx.side):
            shown = self.shown(order, ctx.along, self.pitch(ctx.side, order, ctx.text, fontsize, rotation))
            if len(shown) == len(order):
                break
        if not len(shown):
            return Extent(thickness=0.0)
        note = None
        if self.show == "auto" and len(shown) < len(order) and ctx.along is not None:
            step = shown[1] - shown[0] if len(shown) > 1 else len(order)
            fix = "a smaller fontsize or a larger figure" if rotation == 90 or ctx.side in ("left", "right") \
                else "rotation=90 (or \"auto\"), a smaller fontsize or a larger figure"
            where = ctx.path if ctx.chunk is None else f"{ctx.path}[{ctx.chunk}]"
            note = (f"{where}: {len(shown)} of {len(order)} labels shown (one in every {step}; the rest do not "
                    f"fit); {fix} would show them all, label_rows=/label_cols= chosen ones")
        align = text_alignment(ctx.side, rotation)
        cell = (ctx.along / len(order)) if ctx.along else 0.0
        lo_away, hi_away, lo_along, hi_along = 0.0, 0.0, 0.0, 0.0
        before, after = 0.0, 0.0
        for pos in shown:
            w, h = ctx.text.size(self.texts[order[pos]], fontsize, **self.font())
            a0, a1, b0, b1 = anchored_box(w, h, ctx.side, align)
            lo_away, hi_away = min(lo_away, a0), max(hi_away, a1)
            lo_along, hi_along = min(lo_along, b0), max(hi_along, b1)
            # how far this label reaches past the start and the end of the leaves
            before = max(before, -(cell * (pos + 0.5) + b0))
            after = max(after, b1 - cell * (len(order) - pos - 0.5))
        # the anchor sits far enough from the core that no part of a label reaches back past pad
        offset = self.pad - lo_away
        placed = None
        if not isinstance(self.show, (str, int, np.integer)) and cell > 0:
            # chosen labels closer than they can be written are spread out, with leader lines
            pitch = self.pitch(ctx.side, order[shown], ctx.text, fontsize, rotation)
            wanted = (shown + 0.5) * cell
            spread = spread_out(wanted, pitch, 0.0, ctx.along)
            if np.abs(spread - wanted).max() > 1e-6:
                placed = spread / cell
                offset += LEADER
                before, after = max(before, pitch / 2 - spread[0]), max(after, spread[-1] + pitch / 2 - ctx.along)
        return Extent(thickness=offset + hi_away, before=max(before, 0.0), after=max(after, 0.0),
                      info=(shown, offset, placed, rotation), note=note)

    def draw(self, ax, ctx: DrawContext) -> None:
        if ctx.info is None:
            return
        shown, offset, placed, rotation = ctx.info
        fontsize = self.fontsize or ctx.theme.fontsize
        align = ctx.text_alignment(rotation)
        ctx.set_away_limits(ax, 0.0, ctx.thickness)
        order = ctx.order
        at = shown + 0.5 if placed is None else placed
        font = self.font()
        for pos, where in zip(shown, at):
            x, y = ctx.xy(where, offset)
            ax.text(x, y, self.texts[order[pos]], fontsize=fontsize, color=self.text_color(order[pos], ctx.theme),
                    fontweight=font.get("weight", "normal"), fontfamily=font.get("family"), parse_math=False,
                    clip_on=False, **align)
        if placed is not None:
            from matplotlib.collections import LineCollection

            # leader lines: straight out from the row, across to the label, straight on to it
            start = offset - LEADER
            away = np.array([0.0, start + LEADER * 0.3, start + LEADER * 0.7, start + LEADER * 0.9])
            along = np.column_stack([shown + 0.5, shown + 0.5, placed, placed])
            lines = LineCollection(ctx.segments(along, np.broadcast_to(away, along.shape)),
                                   colors=ctx.theme.text_color, linewidths=0.5)
            ax.add_collection(lines, autolim=False)
