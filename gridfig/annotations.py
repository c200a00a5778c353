"""``row_colors`` / ``col_colors`` and ``palette``: annotations from any container, with their colours.

An annotation argument is read into a list of ``(values, name, palette)``
parts, one per strip (see :func:`parts`); ``palette=`` is then resolved per
strip (see :func:`apply_palette`). The rules, which ``docs/inputs.md`` repeats:

* A pandas Series or DataFrame is matched by label; a list, array, polars or
  pyarrow column (which have no labels) by position; an xarray DataArray by its
  coordinate when it has one.
* With AnnData data, a string or a list of strings names ``obs`` columns
  (``row_colors``) or ``var`` columns (``col_colors``); ``uns["<name>_colors"]``,
  when present, colours that column's categories in their order (pandas
  categories, else sorted), as scanpy does.
* ``palette=`` beats ``uns``, which beats the default palettes.
"""

from __future__ import annotations

import numpy as np

from .errors import GridfigWarning, InputError, InputTypeError, quote_some, warn
from .inputs import column, columns, is_anndata, is_dataarray

#: A categorical strip with more categories than this warns: its colours cannot be told apart
#: and its legend would fill several columns.
MOST_CATEGORIES = 50


def parts(spec, arg: str, source=None) -> list[tuple]:
    """The strips of one annotation argument: ``(values, name or None, palette or None)`` each.

    ``source`` is the data, consulted when it is an AnnData (names of ``obs`` /
    ``var`` columns, ``uns`` colours).
    """
    import pandas as pd

    if spec is None:
        return []
    adata = source if is_anndata(source) else None
    if isinstance(spec, str) or (adata is not None and _all_names(spec, _table(adata, arg))):
        spec = _named(spec, arg, adata)
    table = columns(spec, arg)
    if table is not None:
        found = table
    elif isinstance(spec, (list, tuple, np.ndarray)) and not isinstance(spec, str):
        items = list(spec)
        nested = items and all(isinstance(v, (list, pd.Series, np.ndarray)) or _is_column(v) for v in items)
        found = [column(v, arg) for v in items] if nested else [(items, None)]
    elif isinstance(spec, pd.Series) or _is_column(spec) or isinstance(spec, pd.Categorical):
        found = [column(spec, arg)]
    else:
        raise InputTypeError(f"{arg}: expected a Series, DataFrame or list (or a polars, pyarrow or xarray "
                             f"column or table), got {type(spec).__name__}")
    return [(values, name, _uns_palette(adata, name, values)) for values, name in found]


def _is_column(v) -> bool:
    # a polars Series, pyarrow (Chunked)Array or 1-D xarray DataArray: converted by inputs.column
    module = type(v).__module__.split(".")[0]
    return is_dataarray(v) or (module in ("polars", "pyarrow") and hasattr(v, "__len__"))


def _table(adata, arg: str):
    return adata.obs if arg.startswith("row") else adata.var


def _all_names(spec, table) -> bool:
    # a list of strings names columns when every one is a column, or when some are and the list is not
    # one value per row (a misspelt name is then reported, not drawn as a strip of two categories)
    if not (isinstance(spec, (list, tuple)) and len(spec) > 0 and all(isinstance(v, str) for v in spec)):
        return False
    known = [v in table.columns for v in spec]
    return all(known) or (any(known) and len(spec) != len(table))


def _named(spec, arg: str, adata):
    """Columns of the AnnData's ``obs`` (rows) or ``var`` (columns) named by a string or a list of strings."""
    where = "obs" if arg.startswith("row") else "var"
    if adata is None:
        raise InputError(f"{arg}: {spec!r} names a column, which needs AnnData data (its .{where}); "
                         "with other data pass the annotation itself (a Series, DataFrame or list)")
    table = _table(adata, arg)
    names = [spec] if isinstance(spec, str) else list(spec)
    unknown = [n for n in names if n not in table.columns]
    if unknown:
        raise InputError(f"{arg}: {quote_some(unknown)} {'is not a column' if len(unknown) == 1 else 'are not columns'}"
                         f" of the AnnData's .{where}; its columns are {quote_some(list(map(str, table.columns)), 8)}")
    return table[names]


def _uns_palette(adata, name, values) -> dict | None:
    """scanpy's ``uns["<name>_colors"]``: colours of the column's categories, in their order."""
    import pandas as pd

    uns = getattr(adata, "uns", None)
    if adata is None or name is None or uns is None or f"{name}_colors" not in uns:
        return None
    colors = [c if isinstance(c, str) else tuple(c) for c in list(uns[f"{name}_colors"])]
    series = pd.Series(values)
    cats = list(series.cat.categories) if isinstance(series.dtype, pd.CategoricalDtype) \
        else sorted(series.dropna().unique().tolist(), key=str)
    if len(colors) < len(cats):
        warn(f"uns[{name + '_colors'!r}] has {len(colors)} colours for the {len(cats)} categories of "
             f"{name!r}; drawn in gridfig's palette instead", GridfigWarning)
        return None
    return dict(zip(cats, colors))


def _is_colour(v) -> bool:
    from matplotlib.colors import is_color_like

    if isinstance(v, (list, tuple, np.ndarray)):
        return len(v) in (3, 4) and all(isinstance(x, (int, float, np.number)) for x in v) \
            and is_color_like(tuple(v))
    return isinstance(v, str) and is_color_like(v)


def _is_colormap(v) -> bool:
    import matplotlib
    from matplotlib.colors import Colormap

    return isinstance(v, Colormap) or (isinstance(v, str) and v in matplotlib.colormaps)


def per_annotation(palette) -> bool:
    """True when ``palette`` is a dict of palettes keyed by annotation name (not category -> colour).

    A dict whose values are all colours maps categories to colours; one whose
    values are all palettes (dicts, lists of colours, colormap names) is keyed by
    annotation name. A mix is refused.
    """
    if not isinstance(palette, dict) or not palette:
        return False
    colours = [_is_colour(v) for v in palette.values()]
    if all(colours):
        return False
    palettes = [isinstance(v, dict) or (isinstance(v, (list, tuple)) and not c) or (_is_colormap(v) and not c)
                for v, c in zip(palette.values(), colours)]
    if all(palettes):
        return True
    odd = [f"{k!r}: {palette[k]!r}" for k, c, p in zip(palette, colours, palettes) if not (c or p)]
    raise InputError("palette: a dict maps categories to colours, or annotation names to palettes; "
                     + (f"{', '.join(odd[:3])} {'is' if len(odd) == 1 else 'are'} neither a colour nor a palette"
                        if odd else "this one mixes both"))


def check_palette(palette, strips) -> None:
    """Refuse a ``palette=`` that cannot be used, naming what is wrong (before anything is drawn)."""
    if palette is None:
        return
    if isinstance(palette, str) or _is_colormap(palette):
        from .panels.colors import get_cmap

        get_cmap(palette, "palette")
        return
    if per_annotation(palette):
        names = [s.label for s in strips]
        unknown = [k for k in palette if k not in names]
        if unknown:
            raise InputError(f"palette: {quote_some(unknown)} {'names' if len(unknown) == 1 else 'name'} no "
                             f"annotation; the annotations are {quote_some(names, 8) if names else 'none'}")
        return
    if not isinstance(palette, (dict, list, tuple)):
        raise InputTypeError(f"palette: expected a colormap name, a list of colours, a dict category -> colour "
                             f"or a dict annotation name -> palette, got {type(palette).__name__}")


def apply_palette(strip, palette):
    """The strip with ``palette=`` applied: for every categorical strip, or the strip's own entry."""
    import attrs

    if palette is None:
        return strip
    if not per_annotation(palette):
        if strip.mode != "categories":
            return strip
        lacking = [c for c in strip.categories() if c not in palette] if isinstance(palette, dict) else []
        if lacking:
            raise InputError(f"palette: no colour for {len(lacking)} categories of {strip.label!r}: "
                             f"{quote_some(lacking)}; a dict of colours applies to every categorical strip "
                             f"(to colour one strip only, key it by name: palette={{{strip.label!r}: {{...}}}})")
        return attrs.evolve(strip, palette=palette)
    if strip.label not in palette:
        return strip
    own = palette[strip.label]
    if strip.mode == "continuous":
        if not _is_colormap(own):
            raise InputError(f"palette: {strip.label!r} is drawn as a continuous scale (numbers); its palette "
                             f"entry must be a colormap name, got {type(own).__name__}")
        return attrs.evolve(strip, cmap=own)
    if strip.mode == "colors":
        raise InputError(f"palette: {strip.label!r} holds colours, which are drawn as given; drop its entry "
                         "or pass the categories instead of colours")
    return attrs.evolve(strip, palette=own)


def warn_crowded(strip, arg: str) -> None:
    """Say so when a categorical strip has more categories than colours can tell apart."""
    if strip.mode != "categories":
        return
    n = len(strip.categories())
    if n > MOST_CATEGORIES:
        warn(f"{arg} {strip.label!r}: {n} categories, too many colours to tell apart and a legend several "
             f"columns wide; group them into fewer categories, or pass legend=False", GridfigWarning)
