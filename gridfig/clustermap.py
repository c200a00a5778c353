"""``clustermap``: an annotated clustered heatmap in one call, built as a layout tree.

The call validates and scales the data, clusters rows and columns (its own
step, :func:`gridfig.clustering.cluster`), builds a :class:`~gridfig.Cross` of
panels and renders it. The tree is returned, so it can be changed with
``attrs.evolve`` and drawn again with :func:`gridfig.render`.
"""

from __future__ import annotations

import attrs
import numpy as np

from . import seaborn_compat as compat
from .annotations import apply_palette, check_palette, parts, warn_crowded
from .cluster_result import ClusterMap, DendrogramResult
from .errors import InputError, InputTypeError, quote_some
from .inputs import is_anndata, is_sparse, table
from .layout import Cross, render
from .leaves import Leaves
from .panels import AnnotationStrip, Dendrogram, DotHeatmap, GroupDendrogram, Heatmap, Labels, Legends, Panel, Theme
from .panels.colors import QUALITATIVE
from .panels.groups import AxisTitle, GroupBlocks, GroupTitles, check_titles
from .panels.legend import SideLegends
from .units import FigSize, to_inches

__all__ = ["ClusterMap", "DendrogramResult", "clustered_heatmap", "clustermap"]

#: Default cell edge when no figure size is given (body clipped to MIN..MAX_BODY).
CELL = 0.25
MIN_BODY, MAX_BODY = 2.5, 7.0


def _frame(data):
    import pandas as pd

    frame = table(data, "data")  # pandas, numpy, polars, pyarrow, xarray, sparse, AnnData
    if frame.size == 0:
        raise InputError(f"data: the table is empty (shape {frame.shape})")
    # numbers, booleans (drawn 0/1, as seaborn does) and nullable dtypes (pd.NA is missing)
    bad = [c for c in frame.columns if not (pd.api.types.is_numeric_dtype(frame[c])
                                           or pd.api.types.is_bool_dtype(frame[c]))]
    if bad:
        raise InputError(f"data: {len(bad)} columns are not numeric: {quote_some([str(b) for b in bad])}; "
                         "select the numeric columns or set the label column as the index")
    values = frame.astype(object).where(frame.notna(), np.nan).to_numpy(dtype=float) \
        if any(pd.api.types.is_extension_array_dtype(frame[c]) for c in frame.columns) \
        else frame.to_numpy(dtype=float)
    inf = np.argwhere(np.isinf(values))
    if len(inf):
        where = [(frame.index[i], frame.columns[j]) for i, j in inf[:3]]
        raise InputError(f"data: {len(inf)} cells are infinite: {quote_some(where, 3)}")
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


#: colour scales of number-valued strips, one each in turn: single-hue ramps, unlike the body's
#: default maps and each other (one viridis beside a viridis body meant two ranges in one colour)
SEQUENTIAL = ("Purples", "Oranges", "Greens", "Blues", "Reds", "Greys")
#: split blocks of groups no strip names (cluster numbers): alternately darker and lighter grey
BLOCK_GREYS = ("0.45", "0.72")


def _strips(spec, name: str, first_palette: int, source=None, palette=None, body_cmap=None) -> list[AnnotationStrip]:
    """Annotation strips from a Series, DataFrame, list, list of those, or the names of AnnData columns."""
    strips = []
    found = parts(spec, name, source)
    ramps = [c for c in SEQUENTIAL if c != body_cmap]
    for i, (values, title, own) in enumerate(found):
        title = str(title) if title is not None else (name if len(found) == 1 else f"{name} {i + 1}")
        strip = AnnotationStrip(values=values, name=title,
                                palette=own or QUALITATIVE[(first_palette + i) % len(QUALITATIVE)],
                                cmap=ramps[(first_palette + i) % len(ramps)])
        strip = apply_palette(strip, palette)
        warn_crowded(strip, name)
        strips.append(strip)
    return strips


def _block_palette(leaves, strips) -> list:
    """Colours of the split blocks: a strip's own when its categories are the groups (a split by
    that annotation), else greys, alternately darker and lighter: the blocks have no legend, and
    groups in a strip's colours (or in any hues beside them) read as that strip's categories."""
    groups = [str(c.label) for c in leaves.chunks]
    for s in strips:
        if s.mode == "categories":
            colours = {str(k): v for k, v in s.color_map().items()}
            if set(groups) <= set(colours):
                return [colours[g] for g in groups]
    return [BLOCK_GREYS[k % 2] for k in range(len(groups))]


def _panels(spec, name: str) -> list:
    panels = [spec] if isinstance(spec, Panel) else list(spec or ())
    bad = [type(p).__name__ for p in panels if not isinstance(p, Panel)]
    if bad:
        raise InputTypeError(f"{name}: expected a list of panels (gridfig.Bars, gridfig.Box, ...), got {bad[0]}")
    return panels


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


def _legend_areas(legend_side: str, legend_sides, kinds, heat, sides: dict) -> list:
    """``(side, Legends)``: one area for the blocks ``legend_sides`` sends to each side, one for the rest."""
    valid = ("left", "right", "top", "bottom")
    if legend_side not in valid:
        raise InputError(f"legend_side: expected 'left', 'right', 'top' or 'bottom', got {legend_side!r}")
    if not legend_sides:
        return [(legend_side, Legends(kinds=kinds))]
    if not isinstance(legend_sides, dict):
        raise InputTypeError(f"legend_sides: expected a dict {{title or kind: side}}, got "
                             f"{type(legend_sides).__name__}")
    blocks = [b for p in [heat, *(p for ps in sides.values() for p in ps)] for b in p.legend_entries()]
    known = {b.title for b in blocks if b.title} | {b.kind for b in blocks}
    unknown = [k for k in legend_sides if k not in known]
    if unknown:
        raise InputError(f"legend_sides: no legend block is titled or of kind {quote_some(unknown)}; "
                         f"the blocks are {quote_some(sorted(map(str, known)))}")
    bad = {k: v for k, v in legend_sides.items() if v not in valid}
    if bad:
        raise InputError(f"legend_sides: sides must be one of {valid}, got {bad!r}")
    areas = {side: SideLegends(kinds=kinds, routes=tuple(legend_sides.items()), here=side, default=legend_side,
                               order=tuple(legend_sides)) for side in valid}
    used = {areas[legend_side].destination(b) for b in blocks if kinds is None or b.kind in kinds}
    return [(side, areas[side]) for side in valid if side in used]


def _body(n: int) -> float:
    return float(np.clip(n * CELL, MIN_BODY, MAX_BODY))


def clustered_heatmap(
    data,
    *,
    pivot_kws: dict | None = None,
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
    palette=None,
    cmap=None,
    center: float | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    robust: bool = False,
    norm=None,
    annot=None,
    fmt: str = ".2g",
    annot_kws: dict | None = None,
    mask=None,
    linewidths: float = 0.0,
    linecolor="white",
    layers=(),
    cbar_kws: dict | None = None,
    dot_size=None,
    dot_kws: dict | None = None,
    cluster_on: str = "data",
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
    legend_sides: dict | None = None,
    gap="1mm",
    dendrogram_size="12mm",
    strip_size="4mm",
    cell_size=None,
    row_split=None,
    col_split=None,
    split_gap="2mm",
    split_order=None,
    row_split_order=None,
    col_split_order=None,
    row_split_titles=None,
    col_split_titles=None,
    row_split_title_side: str = "left",
    col_split_title_side: str = "top",
    split_blocks: bool = False,
    row_annotations=(),
    col_annotations=(),
    tree_kws: dict | None = None,
    axis_titles: bool = True,
    name: str | None = None,
    sized: bool = True,
) -> Cross:
    """Build the layout tree of an annotated clustered heatmap, without drawing it.

    :func:`clustermap` takes the same arguments, plus ``figsize``, ``ax``,
    ``dpi``, ``theme`` and ``fontsize``, and draws the tree this returns.

    Parameters
    ----------
    data : DataFrame, 2-D array or another table
        Numbers. Rows and columns are labelled by the index and columns (a
        MultiIndex entry ``("A", 1)`` is written ``A-1``, as in seaborn). Also
        polars and pyarrow tables, xarray DataArrays, scipy sparse matrices and
        AnnData objects, labelled as ``docs/inputs.md`` says (none of those
        packages is needed otherwise).
    pivot_kws : dict, optional
        Pivot a long DataFrame first: ``data.pivot(**pivot_kws)``, e.g.
        ``dict(index="sample", columns="gene", values="count")`` (seaborn's).
    method, metric : str
        scipy's linkage method and distance metric names (``"average"``,
        ``"ward"``, ...; ``"euclidean"``, ``"correlation"``, ...).
    z_score, standard_scale : {0, 1}, optional
        Standardise each row (0) or column (1) before clustering and drawing,
        as in seaborn.
    row_cluster, col_cluster : bool
        Cluster (and draw the dendrogram of) the rows / columns. Only
        ``True`` or ``False``: anything else (a function, a string) is
        refused; to cluster your own way pass ``row_linkage``.
    row_linkage, col_linkage : (n-1, 4) array, optional
        Precomputed linkage matrices, validated against the data.
    row_colors, col_colors : Series, DataFrame, list, optional
        Annotations drawn as coloured strips. Series and DataFrames are matched
        to the data by label (their order does not matter); lists by position.
        A DataFrame gives one strip per column and a list of lists one per
        list, the first outermost (farthest from the heatmap), as seaborn
        draws them. Categories get distinct colours (the same every run) and
        a legend; colour values (``"r"``, ``"C0"``, RGB tuples) are drawn as given;
        floats, and integers with more than 20 distinct values, a colour scale.
        polars and pyarrow columns and tables (no labels) are matched by
        position. With AnnData data, a string or list of strings names ``obs``
        (``var``) columns, coloured by ``uns["<name>_colors"]`` when present.
    palette : str, list or dict, optional
        Colours of the categorical strips: a colormap name or a list of colours
        (categories take them in order) or a dict category -> colour (every
        category needs one) for every strip; or a dict annotation name ->
        any of those, for the strips it names (a colormap name there also
        sets a continuous strip's colormap). It wins over AnnData's ``uns``
        colours, which win over the defaults.
    cmap : str or Colormap, optional
        Default ``"viridis"``, or ``"RdBu_r"`` when ``center`` is given.
    center, vmin, vmax, robust
        Colour limits, as in seaborn: ``center`` keeps one slope about it and cuts
        the colormap to ``vmin``/``vmax``; with ``center`` alone the limits are
        symmetric about it.
    norm : matplotlib Normalize, optional
        Any norm (``LogNorm()``, ``BoundaryNorm(...)``, ...) instead of the limits above.
    annot, fmt, annot_kws
        Write values in the cells (``True``, an array or a DataFrame matched by
        label), formatted with ``fmt``, as in seaborn. See :class:`~gridfig.Heatmap`.
    mask : bool array or DataFrame, optional
        Cells to hide. They are still clustered (as in seaborn: the tree is of the full data).
    linewidths, linecolor
        Borders between cells (points, colour).
    layers : sequence of callables
        Drawn over each body Axes as ``layer(ax, ctx, cells)`` (see :class:`~gridfig.Marks`).
    cbar_kws : dict, optional
        The colour scale's ``ticks``, ``format``, ``extend``, ``label``, ``orientation``, ``length``.
    dot_size : 2-D array or DataFrame, optional
        Draw a dot per cell (:class:`~gridfig.DotHeatmap`): colour from ``data``,
        area from this matrix (a DataFrame is matched by label).
    dot_kws : dict, optional
        Keyword arguments of the :class:`~gridfig.DotHeatmap` (``size_range``,
        ``size_norm``, ``size_title``, ``color``).
    cluster_on : {"data", "size"}
        The matrix rows and columns are clustered on: ``data`` (the colours,
        after scaling) or ``"size"`` (``dot_size``, as given).
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
    legend_sides : dict, optional
        Some legend blocks elsewhere: ``{title or kind: side}``, e.g.
        ``{"scale": "bottom", "population": "left"}`` (kinds are
        ``"scale"``, ``"categories"``, ``"sizes"``); the rest stay on
        ``legend_side``. One legend area per side.
    gap, dendrogram_size, strip_size : length
        Physical sizes (``"1mm"``, ``"0.5in"``, numbers are inches).
    cell_size : length or (length, length), optional
        Fixed cell width and height. Without a figure size the figure size
        follows; with one, the fixed body is centred on the page.
    row_split, col_split : Series, DataFrame, list, int or "kmeans:k", optional
        Split the rows (columns) into groups drawn apart, each clustered on
        its own with its own dendrogram (all on one height scale). A Series
        is matched by label (every data label needs a group); a DataFrame's
        columns are levels and the groups their combinations; a list gives
        the groups by position; an int ``k`` cuts the whole tree into k
        clusters (scipy's ``fcluster`` with ``maxclust``); ``"kmeans:k"``
        runs k-means on the rows (the best of 10 seeded starts, by the
        within-group sum of squares: the same every run). A split
        cannot be combined with a precomputed ``row_linkage``/``col_linkage``
        (the groups are clustered on their own, with ``method``/``metric``):
        cut the tree yourself and pass the labels instead.
    split_gap : length
        Space between groups, the same across and down. Default 2 mm.
    split_order : None, "natural", "cluster" or list
        Order of the groups of every split axis: ``"natural"`` (pandas
        categorical order, else sorted naturally; for ``k`` the tree's order;
        for k-means the order of first appearance), ``"cluster"`` to order
        them by clustering their centroids and draw that tree between the
        groups, outward of the groups' own trees, or a list of group labels
        (when one axis is split). ``None``: natural, except k-means groups,
        which are clustered.
    row_split_order, col_split_order : None, "natural", "cluster" or list
        The same for one axis (ComplexHeatmap's ``cluster_row_slices`` /
        ``cluster_column_slices``); given with ``split_order``, they must
        agree with it.
    row_split_titles, col_split_titles : bool, list or str, optional
        Titles of the groups: ``True`` writes each group's label, a list
        gives them (one per group), a format string uses ``{label}`` and
        ``{n}`` (no other field). Only for a split axis.
    row_split_title_side, col_split_title_side : str
        Where titles go (outermost on that side).
    split_blocks : bool
        A coloured block per group beside the strips (ComplexHeatmap's ``anno_block``).
    row_annotations, col_annotations : list of Panel
        Any panels (``gridfig.Bars``, ``Box``, ``Numbers``, your own, ...) beside the strips:
        rows on the left, columns on top, listed from the core outward. Their
        pandas data is matched to the data's labels.
    tree_kws : dict, optional
        The dendrograms' line style, seaborn's: ``colors`` (or ``color``),
        ``linewidths`` (``linewidth``, ``lw``) and any other ``LineCollection``
        keyword (``linestyles``, ``alpha``, ...).
    axis_titles : bool
        Write the data's ``index.name`` and ``columns.name`` (a MultiIndex's
        names joined with ``-``) beyond the labels, as seaborn's axis labels.
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
    from .clustering.split import axis_orders, split_leaves
    from .layout import preload

    row_cluster, col_cluster = compat.flag(row_cluster, "row_cluster"), compat.flag(col_cluster, "col_cluster")
    for value, arg in ((robust, "robust"), (cbar, "cbar"), (legend, "legend"), (split_blocks, "split_blocks"),
                       (optimal_ordering, "optimal_ordering"), (axis_titles, "axis_titles"), (sized, "sized")):
        compat.flag(value, arg)
    style = compat.tree_style(tree_kws)
    data = compat.pivot(data, pivot_kws)
    if np.ma.isMaskedArray(data):
        # masked cells are missing: hidden, left out of the colour limits and compared
        # pairwise-complete when clustering (seaborn turns them into NaN and cannot cluster)
        hidden = np.ma.getmaskarray(data)
        data = np.ma.filled(data.astype(float), np.nan)
        if hidden.any():  # a DataFrame mask is matched to the array's positions by label
            from .panels.heatmap import hidden_cells

            n, m = hidden.shape
            mask = hidden if mask is None else (hidden_cells(mask, hidden.shape, range(n), range(m)) | hidden)
    frame = _frame(data)
    if z_score is not None or standard_scale is not None:
        frame = scale(frame, z_score=z_score, standard_scale=standard_scale)
    values = frame.to_numpy(dtype=float)
    n_rows, n_cols = values.shape
    if dot_size is not None:  # matched to the data once (a DataFrame by label), so it is said once
        from .panels.heatmap import cell_table

        dot_size = cell_table(dot_size, values.shape, list(frame.index), list(frame.columns), "dot_size")
        try:  # checked here under the name the caller used (DotHeatmap calls it size_data)
            dot_size = np.asarray(dot_size, dtype=float)
        except (TypeError, ValueError):
            raise InputError("dot_size: the sizes must be numbers") from None
        if not np.isfinite(dot_size).any() and not (dot_kws or {}).get("size_norm"):
            raise InputError("dot_size: every size is missing; nothing to draw")
    clustered = _cluster_matrix(values, dot_size, cluster_on)
    row_names, col_names = compat.tick_texts(frame.index), compat.tick_texts(frame.columns)
    split_gap = to_inches(split_gap, "split_gap")
    orders = axis_orders(split_order, row_split_order, col_split_order, row_split, col_split)
    for titles, split, axis, what in ((row_split_titles, row_split, "row", "rows"),
                                      (col_split_titles, col_split, "col", "columns")):
        if split is None and not (titles is None or titles is False):
            raise InputError(f"{axis}_split_titles: the {what} are not split, so there are no groups to title; "
                             f"give {axis}_split= too, or drop {axis}_split_titles")

    # every axis to cluster is checked before either is clustered
    for flag, link, axis, labels, what in ((row_cluster, row_linkage, 1, frame.index, "rows"),
                                          (col_cluster, col_linkage, 0, frame.columns, "columns")):
        empty = labels[np.isnan(clustered).all(axis=axis)]
        if flag and link is None and len(empty):
            raise InputError(f"data: {len(empty)} {what} are entirely missing and cannot be clustered: "
                             f"{quote_some(list(empty))}; drop them or pass {what[:3]}_cluster=False")
    for split, link, arg in ((row_split, row_linkage, "row"), (col_split, col_linkage, "col")):
        if split is not None and link is not None:
            raise InputError(f"{arg}_split: cannot be combined with a precomputed {arg}_linkage (each group "
                             f"is clustered on its own); cut the tree yourself (scipy's fcluster) and pass "
                             f"the group labels as {arg}_split, or drop {arg}_linkage")
    kwargs = dict(metric=metric, method=method, optimal_ordering=optimal_ordering)

    def leaves_of(cluster_it, linkage, X, what, labels, split, arg, order):
        whole = None
        needs_whole = split is None or isinstance(split, (int, np.integer)) and not isinstance(split, bool)
        if cluster_it and needs_whole:
            whole = cluster(X, **kwargs, linkage=linkage, axis=what, labels=[str(v) for v in labels])
        if split is None:
            return (Leaves.from_clustering(whole, labels=list(labels)) if whole is not None
                    else Leaves.in_order(len(X), labels=list(labels)))
        return split_leaves(X, split, labels=list(labels), what=what, arg=arg, cluster_groups=bool(cluster_it),
                            whole=whole, gap=split_gap, split_order=order[0], order_arg=order[1],
                            cluster_kwargs=kwargs)

    # matplotlib's drawing modules are imported while fastcluster links a tree (it needs no interpreter)
    with preload.clustering_meanwhile(bool(row_cluster or col_cluster)):
        rows = leaves_of(row_cluster, row_linkage, clustered, "rows", frame.index, row_split, "row_split",
                         orders[0])
        cols = leaves_of(col_cluster, col_linkage, clustered.T, "columns", frame.columns, col_split, "col_split",
                         orders[1])

    body = (Heatmap, {}) if dot_size is None else (DotHeatmap, dict(size_data=dot_size, **(dot_kws or {})))
    heat = body[0](data=values, cmap=cmap or ("RdBu_r" if center is not None else "viridis"), vmin=vmin,
                   vmax=vmax, center=center, robust=robust, row_labels=list(frame.index),
                   col_labels=list(frame.columns), legend=cbar, legend_title=cbar_label, norm=norm,
                   annot=annot, fmt=fmt, annot_kws=annot_kws, mask=mask, linewidths=linewidths,
                   linecolor=linecolor, layers=layers, cbar_kws=cbar_kws, **body[1])
    dsize, ssize = to_inches(dendrogram_size, "dendrogram_size"), to_inches(strip_size, "strip_size")
    body_cmap = heat.cmap if isinstance(heat.cmap, str) else getattr(heat.cmap, "name", None)
    row_strips = [attrs.evolve(s, size=ssize) for s in _strips(row_colors, "row_colors", 0, data, palette, body_cmap)]
    col_strips = [attrs.evolve(s, size=ssize)
                  for s in _strips(col_colors, "col_colors", len(row_strips), data, palette, body_cmap)]
    check_palette(palette, row_strips + col_strips)
    # the same annotation on rows and columns (same name, same categories) gets the same colours
    by_content = {(s.label, tuple(s.categories())): s.palette for s in row_strips if s.mode == "categories"}
    col_strips = [attrs.evolve(s, palette=by_content.get((s.label, tuple(s.categories())), s.palette))
                  if s.mode == "categories" else s for s in col_strips]

    sides: dict[str, list] = {"left": [], "right": [], "top": [], "bottom": []}
    # seaborn draws a DataFrame's first column outermost; stacks are listed from the core outward
    sides["left"] += row_strips[::-1] + _panels(row_annotations, "row_annotations")
    sides["top"] += col_strips[::-1] + _panels(col_annotations, "col_annotations")
    if split_blocks:
        for leaves, strips, side, name in ((rows, row_strips, "left", "row_blocks"),
                                           (cols, col_strips, "top", "col_blocks")):
            if leaves.split:
                sides[side].append(GroupBlocks(size=ssize, name=name, palette=_block_palette(leaves, strips)))
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
            known = set(texts)
            unknown = [v for v in show if v not in known]
            if unknown:
                arg = "label_rows" if what == "yticklabels" else "label_cols"
                raise InputError(f"{arg}: {len(unknown)} of {len(show)} labels are not {'row' if what == 'yticklabels' else 'column'} "
                                 f"labels of data: {quote_some(unknown)}")
        if show is None:
            continue
        valid = ("left", "right") if what == "yticklabels" else ("top", "bottom")
        if side not in valid:
            raise InputError(f"{'row' if what == 'yticklabels' else 'col'}_label_side: expected one of "
                             f"{valid}, got {side!r}")
        sides[side].append(Labels(texts=texts, rotation=rot, show=show))
    for index, side, what in ((frame.index, row_label_side, "row"), (frame.columns, col_label_side, "col")):
        title = compat.index_title(index) if axis_titles else None
        if title is not None:  # the side was checked above when there are labels
            if side not in (("left", "right") if what == "row" else ("top", "bottom")):
                raise InputError(f"{what}_label_side: expected one of "
                                 f"{('left', 'right') if what == 'row' else ('top', 'bottom')}, got {side!r}")
            sides[side].append(AxisTitle(text=title, name=f"{what}_title"))
    # dendrograms go outermost, so labels on their side sit next to the rows they name
    for leaves, cluster_it, side, cut, arg in ((rows, row_cluster, "left", row_cut, "row_cut"),
                                               (cols, col_cluster, "top", col_cut, "col_cut")):
        if cut is not None and leaves.split:
            raise InputError(f"{arg}: colours one tree by a cut, but the {leaves.what} are split into groups "
                             f"(each with its own tree); drop {arg}, or split by the cut: "
                             f"{arg[:3]}_split={cut}")
        if cluster_it:
            sides[side].append(Dendrogram(size=dsize, cut=cut, **style))
            if leaves.parent is not None:
                sides[side].append(GroupDendrogram(size=dsize / 2, **style))
    for leaves, spec, side, axis, valid in (
            (rows, row_split_titles, row_split_title_side, "row", ("left", "right")),
            (cols, col_split_titles, col_split_title_side, "col", ("top", "bottom"))):
        if spec is None or spec is False:
            continue
        check_titles(spec, leaves, f"{axis}_split_titles")
        if side not in valid:
            raise InputError(f"{axis}_split_title_side: expected one of {valid}, got {side!r}")
        sides[side].append(GroupTitles(titles=spec, name=f"{axis}_titles"))

    has_blocks = cbar or (legend and (any(s.mode != "colors" for s in row_strips + col_strips)
                                      or any(p.legend_entries() for p in sides["left"] + sides["top"])))
    if has_blocks and legend_side is not None:
        kinds = None if legend else ("scale", "sizes")
        for side, area in _legend_areas(legend_side, legend_sides, kinds, heat, sides):
            if not legend_sides:  # strips are drawn first-outermost; their legends keep the given order
                area = attrs.evolve(area, order=_legend_order(heat, row_strips, col_strips))
            sides[side].append(area)

    width, height = _cell(cell_size, 0, n_cols), _cell(cell_size, 1, n_rows)
    if sized and cell_size is None:
        width, height = _body(n_cols), _body(n_rows)
    gaps = [(len(lv.chunks) - 1) * lv.gap for lv in (cols, rows)]
    width = None if width is None else width + gaps[0]
    height = None if height is None else height + gaps[1]
    return Cross(core=heat, gap=gap, rows=rows, cols=cols, name=name, width=width, height=height, **sides)


def clustermap(
    data,
    *,
    pivot_kws: dict | None = None,
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
    palette=None,
    cmap=None,
    center: float | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    robust: bool = False,
    norm=None,
    annot=None,
    fmt: str = ".2g",
    annot_kws: dict | None = None,
    mask=None,
    linewidths: float = 0.0,
    linecolor="white",
    layers=(),
    cbar_kws: dict | None = None,
    dot_size=None,
    dot_kws: dict | None = None,
    cluster_on: str = "data",
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
    legend_sides: dict | None = None,
    gap="1mm",
    dendrogram_size="12mm",
    strip_size="4mm",
    cell_size=None,
    row_split=None,
    col_split=None,
    split_gap="2mm",
    split_order=None,
    row_split_order=None,
    col_split_order=None,
    row_split_titles=None,
    col_split_titles=None,
    row_split_title_side: str = "left",
    col_split_title_side: str = "top",
    split_blocks: bool = False,
    row_annotations=(),
    col_annotations=(),
    tree_kws: dict | None = None,
    axis_titles: bool = True,
    name: str | None = None,
    figsize: FigSize | None = None,
    ax=None,
    dpi: float | None = None,
    theme: Theme | None = None,
    fontsize: float | None = None,
    dendrogram_ratio=None,
    colors_ratio=None,
    cbar_pos=compat.LEGEND,
    square: bool = False,
) -> ClusterMap:
    """Draw an annotated, hierarchically clustered heatmap.

    Every argument of :func:`clustered_heatmap` (seaborn's names: ``pivot_kws``,
    ``method``, ``metric``, ``z_score``, ``standard_scale``, ``row_cluster``,
    ``col_cluster``, ``row_linkage``, ``col_linkage``, ``row_colors``,
    ``col_colors``, ``palette``, ``cmap``, ``center``, ``vmin``, ``vmax``, ``robust``,
    ``norm``, ``annot``, ``fmt``, ``annot_kws``, ``mask``, ``linewidths``,
    ``linecolor``, ``cbar_kws``, ``xticklabels``, ``yticklabels``,
    ``tree_kws``; and gridfig's own), with the same defaults, plus how the
    figure is made. docs/from_seaborn.md maps every seaborn argument.

    Parameters
    ----------
    data : DataFrame, 2-D array or another table
        Numbers, labelled by the index and columns; polars, pyarrow, xarray,
        scipy sparse and AnnData are read too (see ``docs/inputs.md``).
    figsize : (width, height), optional
        In inches or length strings. By default the size follows the data:
        cells of 0.25 in, the body between 2.5 and 7 in on each side.
    ax : Axes, SubplotSpec, SubFigure or Figure, optional
        Draw into this region of an existing figure (never resized).
    dpi, theme, fontsize
        Resolution of a new figure; fonts, lines and colours.
    dendrogram_ratio, colors_ratio : float or (float, float), optional
        seaborn's sizes: the row dendrogram (each row strip) is this fraction
        of the figure's width, the column one of its height; a pair gives
        (rows, columns). The fraction is of the size asked for (``figsize``,
        or the region of ``ax``) and becomes a length in inches once; with a
        figure sized by its content, it is a fraction of the heatmap body.
        Instead of ``dendrogram_size`` / ``strip_size``.
    cbar_pos : (left, bottom, width, height), None or "legend"
        seaborn's colour-bar rectangle, in fractions of the figure (of the
        region of ``ax``): the colour bar is drawn there, over whatever is
        there (a warning names the panels it covers), outside the layout,
        as seaborn does. ``None`` draws no colour
        bar. ``"legend"`` (the default) puts it in the measured legend area,
        where nothing overlaps it.
    square : bool
        Square cells: the largest that fit the room the body gets (the body
        is centred in it). seaborn ignores ``square`` in a clustermap.

    Returns
    -------
    ClusterMap
    """
    tree_args = {k: v for k, v in locals().items() if k in _TREE_ARGS}
    from . import validate
    from .layout.host import find_host

    if fontsize is not None and not fontsize > 0:
        raise InputError(f"fontsize: expected a positive number of points, got {fontsize!r}")
    if theme is None:
        theme = Theme(fontsize=fontsize) if fontsize is not None else Theme()
    square = compat.flag(square, "square")
    cbar_pos = compat.check_cbar_pos(cbar_pos)
    ratios = compat.check_ratios(dendrogram_ratio, colors_ratio, dendrogram_size, strip_size, _TREE_DEFAULTS)
    placed = isinstance(cbar_pos, tuple) and compat.flag(cbar, "cbar")
    placed_kws = compat.placed_cbar_kws(cbar_kws, cbar_label) if placed else None
    if cbar_pos is None or placed:
        tree_args["cbar"] = False  # no scale in the legend area
    if square and isinstance(cell_size, (tuple, list)) and len(cell_size) == 2 \
            and to_inches(cell_size[0], "cell_size") != to_inches(cell_size[1], "cell_size"):
        raise InputError(f"square: cells cannot be square with cell_size={cell_size!r}; drop one of them")
    host = find_host(ax, validate.figsize(figsize))  # checked, not touched
    region = host.size
    tree_args["data"] = data = _as_read(compat.pivot(data, pivot_kws))
    tree_args["pivot_kws"] = None
    sized = figsize is None and ax is None
    cross = clustered_heatmap(sized=sized, **tree_args)
    if ratios != (None, None):
        body = (cross.width, cross.height)
        reference = [region[i] if region is not None and region[i] is not None else
                     body[i] if body[i] is not None else _body(cross.shape[1 - i]) for i in (0, 1)]
        cross = compat.apply_ratios(cross, *ratios, reference)
    if square and cell_size is None:
        dpi_now = host.root.dpi if host.fig is not None else (dpi or _rc_dpi())
        cross = compat.square_cells(cross, None if sized else region, dpi=dpi_now, theme=theme)
    rendered = render(cross, figsize=figsize, ax=ax, dpi=dpi, theme=theme)
    colorbar = None
    if placed:
        heat = rendered.plan.crosses[rendered.inner].core.panel
        colorbar = compat.placed_colorbar(rendered, heat, cbar_pos, placed_kws)
    index, columns = _labels_of(data)
    return ClusterMap.from_rendered(rendered, index=index, columns=columns, colorbar=colorbar)


def _as_read(data):
    """A DataArray, polars or pyarrow table read into a DataFrame once, here, so that its labels
    (names, levels) reach ``ClusterMap.data``; arrays, sparse matrices (densified only when
    drawn) and AnnData (whose obs/var columns strips may name) are passed on as they are."""
    import pandas as pd

    if isinstance(data, (pd.DataFrame, np.ndarray)) or np.ma.isMaskedArray(data) or is_sparse(data) \
            or is_anndata(data):
        return data
    return table(data, "data")


def _labels_of(data):
    """The data's row and column Index, for ``ClusterMap.data`` to keep their names and levels
    (none for arrays and sparse matrices; AnnData's obs and var names, without reading ``X``)."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data.index, data.columns
    if is_anndata(data):
        return pd.Index(data.obs_names), pd.Index(data.var_names)
    return None, None


def _rc_dpi() -> float:
    import matplotlib

    return float(matplotlib.rcParams["figure.dpi"])


def _legend_order(heat, row_strips, col_strips):
    """Legends in the order the annotations were given, after the heatmap's own, when a side has
    several strips (they are drawn first-outermost, and legends would otherwise follow the stack)."""
    if len(row_strips) < 2 and len(col_strips) < 2:
        return None
    return tuple([b.title for b in heat.legend_entries()] + [s.label for s in row_strips + col_strips])


def _cluster_matrix(values, dot_size, cluster_on: str) -> np.ndarray:
    """The matrix rows and columns are clustered on: the data, or a dot heatmap's sizes."""
    if cluster_on not in ("data", "size"):
        raise InputError(f"cluster_on: expected 'data' or 'size', got {cluster_on!r}")
    if cluster_on == "data":
        return values
    if dot_size is None:
        raise InputError("cluster_on: 'size' clusters on dot_size, which is not given")
    return np.asarray(dot_size, dtype=float)


def _cell(cell_size, axis: int, n: int):
    if cell_size is None:
        return None
    if isinstance(cell_size, (tuple, list)):
        if len(cell_size) != 2:
            raise InputError(f"cell_size: expected a length or (width, height), got {cell_size!r}")
        cell_size = cell_size[axis]
    return to_inches(cell_size, "cell_size") * n


def _tree_params() -> tuple[frozenset, dict]:
    import inspect

    params = inspect.signature(clustered_heatmap).parameters
    return frozenset(params) - {"sized"}, {k: p.default for k, p in params.items()}


#: clustermap passes these on to clustered_heatmap; their defaults are checked equal by the tests.
_TREE_ARGS, _TREE_DEFAULTS = _tree_params()
