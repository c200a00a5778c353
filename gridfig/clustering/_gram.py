"""Condensed distances through a matrix product, for the common metrics.

:func:`scipy.spatial.distance.pdist` is a plain loop over pairs. For
'euclidean', 'sqeuclidean', 'cosine' and 'correlation' every distance follows
from one dot product, so the distances of a block of rows against all later
rows come from one matrix product (BLAS, on every core):

* euclidean / sqeuclidean: ``|x - y|^2 = |x|^2 + |y|^2 - 2 x.y`` on the data
  shifted by (about) the column means, which changes no distance and keeps
  ``|x|^2`` small; the shift is a short binary number, so integer data stays
  exact and its distances come out bit for bit as pdist's;
* cosine: ``1 - u.v`` on the rows scaled to unit length;
* correlation: the same on rows centred on their means first (as pdist does).

The rows are done in blocks whose product is written into the part of the
condensed vector not filled yet, then moved into place, so the memory used is
the condensed matrix, one working copy of the data and a boolean block buffer
of an eighth of ``BLOCK_BYTES`` or of a 64th of the condensed matrix, whichever
is less (4 MiB at 20,000 rows).

Cancellation: where a distance is small next to the terms it is the
difference of (``|x - y|^2`` next to ``|x|^2 + |y|^2``; ``1 - cos`` next to
1), the product's rounding error ``~ sqrt(p) * eps`` of those terms becomes a
large relative error. Every distance whose estimated relative error could
exceed ``REL`` (with a safety factor ``SAFETY`` over the usual ``sqrt(p)``
growth of rounding error in a sum) is recomputed with scipy's own code for
that pair, so these, and in particular the zero and tiny distances of
duplicate and near-duplicate rows, equal pdist's exactly; the others agree
with pdist to about ``1e-13`` relative.
"""

from __future__ import annotations

import contextlib
import math

import numpy as np

#: metrics computed here; everything else goes to scipy's pdist
METRICS = ("euclidean", "sqeuclidean", "cosine", "correlation")
#: fewer columns than this: pdist is as fast, and exactly pdist
MIN_COLS = 8
#: fewer observations than this: pdist. Two, because however few there are, the
#: product takes no more time than pdist, and pdist costs importing scipy.spatial
#: (0.3 s on the benchmark machine: the columns of 20,000 x 50 are 50 observations)
MIN_ROWS = 2
#: bytes of the block buffer (rows x n float64; a boolean one of an eighth goes
#: with it). Large: on a busy machine every product waits for BLAS's threads,
#: so fewer, bigger products are faster (at 20,000 x 50 under load: 4 MiB
#: blocks 13-16 s, 16 MiB 7-12 s, 32 MiB 5-8 s, 64 MiB 4.6-8 s)
BLOCK_BYTES = 1 << 25
#: BLAS threads for the products, when threadpoolctl is installed to set them
#: (None: leave BLAS alone). One, because measured on a shared 2-core machine
#: two threads were never faster and under load 2-5x slower (OpenBLAS threads
#: waiting for each other): 20,000 x 50 euclidean 6.6-15.5 s with 2 threads,
#: 1.7-5.2 s with OPENBLAS_NUM_THREADS=1; 5000 x 200 0.43-0.60 s against 0.20-0.24 s.
BLAS_THREADS: int | None = 1
#: products smaller than this (n * n * p) run without touching the thread pool
THREADS_MIN_WORK = 10**8

#: relative error allowed in a distance that is not recomputed
REL = 2e-13
#: the rounding error of a product's entry, in units of eps times its terms, is
#: taken as SAFETY * sqrt(p) + FLOOR; measured against pdist it stays below
#: 1.2 * sqrt(p) + 4 (p = 8 to 5,000, several kinds of data)
SAFETY = 2.0
FLOOR = 6.0


def usable(X: np.ndarray, metric: object) -> bool:
    """Whether :func:`condensed` should compute these distances."""
    n, p = X.shape
    return isinstance(metric, str) and metric in METRICS and p >= MIN_COLS and n >= MIN_ROWS


def _short_shift(X: np.ndarray) -> np.ndarray:
    """Column means rounded to a multiple of a power of two below the spread.

    Subtracting it removes the offset that would make ``|x|^2`` large, and
    on data on a coarse binary grid (integers, halves) the subtraction and
    the products stay exact.
    """
    mean = X.mean(axis=0)
    spread = X.max(axis=0) - X.min(axis=0)
    with np.errstate(divide="ignore"):
        step = np.exp2(np.floor(np.log2(spread / 64.0)))
    step[~np.isfinite(step) | (step == 0)] = 1.0
    return np.round(mean / step) * step


def _working(X: np.ndarray, metric: str) -> tuple[np.ndarray, np.ndarray | None]:
    """The one C-ordered working copy, and squared row norms for euclidean.

    Everything is computed on the copy, so the result does not depend on the
    memory order of ``X`` (a mean sums in a different order otherwise).
    """
    W = np.array(X, dtype=np.float64, order="C")
    if metric in ("euclidean", "sqeuclidean"):
        W -= _short_shift(W)
        return W, np.einsum("ij,ij->i", W, W)
    if metric == "correlation":
        W -= W.mean(axis=1, keepdims=True)  # as pdist centres, bit for bit
    norms = np.sqrt(np.einsum("ij,ij->i", W, W))
    with np.errstate(divide="ignore", invalid="ignore"):
        W /= norms[:, None]  # a zero row gives NaN, as in pdist
    return W, None


#: (threadpoolctl module, its ThreadpoolController), made on first use
_controller: tuple | None = None


def _blas_threads(work: float):
    """A context limiting BLAS to ``BLAS_THREADS`` threads, if threadpoolctl is there.

    The controller is made once: making one walks every loaded library, about
    2,000 system calls, each of which lets other threads run; with another
    Python thread busy, each of them waits for the interpreter again, and
    ``threadpool_limits()`` took 1.6 s instead of 0.02 s.
    """
    global _controller
    if BLAS_THREADS is None or work < THREADS_MIN_WORK:
        return contextlib.nullcontext()
    try:
        import threadpoolctl
    except ImportError:
        return contextlib.nullcontext()
    if _controller is None or _controller[0] is not threadpoolctl:
        _controller = (threadpoolctl, threadpoolctl.ThreadpoolController())
    return _controller[1].limit(limits=BLAS_THREADS, user_api="blas")


def condensed(X: np.ndarray, metric: str, block_bytes: int | None = None) -> np.ndarray:
    """Condensed ``metric`` distances between the rows of finite ``X``.

    ``X`` is float64 in any memory order; it is read, never written.
    ``block_bytes`` defaults to ``BLOCK_BYTES``, or an eighth of the condensed
    matrix (but 4 MiB at least) if that is less.
    """
    n, p = X.shape
    out = np.empty(n * (n - 1) // 2)
    if n < 2:
        return out
    W, sq = _working(X, metric)
    gamma = (SAFETY * math.sqrt(p) + FLOOR) * np.finfo(np.float64).eps
    # euclidean: the error of s = |x|^2 + |y|^2 - 2 x.y is about gamma * (|x|^2 + |y|^2);
    # sqrt halves the relative error. cosine/correlation: an absolute error gamma.
    sq_ratio = gamma / (2.0 * REL)
    small = gamma / REL
    if block_bytes is None:
        # the rows of a block: its boolean flags (an eighth of block_bytes) are extra memory
        block_bytes = min(BLOCK_BYTES, max(1 << 22, out.nbytes // 8))
    rows = int(max(1, min(n - 1, block_bytes // (8 * n))))
    m_buf = np.empty(rows * n, dtype=bool)
    tail_buf = None
    if sq is not None:
        rsq = sq * sq_ratio
        t_row = np.empty(n)
    with _blas_threads(float(n) * n * p):
        start = 0
        a = 0
        while a < n - 1:
            w = n - a
            # The block's product goes straight into the part of `out` not written yet (it
            # starts where this block's distances go and holds w(w-1)/2 of them, so h rows of w
            # fit while h <= (w-1)/2); each row is then moved down to its place. No block buffer
            # the size of the product, except a tiny one for the last rows (w <= 2).
            h = min(rows, n - 1 - a, (w - 1) // 2)
            if h >= 1:
                G = out[start : start + h * w].reshape(h, w)
            else:
                h = 1
                if tail_buf is None:
                    tail_buf = np.empty(2)
                G = tail_buf[:w].reshape(1, w)
            b = a + h
            flag = m_buf[: h * w].reshape(h, w)
            with np.errstate(invalid="ignore"):
                if sq is not None:
                    # -2 x.y straight from the product (scaling by -2 is exact)
                    np.matmul(W[a:b] * -2.0, W[a:].T, out=G)
                    G += sq[None, a:]
                    G += sq[a:b, None]
                    # flag s < sq_ratio * (|x|^2 + |y|^2), a row at a time: a threshold
                    # row fits in cache, a threshold block would be another buffer.
                    # Every negative s is flagged, so no clipping is needed: the NaN
                    # its square root gives is overwritten below.
                    for k in range(h):
                        t = t_row[: w]
                        np.add(rsq[a:], rsq[a + k], out=t)
                        np.less(G[k], t, out=flag[k])
                    if metric == "euclidean":
                        np.sqrt(G, out=G)
                else:
                    np.matmul(W[a:b], W[a:].T, out=G)
                    np.subtract(1.0, G, out=G)
                    np.minimum(G, 2.0, out=G)  # pdist clips the cosine to [-1, 1]
                    np.less(G, small, out=flag)  # includes the negative ones
            # row k of the product starts at start + k*w and its distances go to
            # start + k*w - k(k+1)/2: lower, and never over a row not moved yet
            for k in range(h):
                i = a + k
                stop = start + n - 1 - i
                out[start:stop] = G[k, k + 1 :]  # overlapping: numpy copies through a buffer
                flag[k, : k + 1] = False  # the pair with itself, and pairs done before
                start = stop
            # np.nonzero on every block took 0.5 s of a profiled 20,000 x 50 run;
            # any() first is cheaper (0.008 s against 0.02 s on 200M False here)
            if flag.any():
                r, c = np.nonzero(flag)
                _recompute(X, metric, out, a + r, a + c, n)
            a = b
    return out


def _recompute(X, metric, out, i, j, n) -> None:
    """Overwrite the distances of pairs (i, j), i < j, with scipy's own values.

    ``i`` is sorted (np.nonzero gives row-major order). cdist on one row
    against some later ones runs the same arithmetic as pdist, so the values
    are pdist's bit for bit.
    """
    from scipy.spatial.distance import cdist

    bounds = np.flatnonzero(np.diff(i)) + 1
    for lo, hi in zip(np.r_[0, bounds], np.r_[bounds, len(i)], strict=True):
        row = int(i[lo])
        js = j[lo:hi]
        first = row * n - row * (row + 1) // 2 - row - 1  # position of pair (row, 0)
        out[first + js] = cdist(X[row : row + 1], X[js], metric)[0]
