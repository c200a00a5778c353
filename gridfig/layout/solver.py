"""The solver: a pure function from a layout tree to rectangles in inches.

``solve(tree, figsize, extents)`` creates no Figure and no Axes. It works one
axis at a time in two passes:

1. *Span* (bottom-up). Every node reports, along the axis, a fixed ``lead``
   (what sits before its core: the left or top side stack and its gaps), a
   core :class:`~gridfig.layout.tracks.Track` (fixed or flexible), and a fixed
   ``trail``. A Row adds its children's spans along x and takes the largest
   lead and trail across y, which is what makes sibling cores line up.
2. *Place* (top-down). The root's core gets the space the figure leaves after
   margins, lead and trail; each container splits its core among its
   children with :func:`~gridfig.layout.tracks.resolve`; each Cross stacks its
   side panels outward from its core, ``gap`` apart.

::

    x:  margin | lead (left stack + gaps) | core (flexible or fixed) | trail | margin

A core whose rows or columns are split into groups is one track per group
with a fixed gap track between them (the groups share the core's length by
leaf count, so every cell has the same size).

The solution carries, for the figure and for every node, the :class:`Grid`
of tracks the node is cut into -- every track kept, even at length 0, so the
structure is the same whatever the size -- and which tracks each child or
Axes spans. Realisation turns each grid into one GridSpec as it is::

    Cross, along x:  pad | left[k] gap ... left[0] gap | core pad | group 0 gap group 1 ... |
                     core pad | gap right[0] ... gap right[k] | pad
    Row, along x:    child 0 region | gap | child 1 region | ...

Everything is inches; y is measured from the top while solving and turned
into matplotlib's bottom-up convention in the :class:`Rect` results.
"""

from __future__ import annotations

from typing import Mapping

import attrs
import numpy as np

from ..errors import LayoutError
from ..panels.base import Extent
from ..units import to_inches
from .planning import CrossPlan, Plan, plan
from .tracks import Track, resolve
from .tree import Column, Cross, Node, Row, join, walk

X, Y = 0, 1
#: Core length (inches per unit of weight) when the figure size is not given.
DEFAULT_CORE = 4.0


@attrs.frozen
class Rect:
    """A rectangle in inches, ``x``/``y`` from the figure's bottom-left corner.

    Parameters
    ----------
    x, y : float
        The bottom-left corner, in inches from the figure's (or region's) bottom-left corner.
    width, height : float
        The size in inches.
    """

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    def fraction(self, figsize) -> tuple[float, float, float, float]:
        """``(left, bottom, width, height)`` as fractions of ``figsize``."""
        w, h = figsize
        return self.x / w, self.y / h, self.width / w, self.height / h

    def union(self, other: "Rect") -> "Rect":
        x0, y0 = min(self.x, other.x), min(self.y, other.y)
        x1, y1 = max(self.right, other.right), max(self.top, other.top)
        return Rect(x0, y0, x1 - x0, y1 - y0)


@attrs.frozen
class Cell:
    """What sits in a block of a :class:`Grid`: an Axes (by its path) or a nested node's grid."""

    key: str
    rows: tuple[int, int]  # track indices, top to bottom, end exclusive
    cols: tuple[int, int]  # track indices, left to right, end exclusive
    nested: bool = False


@attrs.frozen
class Grid:
    """A node's region cut into tracks (inches): column widths left to right, row heights top to bottom."""

    widths: tuple
    heights: tuple
    cells: tuple


@attrs.frozen
class Solution:
    """The solved layout.

    Attributes
    ----------
    figsize : (float, float)
        Width and height of the region in inches.
    panels : dict
        Panel path -> :class:`Rect` (for a panel drawn per group, the box
        around all its groups).
    nodes : dict
        Node path -> :class:`Rect` enclosing all its panels (root path ``""``).
    cores : dict
        Cross node path -> :class:`Rect` of its core (every group and the gaps between).
    regions : dict
        Node path -> :class:`Rect` of the room the node was given: its own
        panels plus the padding that aligns it with its siblings. Panel
        letters sit at a region's top-left corner.
    end_offsets : dict
        Side panel path -> (before, after) inches its movable end text starts
        past the core's ends (non-zero only in contested corners).
    cells : dict
        Axes path -> :class:`Rect`: one per Axes (``"left/dendrogram[1]"``
        for a group of a split, ``"heatmap[0,1]"`` for a core cell).
    frame : Grid
        The figure cut into margins and the root node's region.
    grids : dict
        Node path -> :class:`Grid` of its region.
    """

    figsize: tuple[float, float]
    panels: dict
    nodes: dict
    cores: dict
    regions: dict = attrs.field(factory=dict)
    end_offsets: dict = attrs.field(factory=dict)
    cells: dict = attrs.field(factory=dict)
    frame: Grid | None = None
    grids: dict = attrs.field(factory=dict)

    def __getitem__(self, path: str) -> Rect:
        for table in (self.panels, self.cells, self.nodes):
            if path in table:
                return table[path]
        raise KeyError(f"no node or panel at path {path!r}; paths: {', '.join(sorted(self.panels))}")


@attrs.frozen
class _Span:
    lead: float
    core: Track
    trail: float


def _sides(axis: int) -> tuple[str, str, tuple[str, str]]:
    # (lead side, trail side, sides whose leaves run along this axis)
    return ("left", "right", ("top", "bottom")) if axis == X else ("top", "bottom", ("left", "right"))


class _Solver:
    def __init__(self, planned: Plan, extents: Mapping[str, Extent], letters: Mapping[str, float],
                 stretch: bool = False):
        self.plan = planned
        self.stretch = stretch
        self.extents = extents
        self.letters = letters
        self.spans: dict[tuple[str, int], _Span] = {}
        self.intervals: dict[tuple[str, int], tuple[float, float]] = {}
        self.allotted: dict[tuple[str, int], tuple[float, float]] = {}
        self.offsets: dict[tuple[str, int], tuple[float, float]] = {}
        #: (cross path, axis) -> track lengths, and (cross path, axis) -> {slot: track index}
        self.tracks: dict[tuple[str, int], list[float]] = {}
        self.slots: dict[tuple[str, int], dict] = {}

    # -- helpers ---------------------------------------------------------------
    def extent(self, placed) -> Extent:
        ext = self.extents.get(placed.path)
        if ext is None:
            panel = placed.panel
            ext = Extent(thickness=panel.default_size if panel.size is None else panel.size)
        return ext

    def thickness(self, placed) -> float:
        return max(0.0, self.extent(placed).thickness)

    def stack(self, cp: CrossPlan, side: str) -> float:
        return sum(cp.node.gap + self.thickness(pl) for pl in cp.sides[side])

    @staticmethod
    def core_leaves(cp: CrossPlan, axis: int):
        # along x the core shows its columns, along y its rows
        return cp.cols if axis == X else cp.rows

    def core_pad(self, cp: CrossPlan, axis: int) -> tuple[float, float]:
        pad = (self.extents.get(cp.core.path) or Extent()).pad
        return (pad[0], pad[1]) if axis == X else (pad[2], pad[3])

    # -- pass 1: spans -----------------------------------------------------------
    def span(self, node: Node, path: str, axis: int) -> _Span:
        key = (path, axis)
        if key in self.spans:
            return self.spans[key]
        if isinstance(node, Cross):
            result = self.cross_span(self.plan.crosses[path], axis)
        else:
            kids = [self.span(c, join(path, nm), axis) for nm, c in zip(node.child_names(), node.children())]
            main = (axis == X) == isinstance(node, Row)
            if main:
                tracks = self.main_tracks(kids, node.gap)
                fixed = sum(t.least for t in tracks)
                if all(not t.flexible for t in tracks):
                    core = Track(fixed=fixed)
                else:
                    core = Track(weight=node.weight, minimum=fixed)
                result = _Span(kids[0].lead, core, kids[-1].trail)
            else:
                fixed = [k.core.fixed for k in kids if not k.core.flexible]
                least = max(k.core.least for k in kids)
                core = Track(fixed=max(fixed + [least])) if fixed else Track(weight=node.weight, minimum=least)
                result = _Span(max(k.lead for k in kids), core, max(k.trail for k in kids))
        if axis == Y and path in self.letters:
            # a lettered node keeps room for its letter above everything it holds
            result = _Span(result.lead + self.letters[path], result.core, result.trail)
        self.spans[key] = result
        return result

    def cross_span(self, cp: CrossPlan, axis: int) -> _Span:
        node = cp.node
        lead_side, trail_side, along_sides = _sides(axis)
        pad_lead, pad_trail = self.core_pad(cp, axis)
        lead = pad_lead + self.stack(cp, lead_side)
        trail = pad_trail + self.stack(cp, trail_side)
        for side in along_sides:
            for placed in cp.sides[side]:
                ext = self.extent(placed)
                push = self.corner_push(cp, axis, side, placed, ext)
                self.offsets[(placed.path, axis)] = push
                lead, trail = max(lead, push[0] + ext.before), max(trail, push[1] + ext.after)
        cext = self.extents.get(cp.core.path) or Extent()
        leaves = self.core_leaves(cp, axis)
        gaps = 0.0 if leaves is None else (len(leaves.chunks) - 1) * leaves.gap
        fixed = node.width if axis == X else node.height
        if fixed is not None and self.stretch:
            # a fixed body becomes flexible, keeping its share: what measures differently absorbs
            return _Span(lead, Track(weight=fixed / DEFAULT_CORE, minimum=gaps), trail)
        if fixed is None:
            fixed = cext.fixed[axis]
        if fixed is not None:
            if fixed < gaps - 1e-9:
                what = ("width", "height")[axis]
                raise LayoutError(f"{cp.path or 'the layout'}: a core {what} of {fixed:.3f} in cannot hold "
                                  f"the {gaps:.3f} in of gaps between its {len(leaves.chunks)} groups")
            core = Track(fixed=fixed)
        else:
            core = Track(weight=node.weight, minimum=max(cext.minimum[axis], gaps))
        return _Span(lead, core, trail)

    def corner_push(self, cp: CrossPlan, axis: int, side: str, placed, ext: Extent) -> tuple[float, float]:
        """How far a side panel's movable end text must start past the core's ends.

        Its overhang at an end shares a corner with the stack across that end;
        if panels of that stack reach into the corner as far as this panel's
        own column (rotated labels), movable text goes past the outermost of
        them, else it stays by the core.
        """
        if not ext.ends_move:
            return (0.0, 0.0)
        lead_side, trail_side, _ = _sides(axis)
        toward = "before" if side in ("left", "top") else "after"
        # this panel's distance from the core, across its own stack
        pads = self.core_pad(cp, 1 - axis)
        near = pads[0] if side in ("left", "top") else pads[1]
        for q in cp.sides[side]:
            near += cp.node.gap
            if q is placed:
                break
            near += self.thickness(q)
        pad_lead, pad_trail = self.core_pad(cp, axis)
        out = []
        for end, across, pad in (("before", lead_side, pad_lead), ("after", trail_side, pad_trail)):
            if getattr(ext, end) <= 0:
                out.append(0.0)
                continue
            # clear the stack up to its outermost panel that reaches into the corner
            reach, clear = pad, 0.0
            for q in cp.sides[across]:
                reach += cp.node.gap + self.thickness(q)
                if getattr(self.extent(q), toward) > near + 1e-9:
                    clear = reach
            out.append(clear)
        return (out[0], out[1])

    @staticmethod
    def main_tracks(kids: list[_Span], gap: float) -> list[Track]:
        tracks: list[Track] = []
        for i, k in enumerate(kids):
            if i:
                tracks.append(Track(fixed=kids[i - 1].trail + gap + k.lead))
            tracks.append(k.core)
        return tracks

    # -- pass 2: placement ---------------------------------------------------------
    def place(self, node: Node, path: str, axis: int, start: float, length: float,
              lead: float, trail: float) -> None:
        """Place ``node``'s core at ``start`` (``length`` long) with ``lead``/``trail`` room around it."""
        span = self.span(node, path, axis)
        if span.core.fixed is not None:
            # a fixed core given more room keeps its size, at the start; the rest is its trail
            trail += length - span.core.fixed
            length = span.core.fixed
        self.allotted[(path, axis)] = (start - lead, start + length + trail)
        if isinstance(node, Cross):
            self.place_cross(self.plan.crosses[path], axis, start, length)
            return
        kids = list(zip(node.child_names(), node.children()))
        main = (axis == X) == isinstance(node, Row)
        if not main:
            for nm, child in kids:
                self.place(child, join(path, nm), axis, start, length, lead, trail)
            return
        spans = [self.span(c, join(path, nm), axis) for nm, c in kids]
        sizes = resolve(self.main_tracks(spans, node.gap), length, what=f"{path or 'the layout'}")
        pos = start
        last = len(kids) - 1
        for i, (nm, child) in enumerate(kids):
            if i:
                pos += sizes[2 * i - 1]
            size = sizes[2 * i]
            self.place(child, join(path, nm), axis, pos, size,
                       lead if i == 0 else spans[i].lead, trail if i == last else spans[i].trail)
            pos += size

    def place_cross(self, cp: CrossPlan, axis: int, start: float, length: float) -> None:
        path, gap = cp.path, cp.node.gap
        if length < -1e-9:
            raise LayoutError(f"{path or 'the layout'}: no room left for the core")
        region0, region1 = self.allotted[(path, axis)]
        self.intervals[(path, axis)] = (start, length)
        self.intervals[(cp.core.path, axis)] = (start, length)
        lead_side, trail_side, along_sides = _sides(axis)
        pad_lead, pad_trail = self.core_pad(cp, axis)
        tracks: list[float] = []
        slots: dict = {}

        def add(length_, slot=None):
            if slot is not None:
                slots[slot] = len(tracks)
            tracks.append(max(0.0, float(length_)))

        # the lead stack, outermost panel first
        pos = start - pad_lead - self.stack(cp, lead_side)
        add(pos - region0)
        for placed in reversed(cp.sides[lead_side]):
            t = self.thickness(placed)
            self.intervals[(placed.path, axis)] = (pos, t)
            add(t, placed.path)
            add(gap)
            pos += t + gap
        add(pad_lead)
        # the core, one track per group
        leaves = self.core_leaves(cp, axis)
        lengths = [length] if leaves is None else leaves.lengths(length)
        for j, glen in enumerate(lengths):
            if j:
                add(leaves.gap)
            add(glen, ("chunk", j))
        add(pad_trail)
        pos = start + length + pad_trail
        for placed in cp.sides[trail_side]:
            t = self.thickness(placed)
            add(gap)
            pos += gap
            self.intervals[(placed.path, axis)] = (pos, t)
            add(t, placed.path)
            pos += t
        add(region1 - pos)
        for side in along_sides:
            for placed in cp.sides[side]:
                self.intervals[(placed.path, axis)] = (start, length)
        self.tracks[(path, axis)] = tracks
        self.slots[(path, axis)] = slots

    # -- the grids -------------------------------------------------------------------
    def cross_grid(self, cp: CrossPlan) -> Grid:
        sx, sy = self.slots[(cp.path, X)], self.slots[(cp.path, Y)]
        core_x = (sx[("chunk", 0)], max(v for k, v in sx.items() if isinstance(k, tuple)) + 1)
        core_y = (sy[("chunk", 0)], max(v for k, v in sy.items() if isinstance(k, tuple)) + 1)
        cells = []
        for axes_path, chunk in cp.core.cells:
            if chunk is None:
                cells.append(Cell(axes_path, core_y, core_x))
            else:
                i, j = chunk
                cells.append(Cell(axes_path, (sy[("chunk", i)],) * 2, (sx[("chunk", j)],) * 2))
        for side in ("left", "right", "top", "bottom"):
            vertical = side in ("left", "right")
            own, along = (sx, sy) if vertical else (sy, sx)
            span = core_y if vertical else core_x
            for placed in cp.sides[side]:
                k = own[placed.path]
                for axes_path, chunk in placed.cells:
                    run = span if chunk is None else (along[("chunk", chunk)],) * 2
                    rows, cols = (run, (k, k)) if vertical else ((k, k), run)
                    cells.append(Cell(axes_path, rows, cols))
        # end indices are exclusive
        cells = [attrs.evolve(c, rows=(c.rows[0], c.rows[1] + (c.rows[0] == c.rows[1])),
                              cols=(c.cols[0], c.cols[1] + (c.cols[0] == c.cols[1]))) for c in cells]
        return Grid(widths=tuple(self.tracks[(cp.path, X)]), heights=tuple(self.tracks[(cp.path, Y)]),
                    cells=tuple(cells))

    def line_grid(self, node: Node, path: str) -> Grid:
        main = X if isinstance(node, Row) else Y
        names = [join(path, nm) for nm in node.child_names()]
        lo, hi = self.allotted[(path, main)]
        tracks, cells, pos = [], [], lo
        for k, p in enumerate(names):
            a, b = self.allotted[(p, main)]
            tracks.append(max(0.0, a - pos))
            tracks.append(max(0.0, b - a))
            cells.append((p, 2 * k + 1))
            pos = b
        tracks.append(max(0.0, hi - pos))
        across = self.allotted[(path, 1 - main)]
        whole = (max(0.0, across[1] - across[0]),)
        out = [Cell(p, (0, 1), (i, i + 1), nested=True) if main == X else Cell(p, (i, i + 1), (0, 1), nested=True)
               for p, i in cells]
        if main == X:
            return Grid(widths=tuple(tracks), heights=whole, cells=tuple(out))
        return Grid(widths=whole, heights=tuple(tracks), cells=tuple(out))


def solve(
    tree: Node,
    figsize: tuple[float | None, float | None] | None = None,
    extents: Mapping[str, Extent] | None = None,
    *,
    margin=0.0,
    letters: Mapping[str, float] | None = None,
    natural: float = DEFAULT_CORE,
    stretch: bool = False,
) -> Solution:
    """Solve ``tree`` into rectangles in inches.

    Parameters
    ----------
    tree : Node or Plan
        The layout tree (a bare Panel is wrapped in a Cross), or its
        :func:`~gridfig.layout.planning.plan`.
    figsize : (width, height), optional
        Size of the region (inches or length strings). Either may be ``None`` to derive it from
        the content: fixed cores keep their size, flexible cores get
        ``DEFAULT_CORE`` inches per unit of weight (at least their minimum).
    extents : mapping, optional
        Panel path -> :class:`~gridfig.panels.base.Extent`, from
        :func:`~gridfig.layout.measure.measure`. Panels missing from it use
        their fixed ``size``.
    margin : length
        Empty border around the content, the same on all four sides.
    letters : mapping, optional
        Node path -> height in inches to keep free above that node for its
        panel letter.
    natural : float
        Inches per unit of weight a flexible core gets in a dimension whose
        size is derived (``DEFAULT_CORE``; 0 gives the least size that fits).
    stretch : bool
        Treat cores of a fixed ``width``/``height`` as flexible, sharing the
        room in proportion to their fixed sizes: how a figure whose size was
        derived from its content is solved again at another dpi or size.

    Returns
    -------
    Solution
    """
    planned = plan(tree)
    tree = planned.tree
    margin = to_inches(margin, "margin")
    figsize = (None, None) if figsize is None else tuple(to_inches(v, "figsize") if v is not None else None
                                                         for v in figsize)
    solver = _Solver(planned, extents or {}, letters or {}, stretch=stretch)
    size = [0.0, 0.0]
    starts = [0.0, 0.0]
    for axis in (X, Y):
        span = solver.span(tree, "", axis)
        given = figsize[axis]
        outer = span.lead + span.trail + 2 * margin
        if given is None:
            core = span.core.fixed if span.core.fixed is not None else max(
                span.core.minimum, natural * span.core.weight)
            size[axis] = outer + core
        else:
            size[axis] = float(given)
            room = size[axis] - outer
            what = "width" if axis == X else "height"
            if room < span.core.least - 1e-9:
                need = f" and the cores need {span.core.least:.3f} in more" if span.core.least > 0 else ""
                raise LayoutError(
                    f"the figure {what} {size[axis]:.3f} in is too small: side panels, gaps and margins "
                    f"take {outer:.3f} in{need}; make the figure at least "
                    f"{outer + span.core.least + 0.5:.1f} in or the side panels smaller"
                )
            core = room if span.core.fixed is None else span.core.fixed
        # centre content that does not fill the figure (only when all cores are fixed)
        extra = size[axis] - outer - core
        starts[axis] = margin + span.lead + extra / 2
        solver.place(tree, "", axis, starts[axis], core, span.lead, span.trail)
    return _collect(tree, solver, (size[X], size[Y]))


def _collect(tree: Node, solver: _Solver, figsize) -> Solution:
    W, H = figsize

    def rect(key) -> Rect:
        (x, w), (top, h) = solver.intervals[(key, X)], solver.intervals[(key, Y)]
        return Rect(x, H - top - h, w, h)

    planned = solver.plan
    panels = {pl.path: rect(pl.path) for pl in planned.panels.values() if pl.side != "center"}
    cores = {p: rect(p) for p in planned.crosses}
    grids: dict[str, Grid] = {}
    cells: dict[str, Rect] = {}
    for path, obj in walk(tree):
        if isinstance(obj, Cross):
            cp = planned.crosses[path]
            panels[cp.core.path] = cores[path]
            grid = solver.cross_grid(cp)
            x0, top0 = solver.allotted[(path, X)][0], solver.allotted[(path, Y)][0]
            xs = x0 + np.concatenate([[0.0], np.cumsum(grid.widths)])
            ys = top0 + np.concatenate([[0.0], np.cumsum(grid.heights)])
            for c in grid.cells:
                cells[c.key] = Rect(float(xs[c.cols[0]]), float(H - ys[c.rows[1]]),
                                    float(xs[c.cols[1]] - xs[c.cols[0]]), float(ys[c.rows[1]] - ys[c.rows[0]]))
            grids[path] = grid
        elif isinstance(obj, (Row, Column)):
            grids[path] = solver.line_grid(obj, path)
    nodes: dict[str, Rect] = {}
    for path, obj in walk(tree):
        if isinstance(obj, (Cross, Row, Column)):
            prefix = f"{path}/" if path else ""
            box = None
            for p, r in panels.items():
                if not path or p == path or p.startswith(prefix):
                    box = r if box is None else box.union(r)
            nodes[path] = box
    regions = {}
    for (path, axis), (a, b) in solver.allotted.items():
        if axis == X:
            top0, top1 = solver.allotted[(path, Y)]
            regions[path] = Rect(a, H - top1, b - a, top1 - top0)
    (x0, x1), (t0, t1) = solver.allotted[("", X)], solver.allotted[("", Y)]
    leafless = not planned.panels
    frame = Grid(widths=(max(0.0, x0), max(0.0, x1 - x0), max(0.0, W - x1)),
                 heights=(max(0.0, t0), max(0.0, t1 - t0), max(0.0, H - t1)),
                 cells=() if leafless else (Cell("", (1, 2), (1, 2), nested=True),))
    offsets = {p: push for (p, axis), push in solver.offsets.items() if any(push)}
    return Solution(figsize=(W, H), panels=panels, nodes=nodes, cores=cores, regions=regions,
                    end_offsets=offsets, cells=cells, frame=frame, grids=grids)
