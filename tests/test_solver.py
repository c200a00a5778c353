"""Table-driven solver tests with exact numbers; no Figure is created."""

import matplotlib.figure
import pytest

import gridfig as gf
from gridfig.layout.tracks import Track, resolve
from panels_for_tests import Box


def B(size=None, name=None):
    return Box(size=size, name=name)


CASES = [
    # (id, tree, figsize, margin, {path: (x, y, w, h)})
    ("single panel fills the figure", B(), (4, 3), 0, {"box": (0, 0, 4, 3)}),
    ("margin on all four sides", B(), (4, 3), 0.25, {"box": (0.25, 0.25, 3.5, 2.5)}),
    ("side stacks outward from the core",
     gf.Cross(core=B(name="core"), left=[B(1), B(0.5)], right=[B(0.5)], top=[B(0.25)], bottom=[B(0.4)], gap=0.1),
     (10, 5), 0,
     {"core": (1.7, 0.5, 7.7, 4.15),
      "left/box": (0.6, 0.5, 1, 4.15), "left/box_2": (0, 0.5, 0.5, 4.15),
      "right/box": (9.5, 0.5, 0.5, 4.15),
      "top/box": (1.7, 4.75, 7.7, 0.25), "bottom/box": (1.7, 0, 7.7, 0.4)}),
    ("row: flexible cores share what is left, gap between nodes",
     gf.Row(gf.Cross(core=B(name="a"), left=[B(1)], gap=0.1), gf.Cross(core=B(name="b")), gap=0.2),
     (10, 4), 0,
     {"0/a": (1.1, 0, 4.35, 4), "0/left/box": (0, 0, 1, 4), "1/b": (5.65, 0, 4.35, 4)}),
    ("row: cores align although only one has a top stack",
     gf.Row(gf.Cross(core=B(name="a"), top=[B(0.5)], gap=0.1), gf.Cross(core=B(name="b")), gap=0),
     (8, 4), 0,
     {"0/a": (0, 0, 4, 3.4), "0/top/box": (0, 3.5, 4, 0.5), "1/b": (4, 0, 4, 3.4)}),
    ("row: weights", gf.Row(gf.Cross(core=B(), weight=1), gf.Cross(core=B(), weight=3), gap=0), (8, 2), 0,
     {"0/box": (0, 0, 2, 2), "1/box": (2, 0, 6, 2)}),
    ("column: fixed height on top, flexible below",
     gf.Column(gf.Cross(core=B(), height=1), gf.Cross(core=B()), gap=0.5), (3, 5), 0,
     {"0/box": (0, 4, 3, 1), "1/box": (0, 0, 3, 3.5)}),
    ("column: cores align left and right",
     gf.Column(gf.Cross(core=B(name="a"), left=[B(0.7)], gap=0.1), gf.Cross(core=B(name="b"), right=[B(0.3)], gap=0.1),
               gap=0.2), (6, 4.2), 0,
     {"0/a": (0.8, 2.2, 4.8, 2), "1/b": (0.8, 0, 4.8, 2), "0/left/box": (0, 2.2, 0.7, 2),
      "1/right/box": (5.7, 0, 0.3, 2)}),
    ("size derived from fixed cores", gf.Cross(core=B(), width=2, height=1, left=[B(0.5)], gap=0.25),
     None, 0.1, {"box": (0.85, 0.1, 2, 1), "left/box": (0.1, 0.1, 0.5, 1)}),
    ("fixed cores in a larger figure are centred", gf.Cross(core=B(), width=2, height=1), (4, 3), 0,
     {"box": (1, 1, 2, 1)}),
    ("nested rows and columns",
     gf.Row(gf.Column(B(name="a"), B(name="b"), gap=0), gf.Cross(core=B(name="c"), width=1), gap=0),
     (5, 4), 0,
     {"0/a": (0, 2, 4, 2), "0/b": (0, 0, 4, 2), "1/c": (4, 0, 1, 4)}),
]


@pytest.mark.parametrize("tree, figsize, margin, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_solver_exact_rectangles(tree, figsize, margin, expected, monkeypatch):
    def no_figure(*a, **k):
        raise AssertionError("the solver must not create a Figure")

    monkeypatch.setattr(matplotlib.figure.Figure, "__init__", no_figure)
    sol = gf.solve(tree, figsize, margin=margin)
    for path, (x, y, w, h) in expected.items():
        r = sol.panels[path]
        assert (r.x, r.y, r.width, r.height) == pytest.approx((x, y, w, h), abs=1e-12), path


def test_derived_figure_size():
    sol = gf.solve(gf.Cross(core=B(), width=2, height=1, left=[B(0.5)], gap=0.25), None, margin=0.1)
    assert sol.figsize == pytest.approx((0.1 + 0.5 + 0.25 + 2 + 0.1, 1.2))


def test_extents_reserve_overhang():
    tree = gf.Cross(core=B(name="core"), left=[B(0.3)], gap=0.1)
    ext = {"left/box": gf.Extent(thickness=0.3, before=0.2, after=0.4)}
    sol = gf.solve(tree, (5, 5), ext)
    core = sol.panels["core"]
    assert core.top == pytest.approx(5 - 0.2) and core.y == pytest.approx(0.4)


def test_too_small_figure_is_a_clear_error():
    tree = gf.Cross(core=B(), left=[B(3)], right=[B(3)])
    with pytest.raises(gf.LayoutError, match="figure width 5.000 in is too small"):
        gf.solve(tree, (5, 5))


@pytest.mark.parametrize("tracks, total, sizes", [
    ([Track(fixed=1), Track(), Track(weight=3)], 9, [1, 2, 6]),
    ([Track(), Track(minimum=5)], 6, [1, 5]),
    ([Track(fixed=1), Track(fixed=2)], 10, [1, 2]),
    ([Track(weight=0, minimum=0.5), Track()], 3, [0.5, 2.5]),
])
def test_track_resolver(tracks, total, sizes):
    assert resolve(tracks, total) == pytest.approx(sizes)


def test_track_resolver_refuses_too_little_room():
    with pytest.raises(gf.LayoutError, match="needs 3.000 in"):
        resolve([Track(fixed=1), Track(fixed=2)], 2)


def test_paths_are_readable_and_unique():
    tree = gf.Row(gf.Cross(core=B(name="heat"), left=[B(), B()], top=[B(name="tree")], name="a"), B(name="plot"))
    assert tree.paths() == ["", "a", "a/heat", "a/left/box", "a/left/box_2", "a/top/tree", "plot"]


def test_operators_build_the_same_tree():
    a, b, c = B(name="a"), B(name="b"), B(name="c")
    assert (a_node := gf.Cross(core=a)) | b | c == gf.Row(a_node, b, c)
    assert (gf.Cross(core=a) / b).paths() == gf.Column(gf.Cross(core=a), b).paths() == ["", "0", "0/a", "b"]
    assert (a / gf.Cross(core=b)).paths() == ["", "a", "1", "1/b"]
