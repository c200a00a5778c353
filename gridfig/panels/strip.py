"""Annotation strips: one coloured cell per leaf, from categories, colours or numbers."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import attrs
import numpy as np

from ..errors import InputError, quote_some
from ..units import to_inches
from .base import DrawContext, Extent, MeasureContext, Panel
from .colors import get_cmap, palette
from .match import align_series, is_labelled, refuse_infinite
from .match import is_missing as _is_missing

NAME_PAD = to_inches("1mm")

#: Integer annotations with more distinct values than this (the size of the largest qualitative
#: palette, tab20) are counts or measurements, not groups: drawn as a colour scale.
INTEGER_CATEGORIES = 20


def _natural(text: str) -> list:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower())
            for part in re.split(r"(\d+)", text) if part]


def _explicit_color(v) -> bool:
    # Any matplotlib colour spec: '#rrggbb', names, 'tab:red', 'C0', 'r', '0.2', RGB(A) tuples.
    # seaborn's idiom is row_colors=groups.map({"high": "r", "low": "b"}): a strip whose
    # values are *all* colours is drawn in them (kind_of_values="categories" says otherwise).
    from matplotlib.colors import is_color_like

    if isinstance(v, (tuple, list)):
        return len(v) in (3, 4) and is_color_like(tuple(v))
    if isinstance(v, str):
        return is_color_like(v)
    return False


def _colour(spec, who: str, category):
    from matplotlib.colors import to_rgb

    try:
        return to_rgb(tuple(spec) if isinstance(spec, (list, np.ndarray)) else spec)
    except (ValueError, TypeError):
        raise InputError(f"{who}: palette gives {spec!r} for {category!r}, which is not a colour") from None


def _mode(values: list) -> str:
    present = [v for v in values if not _is_missing(v)]
    if present and all(_explicit_color(v) for v in present):
        return "colors"
    if present and all(isinstance(v, (float, np.floating)) for v in present):
        return "continuous"
    if present and all(_integer(v) for v in present) and len(set(present)) > INTEGER_CATEGORIES:
        return "continuous"
    return "categories"


def _integer(v) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))


@attrs.frozen(kw_only=True)
class AnnotationStrip(Panel):
    """A strip of coloured cells beside a core, one per leaf.

    Parameters
    ----------
    values : sequence or pandas Series
        One value per data row (or column) in data order, or a Series whose
        index holds the data's labels (matched by label, in any order).
        Values that are all matplotlib colours (``"r"``, ``"C0"``, ``"tab:red"``,
        ``"0.2"``, ``"#aa0000"``, RGB tuples; missing ones in the missing
        colour) are drawn as given, with no legend; floats, and integers with
        more than :data:`INTEGER_CATEGORIES` (20) distinct values, are drawn
        with ``cmap``; anything else is a category with a colour of its own.
    name : str, optional
        Shown past the end of the strip and in the legend; also the path
        segment. Defaults to the Series' name.
    palette : str, list or mapping, optional
        Colours of categories: a qualitative colormap name, a list of colours
        (given to the categories in their order; at least one per category),
        or a mapping from category to colour (every category needs one;
        extra keys are ignored). By default ``tab10``/``tab20`` or, beyond
        20 categories, evenly spread distinct hues; never reused.
    cmap : str
        Colormap of numeric values.
    kind_of_values : {"categories", "colors", "continuous"}, optional
        How to read the values; by default guessed: all unmistakable colours
        ('#rrggbb', RGB tuples, CSS names) are colours, floats and integers
        with more than 20 distinct values are continuous (unless the Series has
        pandas' ``category`` dtype), anything else -- booleans, strings, up to
        20 distinct integers -- is categories.
    show_name : bool
        Write the name past the end of the strip.
    missing_color : colour, optional
        Colour of missing values; the theme's missing colour by default.
    size : length
        Thickness; default 4 mm.
    """

    values: Any = attrs.field(eq=False, repr=False)
    palette: Any = None
    cmap: str = "viridis"
    kind_of_values: str | None = attrs.field(default=None, validator=attrs.validators.in_(
        [None, "colors", "categories", "continuous"]))
    show_name: bool = True
    missing_color: str | None = None

    kind: ClassVar[str] = "strip"
    default_size: ClassVar[float] = to_inches("4mm")

    def __attrs_post_init__(self):
        if self.name is None and getattr(self.values, "name", None) is not None:
            object.__setattr__(self, "name", str(self.values.name))
        # the shape of the argument only (cheap); matching and guessing the kind happen in bind()
        if not self.labelled and (isinstance(self.values, str) or (
                not isinstance(self.values, (list, tuple)) and np.ndim(self.values) != 1)):
            raise InputError(f"{self.label}: values must be a sequence with one value per leaf, "
                             f"got {type(self.values).__name__} {self.values!r:.40}")

    # -- data ----------------------------------------------------------------
    @property
    def labelled(self) -> bool:
        """True for a pandas Series, matched to the core by label."""
        return is_labelled(self.values)

    def leaf_count(self) -> int | None:
        return None if self.labelled else len(self.values)

    def bind(self, leaves) -> "AnnotationStrip":
        """Values in the data's order: a Series matched by label (see :func:`~gridfig.panels.align_series`)."""
        if self.labelled:
            what = "rows" if leaves is None else leaves.what
            bound = attrs.evolve(self, values=align_series(self.values, leaves, self.label, what),
                                 name=self.label)
        else:
            bound = self
        if bound.mode == "continuous":
            get_cmap(bound.cmap, f"{bound.label}: cmap")
            # an infinite value would make the scale infinite: every other value one colour
            refuse_infinite([not _is_missing(v) and bool(np.isinf(v)) for v in bound.items], leaves, bound.label)
        return bound

    @property
    def items(self) -> list:
        return list(self.values.tolist() if hasattr(self.values, "tolist") else self.values)

    @property
    def mode(self) -> str:
        """``"colors"``, ``"categories"`` or ``"continuous"`` (``kind_of_values`` or guessed).

        Floats, and integers with more than :data:`INTEGER_CATEGORIES` distinct
        values, are continuous; fewer integers, booleans, strings and pandas
        ``category`` dtype (whatever its categories hold) are categories.
        """
        if self.kind_of_values:
            return self.kind_of_values
        guess = _mode(self.items)
        return "categories" if guess == "continuous" and self._pandas_categories() is not None else guess

    def _pandas_categories(self):
        cats = getattr(getattr(self.values, "cat", None), "categories", None)
        if cats is None and hasattr(self.values, "categories") and not hasattr(self.values, "index"):
            cats = self.values.categories  # a pandas Categorical
        return cats

    def categories(self) -> list:
        """Distinct non-missing values, in a stable order (pandas categories, else sorted)."""
        cats = self._pandas_categories()
        if cats is not None:
            return list(cats)
        present = {v for v in self.items if not _is_missing(v)}
        try:
            if all(isinstance(v, str) for v in present):
                return sorted(present, key=_natural)  # "sample 2" before "sample 10"
            return sorted(present)
        except TypeError:
            return sorted(present, key=lambda v: (type(v).__name__, str(v)))

    def color_map(self) -> dict:
        """Category -> RGB colour."""
        from matplotlib.colors import to_rgb

        cats = self.categories()
        given = self.palette
        if isinstance(given, dict):
            lacking = [c for c in cats if c not in given]
            if lacking:
                raise InputError(f"{self.label}: palette has no colour for {len(lacking)} of its {len(cats)} "
                                 f"categories: {quote_some(lacking)} (it has colours for "
                                 f"{quote_some(list(given), 3)})")
            return {c: _colour(given[c], self.label, c) for c in cats}
        if isinstance(given, (list, tuple, np.ndarray)):
            if len(given) < len(cats):
                raise InputError(f"{self.label}: palette has {len(given)} colours for {len(cats)} categories "
                                 f"({quote_some(cats)}); give one per category")
            return {c: _colour(v, self.label, c) for c, v in zip(cats, given)}
        return dict(zip(cats, (to_rgb(c) for c in palette(len(cats), given))))

    def norm(self):
        from matplotlib.colors import Normalize

        vals = np.array([np.nan if _is_missing(v) else v for v in self.items], dtype=float)
        lo, hi = np.nanmin(vals), np.nanmax(vals)
        return Normalize(lo, hi if hi > lo else lo + 1)

    def rgba(self, missing: str) -> np.ndarray:
        """One RGBA colour per value, in data order."""
        from matplotlib.colors import to_rgba

        miss = to_rgba(self.missing_color or missing)
        items = self.items
        mode = self.mode
        if mode == "colors":
            return np.array([miss if _is_missing(v) else to_rgba(v) for v in items])
        if mode == "continuous":
            vals = np.array([np.nan if _is_missing(v) else v for v in items], dtype=float)
            cmap = get_cmap(self.cmap).with_extremes(bad=miss)
            return cmap(self.norm()(np.ma.masked_invalid(vals)))
        cmap = self.color_map()
        return np.array([miss if _is_missing(v) else (*cmap[v], 1.0) for v in items])

    def has_missing(self) -> bool:
        return any(_is_missing(v) for v in self.items)

    # -- layout and drawing ----------------------------------------------------------
    def measure(self, ctx: MeasureContext) -> Extent:
        thickness = self.default_size if self.size is None else self.size
        if not (self.show_name and self.name):
            return Extent(thickness=thickness)
        w, _ = ctx.text.size(self.name, ctx.theme.fontsize)
        return Extent(thickness=thickness, after=NAME_PAD + w, ends_move=True)

    def draw(self, ax, ctx: DrawContext) -> None:
        colors = self.rgba(ctx.theme.missing_color)[ctx.order]
        ctx.imshow(ax, colors[:, None, :])
        if self.show_name and self.name and ctx.chunk in (None, ctx.chunks - 1):  # once, after the last group
            ctx.end_text(ax, self.name, pad=NAME_PAD, fontsize=ctx.theme.fontsize, color=ctx.theme.text_color)

    def legend_entries(self):
        from .legend import CategoryLegend, ScaleLegend

        mode = self.mode
        if mode == "colors":
            return ()
        if mode == "continuous":
            return (ScaleLegend(title=self.label, cmap=self.cmap, norm=self.norm()),)
        cmap = self.color_map()
        labels = [str(c) for c in cmap]
        colors = list(cmap.values())
        if self.has_missing():
            labels.append("missing")
            colors.append(self.missing_color)
        return (CategoryLegend(title=self.label, labels=tuple(labels), colors=tuple(colors)),)
