"""Numeric and text side panels read back from the drawn figure, on all four sides and with a split.

Every value is read from the artists drawn (patches, line data, collection paths, text) and
compared with the input of the leaf displayed there (the plan's order); the value axis' labels
are read back as window extents against the room the panel reserved.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import attrs
import numpy as np
from matplotlib.colors import to_rgba
import pandas as pd
import pytest

import gridfig as gf
from helpers import overlap, text_boxes

SIDES = ["left", "right", "top", "bottom"]
N = 9
LABELS = [f"r{i}" for i in range(N)]
ORDER = np.array([4, 0, 7, 2, 8, 1, 3, 6, 5])
SPLIT = gf.Leaves.grouped([gf.Chunk(positions=ORDER[:4]), gf.Chunk(positions=ORDER[4:])], gap="3mm")
rng = np.random.default_rng(7)
VALUES = pd.Series(rng.normal(1, 2, N), index=LABELS)
DISTS = pd.DataFrame(rng.gamma(2, 1.5, (N, 40)), index=LABELS)


def render(side, panel, split, others=True):
    """A square heatmap labelled r0..r8 both ways, ``panel`` on ``side``, labels and strips around."""
    frame = pd.DataFrame(rng.normal(size=(N, N)), index=LABELS, columns=LABELS)
    leaves = SPLIT if split else gf.Leaves.in_order(ORDER)
    sides = {s: [] for s in SIDES}
    if others:
        for s in SIDES:
            sides[s] = [gf.AnnotationStrip(values=pd.Series(list("aabbbccca"), index=LABELS), name=f"s{s}"),
                        gf.Labels()]
    sides[side] = [gf.AnnotationStrip(values=list("aabbbccca"), name="strip"), panel, gf.Labels()]
    tree = gf.Cross(core=gf.Heatmap.from_frame(frame), rows=leaves, cols=leaves, gap="1mm", **sides)
    return gf.render(tree, figsize=(6.5, 6.5))


def cells(out, side, name, split):
    """(Axes, data positions shown) per Axes of the panel, first group first."""
    if not split:
        return [(out.axes[f"{side}/{name}"], ORDER)]
    return [(out.axes[f"{side}/{name}[{i}]"], c.positions) for i, c in enumerate(SPLIT.chunks)]


def canon(side, x, y):
    """Data (x, y) as canonical (along, away): the test may branch on the side, the panels may not."""
    return (np.asarray(y), np.asarray(x)) if side in ("left", "right") else (np.asarray(x), np.asarray(y))


def away_limits(side, ax):
    lim = ax.get_xlim() if side in ("left", "right") else ax.get_ylim()
    return tuple(sorted(lim))


CASES = [(side, split) for side in SIDES for split in (False, True)]


@pytest.mark.parametrize("side,split", CASES)
def test_bars_have_the_value_of_the_leaf_shown_there(side, split):
    out = render(side, gf.Bars(values=VALUES.iloc[::-1], baseline=0.5), split)
    limits = set()
    for ax, shown in cells(out, side, "bars", split):
        assert len(ax.patches) == len(shown)
        for k, (patch, pos) in enumerate(zip(ax.patches, shown)):
            along, away = canon(side, [patch.get_x(), patch.get_x() + patch.get_width()],
                                [patch.get_y(), patch.get_y() + patch.get_height()])
            assert along.mean() == pytest.approx(k + 0.5)
            # from the baseline to the value: values below it point back toward the core
            assert sorted(away) == pytest.approx(sorted([0.5, VALUES.iloc[pos]]))
        limits.add(away_limits(side, ax))
        # larger values lie further from the core on screen
        lo, hi = away_limits(side, ax)
        (xl, yl), (xh, yh) = ax.transData.transform([canon(side, 0.5, lo), canon(side, 0.5, hi)])
        outward = {"left": xl - xh, "right": xh - xl, "top": yh - yl, "bottom": yl - yh}[side]
        assert outward > 0
    assert len(limits) == 1  # one value axis for every group


@pytest.mark.parametrize("side,split", CASES)
def test_stacked_bars_pile_the_columns_and_give_a_legend(side, split):
    parts = pd.DataFrame(rng.uniform(0.2, 2, (N, 3)), index=LABELS, columns=["x", "y", "z"]).iloc[::-1]
    out = render(side, gf.Bars(values=parts, name="parts"), split)
    for ax, shown in cells(out, side, "parts", split):
        assert len(ax.patches) == 3 * len(shown)
        for j in range(3):
            for k, pos in enumerate(shown):
                patch = ax.patches[j * len(shown) + k]
                _, away = canon(side, [patch.get_x(), patch.get_x() + patch.get_width()],
                                [patch.get_y(), patch.get_y() + patch.get_height()])
                row = parts.loc[LABELS[pos]].to_numpy()
                assert sorted(away) == pytest.approx([row[:j].sum(), row[:j + 1].sum()])
    bars = out.plan.panels[f"{side}/parts"].panel
    (legend,) = bars.legend_entries()
    assert legend.labels == ("x", "y", "z") and len(legend.colors) == 3


@pytest.mark.parametrize("side,split", CASES)
def test_points_sit_on_the_value_of_their_leaf(side, split):
    out = render(side, gf.Points(values=VALUES, line=True), split)
    for ax, shown in cells(out, side, "points", split):
        along, away = canon(side, *ax.lines[0].get_data())
        assert along == pytest.approx(np.arange(len(shown)) + 0.5)
        assert away == pytest.approx(VALUES.to_numpy()[shown])
        assert ax.lines[0].get_linestyle() == "-"


@pytest.mark.parametrize("side,split", CASES)
def test_box_quartiles_are_numpys_percentiles(side, split):
    out = render(side, gf.Box(values=DISTS.iloc[::-1]), split)
    for ax, shown in cells(out, side, "box", split):
        boxes = ax.collections[0].get_paths()
        medians = ax.collections[1].get_segments()[:len(shown)]
        for k, pos in enumerate(shown):
            q1, med, q3 = np.percentile(DISTS.iloc[pos].to_numpy(), [25, 50, 75])
            along, away = canon(side, *boxes[k].vertices.T)
            assert (away.min(), away.max()) == pytest.approx((q1, q3))
            assert (along.min() + along.max()) / 2 == pytest.approx(k + 0.5)
            _, m = canon(side, *medians[k].T)
            assert m == pytest.approx([med, med])


@pytest.mark.parametrize("side,split", CASES)
def test_violins_reach_from_least_to_greatest_value(side, split):
    data = {label: DISTS.loc[label].to_numpy() for label in LABELS[::-1]}  # a dict, matched by key
    out = render(side, gf.Violin(values=data), split)
    for ax, shown in cells(out, side, "violin", split):
        paths = ax.collections[0].get_paths()
        for k, pos in enumerate(shown):
            along, away = canon(side, *paths[k].vertices.T)
            v = DISTS.iloc[pos].to_numpy()
            assert (away.min(), away.max()) == pytest.approx((v.min(), v.max()))
            assert along.min() >= k + 0.1 - 1e-9 and along.max() <= k + 0.9 + 1e-9
            assert (along.min() + along.max()) / 2 == pytest.approx(k + 0.5)


@pytest.mark.parametrize("side,split", CASES)
def test_histogram_counts_each_leaf_in_its_own_cell(side, split):
    out = render(side, gf.Histogram(values=list(DISTS.to_numpy()), bins=6), split)  # a list, by position
    hist = out.plan.panels[f"{side}/histogram"].panel
    edges = hist.edges()
    for ax, shown in cells(out, side, "histogram", split):
        rects = [canon(side, *p.vertices[:4].T) for p in ax.collections[0].get_paths()]
        for k, pos in enumerate(shown):
            counts = np.histogram(DISTS.iloc[pos].to_numpy(), edges)[0]
            mine = [(al, aw) for al, aw in rects if k <= al.min() and al.max() <= k + 1]
            assert len(mine) == np.count_nonzero(counts)
            tall = {round(aw.min(), 9): np.ptp(al) for al, aw in mine}
            for b in np.flatnonzero(counts):
                assert tall[round(edges[b], 9)] == pytest.approx(0.85 * counts[b] / counts.max())


@pytest.mark.parametrize("side,split", CASES)
def test_numbers_are_the_values_of_the_leaves_shown(side, split):
    out = render(side, gf.Numbers(values=VALUES.iloc[::-1], fmt=".2f", show="all"), split)
    for ax, shown in cells(out, side, "numbers", split):
        texts = ax.texts
        assert [float(t.get_text()) for t in texts] == pytest.approx(np.round(VALUES.to_numpy()[shown], 2))
        along = [canon(side, *t.get_position())[0] for t in texts]
        assert along == pytest.approx(np.arange(len(shown)) + 0.5)


@pytest.mark.parametrize("side", SIDES)
def test_text_is_written_styled_for_its_leaf(side):
    colors = pd.Series(["red", "blue"] * 4 + ["green"], index=LABELS)
    out = render(side, gf.Text(values=pd.Series([f"t{i}" for i in range(N)], index=LABELS), color=colors,
                               fontweight="bold", show="all"), True)
    for ax, shown in cells(out, side, "text", True):
        assert [t.get_text() for t in ax.texts] == [f"t{p}" for p in shown]
        assert [t.get_color() for t in ax.texts] == [colors.iloc[p] for p in shown]
        assert all(t.get_fontweight() == "bold" for t in ax.texts)


VALUE_PANELS = [
    ("bars", lambda: gf.Bars(values=VALUES * 10, title="score")),
    ("points", lambda: gf.Points(values=VALUES)),
    ("area", lambda: gf.Area(values=VALUES, title="area")),
    ("box", lambda: gf.Box(values=DISTS)),
    ("violin", lambda: gf.Violin(values=DISTS)),
    ("histogram", lambda: gf.Histogram(values=DISTS)),
]


@pytest.mark.parametrize("side,split", CASES)
@pytest.mark.parametrize("name,make", VALUE_PANELS, ids=[n for n, _ in VALUE_PANELS])
def test_the_value_axis_is_inside_its_room_and_overlaps_no_other_text(side, split, name, make):
    # 15 mm: room for two 10 pt tick labels or more (a thinner panel keeps fewer, tested below)
    out = render(side, attrs.evolve(make(), size="15mm"), split)
    fig = out.figure
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    # going round the core, each side's axis has a corner of its own: below the rows on the left, left
    # of the columns on top, above the rows on the right, right of the columns at the bottom
    end = {"left": "after", "bottom": "after", "right": "before", "top": "before"}[side]
    last, shown = cells(out, side, name, split)[-1 if end == "after" else 0]
    panel = out.plan.panels[f"{side}/{name}"].panel
    lo, hi = panel.value_limits()
    box = last.get_window_extent(renderer)
    ext = out.extents[f"{side}/{name}"]
    room = getattr(ext, end) * fig.dpi
    assert room > 0 and getattr(ext, "before" if end == "after" else "after") == 0
    # the reserved room: the Axes box across the panel, and `room` past that end of the leaves
    x0, y0, x1, y1 = {"left": (box.x0, box.y0 - room, box.x1, box.y1),
                      "right": (box.x0, box.y0, box.x1, box.y1 + room),
                      "top": (box.x0 - room, box.y0, box.x1, box.y1),
                      "bottom": (box.x0, box.y0, box.x1 + room, box.y1)}[side]
    ticks = last.texts
    assert len(ticks) >= 2
    values = []
    for t in ticks:
        e = t.get_window_extent(renderer)
        assert x0 - 0.01 <= e.x0 and e.x1 <= x1 + 0.01 and y0 - 0.01 <= e.y0 and e.y1 <= y1 + 0.01, t.get_text()
        if re.fullmatch(r"-?[\d.]+(e[-+]?\d+)?", t.get_text()):
            value = float(t.get_text())
            # the label sits at its value on the away axis
            assert canon(side, *t.get_position())[1] == pytest.approx(value)
            assert lo - 1e-9 <= value <= hi + 1e-9
            values.append(value)
    assert len(values) >= 2
    others = [(t, t.get_window_extent(renderer)) for ax in fig.axes if ax is not last for t in ax.texts
              if t.get_text()]
    for t in ticks:
        e = t.get_window_extent(renderer)
        hits = [o.get_text() for o, oe in others if overlap(e, oe)]
        assert not hits, (t.get_text(), hits)
    own = [t.get_window_extent(renderer) for t in ticks if t.get_text()]
    assert not any(overlap(a, b) for k, a in enumerate(own) for b in own[k + 1:])
    plt.close(fig)


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("size", ["5mm", "8mm"])
@pytest.mark.parametrize("name,make", VALUE_PANELS[:2], ids=[n for n, _ in VALUE_PANELS[:2]])
def test_a_narrow_panel_keeps_only_the_tick_labels_that_fit(side, size, name, make):
    """A value axis across a thin panel (issue: '0.5' and '1' written over each other at 10 pt)."""
    out = render(side, attrs.evolve(make(), size=size), False, others=False)
    fig = out.figure
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    ax = out.axes[f"{side}/{name}"]
    labels = [t for t in ax.texts if re.fullmatch(r"-?[\d.]+(e[-+]?\d+)?", t.get_text())]
    assert labels, "no tick label at all"
    boxes = sorted((t.get_window_extent(renderer) for t in labels), key=lambda b: (b.x0, b.y0))
    assert not any(overlap(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:]), [t.get_text() for t in labels]
    plt.close(fig)


#: A title that fits across a 15 mm panel (turned to run along the value axis) and one that does not
#: fit across 10 mm (it reads as the tick labels do, a whole line further on).
TITLED = [
    ("bars", "turned", lambda: gf.Bars(values=VALUES * 10, title="patients", size="15mm")),
    ("box", "turned", lambda: gf.Box(values=DISTS, title="sd", size="15mm")),
    ("points", "inline", lambda: gf.Points(values=VALUES, title="a long axis title", size="10mm")),
    ("histogram", "inline", lambda: gf.Histogram(values=DISTS, title="row values", size="10mm")),
]


def _apart_by(a, b) -> float:
    """The widest straight gap (inches) between two boxes in inches: either across x or across y."""
    return max(a.x0 - b.x1, b.x0 - a.x1, a.y0 - b.y1, b.y0 - a.y1)


@pytest.mark.parametrize("side,split", CASES)
@pytest.mark.parametrize("name,mode,make", TITLED, ids=[f"{n}-{m}" for n, m, _ in TITLED])
def test_the_axis_title_is_a_clear_gap_past_every_tick_label(side, split, name, mode, make):
    """The title never reads as a tick label's next word (issue: '0', '10 patients' in the oncoPrint)."""
    from gridfig.layout.measure import TextMeasurer

    panel = make()
    out = render(side, panel, split)
    fig = out.figure
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    dpi = fig.dpi
    end = {"left": "after", "bottom": "after", "right": "before", "top": "before"}[side]
    last, _ = cells(out, side, name, split)[-1 if end == "after" else 0]
    inches = lambda t: t.get_window_extent(renderer).transformed(fig.dpi_scale_trans.inverted())  # noqa: E731
    [title] = [t for t in last.texts if t.get_text() == panel.title]
    ticks = [t for t in last.texts if t is not title and t.get_text()]
    assert len(ticks) >= 1
    line = TextMeasurer(dpi).line_height(title.get_fontsize())
    # turned: half a line past labels it runs across; reading as they do: a whole line past them
    gap = {"turned": 0.5, "inline": 1.0}[mode] * line
    rotations = {round(t.get_rotation()) % 180 for t in ticks}
    assert len(rotations) == 1
    turned = round(title.get_rotation()) % 180 != rotations.pop()
    assert turned == (mode == "turned")
    tb = inches(title)
    for t in ticks:
        assert _apart_by(tb, inches(t)) >= gap - 1e-3, (t.get_text(), _apart_by(tb, inches(t)), gap)
    # centred across the panel and inside its Axes across, inside the figure
    ax_box = last.get_window_extent(renderer).transformed(fig.dpi_scale_trans.inverted())
    if side in ("left", "right"):
        assert ax_box.x0 - 1e-3 <= tb.x0 and tb.x1 <= ax_box.x1 + 1e-3
        assert (tb.x0 + tb.x1) / 2 == pytest.approx((ax_box.x0 + ax_box.x1) / 2, abs=1e-3)
    else:
        assert ax_box.y0 - 1e-3 <= tb.y0 and tb.y1 <= ax_box.y1 + 1e-3
        assert (tb.y0 + tb.y1) / 2 == pytest.approx((ax_box.y0 + ax_box.y1) / 2, abs=1e-3)
    w, h = fig.get_size_inches()
    assert 0 <= tb.x0 and tb.x1 <= w and 0 <= tb.y0 and tb.y1 <= h
    # within the room the panel measured past that end of the leaves
    room = getattr(out.extents[f"{side}/{name}"], end)
    reach = {"left": ax_box.y0 - tb.y0, "right": tb.y1 - ax_box.y1,
             "top": ax_box.x0 - tb.x0, "bottom": tb.x1 - ax_box.x1}[side]
    assert 0 < reach <= room + 1e-3
    # and over no other text of the figure
    others = [(t.get_text(), e) for t, e in text_boxes(fig) if t is not title]
    assert not [s for s, e in others if overlap(title.get_window_extent(renderer), e)]
    plt.close(fig)


def test_no_axis_reserves_no_room_and_draws_no_ticks():
    out = render("left", gf.Bars(values=VALUES, axis=False), False)
    assert out.extents["left/bars"].after == 0 and not out.axes["left/bars"].texts


def test_panels_on_all_four_sides_write_their_axes_into_four_corners_without_overlap():
    frame = pd.DataFrame(rng.normal(size=(N, N)), index=LABELS, columns=LABELS)
    stack = [gf.AnnotationStrip(values=list("aabbbccca"), name="strip"), gf.Bars(values=VALUES, title="bars"),
             gf.Box(values=DISTS, title="box"), gf.Labels()]
    tree = gf.Cross(core=gf.Heatmap.from_frame(frame), rows=SPLIT, cols=SPLIT, gap="1mm",
                    left=stack, right=stack, top=stack, bottom=stack)
    out = gf.render(tree, figsize=(7, 7))
    boxes = text_boxes(out.figure)
    hits = [(t.get_text(), u.get_text()) for i, (t, e) in enumerate(boxes) for u, f in boxes[i + 1:]
            if t.axes is not u.axes and overlap(e, f)]
    assert not hits


def test_panels_with_one_scale_key_share_their_limits_across_nodes():
    frame = pd.DataFrame(np.zeros((N, 3)), index=LABELS)
    a = gf.Cross(core=gf.Heatmap.from_frame(frame), left=[gf.Bars(values=VALUES, scale="s")],
                 right=[gf.Points(values=VALUES * 3, scale="s"), gf.Bars(values=VALUES, name="own")], name="a")
    b = gf.Cross(core=gf.Heatmap.from_frame(frame), right=[gf.Bars(values=VALUES + 20, scale="s")], name="b")
    out = gf.render(a | b, figsize=(6, 3))
    union = (min(0, VALUES.min() * 3), VALUES.max() + 20)
    for path in ("a/left/bars", "a/right/points", "b/right/bars"):
        assert out.plan.panels[path].panel.value_limits() == pytest.approx(union)
    assert out.plan.panels["a/right/own"].panel.value_limits() == pytest.approx((min(0, VALUES.min()),
                                                                                VALUES.max()))


def test_dataframe_rows_are_matched_with_the_series_warnings():
    dists = DISTS.drop(index="r3").rename(index={"r0": "zz"})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = render("left", gf.Box(values=dists), False, others=False)
    text = " | ".join(str(w.message) for w in caught)
    assert "2 of 9 data rows have no annotation" in text and "'r0'" in text and "'r3'" in text
    assert "1 annotation labels are not in the data" in text and "'zz'" in text
    box = out.plan.panels["left/box"].panel
    assert len(box.values[3]) == 0 and len(box.values[0]) == 0  # drawn as nothing
    assert len(out.axes["left/box"].collections[0].get_paths()) == N - 2


def test_a_list_of_the_wrong_length_is_refused():
    with pytest.raises(gf.InputError, match="has 3 values"):
        render("left", gf.Bars(values=[1.0, 2.0, 3.0]), False, others=False)


@pytest.mark.parametrize("values,mode", [
    (pd.Series(np.linspace(0, 1, N), index=LABELS), "continuous"),
    (pd.Series(np.arange(N), index=LABELS), "categories"),
    (pd.Series(np.arange(N), index=LABELS, dtype="Int64"), "categories"),
    (pd.Series(np.linspace(0, 1, N), index=LABELS, dtype="category"), "categories"),
    (pd.Series([1.0, 2.0] * 4 + [1.0], index=LABELS).astype("category"), "categories"),
])
def test_a_strip_is_continuous_only_for_float_values(values, mode):
    out = render("left", gf.AnnotationStrip(values=values, name="v"), False, others=False)
    strip = out.plan.panels["left/v"].panel
    assert strip.mode == mode
    kinds = {type(b).__name__ for b in strip.legend_entries()}
    assert kinds == {"ScaleLegend" if mode == "continuous" else "CategoryLegend"}


def test_clustermap_places_annotations_beside_the_strips():
    data, groups, blocks = gf.demo.seed_data()
    score = data.mean(axis=1)
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks, row_split=groups,
                      row_annotations=[gf.Bars(values=score, title="mean"),
                                       gf.Numbers(values=score, fmt=".3f", show="all")],
                      col_annotations=[gf.Points(values=data.std(), title="sd")])
    cp = g.rendered.plan.crosses[g.rendered.inner]
    left = [type(p.panel).__name__ for p in cp.sides["left"]]
    assert left[:3] == ["AnnotationStrip", "Bars", "Numbers"] and left[-1] == "Dendrogram"
    assert [type(p.panel).__name__ for p in cp.sides["top"]][:2] == ["AnnotationStrip", "Points"]
    for i, (_, rows) in enumerate(g.row_groups):
        texts = [float(t.get_text()) for t in g.axes[f"left/numbers[{i}]"].texts]
        assert texts == pytest.approx(np.round(score.to_numpy()[rows], 3))
    along, away = g.axes["top/points"].lines[0].get_data()
    assert away == pytest.approx(data.std().to_numpy()[g.col_order])
    boxes = text_boxes(g.figure)
    assert not [(t.get_text(), u.get_text()) for i, (t, e) in enumerate(boxes) for u, f in boxes[i + 1:]
                if t.axes is not u.axes and overlap(e, f)]
    with pytest.raises(gf.InputTypeError, match="row_annotations"):
        gf.clustermap(data, row_annotations=[score])
    plt.close(g.figure)


def test_the_new_panels_never_branch_on_their_side():
    root = Path(gf.__file__).parent / "panels"
    for name in ("numeric.py", "distributions.py", "texts.py"):
        source = (root / name).read_text()
        assert not re.search(r"side\s*(==|!=|in\b)|\.vertical", source), name


def test_missing_values_draw_nothing_and_all_missing_still_draws_an_axis():
    gappy = VALUES.copy()
    gappy.iloc[[1, 2, 6]] = np.nan
    out = render("top", gf.Area(values=gappy), False, others=False)
    ax = out.axes["top/area"]
    along, away = ax.lines[0].get_data()
    assert np.isnan(away).sum() == 3
    shown = gappy.to_numpy()[ORDER]
    runs = np.count_nonzero(np.diff(np.concatenate([[0], np.isfinite(shown).astype(int), [0]])) == 1)
    assert len(ax.patches) == runs  # one filled area per run of present values
    empty = render("left", gf.Bars(values=[np.nan] * N), False, others=False)
    assert empty.plan.panels["left/bars"].panel.value_limits() == (0.0, 1.0)
    assert len(empty.axes["left/bars"].texts) >= 2


def test_explicit_limits_win_and_ticks_stay_inside_them():
    out = render("right", gf.Points(values=VALUES, limits=(-10, None)), False, others=False)
    panel = out.plan.panels["right/points"].panel
    assert panel.value_limits() == (-10.0, VALUES.max())
    ticks = [float(t.get_text()) for t in out.axes["right/points"].texts]
    assert min(ticks) >= -10 and max(ticks) <= VALUES.max()


def test_stacked_colours_by_palette_list_or_mapping():
    parts = pd.DataFrame(np.ones((N, 2)), index=LABELS, columns=["x", "y"])
    for colors, expected in (("Set2", None), (["red", "blue"], ["red", "blue"]),
                             ({"y": "blue", "x": "red"}, ["red", "blue"])):
        bars = gf.Bars(values=parts, colors=colors)
        got = bars.bar_colors()
        assert len(got) == 2 and (expected is None or got == expected)
    with pytest.raises(gf.InputError, match="one colour per stacked column"):
        gf.Bars(values=parts, colors=["red"]).bar_colors()


def test_text_colour_is_one_colour_or_one_per_leaf():
    texts = [f"t{i}" for i in range(N)]
    per_leaf = ["red", None, "blue"] + [None] * (N - 3)
    for color, expected in (((0.1, 0.2, 0.3), [(0.1, 0.2, 0.3)] * N),
                            (per_leaf, [c or "black" for c in per_leaf])):  # unset: the style's text colour
        out = render("left", gf.Text(values=texts, color=color, show="all"), False, others=False)
        got = {t.get_text(): to_rgba(t.get_color()) for t in out.axes["left/text"].texts}
        assert [got[t] for t in texts] == [to_rgba(c) for c in expected]


def _legend_texts(out):
    return [t.get_text() for path, ax in out.axes.items() if path.endswith("legends") for t in ax.texts]


def test_stacked_bars_coloured_like_a_category_heatmap_share_its_legend_block():
    kinds = ["x", "y", "z"]
    colors = {"x": "#2a9d8f", "y": "#222222", "z": "#e63946"}
    cats = pd.DataFrame(np.array(kinds * 3).reshape(N, 1).repeat(3, axis=1), index=LABELS)
    counts = pd.DataFrame(rng.integers(0, 4, size=(N, 3)), index=LABELS, columns=kinds)

    def drawn(bars):
        tree = gf.Cross(core=gf.CategoryHeatmap.from_frame(cats, colors=colors, categories=kinds,
                                                            legend_title="alteration"),
                        right=[bars, gf.Legends()])
        return _legend_texts(gf.render(tree, figsize=(5, 4)))

    # the bars' untitled block shows what the heatmap's titled one shows: drawn once
    assert drawn(gf.Bars(values=counts, colors=[colors[k] for k in kinds])) == ["alteration", *kinds]
    # other colours, or a title of its own (the panel's name): a block of its own
    assert drawn(gf.Bars(values=counts, colors=["red", "green", "blue"])) == ["alteration", *kinds, *kinds]
    assert drawn(gf.Bars(values=counts, colors=[colors[k] for k in kinds], name="per gene")) == \
        ["alteration", *kinds, "per gene", *kinds]


def test_stacked_bars_alone_have_an_untitled_legend_block():
    parts = pd.DataFrame(rng.uniform(size=(N, 3)), index=LABELS, columns=["x", "y", "z"])
    frame = pd.DataFrame(rng.normal(size=(N, 3)), index=LABELS)
    tree = gf.Cross(core=gf.Heatmap.from_frame(frame, legend=False), left=[gf.Bars(values=parts)],
                    right=[gf.Legends()])
    assert _legend_texts(gf.render(tree, figsize=(5, 4))) == ["x", "y", "z"]
