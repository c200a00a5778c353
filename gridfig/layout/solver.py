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

Everything is inches; y is measured from the top while solving and turned
into matplotlib's bottom-up convention in the :class:`Rect` results.
"""

from __future__ import annotations

from typing import Mapping

import attrs

from ..errors import LayoutError
from ..panels.base import Extent, Panel
from ..units import to_inches
from .tracks import Track, resolve
from .tree import Column, Cross, Node, Row, core_path, join, walk

X, Y = 0, 1
#: Core length (inches per unit of weight) when the figure size is not given.
DEFAULT_CORE = 4.0


@attrs.frozen
class Rect:
    """A rectangle in inches, ``x``/``y`` from the figure's bottom-left corner."""

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
class Solution:
    """The solved layout.

    Attributes
    ----------
    figsize : (float, float)
        Width and height of the region in inches.
    panels : dict
        Panel path -> :class:`Rect`.
    nodes : dict
        Node path -> :class:`Rect` enclosing all its panels (root path ``""``).
    cores : dict
        Cross node path -> :class:`Rect` of its core.
    regions : dict
        Node path -> :class:`Rect` of the room the node was given: its own
        panels plus the padding that aligns it with its siblings. Panel
        letters sit at a region's top-left corner.
    end_offsets : dict
        Side panel path -> (before, after) inches its movable end text starts
        past the core's ends (non-zero only in contested corners).
    """

    figsize: tuple[float, float]
    panels: dict
    nodes: dict
    cores: dict
    regions: dict = attrs.field(factory=dict)
    end_offsets: dict = attrs.field(factory=dict)

    def __getitem__(self, path: str) -> Rect:
        if path in self.panels:
            return self.panels[path]
        if path in self.nodes:
            return self.nodes[path]
        raise KeyError(f"no node or panel at path {path!r}; paths: {', '.join(sorted(self.panels))}")


@attrs.frozen
class _Span:
    lead: float
    core: Track
    trail: float


class _Solver:
    def __init__(self, extents: Mapping[str, Extent], letters: Mapping[str, float]):
        self.extents = extents
        self.letters = letters
        self.spans: dict[tuple[str, int], _Span] = {}
        self.intervals: dict[tuple[str, int], tuple[float, float]] = {}
        self.allotted: dict[tuple[str, int], tuple[float, float]] = {}
        self.offsets: dict[tuple[str, int], tuple[float, float]] = {}

    # -- helpers ---------------------------------------------------------------
    def extent(self, path: str, panel: Panel) -> Extent:
        ext = self.extents.get(path)
        if ext is None:
            ext = Extent(thickness=panel.default_size if panel.size is None else panel.size)
        return ext

    @staticmethod
    def sides(axis: int) -> tuple[str, str, tuple[str, str]]:
        # (lead side, trail side, sides whose leaves run along this axis)
        return ("left", "right", ("top", "bottom")) if axis == X else ("top", "bottom", ("left", "right"))

    def stack(self, node: Cross, path: str, side: str) -> float:
        items = node.side_items(side)
        return sum(node.gap + self.extent(join(path, f"{side}/{seg}"), p).thickness for seg, p in items)

    # -- pass 1: spans -----------------------------------------------------------
    def span(self, node: Node, path: str, axis: int) -> _Span:
        key = (path, axis)
        if key in self.spans:
            return self.spans[key]
        if isinstance(node, Cross):
            lead_side, trail_side, along_sides = self.sides(axis)
            pad_lead, pad_trail = self.core_pad(node, path, axis)
            lead = pad_lead + self.stack(node, path, lead_side)
            trail = pad_trail + self.stack(node, path, trail_side)
            for side in along_sides:
                for seg, panel in node.side_items(side):
                    p = join(path, f"{side}/{seg}")
                    ext = self.extent(p, panel)
                    push = self.corner_push(node, path, axis, side, ext)
                    self.offsets[(p, axis)] = push
                    lead, trail = max(lead, push[0] + ext.before), max(trail, push[1] + ext.after)
            cext = self.extents.get(core_path(node, path)) or Extent()
            fixed = node.width if axis == X else node.height
            if fixed is None:
                fixed = cext.fixed[axis]
            core = (Track(fixed=fixed) if fixed is not None
                    else Track(weight=node.weight, minimum=cext.minimum[axis]))
            result = _Span(lead, core, trail)
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

    def corner_push(self, node: Cross, path: str, axis: int, side: str, ext: Extent) -> tuple[float, float]:
        """How far a side panel's movable end text must start past the core's ends.

        Its overhang at an end shares a corner with the stack across that end;
        if panels of that stack also reach into the corner (rotated labels),
        movable text goes past the outermost of them, else it stays by the core.
        """
        if not ext.ends_move:
            return (0.0, 0.0)
        lead_side, trail_side, _ = self.sides(axis)
        toward = "before" if side in ("left", "top") else "after"
        pad_lead, pad_trail = self.core_pad(node, path, axis)
        out = []
        for end, across, pad in (("before", lead_side, pad_lead), ("after", trail_side, pad_trail)):
            if getattr(ext, end) <= 0:
                out.append(0.0)
                continue
            # clear the stack up to its outermost panel that reaches into the corner
            reach, clear = pad, 0.0
            for seg, q in node.side_items(across):
                qe = self.extent(join(path, f"{across}/{seg}"), q)
                reach += node.gap + qe.thickness
                if getattr(qe, toward) > 0:
                    clear = reach
            out.append(clear)
        return (out[0], out[1])

    def core_pad(self, node: Cross, path: str, axis: int) -> tuple[float, float]:
        pad = (self.extents.get(core_path(node, path)) or Extent()).pad
        return (pad[0], pad[1]) if axis == X else (pad[2], pad[3])

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
            self.place_cross(node, path, axis, start, length)
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

    def place_cross(self, node: Cross, path: str, axis: int, start: float, length: float) -> None:
        if length < -1e-9:
            raise LayoutError(f"{path or 'the layout'}: no room left for the core")
        self.intervals[(path, axis)] = (start, length)
        self.intervals[(core_path(node, path), axis)] = (start, length)
        lead_side, trail_side, along_sides = self.sides(axis)
        pad_lead, pad_trail = self.core_pad(node, path, axis)
        pos = start - pad_lead
        for seg, panel in node.side_items(lead_side):
            t = self.extent(join(path, f"{lead_side}/{seg}"), panel).thickness
            pos -= node.gap + t
            self.intervals[(join(path, f"{lead_side}/{seg}"), axis)] = (pos, t)
        pos = start + length + pad_trail
        for seg, panel in node.side_items(trail_side):
            t = self.extent(join(path, f"{trail_side}/{seg}"), panel).thickness
            pos += node.gap
            self.intervals[(join(path, f"{trail_side}/{seg}"), axis)] = (pos, t)
            pos += t
        for side in along_sides:
            for seg, _ in node.side_items(side):
                self.intervals[(join(path, f"{side}/{seg}"), axis)] = (start, length)


def solve(
    tree: Node,
    figsize: tuple[float | None, float | None] | None = None,
    extents: Mapping[str, Extent] | None = None,
    *,
    margin=0.0,
    letters: Mapping[str, float] | None = None,
    natural: float = DEFAULT_CORE,
) -> Solution:
    """Solve ``tree`` into rectangles in inches.

    Parameters
    ----------
    tree : Node
        The layout tree (a bare Panel is wrapped in a Cross).
    figsize : (width, height), optional
        Size of the region in inches. Either may be ``None`` to derive it from
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

    Returns
    -------
    Solution
    """
    from .tree import as_node

    tree = as_node(tree)
    margin = to_inches(margin, "margin")
    figsize = (None, None) if figsize is None else tuple(figsize)
    solver = _Solver(extents or {}, letters or {})
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
    panels: dict[str, Rect] = {}
    cores: dict[str, Rect] = {}
    for path, obj in walk(tree):
        if isinstance(obj, Panel):
            (x, w), (top, h) = solver.intervals[(path, X)], solver.intervals[(path, Y)]
            panels[path] = Rect(x, H - top - h, w, h)
        elif isinstance(obj, Cross):
            (x, w), (top, h) = solver.intervals[(path, X)], solver.intervals[(path, Y)]
            cores[path] = Rect(x, H - top - h, w, h)
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
    offsets = {p: push for (p, axis), push in solver.offsets.items() if any(push)}
    return Solution(figsize=(W, H), panels=panels, nodes=nodes, cores=cores, regions=regions,
                    end_offsets=offsets)
