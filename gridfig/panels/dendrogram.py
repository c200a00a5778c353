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
    size : length
        Depth away from the core; default 12 mm.
    """

    linkage: np.ndarray = attrs.field(converter=_linkage, eq=False, repr=lambda a: f"<{len(a) + 1} leaves>")
    color: str | None = None
    line_width: float | None = None

    kind: ClassVar[str] = "dendrogram"
    default_size: ClassVar[float] = to_inches("12mm")

    def leaf_count(self) -> int:
        return len(self.linkage) + 1

    def leaf_order(self) -> np.ndarray:
        from scipy.cluster.hierarchy import leaves_list

        return leaves_list(self.linkage)

    def draw(self, ax, ctx: DrawContext) -> None:
        from matplotlib.collections import LineCollection

        from ..cluster import dendrogram_segments

        along, height = dendrogram_segments(self.linkage)
        lines = LineCollection(
            ctx.segments(along, height),
            colors=self.color or ctx.theme.line_color,
            linewidths=ctx.theme.line_width if self.line_width is None else self.line_width,
            capstyle="butt",
            joinstyle="miter",
        )
        ax.add_collection(lines, autolim=False)
        top = float(self.linkage[:, 2].max())
        ctx.set_away_limits(ax, 0.0, top * 1.02 if top > 0 else 1.0)
