"""Text side panels: a number or any string per leaf, measured and thinned like :class:`~gridfig.Labels`.

Both are :class:`~gridfig.Labels` whose texts come from data: matched by
label through :meth:`bind` when given as a pandas Series, by position
otherwise. They are written away from the core, in room measured for the
longest text shown, and thinned evenly when they do not all fit
(``show="all"`` writes every one).
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
import numpy as np

from ..errors import InputError, InputTypeError
from ..validate import _where
from .labels import Labels
from .match import align_series, is_labelled
from .match import _what, leaf_names
from .numeric import as_vector

__all__ = ["Numbers", "Text"]


def _written(value, fmt: str) -> str:
    """``value`` written with a format spec, or with a ``str.format`` pattern when ``fmt`` holds ``{``."""
    return fmt.format(value) if "{" in fmt else format(value, fmt)


def whole_only(fmt: str) -> bool:
    """True when ``fmt`` writes integers but not floats (``"d"``, ``"{:,d}"``, ``"x"``)."""
    try:
        _written(0.5, fmt)
        return False
    except (ValueError, TypeError, KeyError, IndexError):
        return True


def _check_fmt(inst, attribute, value) -> None:
    """A validator of ``fmt``: a spec or pattern that writes a float, or one that writes whole numbers."""
    where = _where(inst, attribute)
    if not isinstance(value, str):
        raise InputTypeError(f"{where}: expected a format spec such as '.2f', got {type(value).__name__} {value!r}")
    for probe in (0.5, 1):
        try:
            _written(probe, value)
            return
        except (ValueError, TypeError, KeyError, IndexError) as e:
            if probe == 0.5:
                error = e
    raise InputError(f"{where}: {value!r} is not a format spec for numbers ({error}); use a spec such as "
                     f"'.2f', '.3g' or 'd' (whole numbers), or a pattern such as '{{:.1%}}'")


def _number(value: float, fmt: str, missing: str) -> str:
    if value != value:
        return missing
    return _written(int(value) if whole_only(fmt) else value, fmt)


@attrs.frozen(kw_only=True)
class Numbers(Labels):
    """The value of each leaf, written as text.

    Parameters
    ----------
    values : sequence or Series
        One number per leaf (a Series is matched by label). Infinite values
        are refused, as on the value panels.
    fmt : str
        A format spec (``".2f"``, ``".3g"``, ``","``) or a ``str.format``
        pattern (``"{:.1%}"``); checked when the panel is made. An integer
        spec (``"d"``, ``"{:,d}"``) writes whole numbers and refuses values
        with a fraction (``".0f"`` rounds them).
    missing : str
        Written for a missing value.
    """

    values: Any = attrs.field(default=None, eq=False, repr=False)
    fmt: str = attrs.field(default=".3g", validator=_check_fmt)
    missing: str = ""

    kind: ClassVar[str] = "numbers"

    def bind(self, leaves) -> "Numbers":
        blank = f"are written as {self.missing!r}" if self.missing else "are left blank"
        shown = as_vector(self.values, leaves, self.label, blank)
        if whole_only(self.fmt):
            fraction = np.isfinite(shown) & (shown != np.round(shown))
            if fraction.any():
                raise InputError(f"{self.label}: fmt={self.fmt!r} writes whole numbers, but "
                                 f"{int(fraction.sum())} {_what(leaves)} have a "
                                 f"fraction: {leaf_names(fraction, leaves)}; use '.0f' to round them")
        return attrs.evolve(self, values=shown, texts=[_number(v, self.fmt, self.missing) for v in shown])


@attrs.frozen(kw_only=True)
class Text(Labels):
    """Any string per leaf, styled.

    Parameters
    ----------
    values : sequence or Series
        One text per leaf (a Series is matched by label; missing ones are blank).
    color : colour, list or Series
        One colour (a name or an RGB tuple), or one per leaf: a list in data
        order, or a Series matched by label (missing ones in the theme's colour).
    fontweight, family : str, optional
        matplotlib's font weight (``"bold"``) and family; measured as drawn.
    """

    values: Any = attrs.field(default=None, eq=False, repr=False)
    color: Any = attrs.field(default=None, eq=False)
    fontweight: str = "normal"
    family: str | None = None

    kind: ClassVar[str] = "text"

    def bind(self, leaves) -> "Text":
        def matched(v, drawn):
            return align_series(v, leaves, self.label, leaves.what if leaves else "rows", drawn=drawn) \
                if is_labelled(v) else list(v)

        texts = ["" if t is None else str(t) for t in matched(self.values, "are left blank")]
        color = self.color
        if is_labelled(color) or isinstance(color, list) or getattr(color, "ndim", 0) == 1:
            # one per leaf, in data order: a list (a tuple is one colour)
            color = list(matched(color, "are written in the text colour"))
        return attrs.evolve(self, texts=texts, color=color)

    def font(self) -> dict:
        return {"weight": self.fontweight, "family": self.family}

    def text_color(self, position: int, theme) -> Any:
        color = self.color[position] if isinstance(self.color, list) else self.color
        return theme.text_color if color is None else color
