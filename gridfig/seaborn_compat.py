"""seaborn's clustermap arguments that have no gridfig meaning of their own, mapped onto gridfig's.

seaborn sizes the margins of a clustermap as fractions of the figure
(``dendrogram_ratio``, ``colors_ratio``) and places the colour bar at a
figure-fraction rectangle (``cbar_pos``); gridfig's layout is in inches.
This module turns the fractions into lengths once, before the layout is
solved, and places a ``cbar_pos`` colour bar after it is drawn. It also
holds the small seaborn conventions the builder uses: pivoting a long
table, ``A-1`` labels of a MultiIndex, ``tree_kws``, and the refusal of
non-bool flags.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from .errors import InputError, InputTypeError

#: ``cbar_pos`` default: the colour scale in the measured legend area (seaborn has no such place).
LEGEND = "legend"


def flag(value, name: str) -> bool:
    """``value`` as a bool, refusing anything that is not one (a function is not ``True``)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    what = getattr(value, "__name__", None) if callable(value) else None
    shown = f"the function {what}" if what else f"{type(value).__name__} {value!r:.60}"
    hint = ""
    if name in ("row_cluster", "col_cluster"):
        hint = (f"; to cluster your own way, compute a linkage and pass it as "
                f"{name.split('_')[0]}_linkage=")
    raise InputTypeError(f"{name}: expected True or False, got {shown}{hint}")


def pivot(data, pivot_kws):
    """seaborn's ``pivot_kws``: ``data.pivot(**pivot_kws)`` of a long DataFrame, errors named."""
    if pivot_kws is None:
        return data
    import pandas as pd

    if not isinstance(pivot_kws, dict):
        raise InputTypeError(f"pivot_kws: expected a dict such as dict(index=..., columns=..., values=...), "
                             f"got {type(pivot_kws).__name__}")
    if not isinstance(data, pd.DataFrame):
        raise InputTypeError(f"pivot_kws: pivots a long DataFrame, but data is {type(data).__name__}")
    try:
        return data.pivot(**pivot_kws)
    except (KeyError, ValueError, TypeError) as err:
        raise InputError(f"pivot_kws: data.pivot(**{pivot_kws!r}) failed: {err}") from None


def tick_texts(index) -> list[str]:
    """Labels as seaborn writes them: a MultiIndex entry ``("A", 1)`` as ``"A-1"``."""
    import pandas as pd

    if isinstance(index, pd.MultiIndex):
        return ["-".join(str(v) for v in entry) for entry in index]
    return [str(v) for v in index]


def index_title(index) -> str | None:
    """The name of an index (a MultiIndex's names joined with ``-``), or ``None`` when it has none."""
    names = [n for n in getattr(index, "names", [None]) if n is not None]
    return "-".join(str(n) for n in names) or None


#: seaborn's tree_kws spellings -> the Dendrogram fields they set.
_TREE_ALIASES = {"color": "color", "colors": "color", "linewidth": "line_width", "linewidths": "line_width",
                 "lw": "line_width"}


def tree_style(tree_kws) -> dict:
    """``Dendrogram`` keywords from seaborn's ``tree_kws`` (``colors``, ``linewidths``, any LineCollection key)."""
    if tree_kws is None:
        return {}
    if not isinstance(tree_kws, dict):
        raise InputTypeError(f"tree_kws: expected a dict of LineCollection keywords, got {type(tree_kws).__name__}")
    from matplotlib.collections import LineCollection
    from matplotlib.colors import is_color_like

    out: dict[str, Any] = {}
    rest = {}
    for key, value in tree_kws.items():
        field = _TREE_ALIASES.get(key)
        if field == "color" and not is_color_like(value):
            raise InputError(f"tree_kws: {key}={value!r} is not a matplotlib colour")
        if field == "line_width" and not (isinstance(value, (int, float)) and value >= 0):
            raise InputError(f"tree_kws: {key}={value!r} is not a line width in points")
        if field is not None:
            out[field] = value
        else:
            rest[key] = value
    if rest:
        try:
            LineCollection([], **rest)  # unknown properties are named now, not when drawing
        except (AttributeError, TypeError, ValueError) as err:
            raise InputError(f"tree_kws: {err}") from None
        out["line_kws"] = rest
    return out


def _pair(value, name: str) -> tuple[float, float] | None:
    if value is None:
        return None
    pair = value if isinstance(value, (tuple, list)) else (value, value)
    if len(pair) != 2:
        raise InputError(f"{name}: expected a fraction or a (rows, columns) pair of fractions, got {value!r}")
    for v in pair:
        if isinstance(v, bool) or not isinstance(v, (int, float, np.number)) or not 0 <= v < 1:
            raise InputError(f"{name}: expected fractions from 0 to below 1, got {value!r}")
    return float(pair[0]), float(pair[1])


def check_ratios(dendrogram_ratio, colors_ratio, dendrogram_size, strip_size, defaults) -> tuple:
    """The two ratios as (rows, columns) pairs (or None), refusing them beside an explicit size."""
    out = _pair(dendrogram_ratio, "dendrogram_ratio"), _pair(colors_ratio, "colors_ratio")
    for ratio, size, name, size_name in ((out[0], dendrogram_size, "dendrogram_ratio", "dendrogram_size"),
                                         (out[1], strip_size, "colors_ratio", "strip_size")):
        if ratio is not None and size != defaults[size_name]:
            raise InputError(f"{name}: give either {name} (a fraction, as in seaborn) or {size_name} "
                             f"(a length), not both")
    return out


def apply_ratios(cross, dendrogram_ratio, colors_ratio, reference):
    """``cross`` with dendrograms and strips sized as fractions of ``reference`` = (width, height) inches.

    The row dendrogram and row strips take a fraction of the width, the
    column ones of the height, each strip ``colors_ratio`` (seaborn: the
    colours Axes is ``n * colors_ratio`` for n strips).
    """
    from .panels import AnnotationStrip, Dendrogram, GroupDendrogram

    if dendrogram_ratio is None and colors_ratio is None:
        return cross
    sides = {}
    for side, axis in (("left", 0), ("right", 0), ("top", 1), ("bottom", 1)):
        out = []
        for panel in getattr(cross, side):
            if dendrogram_ratio is not None and type(panel) is Dendrogram:
                panel = attrs.evolve(panel, size=dendrogram_ratio[axis] * reference[axis])
            elif dendrogram_ratio is not None and type(panel) is GroupDendrogram:
                panel = attrs.evolve(panel, size=dendrogram_ratio[axis] * reference[axis] / 2)
            elif colors_ratio is not None and isinstance(panel, AnnotationStrip):
                panel = attrs.evolve(panel, size=colors_ratio[axis] * reference[axis])
            out.append(panel)
        sides[side] = out
    return attrs.evolve(cross, **sides)


#: Square cells in a given region are this fraction of the largest that fit at the figure's dpi.
SLACK = 0.97


def _split_gaps(leaves) -> float:
    return (len(leaves.chunks) - 1) * leaves.gap if leaves is not None else 0.0


def square_cells(cross, region, *, dpi: float, theme):
    """``cross`` with its body fixed to square cells: the largest that fit ``region`` (or its content size).

    With a region, the layout is measured and solved with a flexible body to
    find the room the body gets; the cell edge is the smaller of the room per
    column and per row. A shorter body can make the rest need more room (a
    legend area wraps into more columns), so the square body is solved again
    and, while it does not fit, shrunk in 5 % steps; then by :data:`SLACK`.
    The body is centred in its room.
    """
    n_rows, n_cols = cross.shape
    gw, gh = _split_gaps(cross.cols), _split_gaps(cross.rows)

    def fixed(cell):
        return attrs.evolve(cross, width=cell * n_cols + gw, height=cell * n_rows + gh)

    if region is None:
        return fixed(min((cross.width - gw) / n_cols, (cross.height - gh) / n_rows))
    import warnings

    from .errors import LayoutError
    from .layout.fit import solve_measured

    resolved = theme.resolved()
    # measured as render measures: with the theme in force (its font reaches plain matplotlib text)
    with warnings.catch_warnings(), resolved.applied():
        warnings.simplefilter("ignore")  # anything worth saying is said when the square body is drawn
        core = solve_measured(attrs.evolve(cross, width=None, height=None), region, dpi=dpi, theme=resolved,
                              adapt=True)[0].cores[""]
        cell = min((core.width - gw) / n_cols, (core.height - gh) / n_rows)
        for _ in range(12):
            try:
                solve_measured(fixed(cell), region, dpi=dpi, theme=resolved)
                break
            except LayoutError:
                cell *= 0.95
    # text measures a little wider at some other dpis (hinting): leave slack so a save at another
    # dpi does not find the fixed body too large and shorten the dendrograms
    return fixed(cell * SLACK)


def check_cbar_pos(cbar_pos):
    """``cbar_pos``: :data:`LEGEND`, ``None`` or a (left, bottom, width, height) of figure fractions."""
    if cbar_pos is None or (isinstance(cbar_pos, str) and cbar_pos == LEGEND):
        return cbar_pos
    try:
        rect = tuple(float(v) for v in cbar_pos)
    except (TypeError, ValueError):
        rect = ()
    if len(rect) != 4 or not all(np.isfinite(rect)) or rect[2] <= 0 or rect[3] <= 0:
        raise InputError(f"cbar_pos: expected (left, bottom, width, height) as fractions of the figure, "
                         f"None (no colour bar) or {LEGEND!r}, got {cbar_pos!r}")
    return rect


def placed_cbar_kws(cbar_kws, cbar_label) -> dict:
    """``cbar_kws`` for a colour bar at ``cbar_pos``, checked before anything is drawn."""
    kws = dict(cbar_kws or {})
    kws.setdefault("label", cbar_label)
    if "length" in kws:
        raise InputError("cbar_kws: length sizes the bar in the legend area; with cbar_pos the bar fills "
                         "that rectangle: drop length")
    unknown = sorted(set(kws) - {"ticks", "format", "extend", "label", "orientation"})
    if unknown:
        raise InputError(f"cbar_kws: unknown keys {', '.join(map(repr, unknown))}; expected ticks, format, "
                         f"extend, label or orientation")
    if kws.get("orientation", "vertical") not in ("vertical", "horizontal"):
        raise InputError(f"cbar_kws orientation: expected 'vertical' or 'horizontal', got {kws['orientation']!r}")
    return kws


def placed_colorbar(rendered, heat, rect, kws: dict):
    """Draw ``heat``'s colour scale in a new Axes at ``rect`` (fractions of the region drawn into).

    The Axes is placed once, in figure fractions, outside the layout (as
    seaborn places it); the layout never moves it.
    """
    from .panels.legend import colorbar_in

    fig = rendered.figure
    W, H = fig.get_size_inches()
    (ox, oy), (rw, rh) = rendered.origin, rendered.job.region()
    left, bottom, width, height = rect
    cax = fig.add_axes(((ox + left * rw) / W, (oy + bottom * rh) / H, width * rw / W, height * rh / H),
                       label="colorbar")
    _say_overlaps(rendered, (left * rw, bottom * rh, width * rw, height * rh))
    theme = rendered.job.theme  # resolved: its font size and text colour are set
    colorbar_in(cax, cmap=heat.cell_cmap, norm=heat.norm, fontsize=theme.fontsize, color=theme.text_color,
                orientation=kws.get("orientation", "vertical"), ticks=kws.get("ticks"),
                format=kws.get("format"), extend=kws.get("extend"), label=kws.get("label"))
    return cax


def _say_overlaps(rendered, box) -> None:
    """Warn when the ``cbar_pos`` rectangle (inches in the region) covers panels of the layout."""
    from .errors import GridfigWarning, warn
    from .layout.decorate import outside

    x0, y0, w, h = box
    hit = []
    for path, r in rendered.solution.panels.items():
        dx = min(x0 + w, r.x + r.width) - max(x0, r.x)
        dy = min(y0 + h, r.y + r.height) - max(y0, r.y)
        if dx > 1e-6 and dy > 1e-6 and r.width > 0 and r.height > 0:
            hit.append(outside(path, rendered.inner))
    if hit:
        warn(f"cbar_pos: the colour bar covers {', '.join(hit)}; move it (seaborn's default corner is "
             f"free with dendrogram_ratio=0.2) or leave cbar_pos out to put it in the legend area",
             GridfigWarning)
