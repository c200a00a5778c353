"""Annotation strips: one coloured cell per leaf, from categories, colours or numbers."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import attrs
import numpy as np

from ..errors import InputError, quote_some, warn
from ..units import to_inches
from .base import DrawContext, Extent, MeasureContext, Panel
from .colors import get_cmap, palette

NAME_PAD = to_inches("1mm")


def _is_missing(v) -> bool:
    if v is None:
        return True
    if isinstance(v, (float, np.floating)):
        return bool(np.isnan(v))
    import pandas as pd

    return v is pd.NA or v is pd.NaT


def _natural(text: str) -> list:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower())
            for part in re.split(r"(\d+)", text) if part]


def _explicit_color(v) -> bool:
    # Only unmistakable colours count: '#rrggbb', RGB(A) tuples and CSS names.
    # Short codes ('b', 'C1', '0.5') are far more often category names.
    from matplotlib.colors import CSS4_COLORS, is_color_like

    if isinstance(v, tuple):
        return is_color_like(v)
    if isinstance(v, str):
        return (v.startswith("#") and is_color_like(v)) or v.lower() in CSS4_COLORS
    return False


def _mode(values: list) -> str:
    present = [v for v in values if not _is_missing(v)]
    if present and all(_explicit_color(v) for v in present):
        return "colors"
    if present and all(isinstance(v, (float, np.floating)) for v in present):
        return "continuous"
    return "categories"


@attrs.frozen(kw_only=True)
class AnnotationStrip(Panel):
    """A strip of coloured cells beside a core, one per leaf.

    Parameters
    ----------
    values : sequence or pandas Series
        One value per data row (or column) in data order, or a Series whose
        index holds the data's labels (matched by label, in any order).
        Values that are all colours are drawn as given; floats are drawn with
        ``cmap``; anything else is a category with a colour of its own.
    name : str, optional
        Shown past the end of the strip and in the legend; also the path
        segment. Defaults to the Series' name.
    palette : str or mapping, optional
        Colours of categories: a qualitative colormap name, or a mapping
        from category to colour. By default ``tab10``/``tab20`` or, beyond
        20 categories, evenly spread distinct hues; never reused.
    cmap : str
        Colormap of numeric values.
    kind_of_values : {"categories", "colors", "continuous"}, optional
        How to read the values; by default guessed: all unmistakable colours
        ('#rrggbb', RGB tuples, CSS names) are colours, floats are continuous,
        anything else is categories.
    show_name : bool
        Write the name past the end of the strip.
    size : length
        Thickness; default 4 mm.
    """

    values: Any = attrs.field(eq=False, repr=False)
    palette: Any = None
    cmap: str = "viridis"
    kind_of_values: str | None = attrs.field(default=None, validator=attrs.validators.in_(
        [None, "colors", "categories", "continuous"]))
    #: The labelled Series this strip was matched from (set by :meth:`align`), so a node
    #: built again around another core (``attrs.evolve``) matches by label again.
    source: Any = attrs.field(default=None, eq=False, repr=False)
    show_name: bool = True
    missing_color: str | None = None

    kind: ClassVar[str] = "strip"
    default_size: ClassVar[float] = to_inches("4mm")

    def __attrs_post_init__(self):
        if self.name is None and getattr(self.values, "name", None) is not None:
            object.__setattr__(self, "name", str(self.values.name))
        if self.labelled:
            return
        if isinstance(self.values, str) or (np.ndim(self.values) != 1
                                            and not isinstance(self.values, (list, tuple))):
            raise InputError(f"{self.label}: values must be a sequence with one value per leaf, "
                             f"got {type(self.values).__name__} {self.values!r:.40}")
        if self.mode == "continuous":
            get_cmap(self.cmap, f"{self.label}: cmap")

    # -- data ----------------------------------------------------------------
    @property
    def labelled(self) -> bool:
        """True for a pandas Series, matched to the core by label."""
        return hasattr(self.values, "index") and hasattr(self.values, "reindex")

    def leaf_count(self) -> int | None:
        return None if self.labelled else len(self.values)

    def align(self, labels, what: str = "rows") -> "AnnotationStrip":
        """This strip with values in the order of ``labels`` (a labelled strip only).

        Labels of the core that the strip lacks get the missing colour and a
        warning; strip labels the core lacks are named in a warning.
        """
        if not self.labelled and self.source is None:
            return self
        import pandas as pd

        series = self.source if self.source is not None else self.values
        index = pd.Index(series.index)
        target = pd.Index(list(labels))
        if index.has_duplicates:
            raise InputError(f"{self.label}: duplicate labels in the annotation index: "
                             f"{quote_some(index[index.duplicated()].unique().tolist())}")
        if target.inferred_type != index.inferred_type and not index.intersection(target).size:
            raise InputError(
                f"{self.label}: the annotation is labelled with {index.inferred_type} values "
                f"({quote_some(index[:3].tolist(), 3)}) but the data's {what} are labelled with "
                f"{target.inferred_type} values ({quote_some(target[:3].tolist(), 3)}); no label matches"
            )
        if target.has_duplicates:
            raise InputError(f"{self.label}: the data's {what} labels repeat "
                             f"({quote_some(target[target.duplicated()].unique().tolist())}); matching an "
                             f"annotation by label needs them unique")
        missing = target.difference(index, sort=False)
        extra = index.difference(target, sort=False)
        if len(missing) == len(target):
            raise InputError(f"{self.label}: none of the data's {len(target)} {what} labels is in the "
                             f"annotation's index (data: {quote_some(target[:3].tolist(), 3)}; annotation: "
                             f"{quote_some(index[:3].tolist(), 3)})")
        if len(missing):
            warn(f"{self.label}: {len(missing)} of {len(target)} data {what} have no annotation "
                 f"and are drawn in the missing colour: {quote_some(missing.tolist())}")
        if len(extra):
            warn(f"{self.label}: {len(extra)} annotation labels are not in the data and are "
                 f"ignored: {quote_some(extra.tolist())}")
        if isinstance(series.dtype, pd.CategoricalDtype):
            # keep the category order (it decides colours and the legend's order)
            values = pd.Categorical(series.reindex(target), categories=series.cat.categories)
        else:
            # reindex as objects so integers stay integers (not floats with NaN gaps)
            aligned = series.astype(object).reindex(target)
            values = [None if _is_missing(v) else v for v in aligned.tolist()]
        return attrs.evolve(self, values=values, name=self.label, source=series)

    @property
    def items(self) -> list:
        return list(self.values.tolist() if hasattr(self.values, "tolist") else self.values)

    @property
    def mode(self) -> str:
        """``"colors"``, ``"categories"`` or ``"continuous"`` (``kind_of_values`` or guessed)."""
        return self.kind_of_values or _mode(self.items)

    def categories(self) -> list:
        """Distinct non-missing values, in a stable order (pandas categories, else sorted)."""
        cats = getattr(getattr(self.values, "cat", None), "categories", None)
        if cats is None and hasattr(self.values, "categories") and not hasattr(self.values, "index"):
            cats = self.values.categories  # a pandas Categorical
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
        if isinstance(self.palette, dict):
            lacking = [c for c in cats if c not in self.palette]
            if lacking:
                raise InputError(f"{self.label}: palette has no colour for {quote_some(lacking)}")
            return {c: to_rgb(self.palette[c]) for c in cats}
        return dict(zip(cats, palette(len(cats), self.palette)))

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
        if self.show_name and self.name:
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
