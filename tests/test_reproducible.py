"""Reproducible output: the same input saved twice gives the same bytes, in SVG, PDF and PNG.

``Rendered.savefig`` / ``ClusterMap.savefig`` fix matplotlib's SVG hash
salt and leave the creation dates out of SVG and PDF. Checked for the seed
figure and for a composed figure (docs/gallery/plot_figure1.py): the same figure
saved twice, two figures made from the same input in one process, and the
same again in two other Python processes with different hash seeds (so no
set or dict order of strings can leak into the files).
"""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import gridfig as gf
import gridfig.demo

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("svg", "pdf", "png")


def gallery_module():
    """docs/gallery/plot_figure1.py, imported from its path (docs/ is not a package)."""
    spec = importlib.util.spec_from_file_location("gallery_figure1", ROOT / "docs" / "gallery" / "plot_figure1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_figure():
    return gridfig.demo.seed_figure()


def composed_figure():
    return gf.render(gallery_module().figure1(), figsize=("183mm", "150mm"), letters="a", legend="right")


FIGURES = {"seed": seed_figure, "figure1": composed_figure}


def saved(figure, fmt) -> bytes:
    buf = io.BytesIO()
    figure.savefig(buf, format=fmt)
    return buf.getvalue()


def fresh_bytes(name, fmt) -> bytes:
    """A new figure, saved once (the reference every other way of saving must match)."""
    import matplotlib.pyplot as plt

    figure = FIGURES[name]()
    try:
        return saved(figure, fmt)
    finally:
        plt.close(figure.figure)


def write_outputs(directory) -> None:
    """Run in a separate process: save every figure in every format into ``directory``."""
    directory = Path(directory)
    for name in FIGURES:
        for fmt in FORMATS:
            (directory / f"{name}.{fmt}").write_bytes(fresh_bytes(name, fmt))


CASES = [(name, fmt) for name in FIGURES for fmt in FORMATS]
IDS = [f"{name}-{fmt}" for name, fmt in CASES]


@pytest.fixture(scope="module")
def reference():
    """{(figure, format): bytes} from fresh figures in this process."""
    return {(name, fmt): fresh_bytes(name, fmt) for name, fmt in CASES}


@pytest.mark.parametrize("name,fmt", CASES, ids=IDS)
def test_saving_twice_gives_the_same_bytes(name, fmt, reference):
    figure = FIGURES[name]()
    first, second = saved(figure, fmt), saved(figure, fmt)
    assert len(first) > 1000
    assert first == second
    # and a second figure made from the same input gives the same file
    assert first == reference[(name, fmt)]


def test_files_carry_no_date(reference):
    svg = reference[("seed", "svg")].decode()
    assert "<dc:date>" not in svg
    for name in FIGURES:
        pdf = reference[(name, "pdf")]
        assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf


def test_other_processes_give_the_same_bytes(reference, tmp_path):
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from test_reproducible import write_outputs; write_outputs(sys.argv[2])")
    runs = []
    for hash_seed in ("0", "4242"):  # different string hashing: set and dict orders differ
        out = tmp_path / f"hashseed-{hash_seed}"
        out.mkdir()
        env = dict(os.environ, PYTHONHASHSEED=hash_seed, MPLBACKEND="Agg")
        proc = subprocess.Popen([sys.executable, "-c", code, str(Path(__file__).parent), str(out)],
                                env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        runs.append((out, proc))
    for out, proc in runs:  # the two processes run side by side
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr.decode()[-3000:]
    for name, fmt in CASES:
        files = [(out / f"{name}.{fmt}").read_bytes() for out, _ in runs]
        assert files[0] == files[1], f"{name}.{fmt} differs between two processes"
        assert files[0] == reference[(name, fmt)], f"{name}.{fmt} differs from this process's"


def test_composed_png_does_not_depend_on_what_was_saved_before():
    """Saving SVG first (at 72 dpi) measures and draws the panels again; the PNG after it is the same.

    This caught the gallery's scatter drawing new random points on every
    call of its Plot function (fixed in ddb3e9f: data made once, outside).
    """
    direct = saved(composed_figure(), "png")
    figure = composed_figure()
    saved(figure, "svg")  # drawn at 72 dpi: measured again, the scatter drawn again
    assert saved(figure, "png") == direct
