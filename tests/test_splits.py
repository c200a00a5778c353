"""Rows and columns split into groups: exact gaps, the right cells in each group, per-group trees."""

from __future__ import annotations

import matplotlib.figure
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from scipy.cluster.hierarchy import leaves_list, linkage

import gridfig as gf
from helpers import TOL, axes_inches
from panels_for_tests import Box

MM = 1 / 25.4


def seed():
    data, groups, blocks = gf.demo.seed_data()
    return data, groups, blocks


# -- the solver, with exact numbers and no Figure -----------------------------------------------

def three_and_seven(**kwargs):
    rows = gf.Leaves.grouped([gf.Chunk(positions=[2, 0, 1], label="a"),
                              gf.Chunk(positions=[4, 3, 6, 5, 9, 8, 7], label="b")], gap=0.1)
    return gf.Cross(core=Box(n=10, name="core"), rows=rows, left=[Box(size=0.3)], top=[Box(size=0.2)],
                    gap=0.05, **kwargs)


def test_solver_splits_a_flexible_core_by_leaf_count(monkeypatch):
    monkeypatch.setattr(matplotlib.figure.Figure, "__init__", lambda *a, **k: pytest.fail("made a Figure"))
    sol = gf.solve(three_and_seven(), (0.35 + 4.0, 0.25 + 4.1))
    top, bottom = sol.cells["core[0,0]"], sol.cells["core[1,0]"]
    assert top.height == pytest.approx(1.2, abs=1e-12) and bottom.height == pytest.approx(2.8, abs=1e-12)
    assert top.y - bottom.top == pytest.approx(0.1, abs=1e-12)  # the gap
    assert sol.cores[""].height == pytest.approx(4.1, abs=1e-12)
    # a side panel beside the split axis gets one cell per group, level with the core's cells
    assert sol.cells["left/box[0]"].y == pytest.approx(top.y) and sol.cells["left/box[0]"].height == pytest.approx(1.2)
    assert sol.cells["left/box[1]"].height == pytest.approx(2.8)
    # along the unsplit axis the top panel is one cell over the whole core
    assert sol.cells["top/box"].width == pytest.approx(4.0)
    # the grid keeps every track, gaps included, and adds up to the region
    grid = sol.grids[""]
    assert sum(grid.heights) == pytest.approx(sol.regions[""].height)
    assert 0.1 in [round(h, 12) for h in grid.heights]


def test_solver_fixed_cells_make_the_figure_follow(monkeypatch):
    monkeypatch.setattr(matplotlib.figure.Figure, "__init__", lambda *a, **k: pytest.fail("made a Figure"))
    sol = gf.solve(three_and_seven(height=10 * 0.25 + 0.1, width=1.0), None)
    assert sol.cells["core[0,0]"].height == pytest.approx(0.75, abs=1e-12)
    assert sol.cells["core[1,0]"].height == pytest.approx(1.75, abs=1e-12)
    assert sol.figsize == pytest.approx((0.3 + 0.05 + 1.0, 0.2 + 0.05 + 2.6))


def test_solver_refuses_a_fixed_core_smaller_than_its_gaps():
    with pytest.raises(gf.LayoutError, match="cannot hold the 0.100 in of gaps"):
        gf.solve(three_and_seven(height=0.05), (4, 4))


def test_leaves_refuse_an_order_that_repeats_or_misses_rows():
    with pytest.raises(gf.InputError, match=r"repeats 0; misses 5"):
        gf.Leaves.grouped([gf.Chunk(positions=[0, 0, 1]), gf.Chunk(positions=[2, 3, 4])])


# -- clustermap read-back --------------------------------------------------------------------------

def split_map(figsize=None, **kwargs):
    data, groups, blocks = seed()
    args = dict(row_colors=groups, col_colors=blocks, center=0, row_split=groups, col_split=3)
    args.update(kwargs)
    return data, groups, gf.clustermap(data, figsize=figsize, **args)


def gaps_of(g):
    """Gaps between neighbouring heatmap cells, down (rows) and across (columns), in inches."""
    R, C = len(g.row_groups), len(g.col_groups)
    box = {(i, j): axes_inches(g.axes[f"heatmap[{i},{j}]"]) for i in range(R) for j in range(C)}
    down = [box[(i, j)][1] - box[(i + 1, j)][3] for i in range(R - 1) for j in range(C)]
    across = [box[(i, j + 1)][0] - box[(i, j)][2] for i in range(R) for j in range(C - 1)]
    return down, across


@pytest.mark.parametrize("figsize", [(12, 8), (4, 10), (10, 3)])
def test_every_gap_between_groups_is_the_split_gap(figsize):
    _, _, g = split_map(figsize=figsize, split_gap="2mm")
    down, across = gaps_of(g)
    assert len(down) == 3 and len(across) == 4
    for v in down + across:
        assert v == pytest.approx(2 * MM, abs=TOL)
    # still exact after the figure is resized and saved at another dpi
    g.figure.set_size_inches(9, 7)
    g.figure.savefig(__import__("io").BytesIO(), format="png", dpi=72)
    for v in sum(gaps_of(g), []):
        assert v == pytest.approx(2 * MM, abs=TOL)
    plt.close(g.figure)


def test_each_cell_shows_its_group_data_and_groups_are_clustered_alone():
    data, groups, g = split_map()
    X = data.to_numpy()
    for i, (_, rows) in enumerate(g.row_groups):
        for j, (_, cols) in enumerate(g.col_groups):
            shown = g.axes[f"heatmap[{i},{j}]"].images[0].get_array()
            np.testing.assert_array_equal(shown, X[np.ix_(rows, cols)])
    # the groups follow the categories' order; each is ordered as scipy orders that group's rows
    assert [lab for lab, _ in g.row_groups] == ["high", "low"]
    for label, rows in g.row_groups:
        members = np.flatnonzero((groups.reindex(data.index) == label).to_numpy())
        np.testing.assert_array_equal(rows, members[leaves_list(linkage(X[members], "average"))])
    # the column groups are the tree cut in three, each clustered on its own columns
    for _, cols in g.col_groups:
        if len(cols) > 1:
            members = np.sort(cols)
            np.testing.assert_array_equal(cols, members[leaves_list(linkage(X.T[members], "average"))])
    np.testing.assert_array_equal(g.row_order, np.concatenate([r for _, r in g.row_groups]))
    assert sorted(g.col_order.tolist()) == list(range(X.shape[1]))
    plt.close(g.figure)


def test_one_dendrogram_per_group_on_one_height_scale():
    data, groups, g = split_map()
    limits = []
    for i, (_, rows) in enumerate(g.row_groups):
        ax = g.axes[f"row_dendrogram[{i}]"]
        segs = ax.collections[0].get_segments()
        assert len(segs) == len(rows) - 1  # this group's tree only
        limits.append(ax.get_xlim())
        Z = linkage(data.to_numpy()[np.sort(rows)], "average")
        assert max(max(s[:, 0]) for s in segs) == pytest.approx(Z[:, 2].max())
    assert limits[0] == limits[1]  # heights compare across groups
    plt.close(g.figure)


def test_strips_labels_and_legends_follow_the_groups():
    data, groups, g = split_map()
    for i, (_, rows) in enumerate(g.row_groups):
        heat = axes_inches(g.axes[f"heatmap[{i},0]"])
        strip = g.axes[f"row_colors[{i}]"]
        assert axes_inches(strip)[[1, 3]] == pytest.approx(heat[[1, 3]], abs=TOL)
        colours = strip.images[0].get_array()[:, 0, :3]
        expected = [{"high": (0.12, 0.47, 0.71), "low": (1.0, 0.5, 0.05)}[groups[data.index[r]]] for r in rows]
        np.testing.assert_allclose(colours, expected, atol=0.01)
        texts = [t.get_text() for t in g.axes[f"row_labels[{i}]"].texts]
        assert texts == [data.index[r] for r in rows]
        # each label sits on its row: its anchor's y is the row's centre
        lab = g.axes[f"row_labels[{i}]"]
        for k, t in enumerate(lab.texts):
            y = lab.transData.transform(t.get_position())[1] / g.figure.dpi
            centre = heat[3] - (k + 0.5) * (heat[3] - heat[1]) / len(rows)
            assert y == pytest.approx(centre, abs=TOL)
    for j, (_, cols) in enumerate(g.col_groups):  # and on top and at the bottom, per column group
        heat = axes_inches(g.axes[f"heatmap[0,{j}]"])
        assert axes_inches(g.axes[f"col_colors[{j}]"])[[0, 2]] == pytest.approx(heat[[0, 2]], abs=TOL)
        assert axes_inches(g.axes[f"col_labels[{j}]"])[[0, 2]] == pytest.approx(heat[[0, 2]], abs=TOL)
        assert [t.get_text() for t in g.axes[f"col_labels[{j}]"].texts] == [data.columns[c] for c in cols]
    legend_titles = [t.get_text() for t in g.axes["legends"].texts if t.get_fontweight() in ("bold", 700)]
    assert legend_titles.count("population") == 1 and legend_titles.count("block") == 1
    # the strip's name is written once, after the last group
    names = [t.get_text() for i in range(2) for t in g.axes[f"row_colors[{i}]"].texts]
    assert names == ["population"] and g.axes["row_colors[1]"].texts
    plt.close(g.figure)


@pytest.mark.parametrize("side", ["left", "right", "top", "bottom"])
def test_a_user_panel_draws_once_per_group_with_its_leaves(side):
    n = 10
    rows = gf.Leaves.grouped([gf.Chunk(positions=[3, 1, 2]), gf.Chunk(positions=[0, 5, 4, 9, 8, 7, 6])],
                             gap="3mm")
    box = Box(size="5mm")
    axis = "rows" if side in ("left", "right") else "cols"
    tree = gf.Cross(core=gf.Heatmap(data=np.arange(n * n, dtype=float).reshape(n, n)), **{axis: rows},
                    **{side: [box]})
    out = gf.render(tree, figsize=(5, 5))
    assert [c.chunk for c in box.calls] == [0, 1]
    assert all(c.chunks == 2 for c in box.calls)
    for i, ctx in enumerate(box.calls):
        np.testing.assert_array_equal(ctx.order, rows.chunks[i].positions)
        key = f"heatmap[{i},0]" if axis == "rows" else f"heatmap[0,{i}]"
        heat, mine = axes_inches(out.axes[key]), axes_inches(out.axes[f"{side}/box[{i}]"])
        along = [1, 3] if axis == "rows" else [0, 2]
        assert mine[along] == pytest.approx(heat[along], abs=TOL)
        assert ctx.along_length == pytest.approx(heat[along[1]] - heat[along[0]], abs=1e-9)
    plt.close(out.figure)


def segments_inches(ax):
    """The segments of an Axes' first LineCollection, in figure inches."""
    dpi = ax.get_figure(root=True).dpi
    return [ax.transData.transform(np.asarray(s)) / dpi for s in ax.collections[0].get_segments()]


def test_the_tree_between_groups_joins_them_in_centroid_order():
    data, groups, g = split_map(row_split="kmeans:3", col_split=None, split_order="cluster")
    X = data.to_numpy()
    leaves = g.row_leaves
    centroids = np.vstack([X[np.sort(rows)].mean(axis=0) for _, rows in g.row_groups])
    # the groups are shown in the leaf order of a clustering of their centroids
    Zc = linkage(centroids, "average")
    np.testing.assert_array_equal(leaves_list(Zc), np.arange(3))
    assert leaves.parent is not None and leaves.parent.n == 3
    assert len(g.axes["left/group_dendrogram"].collections[0].get_segments()) == 2
    assert [lab for lab, _ in g.row_groups] == [1, 2, 3]
    plt.close(g.figure)


@pytest.mark.parametrize("figsize", [None, (5, 9)])
def test_each_leaf_of_the_tree_between_groups_meets_its_groups_root(figsize):
    data, _, _ = seed()
    # four groups, one of a single row (no tree of its own: its row's foot is its root)
    split = pd.Series(["a"] * 5 + ["b"] + ["c"] * 4 + ["d"] * 3, index=data.index)
    g = gf.clustermap(data, row_split=split, split_order="cluster", figsize=figsize)

    def check():
        feet = [p for s in segments_inches(g.axes["left/group_dendrogram"]) for p in (s[0], s[-1])]
        edge = max(p[0] for p in feet)  # the innermost points of the tree between groups ...
        feet = sorted((p for p in feet if abs(p[0] - edge) < 1e-9), key=lambda p: -p[1])
        assert len(feet) == 4  # ... are its four leaves, on the outer edge of the groups' trees
        for i, foot in enumerate(feet):
            tree = axes_inches(g.axes[f"row_dendrogram[{i}]"])
            assert edge == pytest.approx(tree[0], abs=TOL)
            *own, stalk = segments_inches(g.axes[f"row_dendrogram[{i}]"])
            heat = axes_inches(g.axes[f"heatmap[{i},0]"])
            chunk = g.row_leaves.chunks[i]
            if own:  # the root: the middle of the top of the group's last merge, its highest
                root = (own[-1][1] + own[-1][2]) / 2
                assert root[0] == pytest.approx(min(p[0] for s in own for p in s), abs=1e-9)
            else:  # a group of one row: its row's centre, at the heatmap's edge
                root = np.array([tree[2], (heat[1] + heat[3]) / 2])
                assert chunk.n == 1
            # one straight line from the group's root out to the foot of the tree between groups
            assert stalk[0] == pytest.approx(root, abs=TOL) and stalk[-1] == pytest.approx(foot, abs=TOL)

    check()
    g.figure.set_size_inches(7, 6)  # and after a resize, saved at another dpi
    g.figure.savefig(__import__("io").BytesIO(), format="png", dpi=72)
    check()
    plt.close(g.figure)


def four_groups(data):
    return pd.Series(["a"] * 5 + ["b"] + ["c"] * 4 + ["d"] * 3, index=data.index)


def drawn_titles(g, path, k):
    return [t.get_text() for i in range(k) for t in g.axes[f"{path}[{i}]"].texts]


def test_each_axis_has_its_own_split_order():
    data, _, _ = seed()
    X = data.to_numpy()
    split = four_groups(data)
    g = gf.clustermap(data, row_split=split, col_split=3, row_split_order=["c", "a", "d", "b"],
                      col_split_order="cluster", row_split_titles=True, col_split_titles="{label}")
    # the rows as listed, each cell drawing its group's rows
    assert drawn_titles(g, "left/row_titles", 4) == ["c", "a", "d", "b"]
    for i, (label, rows) in enumerate(g.row_groups):
        assert set(data.index[rows]) == set(split.index[split == label])
        drawn = np.asarray(g.axes[f"heatmap[{i},0]"].images[0].get_array())
        np.testing.assert_array_equal(drawn, X[np.ix_(rows, g.col_groups[0][1])])
    # the columns by their centroids, with the tree between them on top and none on the left
    assert "top/group_dendrogram" in g.axes and "left/group_dendrogram" not in g.axes
    assert g.col_leaves.parent is not None and g.row_leaves.parent is None
    centroids = np.vstack([X[:, np.sort(cols)].mean(axis=1) for _, cols in g.col_groups])
    np.testing.assert_array_equal(leaves_list(linkage(centroids, "average")), np.arange(3))
    plt.close(g.figure)
    # "cluster" for the rows alone: the columns keep the tree's order
    g = gf.clustermap(data, row_split=split, col_split=3, row_split_order="cluster")
    assert "left/group_dendrogram" in g.axes and "top/group_dendrogram" not in g.axes
    whole = leaves_list(linkage(X.T, "average"))  # the column groups follow the whole tree's order
    firsts = [int(np.flatnonzero(np.isin(whole, cols))[0]) for _, cols in g.col_groups]
    assert firsts == sorted(firsts) and g.col_leaves.parent is None
    plt.close(g.figure)


def test_natural_order_is_the_same_for_every_split_and_keeps_kmeans_groups_unclustered():
    data, _, _ = seed()
    g = gf.clustermap(data, row_split=four_groups(data), split_order="natural", row_split_titles=True)
    assert drawn_titles(g, "left/row_titles", 4) == ["a", "b", "c", "d"]
    plt.close(g.figure)
    clustered = gf.clustermap(data, row_split="kmeans:3")  # k-means groups are clustered by default
    assert "left/group_dendrogram" in clustered.axes
    natural = gf.clustermap(data, row_split="kmeans:3", split_order="natural")
    assert "left/group_dendrogram" not in natural.axes and natural.row_leaves.parent is None
    # the same groups, in order of first appearance in the data
    assert sorted(map(sorted, (r.tolist() for _, r in natural.row_groups))) == \
        sorted(map(sorted, (r.tolist() for _, r in clustered.row_groups)))
    firsts = [min(rows) for _, rows in natural.row_groups]
    assert firsts == sorted(firsts) and firsts[0] == 0
    plt.close("all")


def test_kmeans_is_the_same_every_run():
    data, _, _ = seed()
    a = gf.clustermap(data, row_split="kmeans:3")
    b = gf.clustermap(data, row_split="kmeans:3")
    assert [r.tolist() for _, r in a.row_groups] == [r.tolist() for _, r in b.row_groups]
    plt.close("all")


def test_kmeans_keeps_the_best_of_several_starts():
    # four clusters of 30 rows; one start of scipy's kmeans2 (seed 0) merges two of them and
    # splits another (30/60/2/28, within-group sum of squares 4082 against 2337)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 20)) + np.repeat(rng.normal(size=(4, 20)) * 2, 30, axis=0)
    g = gf.clustermap(pd.DataFrame(X), row_split="kmeans:4", yticklabels=False)
    true = [list(range(30 * c, 30 * c + 30)) for c in range(4)]
    assert sorted(sorted(rows.tolist()) for _, rows in g.row_groups) == true
    for i, (_, rows) in enumerate(g.row_groups):  # and each heatmap cell draws one true cluster
        drawn = np.asarray(g.axes[f"heatmap[{i},0]"].images[0].get_array())
        np.testing.assert_array_equal(drawn, X[np.ix_(rows, g.col_order)])
    plt.close(g.figure)


def test_titles_are_written_per_group():
    data, groups, g = split_map(row_split_titles=True, col_split_titles="C{label} ({n})")
    assert [t.get_text() for i in range(2) for t in g.axes[f"left/row_titles[{i}]"].texts] == ["high", "low"]
    sizes = [len(c) for _, c in g.col_groups]
    assert [t.get_text() for j in range(3) for t in g.axes[f"top/col_titles[{j}]"].texts] == \
        [f"C{j + 1} ({sizes[j]})" for j in range(3)]
    plt.close(g.figure)


def test_a_title_never_runs_outside_its_group():
    rng = np.random.default_rng(1)
    rows = [f"r{i}" for i in range(12)]
    data = pd.DataFrame(rng.normal(size=(12, 8)), index=rows, columns=[f"c{j}" for j in range(8)])
    split = pd.Series(["group alpha"] * 11 + ["singleton group beta"], index=rows)
    with pytest.warns(gf.GridfigWarning) as caught:
        g = gf.clustermap(data, row_split=split, row_split_titles=True, col_split=2,
                          col_split_titles="a rather long column title {label}")
    fig = g.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    written = {}
    for path, cells, axis in (("left/row_titles", [f"heatmap[{i},0]" for i in range(2)], 1),
                              ("top/col_titles", [f"heatmap[0,{j}]" for j in range(2)], 0)):
        for k, cell in enumerate(cells):
            (text,) = g.axes[f"{path}[{k}]"].texts
            box, group = text.get_window_extent(renderer), g.axes[cell].get_window_extent(renderer)
            lo, hi = (box.y0, box.y1) if axis else (box.x0, box.x1)
            g_lo, g_hi = (group.y0, group.y1) if axis else (group.x0, group.x1)
            assert g_lo - 0.5 <= lo and hi <= g_hi + 0.5, (text.get_text(), (lo, hi), (g_lo, g_hi))
            assert 6 <= text.get_fontsize() <= gf.Theme().resolved().fontsize
            written[(path, k)] = text.get_text()
    # the one-row group's title is cut short, the long group's is whole, and the cut is said
    assert written[("left/row_titles", 0)] == "group alpha"
    beta = written[("left/row_titles", 1)]
    assert beta.endswith("\u2026") and "singleton group beta".startswith(beta[:-1]) and len(beta) > 1
    said = " ".join(str(w.message) for w in caught)
    assert "left/row_titles[1]: the title 'singleton group beta' of group 'singleton group beta' is longer " \
           "than the group" in said and f"so it is written {beta!r}" in said
    assert "row_titles[0]" not in said  # a title that fits is not mentioned
    plt.close(fig)


def test_a_title_too_long_for_its_group_is_set_smaller_before_it_is_cut():
    data, groups, _ = seed()
    g = gf.clustermap(data, row_split=groups, row_split_titles=["high expression group", "low"],
                      figsize=(5, 4))
    (text,) = g.axes["left/row_titles[0]"].texts
    g.figure.canvas.draw()
    box = text.get_window_extent(g.figure.canvas.get_renderer())
    group = g.axes["heatmap[0,0]"].get_window_extent(g.figure.canvas.get_renderer())
    assert text.get_text() == "high expression group"  # whole, at a smaller size, within its group
    assert 6 <= text.get_fontsize() < gf.Theme().resolved().fontsize
    assert group.y0 - 0.5 <= box.y0 and box.y1 <= group.y1 + 0.5
    plt.close(g.figure)


def test_a_dataframe_splits_by_combinations_and_a_group_of_one_draws_no_tree():
    data, groups, _ = seed()
    second = pd.Series(["x"] * 12 + ["y"], index=data.index)  # one sample alone in its group
    levels = pd.DataFrame({"pop": groups.reindex(data.index), "batch": second})
    g = gf.clustermap(data, row_split=levels)
    labels = [lab for lab, _ in g.row_groups]
    assert labels == sorted(labels) and all(isinstance(lab, tuple) for lab in labels)
    alone = [i for i, (_, rows) in enumerate(g.row_groups) if len(rows) == 1]
    assert alone and not g.axes[f"row_dendrogram[{alone[0]}]"].collections
    plt.close(g.figure)


def test_split_labels_not_in_the_data_are_named_in_a_warning_as_a_strip_names_them():
    data, groups, _ = seed()
    split = groups.reindex(data.index)
    split["Sample 99"] = "gamma"  # a typo, the only member of its group
    split["Sample 98"] = "low"
    with pytest.warns(UserWarning) as caught:
        g = gf.clustermap(data, row_split=split, row_split_titles=True)
    said = [str(w.message) for w in caught if str(w.message).startswith("row_split")]
    assert said == ["row_split: 2 labels are not in the data's rows and are ignored: 'Sample 99', 'Sample 98'; "
                    "the group 'gamma' had only those and is not drawn"]
    assert drawn_titles(g, "left/row_titles", 2) == ["high", "low"]
    plt.close(g.figure)
    levels = pd.DataFrame({"pop": split, "batch": "x"})  # a DataFrame: said once, not per level
    with pytest.warns(UserWarning) as caught:
        gf.clustermap(data, row_split=levels)
    said = [str(w.message) for w in caught if str(w.message).startswith("row_split")]
    assert said == ["row_split: 2 labels are not in the data's rows and are ignored: 'Sample 99', 'Sample 98'; "
                    "the group ('gamma', 'x') had only those and is not drawn"]
    plt.close("all")


def test_a_continuous_split_warns_that_each_value_is_a_group():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.normal(size=(30, 6)), index=[f"r{i}" for i in range(30)])
    score = pd.Series(rng.normal(size=30), index=data.index)  # 30 distinct floats
    with pytest.warns(UserWarning, match=r"^row_split: 30 groups for 30 rows, one row each: a split is by "
                      r"categories .* give row_split=k \(a cut of the tree\) or row_split='kmeans:k'"):
        g = gf.clustermap(data, row_split=score)
    # what it warns of: thirty groups of one row, and not one tree drawn
    assert len(g.row_groups) == 30 and not any(g.axes[f"row_dendrogram[{i}]"].collections for i in range(30))
    plt.close(g.figure)
    with pytest.warns(UserWarning, match=r"^row_split: 24 groups for 30 rows, from 24 distinct numbers"):
        gf.clustermap(data, row_split=list(np.r_[np.arange(24) + 0.5, np.arange(6) + 0.5]))
    plt.close("all")
    import warnings

    with warnings.catch_warnings():  # categories in groups of several rows: nothing to say
        warnings.simplefilter("error")
        gf.clustermap(data, row_split=list(np.repeat(np.arange(10) + 0.5, 3)), yticklabels=False)
    plt.close("all")


def test_one_call_orders_each_axis_once_and_builds_the_node_once(monkeypatch):
    import gridfig.clustering
    import gridfig.clustering.dendrogram
    import gridfig.clustering.linkage
    import gridfig.layout.planning as planning

    counts = {"leaves_list": 0, "cross": 0, "plan": 0}
    real_leaves, real_init, real_plan = gridfig.clustering.leaf_order, gf.Cross.__init__, planning._plan_cross

    def leaves(*a, **k):
        counts["leaves_list"] += 1
        return real_leaves(*a, **k)

    def init(self, *a, **k):
        counts["cross"] += 1
        real_init(self, *a, **k)

    def plan_cross(*a, **k):
        counts["plan"] += 1
        return real_plan(*a, **k)

    for module in (gridfig.clustering, gridfig.clustering.dendrogram, gridfig.clustering.linkage):
        monkeypatch.setattr(module, "leaf_order", leaves)  # gridfig's leaves_list, every binding of it
    monkeypatch.setattr(gf.Cross, "__init__", init)
    monkeypatch.setattr(planning, "_plan_cross", plan_cross)
    data, groups, blocks = seed()
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks)
    g.savefig(__import__("io").BytesIO(), format="png", dpi=50)  # a re-solve plans nothing again
    assert counts == {"leaves_list": 2, "cross": 1, "plan": 1}
    plt.close(g.figure)


@pytest.mark.parametrize("kwargs, message", [
    (dict(row_split=pd.Series(["a"] * 10, index=[f"Sample {i}" for i in range(10)])),
     "row_split: 3 of the data's 13 rows have no group: 'Sample 10', 'Sample 11', 'Sample 12'"),
    (dict(row_split=14), "row_split: 14 groups asked for, but there are 13 rows"),
    (dict(col_split=0), "col_split: 0 groups asked for"),
    (dict(row_split=pd.Series([None] + ["a"] * 12, index=[f"Sample {i}" for i in range(13)])),
     "row_split: 1 rows have a missing group label: 'Sample 0'"),
    (dict(row_split=2, row_linkage=linkage(np.random.default_rng(0).normal(size=(13, 3)))),
     "row_split: cannot be combined with a precomputed row_linkage"),
    (dict(row_split=2, row_cluster=False), "row_split: an int k cuts the row tree"),
    (dict(row_split=["a", "b"]), "row_split: a list of groups by position needs 13 labels"),
    (dict(row_split="kmeans"), "row_split: a string must be 'kmeans:k'"),
    (dict(row_split=2, row_cut=2), "row_cut: colours one tree by a cut"),
    (dict(row_split=[1] * 13, split_order=[1, 2]), "split_order: must list each group of row_split once; unknown 2"),
    (dict(row_split=list("cccccbaaaaadd"), split_order=["c", "c", "a", "b"]),
     "split_order: must list each group of row_split once; listed more than once: 'c'; missing 'd'; "
     "the groups are 'a', 'b', 'c', 'd'"),
    (dict(row_split=list("cccccbaaaaadd"), col_split=2, split_order=["c", "a", "b", "d"]),
     "split_order: a list orders the groups of one axis, but the rows and the columns are both split; "
     "give it as row_split_order= or col_split_order="),
    (dict(row_split=2, split_order="cluster", row_split_order="natural"),
     "row_split_order: conflicts with split_order='cluster', which orders the groups of both axes"),
    (dict(row_split_order="cluster", col_split=2), "row_split_order: the rows are not split; give row_split="),
    (dict(split_order="cluster"), "split_order: neither the rows nor the columns are split"),
    (dict(row_split=2, col_split_order="random"),
     "col_split_order: expected None, 'natural', 'cluster' or a list of group labels, got 'random'"),
    (dict(row_split=list("aaaaaaabbbbbb"), row_split_titles="{lab}"),
     "row_split_titles: the format string '{lab}' names {lab}, but a title can use only {label} (the group's "
     "label) and {n} (its size)"),
    (dict(row_split=list("aaaaaaabbbbbb"), row_split_titles="{0} ({n})"), "row_split_titles: the format string "
     "'{0} ({n})' names {0}, but"),
    (dict(col_split=2, col_split_titles="{n:s} columns"),
     "col_split_titles: cannot fill in '{n:s} columns' for the group 1: Unknown format code 's'"),
    (dict(row_split=list("aaaaaaabbbbbb"), row_split_titles=["only one"]), "row_split_titles: 1 titles for 2 groups"),
    (dict(row_split_titles=True), "row_split_titles: the rows are not split, so there are no groups to title"),
    (dict(col_split_titles="cols {label} n={n}"),
     "col_split_titles: the columns are not split, so there are no groups to title; give col_split= too"),
])
def test_bad_splits_get_one_clear_line_before_drawing(kwargs, message):
    plt.close("all")
    data, _, _ = seed()
    with pytest.raises(gf.InputError) as info:
        gf.clustermap(data, **kwargs)
    assert message in str(info.value) and "\n" not in str(info.value)
    assert not plt.get_fignums()


def test_a_group_titles_panel_refuses_a_format_it_cannot_fill_in():
    from gridfig.panels.groups import GroupTitles

    rows = gf.Leaves.grouped([gf.Chunk(positions=[0, 1], label="a"), gf.Chunk(positions=[2], label="b")])
    tree = gf.Cross(core=gf.Heatmap(data=np.ones((3, 2))), rows=rows,
                    left=[GroupTitles(titles="{name}", name="mine")])
    with pytest.raises(gf.InputError, match=r"^mine: the format string '\{name\}' names \{name\}, but a title"):
        gf.render(tree, figsize=(3, 3))


def test_split_blocks_take_the_strips_colours_for_its_groups_and_greys_for_clusters():
    from matplotlib.colors import to_rgba

    rng = np.random.default_rng(4)
    rows = [f"r{i}" for i in range(12)]
    data = pd.DataFrame(rng.normal(size=(12, 9)), index=rows, columns=[f"c{j}" for j in range(9)])
    kind = pd.Series(["a"] * 4 + ["b"] * 4 + ["c"] * 4, index=rows, name="kind")
    g = gf.clustermap(data, row_split=kind, col_split=3, row_colors=kind, split_blocks=True)

    def block(path):
        return tuple(np.round(np.asarray(g.axes[path].images[0].get_array()).reshape(-1, 4)[0], 6))

    strip = [p for p in g.layout.left if isinstance(p, gf.AnnotationStrip)][0].color_map()
    groups = [str(c.label) for c in g.row_leaves.chunks]
    assert [block(f"left/row_blocks[{k}]") for k in range(3)] == \
        [tuple(np.round(to_rgba(strip[k]), 6)) for k in groups]  # a split by the strip: its colours
    greys = [block(f"top/col_blocks[{k}]") for k in range(3)]
    assert greys == [tuple(np.round(to_rgba(c), 6)) for c in ("0.45", "0.72", "0.45")]  # clusters: no hue
    import matplotlib.pyplot as plt

    plt.close(g.figure)
