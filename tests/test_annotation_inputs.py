"""Annotations from any container, AnnData column names and uns colours, integers, and ``palette=``.

Every test reads back the colours drawn in the strip (in display order) and
the legend's texts, not only that nothing raised.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgba

import gridfig as gf
from gridfig import annotations
from helpers import colorbars, refused_clearly
from test_inputs import COLS, ROWS, FakeAnnData, FakeDataArray, FakePolarsSeries, values


def strip(g, name, axis=0) -> np.ndarray:
    """RGBA of each displayed cell of the strip called ``name``, in display order."""
    img = g.axes[name].images[0].get_array()
    return np.asarray(img[:, 0, :] if axis == 0 else img[0, :, :], dtype=float)


def legend_texts(g) -> list[str]:
    return [t.get_text() for t in g.axes["legends"].texts]


def expect(g, labels_by_row, colours, order=None) -> np.ndarray:
    order = g.row_order if order is None else order
    return np.array([to_rgba(colours[labels_by_row[i]]) for i in order])


def default_colours(g, name, cats):
    """The colour each category got (read from the strip's legend entry, not re-derived)."""
    (entry,) = [p for p in g.layout.left if getattr(p, "name", None) == name][0].legend_entries()
    return dict(zip(entry.labels, entry.colors)) if cats is None else \
        {c: dict(zip(entry.labels, entry.colors))[str(c)] for c in cats}


LEIDEN = ["1", "0", "1", "2", "0", "2"]
LEIDEN_CATS = ["2", "0", "1"]  # not sorted: scanpy's colours follow the category order
UNS = {"leiden_colors": np.array(["#ff0000", "#00ff00", "#0000ff"])}


def adata(uns=None, **obs):
    obs = obs or {"leiden": pd.Categorical(LEIDEN, categories=LEIDEN_CATS), "batch": list("xxxyyy")}
    var = pd.DataFrame({"highly_variable": [True, False, True, False]}, index=COLS)
    return FakeAnnData(values(), pd.DataFrame(obs, index=ROWS), var, UNS if uns is None else uns)


# --- columns without labels: by position ------------------------------------------------------

def test_a_polars_like_series_is_a_strip_matched_by_position_and_named():
    data = pd.DataFrame(values(), index=ROWS, columns=COLS)
    groups = FakePolarsSeries("team", np.array(list("aabbcc"), dtype=object), dtype="String")
    g = gf.clustermap(data, row_colors=groups)
    colours = default_colours(g, "team", None)
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, list("aabbcc"), colours))
    assert legend_texts(g)[:4] == ["team", "a", "b", "c"]


def test_polars_for_real_a_series_an_enum_and_a_table_of_annotations():
    pl = pytest.importorskip("polars")
    data = pd.DataFrame(values(), index=ROWS, columns=COLS)
    enum = pl.Series("grade", ["lo", "hi", "mid", "lo", "hi", "mid"], dtype=pl.Enum(["lo", "mid", "hi"]))
    g = gf.clustermap(data, row_colors=pl.DataFrame({"grade": enum, "team": list("aabbcc")}))
    assert legend_texts(g)[:4] == ["grade", "lo", "mid", "hi"]  # the Enum's order, not sorted
    colours = default_colours(g, "grade", None)
    np.testing.assert_allclose(strip(g, "left/grade"), expect(g, enum.to_list(), colours))
    colours = default_colours(g, "team", None)
    np.testing.assert_allclose(strip(g, "left/team"), expect(g, list("aabbcc"), colours))


@pytest.mark.parametrize("package", ["polars", "pyarrow"])
def test_integers_with_a_null_stay_integer_categories(package):
    # numpy would make them floats, drawn as a colour scale
    mod = pytest.importorskip(package)
    data = pd.DataFrame(values(), index=ROWS, columns=COLS)
    ids = [3, 1, None, 3, 1, 1]
    column = mod.Series("cluster", ids) if package == "polars" else mod.chunked_array([ids])
    g = gf.clustermap(data, row_colors=column)
    name = "cluster" if package == "polars" else "row_colors"
    texts = legend_texts(g)
    assert texts[texts.index(name):][:4] == [name, "1", "3", "missing"]
    colours = default_colours(g, name, [1, 3]) | {None: gf.Theme().missing_color}
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, ids, colours))


def test_pyarrow_for_real_a_dictionary_column_and_a_table():
    # an unordered dictionary (in order of appearance: b, a) is sorted like any values
    pa = pytest.importorskip("pyarrow")
    data = pd.DataFrame(values(), index=ROWS, columns=COLS)
    col = pa.chunked_array([["b", "a", "b", None, "a", "b"]]).dictionary_encode()
    g = gf.clustermap(data, row_colors=pa.table({"kind": col}))
    colours = default_colours(g, "kind", None) | {None: gf.Theme().missing_color}
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, ["b", "a", "b", None, "a", "b"], colours))
    assert legend_texts(g)[:4] == ["kind", "a", "b", "missing"]


def test_a_dataarray_with_a_coordinate_is_matched_by_label():
    data = pd.DataFrame(values(), index=ROWS, columns=COLS)
    shuffled = ROWS[::-1]
    da = FakeDataArray(np.array(list("pqpqpq")), ("gene",), {"gene": shuffled}, name="side")
    g = gf.clustermap(data, row_colors=da)
    by_label = dict(zip(shuffled, "pqpqpq"))
    colours = default_colours(g, "side", None)
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, [by_label[r] for r in ROWS], colours))


# --- AnnData: names of obs / var columns, uns colours ------------------------------------------

def test_anndata_row_colors_names_obs_columns_coloured_by_uns_in_category_order():
    g = gf.clustermap(adata(), row_colors=["leiden", "batch"])
    uns = dict(zip(LEIDEN_CATS, UNS["leiden_colors"]))
    np.testing.assert_allclose(strip(g, "left/leiden"), expect(g, LEIDEN, uns))
    texts = legend_texts(g)
    assert texts[:4] == ["leiden", "2", "0", "1"] and "batch" in texts


def test_anndata_col_colors_names_var_columns():
    g = gf.clustermap(adata(), row_colors="leiden", col_colors="highly_variable")
    hv = [True, False, True, False]
    colours = {c: col for c, col in zip([False, True], default_colours_top(g, "highly_variable"))}
    np.testing.assert_allclose(strip(g, "col_colors", axis=1), expect(g, hv, colours, order=g.col_order))


def default_colours_top(g, name):
    (entry,) = [p for p in g.layout.top if getattr(p, "name", None) == name][0].legend_entries()
    return entry.colors


def test_an_obs_series_passed_itself_also_takes_its_uns_colours():
    a = adata()
    g = gf.clustermap(a, row_colors=a.obs["leiden"])
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, LEIDEN, dict(zip(LEIDEN_CATS, UNS["leiden_colors"]))))


def test_uns_colours_of_a_text_column_follow_its_sorted_categories_as_in_scanpy():
    a = adata(uns={"tissue_colors": ["#111111", "#222222", "#333333"]}, tissue=["lung", "gut", "skin"] * 2)
    g = gf.clustermap(a, row_colors="tissue")
    colours = {"gut": "#111111", "lung": "#222222", "skin": "#333333"}
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, ["lung", "gut", "skin"] * 2, colours))


def test_too_few_uns_colours_warn_and_fall_back_to_the_default_palette():
    a = adata(uns={"leiden_colors": ["#ff0000"]})
    with pytest.warns(gf.GridfigWarning, match=r"uns\['leiden_colors'\] has 1 colours for the 3 categories"):
        g = gf.clustermap(a, row_colors="leiden")
    assert not np.allclose(strip(g, "row_colors")[:, :3], to_rgba("#ff0000")[:3])


def test_the_palette_argument_beats_uns():
    pal = {"leiden": {"0": "k", "1": "w", "2": "0.5"}}
    g = gf.clustermap(adata(), row_colors="leiden", palette=pal)
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, LEIDEN, pal["leiden"]))


def test_anndata_for_real_with_scanpy_style_uns():
    ad = pytest.importorskip("anndata")
    from scipy import sparse

    obs = pd.DataFrame({"leiden": pd.Categorical(LEIDEN, categories=LEIDEN_CATS)}, index=ROWS)
    real = ad.AnnData(sparse.csr_matrix(np.abs(values()).astype(np.float32)), obs=obs,
                      var=pd.DataFrame(index=COLS))
    real.uns["leiden_colors"] = UNS["leiden_colors"]
    g = gf.clustermap(real, row_colors="leiden")
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, LEIDEN, dict(zip(LEIDEN_CATS, UNS["leiden_colors"]))))


def test_a_misspelt_obs_column_is_named_with_the_columns_there_are():
    refused_clearly(lambda: gf.clustermap(adata(), row_colors=["leiden", "batchh"]), gf.InputError,
                    "row_colors: 'batchh' is not a column of the AnnData's .obs; its columns are 'leiden', 'batch'")


def test_a_column_name_without_anndata_says_what_to_pass():
    data = pd.DataFrame(values(), index=ROWS, columns=COLS)
    refused_clearly(lambda: gf.clustermap(data, row_colors="leiden"), gf.InputError,
                    "row_colors: 'leiden' names a column, which needs AnnData data (its .obs)")


def test_a_list_of_strings_one_per_row_is_still_values_with_anndata():
    g = gf.clustermap(adata(), row_colors=list("uvuvuv"))
    colours = default_colours(g, "row_colors", None)
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, list("uvuvuv"), colours))


# --- integers: a few are groups, many are a scale ---------------------------------------------

def frame(n, seed=0):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.normal(size=(n, 5)), index=[f"c{i}" for i in range(n)])


def test_an_integer_column_of_hundreds_of_values_is_a_colour_scale_with_a_narrow_legend():
    data = frame(400)
    counts = pd.Series(np.random.default_rng(1).integers(200, 3000, 400), index=data.index, name="n_genes")
    assert counts.nunique() > 300
    g = gf.clustermap(data, row_colors=counts, yticklabels=False)
    texts = legend_texts(g)
    assert "n_genes" in texts and "200" not in texts  # a scale's title, no category entries
    assert len(colorbars(g.axes["legends"])) == 2  # the heatmap's scale and this one
    norm = [p for p in g.layout.left if getattr(p, "name", None) == "n_genes"][0].norm()
    assert (norm.vmin, norm.vmax) == (counts.min(), counts.max())
    cmap = gf.panels.colors.get_cmap("Purples")  # the first number-valued strip's scale, not the body's viridis
    np.testing.assert_allclose(strip(g, "row_colors"), cmap(norm(counts.to_numpy()[g.row_order])))
    W = g.figure.get_size_inches()[0]
    legend = g.axes["legends"].get_window_extent().width / g.figure.dpi
    heat = g.axes["heatmap"].get_window_extent().width / g.figure.dpi
    assert legend < heat < W


def test_twenty_integers_or_fewer_stay_categories():
    data = frame(40)
    ids = pd.Series(np.arange(40) % 20, index=data.index, name="cluster")
    g = gf.clustermap(data, row_colors=ids, yticklabels=False)
    texts = legend_texts(g)
    assert texts[texts.index("cluster") + 1:][:3] == ["0", "1", "2"]


def test_a_category_dtype_of_many_integers_stays_categorical():
    data = frame(60)
    ids = pd.Series(np.arange(60) % 30, index=data.index, name="cluster").astype("category")
    g = gf.clustermap(data, row_colors=ids, yticklabels=False)
    assert "29" in legend_texts(g)


def test_nullable_integers_with_many_values_are_a_scale_with_missing_in_the_missing_colour():
    data = frame(40)
    vals = pd.array(list(range(100, 139)) + [None], dtype="Int64")
    g = gf.clustermap(data, row_colors=pd.Series(vals, index=data.index, name="age"), yticklabels=False)
    shown = strip(g, "row_colors")
    k = list(g.row_order).index(39)
    np.testing.assert_allclose(shown[k], to_rgba(gf.Theme().missing_color))
    assert "age" in legend_texts(g) and "100" not in legend_texts(g)


def test_a_text_column_of_many_categories_warns_about_its_legend():
    data = frame(80)
    names = pd.Series([f"donor {i}" for i in range(80)], index=data.index, name="donor")
    with pytest.warns(gf.GridfigWarning, match=r"row_colors 'donor': 80 categories, too many colours"):
        gf.clustermap(data, row_colors=names, yticklabels=False, legend=False)


# --- palette= ---------------------------------------------------------------------------------

def seed():
    data, groups, blocks = gf.demo.seed_data()
    return data, groups, blocks


def test_a_dict_palette_colours_every_strip():
    data, groups, blocks = seed()
    pal = {"high": "r", "low": "b", "first half": "k", "second half": "y"}
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks, palette=pal)
    np.testing.assert_allclose(strip(g, "row_colors"), expect(g, groups[data.index].tolist(), pal))
    np.testing.assert_allclose(strip(g, "col_colors", axis=1),
                               expect(g, blocks[data.columns].tolist(), pal, order=g.col_order))


def test_a_list_palette_gives_the_categories_their_colours_in_order():
    data, groups, _ = seed()
    g = gf.clustermap(data, row_colors=groups, palette=["#123456", "#abcdef"])
    np.testing.assert_allclose(strip(g, "row_colors"),
                               expect(g, groups[data.index].tolist(), {"high": "#123456", "low": "#abcdef"}))


def test_a_colormap_name_palette():
    data, groups, _ = seed()
    g = gf.clustermap(data, row_colors=groups, palette="Set1")
    set1 = gf.panels.colors.palette(2, "Set1")
    np.testing.assert_allclose(strip(g, "row_colors")[:, :3],
                               expect(g, groups[data.index].tolist(), dict(zip(["high", "low"], set1)))[:, :3])


def test_a_palette_per_annotation_and_a_colormap_for_a_continuous_strip():
    data, groups, _ = seed()
    score = pd.Series(np.linspace(0, 1, len(data)), index=data.index, name="score")
    g = gf.clustermap(data, row_colors=[groups, score], palette={"population": {"high": "k", "low": "w"},
                                                                 "score": "magma"})
    np.testing.assert_allclose(strip(g, "left/population"),
                               expect(g, groups[data.index].tolist(), {"high": "k", "low": "w"}))
    magma = gf.panels.colors.get_cmap("magma")
    np.testing.assert_allclose(strip(g, "left/score"), magma(score.to_numpy()[g.row_order]))


def test_an_annotation_strip_takes_a_list_palette():
    s = gf.AnnotationStrip(values=["b", "a", "b"], palette=["red", "blue"], name="x")
    assert s.color_map() == {"a": to_rgba("red")[:3], "b": to_rgba("blue")[:3]}


@pytest.mark.parametrize("palette, kind, text", [
    ({"high": "r"}, gf.InputError, "palette: no colour for 1 categories of 'population': 'low'; a dict of colours "
                                   "applies to every categorical strip"),
    ({"populaton": {"high": "r"}}, gf.InputError, "palette: 'populaton' names no annotation; the annotations are "
                                                  "'population'"),
    (["r"], gf.InputError, "population: palette has 1 colours for 2 categories ('high', 'low')"),
    ({"high": "blurple", "low": "b"}, gf.InputError, "'high': 'blurple' is neither a colour nor a palette"),
    ({"population": {"high": "blurple", "low": "b"}}, gf.InputError,
     "population: palette gives 'blurple' for 'high', which is not a colour"),
    ("tab2O", gf.InputError, "palette: unknown colormap 'tab2O'; did you mean 'tab20'"),
    (5, gf.InputTypeError, "palette: expected a colormap name, a list of colours, a dict"),
])
def test_a_bad_palette_is_refused_naming_what_is_wrong(palette, kind, text):
    data, groups, _ = seed()
    refused_clearly(lambda: gf.clustermap(data, row_colors=groups, palette=palette), kind, text)


def test_a_dict_of_colours_and_a_dict_of_palettes_are_told_apart():
    assert not annotations.per_annotation({"a": "red", "b": (0.1, 0.2, 0.3)})
    assert annotations.per_annotation({"a": "tab10", "b": ["red", "blue"], "c": {"x": "r"}})
