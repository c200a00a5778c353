"""A dendrogram beside a core, leaves on the cell centres, drawn as one LineCollection."""

from __future__ import annotations

from typing import ClassVar

import attrs
import numpy as np

from ..errors import InputError
from ..units import to_inches
from .base import DrawContext, Panel


def _linkage(value) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim != 2 or arr.shape[1] != 4 or arr.shape[0] < 1:
        raise InputError(f"linkage: expected an (n-1, 4) linkage matrix, got shape {arr.shape}")
    return arr


@attrs.frozen(kw_only=True)
class Dendrogram(Panel):
    """The tree of a hierarchical clustering.

    Parameters
    ----------
    linkage : (n-1, 4) array
        A scipy linkage matrix. Its leaf order becomes the order of the core's
        rows (on the left or right) or columns (on top or at the bottom).
    color : str, optional
        Line colour; the theme's by default.
    line_width : float, optional
        Line width in points; the theme's by default.
    cut : int, optional
        Colour the tree cut into this many clusters (scipy's ``fcluster``
        with ``maxclust``): each cluster's branches get a colour of their own,
        the merges above the cut keep ``color``. :meth:`clusters` gives each
        leaf's cluster.
    palette : str, optional
        Qualitative colormap for the clusters (default ``tab10``, distinct
        hues beyond).
    size : length
        Depth away from the core; default 12 mm.
    """

    linkage: np.ndarray = attrs.field(converter=_linkage, eq=False, repr=lambda a: f"<{len(a) + 1} leaves>")
    color: str | None = None
    line_width: float | None = None
    cut: int | None = None
    palette: str | None = None

    kind: ClassVar[str] = "dendrogram"
    default_size: ClassVar[float] = to_inches("12mm")

    def leaf_count(self) -> int:
        return len(self.linkage) + 1

    def leaf_order(self) -> np.ndarray:
        from scipy.cluster.hierarchy import leaves_list

        return leaves_list(self.linkage)

    def clusters(self) -> np.ndarray:
        """Cluster number (1..cut) of every leaf, in data order, numbered left to right."""
        from scipy.cluster.hierarchy import fcluster

        if self.cut is None:
            raise InputError("cut: the dendrogram has no cut; give cut=k")
        raw = fcluster(self.linkage, self.cut, criterion="maxclust")
        # number clusters in display order, so colours read left to right (top to bottom)
        first = {}
        for leaf in self.leaf_order():
            first.setdefault(raw[leaf], len(first) + 1)
        return np.array([first[c] for c in raw])

    def merge_colors(self, default) -> list:
        """A colour per merge: its cluster's below the cut, ``default`` above."""
        from matplotlib.colors import to_rgba

        from .colors import palette

        n = self.leaf_count()
        if self.cut is None:
            return [to_rgba(default)]
        if not 1 <= self.cut <= n:
            raise InputError(f"cut: expected 1 to {n} clusters, got {self.cut}")
        leaf_cluster = self.clusters()
        colours = [to_rgba(c) for c in palette(int(leaf_cluster.max()), self.palette)]
        node = np.concatenate([leaf_cluster, np.zeros(n - 1, dtype=int)])
        out = []
        for i, (a, b) in enumerate(self.linkage[:, :2].astype(int)):
            same = node[a] if node[a] == node[b] else 0
            node[n + i] = same
            out.append(colours[same - 1] if same else to_rgba(default))
        return out

    def draw(self, ax, ctx: DrawContext) -> None:
        from matplotlib.collections import LineCollection

        from ..clustering import dendrogram_segments

        along, height = dendrogram_segments(self.linkage)
        lines = LineCollection(
            ctx.segments(along, height),
            colors=self.merge_colors(self.color or ctx.theme.line_color),
            linewidths=ctx.theme.line_width if self.line_width is None else self.line_width,
            capstyle="butt",
            joinstyle="miter",
        )
        ax.add_collection(lines, autolim=False)
        top = float(self.linkage[:, 2].max())
        ctx.set_away_limits(ax, 0.0, top * 1.02 if top > 0 else 1.0)
