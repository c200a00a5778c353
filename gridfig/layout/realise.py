"""Realisation: the solved tree becomes nested GridSpecs, one Axes per panel.

Every container (the root region, each Row, Column and Cross) becomes one
``GridSpecFromSubplotSpec`` whose tracks are the distinct edges of its
children's solved rectangles, in inches, with ``wspace = hspace = 0``. Gaps
are explicit empty tracks, so GridSpec's spacing rule (a fraction of the mean
cell size, different across and down) never applies and every gap is exactly
the length asked for. The root grid is pinned at left/right/top/bottom, so
rcParams cannot leak in.

The host figure is never resized, no layout engine is set, and no axes are
moved after they are created.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from ..errors import InputError, InputTypeError, LayoutError
from ..output import save_reproducibly
from ..panels.base import Panel, Theme
from ..units import to_inches
from .decorate import draw_debug, draw_letters, letter_space, outside, with_legend_area
from .engine import Job, draw_all, engine_for
from .measure import TextMeasurer, measure
from .solver import Rect, Solution, solve
from .tree import Cross, Node, as_node, join, lettered, walk

DEFAULT_MARGIN = "2mm"
LEGEND_GAP = "4mm"


@attrs.define
class Rendered:
    """The result of :func:`render`.

    Attributes
    ----------
    figure : Figure
        The figure drawn into (the host's root figure when embedding).
    axes : dict
        Panel path -> Axes.
    solution : Solution
        The solved rectangles, in inches relative to the region drawn into.
    layout : Node
        The tree that was drawn.
    origin : (float, float)
        The region's bottom-left corner in figure inches.
    job : Job
        What the figure's layout engine keeps to solve again when the figure
        is drawn at another dpi or size.
    """

    figure: Any
    axes: dict
    layout: Node
    job: Any = attrs.field(repr=False)
    #: Where the user's tree sits inside the drawn one ("" unless a legend area was added).
    inner: str = ""

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


def _host(target, figsize, dpi):
    """Work out the figure, the region's size in inches and how to grid it."""
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure
    from matplotlib.gridspec import SubplotSpec

    if target is None:
        return None, figsize, None
    if figsize is not None:
        raise InputError("figsize: cannot be given when drawing into an existing figure, "
                         "subfigure, subplot spec or Axes; the region's size is used")
    if isinstance(target, Axes):
        fig = target.get_figure(root=False)
        _check_engine(fig.get_figure(root=True))  # before anything is removed
        ss = target.get_subplotspec()
        if ss is not None:
            target.remove()
            target = ss
        else:
            box = target.get_position()
            target.remove()
            root = fig.get_figure(root=True)
            W, H = fig.bbox.width / root.dpi, fig.bbox.height / root.dpi
            return fig, (box.width * W, box.height * H), ("box", box)
    if isinstance(target, SubplotSpec):
        fig = target.get_gridspec().figure
        root = fig.get_figure(root=True) if isinstance(fig, SubFigure) else fig
        _check_engine(root)
        # positions are fractions of the (sub)figure the grid belongs to
        box = target.get_position(fig)
        W, H = fig.bbox.width / root.dpi, fig.bbox.height / root.dpi
        return fig, (box.width * W, box.height * H), ("spec", target)
    if isinstance(target, SubFigure):
        root = target.get_figure(root=True)
        _check_engine(root)
        dpi = root.dpi
        return target, (target.bbox.width / dpi, target.bbox.height / dpi), ("whole", None)
    if isinstance(target, Figure):
        _check_engine(target)
        return target, tuple(target.get_size_inches()), ("whole", None)
    raise InputTypeError(
        f"ax: expected an Axes, SubplotSpec, SubFigure or Figure to draw into, got {type(target).__name__}"
    )


def _check_engine(fig):
    from .engine import GridfigEngine

    engine = fig.get_layout_engine()
    if engine is not None and not isinstance(engine, GridfigEngine) \
            and type(engine).__name__ != "PlaceHolderLayoutEngine":
        raise InputError(
            f"the host figure uses the {type(engine).__name__}, which would move gridfig's axes "
            "after layout; create it with layout='none' (e.g. plt.subplots(..., layout='none'))"
        )


def _edges(values) -> np.ndarray:
    vals = np.sort(np.asarray(values, dtype=float))
    keep = np.concatenate([[True], np.diff(vals) > 1e-9])
    return vals[keep]


def _index(edges: np.ndarray, value: float) -> int:
    return int(np.argmin(np.abs(edges - value)))


class _Builder:
    """Turns a solution into nested GridSpecs and Axes, and updates them when it changes."""

    def __init__(self, fig, solution: Solution):
        self.fig = fig
        self.solution = solution
        self.axes: dict = {}
        # (gridspec, function solution -> (region, items)) for every container
        self.grids: list = []

    @staticmethod
    def _tracks(region: Rect, items):
        xs = _edges([region.x, region.right] + [v for _, r, _ in items for v in (r.x, r.right)])
        ys = _edges([region.y, region.top] + [v for _, r, _ in items for v in (r.y, r.top)])[::-1]
        return xs, ys

    def grid(self, cell, layout):
        from matplotlib.gridspec import GridSpecFromSubplotSpec

        region, items = layout(self.solution)
        xs, ys = self._tracks(region, items)
        gs = GridSpecFromSubplotSpec(
            len(ys) - 1, len(xs) - 1, subplot_spec=cell, wspace=0, hspace=0,
            width_ratios=np.diff(xs), height_ratios=-np.diff(ys),
        )
        self.grids.append((gs, layout))
        for path, rect, obj in items:
            c0, c1 = _index(xs, rect.x), _index(xs, rect.right)
            r0, r1 = _index(ys, rect.top), _index(ys, rect.y)
            if c1 <= c0 or r1 <= r0:
                continue  # an empty panel (e.g. no labels to show) gets no Axes
            sub = gs[r0:r1, c0:c1]
            if isinstance(obj, Panel):
                self.axes[path] = self.fig.add_subplot(sub, label=path)
            else:
                self.grid(sub, _container(obj, path))

    def update(self, solution: Solution) -> None:
        """Move everything to a new solution of the same tree: new ratios, same Axes."""
        self.solution = solution
        same = True
        for gs, layout in self.grids:
            region, items = layout(solution)
            xs, ys = self._tracks(region, items)
            if (len(xs) - 1, len(ys) - 1) != (gs.ncols, gs.nrows):
                same = False
                continue
            gs.set_width_ratios(np.diff(xs))
            gs.set_height_ratios(-np.diff(ys))
        for path, ax in self.axes.items():
            if same:
                ax._set_position(ax.get_subplotspec().get_position(ax.figure))
            else:  # the track structure changed: place the Axes from the solution directly
                ax._set_position(self._fraction(ax, solution.panels[path]))

    def _fraction(self, ax, rect: Rect):
        from matplotlib.transforms import Bbox

        gs, layout = self.grids[0]
        root_region = gs.get_topmost_subplotspec().get_position(ax.figure)
        W, H = self.solution.figsize
        return Bbox.from_bounds(root_region.x0 + rect.x / W * root_region.width,
                                root_region.y0 + rect.y / H * root_region.height,
                                rect.width / W * root_region.width, rect.height / H * root_region.height)


def _container(node: Node, path: str):
    """A function giving a container's region and children (path, rect, object) in a solution."""
    def layout(sol: Solution):
        if isinstance(node, Cross):
            items = [(p, sol.panels[p], obj) for p, obj in walk(node, path)
                     if isinstance(obj, Panel) and p in sol.panels]
        else:
            items = [(join(path, nm), sol.nodes[join(path, nm)], child)
                     for nm, child in zip(node.child_names(), node.children())]
        return sol.nodes[path], items

    return layout


def _root(tree: Node):
    def layout(sol: Solution):
        W, H = sol.figsize
        return Rect(0.0, 0.0, W, H), ([("", sol.nodes[""], tree)] if not _is_leafless(tree) else [])

    return layout


def render(
    tree,
    *,
    figsize=None,
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

    tree = as_node(tree)
    theme = theme or Theme()
    user_tree, inner = tree, ""
    if legend is not None:
        tree, inner = with_legend_area(tree, legend, legend_gap)
    if figsize is not None:
        figsize = tuple(None if v is None else to_inches(v, "figsize") for v in figsize)
    fig, region, how = _host(ax, figsize, dpi)
    if fig is not None:
        dpi = fig.get_figure(root=True).dpi
    dpi = float(dpi or matplotlib.rcParams["figure.dpi"])
    text = TextMeasurer(dpi)
    units = lettered(tree) if letters else []
    space = letter_space(units, text, theme)
    solution, extents = solve_measured(tree, region, dpi=dpi, theme=theme, margin=margin,
                                       letters=space, text=text)
    W, H = solution.figsize
    if fig is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(W, H), dpi=dpi, layout="none")
        cell = fig.add_gridspec(1, 1, left=0, right=1, bottom=0, top=1, wspace=0, hspace=0)[0, 0]
    elif how[0] == "spec":
        cell = how[1]
    elif how[0] == "box":
        b = how[1]
        cell = fig.add_gridspec(1, 1, left=b.x0, right=b.x1, bottom=b.y0, top=b.y1,
                                wspace=0, hspace=0)[0, 0]
    else:
        cell = fig.add_gridspec(1, 1, left=0, right=1, bottom=0, top=1, wspace=0, hspace=0)[0, 0]
    builder = _Builder(fig, solution)
    builder.grid(cell, _root(tree))
    root = fig.get_figure(root=True)

    def origin():
        bbox = cell.get_position(fig)
        x0, y0 = fig.transSubfigure.transform((bbox.x0, bbox.y0))
        return (x0 / root.dpi, y0 / root.dpi)

    def region_now():
        bbox = cell.get_position(fig)
        w, h = fig.transSubfigure.transform((bbox.x1, bbox.y1)) - fig.transSubfigure.transform((bbox.x0, bbox.y0))
        return (w / root.dpi, h / root.dpi)

    def resolve_at(new_dpi, size):
        t = TextMeasurer(new_dpi)
        sp = letter_space(units, t, theme)
        sol, ext = solve_measured(tree, size, dpi=new_dpi, theme=theme, margin=margin, letters=sp, text=t)
        return sol, ext, sp

    try:
        draw_all(tree, builder.axes, solution, extents, theme)
    except BaseException:
        if ax is None:  # a figure we made and could not finish: do not leave it open in pyplot
            import matplotlib.pyplot as plt

            plt.close(root)
        raise
    letter_texts = draw_letters(root, units, solution, origin(), letters, theme, inner) if units else []
    if debug:
        draw_debug(root, solution, origin(), inner)
    job = Job(tree=tree, theme=theme, dpi=dpi, size=tuple(float(v) for v in region_now()), solve=resolve_at,
              region=region_now, solution=solution, extents=extents, builder=builder, letters=letter_texts,
              origin=origin)
    engine_for(root).jobs.append(job)
    return Rendered(figure=root, axes=_Paths(builder.axes, inner), layout=user_tree, job=job, inner=inner)


def _is_leafless(tree) -> bool:
    return not any(isinstance(obj, Panel) for _, obj in walk(tree))


def solve_measured(tree: Node, region, *, dpi: float, theme: Theme, margin=DEFAULT_MARGIN,
                   letters=None, text: TextMeasurer | None = None, natural=None):
    """Measure and solve until the measured sizes settle (at most three passes).

    Panels may fit their content to the length of their core (labels thinned
    to fit); the first pass measures without it, later passes with the
    length the previous solution gave. A figure too small for its content
    raises a :class:`LayoutError` that says what size would fit.
    """
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


def _settle(tree: Node, region, *, dpi, theme, margin, letters, text, natural):
    natural = {} if natural is None else {"natural": natural}
    # first guess of each core's length: the whole region where it is known
    guess = None
    if region is not None and None not in region:
        guess = {p: tuple(region) for p, node in walk(tree) if isinstance(node, Cross)}
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
