"""Distances through a matrix product (gridfig.clustering._gram) against scipy.

Tolerance, precisely: every distance must equal scipy's pdist to a relative
1e-12 with NO absolute tolerance. That holds near zero too because the
distances small enough for cancellation to matter (euclidean: ``|x - y|^2``
small next to ``|x|^2 + |y|^2``; cosine/correlation: ``1 - cos`` small next to
1) are recomputed by scipy itself, and must then equal pdist's bit for bit:
``test_small_distances_are_scipys_bit_for_bit`` checks that separately.
"""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist

from gridfig.clustering import _distances, _gram, cluster
from gridfig.clustering._checks import Namer
from gridfig.demo import seed_data

METRICS = list(_gram.METRICS)


def _realistic(rng, n):
    """A scikit-learn-like table: mixed scales and offsets, an integer column,
    a binary column, correlated features, rows of a few classes."""
    cls = rng.integers(0, 3, n)
    base = rng.normal(size=(n, 4)) + cls[:, None]
    return np.column_stack([
        5.8 + 0.8 * base[:, 0],                     # a length in cm
        1200.0 + 300.0 * base[:, 1],                # an area, large offset
        0.01 * base[:, 2],                          # a tiny-scale feature
        rng.poisson(3 + cls),                       # counts
        (base[:, 3] > 0.5).astype(float),           # 0/1
        base[:, :3] @ rng.normal(size=(3, 5)),      # correlated features
        1e6 + rng.normal(size=n),                   # huge offset, unit spread
    ])


def datasets():
    rng = np.random.default_rng(12)
    seed = seed_data()[0].to_numpy(dtype=float)  # Fortran-ordered, as DataFrames give
    ties = rng.integers(0, 4, size=(70, 12)).astype(float)
    ties[10] = ties[3]
    ties[40] = ties[41] = ties[5]
    dup = rng.normal(size=(90, 15))
    dup[[7, 30, 31]] = dup[2]
    dup[50] = dup[51] + 1e-9  # a near-duplicate
    const = rng.normal(size=(50, 10))
    const[[4, 9]] = 3.0  # constant rows (not for correlation)
    offset = rng.normal(size=(80, 20)) * 0.01 + 1000.0
    halves = np.round(rng.normal(size=(75, 9)) * 2) / 2
    lowrank = rng.normal(size=(66, 2)) @ rng.normal(size=(2, 30)) + 1e-7 * rng.normal(size=(66, 30))
    return {
        "seed": seed,
        "seed_T": seed.T,
        "normal": rng.normal(size=(97, 23)),
        "ties": ties,
        "duplicates": dup,
        "constant_rows": const,
        "offset": offset,
        "halves": halves,
        "lowrank": lowrank,
        "realistic": _realistic(rng, 120),
    }


DATA = datasets()


def _allowed(name, metric):
    return not (name == "constant_rows" and metric == "correlation")


@pytest.fixture
def gram_everywhere(monkeypatch):
    """Use the product path for any size, with small blocks (many of them)."""
    monkeypatch.setattr(_gram, "MIN_ROWS", 2)
    monkeypatch.setattr(_gram, "MIN_COLS", 1)
    monkeypatch.setattr(_gram, "BLOCK_BYTES", 8 * 7 * 100)  # ~7 rows per block here


def _gram_d(X, metric, block_bytes=8 * 7 * 100):
    return _gram.condensed(X, metric, block_bytes=block_bytes)


# --- distances ------------------------------------------------------------------


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("name", list(DATA))
def test_distances_equal_pdist(name, metric):
    if not _allowed(name, metric):
        pytest.skip("constant rows have no correlation")
    X = DATA[name]
    d = _gram_d(X, metric)
    np.testing.assert_allclose(d, pdist(X, metric), rtol=1e-12, atol=0)


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize(
    "shape",
    [(2, 5), (3, 1), (40, 1), (2, 1), (7, 3), (64, 8), (101, 17), (250, 40)],
)
def test_shapes_and_block_boundaries(shape, metric):
    # blocks of 3 rows: 101, 250 and the rest are not multiples of it
    rng = np.random.default_rng(sum(shape))
    X = rng.normal(size=shape) + 2.0
    if metric == "correlation" and shape[1] == 1:
        pytest.skip("one column: every row is constant")
    for block_bytes in (8 * 3 * shape[0], 1 << 20):
        d = _gram_d(X, metric, block_bytes=block_bytes)
        assert d.shape == (shape[0] * (shape[0] - 1) // 2,)
        np.testing.assert_allclose(d, pdist(X, metric), rtol=1e-12, atol=0)


@pytest.mark.parametrize("metric", METRICS)
def test_memory_order_and_float32(metric):
    rng = np.random.default_rng(3)
    C = rng.normal(size=(83, 19))
    F = np.asfortranarray(C)
    expected = pdist(C, metric)
    for X in (C, F, C.T.copy().T, F[::2], C[:, ::2]):
        np.testing.assert_allclose(_gram_d(X, metric), pdist(X, metric), rtol=1e-12, atol=0)
    np.testing.assert_array_equal(_gram_d(F, metric), _gram_d(C, metric))
    assert F.flags.f_contiguous  # not made C-ordered behind the caller's back
    f32 = C.astype(np.float32)
    X = _distances.pdist(f32.astype(np.float64), metric, Namer("rows"), "data")
    np.testing.assert_allclose(X, pdist(f32, metric), rtol=1e-12, atol=0)
    assert not np.array_equal(expected, pdist(f32, metric))  # float32 really differs


@pytest.mark.parametrize("metric", METRICS)
def test_small_distances_are_scipys_bit_for_bit(metric):
    X = DATA["duplicates"]
    d, e = _gram_d(X, metric), pdist(X, metric)
    small = e < 1e-3 * np.median(e)
    assert small.sum() >= 5  # the duplicates and the near-duplicate
    np.testing.assert_array_equal(d[small], e[small])
    # integer data is exact on both paths: every distance the same bits
    T = DATA["ties"]
    if metric in ("euclidean", "sqeuclidean"):
        np.testing.assert_array_equal(_gram_d(T, metric), pdist(T, metric))


def test_recomputation_is_needed():
    """Without recomputing, the duplicates' small distances would be off (so
    the tolerance above is not met by luck)."""
    X = DATA["duplicates"]
    from unittest import mock

    with mock.patch.object(_gram, "_recompute", lambda *a: None):
        d = _gram_d(X, "correlation")
    e = pdist(X, "correlation")
    assert not np.allclose(d, e, rtol=1e-12, atol=0)


def _spy(monkeypatch):
    calls = []
    real = _gram.condensed
    monkeypatch.setattr(_gram, "condensed", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    return calls


# --- leaf orders through cluster() -----------------------------------------------------

ORDER_CASES = [
    (name, metric, method)
    for name in DATA
    for metric in METRICS
    for method in ("average", "complete", "single", "weighted")
    if _allowed(name, metric)
] + [(name, "euclidean", m) for name in DATA for m in ("ward", "centroid", "median")]


@pytest.mark.parametrize("name,metric,method", ORDER_CASES)
def test_leaf_order_equals_scipy(name, metric, method, gram_everywhere, monkeypatch):
    X = DATA[name]
    calls = _spy(monkeypatch)
    c = cluster(X, metric=metric, method=method)
    Z = hierarchy.linkage(X, method=method, metric=metric)
    expected = hierarchy.leaves_list(Z)
    try:
        import fastcluster
    except ImportError:
        pass
    else:
        # On tied distances fastcluster and scipy can break ties differently
        # (the integer 'ties' data with centroid/median: fastcluster on pdist's
        # own distances already disagrees with scipy). There the reference is
        # what gridfig did before, fastcluster on pdist's distances.
        Zf = fastcluster.linkage(pdist(X, metric), method=method)
        if not np.array_equal(hierarchy.leaves_list(Zf), expected):
            assert name == "ties", "fastcluster and scipy disagree on data without ties"
            Z, expected = Zf, hierarchy.leaves_list(Zf)
    np.testing.assert_array_equal(c.order, expected)
    np.testing.assert_allclose(np.sort(c.linkage[:, 2]), np.sort(Z[:, 2]), rtol=1e-10, atol=1e-12)
    assert calls, "the product path was not used"


@pytest.mark.parametrize("metric", METRICS)
def test_dataframe_float32_and_memory_order_through_cluster(metric, gram_everywhere):
    import pandas as pd

    X = DATA["realistic"]
    expected = hierarchy.leaves_list(hierarchy.linkage(X, method="average", metric=metric))
    for data in (X, np.asfortranarray(X), pd.DataFrame(X), X.T.copy().T):
        np.testing.assert_array_equal(cluster(data, metric=metric).order, expected)
    f32 = X[:, :-1].astype(np.float32)  # (the 1e6 column does not survive float32)
    expected = hierarchy.leaves_list(hierarchy.linkage(f32, method="average", metric=metric))
    for data in (f32, np.asfortranarray(f32), pd.DataFrame(f32)):
        np.testing.assert_array_equal(cluster(data, metric=metric).order, expected)


@pytest.mark.parametrize("metric", METRICS)
def test_optimal_ordering_equals_scipy(metric, gram_everywhere):
    X = DATA["realistic"]
    c = cluster(X, metric=metric, method="average", optimal_ordering=True)
    Z = hierarchy.linkage(X, method="average", metric=metric, optimal_ordering=True)
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(Z))


# --- which path -----------------------------------------------------------------------------


def test_paths(monkeypatch):
    calls = _spy(monkeypatch)
    rng = np.random.default_rng(0)
    big = rng.normal(size=(80, 10))
    cluster(big, metric="correlation")
    cluster(big, metric="cityblock")  # pdist
    cluster(big, metric=lambda u, v: float(np.abs(u - v).max()))  # pdist
    cluster(big[:, :5], metric="cosine")  # too few columns: pdist
    cluster(big[:3], metric="cosine")  # few rows: still the product (pdist would import scipy.spatial)
    assert calls == ["correlation", "cosine"]


def test_nan_data_keeps_the_pairwise_complete_path(monkeypatch):
    calls = _spy(monkeypatch)
    X = np.random.default_rng(1).normal(size=(80, 10))
    X[3, 4] = np.nan
    for metric in METRICS:
        with pytest.warns(UserWarning, match="1 missing"):
            c = cluster(X, metric=metric)
        assert c.n == 80
    assert calls == []


def test_vector_path_only_when_the_matrix_is_too_big(monkeypatch):
    fastcluster = pytest.importorskip("fastcluster")
    calls = []
    real = fastcluster.linkage_vector
    monkeypatch.setattr(
        fastcluster, "linkage_vector", lambda X, method, metric: calls.append(method) or real(X, method, metric)
    )
    gram_calls = _spy(monkeypatch)
    X = np.random.default_rng(2).normal(size=(100, 12))
    cluster(X, method="ward")
    cluster(X, method="single", metric="correlation")
    assert calls == [] and gram_calls == ["euclidean", "correlation"]
    from gridfig.clustering import linkage

    monkeypatch.setattr(linkage, "CONDENSED_MAX_BYTES", 8 * 100 * 99 // 2 - 1)
    a = cluster(X, method="ward")
    monkeypatch.setattr(linkage, "CONDENSED_MAX_BYTES", 2 << 30)
    b = cluster(X, method="ward")
    assert calls == ["ward"]
    np.testing.assert_array_equal(a.order, b.order)


# --- memory --------------------------------------------------------------------------------


def _peak(f):
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = f()
        return result, tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("metric", METRICS)
def test_no_second_copy_of_the_data(metric, monkeypatch):
    """Peak: the condensed matrix + a boolean block buffer + ONE copy of the data (the product is
    written into the condensed matrix's unfilled part, so no float block buffer)."""
    n, p = 1200, 300
    block = 1 << 18
    monkeypatch.setattr(_gram, "BLOCK_BYTES", block)
    X = np.asfortranarray(np.random.default_rng(4).normal(size=(n, p)))  # as DataFrame.to_numpy()
    condensed, data = 8 * n * (n - 1) // 2, X.nbytes
    d, peak = _peak(lambda: _distances.pdist(X, metric, Namer("rows"), "data"))
    budget = condensed + data + 0.125 * block  # the bool buffer
    slack = 16 * 8 * n + 8 * 300 * p  # row vectors, a block's rows of the data, small arrays
    assert peak <= budget + slack, (peak, budget)
    # and that is a real bound: one more copy of the data would break it
    assert budget + slack < condensed + 2 * data
    np.testing.assert_allclose(d, pdist(X, metric), rtol=1e-12, atol=0)


def test_pdist_fallback_makes_one_contiguous_copy():
    n, p = 900, 400
    X = np.asfortranarray(np.random.default_rng(5).normal(size=(n, p)))
    condensed = 8 * n * (n - 1) // 2
    d, peak = _peak(lambda: _distances.pdist(X, "cityblock", Namer("rows"), "data"))
    slack = d.size + (1 << 16)  # check_distances' boolean mask of d, small arrays
    assert condensed + X.nbytes <= peak <= condensed + X.nbytes + slack
    Xc = np.ascontiguousarray(X)
    d, peak = _peak(lambda: _distances.pdist(Xc, "cityblock", Namer("rows"), "data"))
    assert peak <= condensed + slack  # already C-ordered: no copy


def test_cluster_peak_memory(monkeypatch):
    """Through cluster() on a Fortran-ordered array, as clustermap passes it:
    within 1.1 x the condensed matrix when the data is small next to it (the
    benchmark's 20,000 x 50 has data at 0.5% of the condensed matrix)."""
    n, p = 3000, 12
    monkeypatch.setattr(_gram, "BLOCK_BYTES", 1 << 18)
    X = np.asfortranarray(np.random.default_rng(6).normal(size=(n, p)))
    condensed = 8 * n * (n - 1) // 2
    c, peak = _peak(lambda: cluster(X, method="average"))
    assert peak <= 1.1 * condensed, (peak, condensed)
    assert c.n == n
    # with the real block size: no float block buffer (it was an eighth of the matrix, 1.16x
    # here), only the boolean flags (a 64th), the data's working copy and small vectors
    monkeypatch.setattr(_gram, "BLOCK_BYTES", 1 << 25)
    for metric in ("euclidean", "correlation"):
        c, peak = _peak(lambda: cluster(X, method="average", metric=metric))
        assert peak <= 1.05 * condensed, (metric, peak / condensed)



# --- BLAS threads ---------------------------------------------------------------------------


def test_blas_threads_limited_when_threadpoolctl_is_there(monkeypatch):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    seen = []
    real = np.matmul

    def spy(*args, **kwargs):
        seen.append({i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"})
        return real(*args, **kwargs)

    monkeypatch.setattr(_gram.np, "matmul", spy)
    monkeypatch.setattr(_gram, "THREADS_MIN_WORK", 0)
    X = np.random.default_rng(8).normal(size=(90, 12))
    d = _gram_d(X, "euclidean")
    assert seen and all(s <= {1} for s in seen)
    np.testing.assert_allclose(d, pdist(X), rtol=1e-12, atol=0)


def test_without_threadpoolctl(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "threadpoolctl", None)  # import raises ImportError
    monkeypatch.setattr(_gram, "THREADS_MIN_WORK", 0)
    X = np.random.default_rng(9).normal(size=(90, 12))
    np.testing.assert_allclose(_gram_d(X, "cosine"), pdist(X, "cosine"), rtol=1e-12, atol=0)


# --- leaf order without scipy ---------------------------------------------------------------


@pytest.mark.parametrize("method", ["single", "average", "complete", "ward"])
@pytest.mark.parametrize("name", list(DATA))
def test_leaf_order_is_scipys_leaves_list(name, method):
    from gridfig.clustering import leaf_order

    Z = hierarchy.linkage(DATA[name], method=method)
    assert np.array_equal(leaf_order(Z), hierarchy.leaves_list(Z))
    assert leaf_order(Z).dtype == np.intp


def test_leaf_order_of_deep_chains_and_two_leaves():
    from gridfig.clustering import leaf_order

    for n in (2, 3, 5000):
        Z = np.zeros((n - 1, 4))
        Z[0, :2] = [1, 0]
        for k in range(1, n - 1):  # alternate the side the chain grows on
            Z[k, :2] = [n + k - 1, k + 1] if k % 2 else [k + 1, n + k - 1]
        Z[:, 2] = np.arange(n - 1)
        Z[:, 3] = np.arange(2, n + 1)
        assert np.array_equal(leaf_order(Z), hierarchy.leaves_list(Z))


def test_fastcluster_method_numbers_are_fastclusters():
    fastcluster = pytest.importorskip("fastcluster")
    from gridfig.clustering.linkage import FASTCLUSTER_METHODS

    assert FASTCLUSTER_METHODS == fastcluster.mthidx


# --- scikit-learn's bundled tables (real data: iris has duplicate rows) ----------------------

SKLEARN_TABLES = ("iris", "wine", "breast_cancer", "diabetes")


@pytest.mark.parametrize("table", SKLEARN_TABLES)
@pytest.mark.parametrize("metric", METRICS)
def test_sklearn_tables_leaf_orders_and_distances_equal_scipys(table, metric, monkeypatch):
    # the path users get (default blocks; iris' 4 columns go to pdist, the others to the product)
    datasets = pytest.importorskip("sklearn.datasets")
    X = np.asarray(getattr(datasets, f"load_{table}")().data, dtype=float)
    np.testing.assert_allclose(_gram.condensed(X, metric), pdist(X, metric), rtol=1e-12, atol=0)
    methods = ("average", "complete", "single", "weighted") + (("ward",) if metric == "euclidean" else ())
    for method in methods:
        calls = _spy(monkeypatch)
        c = cluster(X, metric=metric, method=method)
        assert bool(calls) == (X.shape[1] >= _gram.MIN_COLS), (table, "product path used?", calls)
        expected = hierarchy.leaves_list(hierarchy.linkage(X, method=method, metric=metric))
        np.testing.assert_array_equal(c.order, expected, err_msg=f"{table} {metric} {method}")
