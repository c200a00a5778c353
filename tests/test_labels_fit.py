"""Labels get exactly the room they need: nothing overlaps a neighbour or leaves the figure."""

import numpy as np
import pytest

import gridfig as gf
from helpers import inside, overlap, text_boxes


def labelled(n_rows, n_cols, rotation=None, long=False):
    rng = np.random.default_rng(1)
    rows = [("a rather long sample name " if long else "s") + f"{i}" for i in range(n_rows)]
    cols = [("gene of interest " if long else "g") + f"{j}" for j in range(n_cols)]
    return gf.Cross(
        core=gf.Heatmap(data=rng.normal(size=(n_rows, n_cols))),
        left=[gf.Labels(texts=rows, rotation=rotation if rotation is not None else None)],
        right=[gf.Labels(texts=rows)],
        top=[gf.Labels(texts=cols, rotation=rotation)],
        bottom=[gf.Labels(texts=cols, rotation=rotation)],
        gap="1mm",
    )


def check_fit(r):
    fig = r.figure
    boxes = text_boxes(fig)
    assert boxes, "no text was drawn"
    fig_box = fig.bbox
    own = {id(ax): ax for ax in fig.axes}
    for t, b in boxes:
        assert inside(b, fig_box), f"{t.get_text()!r} leaves the figure"
        for ax in fig.axes:
            if ax is t.axes or t.axes in ax.child_axes:
                continue
            assert not overlap(b, ax.get_window_extent()), f"{t.get_text()!r} overlaps {ax.get_label()}"
    # labels of one panel never overlap each other (exact test for parallel rotated boxes)
    renderer = fig.canvas.get_renderer()
    by_axes = {}
    for t, b in boxes:
        by_axes.setdefault(id(t.axes), []).append(t)
    for texts in by_axes.values():
        for t1, t2 in zip(texts, texts[1:]):
            assert not rotated_overlap(t1, t2, renderer), (t1.get_text(), t2.get_text())
    assert own


def rotated_overlap(t1, t2, renderer, tol=0.5):
    """Two parallel texts of the same rotation overlap (pixels)."""
    import math

    p1 = np.array(t1.get_transform().transform(t1.get_position()))
    p2 = np.array(t2.get_transform().transform(t2.get_position()))
    a = math.radians(t1.get_rotation())
    d = p2 - p1
    along_text = abs(d @ np.array([math.cos(a), math.sin(a)]))
    across_text = abs(d @ np.array([-math.sin(a), math.cos(a)]))
    w = max(unrotated_size(t, renderer)[0] for t in (t1, t2))
    h = unrotated_size(t1, renderer)[1]
    return along_text < w - tol and across_text < h - tol


def unrotated_size(t, renderer):
    rot = t.get_rotation()
    t.set_rotation(0)
    b = t.get_window_extent(renderer)
    t.set_rotation(rot)
    return b.width, b.height


@pytest.mark.parametrize("rotation", [None, 45, 90, 0])
@pytest.mark.parametrize("long", [False, True])
def test_labels_fit_without_overlap(rotation, long):
    check_fit(gf.render(labelled(12, 10, rotation, long), figsize=(8, 7), margin=0))


def test_reserved_width_equals_measured_text_width():
    r = gf.render(labelled(12, 10, long=True), figsize=(8, 7))
    renderer = r.figure.canvas.get_renderer()
    ax = r.axes["right/labels"]
    widest = max(t.get_window_extent(renderer).x1 for t in ax.texts)
    # the panel ends where the widest label ends (to a pixel)
    assert widest == pytest.approx(ax.get_window_extent().x1, abs=1.0)
    ax = r.axes["bottom/labels"]
    lowest = min(t.get_window_extent(renderer).y0 for t in ax.texts)
    assert lowest == pytest.approx(ax.get_window_extent().y0, abs=1.0)


def test_many_labels_are_thinned_evenly_not_smeared():
    r = gf.render(labelled(2000, 8), figsize=(6, 8))
    ax = r.axes["right/labels"]
    shown = [t.get_text() for t in ax.texts]
    assert 20 < len(shown) < 2000
    positions = [int(s[1:]) for s in shown]
    steps = set(np.diff(positions))
    assert len(steps) == 1  # every k-th row, evenly
    check_fit(r)


def test_dollar_signs_are_literal():
    tree = gf.Cross(core=gf.Heatmap(data=np.zeros((2, 2))),
                    right=[gf.Labels(texts=["$5 and $10", "x_1^2"])])
    r = gf.render(tree, figsize=(3, 2))
    texts = r.axes["right/labels"].texts
    assert [t.get_text() for t in texts] == ["$5 and $10", "x_1^2"]
    renderer = r.figure.canvas.get_renderer()
    # measured as plain text: mathtext would drop the dollars and shrink the width
    width = texts[0].get_window_extent(renderer).width
    size = gf.Theme().resolved().fontsize
    plain = gf.layout.TextMeasurer(r.figure.dpi).size("$5 and $10", size)[0] * r.figure.dpi
    assert width == pytest.approx(plain, abs=1.0)


def test_selected_labels_only():
    tree = gf.Cross(core=gf.Heatmap(data=np.zeros((5, 2))),
                    right=[gf.Labels(texts=list("abcde"), show=["b", "e"])])
    r = gf.render(tree, figsize=(3, 2))
    assert [t.get_text() for t in r.axes["right/labels"].texts] == ["b", "e"]
    with pytest.raises(gf.InputError, match="show: 1 labels are not among the labels: 'z'"):
        gf.Labels(texts=list("abcde"), show=["b", "z"])


def test_chosen_labels_that_crowd_are_spread_with_leader_lines():
    n = 200
    texts = [f"gene {i}" for i in range(n)]
    chosen = ["gene 10", "gene 11", "gene 12", "gene 13", "gene 100", "gene 199"]
    tree = gf.Cross(core=gf.Heatmap(data=np.arange(n * 3.0).reshape(n, 3)),
                    right=[gf.Labels(texts=texts, show=chosen)], left=[gf.Labels(texts=texts, show=chosen)])
    r = gf.render(tree, figsize=(4, 5))
    check_fit(r)  # no overlaps, nothing outside the figure
    renderer = r.figure.canvas.get_renderer()
    core = r.axes["heatmap"].get_window_extent(renderer)
    cell = core.height / n
    for side in ("right", "left"):
        ax = r.axes[f"{side}/labels"]
        assert [t.get_text() for t in ax.texts] == chosen
        (lines,) = ax.collections
        segs = lines.get_segments()
        assert len(segs) == len(chosen)
        for text, seg in zip(ax.texts, segs):
            row = int(text.get_text().split()[1])
            start, end = ax.transData.transform(seg[0]), ax.transData.transform(seg[-1])
            # each leader starts on its row's centre and ends at its label
            assert start[1] == pytest.approx(core.y1 - (row + 0.5) * cell, abs=0.01)
            label_y = text.get_transform().transform(text.get_position())[1]
            assert end[1] == pytest.approx(label_y, abs=0.01)


def test_spread_out_is_in_order_apart_and_close():
    from gridfig.panels.labels import spread_out

    got = spread_out(np.array([1.0, 1.1, 1.2, 5.0]), 0.5, 0.0, 10.0)
    assert np.all(np.diff(got) >= 0.5 - 1e-12)
    assert got[3] == pytest.approx(5.0)  # a label with room stays put
    assert got[:3].mean() == pytest.approx(1.1)  # a crowded group spreads about its centre


@pytest.mark.parametrize("rotations", [(45, 45), (0, 45), (45, 90), (-45, 60)])
def test_strip_names_clear_rotated_labels_in_the_corners(rotations):
    row_rot, col_rot = rotations
    g = gf.demo.seed_figure(row_label_rotation=row_rot, col_label_rotation=col_rot)
    fig = g.figure
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    names = [t for key in ("row_colors", "col_colors") for t in g.axes[key].texts]
    assert {t.get_text() for t in names} == {"population", "block"}
    labels = [t for key in ("row_labels", "col_labels") for t in g.axes[key].texts]
    for name in names:
        nb = name.get_window_extent(renderer)
        assert inside(nb, fig.bbox), name.get_text()
        for label in labels:  # axis-aligned boxes: conservative for rotated text
            assert not overlap(nb, label.get_window_extent(renderer)), (name.get_text(), label.get_text())


@pytest.mark.parametrize("case", ["legends below", "short rotated labels", "long rotated labels"])
def test_a_strip_name_stays_next_to_its_strip(case):
    """Pushed only as far as the text in its corner needs (issue: names thrown ~20 mm away)."""
    import matplotlib.pyplot as plt

    from helpers import MM

    data, groups, blocks = gf.demo.seed_data()
    kw = dict(legend_side="bottom") if case == "legends below" else dict(col_label_rotation=45)
    if case == "long rotated labels":
        data = data.rename(columns=lambda c: f"a long column name {c}")
        blocks = blocks.rename(index=lambda c: f"a long column name {c}")
    # at 8 pt the short rotated labels end before the strip, the long ones reach under it
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks, fontsize=8, **kw)
    fig = g.figure
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    name = next(t for t in g.axes["row_colors"].texts if t.get_text() == "population")
    box = name.get_window_extent(renderer)
    strip = g.axes["row_colors"].get_window_extent(renderer)
    labels = g.axes["col_labels"]
    label_boxes = [t.get_window_extent(renderer) for t in labels.texts]
    assert not any(overlap(box, b) for b in label_boxes)
    assert inside(box, fig.bbox)
    drop = (strip.y0 - box.y1) / fig.dpi  # how far below the strip the name starts
    reaching = [b for b in label_boxes if b.x0 < strip.x1]  # labels that reach under the strip
    assert bool(reaching) == (case == "long rotated labels")
    if not reaching:
        assert drop == pytest.approx(1 * MM, abs=0.02 * MM)  # right by the strip: nothing contests it
    else:
        # below the rotated labels that reach into its corner, and no further than their room + 1 mm
        assert box.y1 <= min(b.y0 for b in reaching) + 0.5
        reserved = labels.get_window_extent(renderer)
        assert drop <= (strip.y0 - reserved.y0) / fig.dpi + 2 * MM
    plt.close(fig)
