"""gridfig.clustering.scale: seaborn's z_score / standard_scale, minus the NaN."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from gridfig.clustering import scale
from gridfig.errors import InputError, InputTypeError


@pytest.fixture
def frame():
    rng = np.random.default_rng(4)
    X = rng.normal(3, 2, size=(8, 6))
    X[1, 2] = X[5, 0] = np.nan
    return pd.DataFrame(X, index=[f"r{i}" for i in range(8)], columns=list("abcdef"))


@pytest.mark.parametrize("axis", [0, 1])
def test_matches_seaborn(frame, axis):
    sns_matrix = pytest.importorskip("seaborn.matrix")
    grid = sns_matrix.ClusterGrid
    pd.testing.assert_frame_equal(scale(frame, z_score=axis), grid.z_score(frame, axis))
    pd.testing.assert_frame_equal(
        scale(frame, standard_scale=axis), grid.standard_scale(frame, axis)
    )


def test_meaning_of_axes():
    X = np.array([[1.0, 2.0, 3.0], [10.0, 30.0, 20.0]])
    np.testing.assert_allclose(scale(X, z_score=0), [[-1, 0, 1], [-1, 1, 0]])
    np.testing.assert_allclose(scale(X, standard_scale=0), [[0, 0.5, 1], [0, 1, 0.5]])
    np.testing.assert_allclose(scale(X, standard_scale=1), [[0, 0, 0], [1, 1, 1]])
    s = 1 / np.sqrt(2)  # ddof=1 standard deviation of two values d apart is d/sqrt(2)
    np.testing.assert_allclose(scale(X, z_score=1), [[-s, -s, -s], [s, s, s]])


def test_constant_and_missing_rows():
    X = np.array(
        [
            [0.1, 0.1, 0.1, 0.1],  # constant, though its computed std is not 0
            [np.nan, 5.0, np.nan, np.nan],  # a single value
            [np.nan] * 4,  # nothing
            [1.0, np.nan, 3.0, 2.0],
        ]
    )
    for option in ("z_score", "standard_scale"):
        out = scale(X, **{option: 0})
        np.testing.assert_array_equal(out[0], 0.0)
        np.testing.assert_array_equal(out[1], [np.nan, 0.0, np.nan, np.nan])
        assert np.isnan(out[2]).all()
        assert np.isnan(out[3, 1]) and np.isfinite(out[3, [0, 2, 3]]).all()
    np.testing.assert_allclose(scale(X, z_score=0)[3], [-1, np.nan, 1, 0])


def test_types_and_no_mutation(frame):
    before = frame.copy()
    out = scale(frame, z_score=1)
    assert isinstance(out, pd.DataFrame)
    assert out.index.equals(frame.index) and out.columns.equals(frame.columns)
    pd.testing.assert_frame_equal(frame, before)
    X = frame.to_numpy()
    X_before = X.copy()
    out = scale(X, standard_scale=0)
    assert type(out) is np.ndarray and out.dtype == np.float64
    np.testing.assert_array_equal(X, X_before)
    ints = np.arange(6).reshape(2, 3)
    np.testing.assert_allclose(scale(ints, standard_scale=0), [[0, 0.5, 1]] * 2)
    same = scale(X)  # no option: a float copy
    np.testing.assert_array_equal(same, X)
    assert same is not X


def test_errors():
    X = np.ones((3, 3))
    with pytest.raises(InputError, match="z_score and standard_scale cannot both be given"):
        scale(X, z_score=0, standard_scale=1)
    with pytest.raises(
        InputError, match=r"z_score must be 0 \(rows\), 1 \(columns\) or None, got 2"
    ):
        scale(X, z_score=2)
    with pytest.raises(InputTypeError, match="standard_scale must be 0 .* got str 'rows'"):
        scale(X, standard_scale="rows")
    with pytest.raises(InputTypeError, match="z_score must be 0 .* got bool True"):
        scale(X, z_score=True)
    with pytest.raises(InputError, match="data must be a 2-D array, got 1-D"):
        scale(np.ones(3), z_score=0)
    X[1, 2] = np.inf
    with pytest.raises(
        InputError, match=r"data has 1 infinite value\(s\), at \(row, column\) positions \(1, 2\)"
    ):
        scale(X, z_score=0)
    with pytest.raises(InputTypeError, match="data must hold numbers"):
        scale(pd.DataFrame({"a": ["x", "y"]}), z_score=0)


def test_rows_without_spread_are_named_in_a_warning_and_scaled_to_zero():
    import pandas as pd

    import gridfig as gf

    df = pd.DataFrame(np.random.default_rng(0).normal(size=(6, 4)), index=[f"r{i}" for i in range(6)])
    df.loc["r0"] = 1.0
    df.loc["r3"] = [np.nan, 2.0, np.nan, np.nan]  # one present value: no spread either
    df.loc["r5"] = np.nan  # entirely missing: stays NaN, nothing to say
    for kwargs, arg in (({"z_score": 0}, "z_score"), ({"standard_scale": 0}, "standard_scale")):
        with pytest.warns(gf.GridfigWarning) as seen:
            out = gf.scale(df, **kwargs)
        assert [str(w.message) for w in seen] == [
            f"{arg}: 2 rows have no spread (all present values equal): 'r0', 'r3'; scaled to 0 "
            "(seaborn gives NaN there, which cannot be clustered)"]
        assert out.loc["r0"].tolist() == [0.0] * 4 and out.loc["r5"].isna().all()
    with pytest.warns(gf.GridfigWarning, match="z_score: 1 column has no spread"):
        gf.scale(np.c_[np.arange(5.0), np.ones(5)], z_score=1)
