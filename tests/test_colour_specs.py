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
