"""The leaf axis as a value: which data rows (or columns) are shown, in what order, in which groups.

A :class:`Leaves` belongs to one axis of a :class:`~gridfig.Cross` (its rows
or its columns). It holds the display order split into :class:`Chunk` s --
one per group of a split, or a single chunk -- each with its data positions
in display order and, when the group was clustered, its
:class:`~gridfig.Clustering`. It also holds the data's labels (for matching
annotations by label) and the physical gap between chunks.

The value flows *down*: the node owns it and hands it to every panel beside
that axis, through :meth:`gridfig.Panel.bind` when the tree is planned and
through the :class:`~gridfig.DrawContext` when drawing. Nothing a panel does
changes it.

::

    Leaves(rows)   chunk 0: [4, 0, 2]   gap   chunk 1: [1, 5, 3, 6]
    display row:            0  1  2               3  4  5  6
"""

from __future__ import annotations

from typing import Any, Sequence

import attrs
import numpy as np

from .errors import InputError, quote_some
from .units import to_inches


def _positions(value) -> np.ndarray:
    arr = np.asarray(value)
    if arr.ndim != 1 or not (arr.size == 0 or np.issubdtype(arr.dtype, np.integer)):
        raise InputError(f"a leaf order must be a 1-D array of integer data positions, got "
                         f"{arr.dtype} of shape {arr.shape}")
    out = arr.astype(np.intp)
    out.flags.writeable = False
    return out


def _labels(value):
    return None if value is None else tuple(value)


@attrs.frozen(kw_only=True)
class Chunk:
    """One group of leaves, shown together between gaps.

    Attributes
    ----------
    positions : ndarray of int
        Data positions of the group's leaves, in display order.
    clustering : Clustering, optional
        The group's own clustering; its leaves are the group's leaves in data
        order (leaf ``i`` of the tree is ``sorted(positions)[i]``).
    label : object, optional
        The group's name (a category, a cluster number).
    """

    positions: np.ndarray = attrs.field(converter=_positions, eq=False,
                                        repr=lambda a: f"<{len(a)} leaves>")
    clustering: Any = attrs.field(default=None, eq=False, repr=False)
    label: Any = None

    @property
    def n(self) -> int:
        return len(self.positions)


def _chunks(value) -> tuple:
    out = tuple(value)
    if not out:
        raise InputError("Leaves: needs at least one chunk")
    for c in out:
        if not isinstance(c, Chunk):
            raise InputError(f"Leaves: chunks must be Chunk objects, got {type(c).__name__}")
    return out


@attrs.frozen(kw_only=True)
class Leaves:
    """The leaves along one axis of a core: display order, groups, labels and the gap between groups.

    Build one with :meth:`in_order`, :meth:`from_clustering` or
    :meth:`grouped` rather than by hand.

    Attributes
    ----------
    chunks : tuple of Chunk
        The groups in display order (one chunk when the axis is not split).
    labels : tuple, optional
        The data's labels in data order (a DataFrame's index or columns).
    gap : float
        Inches between neighbouring chunks.
    parent : Clustering, optional
        A tree over the chunks (its leaf ``i`` is chunk ``parent_chunk[i]``),
        drawn as the tree between groups.
    parent_chunk : tuple of int, optional
        For each leaf of ``parent``, the index of its chunk.
    axis : int
        0 for a core's rows, 1 for its columns (set when the tree is planned;
        messages use it).
    """

    chunks: tuple = attrs.field(converter=_chunks)
    labels: tuple | None = attrs.field(default=None, converter=_labels, eq=False, repr=False)
    gap: float = attrs.field(default=0.0, converter=lambda v: to_inches(v, "split_gap"))
    parent: Any = attrs.field(default=None, eq=False, repr=False)
    #: ``chunks[parent_chunk[i]]`` is leaf ``i`` of ``parent`` (for drawing the tree between groups).
    parent_chunk: tuple | None = attrs.field(default=None, converter=_labels)
    axis: int = 0

    _order: np.ndarray = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self):
        order = np.concatenate([c.positions for c in self.chunks]) if len(self.chunks) > 1 \
            else self.chunks[0].positions
        check_permutation(order, "the leaf order")
        order = np.asarray(order, dtype=np.intp)
        order.flags.writeable = False
        object.__setattr__(self, "_order", order)
        if self.labels is not None and len(self.labels) != len(order):
            raise InputError(f"Leaves: {len(self.labels)} labels for {len(order)} leaves")
        if self.parent is not None and self.parent_chunk is not None \
                and len(self.parent_chunk) != len(self.chunks):
            raise InputError("Leaves: parent_chunk needs one entry per chunk")

    # -- building ------------------------------------------------------------------
    @classmethod
    def in_order(cls, order, labels: Sequence | None = None) -> "Leaves":
        """One chunk: ``order`` (an int n for ``0..n-1``, or data positions in display order)."""
        if isinstance(order, (int, np.integer)) and not isinstance(order, bool):
            order = np.arange(int(order))
        return cls(chunks=(Chunk(positions=order),), labels=labels)

    @classmethod
    def from_clustering(cls, clustering, labels: Sequence | None = None) -> "Leaves":
        """One chunk in the leaf order of a :class:`~gridfig.Clustering` (or a linkage matrix)."""
        clustering = as_clustering(clustering)
        return cls(chunks=(Chunk(positions=clustering.order, clustering=clustering),), labels=labels)

    @classmethod
    def grouped(cls, chunks: Sequence[Chunk], *, gap=0.0, labels: Sequence | None = None,
                parent=None, parent_chunk=None) -> "Leaves":
        """Several chunks separated by ``gap`` (a length), optionally with a tree between them."""
        return cls(chunks=tuple(chunks), gap=gap, labels=labels, parent=parent, parent_chunk=parent_chunk)

    def with_labels(self, labels) -> "Leaves":
        """The same leaves with the data's labels attached."""
        return attrs.evolve(self, labels=labels)

    # -- reading -------------------------------------------------------------------
    @property
    def order(self) -> np.ndarray:
        """Data positions of every leaf in display order (all chunks, first to last)."""
        return self._order

    @property
    def n(self) -> int:
        return len(self._order)

    @property
    def what(self) -> str:
        """``"rows"`` or ``"columns"``."""
        return ("rows", "columns")[self.axis]

    @property
    def split(self) -> bool:
        """True when there is more than one chunk."""
        return len(self.chunks) > 1

    @property
    def starts(self) -> np.ndarray:
        """Display position of each chunk's first leaf."""
        return np.concatenate([[0], np.cumsum([c.n for c in self.chunks])[:-1]]).astype(int)

    @property
    def groups(self) -> list:
        """``(label, data positions in display order)`` per chunk, in display order."""
        return [(c.label, c.positions) for c in self.chunks]

    @property
    def height(self) -> float:
        """The tallest merge of any chunk's tree (0 when none is clustered): one scale for all."""
        heights = [float(c.clustering.linkage[:, 2].max()) for c in self.chunks
                   if c.clustering is not None and len(c.clustering.linkage)]
        return max(heights, default=0.0)

    def lengths(self, total: float) -> list[float]:
        """Inches each chunk takes of a core ``total`` long: the gaps are fixed, the rest goes by leaf count."""
        k = len(self.chunks)
        if k == 1:
            return [float(total)]
        unit = (total - (k - 1) * self.gap) / max(self.n, 1)
        return [c.n * unit for c in self.chunks]


def as_clustering(value):
    """A :class:`~gridfig.Clustering` from a Clustering or a linkage matrix."""
    from .clustering import Clustering

    if isinstance(value, Clustering):
        return value
    from .clustering import leaf_order

    Z = np.asarray(value, dtype=float)
    if Z.ndim != 2 or Z.shape[1] != 4 or Z.shape[0] < 1:
        raise InputError(f"linkage: expected an (n-1, 4) linkage matrix, got shape {Z.shape}")
    return Clustering(linkage=Z, order=leaf_order(Z))


def check_permutation(order, what: str) -> None:
    """Refuse an order that repeats or misses data positions, naming them."""
    order = np.asarray(order)
    n = len(order)
    if n and (order.min() < 0 or order.max() >= n or len(np.unique(order)) != n):
        counts = np.bincount(order[(order >= 0) & (order < n)], minlength=n)
        twice = np.flatnonzero(counts > 1).tolist()
        missing = np.flatnonzero(counts == 0).tolist()
        outside = order[(order < 0) | (order >= n)].tolist()
        parts = [f"repeats {quote_some(twice)}" if twice else "",
                 f"misses {quote_some(missing)}" if missing else "",
                 f"has positions outside 0..{n - 1}: {quote_some(outside)}" if outside else ""]
        raise InputError(f"{what} must show each of the {n} data positions once; it "
                         + "; ".join(p for p in parts if p))


def match_labels(shown: Sequence, own: Sequence, what: str, who: str) -> np.ndarray:
    """Positions in ``own`` of the labels ``shown``, in that order (every label exactly once)."""
    position = {lab: i for i, lab in enumerate(own)}
    lacking = [lab for lab in shown if lab not in position]
    extra = sorted(set(own) - set(shown), key=str)
    if lacking or extra or len(position) != len(own):
        raise InputError(f"{who}: the {what} labels differ from the first node's: "
                         f"missing {quote_some(lacking) or 'none'}; extra {quote_some(extra) or 'none'}")
    return np.array([position[lab] for lab in shown], dtype=np.intp)


def relabel(leaves: Leaves, own_labels: Sequence | None, what: str, who: str) -> Leaves:
    """``leaves`` of one node, given to another whose data holds the same labels in another order.

    Each chunk shows, at each position, the row with the label the first node
    shows there; the groups and their trees are kept.
    """
    if leaves.labels is None or own_labels is None:
        return attrs.evolve(leaves, labels=own_labels)
    shown = [leaves.labels[i] for i in leaves.order]
    mine = match_labels(shown, list(own_labels), what, who)
    chunks, start = [], 0
    for c in leaves.chunks:
        chunks.append(attrs.evolve(c, positions=mine[start:start + c.n]))
        start += c.n
    return attrs.evolve(leaves, chunks=tuple(chunks), labels=own_labels)
