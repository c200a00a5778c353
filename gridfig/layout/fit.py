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
from .measure import TextMeasurer, measure
from .planning import Plan, plan
from .solver import solve

DEFAULT_MARGIN = "2mm"


#: ``Extent.info`` of a panel left out for want of room: its Axes stays empty.
DROPPED = "gridfig: left out for want of room"
#: The least width and height (inches) of a data core when a layout adapts to a small region.
MIN_CORE = 0.5
#: What each level of adapting does, in order (see :func:`squeeze`).
LEVELS = ("", "shortened", "left out the legends", "left out the labels", "left out the end names")
NAMES_LEVEL = 4


def squeeze(planned: Plan, extents: dict, level: int) -> dict:
    """Extents adapted to a region too small for everything, ``level`` steps far.

    At every level a data core keeps at least :data:`MIN_CORE` inches each way.
    Level 1 shortens panels that have a ``min_size`` (dendrograms) to it;
    level 2 also leaves out panels of ``drop_rank`` 1 (legend areas); level 3
    those of rank 2 (labels); level 4 the names written past the leaves'
    ends (strip names). Labels are thinned to fit at every level anyway.
    """
    if level <= 0:
        return extents
    out = dict(extents)
    for placed in planned.panels.values():
        if placed.side == "center":
            # the body is what the figure is for: it keeps a readable least size while the rest gives way
            ext = extents.get(placed.path)
            if ext is not None and any(n is not None for n in placed.panel.shape):
                out[placed.path] = attrs.evolve(ext, minimum=tuple(max(m, MIN_CORE) for m in ext.minimum))
            continue
        panel, ext = placed.panel, extents.get(placed.path)
        if ext is None:
            continue
        rank = panel.drop_rank
        if rank is not None and level >= 1 + rank:
            out[placed.path] = attrs.evolve(ext, thickness=0.0, before=0.0, after=0.0, info=DROPPED, note=None)
            continue
        if panel.min_size is not None and ext.thickness > panel.min_size:
            ext = out[placed.path] = attrs.evolve(ext, thickness=panel.min_size)
        if level >= NAMES_LEVEL and ext.ends_move and (ext.before or ext.after):
            # names written past the ends (a strip's) are labels too
            out[placed.path] = attrs.evolve(ext, before=0.0, after=0.0, ends_left_out=True)
    return out


def solve_measured(tree, region, *, dpi: float, theme: Theme, margin=DEFAULT_MARGIN,
                   letters=None, text: TextMeasurer | None = None, natural=None, stretch: bool = False,
                   adapt: bool = False, said: set | None = None):
    """Measure and solve until the measured sizes settle (at most three passes).

    Panels may fit their content to the length of their core (labels thinned
    to fit); the first pass measures without it, later passes with the
    length the previous solution gave.

    With ``adapt=True``, a region too small for everything is filled in
    steps (:data:`LEVELS`: dendrograms shortened, then legends, then labels
    left out), each step named in one :class:`~gridfig.GridfigWarning`. A
    region too small even then raises a :class:`LayoutError` that says what
    size would fit. ``stretch`` is passed to :func:`~gridfig.layout.solve`.
    ``said`` (a set kept per drawn layout) holds the adaptations already
    warned about, so re-solving at each new size or dpi says each one once.

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
            _say_adapted(tree, extents, level, region, said)
        return solution, extents
    if region is None or None in region or natural is not None:
        raise first
    rest = {k: v for k, v in kwargs.items() if k != "natural"}
    raise LayoutError(_advice(first, tree, region, level=len(LEVELS) - 1 if adapt else 0, **rest)) from None


def _say_adapted(planned: Plan, extents: dict, level: int, region, said: set | None = None) -> None:
    from ..errors import GridfigWarning, warn

    short = [p for p, pl in planned.panels.items() if pl.panel.min_size is not None
             and extents.get(p) is not None and extents[p].info is not DROPPED]
    dropped = [p for p, e in extents.items() if e.info is DROPPED]
    steps = []
    if short:
        steps.append(f"shortened {', '.join(short)} to their least depth")
    if dropped:
        steps.append(f"left out {', '.join(dropped)}")
    names = [p for p, e in extents.items() if e.ends_left_out]
    if names:
        steps.append(f"left out the names of {', '.join(names)}")
    if said is not None:
        if tuple(steps) in said:
            return
        said.add(tuple(steps))
    size = f"{region[0]:.2f} x {region[1]:.2f} in"
    warn(f"the region ({size}) is too small for everything: {'; '.join(steps)}; "
         f"a larger region or smaller fonts show it all", GridfigWarning)


def _advice(err, tree, region, *, level: int, **kwargs) -> str:
    """The error, with the size that fits: each too-small dimension derived, cores at their least."""
    first = str(err).split(";")[0]
    fits = []
    for axis, what in ((0, "width"), (1, "height")):
        free = tuple(None if i == axis else v for i, v in enumerate(region))
        try:
            sol, _ = _settle(tree, free, natural=0.0, level=level, **kwargs)
        except LayoutError:
            continue
        least = sol.figsize[axis]
        if least > region[axis] - 1e-9:
            fits.append(f"{what} of at least {least + 0.5:.1f} in")
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
    extents = squeeze(tree, measure(tree, dpi=dpi, theme=theme, text=text, along=guess or None), level)
    solution = solve(tree, region, extents, margin=margin, letters=letters, **natural)
    for _ in range(2):
        along = {p: (r.width, r.height) for p, r in solution.cores.items()}
        again = squeeze(tree, measure(tree, dpi=dpi, theme=theme, along=along, text=text), level)
        settled = again == extents
        extents = again  # what is drawn is always what was measured last (which labels, where)
        if settled:
            break
        solution = solve(tree, region, extents, margin=margin, letters=letters, **natural)
    return solution, extents
