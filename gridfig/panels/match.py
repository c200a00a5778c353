"""Matching labelled side data (a pandas Series) to a core's leaves, by label: one matcher for every panel."""

from __future__ import annotations

import numpy as np

from ..errors import InputError, quote_some, warn


def is_labelled(values) -> bool:
    """True for labelled data (a pandas Series or anything with ``index`` and ``reindex``)."""
    return hasattr(values, "index") and hasattr(values, "reindex")


def align_series(series, leaves, who: str, what: str = "rows", *, missing: str = "warn",
                 drawn: str = "are drawn in the missing colour"):
    """The values of ``series`` in the data order of ``leaves`` (matched by label).

    Labels of the data that the series lacks become missing (``None``) with a
    warning; series labels the data lacks are named in a warning and left
    out. Returns a list, or a pandas Categorical when the series is
    categorical (its category order is kept).

    Parameters
    ----------
    series : pandas Series
    leaves : Leaves
        The axis to match to; its ``labels`` are the data's labels.
    who : str
        The panel's name, used in messages.
    what : str
        ``"rows"`` or ``"columns"``, used in messages.
    missing : {"warn", "error"}
        What to do with data labels the series lacks.
    drawn : str
        What the panel does with them, ending the warning's "have no
        annotation and ..." (a strip's missing colour by default; bars say
        "get no bar").
    """
    import pandas as pd

    if leaves is None or leaves.labels is None:
        raise InputError(
            f"{who}: a labelled annotation (pandas Series) needs a core with labelled {what}; "
            f"give the heatmap a DataFrame (Heatmap.from_frame) or pass the annotation as a list"
        )
    index = pd.Index(series.index)
    target = pd.Index(list(leaves.labels))
    if index.has_duplicates:
        raise InputError(f"{who}: duplicate labels in the annotation index: "
                         f"{quote_some(index[index.duplicated()].unique().tolist())}")
    if target.inferred_type != index.inferred_type and not index.intersection(target).size:
        raise InputError(
            f"{who}: the annotation is labelled with {index.inferred_type} values "
            f"({quote_some(index[:3].tolist(), 3)}) but the data's {what} are labelled with "
            f"{target.inferred_type} values ({quote_some(target[:3].tolist(), 3)}); no label matches"
        )
    if target.has_duplicates:
        raise InputError(f"{who}: the data's {what} labels repeat "
                         f"({quote_some(target[target.duplicated()].unique().tolist())}); matching an "
                         f"annotation by label needs them unique")
    lacking = target.difference(index, sort=False)
    extra = index.difference(target, sort=False)
    if len(lacking) == len(target):
        raise InputError(f"{who}: none of the data's {len(target)} {what} labels is in the "
                         f"annotation's index (data: {quote_some(target[:3].tolist(), 3)}; annotation: "
                         f"{quote_some(index[:3].tolist(), 3)})")
    if len(lacking):
        text = (f"{who}: {len(lacking)} of {len(target)} data {what} have no annotation"
                f"{' and ' + drawn if missing == 'warn' else ''}: "
                f"{quote_some(lacking.tolist())}")
        if missing == "error":
            raise InputError(text)
        warn(text)
    if len(extra):
        warn(f"{who}: {len(extra)} annotation labels are not in the data and are "
             f"ignored: {quote_some(extra.tolist())}")
    if isinstance(series.dtype, pd.CategoricalDtype):
        # keep the category order (it decides colours and the legend's order)
        return pd.Categorical(series.reindex(target), categories=series.cat.categories)
    # reindex as objects so integers stay integers (not floats with NaN gaps)
    aligned = series.astype(object).reindex(target)
    return [None if is_missing(v) else v for v in aligned.tolist()]


def is_missing(v) -> bool:
    """None, NaN, pandas' NA or NaT."""
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    try:
        import numpy as np

        if isinstance(v, np.floating):
            return bool(np.isnan(v))
    except ImportError:  # pragma: no cover
        pass
    import pandas as pd

    return v is pd.NA or v is pd.NaT


def refuse_infinite(bad, leaves, who: str) -> None:
    """Raise an InputError naming the leaves marked in ``bad`` (one flag per leaf, data order), if any.

    Every value panel refuses infinite values as the heatmap refuses infinite
    cells: there is no place on a value axis to draw them, and leaving them out
    would hide them. A missing value is NaN.
    """
    bad = np.asarray(bad, dtype=bool)
    if bad.any():
        raise InputError(f"{who}: {int(bad.sum())} {_what(leaves)} have infinite values: "
                         f"{leaf_names(bad, leaves)}; only finite numbers can be drawn (NaN marks a missing value)")


def leaf_names(mask, leaves) -> str:
    """The leaves flagged in ``mask`` (data order), quoted: by label where the data has labels, else
    ``"positions 2, 5"``."""
    where = np.flatnonzero(mask)
    labels = None if leaves is None else leaves.labels
    if labels is not None and len(labels) == len(mask):
        return quote_some([labels[i] for i in where])
    return "positions " + quote_some(where.tolist())


def _what(leaves) -> str:
    return "rows" if leaves is None else leaves.what
