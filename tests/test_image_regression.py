"""Image regression: a handful of figures against PNG baselines in tests/baseline/.

Everything else in the suite reads numbers back from the drawn figure; this
file catches what numbers miss (a panel drawn in the wrong place, a colour
or a line style changed, text cut off). The baselines are small (60 dpi) to
keep the repository light.

Compared with ``matplotlib.testing.compare.compare_images`` at an RMS
tolerance of ``TOL`` (0..255 colour levels): antialiasing differences on
every edge pixel stay well under it, while moving any one panel by 1 mm
goes well over it (both are tested below).

Regenerate the baselines after an intended change of appearance, then look
at every one before committing::

    GRIDFIG_REGENERATE=1 python -m pytest tests/test_image_regression.py

That writes tests/baseline/*.png and skips the comparisons.
"""

from __future__ import annotations

import importlib.util
import os
import warnings
from pathlib import Path

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.testing.compare import calculate_rms, compare_images

import gridfig as gf
import gridfig.demo
from test_reproducible import gallery_module

BASELINE = Path(__file__).resolve().parent / "baseline"
REGENERATE = os.environ.get("GRIDFIG_REGENERATE", "") not in ("", "0")
DPI = 60
#: RMS difference allowed, in 0..255 colour levels. Measured on the seed figure at 60 dpi: up to
#: +-8 levels of noise on every edge pixel (15 % of the image) gives 1.7; moving one panel by 1 mm
#: gives 5.0 (a two-colour strip moved along its own length) to 20 (the heatmap).
TOL = 2.0
MM = 1 / 25.4


# --- the figures -----------------------------------------------------------------------------


from test_user_panel import Bars  # noqa: E402  the panel of docs/custom_panels.md

ROOT = Path(__file__).resolve().parent.parent


def seed():
    """The README's seed figure."""
    return gridfig.demo.seed_figure(dpi=DPI)


def figure1():
    """docs/gallery/plot_figure1.py: two heatmaps sharing rows, a scatter and bars, lettered, legends on the right."""
    return gf.render(gallery_module().figure1(), figsize=("183mm", "150mm"), letters="a", legend="right", dpi=DPI)


def bars():
    """docs/custom_panels.md: a user panel on all four sides of a heatmap (built by docs/make_images.py)."""
    spec = importlib.util.spec_from_file_location("make_images", ROOT / "docs" / "make_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return gf.render(module.bars_tree(Bars), figsize=(5, 4), dpi=DPI)


def thinned_labels():
    """300 x 40 with long labels: every k-th row labelled, evenly spaced, nothing overlapping.

    Smooth values (sums of a few waves) cluster into visible blocks and
    compress well, unlike white noise.
    """
    rng = np.random.default_rng(18)
    t = np.linspace(0, 1, 40)
    phase, freq = rng.uniform(0, 2 * np.pi, (300, 1)), rng.choice([1, 2, 3], (300, 1))
    values = np.sin(2 * np.pi * freq * t + phase) + 0.15 * rng.normal(size=(300, 40))
    data = pd.DataFrame(values, index=[f"a rather long sample name number {i}" for i in range(300)],
                        columns=[f"gene of interest {j}" for j in range(40)])
    groups = pd.Series([f"cohort {i % 4}" for i in range(300)], index=data.index, name="cohort")
    return gf.clustermap(data, row_colors=groups, figsize=(9, 10), dpi=DPI)


def embedded():
    """A clustermap drawn into the bottom-right Axes of a 2 x 2 plt.subplots figure (docs/clustermap.md)."""
    data, groups, _ = gridfig.demo.seed_data()
    fig, axs = plt.subplots(2, 2, figsize=(11, 8), dpi=DPI)
    axs[0, 0].plot([1, 2, 3])
    axs[0, 1].bar(["a", "b", "c"], [3, 1, 2])
    axs[1, 0].scatter([1, 2, 3, 4], [4, 1, 3, 2])
    return gf.clustermap(data, row_colors=groups, ax=axs[1, 1])


FIGURES = {"seed": seed, "figure1": figure1, "bars": bars, "thinned_labels": thinned_labels,
           "embedded": embedded}


def render_png(name, path, *, move=None):
    """Draw figure ``name`` in matplotlib's default style and save it as PNG at ``DPI``.

    ``move=(panel, dx, dy)`` moves one panel's Axes by (dx, dy) inches first.
    """
    with plt.style.context("default"), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        out = FIGURES[name]()
        try:
            if move is not None:
                panel, dx, dy = move
                ax = out.axes[panel]
                W, H = out.figure.get_size_inches()
                p = ax.get_position()
                ax.set_position([p.x0 + dx / W, p.y0 + dy / H, p.width, p.height])
            out.savefig(path, dpi=DPI)
        finally:
            plt.close(out.figure)
    return path


def read_rgb(path):
    return (mpimg.imread(path)[..., :3] * 255).round().astype(np.int16)


# --- the comparisons -------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FIGURES))
def test_figure_matches_its_baseline(name, tmp_path):
    expected = BASELINE / f"{name}.png"
    if REGENERATE:
        BASELINE.mkdir(exist_ok=True)
        render_png(name, expected)
        pytest.skip(f"baseline written: {expected}")
    if not expected.exists():
        pytest.fail(f"no baseline {expected}; run GRIDFIG_REGENERATE=1 python -m pytest {__file__}")
    actual = render_png(name, tmp_path / f"{name}.png")
    # on failure, compare_images writes <name>-failed-diff.png next to the actual image in tmp_path
    result = compare_images(str(expected), str(actual), tol=TOL)
    assert result is None, result


def test_baselines_stay_small():
    if REGENERATE:
        pytest.skip("baselines being written")
    files = sorted(BASELINE.glob("*.png"))
    assert {p.stem for p in files} == set(FIGURES)
    total = sum(p.stat().st_size for p in files)
    assert total < 300_000, {p.name: p.stat().st_size for p in files}


# --- the tolerance: lets antialiasing noise through, catches a moved panel -------------------


def needs_baseline(name):
    path = BASELINE / f"{name}.png"
    if REGENERATE or not path.exists():
        pytest.skip("baselines being written" if REGENERATE else f"no baseline {path}")
    return path


def test_antialiasing_noise_passes(tmp_path):
    """Every edge pixel (where antialiasing happens) off by up to 8 levels stays within TOL."""
    expected = needs_baseline("seed")
    img = read_rgb(expected)
    grey = img.mean(axis=-1)
    edges = np.zeros(grey.shape, bool)
    edges[:, 1:] |= grey[:, 1:] != grey[:, :-1]
    edges[1:, :] |= grey[1:, :] != grey[:-1, :]
    noise = np.random.default_rng(0).integers(-8, 9, size=img.shape)
    noisy = np.where(edges[..., None], np.clip(img + noise, 0, 255), img).astype(np.uint8)
    actual = tmp_path / "noisy.png"
    mpimg.imsave(actual, noisy)
    assert edges.mean() > 0.05  # a real share of the image is edges
    rms = calculate_rms(img, read_rgb(actual))
    assert 1.0 < rms < TOL  # noticeable noise, still accepted
    assert compare_images(str(expected), str(actual), tol=TOL) is None


MOVES = [(panel, dx, dy) for panel in ("heatmap", "row_dendrogram", "col_dendrogram", "row_colors", "col_colors",
                                        "row_labels", "col_labels", "legends")
         for dx, dy in ((MM, 0), (0, -MM))]


@pytest.mark.parametrize("panel,dx,dy", MOVES, ids=[f"{p}-{'right' if dx else 'down'}" for p, dx, dy in MOVES])
def test_a_panel_moved_by_1mm_fails(panel, dx, dy, tmp_path):
    expected = needs_baseline("seed")
    actual = render_png("seed", tmp_path / "moved.png", move=(panel, dx, dy))
    rms = calculate_rms(read_rgb(expected), read_rgb(actual))
    assert rms > 1.5 * TOL, f"moving {panel} by 1 mm changes the image by only {rms:.2f}"
    assert compare_images(str(expected), str(actual), tol=TOL) is not None
