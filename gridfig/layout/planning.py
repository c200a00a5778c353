"""Planning: the one step that binds data to the tree, before anything is measured or drawn.

``plan(tree)`` walks the tree once. For every :class:`~gridfig.Cross` it works
out the :class:`~gridfig.Leaves` of its rows and columns (the node's own, a
shared order from a ``Row``/``Column(share=True)``, an old-style dendrogram's
linkage, or the data order), checks every side panel against them, and calls
each panel's :meth:`~gridfig.Panel.bind` hook with the leaves of its axis (so
a labelled annotation is matched to the data's labels here, once). Legend
areas then gather the legend entries of what they serve. It also names every
Axes to be made: one per panel, or one per group of a split axis.

The result is a :class:`Plan`: values flow down from it to measuring,
solving and drawing, and nothing after this step changes them.
"""

from __future__ import annotations

import attrs
import numpy as np

from ..errors import InputError
from ..frame import CENTER, SIDES, axis_of
from ..leaves import Leaves, relabel
from ..panels.base import Panel
from .tree import Cross, Node, as_node, core_path, join, walk


@attrs.frozen
class Placed:
    """One panel of the plan: where it is, bound to its data, and the Axes it gets.

    Attributes
    ----------
    path : str
        The panel's path.
    side : str
        Its side of the core, or ``"center"`` for the core itself.
    panel : Panel
        The panel as :meth:`~gridfig.Panel.bind` returned it.
    node : str
        The path of the Cross it belongs to.
    cells : tuple
        ``(axes path, chunk)`` per Axes: ``chunk`` is ``None`` for one Axes
        over every group, the group's index beside a split axis, or
        ``(row group, column group)`` for a core cell.
    """

    path: str
    side: str
    panel: Panel
    node: str
    cells: tuple


@attrs.frozen
class CrossPlan:
    """A Cross with its leaves and bound panels."""

    path: str
    node: Cross
    rows: Leaves | None = attrs.field(eq=False)
    cols: Leaves | None = attrs.field(eq=False)
    core: Placed
    sides: dict  # side -> tuple of Placed, from the core outward

    def leaves(self, side: str) -> Leaves | None:
        """The leaves a side runs along (rows on the left and right, columns on top and at the bottom)."""
        return self.rows if axis_of(side) == 0 else self.cols


@attrs.frozen
class Plan:
    """The planned tree: every Cross's leaves and every panel bound, in tree order.

    Attributes
    ----------
    tree : Node
        The tree as given.
    crosses : dict
        Cross path -> :class:`CrossPlan`.
    panels : dict
        Panel path -> :class:`Placed`, in drawing order.
    """

    tree: Node
    crosses: dict
    panels: dict

    def cells(self):
        """``(axes path, chunk, Placed)`` for every Axes of the figure, in drawing order."""
        for placed in self.panels.values():
            for axes_path, chunk in placed.cells:
                yield axes_path, chunk, placed


def plan(tree) -> Plan:
    """Bind the tree's data: leaves per axis, panels bound, legend areas filled (see the module doc).

    Parameters
    ----------
    tree : Node, Panel or Plan
        The tree to plan (a bare panel is wrapped in a Cross; a Plan is returned as it is).

    Returns
    -------
    Plan
    """
    if isinstance(tree, Plan):
        return tree
    tree = as_node(tree)
    crosses: dict[str, CrossPlan] = {}
    _plan_node(tree, "", {}, crosses)
    _share_scales(crosses)
    _gather_legends(tree, crosses)
    panels = {}
    for path, obj in walk(tree):
        if isinstance(obj, Cross):
            cp = crosses[path]
            panels[cp.core.path] = cp.core
            for side in SIDES:
                for placed in cp.sides[side]:
                    panels[placed.path] = placed
    return Plan(tree=tree, crosses=crosses, panels=panels)


def _plan_node(node: Node, path: str, given: dict, out: dict) -> None:
    if isinstance(node, Cross):
        out[path] = _plan_cross(node, path, given)
        return
    kids = list(zip(node.child_names(), node.children()))
    if not node.share:
        for nm, child in kids:
            _plan_node(child, join(path, nm), {}, out)
        return
    axis = 0 if type(node).__name__ == "Row" else 1
    what = ("rows", "columns")[axis]
    nested = [type(c).__name__ for _, c in kids if not isinstance(c, Cross)]
    if nested:
        raise InputError(f"share: a shared {what[:-1]} order is given to the direct children of the "
                         f"{type(node).__name__}, but it holds a {nested[0]}; share inside that node instead")
    source = None
    for nm, child in kids:
        p = join(path, nm)
        n = child.shape[axis]
        if source is None or n is None:
            _plan_node(child, p, {}, out)
            if n is not None and source is None:
                source = out[p]
            continue
        leaves = source.rows if axis == 0 else source.cols
        if n != leaves.n:
            raise InputError(f"share: {p or 'a node'} has {n} {what} but the first has {leaves.n}; "
                             f"a shared order needs the same {what}")
        own = child.core.leaf_labels()[axis]
        _plan_node(child, p, {axis: relabel(leaves, own, what, "share")}, out)


def _plan_cross(node: Cross, path: str, given: dict) -> CrossPlan:
    shape = node.shape
    labels = node.core.leaf_labels()
    leaves = []
    for axis in (0, 1):
        leaves.append(_axis_leaves(node, path, axis, given.get(axis), shape[axis], labels[axis]))
    rows, cols = leaves
    cpath = core_path(node, path)
    if rows is not None and cols is not None and (rows.split or cols.split):
        core_cells = tuple((f"{cpath}[{i},{j}]", (i, j)) for i in range(len(rows.chunks))
                           for j in range(len(cols.chunks)))
    else:
        core_cells = ((cpath, None),)
    core = Placed(path=cpath, side=CENTER, panel=node.core, node=path, cells=core_cells)
    sides = {}
    for side in SIDES:
        axis = axis_of(side)
        side_leaves, n = leaves[axis], shape[axis]
        what = ("rows", "columns")[axis]
        placed = []
        for seg, panel in node.side_items(side):
            p = join(path, f"{side}/{seg}")
            bound = panel.bind(side_leaves)
            if not isinstance(bound, Panel):
                raise InputError(f"{p}: bind() must return a Panel, got {type(bound).__name__}")
            count = bound.leaf_count()
            if n is not None and count is not None and count != n:
                raise InputError(f"{side}/{seg} has {count} values but the core {node.core.label!r} "
                                 f"has {n} {what}")
            if side_leaves is not None and side_leaves.split and not bound.spans_groups:
                cells = tuple((f"{p}[{i}]", i) for i in range(len(side_leaves.chunks)))
            else:
                cells = ((p, None),)
            placed.append(Placed(path=p, side=side, panel=bound, node=path, cells=cells))
        sides[side] = tuple(placed)
    return CrossPlan(path=path, node=node, rows=rows, cols=cols, core=core, sides=sides)


def _axis_leaves(node: Cross, path: str, axis: int, given: Leaves | None, n: int | None,
                 labels) -> Leaves | None:
    """The leaves of one axis: given by a sharing parent, the node's own, a legacy dendrogram's, or data order."""
    field = ("rows", "cols")[axis]
    what = ("row", "column")[axis]
    own = getattr(node, field)
    sources = [] if own is None else [(field, own.order)]
    for side in (("left", "right") if axis == 0 else ("top", "bottom")):
        for seg, panel in node.side_items(side):
            order = panel.leaf_order()
            if order is not None:
                sources.append((f"{side}/{seg}", np.asarray(order)))
    for name, order in sources[1:]:
        if not np.array_equal(order, sources[0][1]):
            raise InputError(f"{name} orders the {what}s differently from {sources[0][0]}; "
                             f"side panels of one core must share its {what} order")
    leaves = given if given is not None else own
    if leaves is None and sources:
        leaves = Leaves.in_order(sources[0][1])
    if leaves is None and n is not None:
        leaves = Leaves.in_order(n)
    if leaves is None:
        return None
    if n is not None and leaves.n != n:
        raise InputError(f"{join(path, field)}: {leaves.n} leaves but the core has {n} {what}s")
    if leaves.labels is None and labels is not None:
        leaves = leaves.with_labels(labels)
    if leaves.axis != axis:
        leaves = attrs.evolve(leaves, axis=axis)
    return leaves


def _share_scales(crosses: dict) -> None:
    """Give bound panels with the same :meth:`~gridfig.Panel.scale_limits` key, anywhere in the figure,
    the union of their limits (through :meth:`~gridfig.Panel.with_scale_limits`)."""
    placed = [(cp, pl, pl.panel.scale_limits()) for cp in crosses.values()
              for pl in (cp.core, *[q for side in SIDES for q in cp.sides[side]])]
    union: dict = {}
    for _, _, lim in placed:
        if lim is not None:
            lo, hi = union.get(lim[0], (lim[1], lim[2]))
            union[lim[0]] = (min(lo, lim[1]), max(hi, lim[2]))
    for cp, pl, lim in placed:
        if lim is not None:
            _replace(cp, pl, attrs.evolve(pl, panel=pl.panel.with_scale_limits(*union[lim[0]])))


def _gather_legends(tree: Node, crosses: dict) -> None:
    """Fill legend areas that collect (:meth:`~gridfig.Panel.collects`) with their own Cross's blocks."""
    for cp in crosses.values():
        panels = [cp.core, *[pl for side in SIDES for pl in cp.sides[side]]]
        wanting = [pl for pl in panels if pl.panel.collects() is not None]
        if not wanting:
            continue
        found = [b for pl in panels for b in pl.panel.legend_entries()]
        for placed in wanting:
            _replace(cp, placed, attrs.evolve(placed, panel=placed.panel.gather(found)))


def legend_blocks(plan_: Plan) -> list:
    """Every bound panel's legend blocks, in tree order, leaving out nodes with a legend area of their own."""
    out = []
    for cp in plan_.crosses.values():
        panels = [cp.core.panel, *[pl.panel for side in SIDES for pl in cp.sides[side]]]
        if not any(p.shows_legends for p in panels):
            out.extend(b for p in panels for b in p.legend_entries())
    return out


def _replace(cp: CrossPlan, old: Placed, new: Placed) -> None:
    # a CrossPlan is built here and handed on only when planning is done
    if cp.core is old:
        object.__setattr__(cp, "core", new)
        return
    for side in SIDES:
        cp.sides[side] = tuple(new if pl is old else pl for pl in cp.sides[side])

