"""The heatmap body: a matrix drawn as one image, cell (i, j) at [j, j+1] x [i, i+1]."""

from __future__ import annotations

from typing import ClassVar

import attrs
import numpy as np

from ..errors import InputError
from ..validate import number
from .base import DrawContext, Panel
from .colors import get_cmap


def _matrix(value) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim != 2:
        raise InputError(f"data: a heatmap needs a 2-D table, got shape {arr.shape}")
    return arr


def _labels(value):
    if value is None:
        return None
    return tuple(value)


def resolve_limits(data: np.ndarray, vmin=None, vmax=None, center=None, robust=False):
    """Colour limits from the data: ``(vmin, vmax)``, symmetric about ``center`` by default."""
    finite = data[np.isfinite(data)]
    if finite.size == 0:
        raise InputError("data: every cell is missing; nothing to colour")
    lo, hi = (np.percentile(finite, [2, 98]) if robust else (finite.min(), finite.max()))
    if center is not None and vmin is None and vmax is None:
        reach = max(abs(hi - center), abs(center - lo)) or 1.0
        return float(center - reach), float(center + reach)
    vmin = float(lo if vmin is None else vmin)
    vmax = float(hi if vmax is None else vmax)
    if vmin > vmax:
        raise InputError(f"vmin ({vmin:g}) is larger than vmax ({vmax:g})")
    return vmin, vmax


def make_norm(vmin: float, vmax: float, center=None):
    """A ``Normalize`` (or ``TwoSlopeNorm`` for asymmetric limits about ``center``)."""
    from matplotlib.colors import Normalize, TwoSlopeNorm

    if center is not None and vmin < center < vmax and not np.isclose(center - vmin, vmax - center):
        return TwoSlopeNorm(vcenter=center, vmin=vmin, vmax=vmax)
    if vmin == vmax:
        vmin, vmax = vmin - 0.5, vmax + 0.5
    return Normalize(vmin=vmin, vmax=vmax)


@attrs.frozen(kw_only=True)
class Heatmap(Panel):
    """A matrix of values drawn as coloured cells.

    Parameters
    ----------
    data : 2-D array or DataFrame
        The values, in data order; the layout's row and column orders say
        how they are displayed.
    cmap : str or Colormap
        Any matplotlib colormap (name or object).
    vmin, vmax : float, optional
        Colour limits. By default the data's range, symmetric about
        ``center`` when that is given.
    center : float, optional
        Value at the middle of the colormap (use a diverging colormap).
    robust : bool
        Take default limits from the 2nd and 98th percentiles.
    missing_color : str, optional
        Colour of missing (NaN) cells; the theme's by default.
    row_labels, col_labels : sequence, optional
        Labels of the data's rows and columns (from a DataFrame's index and
        columns). Side panels with labelled data are matched to these.
    legend, legend_title
        Whether the colour scale goes into a collected legend area, and its title.
    """

    data: np.ndarray = attrs.field(converter=_matrix, eq=False, repr=lambda a: f"<{a.shape[0]}x{a.shape[1]}>")
    cmap: object = "viridis"
    vmin: float | None = attrs.field(default=None, validator=number(optional=True, what="a colour limit"))
    vmax: float | None = attrs.field(default=None, validator=number(optional=True, what="a colour limit"))
    center: float | None = attrs.field(default=None, validator=number(optional=True, what="a value"))
    robust: bool = False
    missing_color: str | None = None
    row_labels: tuple | None = attrs.field(default=None, converter=_labels, eq=False, repr=False)
    col_labels: tuple | None = attrs.field(default=None, converter=_labels, eq=False, repr=False)
    legend_title: str | None = None
    legend: bool = True

    kind: ClassVar[str] = "heatmap"

    #: (vmin, vmax), worked out once from the data (see :attr:`limits`)
    _limits: tuple = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        get_cmap(self.cmap, "cmap")  # fail early on an unknown name
        # once here, not per use: the draw, the legend and clustermap all ask for the norm
        object.__setattr__(self, "_limits", resolve_limits(self.data, self.vmin, self.vmax, self.center,
                                                           self.robust))
        rows, cols = self.data.shape
        for labels, n, what in ((self.row_labels, rows, "row_labels"), (self.col_labels, cols, "col_labels")):
            if labels is not None and len(labels) != n:
                raise InputError(f"{what} has {len(labels)} labels but data has {n}")

    @classmethod
    def from_frame(cls, frame, **kwargs) -> "Heatmap":
        """A heatmap of a DataFrame, keeping its index and columns as labels."""
        return cls(data=frame.to_numpy(dtype=float), row_labels=list(frame.index),
                   col_labels=list(frame.columns), **kwargs)

    @property
    def shape(self):
        return self.data.shape

    def leaf_labels(self) -> tuple:
        return (self.row_labels, self.col_labels)

    @property
    def limits(self) -> tuple[float, float]:
        """The resolved ``(vmin, vmax)``."""
        return self._limits

    @property
    def norm(self):
        """The ``Normalize`` the cells are coloured with."""
        return make_norm(*self.limits, center=self.center)

    def draw(self, ax, ctx: DrawContext) -> None:
        values = self.data[np.ix_(ctx.rows, ctx.cols)]
        cmap = get_cmap(self.cmap, "cmap").with_extremes(bad=self.missing_color or ctx.theme.missing_color)
        n, m = values.shape
        # One image for the whole body, whatever the size: a raster in every format, so PDF and
        # SVG stay small and fast. interpolation="none" keeps one pixel per cell in vector files
        # (every row is in the file, however many) and is nearest-neighbour on screen and in PNG.
        # (No set_rasterized: that would resample it again at the figure's dpi.)
        ax.imshow(np.ma.masked_invalid(values), cmap=cmap, norm=self.norm, origin="upper",
                  extent=(0, m, n, 0), aspect="auto", interpolation="none")

    def legend_entries(self):
        from .legend import ScaleLegend

        if not self.legend:
            return ()
        return (ScaleLegend(title=self.legend_title, cmap=self.cmap, norm=self.norm),)
