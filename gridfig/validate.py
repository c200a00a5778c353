"""Checks of declared values, one mechanism for every node and panel: attrs validators that raise
gridfig's own errors naming the class and the argument (``Cross(weight=...)``), and the few
converters the top-level functions share (``figsize``, ``dpi``).
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Callable

from .errors import InputError, InputTypeError
from .units import to_inches


def _where(inst, attribute) -> str:
    return f"{type(inst).__name__}({attribute.name}=...)"


def is_real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def number(*, low: float | None = None, above: float | None = None, optional: bool = False,
           what: str = "a number") -> Callable:
    """A validator: a finite real number, at least ``low`` / more than ``above`` (``None`` allowed if optional)."""
    def check(inst, attribute, value):
        if value is None and optional:
            return
        if not is_real(value):
            raise InputTypeError(f"{_where(inst, attribute)}: expected {what}, got {type(value).__name__} {value!r}")
        v = float(value)
        if not math.isfinite(v) or (low is not None and v < low) or (above is not None and v <= above):
            bound = f" >= {low:g}" if low is not None else (f" > {above:g}" if above is not None else "")
            raise InputError(f"{_where(inst, attribute)}: expected {what}{bound} (finite), got {value!r}")
    return check


def positive_length(inst, attribute, value) -> None:
    """A validator for a converted length that must be more than 0 when given."""
    if value is not None and not value > 0:
        raise InputError(f"{_where(inst, attribute)}: a size must be more than 0, got {value!r}")


def panel_name(inst, attribute, value) -> None:
    """Names are path segments: no '/', '[' or ']' (those join and index paths)."""
    if value is None:
        return
    if not isinstance(value, str):
        raise InputTypeError(f"{_where(inst, attribute)}: expected a string, got {type(value).__name__} {value!r}")
    bad = [c for c in "/[]" if c in value]
    if not value or bad:
        raise InputError(f"{_where(inst, attribute)}: a name is a path segment and cannot be empty or hold "
                         f"{' '.join(repr(c) for c in '/[]')}; got {value!r}")


def callable_value(inst, attribute, value) -> None:
    if not callable(value):
        raise InputTypeError(f"{_where(inst, attribute)}: expected a function, got {type(value).__name__} {value!r}")


def figsize(value, name: str = "figsize") -> tuple | None:
    """``None`` or ``(width, height)``: two lengths (numbers of inches or strings), either ``None`` to derive it."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != 2:
        raise InputError(f"{name}: expected (width, height), two lengths such as (6, 4) or ('160mm', '120mm'), "
                         f"got {value!r}")
    out = []
    for v, part in zip(value, ("width", "height")):
        if v is None:
            out.append(None)
            continue
        inches = to_inches(v, f"{name} {part}")
        if inches <= 0:
            raise InputError(f"{name}: the {part} must be more than 0, got {v!r}")
        out.append(inches)
    return tuple(out)


def dpi(value, name: str = "dpi") -> float | None:
    """``None`` or a finite number of dots per inch, more than 0."""
    if value is None:
        return None
    if not is_real(value) or not math.isfinite(float(value)) or float(value) <= 0:
        raise InputError(f"{name}: expected a positive number of dots per inch, got {value!r}")
    return float(value)


def of_type(value: Any, kind: type, name: str, what: str):
    if value is not None and not isinstance(value, kind):
        raise InputTypeError(f"{name}: expected {what}, got {type(value).__name__} {value!r}")
    return value
