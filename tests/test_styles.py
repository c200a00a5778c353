"""matplotlib styles reach gridfig's text and lines (colours taken from rcParams when drawn)."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
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


@pytest.mark.parametrize("style", ["ggplot", "seaborn-v0_8-whitegrid", "bmh", "Solarize_Light2"])
def test_dendrograms_show_against_the_figure_in_grid_styles(style):
    # these styles make axes.edgecolor white or a faint grey: trees drawn in it vanished
    data, groups, blocks = gf.demo.seed_data()
    with plt.style.context(style):
        g = gf.clustermap(data, row_colors=groups)
        tick = to_rgba(matplotlib.rcParams["xtick.color"])
        background = to_rgba(matplotlib.rcParams["figure.facecolor"])
    for name in ("row_dendrogram", "col_dendrogram"):
        colours = g.axes[name].collections[0].get_colors()
        assert all(tuple(c) == pytest.approx(tick) for c in colours)
        assert all(abs(luminance(c) - luminance(background)) > 0.35 for c in colours), (style, colours)
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


def drawn_texts(fig):
    """Every visible, non-empty text of the figure, tick labels included."""
    fig.draw_without_rendering()
    out = []
    for ax in fig.axes:
        out += [t for t in ax.texts if t.get_visible() and t.get_text()]
        for axis in (ax.xaxis, ax.yaxis):
            if ax.axison and axis.get_visible():
                out += [t for t in axis.get_ticklabels() if t.get_visible() and t.get_text()]
    return out


def test_rc_font_size_reaches_every_label_and_it_still_fits():
    from test_clustermap import check_nothing_leaves_or_overlaps

    data, groups, blocks = gf.demo.seed_data()
    with matplotlib.rc_context({"font.size": 14}):
        g = gf.clustermap(data, row_colors=groups, col_colors=blocks)
    texts = drawn_texts(g.figure)
    # labels, strip names, legend titles and entries, the colour bar's ticks
    assert len(texts) > 13 + 20 and {t.get_fontsize() for t in texts} == {14.0}
    check_nothing_leaves_or_overlaps(g)
    # made under the style, kept in it: a save outside the rc_context re-solves at 14 pt
    g.savefig(__import__("io").BytesIO(), format="png", dpi=72)
    assert {t.get_fontsize() for t in drawn_texts(g.figure)} == {14.0}
    check_nothing_leaves_or_overlaps(g)
    plt.close(g.figure)


def test_default_font_is_matplotlibs_and_plot_panels_share_it():
    x = np.random.default_rng(0).normal(size=(5, 4))

    def scatter(ax):
        ax.plot(range(5), range(5))
        ax.set_xlabel("time")

    tree = gf.Row([gf.Cross(core=gf.Heatmap(data=x), right=[gf.Labels(texts=list("abcde"))], name="h"),
                   gf.Plot(func=scatter, name="p")])
    for theme, size in ((None, matplotlib.rcParams["font.size"]), (gf.Theme(fontsize=7), 7.0)):
        out = gf.render(tree, figsize=(6, 3), theme=theme)
        labels = out.axes["h/right/labels"].texts
        plot = out.axes["p"]
        ticks = [t for t in plot.xaxis.get_ticklabels() + plot.yaxis.get_ticklabels() if t.get_text()]
        assert {t.get_fontsize() for t in labels} == {size}
        assert ticks and {t.get_fontsize() for t in ticks} == {size}
        assert plot.xaxis.label.get_fontsize() == size
        plt.close(out.figure)


def test_style_line_width_and_font_family_reach_dendrograms_and_labels():
    data, _, _ = gf.demo.seed_data()
    with matplotlib.rc_context({"axes.linewidth": 1.7, "font.family": "monospace"}):
        g = gf.clustermap(data)
    widths = g.axes["row_dendrogram"].collections[0].get_linewidths()
    assert set(np.round(widths, 6)) == {1.7}
    assert all(t.get_fontfamily() == ["monospace"] for t in g.axes["row_labels"].texts)
    plt.close(g.figure)


def test_histogram_bins_are_parted_by_the_styles_background():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(6, 3))
    dist = {f"r{i}": rng.normal(size=50) for i in range(6)}
    tree = gf.Cross(core=gf.Heatmap(data=x, row_labels=list(dist)), right=[gf.Histogram(values=dist)])
    for style, face in (("default", "white"), ("dark_background", "black")):
        with plt.style.context(style):
            out = gf.render(tree, figsize=(4, 3))
        edges = out.axes["right/histogram"].collections[0].get_edgecolors()
        assert np.allclose(edges, to_rgba(face))
        plt.close(out.figure)
