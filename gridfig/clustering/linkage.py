"""Hierarchical clustering of the observations (rows) of a matrix.

:func:`cluster` validates its input, computes the linkage with fastcluster
when it is installed (scipy otherwise; both give the same tree), optionally
reorders it optimally, and returns a :class:`Clustering`. Nothing here draws.

Which path each (method, metric) takes, for data without NaN (with NaN,
always the pairwise-complete distances of :func:`._distances.nan_pdist`
and the condensed linkage):

=============================  ==============================================
method, metric                 path
=============================  ==============================================
any method; 'euclidean',       distances through a matrix product in row
'sqeuclidean', 'cosine',       blocks (:mod:`._gram`; pdist when there are
'correlation'                  fewer than 8 coordinates),
                               then fastcluster's linkage on the condensed
                               matrix in place (scipy's without fastcluster)
ward, centroid, median         the same, while the condensed matrix fits in
(euclidean); single with a     ``CONDENSED_MAX_BYTES`` (2 GiB, about 23,000
metric fastcluster computes    observations; measured against
                               ``fastcluster.linkage_vector``, 2 BLAS threads,
                               loaded machine: 4-11x faster at 5000 x 200,
                               2x at 20,000 x 50 ward, single there 6.9 s
                               against 6.3 s); beyond that, or when
                               the product would not be used (few
                               observations or coordinates, or a single-
                               linkage metric other than the four),
                               ``fastcluster.linkage_vector``: no n x n
                               matrix at all
other metrics, callables       scipy's pdist on a C-ordered array, then the
                               condensed linkage
=============================  ==============================================

With ``optimal_ordering=True`` the condensed matrix is needed anyway, so
linkage_vector is not used then.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from ..errors import GridfigWarning, InputError, InputTypeError, OutOfMemory, warn
from . import _distances, _gram, memory
from ._checks import Namer, as_float_matrix, check_axis, check_labels, check_linkage, pandas_frame
from ._distances import Metric
from ._interrupt import interpreter_free, interruptible
from ._order import leaf_order

_log = logging.getLogger("gridfig")

#: method names accepted, as spelled by scipy.cluster.hierarchy.linkage
METHODS = ("single", "complete", "average", "weighted", "centroid", "median", "ward")
#: methods whose update formulas assume Euclidean distances
EUCLIDEAN_METHODS = ("centroid", "median", "ward")
#: metrics fastcluster.linkage_vector computes exactly as scipy's pdist does,
#: mapped to fastcluster's spelling (its 'hamming' counts instead of averaging,
#: and its boolean metrics convert to bool, so those are left to pdist)
_VECTOR_SINGLE_METRICS = {
    "euclidean": "euclidean",
    "sqeuclidean": "sqeuclidean",
    "cityblock": "cityblock",
    "chebyshev": "chebychev",
    "canberra": "canberra",
    "braycurtis": "braycurtis",
    "cosine": "cosine",
    "correlation": "correlation",
    "seuclidean": "seuclidean",
}

#: fastcluster's numbers for the methods (``fastcluster.mthidx``, which its
#: extension is called with; a test checks they agree)
FASTCLUSTER_METHODS = {"single": 0, "complete": 1, "average": 2, "weighted": 3, "ward": 4,
                       "centroid": 5, "median": 6}

#: the largest condensed matrix computed for a method linkage_vector could do
#: without one (ward, centroid, median, single)
CONDENSED_MAX_BYTES = 2 << 30


def _readonly(a: Any) -> np.ndarray:
    # a read-only view: the frozen class should not hand out mutable arrays,
    # and a view leaves the flags of the array passed in alone
    view = np.asarray(a).view()
    view.flags.writeable = False
    return view


@attrs.frozen(kw_only=True)
class Clustering:
    """The result of :func:`cluster`: a tree over ``n`` observations.

    Attributes
    ----------
    linkage : ndarray of float64, shape (n - 1, 4)
        The merges, in the format of :func:`scipy.cluster.hierarchy.linkage`:
        the two clusters joined, the height of the join, and the number of
        observations under it. Read-only.
    order : ndarray of intp, shape (n,)
        The observations from left to right, as
        :func:`scipy.cluster.hierarchy.leaves_list` gives them. Read-only.
    metric : str, callable or None
        The distance metric used; None when a precomputed linkage was used
        as it is.
    method : str or None
        The linkage method; None when the linkage was passed in.
    optimal_ordering : bool
        Whether the leaves were put in optimal order.
    """

    linkage: np.ndarray = attrs.field(eq=False, converter=_readonly)
    order: np.ndarray = attrs.field(eq=False, converter=_readonly)
    metric: Metric | None = None
    method: str | None = None
    optimal_ordering: bool = False

    @order.validator
    def _check_shapes(self, attribute: Any, order: np.ndarray) -> None:
        if self.linkage.shape != (len(order) - 1, 4):
            raise InputError(
                f"Clustering: linkage of shape {self.linkage.shape} does not fit "
                f"{len(order)} leaves"
            )

    @property
    def n(self) -> int:
        """The number of observations (leaves)."""
        return len(self.order)


def _has_fastcluster() -> bool:
    """Whether fastcluster is installed, found without importing it.

    ``import fastcluster`` imports ``scipy.spatial`` (for its vector input),
    0.3 s that the condensed path, which calls fastcluster's extension
    directly, does not need.
    """
    import importlib.util

    try:
        return importlib.util.find_spec("fastcluster") is not None
    except (ImportError, ValueError):  # a None entry in sys.modules: treated as not installed
        return False


def _fastcluster() -> Any:
    """The fastcluster module (imported only where its Python functions are used)."""
    import fastcluster

    return fastcluster


def _check_method(method: object) -> str:
    if not isinstance(method, str):
        raise InputTypeError(f"method must be a string, got {type(method).__name__} {method!r}")
    if method.lower() not in METHODS:
        raise InputError(f"method {method!r} is unknown; use one of {', '.join(METHODS)}")
    return method.lower()


def cluster(
    data: Any,
    *,
    metric: Metric = "euclidean",
    method: str = "average",
    optimal_ordering: bool = False,
    linkage: Any = None,
    axis: str = "rows",
    labels: Sequence[Any] | None = None,
) -> Clustering:
    """Cluster the rows of ``data`` hierarchically.

    Parameters
    ----------
    data : array-like or DataFrame, shape (n, p)
        Numbers; each row is an observation. To cluster columns, pass the
        transpose and ``axis="columns"``. May contain NaN (see Notes); must
        not contain infinities.
    metric : str or callable
        A :func:`scipy.spatial.distance.pdist` metric name ('euclidean',
        'correlation', 'cosine', 'cityblock' or its alias 'manhattan', ...),
        or a function of two 1-D arrays returning their distance.
    method : str
        A :func:`scipy.cluster.hierarchy.linkage` method: 'single',
        'complete', 'average', 'weighted', 'centroid', 'median' or 'ward'.
        The last three need ``metric="euclidean"``.
    optimal_ordering : bool
        Reorder the leaves so that neighbours are as similar as possible
        (:func:`scipy.cluster.hierarchy.optimal_leaf_ordering`). This needs
        all ``n * (n - 1) / 2`` distances: memory and time grow fast with n.
    linkage : array-like or DataFrame, shape (n - 1, 4), optional
        A precomputed linkage matrix to use instead of clustering. It is
        validated; with ``optimal_ordering=True`` its leaves are reordered
        using distances computed with ``metric``.
    axis : {"rows", "columns"}
        Which axis of the caller's table the observations are. Only the
        wording of errors depends on it: the precomputed linkage is called
        ``row_linkage`` or ``col_linkage``, observations rows or columns.
    labels : sequence, optional
        One label per observation, used to name offending observations in
        errors. Defaults to the index of a DataFrame; otherwise observations
        are named by position (from 0).

    Returns
    -------
    Clustering

    Raises
    ------
    InputError
        For fewer than 2 observations, infinite values, observations with no
        values, constant observations with 'correlation' (all-zero with
        'cosine'), a non-Euclidean metric with 'ward', 'centroid' or
        'median', unknown names, pairs of observations with no coordinate in
        common, and a precomputed linkage that is malformed or does not fit.
    InputTypeError
        For non-numeric data or arguments of the wrong type.

    Warns
    -----
    UserWarning
        When ``data`` has missing values, saying how many and how distances
        were computed.

    Notes
    -----
    Missing values are handled as R's ``dist()`` does: each pair of
    observations is compared on the coordinates both have; sums
    ('euclidean', 'sqeuclidean', 'cityblock', 'canberra', 'seuclidean') are
    scaled by ``p / p_present``; 'correlation' and 'cosine' are computed on
    the shared coordinates. The Euclidean distance, for example, is
    ``sqrt(sum((x - y)**2) * p / p_present)`` over the shared coordinates.

    With fastcluster installed, 'ward', 'centroid' and 'median' (Euclidean)
    and 'single' linkage of complete data run without an ``n x n`` distance
    matrix when that matrix would pass 2 GiB (about 23,000 observations; below
    that the matrix is faster), so 100,000 observations fit in little memory (about 0.1 GB for
    100,000 x 10 ward); time still grows as ``n^2`` (over a minute there).
    """
    axis = check_axis(axis)
    namer_word = "row" if axis == "rows" else "column"
    arg = "row_linkage" if axis == "rows" else "col_linkage"
    metric = _distances.check_metric(metric)
    method = _check_method(method)
    if not isinstance(optimal_ordering, (bool, np.bool_)):
        raise InputTypeError(f"optimal_ordering must be True or False, got {optimal_ordering!r}")
    optimal_ordering = bool(optimal_ordering)
    if labels is None and pandas_frame(data):
        labels = list(data.index)
    X = as_float_matrix(data, "data")
    n = X.shape[0]
    if n < 2:
        raise InputError(
            f"data has {n} {namer_word}{'s' if n != 1 else ''}; clustering needs at least 2"
        )
    namer = Namer(axis, check_labels(labels, n, namer_word))

    if linkage is not None:
        Z = check_linkage(linkage, name=arg, n=n, word=f"{namer_word}s")
        if not optimal_ordering:
            return _result(Z, None, None, False)
        _distances.check_values(X, metric, namer, "data")
        try:
            Z = interruptible(_reorder, Z, interruptible(_distances_of, X, metric, namer))
        except MemoryError:
            raise OutOfMemory(memory.out_of_memory_note(n, f"{namer_word}s", _has_fastcluster())) from None
        return _result(Z, metric, None, True)

    if method in EUCLIDEAN_METHODS and metric != "euclidean":
        raise InputError(
            f"method {method!r} needs metric='euclidean' (its update formula assumes "
            f"Euclidean distances), got metric={_distances.metric_name(metric)}"
        )
    _distances.check_values(X, metric, namer, "data")
    started = time.perf_counter()
    _log.info("clustering %d %ss x %d values (method %s, metric %s) ...", n, namer_word, X.shape[1], method,
              metric if isinstance(metric, str) else getattr(metric, "__name__", "a function"))
    fc = _has_fastcluster()
    has_nan = bool(np.isnan(X).any())
    words = f"{namer_word}s"
    if not fc and method in memory.VECTOR_METHODS and (method != "single" or metric in _VECTOR_SINGLE_METRICS) \
            and memory.matrix_bytes(n) > CONDENSED_MAX_BYTES:
        # with fastcluster this size would take linkage_vector and need no matrix at all
        warn(memory.no_fastcluster_note(n, words, method), GridfigWarning)
    try:
        Z, D = _tree(X, metric, method, namer, fc, has_nan=has_nan, keep=optimal_ordering)
    except MemoryError:
        raise OutOfMemory(memory.out_of_memory_note(n, words, fc)) from None
    Z = np.asarray(Z, dtype=np.float64)
    heights = Z[:, 2]
    if heights.size and heights.min() < 0 and heights.min() > -1e-9 * max(1.0, float(np.abs(heights).max())):
        # rounding: fastcluster's vector path gives 1 - r = -2e-16 for proportional rows,
        # where pdist clips to 0; scipy then refuses the 'negative distance'
        Z[:, 2] = np.maximum(heights, 0.0)
    if not np.isfinite(Z[:, 2]).all():
        # the vector algorithms never see a distance we could check, and
        # overflow on huge values instead of failing
        raise InputError(
            "data: merge heights overflowed to infinity or NaN; rescale the data "
            "(for example with gridfig.clustering.scale) before clustering"
        )
    if optimal_ordering:
        try:
            Z = interruptible(_reorder, Z, interruptible(_distances_of, X, metric, namer) if D is None else D)
        except MemoryError:
            raise OutOfMemory(memory.out_of_memory_note(n, words, fc)) from None
    _log.info("clustered %d %ss in %.2f s", n, namer_word, time.perf_counter() - started)
    return _result(np.asarray(Z, dtype=np.float64), metric, method, optimal_ordering)


def _tree(X: np.ndarray, metric: Metric, method: str, namer: Namer, fc: bool, has_nan: bool, keep: bool):
    """``(linkage, condensed distances or None)``: linkage_vector where it pays, else the matrix
    (kept for optimal ordering when ``keep``, which linkage_vector cannot serve)."""
    if fc and not has_nan and not keep and _vector_pays(X, method, metric):
        if method in EUCLIDEAN_METHODS:
            # linkage_vector works in place for ward; never touch the caller's array
            return interpreter_free(_fastcluster().linkage_vector, np.array(X, order="C"), method=method,
                                 metric="euclidean"), None
        if method == "single" and metric in _VECTOR_SINGLE_METRICS:
            return interpreter_free(_fastcluster().linkage_vector, np.array(X, order="C"), method="single",
                                 metric=_VECTOR_SINGLE_METRICS[metric]), None
    _log.debug("distances: %d pairs%s", len(X) * (len(X) - 1) // 2, " (pairwise-complete)" if has_nan else "")
    D = interruptible(_distances_of, X, metric, namer)
    _log.debug("linkage with %s", "fastcluster" if fc else "scipy")
    if fc:
        return interpreter_free(_fast_linkage, D, len(X), method, keep=keep), D
    from scipy.cluster.hierarchy import linkage as scipy_linkage

    return interruptible(scipy_linkage, D, method=method), D  # holds the interpreter: see _interrupt


def _vector_pays(X: np.ndarray, method: str, metric: Metric) -> bool:
    """Whether to cluster with ``fastcluster.linkage_vector`` (no n x n matrix).

    It can for ward/centroid/median (euclidean) and single linkage with the
    metrics it computes as pdist does; it pays when the product path would
    not be used, or when the condensed matrix is too big to hold.
    """
    if method in EUCLIDEAN_METHODS:
        metric = "euclidean"
    elif method != "single" or metric not in _VECTOR_SINGLE_METRICS:
        return False
    n = len(X)
    return not _gram.usable(X, metric) or n * (n - 1) // 2 * 8 > CONDENSED_MAX_BYTES


def _fast_linkage(D: np.ndarray, n: int, method: str, keep: bool) -> np.ndarray:
    """fastcluster's linkage on condensed distances, in place unless ``keep``.

    ``fastcluster.linkage(D, preserve_input=False)`` still starts with
    ``array(D)``, a full copy, so the n^2/2 matrix would be held twice (3.2 GB
    instead of 1.6 GB at 20,000 rows). The extension it wraps clusters D in
    place; call it directly when it is there (which also spares importing
    fastcluster's Python module and, with it, scipy.spatial), else the public
    function.
    """
    if not keep and D.dtype == np.float64 and D.flags.c_contiguous and D.flags.writeable:
        try:
            from _fastcluster import linkage_wrap
        except ImportError:
            pass
        else:
            Z = np.empty((n - 1, 4))
            linkage_wrap(n, D, Z, FASTCLUSTER_METHODS[method])  # overwrites D, ours and not used again
            return Z
    return _fastcluster().linkage(D, method=method, preserve_input=keep)


def _distances_of(X: np.ndarray, metric: Metric, namer: Namer) -> np.ndarray:
    """Condensed distances between the rows of ``X`` (checked by check_values)."""
    if np.isnan(X).any():
        # stacklevel 3: the warning points at the caller of cluster()
        warn(_distances.nan_note(X, metric, namer, "data"))
        return _distances.nan_pdist(X, metric, namer, "data")
    return _distances.pdist(X, metric, namer, "data")


def _reorder(Z: np.ndarray, D: np.ndarray) -> np.ndarray:
    from scipy.cluster.hierarchy import optimal_leaf_ordering

    return optimal_leaf_ordering(Z, D)


def _result(Z: np.ndarray, metric: Metric | None, method: str | None, optimal: bool) -> Clustering:
    order = leaf_order(Z)  # scipy's leaves_list, without importing scipy (see _order)
    return Clustering(
        linkage=Z, order=order, metric=metric, method=method, optimal_ordering=optimal
    )
