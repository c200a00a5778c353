"""The fixed point of measuring and solving, written once: the first render and every re-solve use it.

Panels may fit their content to the length of their core (labels thinned to
fit), and the core's length depends on what the panels measure. So: measure
with a guess, solve, measure again with the lengths the solution gave, and
repeat until the measurements settle (at most three passes).
"""

from __future__ import annotations

from ..errors import LayoutError
from ..panels.base import Theme
from .measure import TextMeasurer, measure
from .planning import Plan, plan
from .solver import solve

DEFAULT_MARGIN = "2mm"


def solve_measured(tree, region, *, dpi: float, theme: Theme, margin=DEFAULT_MARGIN,
                   letters=None, text: TextMeasurer | None = None, natural=None):
    """Measure and solve until the measured sizes settle (at most three passes).

    Panels may fit their content to the length of their core (labels thinned
    to fit); the first pass measures without it, later passes with the
    length the previous solution gave. A figure too small for its content
    raises a :class:`LayoutError` that says what size would fit.

    ``tree`` is a :class:`~gridfig.layout.planning.Plan` (a Node is planned first).
    Returns ``(solution, extents)``.
    """
    tree = plan(tree)
    text = text or TextMeasurer(dpi)
    try:
        return _settle(tree, region, dpi=dpi, theme=theme, margin=margin, letters=letters, text=text,
                       natural=natural)
    except LayoutError as err:
        if region is None or None in region or natural is not None:
            raise
        raise LayoutError(_advice(err, tree, region, dpi=dpi, theme=theme, margin=margin,
                                  letters=letters, text=text)) from None


def _advice(err, tree, region, **kwargs) -> str:
    """The error, with the size that fits: each too-small dimension derived, cores at their least."""
    first = str(err).split(";")[0]
    fits = []
    for axis, what in ((0, "width"), (1, "height")):
        free = tuple(None if i == axis else v for i, v in enumerate(region))
        try:
            sol, _ = _settle(tree, free, natural=0.0, **kwargs)
        except LayoutError:
            continue
        least = sol.figsize[axis]
        if least > region[axis] - 1e-9:
            fits.append(f"{what} of at least {least + 0.5:.1f} in")
    if not fits:
        return f"{first}; the figure is too small in both directions for its side panels, labels and gaps"
    return (f"{first}; with the other side as given, side panels, labels, gaps and margins need a "
            f"{' and a '.join(fits)} (that leaves 0.5 in for the cores)")


def _settle(tree: Plan, region, *, dpi, theme, margin, letters, text, natural):
    natural = {} if natural is None else {"natural": natural}
    # first guess of each core's length: the whole region where it is known
    guess = None
    if region is not None and None not in region:
        guess = {p: tuple(region) for p in tree.crosses}
    extents = measure(tree, dpi=dpi, theme=theme, text=text, along=guess)
    solution = solve(tree, region, extents, margin=margin, letters=letters, **natural)
    for _ in range(2):
        along = {p: (r.width, r.height) for p, r in solution.cores.items()}
        again = measure(tree, dpi=dpi, theme=theme, along=along, text=text)
        settled = again == extents
        extents = again  # what is drawn is always what was measured last (which labels, where)
        if settled:
            break
        solution = solve(tree, region, extents, margin=margin, letters=letters, **natural)
    return solution, extents
