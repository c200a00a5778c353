"""Colour values in annotations are drawn as colours (seaborn's idiom), not recoloured as categories."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

import gridfig as gf


def drawn(g, name):
    return g.axes[name].images[0].get_array()


def test_a_series_mapped_to_colour_codes_is_drawn_in_them_with_no_legend():
    data, groups, _ = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups.map({"high": "r", "low": "b"}))
    shown = drawn(g, "row_colors")[:, 0, :]
    want = [to_rgba("r" if groups[data.index[i]] == "high" else "b") for i in g.row_order]
    np.testing.assert_allclose(shown, want)
    titles = [t.get_text() for t in g.axes["legends"].texts]
    assert "high" not in titles and "r" not in titles  # colours need no legend
    plt.close(g.figure)


@pytest.mark.parametrize("spec", ["C0", "tab:red", "0.2", "#00aa00", "steelblue"])
def test_every_matplotlib_colour_spelling_counts(spec):
    data, _, _ = gf.demo.seed_data()
    values = [spec] * 10 + ["k"] * 10
    g = gf.clustermap(data, col_colors=values)
    shown = drawn(g, "col_colors")[0, :, :]
    np.testing.assert_allclose(shown, [to_rgba(values[j]) for j in g.col_order])
    plt.close(g.figure)


def test_rgb_tuples_with_a_missing_value_draw_it_in_the_missing_colour():
    data, _, _ = gf.demo.seed_data()
    values = [None] + [(0.1, 0.2, 0.3)] * 12
    g = gf.clustermap(data, row_colors=values)
    shown = drawn(g, "row_colors")[:, 0, :]
    for k, i in enumerate(g.row_order):
        expect = gf.Theme().missing_color if i == 0 else (0.1, 0.2, 0.3)
        np.testing.assert_allclose(shown[k], to_rgba(expect))
    plt.close(g.figure)


def test_kind_of_values_keeps_colour_names_as_categories_when_asked():
    strip = gf.AnnotationStrip(values=["red", "blue", "red"], kind_of_values="categories", name="team")
    tree = gf.Cross(core=gf.Heatmap(data=np.zeros((3, 2))), left=[strip])
    out = gf.render(tree, figsize=(3, 3))
    shown = out.axes["left/team"].images[0].get_array()[:, 0, :3]
    assert not np.allclose(shown[0], to_rgba("red")[:3])  # a palette colour, not red
    (entry,) = strip.legend_entries()
    assert list(entry.labels) == ["blue", "red"]
    plt.close(out.figure)


def test_a_masked_array_keeps_its_mask():
    import warnings

    rng = np.random.default_rng(0)
    x = rng.normal(size=(8, 5))
    x[2, 3] = 1e6
    data = np.ma.masked_array(x, mask=np.zeros_like(x, dtype=bool))
    data.mask[2, 3] = True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the masked cell is missing: said in a warning
        g = gf.clustermap(data)
    image = g.axes["heatmap"].images[0].get_array()
    i, j = list(g.row_order).index(2), list(g.col_order).index(3)
    assert np.ma.getmaskarray(image)[i, j] and np.ma.getmaskarray(image).sum() == 1
    assert image.max() < 10  # the hidden 1e6 is not drawn
    assert g.rendered.plan.crosses[""].core.panel.norm.vmax < 10  # nor does it stretch the colour scale
    plt.close(g.figure)


def test_boolean_and_nullable_tables_are_drawn():
    import pandas as pd

    flags = pd.DataFrame({"a": [True, False, True, False], "b": [False, False, True, True],
                          "c": [True, True, False, False]})
    g = gf.clustermap(flags)
    np.testing.assert_array_equal(g.axes["heatmap"].images[0].get_array(),
                                  flags.to_numpy(dtype=float)[np.ix_(g.row_order, g.col_order)])
    plt.close(g.figure)
    nullable = pd.DataFrame({"a": pd.array([1, None, 3, 4], dtype="Int64"), "b": [1.0, 2.0, 3.0, 5.0],
                             "c": pd.array([2, 2, None, 1], dtype="Int64")})
    with pytest.warns(UserWarning):
        g = gf.clustermap(nullable)
    image = g.axes["heatmap"].images[0].get_array()
    assert np.ma.getmaskarray(image).sum() == 2  # pd.NA is missing
    plt.close(g.figure)
