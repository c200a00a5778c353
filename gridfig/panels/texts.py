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

from .labels import Labels
from .match import align_series, is_labelled
from .numeric import as_vector

__all__ = ["Numbers", "Text"]


def _number(value: float, fmt: str, missing: str) -> str:
    if value != value:
        return missing
    return fmt.format(value) if "{" in fmt else format(value, fmt)


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
        pattern (``"{:.1%}"``).
    missing : str
        Written for a missing value.
    """

    values: Any = attrs.field(default=None, eq=False, repr=False)
    fmt: str = ".3g"
    missing: str = ""

    kind: ClassVar[str] = "numbers"

    def bind(self, leaves) -> "Numbers":
        shown = as_vector(self.values, leaves, self.label)
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
        def matched(v):
            return align_series(v, leaves, self.label, leaves.what if leaves else "rows") if is_labelled(v) \
                else list(v)

        texts = ["" if t is None else str(t) for t in matched(self.values)]
        color = self.color
        if is_labelled(color) or isinstance(color, list) or getattr(color, "ndim", 0) == 1:
            color = list(matched(color))  # one per leaf, in data order: a list (a tuple is one colour)
        return attrs.evolve(self, texts=texts, color=color)

    def font(self) -> dict:
        return {"weight": self.fontweight, "family": self.family}

    def text_color(self, position: int, theme) -> Any:
        color = self.color[position] if isinstance(self.color, list) else self.color
        return theme.text_color if color is None else color
