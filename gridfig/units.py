"""Physical lengths.

Inside gridfig every length is a float in inches. At the API a length may be
a number (inches) or a string with a unit: ``"2mm"``, ``"0.5cm"``, ``"0.1in"``,
``"6pt"``. :func:`to_inches` is the one place that converts.
"""

from __future__ import annotations

import math
import re
from numbers import Real
from typing import Optional, Tuple, Union

from .errors import InputError, InputTypeError

Length = Union[float, int, Real, str]
#: A figure or region size: (width, height), either ``None`` to derive it from the content.
FigSize = Tuple[Optional[Length], Optional[Length]]

#: inches per unit
UNITS = {"in": 1.0, "inch": 1.0, "mm": 1 / 25.4, "cm": 1 / 2.54, "pt": 1 / 72.0}

_LENGTH_RE = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Z]*)\s*$")


def to_inches(value: Length, name: str = "length", *, allow_negative: bool = False) -> float:
    """Convert a length to inches.

    Parameters
    ----------
    value : real number or str
        A number of inches (any real: int, float, Fraction, numpy scalar), or a string such as ``"2mm"``, ``"0.5cm"``,
        ``"0.1in"`` or ``"6pt"``. A bare number in a string is inches.
    name : str
        The argument's name, used in the error message.
    allow_negative : bool
        Whether a negative length is accepted.

    Raises
    ------
    InputError
        If the string cannot be read, the unit is unknown, or the length is
        negative, infinite or NaN.
    InputTypeError
        If ``value`` is neither a number nor a string.
    """
    import numbers

    if isinstance(value, bool) or not isinstance(value, (numbers.Real, str)):
        try:
            import numpy as np

            if isinstance(value, np.number) and not isinstance(value, np.complexfloating):
                value = float(value)
            else:
                raise TypeError
        except TypeError:
            raise InputTypeError(
                f"{name}: expected a length (a number of inches or a string like "
                f"'2mm', '0.5cm', '0.1in', '6pt'), got {type(value).__name__} {value!r}"
            ) from None
    if isinstance(value, str):
        m = _LENGTH_RE.match(value)
        unit = m.group(2).lower() if m else ""
        if not m or (unit and unit not in UNITS):
            raise InputError(
                f"{name}: cannot read {value!r} as a length; use a number of inches "
                f"or a number with one of the units {', '.join(sorted(set(UNITS) - {'inch'}))}, "
                f"e.g. '2mm', '0.5cm', '0.1in', '6pt'"
            )
        inches = float(m.group(1)) * UNITS[unit or "in"]
    else:
        inches = float(value)
    if not math.isfinite(inches):
        raise InputError(f"{name}: a length must be finite, got {value!r}")
    if inches < 0 and not allow_negative:
        raise InputError(f"{name}: a length must not be negative, got {value!r}")
    return inches
