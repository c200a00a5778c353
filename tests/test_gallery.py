"""The gallery scripts in docs/ run, and what they show is read back."""

from __future__ import annotations

import runpy
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_showcase_lists_the_dots_in_the_expression_rows_groups():
    out = runpy.run_path(str(DOCS / "gallery" / "plot_showcase.py"))["showcase"]()
    rows, _ = out.leaves("expression")  # the split, clustered expression heatmap
    dots_rows, _ = out.leaves("cells")  # the dot heatmap beside it (a heatmap list)
    assert len(rows.chunks) == 3 and [c.label for c in rows.chunks] == ["glycolysis", "hypoxia", "interferon"]
    shown = [rows.labels[i] for i in rows.order]
    assert [dots_rows.labels[i] for i in dots_rows.order] == shown  # same genes, row for row, by label
    for i in range(3):  # one dot Axes per group, level with the group's cells
        a = out.axes[f"expression/heatmap[{i},0]"].get_position()
        b = out.axes[f"cells/dots[{i},0]"].get_position()
        assert np.isclose(a.y0, b.y0) and np.isclose(a.y1, b.y1)
        values = [t.get_text() for t in out.axes[f"expression/heatmap[{i},0]"].texts]
        assert len(values) == 8 * rows.chunks[i].n  # a number in every cell
    legend = [t.get_text() for t in out.axes["legend"].texts]
    assert legend.count("pathway") == 1 and "fraction" in legend
    plt.close(out.figure)


def test_the_splits_gallery_figure_has_its_groups():
    g = runpy.run_path(str(DOCS / "gallery" / "plot_splits.py"))["figure"]()
    # split_order="cluster": the three pathways in the order of their centroids' tree
    assert sorted(lab for lab, _ in g.row_groups) == ["glycolysis", "hypoxia", "interferon"]
    assert len(g.col_groups) == 3 and g.row_leaves.parent is not None
    plt.close(g.figure)


# --- every gallery example and migration-guide script runs and draws inside its figure ---------------
import sys  # noqa: E402

import pytest  # noqa: E402

SCRIPTS = sorted((DOCS / "gallery").glob("plot_*.py")) + sorted((DOCS / "migration").glob("[!_]*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[f"{p.parent.name}/{p.name}" for p in SCRIPTS])
def test_each_docs_script_draws_one_figure_with_everything_inside_it(script, monkeypatch):
    """The docs build runs these too (and fails on an error); here each figure is read back: one
    figure, a heatmap image or dots in it, and every Axes within the figure's bounds."""
    if "sklearn" in script.read_text():  # the docs extra has scikit-learn, the test extra does not
        pytest.importorskip("sklearn")
    monkeypatch.chdir(script.parent)
    monkeypatch.syspath_prepend(str(script.parent))
    sys.modules.pop("_data", None)
    plt.close("all")
    runpy.run_path(str(script), run_name="__main__")
    figures = [plt.figure(n) for n in plt.get_fignums()]
    assert len(figures) == 1, f"{script.name} drew {len(figures)} figures"
    fig = figures[0]
    fig.canvas.draw()
    assert any(ax.images or ax.collections for ax in fig.axes)
    for ax in fig.axes:
        box = ax.get_position()
        assert box.x0 >= -1e-9 and box.y0 >= -1e-9 and box.x1 <= 1 + 1e-9 and box.y1 <= 1 + 1e-9, ax
    plt.close("all")
