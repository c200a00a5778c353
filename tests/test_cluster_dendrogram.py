"""gridfig.clustering.dendrogram_segments against scipy's dendrogram."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist

from gridfig.clustering import cluster, dendrogram_segments
from gridfig.errors import InputError


def scipy_us(Z):
    d = hierarchy.dendrogram(Z, no_plot=True)
    return np.asarray(d["icoord"]) / 10, np.asarray(d["dcoord"])


def as_sorted_us(along, height):
    """The U's as rows of 8 numbers, in a canonical order."""
    us = np.hstack([along, height])
    keys = np.round(us, 9)
    return us[np.lexsort(keys.T[::-1])]


def assert_same_us(Z):
    ours = as_sorted_us(*dendrogram_segments(Z))
    theirs = as_sorted_us(*scipy_us(Z))
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


def chain(n):
    """A linkage in which every merge adds one leaf to the previous cluster."""
    Z = np.empty((n - 1, 4))
    Z[0, :2] = 0, 1
    Z[1:, 0] = np.arange(n, 2 * n - 2)
    Z[1:, 1] = np.arange(2, n)
    Z[:, 2] = np.arange(1, n)
    Z[:, 3] = np.arange(2, n + 1)
    return Z


@pytest.mark.parametrize(
    "method", ["single", "complete", "average", "weighted", "centroid", "median", "ward"]
)
@pytest.mark.parametrize("seed", [0, 1])
def test_matches_scipy(method, seed):
    X = np.random.default_rng(seed).normal(size=(60, 4))
    Z = hierarchy.linkage(X, method)
    assert_same_us(Z)
    assert_same_us(hierarchy.optimal_leaf_ordering(Z, pdist(X)))


@settings(max_examples=30, deadline=None)
@given(
    st.integers(2, 40).flatmap(
        lambda n: st.lists(st.floats(-100, 100), min_size=n * 2, max_size=n * 2).map(
            lambda v: np.reshape(v, (-1, 2))
        )
    ),
    st.sampled_from(["single", "complete", "average"]),
)
def test_matches_scipy_on_any_tree(X, method):
    # ties and duplicate points included: both follow the same linkage matrix
    assert_same_us(hierarchy.linkage(pdist(X), method))


def test_layout_of_leaves_and_heights():
    X = np.random.default_rng(2).normal(size=(25, 3))
    c = cluster(X, optimal_ordering=True)
    along, height = dendrogram_segments(c)
    np.testing.assert_array_equal(along, dendrogram_segments(c.linkage)[0])
    Z = c.linkage
    n = c.n
    position = np.empty(n)
    position[c.order] = np.arange(n) + 0.5  # leaf k sits at the centre of cell k
    for side, col in ((0, 0), (1, 3)):
        leaf = Z[:, side] < n
        np.testing.assert_array_equal(along[leaf, col], position[Z[leaf, side].astype(int)])
        np.testing.assert_array_equal(height[leaf, col], 0.0)
    np.testing.assert_array_equal(height[:, 1], Z[:, 2])
    np.testing.assert_array_equal(height[:, 2], Z[:, 2])
    assert along.min() >= 0.5 and along.max() <= n - 0.5


def test_small_and_empty():
    along, height = dendrogram_segments(np.array([[0.0, 1.0, 2.5, 2.0]]))
    np.testing.assert_array_equal(along, [[0.5, 0.5, 1.5, 1.5]])
    np.testing.assert_array_equal(height, [[0.0, 2.5, 2.5, 0.0]])
    along, height = dendrogram_segments(np.empty((0, 4)))
    assert along.shape == height.shape == (0, 4)


def test_deep_chain_where_scipy_recursion_fails():
    Z = chain(3000)
    along, height = dendrogram_segments(Z)
    assert along.shape == (2999, 4)
    try:
        theirs = scipy_us(Z)
    except RecursionError:
        pass  # scipy's dendrogram() recurses once per level: 3,000 is too deep
    else:  # a scipy without the limit must agree with us
        np.testing.assert_allclose(as_sorted_us(along, height), as_sorted_us(*theirs))
    # the chain's last merge joins the cluster of leaves 0..n-2 and the last leaf
    assert along[-1, 3] == 2999.5 and height[-1, 1] == 2999


def test_hundred_thousand_leaf_chain_is_fast():
    Z = chain(100_000)
    start = time.perf_counter()
    along, height = dendrogram_segments(Z)
    assert time.perf_counter() - start < 1.5  # about 0.07 s on a 2-core machine
    assert along.shape == height.shape == (99_999, 4)


def test_input_not_mutated_and_invalid_named():
    Z = hierarchy.linkage(np.random.default_rng(0).normal(size=(10, 2)))
    before = Z.copy()
    dendrogram_segments(Z)
    np.testing.assert_array_equal(Z, before)
    Z[2, 0] = Z[1, 0]
    with pytest.raises(InputError, match="linkage is not a valid linkage matrix"):
        dendrogram_segments(Z)
    with pytest.raises(InputError, match="linkage must be a linkage matrix of shape"):
        dendrogram_segments(np.zeros((3, 5)))
