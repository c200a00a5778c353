"""Rendering: a layout tree drawn, as a list of named stages.

::

    plan (bind data)  ->  find the host  ->  measure + solve (fit.py)  ->  build GridSpecs and Axes
        ->  draw every Axes  ->  decorate (letters, debug)  ->  hand the figure's layout engine a Job

Each stage is its own module: :mod:`.plan`, :mod:`.host`, :mod:`.fit`,
:mod:`.build`, :mod:`.draw`, :mod:`.decorate`, :mod:`.engine`. The host
figure is never resized, and no Axes is moved after it is placed except by
the layout engine, when the figure is drawn at another dpi or size.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import attrs

from ..output import save_reproducibly
from ..panels.base import Theme
from ..units import FigSize, to_inches
from .build import Builder
from .decorate import draw_debug, draw_letters, letter_space, outside, with_legend_area
from .draw import draw_all
from .engine import Job, engine_for
from .fit import DEFAULT_MARGIN, solve_measured
from .host import find_host
from .measure import TextMeasurer
from .planning import Plan, plan
from .solver import Rect, Solution
from .tree import Node, as_node, join, lettered

_log = logging.getLogger("gridfig")

LEGEND_GAP = "4mm"


@attrs.define
class Rendered:
    """The result of :func:`render`.

    Attributes
    ----------
    figure : Figure
        The figure drawn into (the host's root figure when embedding).
    axes : dict
        Axes path -> Axes: a panel's path, or with ``[i]`` / ``[i,j]`` for
        each group of a split axis.
    solution : Solution
        The solved rectangles, in inches relative to the region drawn into.
    layout : Node
        The tree that was drawn.
    plan : Plan
        The planned tree: each node's leaves and the panels as bound.
    origin : (float, float)
        The region's bottom-left corner in figure inches.
    job : Job
        What the figure's layout engine keeps to solve again when the figure
        is drawn at another dpi or size.
    inner : str
        Where the user's tree sits inside the drawn one: ``""`` unless
        ``render(legend=...)`` added a legend area around it.
    """

    figure: Any
    axes: dict
    layout: Node
    job: Any = attrs.field(repr=False)
    #: Where the user's tree sits inside the drawn one ("" unless a legend area was added).
    inner: str = ""

    @property
    def plan(self) -> Plan:
        return self.job.plan

    @property
    def solution(self) -> Solution:
        """The solution the axes are at now (solved again if drawn at another dpi or size)."""
        return self.job.solution

    @property
    def extents(self) -> dict:
        return self.job.extents

    @property
    def origin(self) -> tuple:
        return self.job.origin()

    def savefig(self, fname, **kwargs):
        """Save the figure (``Figure.savefig``); the size is never changed.

        Output is reproducible: the same figure saved twice gives the same
        bytes (SVG ids use a fixed hash salt; SVG and PDF carry no date),
        unless you pass your own ``metadata`` or set ``svg.hashsalt``.

        ``bbox_inches="tight"`` would crop or grow the page to the drawn
        content and so change the size you asked for; gridfig keeps every
        label and legend inside the figure, so it is never needed.
        """
        return save_reproducibly(self.figure, fname, **kwargs)

    def region(self, path: str) -> Rect:
        """The room node ``path`` was given (its panels plus alignment padding), in figure inches."""
        r = self.solution.regions[_inside(path, self.inner)]
        return Rect(r.x + self.origin[0], r.y + self.origin[1], r.width, r.height)

    def leaves(self, path: str = "") -> tuple:
        """``(rows, cols)``: the :class:`~gridfig.Leaves` the Cross at ``path`` (of your tree) was drawn with."""
        cp = self.plan.crosses[_inside(path, self.inner)]
        return cp.rows, cp.cols

    def rect(self, path: str) -> Rect:
        """The solved rectangle of ``path`` (a panel or node of your tree, or ``"legend"``) in figure inches."""
        r = self.solution[_inside(path, self.inner)]
        return Rect(r.x + self.origin[0], r.y + self.origin[1], r.width, r.height)


def _inside(path: str, inner: str) -> str:
    """The drawn tree's path of a path of the user's tree (or of the added legend area)."""
    if not inner or path == "legend" or path.startswith("legend/"):
        return path
    return join(inner, path) if path else inner


class _Paths(dict):
    """The axes mapping, keyed by the paths of the user's tree (and ``"legend"``)."""

    def __init__(self, axes: dict, inner: str):
        super().__init__({outside(p, inner): ax for p, ax in axes.items()})


def render(
    tree,
    *,
    figsize: FigSize | None = None,
    ax=None,
    dpi: float | None = None,
    theme: Theme | None = None,
    margin=DEFAULT_MARGIN,
    letters: str | None = None,
    legend: str | None = None,
    legend_gap=LEGEND_GAP,
    debug: bool = False,
) -> Rendered:
    """Solve, realise and draw a layout tree.

    Parameters
    ----------
    tree : Node or Panel
    figsize : (width, height), optional
        Size of a new figure in inches (numbers or length strings); either
        may be ``None`` to derive it from the content. Not allowed with ``ax``.
    ax : Axes, SubplotSpec, SubFigure or Figure, optional
        Draw into this region of an existing figure instead of a new one. An
        Axes is removed and its place used. The host is never resized.
    dpi : float, optional
        Resolution of a new figure (default: ``rcParams["figure.dpi"]``).
    theme : Theme, optional
    margin : length
        Empty border inside the region, the same on all four sides.
    letters : str, optional
        Letter the panels: ``"a"``, ``"A"``, ``"(a)"``, ``"a)"`` ... give the
        style (the letter in it is replaced). Letters go in reading order
        (top to bottom, then left to right) at the top-left of each lettered
        node's region, on one line across a row. See :func:`lettered`.
    legend : {"right", "left", "bottom", "top"}, optional
        Collect every panel's legends (colour scales, categories; duplicates
        shown once) into one measured legend area on that side of the figure.
    legend_gap : length
        Space between the figure's content and the collected legend area.
    debug : bool
        Outline every solved panel (red) and node region (blue, dashed) with
        its path: what the solver decided, drawn over the figure.

    Returns
    -------
    Rendered
    """
    import matplotlib

    from .. import validate

    tree = as_node(tree)
    # everything that can be checked is checked before a figure is made or a host touched
    theme = (validate.of_type(theme, Theme, "theme", "a gridfig.Theme") or Theme()).resolved()
    figsize = validate.figsize(figsize)
    dpi = validate.dpi(dpi)
    validate.of_type(letters, str, "letters", "a style such as 'a', 'A' or '(a)'")
    if letters is not None:
        from .decorate import letter_text

        letter_text(letters, 0)  # a style with no letter in it is refused here
    to_inches(margin, "margin")
    user_tree, inner = tree, ""
    planned = plan(tree)
    if legend is not None:
        tree, inner = with_legend_area(planned, legend, legend_gap)
        if inner:
            planned = plan(tree)
    host = find_host(ax, figsize)
    if host.fig is not None:
        dpi = host.root.dpi
    dpi = float(dpi or matplotlib.rcParams["figure.dpi"])
    # the theme is in force while measuring and drawing, so plain matplotlib text (Plot panels,
    # value axes) has its font and colour too
    started = time.perf_counter()
    _log.info("laying out %d panels at %g dpi ...", len(planned.panels), dpi)
    with theme.applied():
        text = TextMeasurer(dpi)
        units = lettered(tree) if letters else []
        space = letter_space(units, text, theme)
        derived = host.size is None or None in host.size
        said: set = set()  # adaptations warned about: each once per drawn layout, whatever re-solves follow
        region = host.size
        wanted = host.room(dpi) if host.fig is not None else None  # titles the (sub)figure already has
        if wanted is not None:
            (x0, y0, x1, y1), _ = wanted
            region = (region[0] * (x1 - x0), region[1] * (y1 - y0))
        solution, extents = solve_measured(planned, region, dpi=dpi, theme=theme, margin=margin,
                                           letters=space, text=text, adapt=not derived, said=said)
        notes = [e.note for e in extents.values() if e.note]
        if notes:
            from ..errors import GridfigWarning, warn

            warn("; ".join(notes), GridfigWarning)
        new_figure = host.fig is None
        if new_figure:
            import matplotlib.pyplot as plt

            W, H = solution.figsize
            cell = host.claim(plt.figure(figsize=(W, H), dpi=dpi, layout="none"))
        else:
            cell = host.claim()
            host.take_room(wanted)
        builder = Builder(host.fig, solution)
        builder.build(cell)
        root = host.root
        try:
            draw_all(planned, builder.axes, solution, extents, theme)
        except BaseException:
            if new_figure:  # a figure we made and could not finish: do not leave it open in pyplot
                import matplotlib.pyplot as plt

                plt.close(root)
            else:  # a host figure is put back as it was: our Axes out, the user's Axes back in
                host.restore(builder.axes.values())
            raise
        host.finish()
        letter_texts = draw_letters(root, units, solution, host.origin(), letters, theme, inner) if units else []
        if debug:
            draw_debug(root, solution, host.origin(), inner)
    _log.info("laid out and drawn in %.2f s (figure %.2f x %.2f in)", time.perf_counter() - started,
              *root.get_size_inches())

    def resolve_at(new_dpi, size, *, stretch=False, adapt=False):
        t = TextMeasurer(new_dpi)  # called by the engine with the theme in force
        sp = letter_space(units, t, theme)
        sol, ext = solve_measured(planned, size, dpi=new_dpi, theme=theme, margin=margin, letters=sp, text=t,
                                  stretch=stretch, adapt=adapt, said=said)
        return sol, ext, sp

    job = Job(plan=planned, theme=theme, dpi=dpi, size=tuple(float(v) for v in host.region()),
              solve=resolve_at, region=host.region, solution=solution, extents=extents, builder=builder,
              letters=letter_texts, origin=host.origin, derived=derived,
              host=host if host.owns_whole else None)
    engine_for(root).jobs.append(job)
    return Rendered(figure=root, axes=_Paths(builder.axes, inner), layout=user_tree, job=job, inner=inner)
