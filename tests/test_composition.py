"""Multi-panel figures: cores aligned, gaps exact, letters in reading order, legends collected, sizes exact."""

import importlib.util
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import gridfig as gf
from helpers import MM, TOL, axes_inches, colorbar_ticks, colorbars, inside, overlap, text_boxes

ROOT = Path(__file__).resolve().parent.parent


def figure1():
    spec = importlib.util.spec_from_file_location("gallery", ROOT / "docs" / "gallery" / "plot_figure1.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.figure1()


def frame(n, m, seed):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.normal(size=(n, m)), index=[f"g{i}" for i in range(n)],
                        columns=[f"s{seed}_{j}" for j in range(m)])


def two_by_two(gap="3mm"):
    a = gf.clustered_heatmap(frame(20, 8, 1), row_colors=pd.Series(list("xy") * 10, index=[f"g{i}" for i in range(20)],
                                                                      name="grp"),
                             legend_side=None, sized=False, name="a", yticklabels=False)
    b = gf.Cross(core=gf.Heatmap.from_frame(frame(20, 5, 2)), right=[gf.Labels(texts=[f"g{i}" for i in range(20)])],
                 name="b")
    c = gf.Plot(func=lambda ax: ax.plot([0, 1, 2], [3, 1, 2]), name="c")
    d = gf.Cross(core=gf.Heatmap(data=np.arange(12.0).reshape(3, 4)), top=[gf.AnnotationStrip(values=list("pqrs"))],
                 name="d")
    return gf.Column(gf.Row(a, b, gap=gap, name="top"), gf.Row(c, d, gap=gap, name="bottom"), gap=gap)


@pytest.fixture
def composed():
    out = gf.render(two_by_two(), figsize=("183mm", "140mm"), letters="a", legend="right")
    yield out
    plt.close(out.figure)


def test_cores_align_across_and_down(composed):
    box = {p: axes_inches(ax) for p, ax in composed.axes.items()}
    a, b, c, d = (box[p] for p in ("top/a/heatmap", "top/b/heatmap", "bottom/c", "bottom/d/heatmap"))
    # a row: bodies share top and bottom edges, though only (a) has a top dendrogram and a strip
    assert a[3] == pytest.approx(b[3], abs=TOL) and a[1] == pytest.approx(b[1], abs=TOL)
    assert c[3] == pytest.approx(d[3], abs=TOL) and c[1] == pytest.approx(d[1], abs=TOL)
    # a column: the rows' composite cores share left and right edges (plot area, not tick labels)
    assert a[0] == pytest.approx(c[0], abs=TOL) and b[2] == pytest.approx(d[2], abs=TOL)


def test_gaps_between_nodes_are_exact(composed):
    g = 3 * MM
    reg = {p: composed.region(p) for p in ("top", "bottom", "top/a", "top/b", "bottom/c", "bottom/d")}
    assert reg["top/b"].x - reg["top/a"].right == pytest.approx(g, abs=TOL)
    assert reg["bottom/d"].x - reg["bottom/c"].right == pytest.approx(g, abs=TOL)
    assert reg["top"].y - reg["bottom"].top == pytest.approx(g, abs=TOL)
    # the drawn content of each node stays inside its region, so region gaps are gaps between content
    W, H = composed.figure.get_size_inches()
    renderer = composed.figure.canvas.get_renderer()
    dpi = composed.figure.dpi
    for node in ("top/a", "top/b", "bottom/c", "bottom/d"):
        r = reg[node]
        px = np.array([r.x, r.y, r.right, r.top]) * dpi
        for path, ax in composed.axes.items():
            if not path.startswith(node):
                continue
            bb = ax.get_tightbbox(renderer)
            assert bb.x0 >= px[0] - 0.5 and bb.x1 <= px[2] + 0.5 and bb.y0 >= px[1] - 0.5 and bb.y1 <= px[3] + 0.5, \
                (path, bb, px)
    # (a)'s nearest neighbour across is exactly one gap away: its right edge to (b)'s left panel
    a_right = max(axes_inches(ax)[2] for p, ax in composed.axes.items() if p.startswith("top/a/"))
    b_left = min(axes_inches(ax)[0] for p, ax in composed.axes.items() if p.startswith("top/b/"))
    assert b_left - a_right == pytest.approx(g, abs=TOL)


def test_nothing_overlaps_or_leaves_the_figure(composed):
    fig = composed.figure
    renderer = fig.canvas.get_renderer()
    boxes = [ax.get_window_extent(renderer) for ax in fig.axes]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not overlap(boxes[i], boxes[j]), (fig.axes[i].get_label(), fig.axes[j].get_label())
    texts = text_boxes(fig) + [(t, t.get_window_extent(renderer)) for t in fig.texts]
    for t, b in texts:
        assert inside(b, fig.bbox), t.get_text()
        for ax, ab in zip(fig.axes, boxes):
            if ax is not t.axes and t.axes not in ax.child_axes:
                assert not overlap(b, ab), (t.get_text(), ax.get_label())
    for ax in fig.axes:  # plots' tick labels stay clear of other axes too
        tb = ax.get_tightbbox(renderer)
        assert inside(tb, fig.bbox), ax.get_label()


def test_letters_in_reading_order(composed):
    letters = {t.get_gid(): t.get_text() for t in composed.figure.texts if (t.get_gid() or "").startswith("letter:")}
    assert letters == {"letter:top/a": "a", "letter:top/b": "b", "letter:bottom/c": "c", "letter:bottom/d": "d"}
    renderer = composed.figure.canvas.get_renderer()
    tops = {t.get_text(): t.get_window_extent(renderer) for t in composed.figure.texts if t.get_gid()}
    assert tops["a"].y1 == pytest.approx(tops["b"].y1, abs=0.01)  # on one line across a row
    assert tops["c"].y1 == pytest.approx(tops["d"].y1, abs=0.01)
    assert tops["a"].x0 == pytest.approx(tops["c"].x0, abs=0.01)  # and one column down


def test_letters_nested_two_levels_deep():
    box = lambda name: gf.Heatmap(data=np.zeros((2, 2)), name=name)  # noqa: E731
    tree = gf.Column(gf.Row(box("p"), gf.Column(box("q"), gf.Row(box("r"), box("s")))), box("t"))
    out = gf.render(tree, figsize=(6, 6), letters="(A)")
    got = {t.get_gid(): t.get_text() for t in out.figure.texts}
    assert got == {"letter:0/p": "(A)", "letter:0/1/q": "(B)", "letter:0/1/1/r": "(C)", "letter:0/1/1/s": "(D)",
                   "letter:t": "(E)"}
    # switched per node: none for q, a custom one for s, a group lettered as one
    tree = gf.Column(gf.Row(box("p"), gf.Column(gf.Cross(core=box("q"), letter=False),
                                                 gf.Row(box("r"), gf.Cross(core=box("s"), letter="z")))),
                     gf.Row(box("t"), box("u"), letter=True))
    got = {t.get_gid(): t.get_text() for t in gf.render(tree, figsize=(6, 6), letters="a").figure.texts}
    assert got == {"letter:0/p": "a", "letter:0/1/1/r": "b", "letter:0/1/1/1": "z", "letter:1": "c"}


def test_heatmap_list_shares_the_first_row_order():
    fig1 = figure1()
    out = gf.render(fig1, figsize=("183mm", "150mm"), letters="a", legend="right")
    top = fig1.items[0]
    a_cross, b_cross = top.items
    rows_a = out.leaves("0/expression")[0].order
    labels_a = np.asarray(a_cross.core.row_labels)[rows_a]
    # (b) was given its genes in another order; it shows them in (a)'s order, matched by label
    shown = out.axes["0/response/heatmap"].images[0].get_array()
    spec = importlib.util.spec_from_file_location("gallery", ROOT / "docs" / "gallery" / "plot_figure1.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    texts = [t.get_text() for t in out.axes["0/response/right/labels"].texts]
    assert all(t in labels_a for t in texts)
    positions = [list(labels_a).index(t) for t in texts]
    assert positions == sorted(positions)  # labels run down in (a)'s order
    b_labels = list(b_cross.core.row_labels)
    b_data = b_cross.core.data
    for i, lab in enumerate(labels_a):
        assert np.array_equal(shown[i], b_data[b_labels.index(lab)][out.leaves("0/response")[1].order])
    # and every label written beside (b) sits on the row holding that gene's values
    renderer = out.figure.canvas.get_renderer()
    heat = out.axes["0/response/heatmap"].get_window_extent(renderer)
    cell = heat.height / len(labels_a)
    for t in out.axes["0/response/right/labels"].texts:
        y = t.get_transform().transform(t.get_position())[1]
        i = int((heat.y1 - y) // cell)
        assert labels_a[i] == t.get_text()


def test_collected_legends_merge_duplicates():
    rows = pd.Series(list("xy") * 5, index=[f"g{i}" for i in range(10)], name="grp")
    a = gf.clustered_heatmap(frame(10, 4, 1), row_colors=rows, legend_side=None, sized=False, cbar_label="z")
    b = gf.clustered_heatmap(frame(10, 3, 2), row_colors=rows, legend_side=None, sized=False, cbar_label="z2")
    out = gf.render(gf.Row(a, b), figsize=(8, 4), legend="right")
    ax = out.axes["legend"]
    titles = [t.get_text() for t in ax.texts if t.get_fontweight() in ("bold", 700)]
    assert titles.count("grp") == 1 and "z" in titles and "z2" in titles


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg", "tiff"])
def test_saved_files_have_exactly_the_requested_size(fmt, tmp_path):
    width, height, dpi = 183 * MM, 150 * MM, 300
    out = gf.render(two_by_two(), figsize=("183mm", "150mm"), letters="a", legend="right")
    path = tmp_path / f"fig.{fmt}"
    out.savefig(path, dpi=dpi)
    data = path.read_bytes()
    if fmt == "pdf":
        import re

        box = [float(v) for v in re.search(rb"/MediaBox \[([^\]]+)\]", data).group(1).split()]
        assert box[2] == pytest.approx(width * 72, abs=0.01) and box[3] == pytest.approx(height * 72, abs=0.01)
    elif fmt == "svg":
        import re

        w = float(re.search(rb'width="([0-9.]+)pt"', data).group(1))
        h = float(re.search(rb'height="([0-9.]+)pt"', data).group(1))
        assert w == pytest.approx(width * 72, abs=0.01) and h == pytest.approx(height * 72, abs=0.01)
    else:
        from PIL import Image

        with Image.open(path) as im:
            assert im.size == (int(width * dpi), int(height * dpi))
    assert tuple(out.figure.get_size_inches()) == pytest.approx((width, height))


def test_debug_overlay_outlines_every_solved_rectangle():
    out = gf.render(two_by_two(), figsize=("183mm", "150mm"), letters="a", legend="right", debug=True)
    fig = out.figure
    boxes = {a.get_gid(): a for a in fig.artists if (a.get_gid() or "").startswith("debug-panel:")}
    assert len(boxes) == len(out.solution.panels)
    dpi = fig.dpi
    for path, ax in out.axes.items():
        inner = path if not out.inner else f"{out.inner}/{path}" if path != "legend" else path
        box = boxes[f"debug-panel:{inner}"].get_window_extent()
        frame = ax.get_window_extent()
        assert [box.x0, box.y0, box.x1, box.y1] == pytest.approx([frame.x0, frame.y0, frame.x1, frame.y1], abs=1e-6 * dpi)


def test_collected_legends_keep_blocks_that_differ():
    a = gf.Heatmap(data=np.linspace(0, 1, 12).reshape(3, 4), name="a")
    b = gf.Heatmap(data=np.linspace(0, 100, 12).reshape(3, 4), name="b")
    out = gf.render(a | b, figsize=(6, 3), legend="right")
    bars = colorbars(out.axes["legend"])
    assert len(bars) == 2  # both scales, though neither has a title
    assert "1" in colorbar_ticks(bars[0]) and "100" in colorbar_ticks(bars[1])


def test_same_annotation_on_rows_and_columns_has_one_legend_and_one_palette():
    rng = np.random.default_rng(4)
    labels = [f"s{i}" for i in range(12)]
    corr = pd.DataFrame(np.corrcoef(rng.normal(size=(12, 30))), index=labels, columns=labels)
    groups = pd.Series(list("abc") * 4, index=labels, name="group")
    g = gf.clustermap(corr, row_colors=groups, col_colors=groups, figsize=(6, 6))
    legend_titles = [t.get_text() for t in g.axes["legends"].texts if t.get_fontweight() in ("bold", 700)]
    assert legend_titles.count("group") == 1
    rows = g.axes["row_colors"].images[0].get_array()[:, 0, :3]
    cols = g.axes["col_colors"].images[0].get_array()[0, :, :3]
    # the same sample has the same colour in both strips
    row_of = dict(zip(np.asarray(labels)[g.row_order], map(tuple, rows)))
    col_of = dict(zip(np.asarray(labels)[g.col_order], map(tuple, cols)))
    assert row_of == col_of


def test_share_takes_its_order_from_the_first_heatmap():
    plot = gf.Plot(func=lambda ax: ax.plot([0, 1]), name="p")
    data = np.arange(12.0).reshape(4, 3)
    a = gf.Cross(core=gf.Heatmap(data=data), rows=[3, 2, 1, 0], name="a")
    c = gf.Cross(core=gf.Heatmap(data=data * 2), name="c")
    planned = gf.plan(gf.Row(plot, a, c, share=True))
    assert list(planned.crosses["a"].rows.order) == [3, 2, 1, 0]  # the source keeps its order
    assert list(planned.crosses["c"].rows.order) == [3, 2, 1, 0]  # and gives it on
    with pytest.raises(gf.InputError, match="share: .* holds a Column"):
        gf.plan(gf.Row(a, gf.Column(c, plot), share=True))


def test_evolving_a_node_matches_its_annotations_again():
    import attrs

    df = pd.DataFrame(np.arange(8.0).reshape(4, 2), index=list("abcd"))
    strip = gf.AnnotationStrip(values=pd.Series(["x", "y", "z", "w"], index=list("abcd")), name="s")
    node = gf.Cross(core=gf.Heatmap.from_frame(df), left=[strip])
    again = attrs.evolve(node, core=gf.Heatmap.from_frame(df.iloc[::-1]))
    assert list(gf.plan(again).crosses[""].sides["left"][0].panel.values) == ["w", "z", "y", "x"]
    assert list(gf.plan(node).crosses[""].sides["left"][0].panel.values) == ["x", "y", "z", "w"]
    assert again.left[0] is strip  # the panel given is never changed


def test_collecting_legends_does_not_repeat_a_node_that_has_its_own():
    data, groups, _ = gf.demo.seed_data()
    own = gf.clustered_heatmap(data, row_colors=groups, sized=False, name="own")  # has a legend area
    other = gf.Heatmap(data=np.linspace(0, 1, 12).reshape(3, 4), legend_title="other", name="other")
    out = gf.render(own | other, figsize=(9, 5), legend="right")
    collected = [t.get_text() for t in out.axes["legend"].texts if t.get_fontweight() in ("bold", 700)]
    assert collected == ["other"]
    assert "population" in [t.get_text() for t in out.axes["own/right/legends"].texts]
