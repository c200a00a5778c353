"""Dendrograms beside a core, leaves on the cell centres, each drawn as one LineCollection.

:class:`Dendrogram` draws the tree of the leaves it is handed: each group's
own clustering (from the node's :class:`~gridfig.Leaves`), all groups on one
height scale so heights compare across groups. :class:`GroupDendrogram`
draws the tree *between* the groups of a split axis (ComplexHeatmap's parent
dendrogram), its leaves on the groups' centres.
"""

from __future__ import annotations

from typing import ClassVar

import attrs
import numpy as np

from ..errors import InputError
from ..units import to_inches
from .base import DrawContext, Panel


def _linkage(value) -> np.ndarray | None:
    if value is None:
        return None
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"linkage: expected an (n-1, 4) linkage matrix of numbers, got "
                         f"{type(value).__name__} {value!r:.40}") from None
    if arr.ndim != 2 or arr.shape[1] != 4 or arr.shape[0] < 1:
        raise InputError(f"linkage: expected an (n-1, 4) linkage matrix, got shape {arr.shape}")
    return arr


def cluster_numbers(linkage: np.ndarray, k: int) -> np.ndarray:
    """Cluster number (1..k) of every leaf of ``linkage`` cut into ``k``, in data order, numbered in leaf order."""
    from scipy.cluster.hierarchy import fcluster

    from ..clustering import leaf_order

    raw = fcluster(linkage, k, criterion="maxclust")
    # number clusters in display order, so colours read left to right (top to bottom)
    first: dict = {}
    for leaf in leaf_order(linkage):
        first.setdefault(raw[leaf], len(first) + 1)
    return np.array([first[c] for c in raw])


def merge_colors(linkage: np.ndarray, cut: int | None, default, palette_name=None) -> list:
    """A colour per merge: its cluster's below a cut into ``cut`` clusters, ``default`` above."""
    from matplotlib.colors import to_rgba

    from .colors import palette

    n = len(linkage) + 1
    if cut is None:
        return [to_rgba(default)]
    if not 1 <= cut <= n:
        raise InputError(f"cut: expected 1 to {n} clusters, got {cut}")
    leaf_cluster = cluster_numbers(linkage, cut)
    colours = [to_rgba(c) for c in palette(int(leaf_cluster.max()), palette_name)]
    node = np.concatenate([leaf_cluster, np.zeros(n - 1, dtype=int)])
    out = []
    for i, (a, b) in enumerate(linkage[:, :2].astype(int)):
        same = node[a] if node[a] == node[b] else 0
        node[n + i] = same
        out.append(colours[same - 1] if same else to_rgba(default))
    return out


@attrs.frozen(kw_only=True)
class Dendrogram(Panel):
    """The tree of a hierarchical clustering of the core's rows (left, right) or columns (top, bottom).

    Parameters
    ----------
    linkage : (n-1, 4) array, optional
        A scipy linkage matrix to draw. By default the tree comes from the
        node's :class:`~gridfig.Leaves` (``Leaves.from_clustering``, or each
        group's clustering when the axis is split). Given here, beside a node
        without leaves of its own, its leaf order becomes the node's order.
    color : str, optional
        Line colour; the theme's by default.
    line_width : float, optional
        Line width in points; the theme's by default.
    cut : int, optional
        Colour the tree cut into this many clusters (scipy's ``fcluster``
        with ``maxclust``): each cluster's branches get a colour of their own,
        the merges above the cut keep ``color``. :meth:`clusters` gives each
        leaf's cluster. Only for one tree (not beside a split axis).
    palette : str, optional
        Qualitative colormap for the clusters (default ``tab10``, distinct
        hues beyond).
    line_kws : dict, optional
        More keywords for the tree's ``LineCollection`` (``linestyles``,
        ``alpha``, ...); seaborn's ``tree_kws`` arrive here.
    size : length
        Depth away from the core; default 12 mm.
    """

    linkage: np.ndarray | None = attrs.field(default=None, converter=_linkage, eq=False,
                                             repr=lambda a: "<from the leaves>" if a is None
                                             else f"<{len(a) + 1} leaves>")
    color: str | None = None
    line_width: float | None = None
    cut: int | None = None
    palette: str | None = None
    line_kws: dict | None = attrs.field(default=None, eq=False)

    kind: ClassVar[str] = "dendrogram"
    default_size: ClassVar[float] = to_inches("12mm")
    min_size: ClassVar[float] = to_inches("3mm")

    def leaf_count(self) -> int | None:
        return None if self.linkage is None else len(self.linkage) + 1

    def leaf_order(self) -> np.ndarray | None:
        if self.linkage is None:
            return None
        from ..clustering import leaf_order

        return leaf_order(self.linkage)

    def bind(self, leaves) -> "Dendrogram":
        if self.cut is not None and leaves is not None and leaves.split:
            raise InputError(f"{self.label}: cut colours one tree, but the {leaves.what} are split into "
                             f"{len(leaves.chunks)} groups; drop cut (each group has its own tree)")
        return self

    def clusters(self, leaves=None) -> np.ndarray:
        """Cluster number (1..cut) of every leaf, in data order, numbered left to right.

        A dendrogram that draws its node's leaves needs them: ``clusters(g.row_leaves)``.
        """
        if self.cut is None:
            raise InputError("cut: the dendrogram has no cut; give cut=k")
        Z = self.linkage
        if Z is None:
            clustering = None if leaves is None or leaves.split else leaves.chunks[0].clustering
            if clustering is None:
                raise InputError("cut: this dendrogram draws its node's leaves; pass them: "
                                 "clusters(leaves) (e.g. g.row_leaves), of one clustered group")
            Z = np.asarray(clustering.linkage)
        return cluster_numbers(Z, self.cut)

    def tree(self, ctx: DrawContext):
        """``(tree, height scale)`` to draw in this Axes: a linkage or a Clustering (whose leaf order is
        known already), or ``None`` for a group of one leaf."""
        if self.linkage is not None:
            return self.linkage, float(self.linkage[:, 2].max())
        leaves = ctx.leaves
        if leaves is None:
            return None, 0.0
        clustering = leaves.chunks[ctx.chunk or 0].clustering
        return (None if clustering is None or clustering.n < 2 else clustering), leaves.height

    def draw(self, ax, ctx: DrawContext) -> None:
        from matplotlib.collections import LineCollection
        from matplotlib.colors import to_rgba

        from ..clustering import dendrogram_segments

        tree, top = self.tree(ctx)
        limit = top * 1.02 if top > 0 else 1.0
        default = self.color or ctx.theme.line_color
        segments, colours = [], [to_rgba(default)]
        if tree is not None:
            along, height = dendrogram_segments(tree)
            segments = list(ctx.segments(along, height))
            colours = merge_colors(np.asarray(getattr(tree, "linkage", tree)), self.cut, default, self.palette)
        if self.linkage is None and ctx.chunk is not None and ctx.leaves.parent is not None:
            # under a tree between the groups: this group's root (a lone leaf's foot) is carried out
            # to the panel's outer edge, where that tree's leg comes across the gap to meet it
            a, h = _root(ctx.leaves.chunks[ctx.chunk])
            segments.append(ctx.segments([[a, a]], [[h, limit]])[0])
            colours = colours + [to_rgba(default)] if len(colours) > 1 else colours
        if segments:
            lines = LineCollection(
                segments,
                colors=colours,
                linewidths=ctx.theme.line_width if self.line_width is None else self.line_width,
                capstyle="butt",
                joinstyle="miter",
                **(self.line_kws or {}),
            )
            ax.add_collection(lines, autolim=False)
        ctx.set_away_limits(ax, 0.0, limit)


def _root(chunk) -> tuple[float, float]:
    """``(along, height)`` of a chunk's tree root, along in the chunk's own leaf units; a group
    without a tree (one leaf) has its root at its middle, at height 0."""
    clustering = chunk.clustering
    if clustering is None or clustering.n < 2:
        return chunk.n / 2, 0.0
    from ..clustering import dendrogram_segments

    along, height = dendrogram_segments(clustering)
    return float(along[-1, 1] + along[-1, 2]) / 2, float(height[-1, 1])


@attrs.frozen(kw_only=True)
class GroupDendrogram(Panel):
    """The tree between the groups of a split axis, its leaves on the groups' centres.

    It draws ``Leaves.parent`` (the clustering of the groups' centroids, made
    by ``clustermap(..., split_order="cluster")``), spans every group, and
    sits right outward of the groups' own :class:`Dendrogram`: each of its
    leaves reaches in across the gap between the panels to that panel's
    edge, where the group's root, carried out to the edge, meets it (one
    line from the root to the tree between groups, as ComplexHeatmap draws
    them). Nothing is drawn when the leaves have no tree between groups.

    Parameters
    ----------
    color : colour, optional
        Line colour; the theme's line colour by default.
    line_width : float, optional
        Line width in points; the theme's by default.
    line_kws : dict, optional
        More keywords for the tree's ``LineCollection``, as for :class:`Dendrogram`.
    """

    color: str | None = None
    line_width: float | None = None
    line_kws: dict | None = attrs.field(default=None, eq=False)

    kind: ClassVar[str] = "group_dendrogram"
    default_size: ClassVar[float] = to_inches("6mm")
    min_size: ClassVar[float] = to_inches("2mm")
    spans_groups: ClassVar[bool] = True
    redraw_on_resize: ClassVar[bool] = True

    def draw(self, ax, ctx: DrawContext) -> None:
        from matplotlib.collections import LineCollection

        from ..clustering import dendrogram_segments

        leaves = ctx.leaves
        ctx.set_away_limits(ax, 0.0, 1.0)
        if leaves is None or leaves.parent is None or len(leaves.chunks) < 2:
            return
        Z = np.asarray(leaves.parent.linkage)
        # leaf i of the parent tree stands over the root of the tree of the chunk showing group i
        # (over its middle when the group has no tree), so the trees join up across the gap
        roots = [a + _root(c)[0] for (a, _), c in zip(ctx.chunk_spans, leaves.chunks)]
        centre = np.array(roots)[list(leaves.parent_chunk)]
        along, height = dendrogram_segments(leaves.parent)
        # dendrogram_segments puts leaf k (in leaf order) at k + 0.5: move it to its chunk's centre
        order = np.asarray(leaves.parent.order)
        slots = np.arange(len(order)) + 0.5
        along = np.interp(along, slots, centre[order]) if len(order) > 1 else along
        top = (float(Z[:, 2].max()) or 1.0) * 1.02
        # the legs down to leaves go on past this Axes' edge, across the gap, to the Dendrogram's
        # outer edge, where each group's root is carried out to meet them
        reach = ctx.gap / ctx.thickness * top if ctx.thickness > 0 else 0.0
        leaf = Z[:, :2] < len(Z) + 1
        height[:, 0] = np.where(leaf[:, 0], -reach, height[:, 0])
        height[:, 3] = np.where(leaf[:, 1], -reach, height[:, 3])
        lines = LineCollection(ctx.segments(along, height), colors=self.color or ctx.theme.line_color,
                               linewidths=ctx.theme.line_width if self.line_width is None else self.line_width,
                               capstyle="butt", joinstyle="miter", clip_on=False, **(self.line_kws or {}))
        ax.add_collection(lines, autolim=False)
        ctx.set_away_limits(ax, 0.0, top)
