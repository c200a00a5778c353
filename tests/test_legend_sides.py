"""Legend blocks on their own sides: clustermap(legend_sides={title or kind: side})."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

import gridfig as gf
from helpers import refused_clearly
from test_clustermap import check_nothing_leaves_or_overlaps


def titles(ax):
    return [t.get_text() for t in ax.texts if t.get_fontweight() == "bold"]


def test_blocks_go_to_the_side_named_by_title_or_kind_and_the_rest_stay():
    data, groups, blocks = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks, cbar_label="Measurements",
                      legend_sides={"scale": "bottom", "block": "left"})
    fig = g.figure
    fig.draw_without_rendering()
    assert titles(g.axes["right/legends"]) == ["population"]      # not routed: legend_side
    assert titles(g.axes["left/legends"]) == ["block"]            # by title
    assert titles(g.axes["bottom/legends"]) == ["Measurements"]   # by kind
    assert g.axes["colorbar"] is g.axes["bottom/legends"]
    # each area outermost on its side
    W, H = fig.get_size_inches()
    box = {k: g.axes[k].get_position() for k in ("heatmap", "left/legends", "right/legends", "bottom/legends",
                                                 "row_dendrogram", "col_labels")}
    assert box["left/legends"].x1 <= box["row_dendrogram"].x0
    assert box["right/legends"].x0 >= box["heatmap"].x1
    assert box["bottom/legends"].y1 <= box["col_labels"].y0
    check_nothing_leaves_or_overlaps(g)
    plt.close(fig)


def test_a_title_wins_over_a_kind_and_an_empty_side_gets_no_area():
    data, groups, blocks = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks,
                      legend_sides={"categories": "bottom", "population": "right", "scale": "bottom"})
    g.figure.draw_without_rendering()
    assert titles(g.axes["right/legends"]) == ["population"]
    assert titles(g.axes["bottom/legends"]) == ["block"]
    g2 = gf.clustermap(data, row_colors=groups, legend_sides={"scale": "top", "population": "top"})
    assert [k for k in g2.axes if k.endswith("/legends")] == ["top/legends"]  # nothing left for the right
    plt.close("all")


@pytest.mark.parametrize("sides, text", [
    ({"blocks": "left"}, "legend_sides: no legend block is titled or of kind 'blocks'; the blocks are"),
    ({"scale": "middle"}, "legend_sides: sides must be one of"),
    (["scale"], "legend_sides: expected a dict"),
])
def test_bad_legend_sides_are_refused(sides, text):
    data, groups, _ = gf.demo.seed_data()
    refused_clearly(lambda: gf.clustermap(data, row_colors=groups, legend_sides=sides), gf.GridfigError, text)
