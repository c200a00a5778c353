"""The one-dimensional resolver behind every layout decision.

A track is a stretch of length along one axis: fixed (a dendrogram's depth,
a gap, a measured label column) or flexible (a heatmap body that takes what
is left, shared among flexible tracks by weight, never below its minimum).
"""

from __future__ import annotations

import attrs

from ..errors import LayoutError


@attrs.frozen
class Track:
    """A fixed length (``fixed`` set) or a flexible share (``weight``) with a minimum."""

    fixed: float | None = None
    weight: float = 1.0
    minimum: float = 0.0

    @property
    def flexible(self) -> bool:
        return self.fixed is None

    @property
    def least(self) -> float:
        """The smallest length this track can take."""
        return self.fixed if self.fixed is not None else self.minimum


def resolve(tracks: list[Track], total: float, what: str = "layout") -> list[float]:
    """Lengths of ``tracks`` adding up to ``total`` (or less, if all are fixed).

    Fixed tracks get their length. Flexible ones share the rest in proportion
    to their weights; one whose share falls below its minimum is held at the
    minimum and the rest is shared again among the others.

    Raises
    ------
    LayoutError
        If the fixed lengths and minimums need more than ``total``.
    """
    need = sum(t.least for t in tracks)
    if need > total + 1e-9:
        raise LayoutError(
            f"{what} needs {need:.3f} in but only {total:.3f} in is available; "
            f"make the figure larger or the fixed parts smaller"
        )
    sizes: list[float | None] = [t.fixed for t in tracks]
    open_ = [i for i, t in enumerate(tracks) if t.flexible]
    rest = total - sum(s for s in sizes if s is not None)
    while open_:
        weights = sum(tracks[i].weight for i in open_)
        if weights <= 0:
            for i in open_:
                sizes[i] = tracks[i].minimum
            break
        unit = rest / weights
        low = [i for i in open_ if tracks[i].weight * unit < tracks[i].minimum]
        if not low:
            for i in open_:
                sizes[i] = tracks[i].weight * unit
            break
        for i in low:
            sizes[i] = tracks[i].minimum
            rest -= tracks[i].minimum
        open_ = [i for i in open_ if i not in low]
    return [float(s) for s in sizes]
