"""``clustermap``: an annotated clustered heatmap in one call, built as a layout tree.

The call validates and scales the data, clusters rows and columns (its own
step, :func:`gridfig.clustering.cluster`), builds a :class:`~gridfig.Cross` of
panels and renders it. The tree is returned, so it can be changed with
``attrs.evolve`` and drawn again with :func:`gridfig.render`.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from .errors import InputError, InputTypeError, quote_some
from .layout import Cross, Rendered, render
from .layout.decorate import collect_legends
from .panels import AnnotationStrip, Dendrogram, Heatmap, Labels, Legends, Theme
from .panels.colors import QUALITATIVE
from .panels.legend import ScaleLegend
from .units import to_inches

#: Default cell edge when no figure size is given (body clipped to MIN..MAX_BODY).
CELL = 0.25
MIN_BODY, MAX_BODY = 2.5, 7.0


@attrs.define
class ClusterMap:
    """What :func:`clustermap` returns.

    Attributes
    ----------
    figure : Figure
    axes : dict
        Names -> Axes: ``heatmap``, ``row_dendrogram``, ``col_dendrogram``,
        ``row_colors``, ``col_colors`` (the strip nearest the heatmap),
        ``row_labels``, ``col_labels``, ``colorbar`` and ``legends`` (the
        legend area, which holds the colour scale), when present, plus every
        panel by its layout path (``"left/group"``).
    row_order, col_order : ndarray
        Data positions of the displayed rows (top first) and columns (left
        first).
    row_linkage, col_linkage : ndarray or None
    data : DataFrame
        The matrix as drawn (after ``z_score`` / ``standard_scale``), in data order.
    layout : Cross
        The tree that produced the figure.
    rendered : Rendered
    """

    figure: Any
    axes: dict
    row_order: np.ndarray
    col_order: np.ndarray
    row_linkage: np.ndarray | None
    col_linkage: np.ndarray | None
    data: Any
    layout: Cross
    rendered: Rendered = attrs.field(repr=False)

    @classmethod
    def from_rendered(cls, rendered: Rendered) -> "ClusterMap":
        """Read orders, linkages and data back from a rendered clustered-heatmap Cross."""
        import pandas as pd

        cross = rendered.layout
        heat = cross.core
        rows, cols = cross.orders()

        def linkage_on(sides):
            for side in sides:
                for panel in getattr(cross, side):
                    if isinstance(panel, Dendrogram):
                        return panel.linkage
            return None

        frame = pd.DataFrame(heat.data, index=list(heat.row_labels or range(heat.shape[0])),
                             columns=list(heat.col_labels or range(heat.shape[1])))
        return cls(figure=rendered.figure, axes=_named_axes(rendered.axes, cross), row_order=rows,
                   col_order=cols, row_linkage=linkage_on(("left", "right")),
                   col_linkage=linkage_on(("top", "bottom")), data=frame, layout=cross, rendered=rendered)

    def savefig(self, fname, **kwargs):
        """Save the figure at the size it was made (see :meth:`Rendered.savefig`)."""
        return self.rendered.savefig(fname, **kwargs)

    @property
    def data2d(self):
        """The drawn matrix in display order."""
        return self.data.iloc[self.row_order, self.col_order]


def _frame(data):
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        frame = data
    else:
        arr = np.asarray(data)
        if arr.ndim != 2:
            raise InputError(f"data: expected a 2-D table, got shape {arr.shape}")
        frame = pd.DataFrame(arr)
    if frame.size == 0:
        raise InputError(f"data: the table is empty (shape {frame.shape})")
    bad = [c for c in frame.columns if not (pd.api.types.is_numeric_dtype(frame[c])
                                           and not pd.api.types.is_bool_dtype(frame[c]))]
    if bad:
        raise InputError(f"data: {len(bad)} columns are not numeric: {quote_some([str(b) for b in bad])}; "
                         "select the numeric columns or set the label column as the index")
    values = frame.to_numpy(dtype=float)
    inf = np.argwhere(np.isinf(values))
    if len(inf):
        where = [(frame.index[i], frame.columns[j]) for i, j in inf[:3]]
        raise InputError(f"data: {len(inf)} cells are infinite: {quote_some(where, 3)}")
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


def _strips(spec, name: str, first_palette: int) -> list[AnnotationStrip]:
    """Annotation strips from a Series, DataFrame, list, or list of those."""
    import pandas as pd

    if spec is None:
        return []
    if isinstance(spec, pd.DataFrame):
        parts = [spec[c].rename(str(c)) for c in spec.columns]
    elif isinstance(spec, pd.Series):
        parts = [spec]
    elif isinstance(spec, (list, tuple, np.ndarray)):
        items = list(spec)
        nested = items and all(isinstance(v, (list, pd.Series, np.ndarray)) for v in items)
        parts = items if nested else [items]
    else:
        raise InputTypeError(f"{name}: expected a Series, DataFrame or list, got {type(spec).__name__}")
    strips = []
    for i, values in enumerate(parts):
        title = getattr(values, "name", None)
        title = str(title) if title is not None else (name if len(parts) == 1 else f"{name} {i + 1}")
        strips.append(AnnotationStrip(values=values, name=title,
                                      palette=QUALITATIVE[(first_palette + i) % len(QUALITATIVE)]))
    return strips


def _label_show(spec, name: str):
    """Map seaborn's xticklabels/yticklabels to a Labels ``show`` (or None for no labels)."""
    if spec is False or spec is None:
        return None
    if spec is True:
        return "all"
    if isinstance(spec, str):
        if spec != "auto":
            raise InputError(f"{name}: expected True, False, 'auto', an int or a list of labels, got {spec!r}")
        return "auto"
    if isinstance(spec, (int, np.integer)):
        if spec < 1:
            raise InputError(f"{name}: every k-th label needs k >= 1, got {spec}")
        return int(spec)
    return list(spec)


def _body(n: int) -> float:
    return float(np.clip(n * CELL, MIN_BODY, MAX_BODY))


def clustered_heatmap(
    data,
    *,
    method: str = "average",
    metric="euclidean",
    z_score: int | None = None,
    standard_scale: int | None = None,
    row_cluster: bool = True,
    col_cluster: bool = True,
    row_linkage=None,
    col_linkage=None,
    row_colors=None,
    col_colors=None,
    cmap=None,
    center: float | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    robust: bool = False,
    optimal_ordering: bool = False,
    row_cut: int | None = None,
    col_cut: int | None = None,
    xticklabels="auto",
    yticklabels="auto",
    label_rows=None,
    label_cols=None,
    row_label_side: str = "right",
    col_label_side: str = "bottom",
    col_label_rotation: float = 90,
    row_label_rotation: float = 0,
    cbar: bool = True,
    cbar_label: str | None = None,
    legend: bool = True,
    legend_side: str = "right",
    gap="1mm",
    dendrogram_size="12mm",
    strip_size="4mm",
    cell_size=None,
    name: str | None = None,
    sized: bool = True,
) -> Cross:
    """Build the layout tree of an annotated clustered heatmap, without drawing it.

    :func:`clustermap` takes the same arguments, plus ``figsize``, ``ax``,
    ``dpi``, ``theme`` and ``fontsize``, and draws the tree this returns.

    Parameters
    ----------
    data : DataFrame or 2-D array
        Numbers. Rows and columns are labelled by the index and columns.
    method, metric : str
        scipy's linkage method and distance metric names (``"average"``,
        ``"ward"``, ...; ``"euclidean"``, ``"correlation"``, ...).
    z_score, standard_scale : {0, 1}, optional
        Standardise each row (0) or column (1) before clustering and drawing,
        as in seaborn.
    row_cluster, col_cluster : bool
        Cluster (and draw the dendrogram of) the rows / columns.
    row_linkage, col_linkage : (n-1, 4) array, optional
        Precomputed linkage matrices, validated against the data.
    row_colors, col_colors : Series, DataFrame, list, optional
        Annotations drawn as coloured strips. Series and DataFrames are matched
        to the data by label (their order does not matter); lists by position.
        A DataFrame gives one strip per column. Categories get distinct colours
        (the same every run) and a legend.
    cmap : str or Colormap, optional
        Default ``"viridis"``, or ``"RdBu_r"`` when ``center`` is given.
    center, vmin, vmax, robust
        Colour limits. With ``center`` the limits are symmetric about it unless
        ``vmin``/``vmax`` are given.
    optimal_ordering : bool
        Reorder leaves so neighbours are most similar (scipy's optimal leaf ordering).
    row_cut, col_cut : int, optional
        Colour the dendrogram's branches by a cut of the tree into this many
        clusters (``Dendrogram.clusters()`` gives each leaf's cluster).
    xticklabels, yticklabels : bool, "auto", int or list
        ``"auto"`` labels every row that fits and thins evenly beyond;
        ``True`` all; ``False`` none; ``k`` every k-th; a list of the data's
        length replaces the labels.
    label_rows, label_cols : list, optional
        Label only these rows / columns (by label).
    row_label_side, col_label_side : str
        Where labels go: ``"right"``/``"left"``, ``"bottom"``/``"top"``.
    col_label_rotation, row_label_rotation : float
        Degrees.
    cbar, cbar_label
        Draw the colour scale (in the legend area) and its title.
    legend, legend_side
        Draw legends for categorical strips; where the legend area goes.
        ``legend_side=None`` puts no legend area in this node (when composing,
        ``render(..., legend="right")`` collects every node's legends in one).
    gap, dendrogram_size, strip_size : length
        Physical sizes (``"1mm"``, ``"0.5in"``, numbers are inches).
    cell_size : length or (length, length), optional
        Fixed cell width and height. Without a figure size the figure size
        follows; with one, the fixed body is centred on the page.
    name : str, optional
        The node's path segment when it is composed into a Row or Column.
    sized : bool
        Give the body the data's natural size (0.25 in cells, kept between
        2.5 and 7 in). ``False`` leaves it flexible, so a figure size decides.

    Returns
    -------
    Cross
        Ready for :func:`gridfig.render` or for composing with other nodes.
    """
    from .clustering import cluster, scale

    frame = _frame(data)
    if z_score is not None or standard_scale is not None:
        frame = scale(frame, z_score=z_score, standard_scale=standard_scale)
    values = frame.to_numpy(dtype=float)
    n_rows, n_cols = values.shape
    row_names, col_names = [str(v) for v in frame.index], [str(v) for v in frame.columns]

    def order_of(cluster_it, linkage, X, axis, labels):
        if not cluster_it:
            return None, np.arange(len(X))
        result = cluster(X, metric=metric, method=method, optimal_ordering=optimal_ordering,
                         linkage=linkage, axis=axis, labels=labels)
        return result.linkage, result.order

    # every axis to cluster is checked before either is clustered
    for flag, link, axis, labels, what in ((row_cluster, row_linkage, 1, frame.index, "rows"),
                                          (col_cluster, col_linkage, 0, frame.columns, "columns")):
        empty = labels[np.isnan(values).all(axis=axis)]
        if flag and link is None and len(empty):
            raise InputError(f"data: {len(empty)} {what} are entirely missing and cannot be clustered: "
                             f"{quote_some(list(empty))}; drop them or pass {what[:3]}_cluster=False")
    row_z, row_order = order_of(row_cluster, row_linkage, values, "rows", row_names)
    col_z, col_order = order_of(col_cluster, col_linkage, values.T, "columns", col_names)

    heat = Heatmap(data=values, cmap=cmap or ("RdBu_r" if center is not None else "viridis"), vmin=vmin,
                   vmax=vmax, center=center, robust=robust, row_labels=list(frame.index),
                   col_labels=list(frame.columns), legend=cbar, legend_title=cbar_label)
    dsize, ssize = to_inches(dendrogram_size, "dendrogram_size"), to_inches(strip_size, "strip_size")
    row_strips = [attrs.evolve(s, size=ssize) for s in _strips(row_colors, "row_colors", 0)]
    col_strips = [attrs.evolve(s, size=ssize) for s in _strips(col_colors, "col_colors", len(row_strips))]
    # the same annotation on rows and columns (same name, same categories) gets the same colours
    by_content = {(s.label, tuple(s.categories())): s.palette for s in row_strips if s.mode == "categories"}
    col_strips = [attrs.evolve(s, palette=by_content.get((s.label, tuple(s.categories())), s.palette))
                  if s.mode == "categories" else s for s in col_strips]

    sides: dict[str, list] = {"left": [], "right": [], "top": [], "bottom": []}
    sides["left"] += row_strips
    sides["top"] += col_strips
    for spec, only, texts, side, rot, what, n in (
        (yticklabels, label_rows, row_names, row_label_side, row_label_rotation, "yticklabels", n_rows),
        (xticklabels, label_cols, col_names, col_label_side, col_label_rotation, "xticklabels", n_cols),
    ):
        show = _label_show(spec, what)
        if isinstance(show, list):
            if len(show) != n:
                raise InputError(f"{what}: a list of labels replaces them all and needs {n} labels, "
                                 f"got {len(show)}; to label only some, use label_rows / label_cols")
            texts, show = [str(v) for v in show], "auto"
        if only is not None:
            show = [str(v) for v in only]
        if show is None:
            continue
        valid = ("left", "right") if what == "yticklabels" else ("top", "bottom")
        if side not in valid:
            raise InputError(f"{'row' if what == 'yticklabels' else 'col'}_label_side: expected one of "
                             f"{valid}, got {side!r}")
        sides[side].append(Labels(texts=texts, rotation=rot, show=show))
    # dendrograms go outermost, so labels on their side sit next to the rows they name
    if row_z is not None:
        sides["left"].append(Dendrogram(linkage=row_z, size=dsize, cut=row_cut))
    if col_z is not None:
        sides["top"].append(Dendrogram(linkage=col_z, size=dsize, cut=col_cut))
    cross = Cross(core=heat, gap=gap, row_order=row_order, col_order=col_order, name=name,
                  width=_cell(cell_size, 0, n_cols), height=_cell(cell_size, 1, n_rows), **sides)

    blocks = [b for b in collect_legends(cross) if legend or isinstance(b, ScaleLegend)]  # no area yet
    if blocks and legend_side is not None:
        if legend_side not in ("left", "right", "top", "bottom"):
            raise InputError(f"legend_side: expected 'left', 'right', 'top' or 'bottom', got {legend_side!r}")
        stack = getattr(cross, legend_side) + (Legends(blocks=blocks),)
        cross = attrs.evolve(cross, **{legend_side: stack})

    if sized and cell_size is None:
        cross = attrs.evolve(cross, width=_body(n_cols), height=_body(n_rows))
    return cross


def clustermap(data, *, figsize=None, ax=None, dpi: float | None = None, theme: Theme | None = None,
               fontsize: float | None = None, **kwargs) -> ClusterMap:
    """Draw an annotated, hierarchically clustered heatmap.

    Parameters
    ----------
    data : DataFrame or 2-D array
        Numbers. Rows and columns are labelled by the index and columns.
    figsize : (width, height), optional
        In inches or length strings. By default the size follows the data:
        cells of 0.25 in, the body between 2.5 and 7 in on each side.
    ax : Axes, SubplotSpec, SubFigure or Figure, optional
        Draw into this region of an existing figure (never resized).
    dpi, theme, fontsize
        Resolution of a new figure; fonts, lines and colours.
    **kwargs
        Everything :func:`clustered_heatmap` takes (seaborn's names: ``method``,
        ``metric``, ``z_score``, ``standard_scale``, ``row_cluster``,
        ``col_cluster``, ``row_linkage``, ``col_linkage``, ``row_colors``,
        ``col_colors``, ``cmap``, ``center``, ``vmin``, ``vmax``, ``robust``;
        and ``optimal_ordering``, ``row_cut``, ``col_cut``, ``xticklabels``, ``yticklabels``,
        ``label_rows``, ``label_cols``, label sides and rotations, ``cbar``,
        ``cbar_label``, ``legend``, ``legend_side``, ``gap``,
        ``dendrogram_size``, ``strip_size``, ``cell_size``).

    Returns
    -------
    ClusterMap
    """
    if fontsize is not None and not fontsize > 0:
        raise InputError(f"fontsize: expected a positive number of points, got {fontsize!r}")
    if theme is None:
        theme = Theme(fontsize=fontsize) if fontsize is not None else Theme()
    sized = figsize is None and ax is None
    cross = clustered_heatmap(data, sized=sized, **kwargs)
    rendered = render(cross, figsize=figsize, ax=ax, dpi=dpi, theme=theme)
    return ClusterMap.from_rendered(rendered)


def _cell(cell_size, axis: int, n: int):
    if cell_size is None:
        return None
    if isinstance(cell_size, (tuple, list)):
        if len(cell_size) != 2:
            raise InputError(f"cell_size: expected a length or (width, height), got {cell_size!r}")
        cell_size = cell_size[axis]
    return to_inches(cell_size, "cell_size") * n


def _named_axes(axes: dict, cross: Cross) -> dict:
    out = dict(axes)

    def first(side, kind):
        for seg, panel in cross.side_items(side):
            if isinstance(panel, kind) and f"{side}/{seg}" in axes:
                return axes[f"{side}/{seg}"]
        return None

    names = {
        "heatmap": axes.get("heatmap"),
        "row_dendrogram": first("left", Dendrogram),
        "col_dendrogram": first("top", Dendrogram),
        "row_colors": first("left", AnnotationStrip),
        "col_colors": first("top", AnnotationStrip),
        "row_labels": first("left", Labels) or first("right", Labels),
        "col_labels": first("top", Labels) or first("bottom", Labels),
        "legends": next((first(s, Legends) for s in ("right", "left", "top", "bottom")
                         if first(s, Legends) is not None), None),
    }
    if names["legends"] is not None and any(
            isinstance(p, Legends) and any(isinstance(b, ScaleLegend) for b in p.blocks)
            for side in ("left", "right", "top", "bottom") for p in getattr(cross, side)):
        names["colorbar"] = names["legends"]
    out.update({k: v for k, v in names.items() if v is not None})
    return out
