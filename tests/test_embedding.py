"""Drawing into part of an existing figure: the host is never resized, nothing leaves the region."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import gridfig as gf
from helpers import inside, text_boxes


def tree():
    rng = np.random.default_rng(2)
    n = 12
    return gf.Cross(core=gf.Heatmap(data=rng.normal(size=(n, 6))),
                    left=[gf.AnnotationStrip(values=list("ab" * 6), name="grp")],
                    right=[gf.Labels(texts=[f"row number {i}" for i in range(n)])],
                    bottom=[gf.Labels(texts=[f"c{j}" for j in range(6)])])


def region_ok(fig, region_px, new_axes):
    for ax in new_axes:
        assert inside(ax.get_window_extent(), region_px), ax.get_label()
    for t, b in text_boxes(fig):
        if t.axes in new_axes or any(t.axes in a.child_axes for a in new_axes):
            assert inside(b, region_px), t.get_text()


def test_into_the_bottom_right_axes_of_subplots():
    fig, axs = plt.subplots(2, 2, figsize=(9, 7))
    region = axs[1, 1].get_window_extent().frozen()
    others = [axs[0, 0], axs[0, 1], axs[1, 0]]
    r = gf.render(tree(), ax=axs[1, 1])
    assert r.figure is fig
    assert tuple(fig.get_size_inches()) == (9, 7)
    assert axs[1, 1] not in fig.axes
    new_axes = [ax for ax in fig.axes if ax not in others]
    assert set(new_axes) == set(r.axes.values())
    region_ok(fig, region, new_axes)
    # the solved rectangles are where the axes are, in figure inches
    for path, ax in r.axes.items():
        rect = r.rect(path)
        p = ax.get_position()
        assert [p.x0 * 9, p.y0 * 7, p.x1 * 9, p.y1 * 7] == pytest.approx(
            [rect.x, rect.y, rect.right, rect.top], abs=1e-9)


def test_into_a_subfigure():
    fig = plt.figure(figsize=(10, 5))
    left, right = fig.subfigures(1, 2, width_ratios=[1, 2])
    left.subplots().plot([0, 1], [0, 1])
    r = gf.render(tree(), ax=right)
    assert tuple(fig.get_size_inches()) == (10, 5)
    assert r.solution.figsize == pytest.approx((10 * 2 / 3, 5))
    region_ok(fig, right.bbox, list(r.axes.values()))


def test_into_a_subplotspec():
    fig = plt.figure(figsize=(8, 4))
    gs = fig.add_gridspec(1, 2)
    fig.add_subplot(gs[0, 0])
    r = gf.render(tree(), ax=gs[0, 1])
    assert tuple(fig.get_size_inches()) == (8, 4)
    region = gs[0, 1].get_position(fig).transformed(fig.transFigure)
    region_ok(fig, region, list(r.axes.values()))


def test_figsize_with_a_host_is_an_error():
    fig, ax = plt.subplots()
    with pytest.raises(gf.InputError, match="figsize: cannot be given"):
        gf.render(tree(), ax=ax, figsize=(3, 3))


def test_constrained_host_is_refused_with_advice():
    fig, ax = plt.subplots(layout="constrained")
    with pytest.raises(gf.InputError, match="layout='none'"):
        gf.render(tree(), ax=ax)


def test_two_renders_into_one_figure():
    fig = plt.figure(figsize=(12, 5))
    left, right = fig.subfigures(1, 2)
    a = gf.render(tree(), ax=left, letters="a")
    b = gf.render(tree(), ax=right, legend="right")
    assert tuple(fig.get_size_inches()) == (12, 5)
    region_ok(fig, left.bbox, list(a.axes.values()))
    region_ok(fig, right.bbox, list(b.axes.values()))


def test_refused_host_keeps_its_axes():
    fig, axs = plt.subplots(1, 2, layout="constrained")
    with pytest.raises(gf.InputError):
        gf.render(tree(), ax=axs[1])
    assert axs[1] in fig.axes
