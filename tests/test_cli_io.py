"""The command line's inputs and outputs, read back: stdin/stdout, compressed, Parquet and Excel tables,
--index-col, --columns, --transpose, --order-out, progress lines, --debug and the memory advice."""

from __future__ import annotations

import bz2
import csv
import gzip
import lzma
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import gridfig.clustering
from gridfig import cli
from test_cli import GROUP, ROWS, VALUES, run, write_table

ROOT = Path(__file__).resolve().parents[1]
COLS = ["s1", "s2", "s3", "s4"]


def frame() -> pd.DataFrame:
    return pd.DataFrame(VALUES, index=pd.Index(ROWS, name="gene"), columns=COLS)


def read_order(path: Path) -> dict:
    """{axis: [(position, label, group), ...]} from an --order-out file, checking its header."""
    with open(path, newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["axis", "position", "label", "group"]
    out: dict = {"row": [], "col": []}
    for axis, position, label, group in rows[1:]:
        out[axis].append((int(position), label, group))
    for axis in out:
        assert [p for p, _, _ in out[axis]] == list(range(len(out[axis])))
    return out


def labels(order: dict, axis: str) -> list:
    return [label for _, label, _ in order[axis]]


def drawn(capsys, tmp_path, table, *options) -> dict:
    """Run clustermap on ``table`` and return the order it drew (read back from --order-out)."""
    code, _, err = run(capsys, "clustermap", "-q", table, "-o", tmp_path / "o.png", "--dpi", 30,
                       "--order-out", tmp_path / "order.csv", *options)
    assert (code, err) == (0, "")
    assert (tmp_path / "o.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return read_order(tmp_path / "order.csv")


def gridfig_process(*argv, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    return subprocess.run([sys.executable, "-m", "gridfig", *map(str, argv)], input=stdin, env=env,
                          capture_output=True, timeout=120)


# -- --order-out ---------------------------------------------------------------------------------

def test_order_out_is_the_drawn_order(tmp_path, capsys):
    table = write_table(tmp_path / "t.csv")
    order = drawn(capsys, tmp_path, table)
    args = cli.build_parser().parse_args(["clustermap", str(table), "-o", "x.png"])
    cm = cli.make_clustermap(args)
    assert labels(order, "row") == [ROWS[i] for i in cm.row_order]
    assert labels(order, "col") == [COLS[j] for j in cm.col_order]
    assert {g for _, _, g in order["row"] + order["col"]} == {""}  # no groups without a cut
    # the drawn heatmap shows the rows in that order: its first image row is the first CSV row
    image = cm.axes["heatmap"].images[0].get_array()
    first = ROWS.index(labels(order, "row")[0])
    assert np.allclose(np.asarray(image[0]), np.asarray(VALUES[first], float)[cm.col_order])


def test_order_out_to_stdout(tmp_path, capsys):
    table = write_table(tmp_path / "t.csv")
    drawn(capsys, tmp_path, table)
    code, out, err = run(capsys, "clustermap", "-q", table, "-o", tmp_path / "o.png", "--order-out", "-")
    assert (code, err) == (0, "") and out == (tmp_path / "order.csv").read_text()
    code, out, err = run(capsys, "clustermap", "-q", table, "-o", "-", "--order-out", "-")
    assert (code, out) == (2, "") and err.startswith("gridfig: error: --order-out: standard output already")


def test_order_out_groups_from_cuts(tmp_path, capsys):
    order = drawn(capsys, tmp_path, write_table(tmp_path / "t.csv"), "--row-cut", 2, "--col-cut", 1)
    groups = {label: group for _, label, group in order["row"]}
    assert sorted(set(groups.values())) == ["1", "2"]
    for a in ROWS:  # the cut separates the high rows from the low ones
        for b in ROWS:
            assert (groups[a] == groups[b]) == (GROUP[a] == GROUP[b]), (a, b)
    assert {g for _, _, g in order["col"]} == {"1"}


def test_row_split_by_an_annotation_column_and_col_split_by_k(tmp_path, capsys):
    rows = tmp_path / "rows.csv"  # every row has a group (in another order than the table)
    rows.write_text("id,group\n" + "".join(f"{g},{GROUP[g]}\n" for g in sorted(ROWS)))
    order = drawn(capsys, tmp_path, write_table(tmp_path / "t.csv"), "--row-annotations", rows,
                  "--row-split", "group", "--col-split", "2", "--split-titles")
    groups = [g for _, _, g in order["row"]]
    # each group drawn together, in the groups' natural order, every row in the group its table gives
    assert groups == sorted(groups) and set(groups) == {"high", "low"}
    assert all(GROUP[label] == g for _, label, g in order["row"])
    assert sorted({g for _, _, g in order["col"]}) == ["1", "2"]


def test_a_split_naming_a_missing_column_is_one_line(tmp_path, capsys):
    from test_cli import write_annotations

    rows, _ = write_annotations(tmp_path)
    code, out, err = run(capsys, "clustermap", "-q", write_table(tmp_path / "t.csv"), "-o", tmp_path / "o.png",
                         "--row-annotations", rows, "--row-split", "tissue")
    assert code == 2 and err.startswith("gridfig: error: --row-split: --row-annotations has no column 'tissue'")
    assert not (tmp_path / "o.png").exists()
    # a row without a group is named, as in the library
    code, out, err = run(capsys, "clustermap", "-q", write_table(tmp_path / "t.csv"), "-o", tmp_path / "o.png",
                         "--row-annotations", rows, "--row-split", "group")
    assert code == 2 and err == "gridfig: error: --row-split: 1 of the data's 6 rows have no group: 'g6'\n"


@pytest.mark.parametrize("options, message", [
    (("--row-cut", "3", "--row-split", "2"),
     "--row-cut: colours one tree by a cut, but the rows are split into groups (each with its own tree); "
     "drop --row-cut, or split by the cut: --row-split 3"),
    (("--row-split", "0"), "--row-split: 0 groups asked for, but there are 6 rows; k must be 1 to 6"),
    (("--split-order", "cluster"), "--split-order: neither the rows nor the columns are split; give --row-split "
     "or --col-split, or drop --split-order"),
    (("--row-split", "2", "--split-order", "cluster", "--row-split-order", "natural"),
     "--row-split-order: conflicts with --split-order cluster, which orders the groups of both axes; give "
     "--split-order for both, or --row-split-order / --col-split-order for each"),
    (("--col-split-order", "cluster", "--row-split", "2"),
     "--col-split-order: the columns are not split; give --col-split too, or drop --col-split-order"),
    (("--split-titles",), "--split-titles: neither --row-split nor --col-split is given, so there are no groups"),
    (("--split-gap", "3mm"), "--split-gap: neither --row-split nor --col-split is given, so there are no groups"),
])
def test_split_errors_name_the_commands_options(tmp_path, capsys, options, message):
    code, out, err = run(capsys, "clustermap", "-q", write_table(tmp_path / "t.csv"), "-o", tmp_path / "o.png",
                         *options)
    assert (code, err) == (2, f"gridfig: error: {message}\n")
    assert not (tmp_path / "o.png").exists()


def test_split_warnings_name_the_commands_options(tmp_path, capsys):
    rows = tmp_path / "rows.csv"  # a score per row: one group each
    rows.write_text("id,score\n" + "".join(f"{g},{i + 0.5}\n" for i, g in enumerate(ROWS)))
    code, out, err = run(capsys, "clustermap", "-q", write_table(tmp_path / "t.csv"), "-o", tmp_path / "o.png",
                         "--row-annotations", rows, "--row-split", "score")
    assert code == 0
    assert "gridfig: warning: --row-split: 6 groups for 6 rows, one row each: a split is by categories (each " \
           "value is a group, and a group of one row has no tree); to group similar rows give --row-split k (a " \
           "cut of the tree) or --row-split kmeans:k, or bin a continuous value first (pandas.cut)" in err.splitlines()


def test_split_order_natural_is_the_librarys_natural_for_kmeans_too(tmp_path, capsys):
    import gridfig as gf

    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 20)) + np.repeat(rng.normal(size=(4, 20)) * 2, 30, axis=0)
    data = pd.DataFrame(X[rng.permutation(120)], index=[f"r{i}" for i in range(120)],
                        columns=[f"c{j}" for j in range(20)])
    table = tmp_path / "t.csv"
    data.to_csv(table)
    quiet = ("--row-labels", "none", "--col-labels", "none")
    natural = drawn(capsys, tmp_path, table, *quiet, "--row-split", "kmeans:4", "--split-order", "natural")
    default = drawn(capsys, tmp_path, table, *quiet, "--row-split", "kmeans:4")
    rows_only = drawn(capsys, tmp_path, table, *quiet, "--row-split", "kmeans:4", "--col-split", "3",
                      "--row-split-order", "natural")
    for order, kwargs in ((natural, dict(split_order="natural")), (default, {}),
                          (rows_only, dict(col_split=3, row_split_order="natural"))):
        g = gf.clustermap(data, row_split="kmeans:4", **kwargs)
        assert labels(order, "row") == list(data.index[g.row_order])
        assert labels(order, "col") == list(data.columns[g.col_order])
        plt.close(g.figure)
    assert labels(natural, "row") != labels(default, "row")  # k-means groups are clustered unless natural
    assert labels(rows_only, "row") == labels(natural, "row")


def test_demo_to_stdout_as_pdf(capsysbinary):
    code = cli.main(["demo", "-q", "-o", "-", "--format", "pdf"])
    out, err = capsysbinary.readouterr()
    assert (code, err) == (0, b"") and out.startswith(b"%PDF") and b"/CreationDate" not in out


# -- kinds of table -------------------------------------------------------------------------------

def compress(path: Path, kind: str) -> Path:
    data = path.read_bytes()
    target = Path(f"{path}.{kind}")
    if kind == "zip":
        with zipfile.ZipFile(target, "w") as z:
            z.writestr(path.name, data)
    else:
        target.write_bytes({"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}[kind](data))
    path.unlink()
    return target


@pytest.mark.parametrize("kind", ["gz", "bz2", "xz", "zip"])
@pytest.mark.parametrize("name", ["t.csv", "t.tsv", "t.txt"])
def test_compressed_tables(tmp_path, capsys, kind, name):
    plain = drawn(capsys, tmp_path, write_table(tmp_path / "plain.csv"))
    table = compress(write_table(tmp_path / name, "\t" if name.endswith(".tsv") else ","), kind)
    assert drawn(capsys, tmp_path, table) == plain


def test_compressed_garbage_and_zips_of_two_files(tmp_path, capsys):
    (tmp_path / "t.csv.gz").write_bytes(b"not gzip at all")
    code, _, err = run(capsys, "clustermap", "-q", tmp_path / "t.csv.gz", "-o", tmp_path / "o.png")
    assert code == 2 and err.startswith(f"gridfig: error: TABLE: cannot read as gzip data from "
                                        f"{str(tmp_path / 't.csv.gz')!r}: ")
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as z:
        z.writestr("a.csv", "x")
        z.writestr("b.csv", "y")
    code, _, err = run(capsys, "clustermap", "-q", tmp_path / "two.zip", "-o", tmp_path / "o.png")
    assert code == 2 and "holds 2 files ('a.csv', 'b.csv')" in err
    assert sorted(os.listdir(tmp_path)) == ["t.csv.gz", "two.zip"]


def test_parquet(tmp_path, capsys):
    pytest.importorskip("pyarrow")
    plain = drawn(capsys, tmp_path, write_table(tmp_path / "plain.csv"))
    frame().to_parquet(tmp_path / "t.parquet")  # the labels are the stored index
    assert drawn(capsys, tmp_path, tmp_path / "t.parquet") == plain
    frame().reset_index().to_parquet(tmp_path / "t2.pq", index=False)  # the labels are a column
    assert drawn(capsys, tmp_path, tmp_path / "t2.pq") == plain


def test_excel(tmp_path, capsys):
    pytest.importorskip("openpyxl")
    plain = drawn(capsys, tmp_path, write_table(tmp_path / "plain.csv"))
    frame().to_excel(tmp_path / "t.xlsx")
    assert drawn(capsys, tmp_path, tmp_path / "t.xlsx") == plain


@pytest.mark.parametrize("suffix, package, extra", [(".parquet", "pyarrow", "parquet"),
                                                    (".xlsx", "openpyxl", "excel")])
def test_a_missing_reader_is_named_with_its_extra(tmp_path, capsys, monkeypatch, suffix, package, extra):
    monkeypatch.setitem(sys.modules, package, None)  # import fails, as if not installed
    (tmp_path / f"t{suffix}").write_bytes(b"whatever")
    code, _, err = run(capsys, "clustermap", "-q", tmp_path / f"t{suffix}", "-o", tmp_path / "o.png")
    assert code == 2
    assert err == (f"gridfig: error: TABLE: reading {str(tmp_path / f't{suffix}')!r} needs the {package} "
                   f'package, which is not installed: pip install "gridfig[{extra}]"\n')


def test_a_binary_file_without_its_extension_is_not_guessed(tmp_path, capsys):
    (tmp_path / "t.bin").write_bytes(b"\x89\x00\xff")
    code, _, err = run(capsys, "clustermap", "-q", tmp_path / "t.bin", "-o", tmp_path / "o.png")
    assert code == 2
    assert err == (f"gridfig: error: TABLE: {str(tmp_path / 't.bin')!r} is not UTF-8 text (byte 0x89 at offset 0); "
                   "Parquet and Excel tables are read by their extension (.parquet, .xlsx)\n")


# -- choosing rows and columns --------------------------------------------------------------------

def test_index_col_by_name_and_number_keeps_labels_as_text(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("s1,gene,s2,s3,s4\n" + "".join(f"{v[0]},00{i},{v[1]},{v[2]},{v[3]}\n"
                                                  for i, v in enumerate(VALUES)))
    by_name = drawn(capsys, tmp_path, table, "--index-col", "gene")
    assert sorted(labels(by_name, "row")) == [f"00{i}" for i in range(6)]  # 007 stays 007, not 7
    assert sorted(labels(by_name, "col")) == COLS
    assert drawn(capsys, tmp_path, table, "--index-col", 1) == by_name


def test_columns_subset_in_order_and_transpose(tmp_path, capsys):
    table = write_table(tmp_path / "t.csv")
    order = drawn(capsys, tmp_path, table, "--columns", "s3,s1", "--no-col-cluster")
    assert labels(order, "col") == ["s3", "s1"]
    order = drawn(capsys, tmp_path, table, "--transpose")
    assert sorted(labels(order, "row")) == COLS and sorted(labels(order, "col")) == sorted(ROWS)
    code, _, err = run(capsys, "clustermap", "-q", table, "-o", tmp_path / "o.png", "--columns", "s1,x,y")
    assert code == 2 and err == (f"gridfig: error: --columns: {str(table)!r} has no columns 'x', 'y'; "
                                 "its data columns are 's1', 's2', 's3', 's4'\n")


def test_a_header_without_a_label_name_and_detected_separators(tmp_path, capsys):
    plain = drawn(capsys, tmp_path, write_table(tmp_path / "plain.csv"))
    for sep in (";", "|", "\t"):
        table = write_table(tmp_path / "t.txt", sep)
        assert drawn(capsys, tmp_path, table) == plain, sep
    table = tmp_path / "r.csv"  # pandas' to_csv of an unnamed index: the first header cell is empty
    frame().rename_axis(None).to_csv(table)
    assert drawn(capsys, tmp_path, table) == plain


# -- progress, --debug, memory ----------------------------------------------------------------------

def test_progress_lines_and_quiet(tmp_path, capsys):
    table = write_table(tmp_path / "t.csv")
    code, _, err = run(capsys, "clustermap", table, "-o", tmp_path / "o.pdf", "--method", "complete",
                       "--metric", "cityblock", "--no-col-cluster", "--order-out", tmp_path / "order.csv")
    assert code == 0
    assert err.splitlines() == [f"gridfig: reading {table} ...",
                                "gridfig: clustering 6 rows (method complete, metric cityblock) ...",
                                "gridfig: drawing ...", f"gridfig: saving {tmp_path / 'o.pdf'} ...",
                                f"gridfig: saved {tmp_path / 'o.pdf'} and {tmp_path / 'order.csv'}"]
    code, _, err = run(capsys, "clustermap", table, "-o", tmp_path / "o.pdf", "--quiet")
    assert (code, err) == (0, "")


def test_debug_shows_the_traceback_of_an_internal_error(tmp_path, capsys, monkeypatch):
    table = write_table(tmp_path / "t.csv")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in gridfig")

    monkeypatch.setattr(gridfig.clustering, "cluster", broken)
    code, _, err = run(capsys, "clustermap", "-q", table, "-o", tmp_path / "o.png")
    assert (code, err) == (1, "gridfig: error: unexpected RuntimeError: a bug in gridfig\n")
    code, _, err = run(capsys, "clustermap", "-q", "--debug", table, "-o", tmp_path / "o.png")
    assert code == 1
    assert err.startswith("Traceback (most recent call last):\n") and "def broken" not in err
    assert err.endswith("RuntimeError: a bug in gridfig\n") and "gridfig: error:" not in err
    assert os.listdir(tmp_path) == ["t.csv"]


def test_out_of_memory_while_clustering_says_how_much_and_what_helps(tmp_path, capsys, monkeypatch):
    table = write_table(tmp_path / "t.csv")

    def no_memory(*args, **kwargs):
        raise MemoryError()

    monkeypatch.setattr(gridfig.clustering, "cluster", no_memory)
    code, _, err = run(capsys, "clustermap", "-q", table, "-o", tmp_path / "o.png")
    assert code == 1
    assert err == ("gridfig: error: out of memory while clustering 6 rows: the condensed distance matrix "
                   "alone needs n(n-1)/2 x 8 bytes = 120 bytes; with fastcluster installed "
                   '(pip install "gridfig[fast]") the methods ward, centroid, median and single need no '
                   "distance matrix (Euclidean metric, no missing values)\n")
    assert cli.matrix_bytes(100_000) == 100_000 * 99_999 // 2 * 8 and cli._gib(cli.matrix_bytes(100_000)) == "37.3 GiB"


def test_out_of_memory_in_the_library_is_reported_with_its_message(tmp_path, capsys, monkeypatch):
    from gridfig.clustering import linkage

    def no_memory(*args, **kwargs):
        raise MemoryError()

    monkeypatch.setattr(linkage, "_distances_of", no_memory)
    code, _, err = run(capsys, "clustermap", "-q", write_table(tmp_path / "t.csv"), "-o", tmp_path / "o.png")
    assert code == 1  # not bad input (2)
    assert err.startswith("gridfig: error: out of memory while clustering 6 rows: the condensed distance "
                          "matrix alone needs n(n-1)/2 x 8 bytes = 120 bytes; ")
    assert "ward, centroid, median and single need no distance matrix" in err and err.count("\n") == 1
    assert os.listdir(tmp_path) == ["t.csv"]


@pytest.mark.parametrize("method, advised", [("ward", True), ("centroid", True), ("average", False)])
def test_a_big_vector_method_without_fastcluster_names_it(tmp_path, capsys, monkeypatch, method, advised):
    monkeypatch.setitem(sys.modules, "fastcluster", None)  # not installed
    monkeypatch.setattr(cli, "MATRIX_WARN_BYTES", 100)  # 6 rows (120 bytes) count as big here
    code, _, err = run(capsys, "clustermap", "-q", write_table(tmp_path / "t.csv"), "-o", tmp_path / "o.png",
                       "--method", method, "--no-col-cluster")
    assert code == 0
    expected = (f"gridfig: warning: clustering 6 rows with method {method!r} builds a 120 bytes distance "
                'matrix; with fastcluster (pip install "gridfig[fast]") it needs none\n')
    assert err == (expected if advised else "")


def test_pixel_limit_after_layout(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli, "MAX_PIXELS", 1000)  # the size is known only once the layout is solved
    code, _, err = run(capsys, "clustermap", "-q", write_table(tmp_path / "t.csv"), "-o", tmp_path / "o.png",
                       "--dpi", 20)
    assert code == 2 and err.startswith("gridfig: error: --dpi: the figure of ") and "over the limit" in err
    assert os.listdir(tmp_path) == ["t.csv"]
    code, _, err = run(capsys, "clustermap", "-q", tmp_path / "t.csv", "-o", tmp_path / "o.pdf", "--dpi", 20)
    assert (code, err) == (0, "")  # vector output has no pixel limit
