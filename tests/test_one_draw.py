"""One Figure.draw per save when the layout is already solved for the save's dpi and size."""

from __future__ import annotations

import io

import matplotlib.figure
import matplotlib.pyplot as plt
import numpy as np
import pytest

import gridfig as gf


def count_draws(monkeypatch):
    calls = []
    real = matplotlib.figure.Figure.draw

    def draw(self, renderer):
        calls.append(renderer)
        return real(self, renderer)

    monkeypatch.setattr(matplotlib.figure.Figure, "draw", draw)
    return calls


def test_a_current_layout_is_drawn_once_per_save(monkeypatch):
    data, groups, blocks = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks, dpi=100)
    calls = count_draws(monkeypatch)
    once = io.BytesIO()
    g.savefig(once, format="png", dpi=100)
    assert len(calls) == 1
    assert isinstance(g.figure.get_layout_engine(), gf.layout.engine.GridfigEngine)  # put back
    # at another dpi the engine must run: matplotlib's dry draw, then the real one
    calls.clear()
    g.savefig(io.BytesIO(), format="png", dpi=72)
    assert len(calls) == 2 and g.rendered.job.dpi == 72
    # and the single-draw save is the same picture as matplotlib's own two-draw save
    g.savefig(io.BytesIO(), format="png", dpi=100)  # solved for 100 dpi again
    twice = io.BytesIO()
    g.figure.savefig(twice, format="png", dpi=100)
    assert np.array_equal(plt.imread(io.BytesIO(once.getvalue())), plt.imread(io.BytesIO(twice.getvalue())))
    plt.close(g.figure)


def _positions(fig):
    return [tuple(ax.get_position().bounds) for ax in fig.axes]


@pytest.mark.parametrize("fmt", ["pdf", "svg", "eps"])
def test_a_vector_save_is_drawn_once_and_as_matplotlib_would_draw_it(fmt, monkeypatch):
    import gridfig.layout.fit as fit

    data, groups, blocks = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks, dpi=100)
    ref = gf.clustermap(data, row_colors=groups, col_colors=blocks, dpi=100)
    at_100 = g.rendered.job.solution
    calls = count_draws(monkeypatch)
    once = io.BytesIO()
    g.savefig(once, format=fmt)
    assert len(calls) == 1  # solved for 72 dpi first, without drawing, then drawn once
    assert g.rendered.job.dpi == 72
    assert isinstance(g.figure.get_layout_engine(), gf.layout.engine.GridfigEngine)  # put back
    # the layout solved at 100 dpi was not current at 72: hinted text measures narrower there
    assert g.rendered.job.solution != at_100
    # matplotlib's own save: its dry draw runs the engine at 72 dpi, then it draws again
    calls.clear()
    twice = io.BytesIO()
    with gf.output._svg_salt(fmt):
        ref.figure.savefig(twice, format=fmt, metadata={"Date": None} if fmt == "svg" else
                           {"CreationDate": None, "ModDate": None} if fmt == "pdf" else None)
    assert len(calls) == 2
    # the same positions read back from both figures, the same solution, the same file
    assert _positions(g.figure) == _positions(ref.figure)
    assert g.rendered.job.solution == ref.rendered.job.solution
    if fmt != "eps":  # EPS carries a creation date
        assert once.getvalue() == twice.getvalue()
    # a second vector save finds the layout current at 72 dpi: nothing measured, one draw
    passes = []
    real = fit.measure
    monkeypatch.setattr(fit, "measure", lambda *a, **k: passes.append(1) or real(*a, **k))
    calls.clear()
    g.savefig(io.BytesIO(), format="pdf", dpi=300)  # a vector format draws at 72 whatever dpi is asked
    assert len(calls) == 1 and passes == []
    # and back at the figure's dpi on screen or in PNG, the 100-dpi layout returns
    calls.clear()
    g.savefig(io.BytesIO(), format="png", dpi=100)
    assert len(calls) == 2 and g.rendered.job.dpi == 100 and g.rendered.job.solution == at_100
    plt.close(g.figure)
    plt.close(ref.figure)


def test_a_vector_save_whose_layout_cannot_be_solved_ahead_takes_matplotlibs_way(monkeypatch):
    data, _, _ = gf.demo.seed_data()
    g = gf.clustermap(data)
    monkeypatch.setattr(gf.layout.engine, "_solve_ahead", lambda *a: False)
    calls = count_draws(monkeypatch)
    g.savefig(io.BytesIO(), format="pdf")
    assert len(calls) == 2 and g.rendered.job.dpi == 72  # the engine ran in the dry draw
    plt.close(g.figure)


def test_text_is_measured_in_as_few_passes_as_the_fixed_point_needs(monkeypatch):
    import gridfig.layout.fit as fit

    passes = []
    real = fit.measure
    monkeypatch.setattr(fit, "measure", lambda *a, **k: passes.append(1) or real(*a, **k))
    data, groups, blocks = gf.demo.seed_data()
    g = gf.clustermap(data, row_colors=groups, col_colors=blocks)  # content-sized: fixed cores
    assert len(passes) == 2  # measured with the cores' own sizes, then confirmed
    passes.clear()
    g.savefig(io.BytesIO(), format="png")
    assert passes == []  # the same dpi and size: nothing measured again
    # at another dpi: each try of the fixed point measures at most 3 times (its cap), and the try
    # that fits (as it was, or stretched where text measures differently) settles in 2
    tries = []
    real_settle = fit._settle

    def settle(*a, **k):
        start = len(passes)
        try:
            out = real_settle(*a, **k)
        except gf.LayoutError:
            tries.append((len(passes) - start, False))
            raise
        tries.append((len(passes) - start, True))
        return out

    monkeypatch.setattr(fit, "_settle", settle)
    g.savefig(io.BytesIO(), format="png", dpi=72)
    assert tries and tries[-1] == (2, True) and all(n <= 3 for n, _ in tries)
    monkeypatch.setattr(fit, "_settle", real_settle)
    passes.clear()
    f = gf.clustermap(data, row_colors=groups, col_colors=blocks, figsize=(8, 6))
    assert len(passes) == 2
    plt.close(g.figure)
    plt.close(f.figure)
