"""Gaps read back from rendered axes equal the requested length, across and down."""

import numpy as np
import pytest

import gridfig as gf
from helpers import MM, TOL, axes_inches
from panels_for_tests import Box

SIZES = [(12, 8), (4, 10), (10, 3)]
GAPS = [0, "1mm", "0.1in"]


def annotated(gap, n=15):
    rng = np.random.default_rng(0)
    labels = [f"row {i}" for i in range(n)]
    return gf.Cross(
        core=gf.Heatmap(data=rng.normal(size=(n, n))),
        left=[gf.AnnotationStrip(values=["a", "b", "c"] * (n // 3)), Box(size="12mm")],
        top=[gf.AnnotationStrip(values=list(range(n)), show_name=False), Box(size="12mm")],
        right=[gf.Labels(texts=labels), Box(size="5mm", name="extra")],
        bottom=[gf.Labels(texts=labels)],
        gap=gap,
    )


@pytest.mark.parametrize("figsize", SIZES)
@pytest.mark.parametrize("gap", GAPS)
def test_gaps_in_a_cross_are_exact(figsize, gap):
    r = gf.render(annotated(gap), figsize=figsize)
    g = gf.to_inches(gap)
    box = {p: axes_inches(ax) for p, ax in r.axes.items()}
    core = box["heatmap"]
    # (outer edge of the inner panel, inner edge of the outer panel) for each adjacent pair
    pairs = [
        (core[0], box["left/strip"][2]), (box["left/strip"][0], box["left/box"][2]),
        (box["right/labels"][0], core[2]), (box["right/extra"][0], box["right/labels"][2]),
        (box["top/strip"][1], core[3]), (box["top/box"][1], box["top/strip"][3]),
        (core[1], box["bottom/labels"][3]),
    ]
    for near, far in pairs:
        assert abs(near - far) - g == pytest.approx(0, abs=TOL)
    # side panels span exactly the core along the leaves
    for p in ("left/strip", "left/box", "right/labels"):
        assert box[p][[1, 3]] == pytest.approx(core[[1, 3]], abs=TOL)
    for p in ("top/strip", "top/box", "bottom/labels"):
        assert box[p][[0, 2]] == pytest.approx(core[[0, 2]], abs=TOL)
    # fixed tracks keep their physical size whatever the figure size
    assert box["left/box"][2] - box["left/box"][0] == pytest.approx(12 * MM, abs=TOL)
    assert box["top/box"][3] - box["top/box"][1] == pytest.approx(12 * MM, abs=TOL)
    assert box["left/strip"][2] - box["left/strip"][0] == pytest.approx(4 * MM, abs=TOL)
    assert box["right/extra"][2] - box["right/extra"][0] == pytest.approx(5 * MM, abs=TOL)


@pytest.mark.parametrize("figsize", SIZES)
@pytest.mark.parametrize("gap", GAPS)
def test_gaps_between_nodes_are_exact(figsize, gap):
    tree = gf.Column(gf.Row(Box(name="a"), Box(name="b"), Box(name="c"), gap=gap),
                     gf.Row(Box(name="d"), Box(name="e"), gap=gap), gap=gap)
    r = gf.render(tree, figsize=figsize)
    g = gf.to_inches(gap)
    box = {p: axes_inches(ax) for p, ax in r.axes.items()}
    assert box["0/b"][0] - box["0/a"][2] == pytest.approx(g, abs=TOL)
    assert box["0/c"][0] - box["0/b"][2] == pytest.approx(g, abs=TOL)
    assert box["1/e"][0] - box["1/d"][2] == pytest.approx(g, abs=TOL)
    assert box["0/a"][1] - box["1/d"][3] == pytest.approx(g, abs=TOL)


@pytest.mark.parametrize("figsize", SIZES)
def test_axes_positions_round_trip_the_solution(figsize):
    r = gf.render(annotated("1mm"), figsize=figsize)
    W, H = r.figure.get_size_inches()
    assert (W, H) == pytest.approx(figsize)
    assert set(r.axes) == set(r.solution.panels)
    for path, ax in r.axes.items():
        rect = r.rect(path)
        assert axes_inches(ax) == pytest.approx([rect.x, rect.y, rect.right, rect.top], abs=1e-9), path


def test_gridspec_spacing_does_not_leak_from_rcparams():
    import matplotlib

    with matplotlib.rc_context({"figure.subplot.wspace": 0.9, "figure.subplot.hspace": 0.9,
                                "figure.subplot.left": 0.3, "figure.subplot.top": 0.5}):
        r = gf.render(annotated("1mm"), figsize=(8, 6))
    for path, ax in r.axes.items():
        rect = r.rect(path)
        assert axes_inches(ax) == pytest.approx([rect.x, rect.y, rect.right, rect.top], abs=1e-9), path


def test_fixed_tracks_survive_set_size_inches_and_savefig_dpi(tmp_path):
    r = gf.render(annotated("1mm"), figsize=(8, 6))
    fig = r.figure
    fig.set_size_inches(11, 4)
    fig.savefig(tmp_path / "resized.png", dpi=72)  # the layout engine solves again at draw time
    box = {p: axes_inches(ax) for p, ax in r.axes.items()}
    assert box["left/box"][2] - box["left/box"][0] == pytest.approx(12 * MM, abs=TOL)
    assert box["top/box"][3] - box["top/box"][1] == pytest.approx(12 * MM, abs=TOL)
    core = box["heatmap"]
    assert core[0] - box["left/strip"][2] == pytest.approx(MM, abs=TOL)
    # the body took the new room: 11 in wide now
    assert core[2] - core[0] > 6
    for path, ax in r.axes.items():
        rect = r.rect(path)
        assert axes_inches(ax) == pytest.approx([rect.x, rect.y, rect.right, rect.top], abs=1e-9), path
