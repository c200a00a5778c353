"""matplotlib styles reach gridfig's text and lines (colours taken from rcParams when drawn)."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgba

import gridfig as gf


def luminance(color) -> float:
    r, g, b, _ = to_rgba(color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_dark_background_gives_light_text_and_lines():
    data, groups, blocks = gf.demo.seed_data()
    with plt.style.context("dark_background"):
        g = gf.clustermap(data, row_colors=groups, col_colors=blocks)
        g.savefig(__import__("io").BytesIO(), format="png")
    texts = [t for ax in g.figure.axes for t in ax.texts if t.get_text()]
    assert texts and all(luminance(t.get_color()) > 0.8 for t in texts)
    for name in ("row_dendrogram", "col_dendrogram"):
        colours = g.axes[name].collections[0].get_colors()
        assert all(luminance(c) > 0.8 for c in colours)
    plt.close(g.figure)


def test_rc_context_colours_and_an_explicit_theme_wins():
    x = np.random.default_rng(0).normal(size=(5, 4))
    tree = gf.Cross(core=gf.Heatmap(data=x), right=[gf.Labels(texts=list("abcde"))])
    with matplotlib.rc_context({"text.color": "tab:red"}):
        out = gf.render(tree, figsize=(3, 3))
    assert {to_rgba(t.get_color()) for t in out.axes["right/labels"].texts} == {to_rgba("tab:red")}
    with matplotlib.rc_context({"text.color": "tab:red"}):
        out2 = gf.render(tree, figsize=(3, 3), theme=gf.Theme(text_color="blue"))
    assert {to_rgba(t.get_color()) for t in out2.axes["right/labels"].texts} == {to_rgba("blue")}
    plt.close("all")
