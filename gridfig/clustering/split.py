"""Splitting one axis of a matrix into groups, each clustered on its own: the leaves of a split heatmap.

:func:`split_leaves` turns a split request -- categories (a Series matched by
label, a DataFrame of several levels, a list by position), ``k`` (cut the
whole tree into k clusters) or ``"kmeans:k"`` -- into a
:class:`~gridfig.Leaves`: one chunk per group, in group order, each with its
own clustering. With ``split_order="cluster"`` the groups are ordered by
clustering their centroids, and that tree is kept as ``Leaves.parent`` (the
tree drawn between the groups). Nothing here draws.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import numpy as np

from ..errors import InputError, quote_some, warn
from ..leaves import Chunk, Leaves
from ..validate import is_real


def _say_extra(spec, labels: Sequence, arg: str, what: str) -> None:
    """Warn about the labels of a split (Series or DataFrame) that are not the data's, and the groups
    that had no other member (they are not drawn), as a strip says of its labels."""
    import pandas as pd

    index = pd.Index(spec.index)
    extra = index.difference(pd.Index(list(labels)), sort=False)
    if not len(extra):
        return
    def group(rows):
        if isinstance(spec, pd.DataFrame):
            return {tuple(r) for r in spec.loc[rows].itertuples(index=False)}
        return set(spec.loc[rows].tolist())

    kept = index.intersection(pd.Index(list(labels)), sort=False)
    lost = _natural_sorted(group(extra) - group(kept))
    gone = (f"; {'the group' if len(lost) == 1 else 'the groups'} {quote_some(lost)} had only those and "
            f"{'is' if len(lost) == 1 else 'are'} not drawn") if lost else ""
    warn(f"{arg}: {len(extra)} labels are not in the data's {what} and are ignored: "
         f"{quote_some(extra.tolist())}{gone}")


def group_labels(spec, labels: Sequence, n: int, arg: str, what: str, say_extra: bool = True):
    """One group label per data position and the groups in their natural order, from categories.

    A Series is matched by label (every data label must be in it; its labels the data lacks
    are named in a warning), a DataFrame gives the combinations of its columns, a list is read
    by position.
    """
    import pandas as pd

    if isinstance(spec, pd.DataFrame):
        parts = [group_labels(spec[c], labels, n, f"{arg}[{c!r}]", what, say_extra=False) for c in spec.columns]
        if not parts:
            raise InputError(f"{arg}: the DataFrame has no columns")
        _say_extra(spec, labels, arg, what)
        keys = list(zip(*[p[0] for p in parts]))
        rank = [{g: i for i, g in enumerate(p[1])} for p in parts]
        order = sorted(set(keys), key=lambda key: tuple(r[v] for r, v in zip(rank, key)))
        return keys, order
    if isinstance(spec, pd.Series):
        index = pd.Index(spec.index)
        if index.has_duplicates:
            raise InputError(f"{arg}: duplicate labels in the index: "
                             f"{quote_some(index[index.duplicated()].unique().tolist())}")
        lacking = pd.Index(list(labels)).difference(index, sort=False)
        if len(lacking):
            raise InputError(f"{arg}: {len(lacking)} of the data's {n} {what} have no group: "
                             f"{quote_some(lacking.tolist())}")
        if say_extra:
            _say_extra(spec, labels, arg, what)
        aligned = spec.reindex(list(labels))
        categories = list(spec.cat.categories) if isinstance(spec.dtype, pd.CategoricalDtype) else None
        values = aligned.tolist()
    else:
        if isinstance(spec, (str, bytes)) or np.ndim(spec) != 1:
            raise InputError(f"{arg}: expected a Series, DataFrame, list of {n} group labels, an int k "
                             f"or 'kmeans:k', got {type(spec).__name__} {spec!r:.40}")
        values = list(spec)
        if len(values) != n:
            raise InputError(f"{arg}: a list of groups by position needs {n} labels (one per {what[:-1]}), "
                             f"got {len(values)}")
        categories = None
    missing = [labels[i] for i, v in enumerate(values) if v is None or (isinstance(v, float) and v != v)]
    if missing:
        raise InputError(f"{arg}: {len(missing)} {what} have a missing group label: {quote_some(missing)}")
    if categories is not None:
        present = set(values)
        order = [c for c in categories if c in present]
    else:
        order = _natural_sorted(set(values))
    return values, order


def _say_too_many(values: list, k: int, n: int, arg: str, what: str) -> None:
    """Warn when categories make a group of each (or nearly each) row: a continuous value given as a split."""
    numbers = all(is_real(v) for v in values)
    fractional = numbers and any(not float(v).is_integer() for v in values)
    if n < 3 or not (k == n or (fractional and k > n / 2)):
        return
    how = f"one {what[:-1]} each" if k == n else f"from {k} distinct numbers"
    warn(f"{arg}: {k} groups for {n} {what}, {how}: a split is by categories (each value is a group, and a "
         f"group of one {what[:-1]} has no tree); to group similar {what} give {arg}=k (a cut of the tree) "
         f"or {arg}='kmeans:k', or bin a continuous value first (pandas.cut)")


def _natural_sorted(values) -> list:
    def key(v):
        if isinstance(v, str):
            return (1, [(0, int(p), "") if p.isdigit() else (1, 0, p.lower())
                        for p in re.split(r"(\d+)", v) if p])
        return (0, v)

    try:
        return sorted(values, key=key)
    except TypeError:
        return sorted(values, key=lambda v: (type(v).__name__, str(v)))


def parse_k(spec, arg: str):
    """``("cut", k)``, ``("kmeans", k)`` or ``None`` for categories."""
    if isinstance(spec, (bool, np.bool_)):
        raise InputError(f"{arg}: expected categories, an int k or 'kmeans:k', got {spec!r}")
    if isinstance(spec, (int, np.integer)):
        return ("cut", int(spec))
    if isinstance(spec, str):
        m = re.fullmatch(r"\s*kmeans\s*:\s*(\d+)\s*", spec)
        if not m:
            raise InputError(f"{arg}: a string must be 'kmeans:k' (e.g. 'kmeans:3'), got {spec!r}")
        return ("kmeans", int(m.group(1)))
    return None


#: k-means starts from this many seeded k-means++ initialisations and keeps the partition with the
#: smallest within-group sum of squares (scikit-learn's ``n_init``, ComplexHeatmap's ``row_km_repeats``):
#: one start can settle in a poor local optimum, merging two clusters and splitting another.
KMEANS_STARTS = 10


def kmeans_labels(X: np.ndarray, k: int, arg: str, seed: int = 0, starts: int = KMEANS_STARTS) -> np.ndarray:
    """k-means cluster of each row, numbered 1.. in order of first appearance (as a cut is numbered).

    The best of ``starts`` runs of scipy's ``kmeans2`` (fewest empty clusters, then the smallest
    within-group sum of squares), all drawn from one generator seeded with ``seed``: the same
    groups on every run.
    """
    import warnings

    from scipy.cluster.vq import kmeans2

    if np.isnan(X).any():
        raise InputError(f"{arg}: k-means needs complete data, but {int(np.isnan(X).any(axis=1).sum())} "
                         f"rows have missing values; split by categories or by a cut of the tree (an int)")
    rng = np.random.default_rng(seed)
    best, best_key = None, None
    with warnings.catch_warnings():
        # a start that empties a cluster is simply not kept (the best one is said below)
        warnings.filterwarnings("ignore", message="One of the clusters is empty")
        for _ in range(starts):
            centroids, labels = kmeans2(X, k, seed=rng, minit="++")
            key = (k - len(np.unique(labels)), float(((X - centroids[labels]) ** 2).sum()))
            if best_key is None or key < best_key:
                best, best_key = labels, key
    _, first = np.unique(best, return_index=True)
    renumber = np.empty(int(best.max()) + 1, dtype=np.intp)
    renumber[best[np.sort(first)]] = np.arange(1, len(first) + 1)
    labels = renumber[best]
    found = len(first)
    if found < k:
        warn(f"{arg}: k-means found {found} non-empty clusters of the {k} asked for; "
             f"showing {found} groups")
    return labels


ORDERS = ("natural", "cluster")


def _order(value, arg: str):
    """A group order as given (None, "natural", "cluster"), or a list of group labels; else refused."""
    if value is None or (isinstance(value, str) and value in ORDERS):
        return value
    if isinstance(value, (list, tuple)):
        return list(value)
    raise InputError(f"{arg}: expected None, 'natural', 'cluster' or a list of group labels, got {value!r}")


def axis_orders(split_order, row_split_order, col_split_order, row_split, col_split) -> list:
    """``[(order, arg), (order, arg)]`` for the rows and the columns: ``split_order`` orders the
    groups of both axes, ``row_split_order`` / ``col_split_order`` those of one; ``arg`` is the
    argument the order came from, for messages."""
    both = _order(split_order, "split_order")
    if both is not None and row_split is None and col_split is None:
        raise InputError("split_order: neither the rows nor the columns are split; give row_split= or "
                         "col_split=, or drop split_order")
    out = []
    for own, split, axis, what in ((row_split_order, row_split, "row", "rows"),
                                   (col_split_order, col_split, "col", "columns")):
        arg = f"{axis}_split_order"
        own = _order(own, arg)
        if own is not None and split is None:
            raise InputError(f"{arg}: the {what} are not split; give {axis}_split= too, or drop {arg}")
        if own is not None and both is not None and own != both:
            raise InputError(f"{arg}: conflicts with split_order={split_order!r}, which orders the groups of "
                             f"both axes; give split_order for both, or row_split_order / col_split_order "
                             f"for each")
        out.append((own, arg) if own is not None else (both, "split_order"))
    if isinstance(both, list) and row_split is not None and col_split is not None \
            and all(arg == "split_order" for _, arg in out):
        raise InputError("split_order: a list orders the groups of one axis, but the rows and the columns "
                         "are both split; give it as row_split_order= or col_split_order=")
    return out


def _listed_order(wanted: list, groups: list, arg: str, order_arg: str) -> list:
    """The groups in the order of ``wanted``, which must name each of them once."""
    def known(g):
        try:
            return g in groups
        except (TypeError, ValueError):  # an entry that cannot be compared (an array) is no group
            return False

    seen = list(dict.fromkeys(g for g in wanted if known(g)))
    twice = [g for g in seen if wanted.count(g) > 1]
    unknown = [g for g in wanted if not known(g)]
    left_out = [g for g in groups if g not in seen]
    if twice or unknown or left_out:
        problems = ([f"listed more than once: {quote_some(twice)}"] if twice else []) + \
                   ([f"unknown {quote_some(unknown)}"] if unknown else []) + \
                   ([f"missing {quote_some(left_out)}"] if left_out else [])
        raise InputError(f"{order_arg}: must list each group of {arg} once; {'; '.join(problems)}; "
                         f"the groups are {quote_some(groups, 8)}")
    return seen


def split_leaves(X: np.ndarray, spec, *, labels: Sequence, what: str, arg: str, cluster_groups: bool,
                 whole: Any = None, gap=0.0, split_order=None, order_arg: str = "split_order",
                 cluster_kwargs: dict) -> Leaves:
    """The leaves of one axis split into groups (see the module docstring).

    Parameters
    ----------
    X : (n, p) array
        The observations of this axis (rows of the matrix, or of its transpose).
    spec
        The split: categories, ``k`` or ``"kmeans:k"``.
    labels : sequence
        The data's labels of this axis.
    cluster_groups : bool
        Cluster each group (else keep the data order within groups).
    whole : Clustering, optional
        The clustering of all observations, needed to cut the tree (``k``).
    split_order : None, "natural", "cluster" or a list of group labels
        Group order: ``"natural"`` (category order, else sorted naturally;
        the tree's order for a cut; first appearance for k-means), by
        clustering the groups' centroids, or as listed. ``None``: natural,
        except k-means groups, which are clustered.
    order_arg : str
        The argument ``split_order`` came from, for messages.
    cluster_kwargs : dict
        metric, method, optimal_ordering for :func:`~gridfig.clustering.cluster`.
    """
    from .linkage import cluster

    n = X.shape[0]
    kind = parse_k(spec, arg)
    if kind is not None:
        how, k = kind
        if not 1 <= k <= n:
            raise InputError(f"{arg}: {k} groups asked for, but there are {n} {what}; k must be 1 to {n}")
        if how == "cut":
            if whole is None:
                raise InputError(f"{arg}: an int k cuts the {what[:-1]} tree into k groups, but the {what} "
                                 f"are not clustered; use 'kmeans:{k}' or give categories")
            from ..panels.dendrogram import cluster_numbers

            values = list(cluster_numbers(np.asarray(whole.linkage), k))
            natural = sorted(set(values))
        else:
            raw = kmeans_labels(X, k, arg)
            values, natural = list(raw), sorted(set(raw.tolist()))
            if split_order is None:
                split_order = "cluster"
    else:
        values, natural = group_labels(spec, labels, n, arg, what)
        _say_too_many(values, len(natural), n, arg, what)
    members = {g: [] for g in natural}
    for i, v in enumerate(values):
        members[v].append(i)
    groups = natural
    parent = parent_chunk = None
    if split_order == "cluster":
        if len(groups) > 1:
            centroids = np.vstack([np.nanmean(X[members[g]], axis=0) for g in groups])
            parent = cluster(centroids, **cluster_kwargs, axis="rows", labels=[str(g) for g in groups])
            groups = [groups[i] for i in parent.order]
            parent_chunk = tuple(int(np.flatnonzero(np.asarray(parent.order) == i)[0])
                                 for i in range(len(natural)))
    elif split_order is not None and split_order != "natural":
        groups = _listed_order(list(split_order), groups, arg, order_arg)
    if kind is not None:
        # groups by number are numbered 1..k in display order
        renumber = {g: i + 1 for i, g in enumerate(groups)}
        groups_named = [(renumber[g], g) for g in groups]
    else:
        groups_named = [(g, g) for g in groups]
    chunks = []
    for name, g in groups_named:
        rows = np.asarray(members[g], dtype=np.intp)
        clustering = None
        if cluster_groups and len(rows) > 1:
            clustering = cluster(X[rows], **cluster_kwargs, axis=what, labels=[labels[i] for i in rows])
            positions = rows[np.asarray(clustering.order)]
        else:
            positions = rows
        chunks.append(Chunk(positions=positions, clustering=clustering, label=name))
    return Leaves.grouped(chunks, gap=gap, labels=labels, parent=parent, parent_chunk=parent_chunk)
