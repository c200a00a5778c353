"""Colormaps and deterministic category palettes."""

from __future__ import annotations

import colorsys
import difflib
import math

from ..errors import InputError, InputTypeError

#: Qualitative palettes tried in turn, so strips on one figure differ.
QUALITATIVE = ("tab10", "Set2", "Dark2", "Set1", "Accent", "Pastel1")


def get_cmap(cmap, name: str = "cmap"):
    """A matplotlib Colormap from a name or a Colormap, with a clear error."""
    import matplotlib
    from matplotlib.colors import Colormap

    if isinstance(cmap, Colormap):
        return cmap
    if not isinstance(cmap, str):
        raise InputTypeError(f"{name}: expected a colormap name or Colormap, got {type(cmap).__name__}")
    try:
        return matplotlib.colormaps[cmap]
    except KeyError:
        close = difflib.get_close_matches(cmap, list(matplotlib.colormaps), n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise InputError(f"{name}: unknown colormap {cmap!r}{hint}") from None


_LEVELS = ((0.50, 0.75), (0.30, 0.70), (0.72, 0.70), (0.40, 0.45), (0.82, 0.55))


def _spread(n: int) -> list[tuple[float, float, float]]:
    # Distinct colours for many categories: hues evenly spaced around the
    # wheel on a few lightness levels (3 up to 45 categories, then 5), each
    # level's hues shifted by half a step so neighbours differ in both. Two
    # colours on one level are at least 360/ceil(n/levels) degrees apart.
    levels = 3 if n <= 45 else len(_LEVELS)
    per = math.ceil(n / levels)
    out = []
    for i in range(n):
        level, k = divmod(i, per)
        hue = (k + 0.5 * (level % 2)) / per
        light, sat = _LEVELS[level]
        out.append(colorsys.hls_to_rgb(hue % 1.0, light, sat))
    return out


def palette(n: int, name: str | None = None) -> list:
    """``n`` distinct colours, the same every run.

    Up to the size of the named qualitative palette its colours are used
    (``tab10`` by default, ``tab20`` up to 20); beyond, evenly spread hues.
    Colours are never reused.
    """
    import matplotlib

    if name is None:
        name = "tab10" if n <= 10 else "tab20"
    cmap = get_cmap(name, "palette")
    size = getattr(cmap, "N", 256)
    if getattr(cmap, "colors", None) is not None and n <= size:
        return [tuple(c[:3]) if not isinstance(c, str) else matplotlib.colors.to_rgb(c)
                for c in list(cmap.colors)[:n]]
    if n <= 20 and name == "tab10":
        return palette(n, "tab20")
    if getattr(cmap, "colors", None) is None:
        return [tuple(cmap(i / max(n - 1, 1))[:3]) for i in range(n)]
    return _spread(n)
