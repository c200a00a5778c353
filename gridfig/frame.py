"""The canonical frame of a side panel and its mapping onto x and y: the one place for side geometry.

A panel beside a core draws in a frame of its own:

* *along* runs over the leaves: leaf ``k`` of what the panel shows occupies
  ``[k, k + 1]``, so its centre is ``k + 0.5``;
* *away* runs from the core outwards, ``0`` at the edge next to the core.

::

                 away ^   (top)
                      |
    away <- [left] [ core ] [right] -> away
                      |
                 away v   (bottom)

On the left and right the leaves run down the y axis (the top row first); on
top and at the bottom they run along x (the leftmost column first). The
layout (measuring text reach) and the panels (drawing) both take their
geometry from here, so a panel never branches on its side.
"""

from __future__ import annotations

import math

import numpy as np

SIDES = ("left", "right", "top", "bottom")
CENTER = "center"

#: Unit vector pointing away from the core, in figure (x, y), per side.
AWAY = {"left": (-1.0, 0.0), "right": (1.0, 0.0), "top": (0.0, 1.0), "bottom": (0.0, -1.0)}
#: Unit vector of increasing leaf position, in figure (x, y), per side.
ALONG = {"left": (0.0, -1.0), "right": (0.0, -1.0), "top": (1.0, 0.0), "bottom": (1.0, 0.0)}
_HA = {"left": 0.0, "center": -0.5, "right": -1.0}
_VA = {"bottom": 0.0, "center": -0.5, "top": -1.0}


def is_vertical(side: str) -> bool:
    """True on the left and right, where the leaves run down the y axis."""
    return side in ("left", "right")


def axis_of(side: str) -> int:
    """The core's data axis a side panel runs along: 0 (rows) on the left and right, 1 (columns) else."""
    return 0 if is_vertical(side) else 1


def to_xy(side: str, along, away):
    """Canonical ``(along, away)`` coordinates as data ``(x, y)``."""
    return (away, along) if is_vertical(side) else (along, away)


def set_away_limits(ax, side: str, low: float, high: float) -> None:
    """Set the data range away from the core; ``low`` is next to the core."""
    low, high = float(low), float(high)
    if high == low:
        high = low + 1.0
    sign = AWAY[side][0] + AWAY[side][1]
    lim = (low, high) if sign > 0 else (high, low)
    (ax.set_xlim if is_vertical(side) else ax.set_ylim)(*lim)


def set_along_limits(ax, side: str, length: float) -> None:
    """Set the data range along the leaves to ``[0, length]``, first leaf at the top or left."""
    if is_vertical(side):
        ax.set_ylim(length, 0)
    else:
        ax.set_xlim(0, length)


def text_alignment(side: str, rotation: float) -> dict:
    """Alignment keywords that anchor a label at its end nearest the core.

    The label is anchored (``rotation_mode="anchor"``) at a point next to the
    core and extends away from it, whatever the rotation: the away direction
    is turned into the text's own frame, and the text is anchored on the edge
    that faces the core (centred across when the text runs across the away
    direction, as for unrotated column labels).
    """
    return _extending(AWAY[side], rotation)


#: The end of the leaves a side panel's value axis is drawn past, per side. Going round the
#: core, each corner holds one side's axis (left: bottom-left, bottom: bottom-right, right:
#: top-right, top: top-left), so the axes of panels on neighbouring sides never meet; rows'
#: axes go below them and columns' to their left, as in ComplexHeatmap.
AXIS_END = {"left": "after", "bottom": "after", "right": "before", "top": "before"}


def end_alignment(side: str, reading: str = "along", end: str = "after") -> dict:
    """Alignment keywords for text written past an end of the leaves, extending further out.

    The text reads along the leaves (``reading="along"``: upwards on the left
    and right, rightwards on top and at the bottom, as a strip's name) or
    along the away direction (``"away"``), and is anchored on the edge that
    faces the leaves, so past the last leaf (``end="after"``) or before the
    first (``"before"``) it grows outward and never back over them.
    """
    turned = is_vertical(side) == (reading == "along")
    sign = 1.0 if end == "after" else -1.0
    return _extending((sign * ALONG[side][0], sign * ALONG[side][1]), 90.0 if turned else 0.0)


def _extending(direction, rotation: float) -> dict:
    # anchor text on the edge facing away from ``direction`` (figure x, y), so it extends that way
    rotation = float(rotation) % 360
    phi = math.radians(rotation)
    ax_, ay_ = direction
    # the direction seen from the text's own (unrotated) frame
    dx = ax_ * math.cos(phi) + ay_ * math.sin(phi)
    dy = -ax_ * math.sin(phi) + ay_ * math.cos(phi)
    if abs(dx) >= abs(dy) - 1e-9:
        ha, va = ("left" if dx > 0 else "right"), "center"
    else:
        ha, va = "center", ("bottom" if dy > 0 else "top")
    return {"rotation": rotation, "rotation_mode": "anchor", "ha": ha, "va": va}


def anchored_box(width: float, height: float, side: str, align: dict) -> tuple[float, float, float, float]:
    """Where a text box reaches relative to its anchor, for a side.

    ``align`` holds ``rotation``, ``ha`` and ``va`` (``rotation_mode="anchor"``).
    Returns ``(away_min, away_max, along_min, along_max)`` in inches: the
    extremes of the rotated box projected on the away-from-core direction and
    on the along-the-leaves direction.
    """
    phi = math.radians(align["rotation"])
    c, s = math.cos(phi), math.sin(phi)
    x0 = _HA[align["ha"]] * width
    y0 = _VA[align["va"]] * height
    corners = np.array([[x0, y0], [x0 + width, y0], [x0, y0 + height], [x0 + width, y0 + height]])
    rot = np.column_stack([corners[:, 0] * c - corners[:, 1] * s, corners[:, 0] * s + corners[:, 1] * c])
    away = rot @ np.array(AWAY[side])
    along = rot @ np.array(ALONG[side])
    return float(away.min()), float(away.max()), float(along.min()), float(along.max())
