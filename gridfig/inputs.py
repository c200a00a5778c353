"""Tables and annotations from the common containers, as labelled pandas objects.

gridfig draws pandas DataFrames and numpy arrays. This module turns the other
containers people hold their data in into those, by duck typing: none of
polars, pyarrow, xarray or anndata is imported here (nor needed), and
scipy, a dependency, only when a sparse matrix is given.

==================  ===========================================================
input               labels taken from
==================  ===========================================================
pandas DataFrame    the index and the columns
numpy array         positions ``0..n-1``
polars DataFrame    the column names; rows ``0..n-1``, or the first column when it
                    is text and every other column is a number (polars has no
                    index). Read column by column, so pyarrow is not needed
pyarrow Table       as a polars DataFrame (a pandas index stored in the table's
                    metadata is restored)
xarray DataArray    the two dims' coordinates (positions when a dim has none);
                    the dims' names name the index and columns
scipy sparse        positions; densified, up to :data:`MAX_DENSE_CELLS` cells
AnnData             ``obs_names`` and ``var_names``; ``.X`` dense or sparse
==================  ===========================================================

An xarray Dataset is refused (it holds several variables: pass one).
"""

from __future__ import annotations

import numpy as np

from .errors import InputError, InputTypeError, quote_some, warn

#: Most cells a sparse matrix is densified to (8 bytes each: 100 million cells are 0.8 GB).
MAX_DENSE_CELLS = 100_000_000


def _module(obj) -> str:
    return type(obj).__module__.split(".")[0]


def is_anndata(obj) -> bool:
    """True for an AnnData (or anything with its ``X``, ``obs``, ``var``, ``obs_names``, ``var_names``)."""
    return all(hasattr(obj, a) for a in ("X", "obs", "var", "obs_names", "var_names"))


def _is_dataset(obj) -> bool:
    return hasattr(obj, "data_vars") and hasattr(obj, "dims")


def is_dataarray(obj) -> bool:
    return hasattr(obj, "dims") and hasattr(obj, "coords") and hasattr(obj, "to_pandas") and not _is_dataset(obj)


def is_sparse(obj) -> bool:
    if not (hasattr(obj, "tocsr") or hasattr(obj, "toarray")) or not hasattr(obj, "nnz"):
        return False
    from scipy import sparse

    return sparse.issparse(obj)


def dense(matrix, arg: str = "data") -> np.ndarray:
    """A scipy sparse matrix (or array) as a dense ndarray, refusing one past :data:`MAX_DENSE_CELLS` cells."""
    rows, cols = matrix.shape
    cells = rows * cols
    if cells > MAX_DENSE_CELLS:
        raise InputError(
            f"{arg}: the sparse matrix of shape {rows} x {cols} would be drawn dense, {cells:,} cells "
            f"({cells * 8 / 2**30:.1f} GiB as floats), more than gridfig densifies "
            f"(gridfig.inputs.MAX_DENSE_CELLS = {MAX_DENSE_CELLS:,}); select rows and columns first "
            f"(e.g. the most variable genes), or raise the limit if you have the memory")
    return np.asarray(matrix.toarray())


def _shape(obj) -> str:
    shape = getattr(obj, "shape", None)
    return f" of shape {tuple(shape)}" if shape is not None else ""


def table(data, arg: str = "data"):
    """``data`` as a pandas DataFrame with its labels (see the module's table).

    Values are left as they are (the caller checks that they are numbers);
    only a sparse matrix is densified.
    """
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (str, bytes)):
        raise InputError(f"{arg}: expected a 2-D table, got the text {data!r:.60}; read a file first "
                         "(pandas.read_csv, ...) or draw it with the gridfig command")
    if isinstance(data, pd.Series):
        raise InputError(f"{arg}: expected a 2-D table, got a pandas Series of length {len(data)}; "
                         "a one-column table is series.to_frame()")
    if _is_dataset(data):
        names = [str(v) for v in data.data_vars]
        raise InputTypeError(f"{arg}: an xarray Dataset holds {len(names)} variables "
                             f"({quote_some(names)}); pass one of them as a DataArray, e.g. ds[{names[0]!r}]"
                             if names else f"{arg}: the xarray Dataset holds no variables")
    if is_dataarray(data):
        if data.ndim != 2:
            raise InputError(f"{arg}: expected a 2-D DataArray, got dims {tuple(map(str, data.dims))} "
                             f"of shape {tuple(data.shape)}")
        return data.to_pandas()
    if is_anndata(data):
        return _anndata_frame(data, arg)
    if is_sparse(data):
        return pd.DataFrame(_two_d(dense(data, arg), data, arg))
    if _module(data) == "polars" and hasattr(data, "columns") and hasattr(data, "get_column"):
        return _label_column(_polars_frame(data))
    if _module(data) == "pyarrow" and hasattr(data, "column_names") and hasattr(data, "to_pandas"):
        return _label_column(data.to_pandas())
    try:
        arr = np.asarray(data)
    except (TypeError, ValueError) as e:
        raise InputTypeError(f"{arg}: cannot read a {type(data).__name__}{_shape(data)} as a table ({e}); "
                             "expected a DataFrame (pandas, polars), a 2-D array, a sparse matrix, "
                             "an xarray DataArray, a pyarrow Table or an AnnData") from None
    return pd.DataFrame(_two_d(arr, data, arg))


def _two_d(arr: np.ndarray, data, arg: str) -> np.ndarray:
    if arr.ndim != 2:
        hint = ("; gridfig reads DataFrames, arrays, sparse matrices, xarray DataArrays, pyarrow Tables and "
                "AnnData" if arr.ndim == 0 else "")
        raise InputError(f"{arg}: expected a 2-D table, got shape {arr.shape} ({type(data).__name__}){hint}")
    return arr


def _polars_frame(frame):
    """A polars DataFrame read column by column (``to_pandas`` would need pyarrow)."""
    import pandas as pd

    columns = {}
    for name in frame.columns:
        columns[name] = _polars_values(frame.get_column(name))
    return pd.DataFrame(columns)


def _polars_values(series):
    import pandas as pd

    values = series.to_numpy()
    cats = _enum_categories(series)
    return pd.Categorical(values, categories=cats) if cats is not None else values


def _enum_categories(series) -> list | None:
    # a polars Enum has a fixed category order (a Categorical's is not fixed: sorted here)
    dtype = series.dtype
    return list(dtype.categories) if str(dtype).startswith("Enum") else None


def _label_column(frame):
    """Tables with no index: a first text column, when every other column is numeric, holds the row labels."""
    import pandas as pd

    if not isinstance(frame.index, pd.RangeIndex) or frame.shape[1] < 2:
        return frame
    types = pd.api.types
    first, rest = frame.columns[0], frame.columns[1:]
    text = types.is_object_dtype(frame[first]) or types.is_string_dtype(frame[first]) \
        or isinstance(frame[first].dtype, pd.CategoricalDtype)
    if text and all(types.is_numeric_dtype(frame[c]) or types.is_bool_dtype(frame[c]) for c in rest):
        labels = frame[first].astype(object)
        return frame.drop(columns=first).set_axis(pd.Index(labels, name=first), axis=0)
    return frame


def _anndata_frame(adata, arg: str):
    import pandas as pd

    X = adata.X
    if X is None:
        raise InputError(f"{arg}: the AnnData has no .X; pass a layer as adata.to_df(layer='...')")
    values = dense(X, f"{arg} (AnnData .X)") if is_sparse(X) else np.asarray(X)
    if values.ndim != 2:
        raise InputError(f"{arg}: the AnnData's .X has shape {values.shape}, expected 2-D")
    return pd.DataFrame(values, index=pd.Index(adata.obs_names), columns=pd.Index(adata.var_names))


def column(values, arg: str):
    """One annotation as a pandas Series (matched by label) or, for a container without labels, a list or
    pandas Categorical (matched by position); returns ``(values, name)``."""
    import pandas as pd

    if isinstance(values, pd.Series):
        return values, values.name
    if _module(values) == "polars" and hasattr(values, "to_list") and hasattr(values, "dtype"):
        # to_list, not to_numpy: integers with a null stay integers (numpy would make them floats)
        cats = _enum_categories(values)
        vals = values.to_list()
        return (pd.Categorical(vals, categories=cats) if cats is not None else vals), values.name or None
    if is_dataarray(values):
        if values.ndim != 1:
            raise InputError(f"{arg}: expected a 1-D DataArray per annotation, got dims "
                             f"{tuple(map(str, values.dims))}")
        dim = values.dims[0]
        if dim in values.indexes:  # a coordinate: labels to match
            return values.to_pandas(), values.name
        return values.values.tolist(), values.name
    if _module(values) == "pyarrow" and hasattr(values, "to_pylist") and not hasattr(values, "column_names"):
        return _arrow_values(values), None  # a ChunkedArray or Array: no labels
    return values, getattr(values, "name", None)


def columns(spec, arg: str) -> list | None:
    """The annotations of a table (one per column), or ``None`` if ``spec`` is not a table.

    pandas DataFrames keep their index (matched by label); polars and pyarrow
    tables have none and are matched by position.
    """
    import pandas as pd

    if isinstance(spec, pd.DataFrame):
        return [(spec[c], str(c)) for c in spec.columns]
    if _is_dataset(spec):
        raise InputTypeError(f"{arg}: an xarray Dataset is not read as annotations; pass "
                             "ds.to_dataframe() (a DataFrame labelled by its coordinate)")
    if _module(spec) == "polars" and hasattr(spec, "get_column"):
        return [(column(spec.get_column(c), arg)[0], str(c)) for c in spec.columns]
    if _module(spec) == "pyarrow" and hasattr(spec, "column_names"):
        frame = spec.to_pandas()
        if isinstance(frame.index, pd.RangeIndex):  # no stored pandas index: by position
            return [(_arrow_values(spec.column(c)), str(c)) for c in spec.column_names]
        return [(frame[c], str(c)) for c in frame.columns]
    return None


def _arrow_values(array):
    """A pyarrow (Chunked)Array's values, by position; integers with a null stay integers."""
    if getattr(array.type, "ordered", False):  # an ordered dictionary keeps its category order
        return array.to_pandas().array
    # an unordered dictionary (categories in order of appearance) is sorted as any values are
    return array.to_pylist()


def cells_by_label(frame, row_labels, col_labels, arg: str) -> np.ndarray:
    """A DataFrame of per-cell values (``mask``, ``annot``, sizes) in the data's order, matched by label.

    Data labels the frame lacks are an error naming them (a cell without an
    entry has no value); frame labels the data lacks are named in a warning
    and left out. Repeated labels are an error, unless the frame's labels are
    the data's in the same order (then there is nothing to match).
    """
    import pandas as pd

    rows, cols = pd.Index(list(row_labels)), pd.Index(list(col_labels))
    if frame.index.equals(rows) and frame.columns.equals(cols):
        return frame.to_numpy()
    lacking, extra = [], []
    for index, target, what in ((frame.index, rows, "row"), (frame.columns, cols, "column")):
        for labels, whose in ((index, "DataFrame's"), (target, "data's")):
            if labels.has_duplicates:
                raise InputError(f"{arg}: the {whose} {what} labels repeat "
                                 f"({quote_some(labels[labels.duplicated()].unique().tolist())}); matching the "
                                 f"DataFrame to the data by label needs them unique")
        missing = target.difference(index, sort=False)
        if len(missing):
            theirs = f" (the DataFrame's: {quote_some(index.tolist(), 3)})" if len(missing) == len(target) else ""
            lacking.append(f"{len(missing)} of the data's {len(target)} {what}s: {quote_some(missing.tolist())}"
                           f"{theirs}")
        surplus = index.difference(target, sort=False)
        if len(surplus):
            extra.append((len(surplus), f"{what}s {quote_some(surplus.tolist())}"))
    if lacking:
        raise InputError(f"{arg}: the DataFrame has no entry for {'; and for '.join(lacking)}. It is matched "
                         f"by label and needs every row and column of the data (a cell without an entry has "
                         f"no value); pass an array of the data's shape to match by position")
    if extra:
        warn(f"{arg}: {sum(n for n, _ in extra)} labels of the DataFrame are not in the data and are ignored: "
             f"{'; '.join(text for _, text in extra)}")
    return frame.reindex(index=rows, columns=cols).to_numpy()
