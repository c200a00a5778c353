"""gridfig.clustering.cluster: agreement with scipy, code paths, validation."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import attrs
import numpy as np
import pandas as pd
import pytest
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist

from gridfig.clustering import Clustering, cluster
from gridfig.errors import InputError, InputTypeError

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def data():
    # continuous random values: no tied distances, so the tree is unique
    return np.random.default_rng(7).normal(size=(40, 6))


@pytest.fixture(params=["fastcluster", "scipy"])
def backend(request, monkeypatch):
    """Run a test with fastcluster, and again as if it were not installed."""
    if request.param == "fastcluster":
        pytest.importorskip("fastcluster")
    else:
        # a None entry makes `import fastcluster` raise ImportError
        monkeypatch.setitem(sys.modules, "fastcluster", None)
    return request.param


def scipy_reference(X, method, metric, optimal):
    return hierarchy.linkage(X, method=method, metric=metric, optimal_ordering=optimal)


# --- same tree as scipy -------------------------------------------------------

METHODS = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]


@pytest.mark.parametrize("optimal", [False, True])
@pytest.mark.parametrize("method", METHODS)
def test_same_tree_as_scipy(data, method, optimal, backend):
    c = cluster(data, method=method, optimal_ordering=optimal)
    Z = scipy_reference(data, method, "euclidean", optimal)
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(Z))
    np.testing.assert_array_equal(c.linkage[:, [0, 1, 3]], Z[:, [0, 1, 3]])
    np.testing.assert_allclose(c.linkage[:, 2], Z[:, 2], rtol=1e-10)
    assert (c.method, c.metric, c.optimal_ordering, c.n) == (method, "euclidean", optimal, 40)


@pytest.mark.parametrize(
    "metric,method",
    [
        ("correlation", "average"),
        ("correlation", "single"),
        ("cosine", "complete"),
        ("cityblock", "average"),
        ("cityblock", "single"),
        ("chebyshev", "single"),
        ("canberra", "single"),
        ("braycurtis", "weighted"),
        ("seuclidean", "single"),
        ("sqeuclidean", "single"),
        ("minkowski", "average"),
        ("hamming", "single"),
    ],
)
def test_other_metrics_same_as_scipy(data, metric, method, backend):
    X = np.round(data, 1) if metric == "hamming" else data
    c = cluster(X, metric=metric, method=method, optimal_ordering=True)
    Z = scipy_reference(X, method, metric, True)
    if metric != "hamming":  # hamming's few distinct values tie
        np.testing.assert_array_equal(c.order, hierarchy.leaves_list(Z))
    np.testing.assert_allclose(np.sort(c.linkage[:, 2]), np.sort(Z[:, 2]), rtol=1e-10)


def test_manhattan_is_cityblock(data):
    a = cluster(data, metric="manhattan")
    b = cluster(data, metric="CityBlock")
    assert a.metric == b.metric == "cityblock"
    np.testing.assert_array_equal(a.order, b.order)


def test_callable_metric(data):
    def l1(u, v):
        return np.abs(u - v).sum()

    c = cluster(data[:15], metric=l1)
    np.testing.assert_array_equal(c.order, cluster(data[:15], metric="cityblock").order)
    assert c.metric is l1


def test_fastcluster_vector_path_is_used(data, monkeypatch):
    """ward/centroid/median and single need no n x n matrix with fastcluster."""
    fastcluster = pytest.importorskip("fastcluster")
    import scipy.spatial.distance

    calls = []
    real = fastcluster.linkage_vector

    def spy(X, method, metric):
        calls.append((method, metric))
        return real(X, method=method, metric=metric)

    def no_pdist(*args, **kwargs):
        raise AssertionError("pdist should not be needed")

    monkeypatch.setattr(fastcluster, "linkage_vector", spy)
    monkeypatch.setattr(scipy.spatial.distance, "pdist", no_pdist)
    for method in ("ward", "centroid", "median"):
        cluster(data, method=method)
    cluster(data, method="single", metric="chebyshev")
    assert calls == [
        ("ward", "euclidean"),
        ("centroid", "euclidean"),
        ("median", "euclidean"),
        ("single", "chebychev"),  # fastcluster's spelling
    ]


def test_nan_with_ward_uses_condensed_path(data, monkeypatch):
    fastcluster = pytest.importorskip("fastcluster")
    monkeypatch.setattr(fastcluster, "linkage_vector", None)  # would fail if called
    X = data.copy()
    X[3, 2] = np.nan
    with pytest.warns(UserWarning, match="1 missing"):
        c = cluster(X, method="ward")
    assert c.n == 40


def test_input_never_mutated(data):
    X = data.copy()
    X[2, 1] = np.nan
    frame = pd.DataFrame(X.copy())
    for method in METHODS:
        for arg in (data, frame):
            before = np.array(arg, copy=True)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)
                cluster(arg, method=method, optimal_ordering=True)
            np.testing.assert_array_equal(np.asarray(arg), before)
    Z = hierarchy.linkage(data, "average")
    Z_before = Z.copy()
    cluster(data, linkage=Z, optimal_ordering=True)
    np.testing.assert_array_equal(Z, Z_before)
    assert Z.flags.writeable


def test_clustering_is_frozen_and_read_only(data):
    c = cluster(data)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        c.method = "ward"
    with pytest.raises(ValueError):
        c.order[0] = 1
    with pytest.raises(ValueError):
        c.linkage[0, 2] = 1.0
    assert c.order.dtype == np.intp and c.linkage.dtype == np.float64


def test_dataframe_and_integer_input(data):
    frame = pd.DataFrame(data, index=[f"g{i}" for i in range(40)])
    np.testing.assert_array_equal(cluster(frame).order, cluster(data).order)
    ints = np.arange(20).reshape(10, 2) ** 2
    assert cluster(ints).n == 10


# --- precomputed linkage ------------------------------------------------------


def test_precomputed_linkage_is_used_as_is(data):
    Z = hierarchy.linkage(data, "complete")
    c = cluster(data, linkage=Z)
    np.testing.assert_array_equal(c.linkage, Z)
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(Z))
    assert c.method is None and c.metric is None and not c.optimal_ordering
    c = cluster(data, linkage=pd.DataFrame(Z))  # a DataFrame is accepted too
    np.testing.assert_array_equal(c.linkage, Z)


def test_precomputed_linkage_with_optimal_ordering(data):
    Z = hierarchy.linkage(data, "complete", metric="cosine")
    c = cluster(data, linkage=Z, metric="cosine", optimal_ordering=True)
    expected = hierarchy.optimal_leaf_ordering(Z, pdist(data, "cosine"))
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(expected))
    assert c.metric == "cosine" and c.optimal_ordering


def _bad(data, match, **kwargs):
    with pytest.raises(InputError, match=match):
        cluster(data, **kwargs)


def test_precomputed_linkage_wrong_size(data):
    Z = hierarchy.linkage(data[:12], "average")
    _bad(data[:13], r"row_linkage is for 12 leaves but data has 13 rows", linkage=Z)
    _bad(
        data[:13],
        r"col_linkage is for 12 leaves but data has 13 columns",
        linkage=Z,
        axis="columns",
    )


def test_precomputed_linkage_malformed(data):
    Z = hierarchy.linkage(data, "average")
    _bad(data, r"row_linkage must be a 2-D array.*shape \(156,\)", linkage=Z.ravel())
    _bad(
        data,
        r"row_linkage must be a linkage matrix of shape \(n - 1, 4\).*\(39, 3\)",
        linkage=Z[:, :3],
    )
    Zinf = Z.copy()
    Zinf[5, 2] = np.inf
    Zinf[7, 2] = np.nan
    _bad(
        data,
        r"row_linkage has non-finite heights in 2 merge\(s\), at linkage rows 5, 7",
        linkage=Zinf,
    )
    Zneg = Z.copy()
    Zneg[0, 2] = -1.0
    _bad(data, r"row_linkage is not a valid linkage matrix: .*negative distances", linkage=Zneg)
    Ztwice = Z.copy()
    Ztwice[1, 0] = Ztwice[0, 0]
    Ztwice[1, 1] = Ztwice[0, 1]
    _bad(data, r"row_linkage is not a valid .*same cluster more than once", linkage=Ztwice)
    Zearly = Z.copy()
    Zearly[0, 1] = 45
    _bad(data, r"col_linkage is not a valid .*before it is formed", linkage=Zearly, axis="columns")
    Zfrac = Z.copy()
    Zfrac[3, 0] += 0.5
    _bad(data, r"row_linkage .* whole numbers, but are not at linkage rows 3", linkage=Zfrac)
    Zcount = Z.copy()
    Zcount[-1, 3] = 39
    _bad(
        data, r"row_linkage .* counts \(column 3\) do not add up at linkage rows 38", linkage=Zcount
    )
    words = pd.DataFrame(Z)
    words[0] = "x"
    with pytest.raises(InputTypeError, match="row_linkage must hold numbers"):
        cluster(data, linkage=words)


# --- validation of data and arguments --------------------------------------------


def test_fewer_than_two_observations():
    _bad(np.ones((1, 3)), r"data has 1 row; clustering needs at least 2")
    _bad(np.ones((0, 3)), r"data has 0 columns; clustering needs at least 2", axis="columns")


def test_infinite_values_named(data):
    X = data.copy()
    X[[3, 9], 0] = [np.inf, -np.inf]
    _bad(X, r"data has infinite values in 2 row\(s\): rows at positions 3, 9")
    labels = [f"g{i}" for i in range(40)]
    _bad(
        X,
        r"data has infinite values in 2 column\(s\): columns 'g3', 'g9'",
        labels=labels,
        axis="columns",
    )
    _bad(pd.DataFrame(X, index=labels), r"rows 'g3', 'g9'")  # DataFrame index as labels


def test_all_nan_observation_named(data):
    X = data.copy()
    X[[0, 2, 4, 6, 8, 10, 12], :] = np.nan
    _bad(X, r"data has 7 row\(s\) with no values .*positions 0, 2, 4, 6, 8 and 2 more")


def test_zero_variance_with_correlation(data):
    X = data.copy()
    X[5] = 0.1  # its mean is not exactly 0.1 in floating point
    X[6, 1:] = np.nan  # one value only: no variance either
    _bad(
        X,
        r"2 constant row\(s\) \(zero variance\).*correlation.*positions 5, 6",
        metric="correlation",
    )
    labels = [f"s{i}" for i in range(40)]
    _bad(
        X,
        r"constant column\(s\).*columns 's5', 's6'",
        metric="correlation",
        axis="columns",
        labels=labels,
    )
    with pytest.warns(UserWarning, match="missing"):
        cluster(X, metric="euclidean")  # fine with a metric that allows it
    Z = X.copy()
    Z[7] = 0.0
    _bad(Z, r"all zero, .*cosine .*position 7", metric="cosine")


@pytest.mark.parametrize("method", ["ward", "centroid", "median"])
def test_euclidean_only_methods(data, method):
    _bad(
        data,
        rf"method '{method}' needs metric='euclidean'.*got metric='cityblock'",
        method=method,
        metric="cityblock",
    )

    def l1(u, v):
        return np.abs(u - v).sum()

    _bad(
        data,
        rf"method '{method}' needs metric='euclidean'.*got metric=l1",
        method=method,
        metric=l1,
    )


def test_unknown_names(data):
    _bad(
        data,
        r"metric 'euclidian' is unknown; use one of braycurtis, .*euclidean",
        metric="euclidian",
    )
    _bad(data, r"method 'wards' is unknown; use one of single, complete, .*ward", method="wards")
    with pytest.raises(InputTypeError, match="metric must be"):
        cluster(data, metric=3)
    with pytest.raises(InputTypeError, match="method must be a string"):
        cluster(data, method=None)
    _bad(data, r"axis must be 'rows' or 'columns', got 0", axis=0)
    with pytest.raises(InputTypeError, match="optimal_ordering must be True or False"):
        cluster(data, optimal_ordering="yes")


def test_bad_data_shape_and_type(data):
    _bad(data[0], r"data must be a 2-D array, got 1-D")
    with pytest.raises(InputTypeError, match="data must hold numbers"):
        cluster(np.array([["a", "b"], ["c", "d"]]))
    with pytest.raises(InputTypeError, match="data must hold numbers"):
        cluster(pd.DataFrame({"a": ["x", "y"]}))
    with pytest.raises(InputTypeError, match="complex"):
        cluster(data + 1j)
    _bad(data, r"labels has 3 entries but data has 40 rows", labels=["a", "b", "c"])


def test_undefined_distance_named(data):
    X = np.abs(data[:6])
    X[[1, 4]] = 0.0  # bray-curtis of two zero vectors is 0/0
    _bad(
        X,
        r"'braycurtis' distance is undefined .* for 1 pair of rows at positions \(1, 4\)",
        metric="braycurtis",
    )


def test_seuclidean_constant_coordinate(data):
    X = data.copy()
    X[:, 4] = 2.0
    _bad(
        X,
        r"'seuclidean' divides by the variance of each column.*columns at positions 4",
        metric="seuclidean",
    )


def test_mahalanobis(data):
    _bad(data[:4], r"cannot compute 'mahalanobis' distances for data", metric="mahalanobis")
    c = cluster(data, metric="mahalanobis")
    np.testing.assert_array_equal(
        c.order, hierarchy.leaves_list(hierarchy.linkage(data, "average", metric="mahalanobis"))
    )
    X = data.copy()
    X[0, 0] = np.nan
    _bad(
        X,
        r"'mahalanobis' needs a covariance matrix and cannot handle the missing values",
        metric="mahalanobis",
    )


def test_clustering_checks_its_shapes():
    with pytest.raises(InputError, match="does not fit 3 leaves"):
        Clustering(linkage=np.zeros((1, 4)), order=np.arange(3))


def test_import_is_cheap():
    code = (
        "import sys, gridfig; before = set(sys.modules); import gridfig.clustering; "
        "new = set(sys.modules) - before; "
        "print(sorted(m for m in new if m.split('.')[0] in "
        "('scipy', 'pandas', 'matplotlib', 'fastcluster')))"
    )
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"


def test_out_of_memory_says_how_much_and_what_needs_no_matrix(data, backend, monkeypatch):
    import gridfig
    from gridfig.clustering import linkage, memory

    def no_memory(*a, **k):
        raise MemoryError()  # as numpy raises it for a matrix that cannot be had

    monkeypatch.setattr(linkage, "_distances_of", no_memory)
    for axis, words in (("rows", "rows"), ("columns", "columns")):
        with pytest.raises(gridfig.OutOfMemory) as caught:
            cluster(data, method="average", axis=axis)
        message = str(caught.value)
        assert isinstance(caught.value, MemoryError)  # `except MemoryError` still catches it
        install = 'with fastcluster installed (pip install "gridfig[fast]") '
        assert message == (
            f"out of memory while clustering 40 {words}: the condensed distance matrix alone needs "
            f"n(n-1)/2 x 8 bytes = 6.1 KiB; {install if backend == 'scipy' else ''}the methods ward, "
            "centroid, median and single need no distance matrix (Euclidean metric, no missing values, "
            f"optimal_ordering=False); or cluster fewer {words} (a subset, or a split into groups, each "
            "clustered on its own)")
    with pytest.raises(gridfig.OutOfMemory, match="40 rows"):  # reordering a given tree needs the matrix too
        cluster(data, linkage=hierarchy.linkage(data), optimal_ordering=True)
    # the sizes that matter, without allocating them
    assert memory.readable(memory.matrix_bytes(100_000)) == "37.3 GiB"
    assert memory.readable(memory.matrix_bytes(20_000)) == "1.5 GiB"


@pytest.mark.parametrize("method, advised", [("ward", True), ("single", True), ("average", False)])
def test_without_fastcluster_a_size_that_needs_it_names_it(data, backend, monkeypatch, method, advised):
    from gridfig.clustering import linkage
    from gridfig.errors import GridfigWarning

    monkeypatch.setattr(linkage, "CONDENSED_MAX_BYTES", 100)  # 40 rows (6,240 bytes) count as big here
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        c = cluster(data, method=method)
    notes = [str(w.message) for w in said if issubclass(w.category, GridfigWarning)]
    if advised and backend == "scipy":
        assert notes == [f"clustering 40 rows with method {method!r} builds a 6.1 KiB distance matrix; "
                         'with fastcluster (pip install "gridfig[fast]") it needs none']
        assert said[0].filename == __file__  # attributed to the caller's line
    else:
        assert notes == []  # fastcluster is there (and takes linkage_vector), or would not help
    np.testing.assert_array_equal(c.order, hierarchy.leaves_list(hierarchy.linkage(data, method=method)))


def test_a_clustermap_with_fastcluster_imports_no_scipy():
    """With fastcluster, the common metrics need nothing from scipy: importing it costs 0.3 s."""
    pytest.importorskip("fastcluster")
    code = (
        "import sys, io, warnings, numpy as np, pandas as pd, gridfig; warnings.simplefilter('ignore'); "
        "df = pd.DataFrame(np.random.default_rng(0).normal(size=(100, 50))); "
        "[gridfig.clustermap(df, metric=m, figsize=(6, 5)).savefig(io.BytesIO(), format='png') "
        " for m in ('euclidean', 'correlation')]; "
        "gridfig.clustermap(df.iloc[:, :20], method='ward', figsize=(6, 5)).savefig(io.BytesIO(), format='png'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'fastcluster')))"
    )
    env = dict(
        os.environ, MPLBACKEND="Agg",
        PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("method", ["ward", "single", "average"])
def test_overflow_is_an_error_not_a_tree(data, method, backend):
    # fastcluster's vector algorithms return inf heights here without complaint
    _bad(data * 1e200, r"data: (merge heights overflowed|.*undefined or too large)", method=method)


def test_negative_distances_named(data):
    # scipy's 'dice' on non-boolean values can be negative, which linkage rejects
    _bad(
        data[:8],
        r"data: the 'dice' distance is negative for .* pairs of rows at positions \(1, 2\)",
        metric="dice",
    )
    cluster((data > 0).astype(float), metric="dice")  # fine on 0/1 data
