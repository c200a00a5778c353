"""Numeric side panels: bars, points, lines and areas on a value axis running away from the core.

Every panel here draws numbers on one **value axis** for the whole panel
(every group of a split axis shares it), whose ticks and labels are written
past one end of the leaves, going round the core (:data:`gridfig.frame.AXIS_END`):
below the last row on the left, before the first column on top, above the
first row on the right, after the last column at the bottom -- so each corner
holds one side's axes -- in room the panel measures and reserves. Panels with the same ``scale`` key
share their limits (planned once, :meth:`gridfig.Panel.scale_limits`).

Values are one per leaf, in data order: a list or array by position, or a
pandas Series matched to the core's labels (:func:`gridfig.panels.align_series`).
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import numpy as np

from ..errors import InputError
from ..frame import anchored_box, end_alignment
from ..units import to_inches
from ..validate import _where, is_real, number
from .base import DrawContext, Extent, MeasureContext, Panel
from .match import _what, align_series, is_labelled, refuse_infinite

__all__ = ["Area", "Bars", "Lines", "Points", "ValuePanel", "as_rows", "as_vector"]

#: Tick mark length, and space between tick and label.
TICK = to_inches("1mm")
PAD = to_inches("0.5mm")
#: Least space between the tick labels and the axis title, in lines of the title's own text: half a
#: line when the title is turned to run along the value axis (it then crosses the labels' reading
#: direction), a whole line when it is too long for the panel's thickness and reads as the labels do.
TITLE_GAP = 0.5
TITLE_GAP_INLINE = 1.0
DEFAULT_COLOR = "#5a6f8c"
#: Points of the line bars start from, when some may point back toward the core (the value axis' width).
BASELINE_WIDTH = 0.6


def as_vector(values, leaves, who: str, drawn: str = "are missing (NaN)") -> np.ndarray:
    """One float per leaf in data order: a Series matched by label (missing -> NaN), else by position.

    ``drawn`` says in the warning about data labels the Series lacks what the panel does with them
    ("get no bar"). An infinite value is refused (:func:`refuse_infinite`).
    """
    if is_labelled(values):
        values = [np.nan if v is None else v
                  for v in align_series(values, leaves, who, _what(leaves), drawn=drawn)]
    try:
        out = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"{who}: values must be numbers, got {type(values).__name__} {values!r:.60}") from None
    if out.ndim != 1:
        raise InputError(f"{who}: expected one value per leaf (1-D), got shape {out.shape}")
    refuse_infinite(np.isinf(out), leaves, who)
    return out


def as_rows(values, leaves, who: str, drawn: str = "are missing") -> list:
    """One 1-D float array per leaf in data order (``None`` where missing).

    A DataFrame gives its rows and a dict ``label -> array`` its arrays, both
    matched to the core's labels by the same matcher as a Series (the same
    warnings for missing and unknown labels, ``drawn`` saying what the panel
    does with the missing ones); a list of arrays (or a 2-D array) goes by
    position. A leaf with an infinite value is refused (:func:`refuse_infinite`).
    """
    import pandas as pd

    if isinstance(values, pd.DataFrame):
        values = pd.Series(list(values.to_numpy(dtype=float)), index=values.index, dtype=object)
    elif isinstance(values, dict):
        values = pd.Series(list(values.values()), index=list(values.keys()), dtype=object)
    if is_labelled(values):
        values = align_series(values, leaves, who, _what(leaves), drawn=drawn)
    out = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        try:
            arr = np.asarray(v, dtype=float).ravel()
        except (TypeError, ValueError):
            raise InputError(f"{who}: each leaf needs an array of numbers, got {v!r:.60}") from None
        out.append(arr)
    refuse_infinite([r is not None and bool(np.isinf(r).any()) for r in out], leaves, who)
    return out


def _finite_range(*arrays) -> tuple[float, float] | None:
    """Least and greatest finite value of the arrays, ``None`` when none is finite."""
    flat = np.concatenate([np.ravel(np.asarray(a, dtype=float)) for a in arrays] or [np.zeros(0)])
    flat = flat[np.isfinite(flat)]
    return (float(flat.min()), float(flat.max())) if flat.size else None


def _check_limits(inst, attribute, value) -> None:
    """A validator of ``limits``: ``None`` or ``(low, high)``, finite numbers or ``None``, low below high."""
    if value is None:
        return
    where = _where(inst, attribute)
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != 2:
        raise InputError(f"{where}: expected (low, high), either None for the data's, got {value!r}")
    for v in value:
        if v is not None and not (is_real(v) and np.isfinite(float(v))):
            raise InputError(f"{where}: expected (low, high) as finite numbers or None, got {value!r}")
    low, high = value
    if low is not None and high is not None and not float(low) < float(high):
        raise InputError(f"{where}: low must be below high, got {tuple(value)!r}; the value axis always runs "
                         f"from low, next to the core, to high, away from it")


@attrs.frozen(kw_only=True)
class AxisInfo:
    """What a value panel measured: tick values and labels, the inset that keeps labels inside, their
    reach, and where the title goes (its distance past the leaves and the way it reads)."""

    ticks: tuple
    labels: tuple
    inset: float
    reach: float
    title_pad: float = 0.0
    title_reading: str = "away"


@attrs.frozen(kw_only=True)
class ValuePanel(Panel):
    """Base class of panels drawing numbers on a value axis that runs away from the core.

    Parameters
    ----------
    axis : bool
        Draw the value axis (a line, ticks and labels past the end of the
        leaves, once for all groups). Its room is measured and kept free.
    title : str, optional
        The axis' title, written past its tick labels: turned to run along the
        value axis and centred across the panel, as an axis title, or, when
        it is longer than the panel is thick, reading as the labels do a whole
        line of its own text past them.
    limits : (low, high), optional
        The value axis' range; either may be ``None`` for the data's. Values
        outside it are clipped by the panel's edges.
    scale : str, optional
        A key: every panel of the figure with the same key gets the union
        of their limits (one scale to compare panels by).
    fontsize : float, optional
        Points of the tick labels and title; the theme's by default.
    size : length
        Thickness of the panel (default 10 mm); the value axis' labels fit
        inside it, the data taking what is left.
    """

    axis: bool = True
    title: str | None = None
    limits: tuple | None = attrs.field(default=None, validator=_check_limits)
    scale: str | None = None
    fontsize: float | None = None

    default_size: ClassVar[float] = to_inches("10mm")

    def data_limits(self) -> tuple[float, float] | None:
        """The range the panel's data needs on the value axis (finite values, baseline included);
        ``None`` when it has no finite value."""
        raise NotImplementedError

    def missing_shown(self) -> str:
        """What a leaf with no value shows, for the warning about data labels a Series lacks."""
        return f"get no {self.kind}"

    def value_limits(self) -> tuple[float, float]:
        """The value axis' ``(low, high)``: ``limits`` where given, the data's elsewhere.

        Data with no spread (one value) and no ``limits`` get ``(value, value + 1)``, no data at all
        ``(0, 1)`` (or one unit from the end given). A given end that meets or passes the data's
        other end is an InputError naming ``limits``.
        """
        data = self.data_limits()
        if data is not None and not all(np.isfinite(data)):
            data = None
        low, high = (None, None) if self.limits is None else (self.limits[0], self.limits[1])
        lo = float(low) if low is not None else (None if data is None else data[0])
        hi = float(high) if high is not None else (None if data is None else data[1])
        if lo is None and hi is None:
            return (0.0, 1.0)
        if hi is None or (low is None and high is None and hi <= lo):
            return (lo, lo + 1.0)
        if lo is None:
            return (hi - 1.0, hi)
        if hi <= lo:  # one end given, the other the data's: every value lies beyond the given end
            wrong = (f"the low end {lo:g} is not below the data's high end {hi:g}" if low is not None
                     else f"the high end {hi:g} is not above the data's low end {lo:g}")
            raise InputError(f"{type(self).__name__}(limits=...): {wrong} (the value axis would have no "
                             f"length or run backwards); give both ends, got {tuple(self.limits)!r}")
        return (lo, hi)

    def scale_limits(self):
        return None if self.scale is None else (self.scale, *self.value_limits())

    def with_scale_limits(self, low, high):
        return attrs.evolve(self, limits=(low, high))

    # -- layout ---------------------------------------------------------------------
    def measure(self, ctx: MeasureContext) -> Extent:
        from .legend import fmt

        thickness = self.default_size if self.size is None else self.size
        if not self.axis:
            return Extent(thickness=thickness)
        fontsize = self.fontsize or ctx.theme.fontsize
        line = ctx.text.line_height(fontsize)
        end = ctx.axis_end
        align = end_alignment(ctx.side, "along", end)
        lo, hi = self.value_limits()

        def axis_at(ticks):
            labels = tuple(fmt(t) for t in ticks)
            boxes = [anchored_box(*ctx.text.size(s, fontsize), ctx.side, align) for s in labels]
            inset = min(max([max(-b[0], b[1]) for b in boxes], default=0.0), thickness / 4)
            at = inset + (np.asarray(ticks) - lo) / (hi - lo) * (thickness - 2 * inset)
            return ticks, labels, boxes, inset, at

        ticks, labels, boxes, inset, at = _choose_ticks(lo, hi, int(np.clip(thickness / (2.2 * line), 2, 5)),
                                                        axis_at)
        # how far the labels reach past the end: along the leaves after, back against them before
        reach = max([b[3] if end == "after" else -b[2] for b in boxes], default=0.0)
        room = TICK + PAD + reach
        title_pad, reading = 0.0, "away"
        if self.title:
            # turned to run along the value axis (ComplexHeatmap's annotation name beside its axis) when
            # it fits across the panel, so it cannot read as the last tick label's next word
            size = ctx.text.size(self.title, fontsize)
            box = anchored_box(*size, ctx.side, end_alignment(ctx.side, "away", end))
            if box[1] - box[0] > thickness:
                reading = "along"
                box = anchored_box(*size, ctx.side, end_alignment(ctx.side, "along", end))
            title_pad = room + (TITLE_GAP if reading == "away" else TITLE_GAP_INLINE) * line
            room = title_pad + (box[3] if end == "after" else -box[2])
        room = room if ctx.at_end(end) else 0.0
        return Extent(thickness=thickness, **{end: room},
                      info=AxisInfo(ticks=ticks, labels=labels, inset=inset, reach=reach, title_pad=title_pad,
                                    title_reading=reading))

    def draw(self, ax, ctx: DrawContext) -> None:
        lo, hi = self.value_limits()
        info = ctx.info if isinstance(ctx.info, AxisInfo) else None
        inset = 0.0 if info is None else info.inset
        per = (hi - lo) / max(ctx.thickness - 2 * inset, 1e-9)  # value units per inch
        ctx.set_away_limits(ax, lo - inset * per, hi + inset * per)
        self.draw_values(ax, ctx)
        end = ctx.axis_end
        if info is None or not ctx.at_end(end):
            return  # one axis, beside the group at that end
        fontsize = self.fontsize or ctx.theme.fontsize
        ctx.end_ticks(ax, info.ticks, info.labels, tick=TICK, pad=PAD, color=ctx.theme.text_color,
                      end=end, fontsize=fontsize)
        if self.title:
            ctx.end_text(ax, self.title, pad=info.title_pad, end=end, reading=info.title_reading,
                         fontsize=fontsize, color=ctx.theme.text_color)

    def draw_values(self, ax, ctx: DrawContext) -> None:  # pragma: no cover - abstract
        """Draw the data; the away limits are the value axis' (data units), leaves as in the canonical frame."""
        raise NotImplementedError


#: Least space between two value-axis labels, in inches.
LABEL_GAP = to_inches("0.5mm")


def _nice(lo: float, hi: float, most: int) -> tuple:
    """At most ``most`` round tick values inside ``[lo, hi]`` (those of the colour scales)."""
    from matplotlib.colors import Normalize

    from .legend import scale_ticks

    return tuple(scale_ticks(Normalize(lo, hi), most=most))


def _ends(lo: float, hi: float, finer: int) -> tuple:
    """The two ends of ``[lo, hi]`` rounded inward, to a tenth of the span's order of magnitude
    (``finer=1``: -6.98..3.91 gives -6, 3) or a hundredth (``finer=2``: -6.9, 3.9)."""
    step = 10.0 ** (np.floor(np.log10(hi - lo)) - finer)
    a = float(f"{np.ceil(lo / step - 1e-9) * step:.12g}") + 0.0  # + 0.0: no -0
    b = float(f"{np.floor(hi / step + 1e-9) * step:.12g}") + 0.0
    return (a, b) if a < b else ()


def _choose_ticks(lo: float, hi: float, most: int, axis_at) -> tuple:
    """The value axis' ticks, as ``axis_at(ticks)`` gives them (``ticks, labels, boxes, inset, at``).

    At least two, so the axis shows its scale and its direction, whose labels do not touch: as many
    nice ticks as fit (at most ``most``; then finer steps, for a range that the coarse ones cover
    with one tick), else nice ticks thinned to those that clear the one before, else the two ends
    of the range. Only when not even those fit, the one tick left of the thinned ones.
    """
    finest = axis_at(_nice(lo, hi, 5))
    thinned = tuple(finest[0][k] for k in _thinned(finest[4], finest[2]))
    choices = [_nice(lo, hi, k) for k in (*range(most, 1, -1), *range(most + 1, 6))]
    for ticks in (*choices, thinned, _ends(lo, hi, 1), _ends(lo, hi, 2)):
        axis = axis_at(ticks)
        if len(ticks) >= 2 and _apart(axis[4], axis[2]):
            return axis
    return axis_at(thinned)


def _apart(at, boxes) -> bool:
    """True when no two tick labels (tick positions ``at``, extents ``boxes`` away from the core) touch."""
    spans = sorted((a + b[0], a + b[1]) for a, b in zip(at, boxes))
    return all(nxt[0] - prev[1] >= LABEL_GAP for prev, nxt in zip(spans, spans[1:]))


def _thinned(at, boxes) -> list[int]:
    """Indices of the tick labels kept, from the lowest value up, each clear of the last one kept."""
    keep: list[int] = []
    for k in np.argsort(at):
        if not keep or at[k] + boxes[k][0] - (at[keep[-1]] + boxes[keep[-1]][1]) >= LABEL_GAP:
            keep.append(int(k))
    return sorted(keep)


def _colors(colors, n: int, who: str) -> list:
    from .colors import palette

    if colors is None or isinstance(colors, str):
        return palette(n, colors)  # distinct colours, of the named palette if given
    colors = list(colors)
    if len(colors) != n:
        raise InputError(f"{who}: colors needs one colour per stacked column ({n}), got {len(colors)}")
    return colors


@attrs.frozen(kw_only=True)
class Bars(ValuePanel):
    """A bar per leaf from a baseline, or stacked bars from a DataFrame's columns.

    Parameters
    ----------
    values : sequence, Series, DataFrame or 2-D array
        One value per leaf (a Series is matched by label), or one row per
        leaf whose columns are stacked (a DataFrame is matched by its index;
        its columns are the categories of a legend, titled by the panel's
        ``name`` if it has one; an untitled block showing the same categories
        in the same colours as a titled one, such as those of the category
        heatmap the bars are coloured like, is shown once, as the titled one).
    color : colour
        Colour of unstacked bars.
    colors : str, list or mapping, optional
        Colours of the stacked columns (a palette name, a list in column
        order, or column -> colour); distinct colours by default.
    baseline : float
        Where bars start: a value below it draws a bar toward the core.
        Stacked segments pile outward from it (positive) and inward (negative).
    width : float
        Bar width as a fraction of the leaf's cell.
    categories : tuple of str, optional
        The stacked columns, in order (the DataFrame's columns by default).
    """

    values: Any = attrs.field(eq=False, repr=False)
    color: Any = DEFAULT_COLOR
    colors: Any = None
    baseline: float = attrs.field(default=0.0, validator=number(what="a baseline value"))
    width: float = 0.8
    categories: tuple | None = None

    kind: ClassVar[str] = "bars"

    def __attrs_post_init__(self):
        if self.categories is None and np.ndim(self.values) == 2:  # stacked: the columns are known now
            cols = getattr(self.values, "columns", range(np.shape(self.values)[1]))
            object.__setattr__(self, "categories", tuple(str(c) for c in cols))

    def bind(self, leaves) -> "Bars":
        if self.categories is not None:
            k = len(self.categories)
            rows = as_rows(self.values, leaves, self.label, self.missing_shown())
            matrix = np.array([np.full(k, np.nan) if r is None else r for r in rows], dtype=float).reshape(-1, k)
            return attrs.evolve(self, values=matrix)
        return attrs.evolve(self, values=as_vector(self.values, leaves, self.label, self.missing_shown()))

    def missing_shown(self) -> str:
        return "get no bar"

    def leaf_count(self) -> int | None:
        return None if is_labelled(self.values) else len(self.values)

    def segments(self) -> tuple[np.ndarray, np.ndarray]:
        """``(start, length)`` of every bar segment, shape ``(leaves, columns)``, in data order."""
        m = np.asarray(self.values, dtype=float)
        if m.ndim == 1:
            length = (m - self.baseline)[:, None]
            return np.full_like(length, self.baseline), length
        pos, neg = np.where(m > 0, m, 0.0), np.where(m < 0, m, 0.0)
        start = np.where(m >= 0, np.cumsum(pos, axis=1) - pos, np.cumsum(neg, axis=1) - neg)
        return self.baseline + start, m

    def data_limits(self):
        start, length = self.segments()
        return _finite_range(start, start + np.nan_to_num(length), [self.baseline])

    def bar_colors(self) -> list:
        if self.categories is None:
            return [self.color]
        if isinstance(self.colors, dict):
            lacking = [c for c in self.categories if c not in self.colors]
            if lacking:
                raise InputError(f"{self.label}: colors has no colour for {lacking}")
            return [self.colors[c] for c in self.categories]
        return _colors(self.colors, len(self.categories), f"{self.label}: colors")

    def draw_values(self, ax, ctx):
        from matplotlib.collections import LineCollection

        start, length = self.segments()
        for j, color in enumerate(self.bar_colors()):
            ctx.bars(ax, length[ctx.order, j], start=start[ctx.order, j], width=self.width, color=color,
                     linewidth=0)
        lo, hi = self.value_limits()
        if lo < self.baseline <= hi:  # bars may point back toward the core: show where they start
            spans = np.asarray(ctx.chunk_spans, dtype=float)
            line = LineCollection(ctx.segments(spans, np.full(spans.shape, float(self.baseline))),
                                  colors=ctx.theme.line_color, linewidths=BASELINE_WIDTH)
            line.set_gid("baseline")
            ax.add_collection(line)

    def legend_entries(self):
        from .legend import CategoryLegend

        if self.categories is None:
            return ()
        return (CategoryLegend(title=self.name, labels=self.categories, colors=tuple(self.bar_colors())),)


@attrs.frozen(kw_only=True)
class Points(ValuePanel):
    """A point per leaf at its value, optionally joined by a line.

    Parameters
    ----------
    values : sequence or Series
        One value per leaf (a Series is matched by label; missing ones are not drawn).
    line : bool
        Join the points (within each group of a split).
    marker, markersize, color
        matplotlib's marker, its size in points, and the colour.
    linewidth : float
        Width of the joining line in points.
    """

    values: Any = attrs.field(eq=False, repr=False)
    line: bool = False
    marker: str = "o"
    markersize: float = 3.0
    color: Any = DEFAULT_COLOR
    linewidth: float = 0.8

    kind: ClassVar[str] = "points"

    def bind(self, leaves):
        return attrs.evolve(self, values=as_vector(self.values, leaves, self.label, self.missing_shown()))

    def missing_shown(self) -> str:
        return self._missing_shown("break the line" if self.line else None)

    def _missing_shown(self, gap: str | None) -> str:
        marks = [] if self.marker in ("none", "None", "", " ", None) else ["get no point"]
        return " and ".join(marks + ([gap] if gap else [])) or "are not drawn"

    def leaf_count(self) -> int | None:
        return None if is_labelled(self.values) else len(self.values)

    def data_limits(self):
        return _finite_range(self.values)

    def draw_values(self, ax, ctx):
        x, y = ctx.xy(ctx.centres, np.asarray(self.values, dtype=float)[ctx.order])
        ax.plot(x, y, marker=self.marker, ms=self.markersize, ls="-" if self.line else "none",
                lw=self.linewidth, color=self.color, clip_on=False)


@attrs.frozen(kw_only=True)
class Lines(Points):
    """A line through every leaf's value (``Points`` without markers).

    Parameters
    ----------
    values : sequence or Series
        One value per leaf (a Series is matched by label; missing values break the line).
    color : colour
        Line colour.
    linewidth : float
        Line width in points.
    line, marker, markersize
        As for :class:`Points` (here a line and no markers by default).
    """

    line: bool = True
    marker: str = "none"

    kind: ClassVar[str] = "lines"


@attrs.frozen(kw_only=True)
class Area(Lines):
    """A line through every leaf's value, filled down to ``baseline``.

    Missing values break the area (each run of present values is filled on its own).

    Parameters
    ----------
    values : sequence or Series
        One value per leaf (a Series is matched by label).
    color : colour
        Colour of the line and of the fill (drawn at opacity ``alpha``).
    linewidth : float
        Line width in points.
    baseline : float
        The value the area is filled down (or up) to.
    alpha : float
        Opacity of the fill.
    line, marker, markersize
        As for :class:`Points`.
    """

    baseline: float = attrs.field(default=0.0, validator=number(what="a baseline value"))
    alpha: float = 0.35

    kind: ClassVar[str] = "area"

    def data_limits(self):
        return _finite_range(self.values, [self.baseline])

    def missing_shown(self) -> str:
        return self._missing_shown("break the line and the area" if self.line else "break the area")

    def draw_values(self, ax, ctx):
        super().draw_values(ax, ctx)
        v = np.asarray(self.values, dtype=float)[ctx.order]
        centres = ctx.centres
        present = np.isfinite(v)
        edges = np.flatnonzero(np.diff(np.concatenate([[0], present.astype(int), [0]])))
        for a, b in zip(edges[::2], edges[1::2]):
            along = np.concatenate([centres[a:b], centres[a:b][::-1]])
            away = np.concatenate([v[a:b], np.full(b - a, self.baseline)])
            ax.fill(*ctx.xy(along, away), color=self.color, alpha=self.alpha, lw=0)
