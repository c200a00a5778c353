"""Condensed distance matrices, including for data with missing values.

Complete data goes to :mod:`._gram` (euclidean, sqeuclidean, cosine and
correlation, through a matrix product) or to :func:`scipy.spatial.distance.pdist`
(everything else, and small data). Data with
NaN gets pairwise-complete distances in the manner of R's ``dist()``: each pair
of observations is compared on the coordinates both have, and sums are scaled
up by ``p / p_present`` so that pairs with gaps stay comparable to complete
ones. The common metrics are computed one observation against all later ones
at a time, which keeps Python overhead at ``n`` iterations instead of ``n^2``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..errors import InputError, InputTypeError, quote_some
from . import _gram
from ._checks import Namer

#: metric names accepted, as spelled by scipy.spatial.distance.pdist
METRICS = (
    "braycurtis", "canberra", "chebyshev", "cityblock", "correlation", "cosine",
    "dice", "euclidean", "hamming", "jaccard", "jensenshannon", "mahalanobis",
    "minkowski", "rogerstanimoto", "russellrao", "seuclidean", "sokalsneath",
    "sqeuclidean", "yule",
)  # fmt: skip
#: R's name for the L1 distance, accepted because R users will type it
ALIASES = {"manhattan": "cityblock"}

Metric = str | Callable[[np.ndarray, np.ndarray], float]


def check_metric(metric: object) -> Metric:
    """Return the canonical metric name (or the callable itself)."""
    if callable(metric):
        return metric  # type: ignore[return-value]
    if not isinstance(metric, str):
        raise InputTypeError(
            f"metric must be a metric name or a function of two vectors, got "
            f"{type(metric).__name__} {metric!r}"
        )
    name = ALIASES.get(metric.lower(), metric.lower())
    if name not in METRICS:
        raise InputError(
            f"metric {metric!r} is unknown; use one of {', '.join(METRICS)} "
            "(or 'manhattan' for cityblock), or pass a function of two vectors"
        )
    return name


def metric_name(metric: Metric) -> str:
    return repr(metric) if isinstance(metric, str) else getattr(metric, "__name__", "callable")


def check_values(X: np.ndarray, metric: Metric, namer: Namer, name: str) -> None:
    """Reject observations for which distances cannot be defined.

    Raises
    ------
    InputError
        For infinite values, observations with no value at all, constant
        observations with 'correlation', all-zero ones with 'cosine',
        constant coordinates with 'seuclidean', and NaN with 'mahalanobis'.
    """
    w = namer.word
    present = ~np.isnan(X)
    bad = np.flatnonzero(np.isinf(X).any(axis=1))
    if bad.size:
        raise InputError(
            f"{name} has infinite values in {bad.size} {w}(s): {namer.some(bad)}. "
            "Replace them (with finite numbers, or NaN for missing) before clustering."
        )
    bad = np.flatnonzero(~present.any(axis=1))
    if bad.size:
        raise InputError(
            f"{name} has {bad.size} {w}(s) with no values at all (every value is "
            f"NaN): {namer.some(bad)}. Drop them before clustering."
        )
    if metric == "correlation":
        # nanmax/nanmin are exact, unlike a computed variance, so a constant
        # observation is caught even when its mean is not representable.
        bad = np.flatnonzero(np.nanmax(X, axis=1) == np.nanmin(X, axis=1))
        if bad.size:
            raise InputError(
                f"{name} has {bad.size} constant {w}(s) (zero variance), for which the "
                f"correlation distance is undefined: {namer.some(bad)}. Drop them, or "
                "use another metric."
            )
    if metric == "cosine":
        bad = np.flatnonzero(~(present & (X != 0)).any(axis=1))
        if bad.size:
            raise InputError(
                f"{name} has {bad.size} {w}(s) that are all zero, for which the "
                f"cosine distance is undefined: {namer.some(bad)}. Drop them, or use "
                "another metric."
            )
    if metric == "seuclidean":
        flat = np.nanmax(X, axis=0) == np.nanmin(X, axis=0)
        bad = np.flatnonzero(flat | (present.sum(axis=0) < 2))
        if bad.size:
            c = namer.coordinate
            raise InputError(
                f"metric 'seuclidean' divides by the variance of each {c} of {name}, "
                f"but {bad.size} {c}(s) have zero variance: {c}s at positions "
                f"{quote_some(bad.tolist())}. Drop them, or use another metric."
            )
    if metric == "mahalanobis" and not present.all():
        raise InputError(
            f"metric 'mahalanobis' needs a covariance matrix and cannot handle the "
            f"missing values in {name}; fill them, or use another metric."
        )


def condensed_pairs(k: np.ndarray, n: int) -> list[tuple[int, int]]:
    """Map condensed-matrix positions to ``(i, j)`` observation pairs."""
    i = np.arange(n - 1)
    starts = i * n - i * (i + 1) // 2
    rows = np.searchsorted(starts, k, side="right") - 1
    cols = k - starts[rows] + rows + 1
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def _all_chunks(d: np.ndarray, test, size: int = 1 << 20) -> bool:
    return all(bool(test(d[i:i + size]).all()) for i in range(0, d.size, size))


def check_distances(d: np.ndarray, n: int, metric: Metric, namer: Namer, name: str) -> None:
    """Raise naming the pairs whose distance is NaN, infinite or negative.

    Linkage code either rejects such distances with a message about its own
    argument or, worse, silently builds a meaningless tree from them.
    """
    # checked in chunks: a boolean mask of a 20,000-row matrix would be another 200 MB
    # (1 MB chunks: at 3,000 rows a 4 MB one was still 10% of the condensed matrix)
    if _all_chunks(d, np.isfinite) and _all_chunks(d, lambda c: c >= 0):
        return
    bad = np.flatnonzero(~np.isfinite(d))
    if bad.size:
        raise InputError(
            f"{name}: the {metric_name(metric)} distance is undefined or too large "
            f"(NaN or infinite) for {bad.size} {namer.pairs(condensed_pairs(bad, n))}. "
            "Use another metric, rescale the data, or drop these observations."
        )
    bad = np.flatnonzero(d < 0)
    if bad.size:
        raise InputError(
            f"{name}: the {metric_name(metric)} distance is negative for {bad.size} "
            f"{namer.pairs(condensed_pairs(bad, n))}; the metric does not suit these "
            "values (the boolean metrics such as 'dice' expect 0/1 data)."
        )


def pdist(X: np.ndarray, metric: Metric, namer: Namer, name: str) -> np.ndarray:
    """Condensed distances of complete data (finite float64, any memory order).

    Through a matrix product for the metrics of :mod:`._gram` when there are
    enough rows and columns for it to pay; through scipy's pdist otherwise,
    on a C-ordered array (pdist walks rows: on a Fortran-ordered array, as
    ``DataFrame.to_numpy()`` gives, it runs about half as fast).
    """
    if _gram.usable(X, metric):
        d = _gram.condensed(X, metric)
        check_distances(d, len(X), metric, namer, name)
        return d
    from scipy.spatial.distance import pdist as scipy_pdist

    X = np.ascontiguousarray(X)  # the one copy, when X is not C-ordered already
    try:
        d = scipy_pdist(X, metric)
    except (ValueError, np.linalg.LinAlgError) as e:
        if callable(metric):
            raise
        # e.g. mahalanobis with fewer observations than features
        raise InputError(
            f"cannot compute {metric_name(metric)} distances for {name}: {e}"
        ) from None
    check_distances(d, len(X), metric, namer, name)
    return d


# --- missing values --------------------------------------------------------
# Each kernel gets one observation (x: values with NaN as 0, m: 1.0 where
# present) and the later ones (Y, M likewise, one per row), plus `both` (M * m)
# and `cnt` (coordinates both have), and returns one distance per later row.
# Zero-filling makes a coordinate missing on either side drop out of sums.


def _euclidean(x, m, Y, M, both, cnt, p):
    diff = (Y - x) * both
    return np.sqrt(np.einsum("ij,ij->i", diff, diff) * (p / cnt))


def _sqeuclidean(x, m, Y, M, both, cnt, p):
    diff = (Y - x) * both
    return np.einsum("ij,ij->i", diff, diff) * (p / cnt)


def _cityblock(x, m, Y, M, both, cnt, p):
    return np.abs((Y - x) * both).sum(axis=1) * (p / cnt)


def _chebyshev(x, m, Y, M, both, cnt, p):
    # a maximum needs no rescaling (R's "maximum" does not rescale either)
    return np.abs((Y - x) * both).max(axis=1)


def _canberra(x, m, Y, M, both, cnt, p):
    num = np.abs(Y - x) * both
    den = (np.abs(Y) + np.abs(x)) * both
    # scipy and R count a coordinate where both values are 0 as 0
    terms = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    return terms.sum(axis=1) * (p / cnt)


def _braycurtis(x, m, Y, M, both, cnt, p):
    # a ratio of sums, so already independent of how many coordinates count
    return np.abs((Y - x) * both).sum(axis=1) / np.abs((Y + x) * both).sum(axis=1)


def _correlation(x, m, Y, M, both, cnt, p):
    # pairwise-complete Pearson correlation; centring on the means of the
    # shared coordinates first (two passes) keeps it accurate.
    mx = (M @ x) / cnt
    my = (Y @ m) / cnt
    dx = (x - mx[:, None]) * both
    dy = (Y - my[:, None]) * both
    r = np.einsum("ij,ij->i", dx, dy) / np.sqrt(
        np.einsum("ij,ij->i", dx, dx) * np.einsum("ij,ij->i", dy, dy)
    )
    return np.clip(1.0 - r, 0.0, 2.0)  # as scipy: rounding must not leave [0, 2]


def _cosine(x, m, Y, M, both, cnt, p):
    xy = Y @ x  # zeros stand in for missing values on either side
    xx = M @ (x * x)
    yy = (Y * Y) @ m
    return np.clip(1.0 - xy / np.sqrt(xx * yy), 0.0, 2.0)


def _hamming(x, m, Y, M, both, cnt, p):
    return ((Y != x) * both).sum(axis=1) / cnt


def _jaccard(x, m, Y, M, both, cnt, p):
    # a boolean metric on "is nonzero": mismatches among the coordinates where
    # either is nonzero, 0 if there are none (scipy's definition; for floats
    # scipy < 1.11 compared the values instead, which agrees on 0/1 data)
    yn, xn = Y != 0, x != 0
    nonzero = (yn | xn) * both
    unequal = (yn ^ xn) * both
    total = nonzero.sum(axis=1)
    return np.divide(unequal.sum(axis=1), total, out=np.zeros_like(total), where=total > 0)


_KERNELS = {
    "euclidean": _euclidean,
    "minkowski": _euclidean,  # scipy's default p is 2
    "sqeuclidean": _sqeuclidean,
    "cityblock": _cityblock,
    "chebyshev": _chebyshev,
    "canberra": _canberra,
    "braycurtis": _braycurtis,
    "correlation": _correlation,
    "cosine": _cosine,
    "hamming": _hamming,
    "jaccard": _jaccard,
}

#: metrics whose sums nan_pdist scales by p / p_present, as R's dist() does
SCALED = ("euclidean", "minkowski", "sqeuclidean", "cityblock", "canberra", "seuclidean")


def nan_pdist(X: np.ndarray, metric: Metric, namer: Namer, name: str) -> np.ndarray:
    """Pairwise-complete condensed distances of data with NaN.

    Sums over coordinates ('euclidean', 'sqeuclidean', 'minkowski',
    'cityblock', 'canberra', 'seuclidean') are scaled by ``p / p_present``;
    'correlation' and 'cosine' use the shared coordinates only; other metrics,
    and functions, are evaluated per pair on the shared coordinates (slowly,
    one Python call per pair).

    Raises
    ------
    InputError
        If a pair has no coordinate in common, or a distance is undefined.
    """
    n, p = X.shape
    M = (~np.isnan(X)).astype(np.float64)
    X0 = np.where(M > 0, X, 0.0)
    kernel: Callable | None = _KERNELS.get(metric) if isinstance(metric, str) else None
    if metric == "seuclidean":
        # the variances come from all the data, as in complete-data pdist
        present = M.sum(axis=0)
        mean = X0.sum(axis=0) / present
        var = (((X0 - mean) * M) ** 2).sum(axis=0) / (present - 1)
        scale = 1.0 / np.sqrt(var)
        X0 = X0 * scale
        kernel = _euclidean
    d = np.empty(n * (n - 1) // 2)
    lonely: list[tuple[int, int]] = []
    start = 0
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n - 1):
            stop = start + n - 1 - i
            x, m, Y, Mr = X0[i], M[i], X0[i + 1 :], M[i + 1 :]
            cnt = Mr @ m
            if not cnt.all():
                lonely.extend((i, i + 1 + j) for j in np.flatnonzero(cnt == 0).tolist())
            if kernel is not None:
                d[start:stop] = kernel(x, m, Y, Mr, Mr * m, cnt, p)
            else:
                d[start:stop] = _per_pair(X, i, metric)
            start = stop
    if lonely:
        raise InputError(
            f"{name} has {len(lonely)} {namer.pairs(lonely)} with no {namer.coordinate} "
            f"where both have a value, so their distance is undefined. Drop or fill "
            "some of these observations."
        )
    check_distances(d, n, metric, namer, name)
    return d


def _per_pair(X: np.ndarray, i: int, metric: Metric) -> np.ndarray:
    # pdist on the two rows, not scipy's per-pair functions: for some boolean
    # metrics on float input, pdist converts to bool and the functions do not
    from scipy.spatial.distance import pdist as scipy_pdist

    x = X[i]
    out = np.empty(len(X) - 1 - i)
    for k, y in enumerate(X[i + 1 :]):
        both = ~(np.isnan(x) | np.isnan(y))
        if not both.any():
            out[k] = np.nan
        elif callable(metric):
            out[k] = metric(x[both], y[both])
        else:
            out[k] = scipy_pdist(np.vstack([x[both], y[both]]), metric)[0]
    return out


def nan_note(X: np.ndarray, metric: Metric, namer: Namer, name: str) -> str:
    """The warning text saying how missing values were handled."""
    missing = int(np.isnan(X).sum())
    rows = int(np.isnan(X).any(axis=1).sum())
    w, c = namer.word, namer.coordinate
    if metric in SCALED:
        how = (
            f"sums were scaled up by (number of {c}s) / (number of {c}s both have), "
            "as R's dist() does"
        )
    elif metric in ("correlation", "cosine"):
        how = "this is the pairwise-complete " + (
            "correlation" if metric == "correlation" else "cosine similarity"
        )
    else:
        how = "without rescaling"
    return (
        f"{name} has {missing} missing (NaN) values in {rows} {w}(s) "
        f"({missing / X.size:.1%} of cells); {metric_name(metric)} distances between "
        f"{w}s were computed on the {c}s both {w}s have, and {how}."
    )
