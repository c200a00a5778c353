"""Line segments of a dendrogram, computed without recursion.

scipy's ``dendrogram()`` walks the tree recursively and hits Python's
recursion limit on chains deeper than about 1,000 merges, which real data
(single linkage, sorted values) produces. Here every merge is visited once in
linkage order: a merge's children always come earlier, so their positions are
known by the time it is reached.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._checks import check_linkage
from ._order import leaf_order
from .linkage import Clustering


def dendrogram_segments(linkage: Any) -> tuple[np.ndarray, np.ndarray]:
    """The U-shaped link of every merge of a linkage matrix.

    Parameters
    ----------
    linkage : array-like, DataFrame or Clustering, shape (n - 1, 4)
        A linkage matrix in the format of
        :func:`scipy.cluster.hierarchy.linkage`, or a
        :class:`~gridfig.clustering.Clustering`.

    Returns
    -------
    along : ndarray of float64, shape (n - 1, 4)
        Position along the leaves of the 4 points of each merge's U, in
        linkage order: child a's bottom, child a's top, child b's top, child
        b's bottom. Leaf ``k`` of ``leaves_list(linkage)`` sits at
        ``k + 0.5``, the centre of cell ``k`` of a heatmap with unit cells; a
        merge sits midway between its children.
    height : ndarray of float64, shape (n - 1, 4)
        Height of the same points: child a's height, the merge height twice,
        child b's height. Leaves have height 0.

    Raises
    ------
    InputError
        If ``linkage`` is not a valid linkage matrix.

    Notes
    -----
    The points equal scipy's ``dendrogram(linkage, no_plot=True)``
    ``icoord / 10`` and ``dcoord`` (which lists the same U's in another
    order), without its recursion limit.
    """
    if isinstance(linkage, Clustering):
        # already valid, and its leaf order is at hand
        Z, order = linkage.linkage, linkage.order
    else:
        Z = check_linkage(linkage, name="linkage")
        order = None
    m = Z.shape[0]
    n = m + 1
    if m == 0:
        return np.empty((0, 4)), np.empty((0, 4))
    if order is None:
        order = leaf_order(Z)  # scipy's leaves_list, iterative, without importing scipy
    a = Z[:, 0].astype(np.intp)
    b = Z[:, 1].astype(np.intp)
    x = np.empty(2 * n - 1)
    x[order] = np.arange(n) + 0.5
    # Python floats in lists: about 10x faster than indexing numpy per step
    xs, al, bl = x.tolist(), a.tolist(), b.tolist()
    for i in range(m):
        xs[n + i] = (xs[al[i]] + xs[bl[i]]) * 0.5
    x = np.array(xs)
    h = np.zeros(2 * n - 1)
    h[n:] = Z[:, 2]
    along = np.column_stack([x[a], x[a], x[b], x[b]])
    height = np.column_stack([h[a], Z[:, 2], Z[:, 2], h[b]])
    return along, height
