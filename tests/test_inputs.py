"""Every common table draws with its own labels: polars, pyarrow, xarray, scipy sparse, AnnData.

Each container is tried for real when its package is installed (skipped
otherwise) and as a duck-typed fake, so the reading rules are tested without
the packages. What is drawn is read back: the tick labels name the displayed
rows and columns, and the image holds the data's values in that order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import gridfig as gf
from gridfig import inputs
from helpers import refused_clearly

ROWS = [f"g{i}" for i in range(6)]
COLS = ["s0", "s1", "s2", "s3"]


def values(seed=0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(6, 4))


def drawn(g, rows=ROWS, cols=COLS, X=None):
    """Check the labels and the image against the data; return the ClusterMap."""
    assert [t.get_text() for t in g.axes["row_labels"].texts] == [rows[i] for i in g.row_order]
    assert [t.get_text() for t in g.axes["col_labels"].texts] == [cols[j] for j in g.col_order]
    if X is not None:
        np.testing.assert_allclose(g.axes["heatmap"].images[0].get_array(), X[np.ix_(g.row_order, g.col_order)])
    return g


# --- duck-typed fakes: the shapes of the real objects, none of their packages ------------------

class FakePolarsSeries:
    __module__ = "polars.series.series"

    def __init__(self, name, values, dtype="Float64"):
        self.name, self._values, self.dtype = name, np.asarray(values), dtype

    def to_numpy(self):
        return self._values

    def to_list(self):
        return self._values.tolist()

    def __len__(self):
        return len(self._values)


class FakePolarsFrame:
    """A polars DataFrame without pyarrow: to_pandas() fails, as it does there."""

    __module__ = "polars.dataframe.frame"

    def __init__(self, columns: dict):
        self._cols = {k: FakePolarsSeries(k, v) for k, v in columns.items()}
        self.columns = list(columns)

    def get_column(self, name):
        return self._cols[name]

    def to_pandas(self):
        raise ModuleNotFoundError("pa.Table requires 'pyarrow' module to be installed")


class FakeDataArray:
    __module__ = "xarray.core.dataarray"

    def __init__(self, X, dims, coords, name=None):
        self.values, self.dims, self.coords, self.name = np.asarray(X), dims, coords, name
        self.ndim, self.shape = self.values.ndim, self.values.shape
        self.indexes = {d: coords[d] for d in dims if d in coords}

    def to_pandas(self):
        axes = [pd.Index(self.coords[d] if d in self.coords else range(n), name=d)
                for d, n in zip(self.dims, self.shape)]
        if self.ndim == 1:
            return pd.Series(self.values, index=axes[0], name=self.name)
        return pd.DataFrame(self.values, index=axes[0], columns=axes[1])


class FakeDataset:
    __module__ = "xarray.core.dataset"
    dims = ("cell", "gene")
    data_vars = {"counts": None, "logcounts": None}


class FakeArrowTable:
    __module__ = "pyarrow.lib"

    def __init__(self, frame):
        self._frame = frame
        self.column_names = list(frame.columns)

    def to_pandas(self):
        return self._frame.copy()


class FakeAnnData:
    def __init__(self, X, obs, var, uns=None):
        self.X, self.obs, self.var, self.uns = X, obs, var, {} if uns is None else uns

    @property
    def obs_names(self):
        return self.obs.index

    @property
    def var_names(self):
        return self.var.index


def fake_adata(X=None, **obs_columns):
    X = values() if X is None else X
    return FakeAnnData(X, pd.DataFrame(obs_columns, index=ROWS), pd.DataFrame(index=COLS))


# --- polars ----------------------------------------------------------------------------------

def test_a_polars_like_table_takes_its_column_names_and_its_text_column_as_row_labels():
    X = values()
    table = FakePolarsFrame({"gene": np.array(ROWS, dtype=object), **{c: X[:, j] for j, c in enumerate(COLS)}})
    g = drawn(gf.clustermap(table), X=X)  # to_pandas() (which needs pyarrow) is never called
    assert g.data.index.tolist() == ROWS and g.data.index.name == "gene"


def test_a_polars_like_table_of_numbers_only_is_labelled_by_position():
    X = values()
    g = drawn(gf.clustermap(FakePolarsFrame({c: X[:, j] for j, c in enumerate(COLS)})),
              rows=[str(i) for i in range(6)], X=X)
    assert list(g.data.columns) == COLS


@pytest.mark.filterwarnings("ignore:data has 1 missing")
def test_polars_for_real_with_nulls_and_without_calling_to_pandas(monkeypatch):
    pl = pytest.importorskip("polars")
    X = values()
    X[2, 1] = np.nan
    table = pl.DataFrame({"gene": ROWS, **{c: X[:, j] for j, c in enumerate(COLS)}})
    table = table.with_columns(pl.when(pl.col("s1").is_nan()).then(None).otherwise(pl.col("s1")).alias("s1"))
    monkeypatch.setattr(pl.DataFrame, "to_pandas", lambda *a, **k: pytest.fail("needs pyarrow"))
    g = gf.clustermap(table, col_cluster=False)
    assert [t.get_text() for t in g.axes["row_labels"].texts] == [ROWS[i] for i in g.row_order]
    assert [t.get_text() for t in g.axes["col_labels"].texts] == COLS
    shown = np.ma.filled(g.axes["heatmap"].images[0].get_array().astype(float), np.nan)
    np.testing.assert_allclose(shown, X[g.row_order])  # the null is missing, not 0


# --- pyarrow ---------------------------------------------------------------------------------

def test_an_arrow_like_table_takes_its_column_names_and_text_column():
    X = values(1)
    frame = pd.DataFrame({"gene": ROWS, **{c: X[:, j] for j, c in enumerate(COLS)}})
    drawn(gf.clustermap(FakeArrowTable(frame)), X=X)


def test_pyarrow_for_real_keeps_a_stored_pandas_index():
    pa = pytest.importorskip("pyarrow")
    X = values(2)
    frame = pd.DataFrame(X, index=pd.Index(ROWS, name="gene"), columns=COLS)
    g = drawn(gf.clustermap(pa.Table.from_pandas(frame)), X=X)
    assert g.data.index.name == "gene"
    table = pa.table({"gene": ROWS, **{c: X[:, j] for j, c in enumerate(COLS)}})
    g = drawn(gf.clustermap(table), X=X)
    assert g.data.index.name == "gene" and g.data.index.tolist() == ROWS


# --- xarray ----------------------------------------------------------------------------------

def test_a_dataarray_like_is_labelled_by_its_coordinates_and_dims():
    X = values(3)
    da = FakeDataArray(X, ("gene", "sample"), {"gene": ROWS, "sample": COLS})
    frame = inputs.table(da)
    assert (frame.index.name, frame.columns.name) == ("gene", "sample")
    g = drawn(gf.clustermap(da), X=X)
    # ClusterMap.data keeps the dims' names (it lost them when it read only a DataFrame's index)
    assert (g.data.index.name, g.data.columns.name) == ("gene", "sample")
    np.testing.assert_array_equal(g.data.to_numpy(), X)
    assert g.data2d.index.tolist() == [ROWS[i] for i in g.row_order]


def test_xarray_for_real_with_one_dim_without_a_coordinate():
    xr = pytest.importorskip("xarray")
    X = values(4)
    da = xr.DataArray(X, dims=("gene", "sample"), coords={"gene": ROWS})
    g = drawn(gf.clustermap(da), cols=["0", "1", "2", "3"], X=X)
    assert inputs.table(da).columns.name == "sample"
    assert (g.data.index.name, g.data.columns.name) == ("gene", "sample")
    assert g.data.index.tolist() == ROWS and g.data.columns.tolist() == [0, 1, 2, 3]


def test_an_xarray_dataset_is_refused_naming_its_variables():
    refused_clearly(lambda: gf.clustermap(FakeDataset()), gf.InputTypeError,
                    "data: an xarray Dataset holds 2 variables ('counts', 'logcounts'); pass one")


def test_a_three_dimensional_dataarray_is_refused_with_its_dims():
    da = FakeDataArray(np.zeros((2, 3, 4)), ("a", "b", "c"), {})
    refused_clearly(lambda: gf.clustermap(da), gf.InputError, "data: expected a 2-D DataArray, got dims ('a', 'b', 'c')")


# --- scipy sparse ----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["csr_matrix", "csc_array", "coo_matrix"])
def test_a_sparse_matrix_is_drawn_dense(kind):
    from scipy import sparse

    X = np.abs(values(5))
    X[X < 0.7] = 0
    g = drawn(gf.clustermap(getattr(sparse, kind)(X)), rows=[str(i) for i in range(6)],
              cols=[str(j) for j in range(4)], X=X)
    assert g.data.shape == (6, 4)


def test_a_sparse_matrix_past_the_cell_limit_is_refused_with_shape_and_memory(monkeypatch):
    from scipy import sparse

    monkeypatch.setattr(inputs, "MAX_DENSE_CELLS", 1000)
    big = sparse.random(2000, 3000, density=1e-4, format="csr", random_state=0)
    err = refused_clearly(lambda: gf.clustermap(big), gf.InputError,
                          "data: the sparse matrix of shape 2000 x 3000 would be drawn dense, 6,000,000 cells")
    assert "(0.0 GiB as floats)" in str(err)
    assert "MAX_DENSE_CELLS = 1,000" in str(err)


def test_the_default_cell_limit_refuses_a_cell_atlas_before_allocating():
    from scipy import sparse

    atlas = sparse.csr_matrix((1_000_000, 30_000))  # 3e10 cells: 224 GiB dense
    refused_clearly(lambda: inputs.table(atlas), gf.InputError, "(223.5 GiB as floats)")


# --- AnnData ---------------------------------------------------------------------------------

def test_an_anndata_like_is_labelled_by_obs_and_var_names():
    X = values(6)
    g = drawn(gf.clustermap(fake_adata(X)), X=X)
    assert g.data.index.tolist() == ROWS and g.data.columns.tolist() == COLS
    np.testing.assert_array_equal(g.data.to_numpy(), X)


def test_foreign_tables_are_read_once(monkeypatch):
    # a DataArray (and polars, pyarrow) is turned into a DataFrame once, not again for ClusterMap.data
    calls = []
    real = inputs.table
    monkeypatch.setattr(inputs, "table", lambda *a, **k: calls.append(type(a[0]).__name__) or real(*a, **k))
    import gridfig.clustermap  # noqa: F401  (the module, not the function gridfig exports)
    import sys

    monkeypatch.setattr(sys.modules["gridfig.clustermap"], "table", inputs.table)
    X = values(3)
    g = gf.clustermap(FakeDataArray(X, ("gene", "sample"), {"gene": ROWS, "sample": COLS}))
    assert calls.count("FakeDataArray") == 1
    assert (g.data.index.name, g.data.columns.name) == ("gene", "sample")


def test_an_anndata_like_with_a_sparse_X():
    from scipy import sparse

    X = np.abs(values(7))
    drawn(gf.clustermap(fake_adata(sparse.csr_matrix(X))), X=X)


def test_an_anndata_without_X_says_how_to_pass_a_layer():
    refused_clearly(lambda: gf.clustermap(FakeAnnData(None, pd.DataFrame(index=ROWS), pd.DataFrame(index=COLS))),
                    gf.InputError, "data: the AnnData has no .X; pass a layer as adata.to_df(layer='...')")


def test_anndata_for_real():
    ad = pytest.importorskip("anndata")
    from scipy import sparse

    X = np.abs(values(8)).astype(np.float32)
    adata = ad.AnnData(sparse.csr_matrix(X), obs=pd.DataFrame(index=ROWS), var=pd.DataFrame(index=COLS))
    drawn(gf.clustermap(adata), X=X)


def test_heatmap_from_frame_reads_the_same_tables():
    X = values(10)
    heat = gf.Heatmap.from_frame(fake_adata(X))
    assert list(heat.row_labels) == ROWS and list(heat.col_labels) == COLS
    np.testing.assert_allclose(heat.data, X)


# --- what stays as it was --------------------------------------------------------------------

def test_a_masked_array_still_keeps_its_mask():
    X = np.ma.masked_array(values(9), mask=np.eye(6, 4, dtype=bool))
    g = gf.clustermap(X, row_cluster=False, col_cluster=False)
    assert np.ma.getmaskarray(g.axes["heatmap"].images[0].get_array()).sum() == 4


def test_text_and_a_series_are_refused_saying_what_to_do():
    refused_clearly(lambda: gf.clustermap("table.csv"), gf.InputError,
                    "data: expected a 2-D table, got the text 'table.csv'; read a file first")
    refused_clearly(lambda: gf.clustermap(pd.Series([1.0, 2.0])), gf.InputError,
                    "a one-column table is series.to_frame()")


def test_reading_needs_none_of_the_optional_packages():
    import subprocess
    import sys

    code = ("import sys, gridfig, gridfig.inputs, gridfig.annotations; "
            "print([m for m in ('polars', 'pyarrow', 'xarray', 'anndata') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
