"""The declarative API refuses bad values as clearly as clustermap does: one line, gridfig's own error,
naming the argument (and the panel's path where there is one), before anything is drawn."""

from __future__ import annotations

from fractions import Fraction

import attrs
import matplotlib.pyplot as plt
import numpy as np
import pytest

import gridfig as gf
from helpers import refused_clearly
from panels_for_tests import Box

H = gf.Heatmap(data=np.arange(30.0).reshape(6, 5))


@attrs.frozen(kw_only=True)
class Measures(gf.Panel):
    """A user panel whose measure() returns whatever it is told to."""

    result: object = None

    def measure(self, ctx):
        return self.result

    def draw(self, ax, ctx):
        pass


@attrs.frozen(kw_only=True)
class Orders(gf.Panel):
    order: tuple = ()

    def leaf_order(self):
        return np.array(self.order)

    def draw(self, ax, ctx):
        pass


def render(tree, **kw):
    return lambda: gf.render(tree, **kw)


CASES = [
    ("a leaf order that repeats a row", render(gf.Cross(core=H, left=[Orders(order=(0, 0, 1, 2, 3, 4))])),
     gf.InputError, "repeats 0; misses 5"),
    ("a short leaf order", render(gf.Cross(core=H, left=[Orders(order=(0, 1, 2))])),
     gf.InputError, "3 leaves but the core has 6 rows"),
    ("center=nan", lambda: gf.Heatmap(data=np.ones((2, 2)), center=float("nan")), gf.InputError,
     "Heatmap(center=...): expected a value (finite), got nan"),
    ("a word for vmin", lambda: gf.Heatmap(data=np.ones((2, 2)), vmin="low"), gf.InputTypeError,
     "Heatmap(vmin=...): expected a colour limit, got str 'low'"),
    ("weight=0", lambda: gf.Cross(core=H, weight=0), gf.InputError, "Cross(weight=...): expected a share"),
    ("negative weight", lambda: gf.Row(H, H, weight=-1), gf.InputError, "Row(weight=...)"),
    ("NaN weight", lambda: gf.Cross(core=H, weight=float("nan")), gf.InputError, "(finite), got nan"),
    ("width=0", lambda: gf.Cross(core=H, width=0), gf.InputError, "Cross(width=...): a size must be more than 0"),
    ("measure() negative", render(gf.Cross(core=H, left=[Measures(result=gf.Extent(thickness=-1.0))])),
     gf.InputError, "left/panel: Measures.measure() returned thickness=-1.0"),
    ("measure() NaN", render(gf.Cross(core=H, left=[Measures(result=gf.Extent(thickness=float("nan")))])),
     gf.InputError, "returned thickness=nan"),
    ("measure() None", render(gf.Cross(core=H, left=[Measures(result=None)])), gf.InputError,
     "left/panel: Measures.measure() must return an Extent, got NoneType"),
    ("figsize as one string", render(H, figsize="64"), gf.InputError, "figsize: expected (width, height)"),
    ("figsize of three", render(H, figsize=(6, 4, 2)), gf.InputError, "figsize: expected (width, height)"),
    ("figsize of zero", render(H, figsize=(0, 4)), gf.InputError, "figsize: the width must be more than 0"),
    ("dpi=0", render(H, dpi=0), gf.InputError, "dpi: expected a positive number"),
    ("fontsize 0", lambda: gf.Theme(fontsize=0), gf.InputError, "Theme(fontsize=...): expected a font size"),
    ("negative label fontsize", lambda: gf.Labels(texts=["a"], fontsize=-2), gf.InputError,
     "Labels(fontsize=...)"),
    ("a name with a slash", lambda: Box(name="a/x"), gf.InputError, "cannot be empty or hold '/'"),
    ("a node name with a slash", lambda: gf.Cross(core=H, name="a/x"), gf.InputError, "Cross(name=...)"),
    ("a string theme", render(H, theme="dark"), gf.InputTypeError, "theme: expected a gridfig.Theme"),
    ("an int for letters", render(H, letters=1), gf.InputTypeError, "letters: expected a style"),
    ("letters with no letter", render(H, letters="(1)"), gf.InputError, "letters: the style '(1)' needs an 'a'"),
    ("a non-callable Plot", lambda: gf.Plot(func=3), gf.InputTypeError, "Plot(func=...): expected a function"),
    ("a string for a linkage", lambda: gf.Dendrogram(linkage="ward"), gf.InputError,
     "linkage: expected an (n-1, 4) linkage matrix of numbers, got str 'ward'"),
    ("a word for rotation", lambda: gf.Labels(texts=["a"], rotation="up"), gf.InputError,
     "rotation: expected a number of degrees or 'auto'"),
]


@pytest.mark.parametrize("call, kind, text", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_tree_values_are_refused_clearly_before_drawing(call, kind, text):
    assert isinstance(refused_clearly(call, kind, text), gf.GridfigError)


def test_solve_takes_the_lengths_render_takes_and_any_real_number_is_inches():
    a = gf.solve(H, ("160mm", "120mm"))
    b = gf.solve(H, (160 / 25.4, 120 / 25.4))
    assert a.figsize == pytest.approx(b.figsize)
    c = gf.solve(gf.Cross(core=H, left=[Box(size=Fraction(1, 2))]), (Fraction(4), 3))
    assert c.panels["left/box"].width == pytest.approx(0.5) and c.figsize == (4.0, 3.0)


def test_embedding_failure_leaves_the_host_as_it_was():
    fig, axs = plt.subplots(2, 2, layout="none")
    before = list(fig.axes)
    with pytest.raises(gf.InputError):
        gf.render(gf.Cross(core=H, left=[Measures(result=None)]), ax=axs[0, 1])
    assert list(fig.axes) == before  # the user's Axes is still there; nothing half-drawn was left
    plt.close(fig)


def test_a_panel_failing_while_drawing_into_a_host_puts_the_host_back():
    @attrs.frozen(kw_only=True)
    class Fails(gf.Panel):
        def draw(self, ax, ctx):
            raise RuntimeError("panel bug")

    fig, axs = plt.subplots(2, 2, layout="none")
    axs[0, 1].plot([0, 1])
    before = set(fig.axes)
    with pytest.raises(RuntimeError, match="panel bug"):
        gf.render(gf.Cross(core=H, left=[Fails()]), ax=axs[0, 1])
    assert set(fig.axes) == before and axs[0, 1].lines  # the user's Axes is back, with its line
    gf.render(gf.Cross(core=H), ax=axs[1, 0])  # and the figure can still be drawn into
    fig.canvas.draw()
    plt.close(fig)
