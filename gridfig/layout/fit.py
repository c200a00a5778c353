"""The fixed point of measuring and solving, written once: the first render and every re-solve use it.

Panels may fit their content to the length of their core (labels thinned to
fit), and the core's length depends on what the panels measure. So: measure
with a guess, solve, measure again with the lengths the solution gave, and
repeat until the measurements settle (at most three passes).
"""

from __future__ import annotations

import attrs

from ..errors import LayoutError
from ..panels.base import Theme
from ..panels.legend import Legends
from .measure import TextMeasurer, measure
from .planning import Plan, plan
from .solver import solve

DEFAULT_MARGIN = "2mm"


#: ``Extent.info`` of a panel left out for want of room: its Axes stays empty.
DROPPED = "gridfig: left out for want of room"
#: The least width and height (inches) of a data core when a layout adapts as far as it can.
MIN_CORE = 0.5
#: Until then a data core keeps this much per row and column (inches) ...
MIN_CELL = 0.1
#: ... but no more than this in all, and never less than :data:`MIN_CORE`.
MIN_BODY = 1.5
#: Legend text is set this much smaller (never below :data:`MIN_LEGEND_FONT` points) when adapting.
LEGEND_SHRINK = 0.8
MIN_LEGEND_FONT = 6.0
#: Legend blocks that are the key to the body's values: kept after every other block is left out.
KEY_KINDS = ("scale", "sizes")
#: What each level of adapting does, in order (see :func:`squeeze`); each also does what those before it do.
LEVELS = ("", "shortened", "stacked the legends", "set the legends smaller", "left out the labels beside",
          "left out the labels above and below", "left out the labels", "left out the end names",
          "let the bodies shrink", "left out the category legends", "left out the legend areas")
(SHORTEN_LEVEL, STACK_LEVEL, SMALLER_LEVEL, LABELS_LEVEL, _, _, NAMES_LEVEL, BODY_LEVEL, CATEGORIES_LEVEL,
 AREAS_LEVEL) = range(1, len(LEVELS))
#: At :data:`LABELS_LEVEL` and the two after it, the sides whose labels are left out: those beside
#: the core (which take width), else those above and below (height), else all.
LABEL_SIDES = (("left", "right"), ("top", "bottom"), ("left", "right", "top", "bottom"))


def left_out(rank: int | None, side: str, level: int) -> bool:
    """Whether a panel of ``drop_rank`` ``rank`` on ``side`` is left out at ``level``: labels (2) and
    lower with the labels, legend areas (3) and higher very last."""
    if rank is None:
        return False
    if rank >= 3:
        return level >= AREAS_LEVEL
    if level < LABELS_LEVEL:
        return False
    return side in LABEL_SIDES[min(level - LABELS_LEVEL, len(LABEL_SIDES) - 1)]


def body_least(n: int | None, level: int) -> float:
    """The least length of a data core showing ``n`` rows (or columns) at adapting level ``level``."""
    if level >= BODY_LEVEL or n is None:
        return MIN_CORE
    return min(max(n * MIN_CELL, MIN_CORE), MIN_BODY)


def squeeze(planned: Plan, extents: dict, level: int) -> dict:
    """Extents adapted to a region too small for everything, ``level`` steps far.

    A data core keeps at least :data:`MIN_CELL` per row and column (between
    :data:`MIN_CORE` and :data:`MIN_BODY` in all) until level 8, then
    :data:`MIN_CORE`. Level 1 shortens panels that have a ``min_size``
    (dendrograms) to it; levels 2, 3 and 9 change how legend areas are
    measured (:func:`legend_panels`); levels 4-6 leave out panels of
    ``drop_rank`` 2 or less (labels: beside the core, else above and below,
    else all, see :func:`left_out`); level 7 the names written past the
    leaves' ends (strip names); level 8 lets the bodies shrink; level 10
    leaves out panels of higher rank (legend areas, the colour scale with
    them). Labels are thinned to fit at every level anyway.
    """
    out = dict(extents)
    for placed in planned.panels.values():
        if placed.side == "center":
            # the body is what the figure is for: it keeps a readable least size while the rest gives way
            ext = extents.get(placed.path)
            rows, cols = placed.panel.shape
            if ext is not None and (rows is not None or cols is not None):
                least = (body_least(cols, level), body_least(rows, level))
                out[placed.path] = attrs.evolve(ext, minimum=tuple(max(m, k) for m, k in zip(ext.minimum, least)))
            continue
        if level <= 0:
            continue
        panel, ext = placed.panel, extents.get(placed.path)
        if ext is None:
            continue
        gone = left_out(panel.drop_rank, placed.side, level)
        if level >= CATEGORIES_LEVEL and isinstance(panel, Legends) \
                and not any(b.kind in KEY_KINDS for b in panel.blocks or ()):
            gone = True  # nothing of it is kept: it goes with the category legends
        if gone:
            out[placed.path] = attrs.evolve(ext, thickness=0.0, before=0.0, after=0.0, info=DROPPED, note=None)
            continue
        if panel.min_size is not None and ext.thickness > panel.min_size:
            ext = out[placed.path] = attrs.evolve(ext, thickness=panel.min_size)
        if level >= NAMES_LEVEL and ext.ends_move and (ext.before or ext.after):
            # names written past the ends (a strip's) are labels too
            out[placed.path] = attrs.evolve(ext, before=0.0, after=0.0, ends_left_out=True)
    return out


def legend_panels(planned: Plan, extents: dict, level: int, theme: Theme) -> dict:
    """Legend areas as measured at adapting level ``level``: path -> the panel measured in its place.

    From level 2 a legend area's blocks may run past the core's end into the
    room the stack across that end takes anyway, before wrapping into further
    columns; from level 3 its text is :data:`LEGEND_SHRINK` as large; from
    level 9 it keeps only its :data:`KEY_KINDS` blocks (the colour scale).
    ``extents`` are this level's squeezed extents (the free room is measured from them).
    """
    if level < STACK_LEVEL:
        return {}
    font = theme.resolved().fontsize
    out = {}
    for placed in planned.panels.values():
        panel = placed.panel
        if not isinstance(panel, Legends) or placed.side == "center":
            continue
        across = placed.side in ("left", "right")
        changes = {}
        if (panel.flow == "down" if panel.flow else across) == across:
            changes["overhang"] = max(panel.overhang, _free_past_end(planned, extents, placed))
        if level >= SMALLER_LEVEL:
            size = panel.fontsize or font
            changes["fontsize"] = min(size, max(MIN_LEGEND_FONT, size * LEGEND_SHRINK))
        if level >= CATEGORIES_LEVEL:
            changes["blocks"] = tuple(b for b in panel.blocks or () if b.kind in KEY_KINDS)
        out[placed.path] = attrs.evolve(panel, **changes)
    return out


def _free_past_end(planned: Plan, extents: dict, placed) -> float:
    """The room past the core's end (below it for the left and right, right of it above and below)
    that the stack across that end takes anyway: a side panel reaching that far costs nothing."""
    cp = planned.crosses[placed.node]
    end = "bottom" if placed.side in ("left", "right") else "right"
    core = extents.get(cp.core.path)
    pad = 0.0 if core is None else core.pad[3 if end == "bottom" else 1]
    return pad + sum(cp.node.gap + max(0.0, getattr(extents.get(q.path), "thickness", 0.0))
                     for q in cp.sides[end])


def solve_measured(tree, region, *, dpi: float, theme: Theme, margin=DEFAULT_MARGIN,
                   letters=None, text: TextMeasurer | None = None, natural=None, stretch: bool = False,
                   adapt: bool = False, said: set | None = None):
    """Measure and solve until the measured sizes settle (at most three passes).

    Panels may fit their content to the length of their core (labels thinned
    to fit); the first pass measures without it, later passes with the
    length the previous solution gave.

    With ``adapt=True``, a region too small for everything is filled in
    steps (:data:`LEVELS`: dendrograms shortened, legends stacked past the
    body's end and set smaller, labels and strip names left out, the bodies
    let shrink, then category legends and last the legend areas with the
    colour scale left out), each step named in one
    :class:`~gridfig.GridfigWarning`. A region too small even then raises a
    :class:`LayoutError` that says what size would fit. ``stretch`` is
    passed to :func:`~gridfig.layout.solve`. ``said`` (a set kept per drawn
    layout) holds the adaptations already warned about, so re-solving at
    each new size or dpi says each one once.

    ``tree`` is a :class:`~gridfig.layout.planning.Plan` (a Node is planned first).
    Returns ``(solution, extents)``.
    """
    tree = plan(tree)
    text = text or TextMeasurer(dpi)
    kwargs = dict(dpi=dpi, theme=theme, margin=margin, letters=letters, text=text, natural=natural,
                  stretch=stretch)
    first = None
    for level in range(len(LEVELS) if adapt else 1):
        try:
            solution, extents = _settle(tree, region, level=level, **kwargs)
        except LayoutError as err:
            first = first or err
            continue
        if level:
            rest = {k: v for k, v in kwargs.items() if k != "natural"}
            _say_adapted(tree, extents, level, region, said, rest)
        return solution, extents
    if region is None or None in region or natural is not None:
        raise first
    rest = {k: v for k, v in kwargs.items() if k != "natural"}
    raise LayoutError(_advice(first, tree, region, level=len(LEVELS) - 1 if adapt else 0, **rest)) from None


def _say_adapted(planned: Plan, extents: dict, level: int, region, said: set | None = None,
                 kwargs: dict | None = None) -> None:
    from ..errors import GridfigWarning, warn

    short = [p for p, pl in planned.panels.items() if pl.panel.min_size is not None
             and extents.get(p) is not None and extents[p].info is not DROPPED]
    dropped = [p for p, e in extents.items() if e.info is DROPPED]
    areas = [p for p in dropped if isinstance(planned.panels[p].panel, Legends)]
    steps, key = [], []
    if short:
        steps.append(f"shortened {', '.join(short)} to their least depth")
    kept = {p: pl.panel for p, pl in planned.panels.items()
            if isinstance(pl.panel, Legends) and pl.side != "center" and p not in dropped}
    if kept and level >= SMALLER_LEVEL:
        smaller = legend_panels(planned, extents, level, theme=(kwargs or {}).get("theme") or Theme())
        sizes = {p: smaller[p].fontsize for p in kept if smaller[p].fontsize != (kept[p].fontsize or 0)}
        if sizes:
            steps.append(f"set {', '.join(sizes)} in {min(sizes.values()):g} pt type")
    if kept and level >= CATEGORIES_LEVEL:
        cut = [p for p, panel in kept.items() if any(b.kind not in KEY_KINDS for b in panel.blocks or ())]
        if cut:
            steps.append(f"left out the category legends of {', '.join(cut)} (the colour scale kept)")
    if [p for p in dropped if p not in areas]:
        steps.append(f"left out {', '.join(p for p in dropped if p not in areas)}")
    names = [p for p, e in extents.items() if e.ends_left_out]
    if names:
        steps.append(f"left out the names of {', '.join(names)}")
    if level >= BODY_LEVEL:
        steps.append(f"let the heatmap bodies shrink below {MIN_CELL:g} in a row or column (to {MIN_CORE:g} in)")
    key = list(steps)
    if areas:
        scale = [p for p in areas if any(b.kind in KEY_KINDS for b in planned.panels[p].panel.blocks or ())]
        what = f"left out {', '.join(areas)}" + (", the colour scale with it: no colour key is drawn" if scale else "")
        key.append(what)
    if said is not None:  # before the advice below: finding the sizes that would fit solves twice more
        if tuple(key) in said:
            return
        said.add(tuple(key))
    if areas:
        need = _least_sizes(planned, region, level=AREAS_LEVEL - 1, **kwargs) if kwargs and region else []
        fits = " and ".join(f"a {w} of at least {v:.1f} in" for w, v in need) or "a larger region"
        steps.append(f"{what} ({fits} would keep {'the colour scale' if scale else 'them'})")
    size = f"{region[0]:.2f} x {region[1]:.2f} in"
    warn(f"the region ({size}) is too small for everything: {'; '.join(steps)}; "
         f"a larger region or smaller fonts show it all", GridfigWarning)


def _least_sizes(tree, region, *, level: int, **kwargs) -> list:
    """``(what, inches)`` for each dimension of ``region`` too small for the layout at ``level``,
    the other dimension as given and the cores at their least."""
    fits = []
    for axis, what in ((0, "width"), (1, "height")):
        free = tuple(None if i == axis else v for i, v in enumerate(region))
        try:
            sol, _ = _settle(tree, free, natural=0.0, level=level, **kwargs)
        except LayoutError:
            continue
        least = sol.figsize[axis]
        if least > region[axis] - 1e-9:
            fits.append((what, least + 0.05))
    return fits


def _advice(err, tree, region, *, level: int, **kwargs) -> str:
    """The error, with the size that fits: each too-small dimension derived, cores at their least."""
    first = str(err).split(";")[0]
    fits = [f"{what} of at least {least + 0.45:.1f} in" for what, least in
            _least_sizes(tree, region, level=level, **kwargs)]
    if not fits:
        return f"{first}; the figure is too small in both directions for its side panels, labels and gaps"
    return (f"{first}; with the other side as given, side panels, labels, gaps and margins need a "
            f"{' and a '.join(fits)} (that leaves 0.5 in for the cores)")


def _settle(tree: Plan, region, *, dpi, theme, margin, letters, text, natural, stretch=False, level=0):
    natural = {} if natural is None else {"natural": natural}
    natural["stretch"] = stretch
    # first guess of each core's length: its fixed size, else the whole region where that is known
    guess = {}
    for p, cp in tree.crosses.items():
        w, h = cp.node.width, cp.node.height
        if w is None and region is not None:
            w = region[0]
        if h is None and region is not None:
            h = region[1]
        if w is not None and h is not None:
            guess[p] = (w, h)

    def measured(along):
        extents = squeeze(tree, measure(tree, dpi=dpi, theme=theme, text=text, along=along), level)
        swap = legend_panels(tree, extents, level, theme)
        if swap:  # legend areas measured as this level sets them (the room past the end, smaller text)
            extents = squeeze(tree, measure(tree, dpi=dpi, theme=theme, text=text, along=along, panels=swap),
                              level)
        return extents

    extents = measured(guess or None)
    solution = solve(tree, region, extents, margin=margin, letters=letters, **natural)
    for _ in range(2):
        again = measured({p: (r.width, r.height) for p, r in solution.cores.items()})
        settled = again == extents
        extents = again  # what is drawn is always what was measured last (which labels, where)
        if settled:
            break
        solution = solve(tree, region, extents, margin=margin, letters=letters, **natural)
    return solution, extents
