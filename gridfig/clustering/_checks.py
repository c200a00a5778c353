"""Input conversion and checks shared by the clustering functions.

Kept apart from the algorithms so that every error is worded the same way:
it names the argument and quotes a few offending observations, by label when
the caller knows them and by position otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import InputError, InputTypeError, quote_some

AXES = ("rows", "columns")


def _plain(x: Any) -> Any:
    # numpy 2 reprs its scalars as ``np.str_('a')``; messages should show 'a'.
    return x.item() if isinstance(x, np.generic) else x


class Namer:
    """Words observations for error messages.

    Parameters
    ----------
    axis : {"rows", "columns"}
        Whether the observations are the rows or the columns of the caller's
        table; only the wording depends on it.
    labels : sequence, optional
        A label per observation. Without labels observations are named by
        their position (counted from 0).
    """

    def __init__(self, axis: str, labels: Sequence[Any] | None = None):
        self.axis = axis
        self.word = "row" if axis == "rows" else "column"
        #: what the coordinates of an observation are called
        self.coordinate = "column" if axis == "rows" else "row"
        self.labels = labels

    def some(self, idx: Sequence[int]) -> str:
        """``"rows 'a', 'b' and 3 more"`` or ``"rows at positions 0, 4"``."""
        idx = [int(i) for i in idx]
        s = "s" if len(idx) > 1 else ""
        if self.labels is None:
            return f"{self.word}{s} at position{s} {quote_some(idx)}"
        return f"{self.word}{s} {quote_some([_plain(self.labels[i]) for i in idx])}"

    def pairs(self, pairs: Sequence[tuple[int, int]]) -> str:
        """``"rows ('a', 'b'), ('c', 'd')"`` or ``"rows at positions (0, 4)"``."""
        pairs = [(int(i), int(j)) for i, j in pairs]
        if self.labels is not None:
            pairs = [(_plain(self.labels[i]), _plain(self.labels[j])) for i, j in pairs]
        where = "" if self.labels is not None else " at positions"
        return f"pair{'s' if len(pairs) > 1 else ''} of {self.word}s{where} {quote_some(pairs)}"


def check_axis(axis: object) -> str:
    if axis not in AXES:
        raise InputError(f"axis must be 'rows' or 'columns', got {axis!r}")
    return axis  # type: ignore[return-value]


def pandas_frame(data: object) -> bool:
    """Whether ``data`` is a pandas DataFrame, without importing pandas."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(data, pd.DataFrame)


def as_float_matrix(data: object, name: str) -> np.ndarray:
    """Convert ``data`` to a 2-D float64 array (not necessarily a copy).

    Raises
    ------
    InputTypeError
        If the values are not real numbers.
    InputError
        If the array is not 2-D.
    """
    if hasattr(data, "to_numpy") and hasattr(data, "ndim"):
        # pandas: nullable dtypes hold pd.NA, which np.asarray cannot make a float
        try:
            arr = data.to_numpy(dtype=float, na_value=np.nan)  # type: ignore[attr-defined]
        except (TypeError, ValueError) as e:
            raise InputTypeError(f"{name} must hold numbers only: {e}") from None
    else:
        arr = np.asarray(data)
        if arr.dtype.kind == "c":
            raise InputTypeError(f"{name} must hold real numbers, got complex values")
        if arr.dtype.kind not in "biuf":
            try:
                arr = arr.astype(np.float64)
            except (TypeError, ValueError) as e:
                raise InputTypeError(
                    f"{name} must hold numbers only, got dtype {arr.dtype}: {e}"
                ) from None
        arr = arr.astype(np.float64, copy=False)
    if arr.ndim != 2:
        raise InputError(f"{name} must be a 2-D array, got {arr.ndim}-D with shape {arr.shape}")
    return arr


def check_linkage(
    linkage: object, *, name: str, n: int | None = None, word: str = "rows"
) -> np.ndarray:
    """Validate a linkage matrix and return it as a float64 array.

    Parameters
    ----------
    linkage : array-like or DataFrame
        A matrix in the format of :func:`scipy.cluster.hierarchy.linkage`.
    name : str
        The argument's name, used in messages (``"row_linkage"``).
    n : int, optional
        The number of observations the linkage must join.
    word : str
        What the observations are called in messages (``"rows"``).

    Raises
    ------
    InputError
        If the shape does not fit, a value is not finite, or the merges do
        not form one tree over the leaves.
    InputTypeError
        If the values are not numbers.
    """
    Z = np.array(as_float_matrix(linkage, name), dtype=np.float64)  # own copy
    if Z.shape[1] != 4:
        raise InputError(
            f"{name} must be a linkage matrix of shape (n - 1, 4) as made by "
            f"scipy.cluster.hierarchy.linkage, got shape {Z.shape}"
        )
    m = Z.shape[0]
    if n is not None and m != n - 1:
        raise InputError(f"{name} is for {m + 1} leaves but data has {n} {word}")
    bad = np.flatnonzero(~np.isfinite(Z).all(axis=1))
    if bad.size:
        what = "heights" if np.isfinite(np.delete(Z, 2, axis=1)[bad]).all() else "values"
        raise InputError(
            f"{name} has non-finite {what} in {bad.size} merge(s), at linkage rows "
            f"{quote_some(bad.tolist())}"
        )
    if m == 0:  # a single leaf: nothing to check, and scipy rejects it
        return Z
    from scipy.cluster.hierarchy import is_valid_linkage

    try:
        is_valid_linkage(Z, throw=True, name=name)
    except (TypeError, ValueError) as e:
        raise InputError(f"{name} is not a valid linkage matrix: {e}") from None
    kids = Z[:, :2]
    bad = np.flatnonzero((kids != np.floor(kids)).any(axis=1))
    if bad.size:
        raise InputError(
            f"{name} is not a valid linkage matrix: cluster indices (columns 0 and 1) "
            f"must be whole numbers, but are not at linkage rows {quote_some(bad.tolist())}"
        )
    # Each count must be the sum of its children's counts; checking every row
    # against the stated counts of its children proves all of them by induction.
    counts = np.ones(2 * m + 1)
    counts[m + 1 :] = Z[:, 3]
    idx = kids.astype(np.intp)
    bad = np.flatnonzero(counts[idx[:, 0]] + counts[idx[:, 1]] != Z[:, 3])
    if bad.size:
        raise InputError(
            f"{name} is not a valid linkage matrix: the leaf counts (column 3) do not "
            f"add up at linkage rows {quote_some(bad.tolist())}"
        )
    return Z


def check_labels(labels: Sequence[Any] | None, n: int, namer_word: str) -> list | None:
    if labels is None:
        return None
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__len__"):
        raise InputTypeError(
            f"labels must be a sequence with one label per {namer_word}, got "
            f"{type(labels).__name__}"
        )
    labels = list(labels)
    if len(labels) != n:
        raise InputError(f"labels has {len(labels)} entries but data has {n} {namer_word}s")
    return labels
