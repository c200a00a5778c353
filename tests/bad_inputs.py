"""Bad inputs, what gridfig says about them, and the argument each message must name.

Shared by tests/test_bad_inputs.py (which runs every case) and
docs/make_errors_table.py (which writes docs/errors.md from the same list).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import gridfig as gf


def frame(n=6, m=4, seed=0):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.normal(size=(n, m)), index=[f"r{i}" for i in range(n)],
                        columns=[f"c{j}" for j in range(m)])


def with_cell(value, i=1, j=2):
    d = frame()
    d.iloc[i, j] = value
    return d


def with_row(values, i=2):
    d = frame()
    d.iloc[i, :] = values
    return d


def strings():
    d = frame()
    d["c1"] = ["a", "b", "c", "d", "e", "f"]
    return d


def dup_index():
    d = frame()
    d.index = ["r0", "r1", "r1", "r3", "r4", "r4"]
    return d


def cm(**kw):
    data = kw.pop("data", None)
    return lambda: gf.clustermap(frame() if data is None else data, **kw)


# (what, call, exception type, text the message must contain)
CASES = [
    ("empty table", cm(data=pd.DataFrame()), gf.InputError, "data: the table is empty"),
    ("1-D data", cm(data=np.arange(5.0)), gf.InputError, "data: expected a 2-D table"),
    ("one row to cluster", cm(data=frame(1, 4)), gf.InputError, "data has 1 row; clustering needs at least 2"),
    ("one column to cluster", cm(data=frame(5, 1)), gf.InputError, "data has 1 column; clustering needs at least 2"),
    ("a text column", cm(data=strings()), gf.InputError, "1 columns are not numeric: 'c1'"),
    ("+inf in a cell", cm(data=with_cell(np.inf)), gf.InputError, "cells are infinite: ('r1', 'c2')"),
    ("-inf in a cell", cm(data=with_cell(-np.inf)), gf.InputError, "cells are infinite"),
    ("a row entirely missing", cm(data=with_row(np.nan)), gf.InputError, "r2"),
    ("a column entirely missing",
     cm(data=frame().assign(c3=np.nan)), gf.InputError, "c3"),
    ("zero-variance row with correlation", cm(data=with_row(1.0), metric="correlation"),
     gf.InputError, "r2"),
    ("ward with cityblock", cm(method="ward", metric="cityblock"), gf.InputError, "ward"),
    ("unknown method", cm(method="avrage"), gf.InputError, "method 'avrage' is unknown"),
    ("unknown metric", cm(metric="euclidian"), gf.InputError, "euclidian"),
    ("row_linkage of the wrong shape", cm(row_linkage=np.zeros((5, 3))), gf.InputError, "row_linkage"),
    ("row_linkage for fewer rows", cm(row_linkage=np.array([[0, 1, 1.0, 2], [2, 5, 2.0, 3]])),
     gf.InputError, "row_linkage is for 3 leaves but data has 6 rows"),
    ("col_linkage with NaN height", cm(col_linkage=np.array([[0, 1, np.nan, 2], [2, 4, 1, 3], [3, 5, 2, 4]])),
     gf.InputError, "col_linkage"),
    ("unlabelled row_colors too short", cm(row_colors=["a", "b", "c"]), gf.InputError,
     "left/row_colors has 3 values but the core 'heatmap' has 6 rows"),
    ("unlabelled col_colors too long", cm(col_colors=list("abcdefg")), gf.InputError,
     "top/col_colors has 7 values but the core 'heatmap' has 4 columns"),
    ("row_colors indexed by int, data by str", cm(row_colors=pd.Series(list("aabbcc"), index=range(6))),
     gf.InputError, "labelled with integer values"),
    ("row_colors matching no label", cm(row_colors=pd.Series(list("ab"), index=["x", "y"])), gf.InputError,
     "none of the data's 6 rows labels is in the annotation's index"),
    ("duplicate row labels with labelled row_colors",
     cm(data=dup_index(), row_colors=pd.Series(list("abcd"), index=["r0", "r1", "r3", "r4"])),
     gf.InputError, "the data's rows labels repeat ('r1', 'r4')"),
    ("duplicate labels in the annotation",
     cm(row_colors=pd.Series(list("abcdefg"), index=["r0", "r1", "r2", "r3", "r4", "r5", "r5"])),
     gf.InputError, "duplicate labels in the annotation index: 'r5'"),
    ("unknown colormap", cm(cmap="viridsi"), gf.InputError, "cmap: unknown colormap 'viridsi'; did you mean 'viridis'"),
    ("bad gap length", cm(gap="2 furlongs"), gf.InputError, "gap: cannot read '2 furlongs' as a length"),
    ("negative dendrogram size", cm(dendrogram_size="-3mm"), gf.InputError,
     "dendrogram_size: a length must not be negative"),
    ("bad cell_size", cm(cell_size=("2mm",)), gf.InputError, "cell_size: expected a length or (width, height)"),
    ("both z_score and standard_scale", cm(z_score=0, standard_scale=1), gf.InputError, "z_score"),
    ("z_score axis 2", cm(z_score=2), gf.InputError, "z_score"),
    ("vmin above vmax", cm(vmin=3, vmax=1), gf.InputError, "vmin (3) is larger than vmax (1)"),
    ("replacement yticklabels of the wrong length", cm(yticklabels=["a", "b"]), gf.InputError,
     "yticklabels: a list of labels replaces them all and needs 6 labels, got 2"),
    ("label_rows naming an unknown row", cm(label_rows=["r1", "nope"]), gf.InputError,
     "label_rows: 1 of 2 labels are not row labels of data: 'nope'"),
    ("bad label side", cm(row_label_side="top"), gf.InputError, "row_label_side: expected one of"),
    ("bad legend side", cm(legend_side="middle"), gf.InputError, "legend_side: expected"),
    ("zero font size", cm(fontsize=0), gf.InputError, "fontsize: expected a positive number"),
    ("figure too small for its side panels", cm(figsize=(0.6, 0.6)), gf.LayoutError, "is too small"),
    ("figsize given with ax=", lambda: gf.render(gf.Heatmap(data=np.zeros((2, 2))), figsize=(3, 3),
                                                 ax=__import__("matplotlib.pyplot").pyplot.figure()),
     gf.InputError, "figsize: cannot be given"),
    ("strip values as one string", lambda: gf.AnnotationStrip(values="abc"), gf.InputError,
     "values must be a sequence with one value per leaf"),
    ("data given as text", cm(data="table.csv"), gf.InputError, "data: expected a 2-D table"),
    ("a norm and vmin together", cm(norm=__import__("matplotlib.colors").colors.LogNorm(), vmin=1),
     gf.InputError, "norm: give the limits to the norm itself, not also vmin"),
    ("LogNorm of data with no positive value", cm(data=-frame().abs(), norm=__import__("matplotlib.colors").colors.LogNorm()),
     gf.InputError, "norm: LogNorm found no usable limits in the data"),
    ("not a norm", cm(norm="log"), gf.InputTypeError, "norm: expected a matplotlib.colors.Normalize"),
    ("annot of the wrong shape", cm(annot=np.zeros((2, 2))), gf.InputError, "annot: shape (2, 2) does not match"),
    ("fmt not a number format", cm(annot=True, fmt="%.2f"), gf.InputError, "fmt: '%.2f' is not a format spec"),
    ("fmt='d' for values that are not whole", cm(annot=True, fmt="d"), gf.InputError,
     "fmt: 'd' writes integers, but 24 of the values to write are not whole numbers: 0.12573"),
    ("fmt='s' for numbers", cm(annot=True, fmt="s"), gf.InputError,
     "fmt: 's' is not a format spec for numbers, but the values to write include 0.12573"),
    ("mask missing a row label", cm(mask=frame().iloc[1:] > 0), gf.InputError,
     "mask: the DataFrame has no entry for 1 of the data's 6 rows: 'r0'. It is matched by label"),
    ("annot missing a column label", cm(annot=frame().drop(columns=["c1", "c3"])), gf.InputError,
     "annot: the DataFrame has no entry for 2 of the data's 4 columns: 'c1', 'c3'"),
    ("mask with repeated labels", cm(mask=frame().iloc[[0, 1, 2, 3, 4, 5, 2]] > 0), gf.InputError,
     "mask: the DataFrame's row labels repeat ('r2')"),
    ("unknown cbar_kws key", cm(cbar_kws={"shrink": 0.5}), gf.InputError, "cbar_kws: unknown keys 'shrink'"),
    ("text in a numeric heatmap", lambda: gf.Heatmap(data=[["a", "b"]]), gf.InputError,
     "use gridfig.CategoryHeatmap"),
    ("a dot heatmap without sizes", lambda: gf.DotHeatmap(data=np.eye(2)), gf.InputError, "size_data: a DotHeatmap needs"),
    ("a category without a colour", lambda: gf.CategoryHeatmap(data=[["a", "b"]], colors={"a": "red"}), gf.InputError,
     "colors: no colour for 'b'"),
    ("an xarray Dataset", cm(data=type("Dataset", (), {"__module__": "xarray.core.dataset", "dims": ("x", "y"),
                                                      "data_vars": {"counts": 0, "logcounts": 0}})()),
     gf.InputTypeError, "data: an xarray Dataset holds 2 variables ('counts', 'logcounts'); pass one"),
    ("a sparse matrix too large to draw dense", cm(data=__import__("scipy.sparse").sparse.csr_matrix((200_000, 30_000))),
     gf.InputError, "data: the sparse matrix of shape 200000 x 30000 would be drawn dense"),
    ("an obs column name without AnnData", cm(row_colors="leiden"), gf.InputError,
     "row_colors: 'leiden' names a column, which needs AnnData data"),
    ("a palette missing a category", cm(row_colors=list("aabbcc"), palette={"a": "red"}), gf.InputError,
     "palette: no colour for 2 categories of 'row_colors': 'b', 'c'"),
    ("a palette naming no annotation", cm(row_colors=list("aabbcc"), palette={"rows": {"a": "r"}}), gf.InputError,
     "palette: 'rows' names no annotation"),
    ("an infinite value in a value panel", cm(row_annotations=[gf.Bars(values=[1, 2, np.inf, 3, 4, 5])]),
     gf.InputError, "bars: 1 rows have infinite values: 'r2'"),
    ("value-axis limits reversed", lambda: gf.Bars(values=[1, 2, 3, 4, 5, 6], limits=(5, 0)), gf.InputError,
     "Bars(limits=...): low must be below high, got (5, 0)"),
    ("a value-axis end past every value", cm(row_annotations=[gf.Bars(values=[1, 2, 3, 4, 5, 6], limits=(7, None))]),
     gf.InputError, "Bars(limits=...): the low end 7 is not below the data's high end 6"),
    ("Numbers fmt not a number format", lambda: gf.Numbers(values=[1, 2, 3, 4, 5, 6], fmt="%d"), gf.InputError,
     "Numbers(fmt=...): '%d' is not a format spec for numbers"),
    ("Numbers fmt 'd' with fractions", cm(row_annotations=[gf.Numbers(values=[1, 2.5, 3, 4, 5, 6], fmt="d")]),
     gf.InputError, "numbers: fmt='d' writes whole numbers, but 1 rows have a fraction: 'r1'"),
    ("split_order listing a group twice", cm(row_split=list("aabbcc"), split_order=["a", "a", "b", "c"]),
     gf.InputError, "split_order: must list each group of row_split once; listed more than once: 'a'"),
    ("split_order and row_split_order disagreeing", cm(row_split=list("aabbcc"), split_order="cluster",
                                                        row_split_order="natural"),
     gf.InputError, "row_split_order: conflicts with split_order='cluster'"),
    ("an order for an axis not split", cm(row_split=2, col_split_order="cluster"), gf.InputError,
     "col_split_order: the columns are not split"),
    ("a split title naming an unknown field", cm(row_split=list("aabbcc"), row_split_titles="{lab}"),
     gf.InputError, "row_split_titles: the format string '{lab}' names {lab}, but a title can use only {label}"),
    ("split titles without a split", cm(col_split_titles="cols {label}"), gf.InputError,
     "col_split_titles: the columns are not split, so there are no groups to title"),
]
