"""The layout tree: what goes where, declared as frozen value objects.

::

                 top[1]            <- stacks grow outward from the core
                 top[0]
      left[1] left[0] [ core ] right[0] right[1]
                 bottom[0]

A :class:`Cross` puts a core panel (a heatmap body) in the middle with a stack
of side panels on each side; side panels share the core's rows (left and
right) or columns (top and bottom), held as :class:`~gridfig.Leaves` (the
display order, split into groups or not). :class:`Row` and :class:`Column` put
any nodes beside or above each other and align them on their cores. ``a | b``
is ``Row(a, b)`` and ``a / b`` is ``Column(a, b)``.

Every node and panel has a readable path, e.g. ``"left/dendrogram"`` or
``"b/top/strip"``; errors, the solver's :class:`~gridfig.layout.Solution` and
the returned axes mapping all use it.

Nodes hold no data work: building or ``attrs.evolve``-ing one is cheap and
silent. Matching annotations to labels, sharing orders and checking lengths
happen once, in :func:`~gridfig.layout.planning.plan`.
"""

from __future__ import annotations

from typing import Iterator

import attrs

from ..errors import InputError, InputTypeError
from ..frame import SIDES
from ..leaves import Leaves
from ..panels.base import Panel, optional_length
from ..units import to_inches
from ..validate import number, panel_name, positive_length

DEFAULT_GAP = "1mm"


def _gap(value) -> float:
    return to_inches(value, "gap")


def _panels(value) -> tuple:
    if value is None:
        return ()
    if isinstance(value, Panel):
        return (value,)
    out = tuple(value)
    for p in out:
        if not isinstance(p, Panel):
            raise InputTypeError(f"side stacks hold Panel objects, got {type(p).__name__} {p!r}")
    return out


def _leaves(value):
    if value is None or isinstance(value, Leaves):
        return value
    return Leaves.in_order(value)


class Node:
    """Base of layout nodes: composition operators and tree walking."""

    name: str | None

    def __or__(self, other) -> "Row":
        return Row(*_flat(self, Row), *_flat(as_node(other), Row))

    def __truediv__(self, other) -> "Column":
        return Column(*_flat(self, Column), *_flat(as_node(other), Column))

    def children(self) -> tuple["Node", ...]:
        return ()

    def paths(self) -> list[str]:
        """Every node and panel path in this tree, in drawing order."""
        return list(dict.fromkeys(p for p, _ in walk(self)))


def _flat(node, kind) -> tuple:
    # a | b | c builds one Row of three, not Row(Row(a, b), c); named rows stay nested
    plain = (node.name is None and node.gap == _gap(DEFAULT_GAP) and node.weight == 1.0
             and node.letter is None and not node.share) if type(node) is kind else False
    if plain:
        return node.items
    return (node,)


def as_node(value) -> Node:
    """Wrap a bare panel in a :class:`Cross`; pass nodes through."""
    if isinstance(value, Node):
        return value
    if isinstance(value, Panel):
        return Cross(core=value, name=value.name, bare=True)
    if hasattr(value, "layout") and isinstance(getattr(value, "layout"), Node):
        return value.layout  # a ClusterMap result composes as its tree
    raise InputTypeError(f"expected a layout node or a Panel, got {type(value).__name__} {value!r}")


@attrs.frozen(kw_only=True)
class Cross(Node):
    """A core panel with stacks of side panels around it.

    Parameters
    ----------
    core : Panel
        The panel in the middle, usually a :class:`~gridfig.Heatmap`.
    left, right, top, bottom : sequence of Panel
        Side stacks, each listed *from the core outward*.
    gap : length
        Space between the core and its first side panel and between side
        panels, the same across and down. Default ``"1mm"``.
    width, height : length, optional
        Fixed size of the core; ``None`` lets it take the space that is left.
    weight : float
        Share of left-over space when the core is flexible (relative to
        siblings). Default 1.
    rows, cols : Leaves or array of int, optional
        The core's rows and columns as shown: a :class:`~gridfig.Leaves`
        (display order, groups of a split, their clusterings), or just the
        data positions in display order. By default a ``Dendrogram(linkage=...)``
        on the left or right (top or bottom) supplies the order, else the
        data order is kept.
    name : str, optional
        Path segment of this node inside a Row or Column.
    letter : bool or str, optional
        Panel letter when the figure is lettered: ``None`` takes the next
        letter, ``False`` none, a string is used as it is.
    bare : bool
        Set by gridfig when it wraps a bare panel given to a Row or Column:
        the panel then has the node's own path. Not for you to set.
    """

    core: Panel = attrs.field(validator=attrs.validators.instance_of(Panel))
    left: tuple = attrs.field(default=(), converter=_panels)
    right: tuple = attrs.field(default=(), converter=_panels)
    top: tuple = attrs.field(default=(), converter=_panels)
    bottom: tuple = attrs.field(default=(), converter=_panels)
    gap: float = attrs.field(default=DEFAULT_GAP, converter=_gap)
    width: float | None = attrs.field(default=None, converter=optional_length("width"), validator=positive_length)
    height: float | None = attrs.field(default=None, converter=optional_length("height"),
                                       validator=positive_length)
    weight: float = attrs.field(default=1.0, validator=number(above=0, what="a share of the room"))
    rows: Leaves | None = attrs.field(default=None, converter=_leaves, eq=False)
    cols: Leaves | None = attrs.field(default=None, converter=_leaves, eq=False)
    name: str | None = attrs.field(default=None, validator=panel_name)
    letter: object = None
    #: Set when a bare panel was wrapped: the panel then has the node's own path.
    bare: bool = attrs.field(default=False, repr=False)

    @property
    def shape(self) -> tuple[int | None, int | None]:
        """``(rows, cols)`` of the core, from its data or its side panels."""
        rows, cols = self.core.shape
        if rows is None and self.rows is not None:
            rows = self.rows.n
        if cols is None and self.cols is not None:
            cols = self.cols.n
        if rows is None:
            rows = next((p.leaf_count() for s in ("left", "right") for p in getattr(self, s)
                         if p.leaf_count() is not None), None)
        if cols is None:
            cols = next((p.leaf_count() for s in ("top", "bottom") for p in getattr(self, s)
                         if p.leaf_count() is not None), None)
        return rows, cols

    def side_items(self, side: str) -> list[tuple[str, Panel]]:
        """``(path segment, panel)`` pairs of one stack, unique names."""
        seen: dict[str, int] = {}
        out = []
        for panel in getattr(self, side):
            base = panel.label
            seen[base] = seen.get(base, 0) + 1
            out.append((base if seen[base] == 1 else f"{base}_{seen[base]}", panel))
        return out

    def __repr__(self) -> str:
        return format_tree(self)


def _items(value) -> tuple:
    return tuple(as_node(v) for v in value)


@attrs.frozen(kw_only=True, init=False)
class _Line(Node):
    items: tuple = attrs.field(converter=_items)
    gap: float = attrs.field(default=DEFAULT_GAP, converter=_gap)
    weight: float = attrs.field(default=1.0, validator=number(above=0, what="a share of the room"))
    name: str | None = attrs.field(default=None, validator=panel_name)
    letter: object = None
    share: bool = False

    def __init__(self, *children, items=None, gap=DEFAULT_GAP, weight=1.0, name=None, letter=None, share=False):
        # children positionally (Row(a, b)), or items= (what attrs.evolve passes)
        items = tuple(items) if items is not None else children
        if len(items) == 1 and isinstance(items[0], (list, tuple)):
            items = tuple(items[0])
        if not items:
            raise InputError(f"{type(self).__name__} needs at least one node")
        self.__attrs_init__(items=items, gap=gap, weight=weight, name=name, letter=letter, share=share)

    def children(self) -> tuple[Node, ...]:
        return self.items

    def child_names(self) -> list[str]:
        names, seen = [], set()
        for i, child in enumerate(self.items):
            nm = getattr(child, "name", None) or str(i)
            if nm in seen:
                raise InputError(f"two children of one {type(self).__name__} are both named {nm!r}")
            seen.add(nm)
            names.append(nm)
        return names

    def __repr__(self) -> str:
        return format_tree(self)


class Row(_Line):
    """Nodes side by side, cores aligned top and bottom.

    ``Row(a, b, c, gap="2mm")``; each child is a node or a bare panel.
    With ``share=True`` it is a heatmap list: every Cross after the first
    shows its rows in the first one's row order (rows matched by label when
    both cores are labelled), as ComplexHeatmap's ``ht1 + ht2`` does; give
    the row dendrogram to the first only. ``letter`` as for :class:`Cross`
    (``True`` letters the whole row as one panel).

    Parameters
    ----------
    *children : Node or Panel
        The nodes, left to right (a bare panel is wrapped in a :class:`Cross`).
    items : sequence, optional
        The same as a sequence (what ``attrs.evolve`` passes); instead of ``children``.
    gap : length
        Space between neighbouring children; default 1 mm.
    weight : float
        This node's share of spare room among its siblings.
    name : str, optional
        The node's path segment.
    letter : bool, str or None
        As for :class:`Cross`; ``True`` letters the whole row as one panel.
    share : bool
        A heatmap list: the Crosses after the first follow its row order.
    """


class Column(_Line):
    """Nodes above each other, cores aligned left and right.

    ``Column(a, b, gap="2mm")``; each child is a node or a bare panel.
    ``share=True`` shares the first Cross's column order, as for :class:`Row`.

    Parameters
    ----------
    *children : Node or Panel
        The nodes, top to bottom (a bare panel is wrapped in a :class:`Cross`).
    items : sequence, optional
        The same as a sequence (what ``attrs.evolve`` passes); instead of ``children``.
    gap : length
        Space between neighbouring children; default 1 mm.
    weight : float
        This node's share of spare room among its siblings.
    name : str, optional
        The node's path segment.
    letter : bool, str or None
        As for :class:`Row`.
    share : bool
        The Crosses after the first follow its column order.
    """


def lettered(node: Node, prefix: str = "") -> list[tuple[str, Node]]:
    """The nodes that get a panel letter, in tree order.

    A Cross gets one (a whole clustered heatmap is one panel); a Row or
    Column passes letters down to its children unless its own ``letter`` is
    set (then it is lettered as one panel). ``letter=False`` switches a node
    and everything in it off.
    """
    if node.letter is False:
        return []
    if isinstance(node, Cross) or node.letter is not None:
        return [(prefix, node)]
    out = []
    for nm, child in zip(node.child_names(), node.children()):
        out.extend(lettered(child, join(prefix, nm)))
    return out


def join(prefix: str, segment: str) -> str:
    return f"{prefix}/{segment}" if prefix else segment


def core_path(node: "Cross", prefix: str) -> str:
    """Path of a Cross's core: ``prefix/<core>``, or ``prefix`` itself for a wrapped bare panel."""
    return prefix if node.bare and prefix else join(prefix, node.core.label)


def walk(node: Node, prefix: str = "") -> Iterator[tuple[str, object]]:
    """Yield ``(path, node_or_panel)`` for the tree, parents before children."""
    yield prefix, node
    if isinstance(node, Cross):
        yield core_path(node, prefix), node.core
        for side in SIDES:
            for seg, panel in node.side_items(side):
                yield join(prefix, f"{side}/{seg}"), panel
    else:
        for nm, child in zip(node.child_names(), node.children()):
            yield from walk(child, join(prefix, nm))


def format_tree(node: Node, indent: str = "") -> str:
    """An indented outline of the tree, used as the nodes' ``repr``."""
    if isinstance(node, Cross):
        rows, cols = node.shape
        head = f"{indent}Cross{'(' + repr(node.name) + ')' if node.name else ''} core={node.core.label}"
        if rows is not None or cols is not None:
            head += f" [{rows} x {cols}]"
        lines = [head]
        for side in SIDES:
            items = node.side_items(side)
            if items:
                lines.append(f"{indent}  {side}: " + ", ".join(seg for seg, _ in items))
        return "\n".join(lines)
    lines = [f"{indent}{type(node).__name__}{'(' + repr(node.name) + ')' if node.name else ''}"]
    for child in node.children():
        lines.append(format_tree(child, indent + "  "))
    return "\n".join(lines)
