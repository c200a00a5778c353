"""Standardising the rows or columns of a matrix before clustering.

The meaning follows seaborn's ``clustermap(z_score=..., standard_scale=...)``,
with one deliberate difference: a constant row or column becomes 0 instead of
NaN (0/0), so scaling never invents missing values.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import GridfigWarning, InputError, InputTypeError, quote_some, warn
from ._checks import as_float_matrix, pandas_frame


def _check_axis(value: object, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise InputTypeError(
            f"{name} must be 0 (rows), 1 (columns) or None, got {type(value).__name__} {value!r}"
        )
    if value not in (0, 1):
        raise InputError(f"{name} must be 0 (rows), 1 (columns) or None, got {value!r}")
    return int(value)


def scale(data: Any, *, z_score: int | None = None, standard_scale: int | None = None) -> Any:
    """Standardise each row or each column of a matrix.

    Parameters
    ----------
    data : 2-D array-like or DataFrame
        Numbers; NaN marks a missing value and is left in place.
    z_score : {0, 1}, optional
        0 standardises each row, 1 each column: subtract its mean and divide
        by its standard deviation (``ddof=1``), both ignoring NaN.
    standard_scale : {0, 1}, optional
        0 maps each row, 1 each column, onto [0, 1]: subtract its minimum and
        divide by its range, ignoring NaN.

    Returns
    -------
    ndarray or DataFrame
        A new float64 array, or a new DataFrame with the same index and
        columns when ``data`` is a DataFrame. ``data`` is never modified.
        With neither option, a float copy of ``data``.

    Raises
    ------
    InputError
        If both options are given, an axis is not 0 or 1, ``data`` is not
        2-D, or has infinite values.
    InputTypeError
        If ``data`` is not numeric.

    Notes
    -----
    A row (column) whose present values are all equal, or that has a single
    present value, has no spread to divide by: seaborn returns NaN there;
    here its present values become 0, the value a mean or a minimum maps to,
    and a :class:`~gridfig.GridfigWarning` names those rows (columns).
    A row that is entirely NaN stays NaN.
    """
    z_score = _check_axis(z_score, "z_score")
    standard_scale = _check_axis(standard_scale, "standard_scale")
    if z_score is not None and standard_scale is not None:
        raise InputError("z_score and standard_scale cannot both be given; choose one way to scale")
    X = np.array(as_float_matrix(data, "data"), dtype=np.float64)  # a copy we own
    bad = np.argwhere(np.isinf(X))
    if len(bad):
        raise InputError(
            f"data has {len(bad)} infinite value(s), at (row, column) positions "
            f"{quote_some([tuple(ij) for ij in bad.tolist()])}; scaling them is undefined"
        )
    axis = z_score if z_score is not None else standard_scale
    if axis is not None:
        _say_flat(X, axis, "z_score" if z_score is not None else "standard_scale", data)
    if z_score is not None:
        X = _z_score(X, z_score)
    elif standard_scale is not None:
        X = _standard_scale(X, standard_scale)
    if pandas_frame(data):
        return type(data)(X, index=data.index, columns=data.columns)
    return X


def _say_flat(X: np.ndarray, axis: int, arg: str, data: Any) -> None:
    """Warn about rows (columns) with no spread: they become 0 (seaborn gives NaN there)."""
    lo, hi = _min_max(X, 1 - axis)
    flat = np.flatnonzero(~(hi > lo) & np.isfinite(lo))  # all-NaN ones stay NaN: nothing to say
    if not len(flat):
        return
    word = "row" if axis == 0 else "column"
    names = (data.index if axis == 0 else data.columns)[flat].tolist() if pandas_frame(data) else flat.tolist()
    many = len(flat) != 1
    warn(f"{arg}: {len(flat)} {word}{'s have' if many else ' has'} no spread (all present values "
         f"equal): {quote_some(names)}; scaled to 0 (seaborn gives NaN there, which cannot be clustered)",
         GridfigWarning)


def _z_score(X: np.ndarray, axis: int) -> np.ndarray:
    # axis 0 scales each row: its statistics run along axis 1
    along = 1 - axis
    present = ~np.isnan(X)
    count = present.sum(axis=along, keepdims=True)
    filled = np.where(present, X, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = filled.sum(axis=along, keepdims=True) / count
        dev = np.where(present, X - mean, 0.0)
        std = np.sqrt((dev * dev).sum(axis=along, keepdims=True) / (count - 1))
    # exact, unlike the computed std, which rounding can leave at 1e-17 for a
    # constant row and so blow its z-scores up to +-1; a single value is flat too
    lo, hi = _min_max(X, along)
    flat = ~(hi > lo)
    return np.where(flat, np.where(present, 0.0, np.nan), (X - mean) / np.where(flat, 1.0, std))


def _standard_scale(X: np.ndarray, axis: int) -> np.ndarray:
    along = 1 - axis
    lo, hi = _min_max(X, along)
    flat = ~(hi > lo)  # also true for all-NaN, where the result stays NaN anyway
    return np.where(
        flat, np.where(np.isnan(X), np.nan, 0.0), (X - lo) / np.where(flat, 1.0, hi - lo)
    )


def _min_max(X: np.ndarray, along: int) -> tuple[np.ndarray, np.ndarray]:
    # np.nanmin warns on all-NaN slices; fill with +-inf so they come out inf
    lo = np.where(np.isnan(X), np.inf, X).min(axis=along, keepdims=True)
    hi = np.where(np.isnan(X), -np.inf, X).max(axis=along, keepdims=True)
    return lo, hi
