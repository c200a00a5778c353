"""The heatmap body: a matrix drawn as one image, cell (i, j) at [j, j+1] x [i, i+1].

Besides the colours, the body can write each cell's value (``annot``), hide
cells (``mask``), draw borders between cells (``linewidths``), colour through
any matplotlib ``Normalize`` (``norm``) and hand the cell centres of what it
shows to *layers* drawn over it (markers, text, outlines over chosen cells).
:class:`DotHeatmap` draws a dot per cell sized by a second matrix, and
:class:`CategoryHeatmap` a matrix of categories. See ``docs/heatmap.md``.
"""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

import attrs
import numpy as np

from ..errors import InputError, InputTypeError
from ..units import to_inches
from ..validate import number
from .annot_format import check_fmt, format_cell
from .base import DrawContext, Panel
from .colors import get_cmap, palette

#: The smallest size (points) ``annot`` text shrinks to, when no size is given, to fit its cells.
MIN_ANNOT_SIZE = 6.0

def _matrix(value) -> np.ndarray:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError("data: a Heatmap needs numbers, but some cells are not numeric (e.g. text); "
                         "for a matrix of categories use gridfig.CategoryHeatmap") from None
    if arr.ndim != 2:
        raise InputError(f"data: a heatmap needs a 2-D table, got shape {arr.shape}")
    return arr


def _labels(value):
    if value is None:
        return None
    return tuple(value)


def _layers(value) -> tuple:
    layers = tuple(value or ())
    for layer in layers:
        if not callable(layer):
            raise InputTypeError(f"layers: expected callables (ax, ctx, cells) or layer objects, "
                                 f"got {type(layer).__name__}")
    return layers


def resolve_limits(data: np.ndarray, vmin=None, vmax=None, center=None, robust=False):
    """Colour limits ``(vmin, vmax)``: those given, else the data's range (``robust``: its 2nd and 98th
    percentiles).

    With ``center`` alone the data's range is widened to be symmetric about it: no cell's colour
    changes (:func:`centered_cmap` gives the same colours to the data's range), and the colour bar
    has the centre in its middle. Robust limits are not widened, as a cell beyond them takes the
    colour at the limit (as in seaborn).
    """
    finite = data[np.isfinite(data)]
    if finite.size == 0:
        raise InputError("data: every cell is missing; nothing to colour")
    lo, hi = (np.percentile(finite, [2, 98]) if robust else (finite.min(), finite.max()))
    if center is not None and vmin is None and vmax is None and not robust:
        reach = max(abs(hi - center), abs(center - lo)) or 1.0
        return float(center - reach), float(center + reach)
    vmin = float(lo if vmin is None else vmin)
    vmax = float(hi if vmax is None else vmax)
    if vmin > vmax:
        raise InputError(f"vmin ({vmin:g}) is larger than vmax ({vmax:g})")
    return vmin, vmax


def make_norm(vmin: float, vmax: float):
    """A linear ``Normalize`` over ``vmin..vmax`` (widened by 0.5 each way when they are equal)."""
    from matplotlib.colors import Normalize

    if vmin == vmax:
        vmin, vmax = vmin - 0.5, vmax + 0.5
    return Normalize(vmin=vmin, vmax=vmax)


def centered_cmap(cmap, vmin: float, vmax: float, center=None):
    """The part of ``cmap`` that ``vmin..vmax`` covers when the whole colormap spans ``center`` plus or
    minus the farther limit (seaborn's recentring): one slope, so equal steps from the centre get
    equal steps in colour on either side. ``cmap`` itself when there is no centre or the limits are
    symmetric about it."""
    from matplotlib.colors import ListedColormap, Normalize

    if center is None:
        return cmap
    reach = max(vmax - center, center - vmin)  # > 0: vmin < vmax (make_norm)
    lo, hi = (float(v) for v in Normalize(center - reach, center + reach)([vmin, vmax]))
    if np.isclose(lo, 0) and np.isclose(hi, 1):
        return cmap
    cut = ListedColormap(cmap(np.linspace(lo, hi, 256)), name=f"{cmap.name}[{lo:.4g}:{hi:.4g}]")
    # under and over colours the user set are kept (by default they are the ends of the cut)
    under, over = cmap(-np.inf), cmap(np.inf)
    return cut.with_extremes(under=None if np.allclose(under, cmap(0)) else under,
                             over=None if np.allclose(over, cmap(cmap.N - 1)) else over)


def user_norm(norm, data: np.ndarray, what: str = "norm"):
    """A user's ``Normalize``, its missing limits taken from the data (as matplotlib would when drawing)."""
    from matplotlib.colors import Normalize

    if not isinstance(norm, Normalize):
        raise InputTypeError(f"{what}: expected a matplotlib.colors.Normalize (LogNorm(), TwoSlopeNorm(...), "
                             f"BoundaryNorm(...), ...), got {type(norm).__name__}")
    finite = data[np.isfinite(data)]
    if finite.size == 0:
        raise InputError("data: every cell is missing; nothing to colour")
    if norm.vmin is None or norm.vmax is None:
        norm.autoscale_None(finite)
    from matplotlib.colors import LogNorm

    if (norm.vmin is None or norm.vmax is None or not np.isfinite([norm.vmin, norm.vmax]).all()
            or isinstance(norm, LogNorm) and norm.vmin <= 0):
        raise InputError(f"{what}: {type(norm).__name__} found no usable limits in the data "
                         f"(a LogNorm needs positive values); give vmin and vmax to the norm")
    return norm


def cell_table(value, shape: tuple, row_labels, col_labels, what: str, dtype=None) -> np.ndarray:
    """A per-cell table in the data's order: an array of the data's shape, or a DataFrame matched by label
    (:func:`gridfig.inputs.cells_by_label`)."""
    import pandas as pd

    from ..inputs import cells_by_label

    if isinstance(value, pd.DataFrame) and row_labels is not None and col_labels is not None:
        arr = cells_by_label(value, row_labels, col_labels, what)
    else:
        arr = value.to_numpy() if isinstance(value, pd.DataFrame) else np.asarray(value)
        if arr.shape != shape:
            raise InputError(f"{what}: shape {arr.shape} does not match the data's {shape}" +
                             (", and the data has no labels to match the DataFrame by"
                              if isinstance(value, pd.DataFrame) else ""))
    return arr if dtype is None else arr.astype(dtype)


def hidden_cells(mask, shape: tuple, row_labels, col_labels) -> np.ndarray:
    """A ``mask`` as a bool array in the data's order (True = hidden); a missing entry hides nothing."""
    hidden = cell_table(mask, shape, row_labels, col_labels, "mask")
    return np.where(missing_cells(hidden), False, hidden).astype(bool)


def missing_cells(values) -> np.ndarray:
    """Where a table's entries are missing (None, NaN, pd.NA), as a bool array."""
    import pandas as pd

    return np.asarray(pd.isna(values), dtype=bool)


def relative_luminance(rgba) -> np.ndarray:
    """WCAG relative luminance of RGB(A) colours, shape ``(..., 3|4)`` -> ``(...)``."""
    rgb = np.asarray(rgba, dtype=float)[..., :3]
    lin = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


@attrs.frozen
class Cells:
    """The cells one Axes of a heatmap shows, handed to its layers (all arrays flat, one entry per cell).

    Attributes
    ----------
    rows, cols : ndarray of int
        Data positions (row, column) of each cell.
    i, j : ndarray of int
        Displayed row and column within this Axes (top row, leftmost column 0).
    x, y : ndarray of float
        The cell's centre in the Axes' data coordinates (``j + 0.5``, ``i + 0.5``).
    values : ndarray
        The data value of each cell (the colour matrix's).
    shape : (int, int)
        Rows and columns this Axes shows.
    """

    rows: np.ndarray = attrs.field(eq=False)
    cols: np.ndarray = attrs.field(eq=False)
    i: np.ndarray = attrs.field(eq=False)
    j: np.ndarray = attrs.field(eq=False)
    x: np.ndarray = attrs.field(eq=False)
    y: np.ndarray = attrs.field(eq=False)
    values: np.ndarray = attrs.field(eq=False)
    shape: tuple = (0, 0)

    @classmethod
    def of(cls, data: np.ndarray, rows, cols) -> "Cells":
        n, m = len(rows), len(cols)
        i, j = (a.ravel() for a in np.indices((n, m)))
        r, c = np.asarray(rows)[i], np.asarray(cols)[j]
        return cls(rows=r, cols=c, i=i, j=j, x=j + 0.5, y=i + 0.5, values=data[r, c], shape=(n, m))

    def pick(self, table) -> np.ndarray:
        """Per-cell entries of a table in data order (shape of the data): ``table[rows, cols]``."""
        return np.asarray(table)[self.rows, self.cols]


def _where(where, cells: Cells) -> np.ndarray:
    chosen = where(cells) if callable(where) else cells.pick(where)
    return np.asarray(chosen, dtype=bool)


@attrs.frozen(kw_only=True)
class Marks:
    """A layer: a marker at the centre of chosen cells.

    ``where`` is a bool matrix in data order (the data's shape) or a function
    ``cells -> bool array``; the rest goes to ``ax.scatter`` (``s`` in points²).

    Parameters
    ----------
    where : bool array or callable
        The cells to mark: a bool matrix of the data's shape in data order,
        or a function of the :class:`Cells` returning a bool array.
    marker : str
        matplotlib marker.
    s : float
        Marker area in points².
    color : colour
        Marker colour.
    kwargs : dict
        More keyword arguments of ``ax.scatter``.
    """

    where: Any = attrs.field(eq=False)
    marker: str = "o"
    s: float = 12.0
    color: Any = "black"
    kwargs: dict = attrs.field(factory=dict)

    def __call__(self, ax, ctx, cells: Cells):
        chosen = _where(self.where, cells)
        return ax.scatter(cells.x[chosen], cells.y[chosen], marker=self.marker, s=self.s, c=self.color,
                          linewidths=0, zorder=3, **self.kwargs)


@attrs.frozen(kw_only=True)
class Outline:
    """A layer: a rectangle around each chosen cell (one ``PatchCollection`` per Axes).

    ``where`` is a bool matrix in data order or a function ``cells -> bool array``.

    Parameters
    ----------
    where : bool array or callable
        The cells to outline, as for :class:`Marks`.
    color : colour
        Line colour.
    linewidth : float
        Line width in points.
    """

    where: Any = attrs.field(eq=False)
    color: Any = "black"
    linewidth: float = 1.2

    def __call__(self, ax, ctx, cells: Cells):
        from matplotlib.collections import PatchCollection
        from matplotlib.patches import Rectangle

        chosen = _where(self.where, cells)
        boxes = [Rectangle((x - 0.5, y - 0.5), 1, 1) for x, y in zip(cells.x[chosen], cells.y[chosen])]
        coll = PatchCollection(boxes, facecolor="none", edgecolor=self.color, linewidth=self.linewidth,
                               zorder=3, clip_on=False)
        ax.add_collection(coll, autolim=False)
        return coll


def grid_segments(visible: np.ndarray) -> np.ndarray:
    """Border segments between cells, each line one piece per run of edges next to a shown cell.

    ``visible`` is the (n, m) bool matrix of shown cells; the segments are
    the interior grid lines in data coordinates (cell (i, j) at [j, j+1] x [i, i+1]).
    """
    n, m = visible.shape
    segs = []
    for along_first, vis in ((True, visible), (False, visible.T)):
        k_lines = vis.shape[0] - 1
        if k_lines < 1:
            continue
        edge = vis[:-1] | vis[1:]  # line between line-rows k and k+1, per unit along it
        padded = np.pad(edge, ((0, 0), (1, 1))).astype(np.int8)
        d = np.diff(padded, axis=1)
        line_s, start = np.nonzero(d == 1)
        _, stop = np.nonzero(d == -1)
        at = line_s + 1.0
        if along_first:  # horizontal lines y = at, from x = start to stop
            segs.append(np.stack([np.column_stack([start, at]), np.column_stack([stop, at])], axis=1))
        else:  # vertical lines x = at
            segs.append(np.stack([np.column_stack([at, start]), np.column_stack([at, stop])], axis=1))
    segs = [s for s in segs if len(s)]
    return np.concatenate(segs).astype(float) if segs else np.zeros((0, 2, 2))


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
        Colour limits. By default the data's range, widened to be symmetric
        about ``center`` when that is given alone.
    center : float, optional
        Value at the middle of the colormap (use a diverging colormap), as in
        seaborn: one slope on both sides, the colormap cut to the part that
        ``vmin..vmax`` reaches (:attr:`cell_cmap`). For a whole half of the
        colormap on each side pass ``norm=TwoSlopeNorm(...)``.
    robust : bool
        Take default limits from the 2nd and 98th percentiles.
    norm : matplotlib.colors.Normalize, optional
        Any norm (``LogNorm()``, ``TwoSlopeNorm(...)``, ``BoundaryNorm(...)``,
        ``CenteredNorm()``); its missing limits are taken from the data. Not
        together with ``vmin``/``vmax``/``center``/``robust``. The same object
        colours the cells and the colour bar, so changing it later changes both.
    missing_color : str, optional
        Colour of missing (NaN) cells; the theme's by default.
    annot : bool, 2-D array or DataFrame, optional
        Write a value in each cell: ``True`` the data's, or a table of the
        data's shape (a DataFrame is matched by label). Numbers are written
        with ``format(value, fmt)``, text with ``format(text, fmt)`` when
        ``fmt`` is a spec for text, else as it is.
    fmt : str
        Format spec of the values written (``".2g"`` as in seaborn). A spec
        for integers (``"d"``) writes whole numbers and refuses others; ``"s"``
        writes text. Checked against the values shown before anything is drawn.
    annot_kws : dict, optional
        Keyword arguments of the texts (``size``/``fontsize``, ``color``,
        ``weight``, ...). Without ``color`` each text is dark on light cells
        and white on dark ones (relative luminance above 0.408, as seaborn).
        Without ``size`` the text is the theme's font size, made smaller (to
        6 pt at least) when the cells need it. When the cells are too small
        even so, nothing is written and one warning says what cell size or
        font size would fit.
    mask : bool 2-D array or DataFrame, optional
        True where a cell is hidden (not drawn: the image is masked there, and
        no border or text is drawn for it), and the colour limits come from
        the cells shown. Hidden cells still take part in clustering; both as
        in seaborn.
    linewidths : float
        Width in points of the borders between cells; 0 draws none.
    linecolor : colour
        Colour of the borders.
    layers : sequence of callables
        Drawn over the cells, each called as ``layer(ax, ctx, cells)`` with the
        :class:`Cells` this Axes shows (one group's when split). See
        :class:`Marks` and :class:`Outline`.
    cbar_kws : dict, optional
        For the colour scale: ``ticks``, ``format``, ``extend``, ``label``
        (its title), ``orientation``, ``length`` (a physical length).
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
    norm_: Any = attrs.field(default=None, alias="norm", eq=False, repr=False)
    missing_color: str | None = None
    annot: Any = attrs.field(default=None, eq=False, repr=False)
    fmt: str = ".2g"
    annot_kws: dict | None = None
    mask: Any = attrs.field(default=None, eq=False, repr=False)
    linewidths: float = 0.0
    linecolor: Any = "white"
    layers: tuple = attrs.field(default=(), converter=_layers, eq=False, repr=False)
    cbar_kws: dict | None = None
    row_labels: tuple | None = attrs.field(default=None, converter=_labels, eq=False, repr=False)
    col_labels: tuple | None = attrs.field(default=None, converter=_labels, eq=False, repr=False)
    legend_title: str | None = None
    legend: bool = True

    kind: ClassVar[str] = "heatmap"

    #: worked out once from the data: the norm, the annotation texts and the mask in data order
    _norm: Any = attrs.field(init=False, eq=False, repr=False)
    _cell_cmap: Any = attrs.field(init=False, eq=False, repr=False)
    _texts: Any = attrs.field(init=False, eq=False, repr=False)
    _hidden: Any = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        get_cmap(self.cmap, "cmap")  # fail early on an unknown name
        rows, cols = self.data.shape
        for labels, n, what in ((self.row_labels, rows, "row_labels"), (self.col_labels, cols, "col_labels")):
            if labels is not None and len(labels) != n:
                raise InputError(f"{what} has {len(labels)} labels but data has {n}")
        # once here, not per use: the draw, the legend and clustermap all ask for the norm
        self._bind_cells()
        norm, cmap = self._make_scale()
        object.__setattr__(self, "_norm", norm)
        object.__setattr__(self, "_cell_cmap", cmap)
        if self.linewidths < 0:
            raise InputError(f"linewidths: expected a width in points >= 0, got {self.linewidths!r}")

    def _make_scale(self):
        """The norm and the colormap the cells and their colour bar are drawn with."""
        shown = self._shown_values()
        cmap = get_cmap(self.cmap, "cmap")
        if self.norm_ is None:
            norm = make_norm(*resolve_limits(shown, self.vmin, self.vmax, self.center, self.robust))
            return norm, centered_cmap(cmap, norm.vmin, norm.vmax, self.center)
        given = [k for k in ("vmin", "vmax", "center") if getattr(self, k) is not None]
        if given or self.robust:
            raise InputError(f"norm: give the limits to the norm itself, not also "
                             f"{', '.join(given) or 'robust'} (as matplotlib refuses vmin/vmax with a norm)")
        return user_norm(self.norm_, shown), cmap

    def _shown_values(self) -> np.ndarray:
        """The data with hidden cells missing: what the colour limits come from (as in seaborn,
        a masked cell never stretches the scale), unless every finite cell is hidden."""
        if self._hidden is None or not self._hidden.any():
            return self.data
        shown = np.where(self._hidden, np.nan, self.data)
        return shown if np.isfinite(shown).any() else self.data

    def _bind_cells(self) -> None:
        """The mask and the annotation values, matched to the data once (formatted only when drawn)."""
        hidden = None
        if self.mask is not None:
            hidden = hidden_cells(self.mask, self.data.shape, self.row_labels, self.col_labels)
        object.__setattr__(self, "_hidden", hidden)
        values = None
        if self.annot is not None and self.annot is not False:
            values = self.data if self.annot is True else cell_table(self.annot, self.data.shape,
                                                                     self.row_labels, self.col_labels, "annot")
            written = ~missing_cells(values) if hidden is None else ~missing_cells(values) & ~hidden
            check_fmt(self.fmt, values, written)
        object.__setattr__(self, "_texts", values)

    def format_value(self, v) -> str:
        """How a cell's annotation value is written (see :mod:`gridfig.panels.annot_format`)."""
        return format_cell(v, self.fmt)

    @classmethod
    def from_frame(cls, frame, **kwargs) -> "Heatmap":
        """A heatmap of a DataFrame, keeping its index and columns as labels.

        Any table :func:`gridfig.clustermap` reads will do (polars, pyarrow, xarray,
        scipy sparse, AnnData), labelled as it labels them (``docs/inputs.md``).
        """
        from ..inputs import table

        frame = table(frame, "frame")
        return cls(data=cls._frame_values(frame), row_labels=list(frame.index),
                   col_labels=list(frame.columns), **kwargs)

    @staticmethod
    def _frame_values(frame):
        try:
            return frame.to_numpy(dtype=float)
        except (TypeError, ValueError):
            return frame.to_numpy()  # the converter says what is wrong

    @property
    def shape(self):
        return self.data.shape

    def leaf_labels(self) -> tuple:
        return (self.row_labels, self.col_labels)

    @property
    def limits(self) -> tuple[float, float]:
        """The resolved ``(vmin, vmax)``."""
        return float(self._norm.vmin), float(self._norm.vmax)

    @property
    def norm(self):
        """The ``Normalize`` the cells (and their colour scale) are coloured with."""
        return self._norm

    @property
    def hidden(self) -> np.ndarray | None:
        """The mask in data order (True = hidden), or ``None``."""
        return self._hidden

    @property
    def cell_cmap(self):
        """The ``Colormap`` the cells (and their colour scale) are coloured with: ``cmap``, or with
        ``center`` the part of it seaborn uses (see :func:`centered_cmap`)."""
        return self._cell_cmap

    def colormap(self, ctx: DrawContext):
        return self._cell_cmap.with_extremes(bad=self.missing_color or ctx.theme.missing_color)

    # -- drawing -------------------------------------------------------------------------
    def draw(self, ax, ctx: DrawContext) -> None:
        sub = np.ix_(ctx.rows, ctx.cols)
        hidden = None if self._hidden is None else self._hidden[sub]
        self.draw_cells(ax, ctx, hidden)
        visible = np.ones(self.data[sub].shape, bool) if hidden is None else ~hidden
        if self.linewidths > 0:
            self.draw_borders(ax, visible)
        if self._texts is not None:
            self.draw_annotations(ax, ctx, visible)
        if self.layers:
            cells = Cells.of(self.data, ctx.rows, ctx.cols)
            for layer in self.layers:
                layer(ax, ctx, cells)

    def cell_values(self) -> np.ndarray:
        """The numbers the cells are coloured by, in data order."""
        return self.data

    def draw_cells(self, ax, ctx: DrawContext, hidden) -> None:
        """The cells themselves (one image); ``hidden`` is this Axes' mask or ``None``."""
        values = self.cell_values()[np.ix_(ctx.rows, ctx.cols)]
        n, m = values.shape
        # One image for the whole body, whatever the size: a raster in every format, so PDF and
        # SVG stay small and fast. interpolation="none" keeps one pixel per cell in vector files
        # (every row is in the file, however many) and is nearest-neighbour on screen and in PNG.
        # (No set_rasterized: that would resample it again at the figure's dpi.)
        kw = dict(origin="upper", extent=(0, m, n, 0), aspect="auto", interpolation="none")
        cmap = self.colormap(ctx)
        if hidden is None:
            ax.imshow(np.ma.masked_invalid(values), cmap=cmap, norm=self._norm, **kw)
            return
        # hidden cells are not drawn (transparent); missing cells that are shown keep the missing colour
        ax.imshow(np.ma.masked_array(values, mask=hidden | ~np.isfinite(values)),
                  cmap=cmap.with_extremes(bad=(0, 0, 0, 0)), norm=self._norm, **kw)
        missing = ~np.isfinite(values) & ~hidden
        if missing.any():
            from matplotlib.colors import to_rgba

            rgba = np.zeros((n, m, 4))
            rgba[missing] = to_rgba(self.missing_color or ctx.theme.missing_color)
            ax.imshow(rgba, zorder=ax.images[-1].get_zorder() - 0.1, **kw)

    def draw_borders(self, ax, visible: np.ndarray) -> None:
        """Borders between shown cells: one LineCollection, each line unbroken along a run of shown cells."""
        from matplotlib.collections import LineCollection

        coll = LineCollection(grid_segments(visible), colors=self.linecolor, linewidths=self.linewidths,
                              capstyle="projecting", zorder=2)
        ax.add_collection(coll, autolim=False)

    def cell_colors(self, ctx: DrawContext) -> np.ndarray:
        """RGBA of each cell this Axes shows (for the text colour)."""
        values = self.cell_values()[np.ix_(ctx.rows, ctx.cols)]
        return self.colormap(ctx)(self._norm(np.ma.masked_invalid(values)))

    def draw_annotations(self, ax, ctx: DrawContext, visible: np.ndarray) -> None:
        kws = dict(self.annot_kws or {})
        asked = kws.pop("size", kws.pop("fontsize", None))
        size = float(asked if asked is not None else ctx.theme.fontsize)
        values = self._texts[np.ix_(ctx.rows, ctx.cols)]
        show = visible & ~missing_cells(values)
        if not show.any():
            return
        n, m = values.shape
        cell_w, cell_h = ctx.width / m, ctx.height / n
        # a font too tall for the cells needs no formatting of every value to say so: a sample will do
        at = list(zip(*np.nonzero(show)))
        sample = at if len(at) <= 2000 else [at[k] for k in np.linspace(0, len(at) - 1, 2000).astype(int)]
        texts = {ij: self.format_value(values[ij]) for ij in sample}
        need_w, need_h = self._text_room(ax, list(texts.values()), size, kws)
        # the theme's size is a default: it shrinks to the cells, down to a legible minimum (text
        # does not scale exactly with its size -- hinting -- so it is measured again each step)
        for _ in range(6):
            if asked is not None or (need_w <= cell_w and need_h <= cell_h) or size <= MIN_ANNOT_SIZE:
                break
            size = max(MIN_ANNOT_SIZE, min(size - 0.1, np.floor(size * min(cell_w / need_w, cell_h / need_h) * 10) / 10))
            need_w, need_h = self._text_room(ax, list(texts.values()), size, kws)
        if need_w > cell_w or need_h > cell_h:
            fits = size * min(cell_w / need_w, cell_h / need_h)
            warnings.warn(f"annot: cells are {cell_w:.2f} x {cell_h:.2f} in but {size:g} pt text needs "
                          f"{need_w:.2f} x {need_h:.2f} in; no values written (cells of at least that size, "
                          f"or annot_kws={{'size': {np.floor(fits * 10) / 10:g}}}, would fit)", stacklevel=2)
            return
        color = kws.pop("color", kws.pop("c", None))
        if color is None:
            dark = relative_luminance(self.cell_colors(ctx)) <= 0.408
        kws.setdefault("ha", "center")
        kws.setdefault("va", "center")
        for i, j in at:
            c = color if color is not None else ("white" if dark[i, j] else "0.15")
            text = texts.get((i, j)) or self.format_value(values[i, j])
            ax.text(j + 0.5, i + 0.5, text, fontsize=size, color=c, parse_math=False, **kws)

    @staticmethod
    def _text_room(ax, texts, size: float, kws: dict) -> tuple[float, float]:
        """(width, height) in inches the widest of ``texts`` needs, with a little room around it."""
        from ..layout.measure import TextMeasurer

        measurer = TextMeasurer(ax.get_figure(root=True).dpi)
        lengths = np.array([len(t) for t in texts])
        longest = {texts[k] for k in np.argsort(lengths)[-8:]}  # the widest is among the longest
        weight = kws.get("weight", kws.get("fontweight", "normal"))
        w = max(measurer.size(t, size, weight=weight)[0] for t in longest)
        h = measurer.line_height(size)
        return w * 1.1, h * 1.05

    def legend_entries(self):
        from .legend import ScaleLegend

        if not self.legend:
            return ()
        kws = dict(self.cbar_kws or {})
        title = kws.pop("label", self.legend_title)
        return (ScaleLegend.of(title=title, cmap=self._cell_cmap, norm=self._norm, **kws),)


def _positive_length(value, what):
    out = to_inches(value, what)
    if not out > 0:
        raise InputError(f"{what}: expected a length > 0, got {value!r}")
    return out


def _size_range(value):
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise InputError(f"size_range: expected (smallest, largest) dot diameters, got {value!r}")
    lo, hi = to_inches(value[0], "size_range"), _positive_length(value[1], "size_range")
    if not 0 <= lo <= hi:
        raise InputError(f"size_range: expected 0 <= smallest <= largest, got {value!r}")
    return (lo, hi)


@attrs.frozen(kw_only=True)
class DotHeatmap(Heatmap):
    """A dot per cell: its colour from ``data`` (as a Heatmap) and its size from ``size_data``.

    Parameters
    ----------
    size_data : 2-D array or DataFrame
        The matrix the dots' areas show (the data's shape; a DataFrame is
        matched by label). Missing sizes draw no dot.
    size_range : (length, length)
        Diameters of the dots for the smallest and largest size, physical
        lengths (default 0.5 mm and 4 mm): the area grows linearly with the value.
    size_norm : (float, float), optional
        The values given the smallest and largest dot; default the size data's range.
    size_title : str, optional
        Title of the size legend.
    color : colour, optional
        One colour for every dot instead of the colormap (then no colour scale).
    Everything else is as for :class:`Heatmap` (``annot``, ``mask``, borders, layers).
    """

    size_data: Any = attrs.field(default=None, eq=False, repr=False)
    size_range: tuple = attrs.field(default=("0.5mm", "4mm"), converter=_size_range)
    size_norm: tuple | None = None
    size_title: str | None = None
    color: Any = None

    kind: ClassVar[str] = "dots"
    _sizes: Any = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        super().__attrs_post_init__()
        if self.size_data is None:
            raise InputError("size_data: a DotHeatmap needs a matrix of sizes (the data's shape)")
        sizes = cell_table(self.size_data, self.data.shape, self.row_labels, self.col_labels, "size_data")
        try:
            sizes = np.asarray(sizes, dtype=float)
        except (TypeError, ValueError):
            raise InputError("size_data: the sizes must be numbers") from None
        object.__setattr__(self, "_sizes", sizes)
        lo, hi = self.size_limits
        if not lo <= hi:
            raise InputError(f"size_norm: expected (low, high) with low <= high, got {self.size_norm!r}")

    @property
    def sizes(self) -> np.ndarray:
        """The size matrix in data order."""
        return self._sizes

    @property
    def size_limits(self) -> tuple[float, float]:
        if self.size_norm is not None:
            return float(self.size_norm[0]), float(self.size_norm[1])
        finite = self._sizes[np.isfinite(self._sizes)]
        if finite.size == 0:
            raise InputError("size_data: every size is missing; nothing to draw")
        return float(finite.min()), float(finite.max())

    def areas(self, values) -> np.ndarray:
        """Marker areas in points² for size values (clipped to ``size_norm``)."""
        lo, hi = self.size_limits
        frac = np.clip((np.asarray(values, float) - lo) / (hi - lo), 0, 1) if hi > lo else np.ones(np.shape(values))
        d0, d1 = (72 * d for d in self.size_range)
        return (d0 ** 2 + frac * (d1 ** 2 - d0 ** 2)) * np.pi / 4

    def draw_cells(self, ax, ctx: DrawContext, hidden) -> None:
        cells = Cells.of(self.data, ctx.rows, ctx.cols)
        size = cells.pick(self._sizes)
        keep = np.isfinite(size) & np.isfinite(cells.values)
        if hidden is not None:
            keep &= ~hidden.ravel()
        kw = dict(c=self.color) if self.color is not None else dict(c=cells.values[keep], cmap=self.colormap(ctx),
                                                                     norm=self._norm)
        ax.scatter(cells.x[keep], cells.y[keep], s=self.areas(size[keep]), linewidths=0, **kw)

    def cell_colors(self, ctx: DrawContext) -> np.ndarray:
        n, m = len(ctx.rows), len(ctx.cols)
        return np.ones((n, m, 4))  # text sits on the background (light) between dots

    def legend_entries(self):
        from matplotlib.ticker import MaxNLocator

        from .legend import SizeLegend

        out = list(super().legend_entries()) if self.color is None else []
        if self.legend:
            lo, hi = self.size_limits
            ticks = [t for t in MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]).tick_values(lo, hi)
                     if lo - 1e-9 * (hi - lo or 1) <= t <= hi + 1e-9 * (hi - lo or 1)] or [lo]
            out.append(SizeLegend(title=self.size_title, values=tuple(float(t) for t in ticks),
                                  areas=tuple(float(a) for a in self.areas(ticks)),
                                  color=self.color or "#555555"))
        return tuple(out)


def _object_matrix(value) -> np.ndarray:
    import pandas as pd

    arr = value.to_numpy(dtype=object) if isinstance(value, pd.DataFrame) else np.asarray(value, dtype=object)
    if arr.ndim != 2:
        raise InputError(f"data: a heatmap needs a 2-D table, got shape {arr.shape}")
    return arr


@attrs.frozen(kw_only=True)
class CategoryHeatmap(Heatmap):
    """A matrix of categories (strings, pandas categories, any hashable): one colour per category.

    Parameters
    ----------
    data : 2-D array or DataFrame of categories
        Missing cells (``None``, NaN, ``pd.NA``) are drawn in the missing colour.
    categories : sequence, optional
        The categories in legend order; default pandas categorical order when
        every column is categorical with the same categories, else sorted.
    colors : dict or sequence, optional
        A colour per category (a dict by category, or a list in ``categories``
        order); default a qualitative palette (``palette``), never reusing a colour.
    palette : str
        The qualitative palette of the default colours.
    Everything else is as for :class:`Heatmap` except the colour options
    (``cmap``, ``norm``, limits): ``annot=True`` writes the categories.
    """

    data: np.ndarray = attrs.field(converter=_object_matrix, eq=False,
                                   repr=lambda a: f"<{a.shape[0]}x{a.shape[1]}>")
    categories: tuple | None = attrs.field(default=None, converter=_labels)
    colors: Any = attrs.field(default=None, eq=False)
    palette: str = "tab10"

    kind: ClassVar[str] = "categories"
    _codes: Any = attrs.field(init=False, eq=False, repr=False)
    _colors: tuple = attrs.field(init=False, eq=False, repr=False)

    @staticmethod
    def _frame_values(frame):
        return frame

    def __attrs_post_init__(self):
        from matplotlib.colors import ListedColormap, to_rgba

        import pandas as pd

        flat = pd.Series(self.data.ravel(), dtype=object)
        missing = flat.isna().to_numpy()
        found = list(pd.unique(flat[~missing]))
        if self.categories is not None:
            cats = list(self.categories)
            extra = [v for v in found if v not in cats]
            if extra:
                raise InputError(f"categories: the data holds {len(extra)} values not listed: "
                                 f"{', '.join(map(repr, extra[:3]))}")
        else:
            try:
                cats = sorted(found)
            except TypeError:
                cats = sorted(found, key=str)
        if not cats:
            raise InputError("data: every cell is missing; nothing to colour")
        codes = pd.Categorical(flat, categories=cats).codes.astype(float).reshape(self.data.shape)
        codes[codes < 0] = np.nan
        if isinstance(self.colors, dict):
            absent = [c for c in cats if c not in self.colors]
            if absent:
                raise InputError(f"colors: no colour for {', '.join(map(repr, absent[:3]))}")
            colors = [self.colors[c] for c in cats]
        elif self.colors is not None:
            colors = list(self.colors)
            if len(colors) < len(cats):
                raise InputError(f"colors: {len(colors)} colours for {len(cats)} categories")
        else:
            colors = palette(len(cats), self.palette)
        object.__setattr__(self, "_codes", codes)
        object.__setattr__(self, "_colors", tuple(to_rgba(c) for c in colors[:len(cats)]))
        object.__setattr__(self, "categories", tuple(cats))
        # the Heatmap machinery (mask, annotations, borders, layers) works on the codes
        object.__setattr__(self, "_norm", self._code_norm())
        object.__setattr__(self, "_cell_cmap", ListedColormap(self._colors, name="categories"))
        self._bind_cells()

    def _code_norm(self):
        from matplotlib.colors import BoundaryNorm

        k = len(self.categories)
        return BoundaryNorm(np.arange(k + 1) - 0.5, k)

    @property
    def codes(self) -> np.ndarray:
        """Category index per cell in data order (NaN where missing)."""
        return self._codes

    @property
    def category_colors(self) -> dict:
        """Category -> RGBA."""
        return dict(zip(self.categories, self._colors))

    def cell_values(self) -> np.ndarray:
        return self._codes

    def legend_entries(self):
        from .legend import CategoryLegend

        if not self.legend:
            return ()
        return (CategoryLegend(title=self.legend_title, labels=tuple(str(c) for c in self.categories),
                               colors=self._colors),)
