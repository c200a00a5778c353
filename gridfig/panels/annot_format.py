"""How a heatmap writes its ``annot`` values with ``fmt``, checked against the values before anything is drawn.

Numbers are written with ``format(value, fmt)``. A spec for integers only
(``"d"``, ``"x"``, ``","``...) writes numbers that are whole (``50.0`` as
``50``: the data are floats by the time they are drawn) and refuses any
other, as seaborn refuses ``fmt="d"`` for floats. Text is written with
``format(text, fmt)`` when ``fmt`` is a spec for text (``"s"``, ``""``,
``">5"``), else as it is.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..errors import InputError, InputTypeError, quote_some
from ..validate import is_real


@lru_cache(maxsize=128)
def spec_kinds(fmt: str) -> frozenset:
    """What the format spec ``fmt`` can write: some of ``"float"``, ``"int"`` and ``"str"``."""
    kinds = set()
    for kind, sample in (("float", 0.5), ("int", 1), ("str", "a")):
        try:
            format(sample, fmt)
        except (ValueError, TypeError):
            continue
        kinds.add(kind)
    return frozenset(kinds)


def format_cell(v, fmt: str) -> str:
    """One annotation value as written (``fmt`` checked by :func:`check_fmt`)."""
    kinds = spec_kinds(fmt)
    if is_real(v):
        return format(v if "float" in kinds else int(v), fmt)
    return format(str(v), fmt) if "str" in kinds else str(v)


def check_fmt(fmt, values: np.ndarray, written: np.ndarray) -> None:
    """Refuse a ``fmt`` that cannot write the values of the ``written`` cells, naming a value it cannot."""
    if not isinstance(fmt, str):
        raise InputTypeError(f"fmt: expected a format spec such as '.2g', 'd' or 's', got {type(fmt).__name__}")
    kinds = spec_kinds(fmt)
    if not kinds:
        try:
            format(0.5, fmt)
        except ValueError as e:
            raise InputError(f"fmt: {fmt!r} is not a format spec ({e}); use one such as '.2g', '.1f', "
                             f"'d' or 's'") from None
    shown = np.asarray(values)[written]
    numbers = shown if shown.dtype.kind in "iuf" else np.array([v for v in shown if is_real(v)], dtype=object)
    if not numbers.size or "float" in kinds:
        return
    if "int" not in kinds:
        raise InputError(f"fmt: {fmt!r} is not a format spec for numbers, but the values to write include "
                         f"{_some(numbers, 3)}; use one such as '.2g', '.1f' or 'd'")
    if numbers.dtype.kind in "iu":
        return
    as_float = numbers.astype(float)
    bad = numbers[~(np.isfinite(as_float) & (as_float == np.round(as_float)))]
    if bad.size:
        raise InputError(f"fmt: {fmt!r} writes integers, but {bad.size} of the values to write are not whole "
                         f"numbers: {_some(bad)}; use a spec for floats such as '.0f' or '.2g', "
                         f"or round the values")


def _some(values: np.ndarray, most: int = 5) -> str:
    """The first few values (floats to 6 significant digits) and how many more."""
    first = [float(f"{v:.6g}") if isinstance(v, float) else v for v in values[:most].tolist()]
    return quote_some(first + [None] * (len(values) - len(first)), most)
