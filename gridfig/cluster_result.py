"""What :func:`gridfig.clustermap` returns: the figure, the named Axes, the orders, and seaborn's names.

:class:`ClusterMap` reads everything back from the rendered tree (orders,
linkages, Axes by name); its ``ax_*``, ``dendrogram_row``/``dendrogram_col``,
``data2d``, ``mask`` and ``fig`` attributes are the names seaborn's
``ClusterGrid`` uses, so code written for seaborn reads the same.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from .layout import Cross, Rendered
from .layout.decorate import outside
from .leaves import Leaves
from .panels import AnnotationStrip, Dendrogram, Labels, Legends
from .panels.legend import ScaleLegend


@attrs.frozen(kw_only=True)
class DendrogramResult:
    """seaborn's ``ClusterGrid.dendrogram_row`` / ``dendrogram_col``: the tree of one axis.

    Attributes
    ----------
    reordered_ind : list of int
        Data positions in display order (top row first, leftmost column
        first), across every group of a split.
    linkage : ndarray or None
        The scipy linkage matrix of the whole axis; ``None`` when the axis is
        split (each group is clustered on its own:
        ``g.row_leaves.chunks[i].clustering``).
    axis : int
        0 for rows, 1 for columns (seaborn's numbering).
    leaves : Leaves
        The leaf axis as drawn.
    """

    reordered_ind: list
    linkage: Any = attrs.field(eq=False)
    axis: int
    leaves: Leaves = attrs.field(eq=False, repr=False)


@attrs.define
class ClusterMap:
    """What :func:`clustermap` returns.

    Attributes
    ----------
    figure : Figure
        Also ``fig`` (seaborn's name).
    axes : dict
        Names -> Axes: ``heatmap``, ``row_dendrogram``, ``col_dendrogram``,
        ``row_colors``, ``col_colors`` (the strip nearest the heatmap),
        ``row_labels``, ``col_labels``, ``colorbar`` (the Axes that holds the
        colour scale: its legend area, or the Axes at ``cbar_pos``) and
        ``legends`` (the first legend area: with ``legend_sides`` each
        side's is ``"right/legends"``, ...), when present, plus every panel
        by its layout path (``"left/group"``). With a split, each group has its own
        Axes: ``heatmap[i,j]`` (row group i, column group j),
        ``row_dendrogram[i]``, ``row_colors[i]``, ``col_dendrogram[j]``, ...
        (``heatmap`` alone is then absent).
    row_order, col_order : ndarray
        Data positions of the displayed rows (top first) and columns (left
        first), every group.
    row_groups, col_groups : list
        ``(group label, data positions in display order)`` per group, in
        display order (one group, labelled ``None``, without a split).
    row_leaves, col_leaves : Leaves
        The leaf axes as drawn: groups, their clusterings, the tree between groups.
    row_linkage, col_linkage : ndarray or None
        The tree of all rows (columns); ``None`` when not clustered or split
        (each group's tree is in ``row_leaves.chunks[i].clustering``).
    data : DataFrame
        The matrix as drawn (after ``z_score`` / ``standard_scale``), in data
        order, with the index and columns (and their names) of the input.
    layout : Cross
        The tree that produced the figure.
    rendered : Rendered

    seaborn's names
    ---------------
    ax_heatmap, ax_row_dendrogram, ax_col_dendrogram, ax_row_colors, ax_col_colors, ax_cbar
        The Axes, ``None`` where there is none (no dendrogram when not
        clustered, no strip, no colour scale). ``ax_row_colors`` is the strip
        nearest the heatmap (gridfig draws each strip in its own Axes:
        ``row_color_axes`` lists them outermost first). ``ax_cbar`` is the
        colour bar's own Axes. With a split, each alias is the Axes of the
        first group (the top row group, the leftmost column group).
    dendrogram_row, dendrogram_col : DendrogramResult or None
        ``reordered_ind`` and ``linkage``; ``None`` when the axis is not clustered.
    data2d : DataFrame
        ``data`` in display order.
    mask : DataFrame of bool
        The hidden cells (``mask=`` and missing values) in display order.
    """

    figure: Any
    axes: dict
    row_leaves: Leaves
    col_leaves: Leaves
    data: Any
    layout: Cross
    rendered: Rendered = attrs.field(repr=False)

    @classmethod
    def from_rendered(cls, rendered: Rendered, *, index=None, columns=None, colorbar=None) -> "ClusterMap":
        """Read orders, linkages and data back from a rendered clustered-heatmap Cross.

        ``index`` and ``columns`` (pandas Index objects of the data) keep
        their names and levels in ``data``; ``colorbar`` is an Axes holding
        the colour scale outside the layout (``cbar_pos``).
        """
        import pandas as pd

        cross = rendered.layout
        cp = rendered.plan.crosses[rendered.inner]
        heat = cross.core
        rows = index if index is not None and len(index) == heat.shape[0] else \
            list(heat.row_labels or range(heat.shape[0]))
        cols = columns if columns is not None and len(columns) == heat.shape[1] else \
            list(heat.col_labels or range(heat.shape[1]))
        frame = pd.DataFrame(heat.data, index=rows, columns=cols)
        axes = _named_axes(rendered, cp)
        if colorbar is not None:
            axes["colorbar"] = colorbar
        return cls(figure=rendered.figure, axes=axes, row_leaves=cp.rows, col_leaves=cp.cols, data=frame,
                   layout=cross, rendered=rendered)

    @property
    def row_order(self) -> np.ndarray:
        return self.row_leaves.order

    @property
    def col_order(self) -> np.ndarray:
        return self.col_leaves.order

    @property
    def row_groups(self) -> list:
        return self.row_leaves.groups

    @property
    def col_groups(self) -> list:
        return self.col_leaves.groups

    @property
    def row_linkage(self) -> np.ndarray | None:
        return _whole_linkage(self.row_leaves)

    @property
    def col_linkage(self) -> np.ndarray | None:
        return _whole_linkage(self.col_leaves)

    def savefig(self, fname, **kwargs):
        """Save the figure at the size it was made (see :meth:`Rendered.savefig`)."""
        return self.rendered.savefig(fname, **kwargs)

    @property
    def data2d(self):
        """The drawn matrix in display order (seaborn's ``data2d``)."""
        return self.data.iloc[self.row_order, self.col_order]

    # -- seaborn's ClusterGrid names ------------------------------------------------------------
    @property
    def fig(self):
        return self.figure

    @property
    def mask(self):
        """Hidden cells in display order: the ``mask`` given and every missing value (as seaborn)."""
        import pandas as pd

        hidden = self.layout.core.hidden
        hidden = np.isnan(self.data.to_numpy(dtype=float)) | (False if hidden is None else hidden)
        out = pd.DataFrame(hidden, index=self.data.index, columns=self.data.columns)
        return out.iloc[self.row_order, self.col_order]

    def _first(self, name: str):
        for key in (name, f"{name}[0]", f"{name}[0,0]"):
            if key in self.axes:
                return self.axes[key]
        return None

    @property
    def ax_heatmap(self):
        return self._first("heatmap")

    @property
    def ax_row_dendrogram(self):
        return self._first("row_dendrogram")

    @property
    def ax_col_dendrogram(self):
        return self._first("col_dendrogram")

    @property
    def ax_row_colors(self):
        return self._first("row_colors")

    @property
    def ax_col_colors(self):
        return self._first("col_colors")

    @property
    def row_color_axes(self) -> list:
        """The Axes of every row strip, outermost first (a DataFrame's columns in order)."""
        return self._strip_axes(("left", "right"))

    @property
    def col_color_axes(self) -> list:
        """The Axes of every column strip, outermost first."""
        return self._strip_axes(("top", "bottom"))

    def _strip_axes(self, sides) -> list:
        cp = self.rendered.plan.crosses[self.rendered.inner]
        out = []
        for side in sides:
            strips = [pl for pl in cp.sides[side] if isinstance(pl.panel, AnnotationStrip)]
            for placed in reversed(strips):
                path, chunk = placed.cells[0]
                ax = self.rendered.axes.get(outside(path, self.rendered.inner))
                if ax is not None:
                    out.append(ax)
        return out

    @property
    def ax_cbar(self):
        """The colour bar's own Axes (an inset of the legend area, or the Axes at ``cbar_pos``), or None."""
        holder = self.axes.get("colorbar")
        if holder is None:
            return None
        if getattr(holder, "_colorbar", None) is not None:
            return holder  # placed at cbar_pos
        if not self.layout.core.legend:
            return None  # the legend area holds the scales of strips only
        norm = self.rendered.plan.crosses[self.rendered.inner].core.panel.norm
        insets = [c for c in holder.child_axes if getattr(c, "_colorbar", None) is not None]
        mine = [c for c in insets if c._colorbar.mappable.norm is norm]
        return (mine or insets or [None])[0]

    @property
    def cax(self):
        """seaborn's older name of :attr:`ax_cbar`."""
        return self.ax_cbar

    @property
    def dendrogram_row(self) -> DendrogramResult | None:
        return _tree_result(self.row_leaves, 0)

    @property
    def dendrogram_col(self) -> DendrogramResult | None:
        return _tree_result(self.col_leaves, 1)


def _tree_result(leaves: Leaves, axis: int) -> DendrogramResult | None:
    if all(c.clustering is None for c in leaves.chunks):
        return None
    return DendrogramResult(reordered_ind=[int(i) for i in leaves.order], linkage=_whole_linkage(leaves),
                            axis=axis, leaves=leaves)


def _whole_linkage(leaves: Leaves):
    if leaves.split or leaves.chunks[0].clustering is None:
        return None
    return np.asarray(leaves.chunks[0].clustering.linkage)


def _named_axes(rendered: Rendered, cp) -> dict:
    """seaborn-style names for the Axes of a clustered heatmap, ``name[i]`` per group of a split."""
    axes = rendered.axes
    out = dict(axes)
    inner = rendered.inner

    def cells(placed) -> list:
        return [(outside(p, inner), chunk) for p, chunk in placed.cells]

    def first(sides, kind):
        for side in sides:
            for placed in cp.sides[side]:
                if type(placed.panel) is kind:
                    return placed
        return None

    names = {
        "heatmap": cp.core,
        "row_dendrogram": first(("left",), Dendrogram),
        "col_dendrogram": first(("top",), Dendrogram),
        "row_colors": first(("left",), AnnotationStrip),
        "col_colors": first(("top",), AnnotationStrip),
        "row_labels": first(("left", "right"), Labels),
        "col_labels": first(("top", "bottom"), Labels),
    }
    areas = [pl for side in ("right", "left", "top", "bottom") for pl in cp.sides[side]
             if isinstance(pl.panel, Legends)]  # several with legend_sides=
    names["legends"] = areas[0] if areas else None
    names["colorbar"] = next((pl for pl in areas if any(isinstance(b, ScaleLegend) for b in pl.panel.blocks or ())),
                             None)
    for name, placed in names.items():
        if placed is None:
            continue
        for path, chunk in cells(placed):
            if path not in axes:
                continue
            if chunk is None:
                out[name] = axes[path]
            else:
                key = f"{chunk[0]},{chunk[1]}" if isinstance(chunk, tuple) else str(chunk)
                out[f"{name}[{key}]"] = axes[path]
    return out
