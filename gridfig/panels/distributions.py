"""Distribution side panels: a box, a violin or a small histogram per leaf, on one value axis.

Each leaf's values come from a DataFrame's row (matched to the core by its
index), a dict ``label -> array`` (matched by key) or a list of arrays (by
position). Missing values (NaN) are left out; a leaf with none draws nothing.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import numpy as np

from .numeric import DEFAULT_COLOR, ValuePanel, _finite_range, as_rows
from .match import is_labelled

__all__ = ["Box", "Histogram", "Violin"]


def _present(rows) -> list:
    """Each leaf's finite values (an empty array where missing)."""
    return [np.zeros(0) if r is None else r[np.isfinite(r)] for r in rows]


def _quads(ctx, along0, away0, d_along, d_away) -> np.ndarray:
    """Rectangles from canonical corners as polygon vertices ``(k, 4, 2)`` for a PolyCollection."""
    along = np.column_stack([along0, along0 + d_along, along0 + d_along, along0])
    away = np.column_stack([away0, away0, away0 + d_away, away0 + d_away])
    return ctx.segments(along, away)


@attrs.frozen(kw_only=True)
class _Distributions(ValuePanel):
    values: Any = attrs.field(eq=False, repr=False)
    color: Any = DEFAULT_COLOR

    def bind(self, leaves):
        return attrs.evolve(self, values=tuple(_present(as_rows(self.values, leaves, self.label,
                                                                 self.missing_shown()))))

    def leaf_count(self) -> int | None:
        return None if is_labelled(self.values) or isinstance(self.values, dict) else len(self.values)

    def data_limits(self):
        return _finite_range(*self.values)

    def shown(self, ctx):
        """``(centre along, values)`` for every leaf this Axes shows that has values."""
        return [(c, self.values[i]) for c, i in zip(ctx.centres, ctx.order) if len(self.values[i])]


@attrs.frozen(kw_only=True)
class Box(_Distributions):
    """A box plot per leaf: quartiles (numpy's percentiles), the median, whiskers and outliers.

    Parameters
    ----------
    values : DataFrame, dict or list of arrays
        Each leaf's values: a DataFrame's rows (matched by its index), a dict
        ``label -> array`` (by key) or a list of arrays (by position); NaN is left out.
    color : colour
        Colour of the boxes.
    whis : float
        Whiskers reach the furthest value within ``whis`` times the
        interquartile range of the box (Tukey); values beyond are outliers.
    width : float
        Box width as a fraction of the leaf's cell.
    outliers : bool
        Draw the outliers as points.
    """

    whis: float = 1.5
    width: float = 0.7
    outliers: bool = True

    kind: ClassVar[str] = "box"

    def stats(self, values: np.ndarray) -> dict:
        """``q1``, ``median``, ``q3``, whisker ends ``low``/``high`` and ``outliers`` of one leaf."""
        q1, med, q3 = np.percentile(values, [25, 50, 75])
        reach = self.whis * (q3 - q1)
        inside = values[(values >= q1 - reach) & (values <= q3 + reach)]
        return dict(q1=q1, median=med, q3=q3, low=inside.min(), high=inside.max(),
                    outliers=values[(values < q1 - reach) | (values > q3 + reach)])

    def draw_values(self, ax, ctx):
        from matplotlib.collections import LineCollection, PolyCollection

        shown = self.shown(ctx)
        if not shown:
            return
        stats = [self.stats(v) for _, v in shown]
        c = np.array([s for s, _ in shown])
        q1, med, q3, low, high = (np.array([s[k] for s in stats]) for k in ("q1", "median", "q3", "low", "high"))
        w = self.width / 2
        ax.add_collection(PolyCollection(_quads(ctx, c - w, q1, 2 * w, q3 - q1), facecolors=self.color,
                                         edgecolors=ctx.theme.line_color, linewidths=0.5, alpha=0.85))
        along = np.concatenate([np.column_stack([c - w, c + w]), np.column_stack([c, c]),
                                np.column_stack([c, c])])
        away = np.concatenate([np.column_stack([med, med]), np.column_stack([q1, low]),
                               np.column_stack([q3, high])])
        ax.add_collection(LineCollection(ctx.segments(along, away), colors=ctx.theme.line_color, linewidths=0.6))
        out = [(np.full(len(s["outliers"]), ci), s["outliers"]) for ci, s in zip(c, stats)]
        if self.outliers and any(len(o) for _, o in out):
            x, y = ctx.xy(np.concatenate([a for a, _ in out]), np.concatenate([o for _, o in out]))
            ax.plot(x, y, ls="none", marker="o", ms=1.5, color=ctx.theme.line_color, clip_on=False)


@attrs.frozen(kw_only=True)
class Violin(_Distributions):
    """A violin per leaf: a Gaussian kernel density estimate (scipy) from the leaf's least to its greatest value.

    Every violin is scaled so the widest point of the panel fills ``width``
    of a cell (densities compare across leaves). A leaf with one distinct
    value draws a short line at it.

    Parameters
    ----------
    values : DataFrame, dict or list of arrays
        Each leaf's values, as for :class:`Box`.
    color : colour
        Fill colour of the violins.
    width : float
        How much of a cell the widest violin fills.
    points : int
        Points at which each density is evaluated.
    """

    width: float = 0.8
    points: int = 64

    kind: ClassVar[str] = "violin"

    def densities(self) -> list:
        """``(grid, density)`` per leaf in data order, ``None`` where the leaf has no spread."""
        from scipy.stats import gaussian_kde

        out = []
        for v in self.values:
            if len(v) < 2 or np.ptp(v) == 0:
                out.append(None)
                continue
            grid = np.linspace(v.min(), v.max(), self.points)
            out.append((grid, gaussian_kde(v)(grid)))
        return out

    def draw_values(self, ax, ctx):
        from matplotlib.collections import LineCollection, PolyCollection

        dens = self.densities()
        peak = max((d.max() for g_d in dens if g_d is not None for d in [g_d[1]]), default=1.0)
        polys, flat = [], []
        for c, i in zip(ctx.centres, ctx.order):
            if dens[i] is None:
                if len(self.values[i]):
                    flat.append(([c - 0.2, c + 0.2], [self.values[i][0]] * 2))
                continue
            grid, d = dens[i]
            half = d / peak * self.width / 2
            polys.append(ctx.segments(np.concatenate([c - half, (c + half)[::-1]]),
                                      np.concatenate([grid, grid[::-1]])))
        if polys:
            ax.add_collection(PolyCollection(polys, facecolors=self.color, edgecolors=ctx.theme.line_color,
                                             linewidths=0.4, alpha=0.85))
        if flat:
            ax.add_collection(LineCollection([ctx.segments(a, b) for a, b in flat], colors=self.color))


@attrs.frozen(kw_only=True)
class Histogram(_Distributions):
    """A small histogram per leaf in the leaf's own cell (ComplexHeatmap's ``anno_histogram``).

    The bins run along the value axis, the same bins for every leaf (``bins``
    equal bins over the value axis, or the bin edges); each leaf's counts
    grow back along the leaves from the end of its cell (upright beside
    rows), the fullest bin filling ``width`` of it.

    Parameters
    ----------
    values : DataFrame, dict or list of arrays
        Each leaf's values, as for :class:`Box`.
    color : colour
        Colour of the bars.
    bins : int or sequence of float
        The number of equal bins over the value axis, or the bin edges.
    width : float
        How much of a leaf's cell the fullest bin fills.
    """

    bins: Any = 10
    width: float = 0.85

    kind: ClassVar[str] = "histogram"

    def data_limits(self):
        given = [self.bins] if np.ndim(self.bins) else []
        return _finite_range(*self.values, *given)

    def edges(self) -> np.ndarray:
        if np.ndim(self.bins):
            return np.asarray(self.bins, dtype=float)
        return np.linspace(*self.value_limits(), int(self.bins) + 1)

    def counts(self) -> np.ndarray:
        """Counts per leaf (data order) and bin."""
        edges = self.edges()
        return np.array([np.histogram(v, edges)[0] for v in self.values]).reshape(len(self.values), -1)

    def draw_values(self, ax, ctx):
        from matplotlib.collections import PolyCollection

        edges, counts = self.edges(), self.counts()[ctx.order]
        fullest = counts.max(axis=1, keepdims=True)
        tall = np.divide(counts, fullest, out=np.zeros(counts.shape), where=fullest > 0) * self.width
        base = ctx.centres + 0.5 - (1 - self.width) / 2
        k, b = np.nonzero(counts)
        verts = _quads(ctx, base[k], edges[b], -tall[k, b], np.diff(edges)[b])
        ax.add_collection(PolyCollection(verts, facecolors=self.color, edgecolors=ctx.theme.face_color,
                                         linewidths=0.3))  # bins parted by the background
