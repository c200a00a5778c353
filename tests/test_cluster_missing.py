"""Missing values: pairwise-complete distances in the manner of R's dist()."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist

from gridfig.clustering import cluster
from gridfig.clustering._checks import Namer
from gridfig.clustering._distances import METRICS, nan_pdist
from gridfig.errors import InputError

NAN = np.nan
# three observations with gaps; p = 4 coordinates
SMALL = np.array(
    [
        [1.0, NAN, 3.0, 4.0],
        [2.0, 2.0, NAN, 0.0],
        [NAN, 1.0, 1.0, 1.0],
    ]
)


def distances(X, metric):
    return nan_pdist(X, metric, Namer("rows"), "data")


def test_euclidean_by_hand():
    # R: dist(rbind(c(1,NA,3,4), c(2,2,NA,0), c(NA,1,1,1)))
    # pair (0, 1) shares columns 0 and 3: (1-2)^2 + (4-0)^2 = 17, scaled by 4/2
    # pair (0, 2) shares columns 2 and 3: (3-1)^2 + (4-1)^2 = 13, scaled by 4/2
    # pair (1, 2) shares columns 1 and 3: (2-1)^2 + (0-1)^2 = 2, scaled by 4/2
    expected = np.sqrt([17 * 4 / 2, 13 * 4 / 2, 2 * 4 / 2])
    np.testing.assert_allclose(distances(SMALL, "euclidean"), expected, rtol=1e-12)
    np.testing.assert_allclose(distances(SMALL, "sqeuclidean"), expected**2, rtol=1e-12)


def test_manhattan_and_canberra_by_hand():
    # R: dist(..., method = "manhattan"): |1-2| + |4-0| = 5, |3-1| + |4-1| = 5,
    # |2-1| + |0-1| = 2, each times 4/2
    np.testing.assert_allclose(distances(SMALL, "cityblock"), [10.0, 10.0, 4.0], rtol=1e-12)
    # R: dist(..., method = "canberra"): sum |x-y| / |x+y| (all values positive)
    expected = [
        (1 / 3 + 4 / 4) * 2,
        (2 / 4 + 3 / 5) * 2,
        (1 / 3 + 1 / 1) * 2,
    ]
    np.testing.assert_allclose(distances(SMALL, "canberra"), expected, rtol=1e-12)
    # R: dist(..., method = "maximum") is not rescaled
    np.testing.assert_allclose(distances(SMALL, "chebyshev"), [4.0, 3.0, 1.0])


def test_cluster_heights_follow_r_formula():
    with pytest.warns(UserWarning) as record:
        c = cluster(SMALL, method="average")
    # average linkage: (1, 2) first at 2, then 0 joins at the mean distance
    np.testing.assert_allclose(c.linkage[:, 2], [2.0, (np.sqrt(34) + np.sqrt(26)) / 2])
    message = str(record[0].message)
    assert "3 missing (NaN) values in 3 row(s)" in message
    assert "25.0% of cells" in message
    assert "R's dist()" in message


def test_correlation_is_pairwise_complete():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(12, 8))
    X[rng.random(X.shape) < 0.2] = NAN
    # pandas' DataFrame.corr uses pairwise-complete observations
    r = pd.DataFrame(X.T).corr().to_numpy()
    expected = 1 - r[np.triu_indices(12, 1)]
    np.testing.assert_allclose(distances(X, "correlation"), expected, rtol=1e-10, atol=1e-12)
    with pytest.warns(UserWarning, match="pairwise-complete correlation"):
        cluster(X, metric="correlation")


def test_cosine_uses_shared_coordinates():
    x, y = SMALL[0], SMALL[1]
    both = ~np.isnan(x) & ~np.isnan(y)
    u, v = x[both], y[both]
    expected = 1 - u @ v / np.sqrt(u @ u * (v @ v))
    assert distances(SMALL, "cosine")[0] == pytest.approx(expected)


def test_other_metric_per_pair():
    # hamming: no rescaling, the fraction of shared coordinates that differ
    X = np.array([[1.0, 0.0, NAN, 1.0], [1.0, 1.0, 0.0, NAN]])
    assert distances(X, "hamming")[0] == pytest.approx(1 / 2)
    # a function is called on the shared coordinates only
    seen = []

    def metric(u, v):
        seen.append((u.tolist(), v.tolist()))
        return 1.0

    distances(X, metric)
    assert seen == [([1.0, 0.0], [1.0, 1.0])]


@pytest.mark.parametrize("metric", [m for m in METRICS if m != "mahalanobis"])
def test_without_gaps_equals_pdist(metric):
    """The missing-value code computes each metric as pdist does."""
    rng = np.random.default_rng(11)
    X = rng.normal(size=(25, 5))
    X[:, :2] = np.round(X[:, :2])  # zeros and repeats, for the boolean metrics
    if metric == "jensenshannon":
        X = np.abs(X) + 0.1
    if metric == "dice":  # negative on other values, which is rejected
        X = (X > 0).astype(float)
    np.testing.assert_allclose(distances(X, metric), pdist(X, metric), rtol=1e-10, atol=1e-12)


def test_pair_without_shared_coordinate_is_named():
    X = np.array(
        [[1.0, 2.0, NAN, NAN], [NAN, NAN, 3.0, 4.0], [1.0, 1.0, 1.0, 1.0], [NAN, 5.0, 3.0, NAN]]
    )
    with pytest.raises(
        InputError, match=r"data has 1 pair of rows at positions \(0, 1\) with no column where both"
    ):
        with pytest.warns(UserWarning):
            cluster(X)
    with pytest.raises(InputError, match=r"1 pair of columns \('a', 'b'\) with no row"):
        with pytest.warns(UserWarning):
            cluster(X, axis="columns", labels=list("abcd"))


def test_undefined_pairwise_correlation_is_named():
    # each row varies, but on the columns they share row 1 is constant
    X = np.array([[1.0, 2.0, 3.0, NAN], [5.0, 5.0, NAN, 1.0], [2.0, 1.0, 2.0, 4.0]])
    with pytest.raises(InputError, match=r"'correlation' distance is undefined .* \(0, 1\)"):
        with pytest.warns(UserWarning):
            cluster(X, metric="correlation")


@pytest.mark.parametrize("method", ["average", "ward", "single"])
def test_optimal_ordering_with_gaps(method):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(30, 6))
    X[rng.random(X.shape) < 0.1] = NAN
    with pytest.warns(UserWarning):
        c = cluster(X, method=method, optimal_ordering=True)
    D = distances(X, "euclidean")
    Z = hierarchy.optimal_leaf_ordering(hierarchy.linkage(D, method), D)
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(Z))


def test_missing_values_fast_enough():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2000, 50))
    X[rng.random(X.shape) < 0.1] = NAN
    original = X.copy()
    start = time.perf_counter()
    with pytest.warns(UserWarning, match="10.0% of cells"):
        c = cluster(X, metric="correlation")
    assert time.perf_counter() - start < 5  # about 0.5 s on a 2-core machine
    assert c.n == 2000
    np.testing.assert_array_equal(X, original)
