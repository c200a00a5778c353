"""Random trees with random invalid values mixed in: each is either refused with gridfig's own error,
naming the argument, before any figure is made -- or drawn, and read back right (issue: validation
as one mechanism, for the declarative API as well as for clustermap)."""

from __future__ import annotations

import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

import gridfig as gf
from panels_for_tests import Box

NAN, INF = float("nan"), float("inf")

#: field -> (valid values, invalid values); an invalid value's error must name the field
FIELDS = {
    "gap": ([0.0, 0.04, "1mm", "2pt"], [-1, NAN, INF, "wide", "3 parsecs"]),
    "width": ([None, None, 1.2, "30mm"], [0, -2, NAN, INF, "x"]),
    "height": ([None, None, 1.0, "25mm"], [0, -2, NAN, "y"]),
    "weight": ([1.0, 2.0], [0, -1, NAN, "heavy"]),
    "size": ([0.1, 0.25, "4mm"], [-0.1, NAN, INF, "big"]),
    "fontsize": ([None, 6, 9], [0, -1, NAN, "big"]),
    "rotation": ([0, 90], ["up", NAN, INF]),
    "vmin": ([None, -1.0], ["low", NAN]),
    "center": ([None, 0.0], [NAN, "mid"]),
    "figsize": ([None, (14, 11)], ["64", (6, 4, 2), (0, 4), (-1, 3), ("a", 3), (NAN, 3)]),
    "dpi": ([None, 72, 100], [0, -5, "high", NAN]),
    "margin": ([0.1, "2mm"], [-1, "x", NAN]),
    "theme": ([None, gf.Theme(fontsize=7)], ["dark", 3]),
    "letters": ([None, "a", "(A)"], [1, "(1)"]),
}


@st.composite
def trees(draw):
    bad: list[str] = []  # the names of the fields given an invalid value
    # half the trees are all valid; the rest have a few invalid values somewhere
    rate = draw(st.sampled_from([0.0, 0.0, 0.03, 0.1]), label="share of invalid values")

    def value(name):
        valid, invalid = FIELDS[name]
        if rate and draw(st.floats(0, 1), label=f"{name} invalid?") < rate:
            bad.append(name)
            return draw(st.sampled_from(invalid), label=name)
        return draw(st.sampled_from(valid), label=name)

    def cross(k):
        n, m = draw(st.integers(2, 6)), draw(st.integers(2, 6))
        data = np.arange(n * m, dtype=float).reshape(n, m) - n * m / 2
        spec = dict(core=("heatmap", n, m, value("vmin"), value("center")), gap=value("gap"),
                    width=value("width"), height=value("height"), weight=value("weight"), name=f"n{k}", sides={})
        for side, count in (("left", n), ("right", n), ("top", m), ("bottom", m)):
            items = []
            for j in range(draw(st.integers(0, 2))):
                if draw(st.booleans()):
                    items.append(("box", f"box{j}", value("size")))
                else:
                    texts = [f"{side[0]}{i}" for i in range(count)]
                    items.append(("labels", f"labels{j}", texts, value("fontsize"), value("rotation")))
            spec["sides"][side] = items
        return spec, data

    crosses = [cross(k) for k in range(draw(st.integers(1, 3)))]
    line = draw(st.sampled_from(["row", "column"]))
    render = {name: value(name) for name in ("figsize", "dpi", "margin", "theme", "letters")}
    return crosses, line, render, bad


def build(crosses, line):
    nodes = []
    for spec, data in crosses:
        _, n, m, vmin, center = spec["core"]
        sides = {}
        for side, items in spec["sides"].items():
            sides[side] = [Box(name=it[1], size=it[2]) if it[0] == "box" else
                           gf.Labels(name=it[1], texts=it[2], fontsize=it[3], rotation=it[4]) for it in items]
        nodes.append(gf.Cross(core=gf.Heatmap(data=data, vmin=vmin, center=center), gap=spec["gap"],
                              width=spec["width"], height=spec["height"], weight=spec["weight"],
                              name=spec["name"], **sides))
    return (gf.Row if line == "row" else gf.Column)(*nodes, gap="3mm")


def inches(ax):
    fig = ax.get_figure(root=True)
    W, H = fig.get_size_inches()
    p = ax.get_position()
    return p.x0 * W, p.y0 * H, p.x1 * W, p.y1 * H


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_random_trees_are_refused_clearly_or_drawn_right(case):
    crosses, line, render_args, bad = case
    note(f"invalid: {bad}")
    before = set(plt.get_fignums())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", gf.GridfigWarning)  # thinned labels are said; not the point here
            out = gf.render(build(crosses, line), **render_args)
    except gf.LayoutError as e:
        # a valid tree in a figure too small for it: said with the size that would fit, nothing drawn
        assert not bad and render_args["figsize"] is not None and "too small" in str(e), e
        event("valid, refused: figure too small")
        assert set(plt.get_fignums()) == before
        return
    except gf.GridfigError as e:
        assert bad, f"a valid tree was refused: {e}"
        message = str(e)
        assert any(name in message for name in bad), (bad, message)
        assert "\n" not in message.strip() and len(message) < 400, message  # one clear line
        assert set(plt.get_fignums()) == before, "a figure was made before the error"
        event("invalid, refused")
        return
    assert not bad, f"invalid {bad} were drawn"
    event("valid, drawn and read back")
    try:
        check_drawn(out, crosses, line)
    finally:
        plt.close(out.figure)


def check_drawn(out, crosses, line):
    fig = out.figure
    W, H = fig.get_size_inches()
    boxes = {path: inches(ax) for path, ax in out.axes.items()}
    for path, (x0, y0, x1, y1) in boxes.items():
        assert -1e-9 <= x0 <= x1 <= W + 1e-9 and -1e-9 <= y0 <= y1 <= H + 1e-9, (path, W, H)
    items = list(boxes.items())
    for k, (p, a) in enumerate(items):
        for q, b in items[k + 1:]:
            assert not (min(a[2], b[2]) - max(a[0], b[0]) > 1e-9 and min(a[3], b[3]) - max(a[1], b[1]) > 1e-9), (p, q)
    for spec, data in crosses:
        node = spec["name"]
        core = boxes[f"{node}/heatmap"]
        # the body is the data, in order
        np.testing.assert_array_equal(out.axes[f"{node}/heatmap"].images[0].get_array(), data)
        for key, axis in (("width", 0), ("height", 1)):
            asked = spec[key]
            if asked is not None:
                want = gf.to_inches(asked)
                assert math.isclose(core[2 + axis] - core[axis], want, abs_tol=1e-9), (node, key)
        gap = gf.to_inches(spec["gap"])
        for side, items in spec["sides"].items():
            inner = core
            for item in items:
                r = boxes[f"{node}/{side}/{item[1]}"]
                if item[0] == "box":  # its size, exactly
                    thick = r[2] - r[0] if side in ("left", "right") else r[3] - r[1]
                    assert math.isclose(thick, gf.to_inches(item[2]), abs_tol=1e-9), (node, side, item)
                else:  # every label drawn names its own leaf, in order
                    drawn = [t.get_text() for t in out.axes[f"{node}/{side}/{item[1]}"].texts]
                    assert drawn and all(t in item[2] for t in drawn)
                    assert drawn == sorted(drawn, key=item[2].index)
                # each panel exactly `gap` from the one inside it
                between = {"left": inner[0] - r[2], "right": r[0] - inner[2],
                           "top": r[1] - inner[3], "bottom": inner[1] - r[3]}[side]
                assert math.isclose(between, gap, abs_tol=1e-9), (node, side, item[1], between, gap)
                inner = r
