"""Annotations: integers, a few of which are groups and many a scale.

Every test reads back the colours drawn in the strip (in display order) and
the legend's texts, not only that nothing raised.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba

import gridfig as gf
from helpers import colorbars


def strip(g, name, axis=0) -> np.ndarray:
    """RGBA of each displayed cell of the strip called ``name``, in display order."""
    img = g.axes[name].images[0].get_array()
    return np.asarray(img[:, 0, :] if axis == 0 else img[0, :, :], dtype=float)


def legend_texts(g) -> list[str]:
    return [t.get_text() for t in g.axes["legends"].texts]


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
    cmap = gf.panels.colors.get_cmap("viridis")
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
