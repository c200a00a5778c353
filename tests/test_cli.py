"""The ``gridfig`` command line: outputs read back, and every error is one line with no file left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgb

from gridfig import Theme, __version__, cli

ROOT = Path(__file__).resolve().parents[1]

# Rows are two clear groups, so clustering separates them; labels are out of order on purpose.
ROWS = ["g4", "g1", "g6", "g2", "g5", "g3"]
VALUES = [[9, 8, 9, 7], [1, 2, 1, 2], [8, 9, 7, 9], [2, 1, 2, 1], [9, 9, 8, 8], [1, 1, 2, 2]]
GROUP = {"g1": "low", "g2": "low", "g3": "low", "g4": "high", "g5": "high", "g6": "high"}


def write_table(path: Path, sep: str = ",") -> Path:
    lines = [sep.join(["gene", "s1", "s2", "s3", "s4"])]
    lines += [sep.join([r, *map(str, v)]) for r, v in zip(ROWS, VALUES)]
    path.write_text("\n".join(lines) + "\n")
    return path


def write_annotations(tmp_path: Path) -> tuple[Path, Path]:
    """Row annotations in another order and missing g6; column annotations as TSV."""
    rows = tmp_path / "rows.csv"
    rows.write_text("id,group,batch\n" + "".join(f"{g},{GROUP[g]},b{i % 2}\n"
                                                 for i, g in enumerate(["g3", "g1", "g5", "g2", "g4"])))
    cols = tmp_path / "cols.tsv"
    cols.write_text("sample\tcondition\ns3\ttreated\ns1\tcontrol\ns4\ttreated\ns2\tcontrol\n")
    return rows, cols


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) in pixels, read back."""
    image = mpimg.imread(path)
    return image.shape[1], image.shape[0]


# -- version, help, demo -----------------------------------------------------------------

def test_version_and_help(capsys):
    assert run(capsys, "--version")[:2] == (0, f"gridfig {__version__}\n")
    code, out, _ = run(capsys, "clustermap", "--help")
    assert code == 0 and "--row-annotations" in out and "--z-score {rows,columns}" in out


def test_demo_writes_png_of_figure_size(tmp_path, capsys, monkeypatch):
    from gridfig.demo import seed_figure

    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "demo", "--dpi", 40)  # default output name
    assert code == 0
    assert err.splitlines() == ["gridfig: drawing the demo figure ...", "gridfig: saving gridfig-demo.png ...",
                                "gridfig: saved gridfig-demo.png"]
    assert plt.get_fignums() == []  # main closed its figure
    assert sorted(os.listdir(tmp_path)) == ["gridfig-demo.png"]
    inches = seed_figure(dpi=40).figure.get_size_inches()
    assert np.allclose(png_size(tmp_path / "gridfig-demo.png"), inches * 40, atol=1)  # Agg truncates


def test_python_m_gridfig_subprocess(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "qtagg"}  # the CLI must force Agg
    out = tmp_path / "demo.png"
    done = subprocess.run([sys.executable, "-m", "gridfig", "demo", "-q", "-o", str(out), "--dpi", "30"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    assert png_size(out)[0] > 100
    done = subprocess.run([sys.executable, "-m", "gridfig", "clustermap", "-q", str(tmp_path / "nope.csv"), "-o",
                           str(tmp_path / "x.png")], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"gridfig: error: TABLE: no such file: {str(tmp_path / 'nope.csv')!r}"]
    assert sorted(os.listdir(tmp_path)) == ["demo.png"]


# -- clustermap outputs ----------------------------------------------------------------------

@pytest.mark.parametrize("name, sep, out", [("t.csv", ",", "o.png"), ("t.tsv", "\t", "o.pdf"),
                                            ("t.txt", ";", "o.png"), ("t.dat", "\t", "o.pdf")])
def test_clustermap_csv_tsv_to_png_pdf(tmp_path, capsys, name, sep, out):
    table = write_table(tmp_path / name, sep)  # .txt/.dat: the separator is sniffed
    code, _, err = run(capsys, "clustermap", "--quiet", table, "-o", tmp_path / out, "--width", "90mm",
                       "--height", "2.5in", "--dpi", 40, "--z-score", "rows", "--center", 0)
    assert (code, err) == (0, "")
    assert sorted(os.listdir(tmp_path)) == sorted([name, out])
    if out.endswith(".png"):
        assert np.allclose(png_size(tmp_path / out), (90 / 25.4 * 40, 2.5 * 40), atol=1)  # Agg truncates
    else:
        assert (tmp_path / out).read_bytes().startswith(b"%PDF")


def test_sep_forces_the_table_separator_only(tmp_path, capsys):
    table = write_table(tmp_path / "t.txt", "|")
    rows, _ = write_annotations(tmp_path)  # a .csv: still detected
    code, _, err = run(capsys, "clustermap", "-q", table, "--sep", "|", "--row-annotations", rows, "-o",
                       tmp_path / "o.svg")
    assert code == 0 and "g6" in err and (tmp_path / "o.svg").read_text().lstrip().startswith("<?xml")


def test_options_reach_clustermap(tmp_path):
    table = write_table(tmp_path / "t.csv")
    args = cli.build_parser().parse_args(
        ["clustermap", str(table), "-o", "x.png", "--no-col-cluster", "--standard-scale", "columns",
         "--cell-size", "5mm", "--metric", "cityblock", "--method", "complete", "--col-labels", "none"])
    cm = cli.make_clustermap(args)
    assert cm.col_linkage is None and list(cm.col_order) == [0, 1, 2, 3]
    assert np.allclose(cm.data.min(axis=0), 0) and np.allclose(cm.data.max(axis=0), 1)
    assert sorted(cm.row_order[:3]) in ([0, 2, 4], [1, 3, 5])  # the two groups stay together
    assert "col_labels" not in cm.axes and "row_labels" in cm.axes
    heat = cm.rendered.rect("heatmap")
    assert np.isclose(heat.width, 4 * 5 / 25.4) and np.isclose(heat.height, 6 * 5 / 25.4)


def test_annotation_strips_follow_labels(tmp_path):
    table = write_table(tmp_path / "t.csv")
    rows, cols = write_annotations(tmp_path)
    args = cli.build_parser().parse_args(["clustermap", str(table), "-o", "x.png", "--row-annotations",
                                          str(rows), "--col-annotations", str(cols)])
    with pytest.warns(UserWarning, match="g6"):
        cm = cli.make_clustermap(args)
    labels = [ROWS[i] for i in cm.row_order]
    colours = {p.name: p for p in cm.layout.left}["group"].color_map()  # what the legend shows
    image = cm.axes["left/group"].images[0].get_array()  # display order, top first
    for i, label in enumerate(labels):
        expected = to_rgb(Theme().missing_color) if label == "g6" else colours[GROUP[label]]
        assert np.allclose(image[i, 0, :3], expected), label
    assert colours["high"] != colours["low"]
    top = cm.axes["top/condition"].images[0].get_array()  # columns, left first
    col_labels = [f"s{j + 1}" for j in cm.col_order]
    cond = {"s1": "control", "s2": "control", "s3": "treated", "s4": "treated"}
    cmap = {p.name: p for p in cm.layout.top}["condition"].color_map()
    for j, label in enumerate(col_labels):
        assert np.allclose(top[0, j, :3], cmap[cond[label]]), label
    assert cmap["control"] != cmap["treated"]


def test_annotation_legends_in_svg_and_warning(tmp_path, capsys):
    table = write_table(tmp_path / "t.csv")
    rows, cols = write_annotations(tmp_path)
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # keep text as text
        code, _, err = run(capsys, "clustermap", "-q", table, "-o", tmp_path / "o.svg", "--row-annotations", rows,
                           "--col-annotations", cols, "--cbar-label", "expression")
    assert code == 0
    assert err.splitlines() and all(line.startswith("gridfig: warning: ") for line in err.splitlines())
    assert "'g6'" in err
    svg = (tmp_path / "o.svg").read_text()
    for text in ("group", "batch", "condition", "high", "low", "b0", "b1", "control", "treated",
                 "missing", "expression"):
        assert f">{text}<" in svg, text


# -- errors: one line, exit 2, nothing written ------------------------------------------------

ERRORS = {
    "missing file": (["nope.csv"], "TABLE: no such file"),
    "bad metric": (["t.csv", "--metric", "bogus"], "metric 'bogus' is unknown"),
    "non-numeric": (["bad.csv"], "column 's2' of"),
    "width alone": (["t.csv", "--width", "5"], "--width needs --height"),
    "height alone": (["t.csv", "--height", "5"], "--height needs --width"),
    "bad length": (["t.csv", "--width", "12furlongs", "--height", "3"], "--width: cannot read '12furlongs'"),
    "annotations unmatched": (["t.csv", "--row-annotations", "other.csv"], "none of the labels"),
    "wrong separator": (["t.csv", "--sep", "tab"], "no columns besides the labels"),
    "unknown format": (["t.csv", "-o", "out.xyz"], "cannot tell the format"),
    "too small": (["t.csv", "--width", "0.5", "--height", "0.5"], "too small"),
    "both scalings": (["t.csv", "--z-score", "rows", "--standard-scale", "rows"], "not allowed with"),
    "bad choice": (["t.csv", "--row-labels", "some"], "invalid choice"),
    "bad dpi": (["t.csv", "--dpi", "-3"], "positive number"),
    "empty table": (["empty.csv"], "cannot read"),
    # issue 14: each of these ran to exit 0 (a useless figure), hung, or ended in MemoryError / FreeType errors
    "centre nan": (["t.csv", "--center", "nan"], "argument --center: expected a finite number, got 'nan'"),
    "vmax inf": (["t.csv", "--vmax", "inf"], "argument --vmax: expected a finite number, got 'inf'"),
    "cell size 0": (["t.csv", "--cell-size", "0"], "--cell-size: expected a length over 0, got '0'"),
    "width 0": (["t.csv", "--width", "0", "--height", "3"], "--width: expected a length over 0, got '0'"),
    "huge dpi": (["t.csv", "--dpi", "1e6"], "argument --dpi: '1e6' is over the limit of 2400 dots per inch"),
    "huge fontsize": (["t.csv", "--fontsize", "1e5"], "argument --fontsize: '1e5' is over the limit of 72 points"),
    "too many pixels": (["t.csv", "--width", "30in", "--height", "20in", "--dpi", "2400"],
                        "would be 72,000 x 48,000 pixels, over the limit of 65,535 along a side"),
    "cells too many pixels": (["t.csv", "--cell-size", "2in", "--dpi", "2400"],
                              "the heatmap alone, of 8 x 12 in at 2400 dpi would be 19,200 x 28,800 pixels"),
    "duplicated header": (["dup.csv"], "TABLE: the column name 's2' appears twice in the header of"),
    "one long line": (["long.txt"], "TABLE: line 1 of"),
    "unknown columns": (["t.csv", "--columns", "s1,nope,s9"], "--columns: '"),
    "unknown index column": (["t.csv", "--index-col", "name"], "--index-col: '"),
    "index column number": (["t.csv", "--index-col", "7"], "--index-col: 7 is not a column number of"),
    "unwritable folder": (["t.csv", "-o", "/sys/gridfig-test.png"], "Permission denied: /sys/gridfig-test.png"),
    "unwritable order": (["t.csv", "--order-out", "/sys/order.csv"], "Permission denied: /sys/order.csv"),
    "missing parquet reader": (["t.parquet"], 'needs the pyarrow package, which is not installed: pip install'),
    "cut of 0": (["t.csv", "--row-cut", "0"], "argument --row-cut: expected a whole number of clusters"),
}


@pytest.mark.parametrize("case", ERRORS)
def test_errors_are_one_line_and_leave_nothing(tmp_path, capsys, monkeypatch, case):
    argv, message = ERRORS[case]
    write_table(tmp_path / "t.csv")
    (tmp_path / "bad.csv").write_text("gene,s1,s2\ng1,1,x\ng2,3,1\n")
    (tmp_path / "other.csv").write_text("id,group\nq1,a\nq2,b\n")
    (tmp_path / "empty.csv").write_text("")
    (tmp_path / "dup.csv").write_text("gene,s1,s2,s2\ng1,1,2,3\ng2,3,1,2\n")
    (tmp_path / "long.txt").write_text("a," * 8_000_000)  # 16 MB, one line: hung the separator sniffing
    (tmp_path / "t.parquet").write_bytes(b"PAR1")
    (tmp_path / "old.png").write_bytes(b"keep me")
    if case == "missing parquet reader":
        monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if not installed
    before = sorted(os.listdir(tmp_path))
    out = [] if "-o" in argv else ["-o", tmp_path / "old.png"]  # an existing output stays as it was
    code, _, err = run(capsys, "clustermap", "-q", *[tmp_path / a if a.endswith((".csv", ".txt", ".parquet"))
                                                      and not a.startswith("/") else a for a in argv], *out)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gridfig: error: ") and message in lines[0], err
    assert sorted(os.listdir(tmp_path)) == before  # no output, no temporary file
    assert (tmp_path / "old.png").read_bytes() == b"keep me"
    assert plt.get_fignums() == []


def test_failed_save_removes_temporary(tmp_path, capsys, monkeypatch):
    table = write_table(tmp_path / "t.csv")

    def broken(self, fname, **kwargs):  # the disk fills up half way
        fname.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", broken)
    code, _, err = run(capsys, "clustermap", "-q", table, "-o", tmp_path / "o.png")
    assert code == 2 and err == f"gridfig: error: No space left on device: {tmp_path / 'o.png'}\n"
    assert os.listdir(tmp_path) == ["t.csv"]
