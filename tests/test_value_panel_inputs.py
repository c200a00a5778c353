"""What the value panels and Numbers refuse, and what they say about what they draw.

Every refusal goes through ``refused_clearly``: the right gridfig error, one line naming the panel,
the argument or the offending rows, and no figure drawn. What is accepted is read back from the
drawn figure (patches, texts, their colours).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import gridfig as gf
from helpers import refused_clearly

ROWS = [f"r{i}" for i in range(6)]
COLS = [f"c{j}" for j in range(4)]
DATA = pd.DataFrame(np.random.default_rng(0).normal(size=(6, 4)), index=ROWS, columns=COLS)


def distributions(values):
    """One distribution per row (a Series' labels, else the data's) whose third value is ``values[i]``."""
    index = values.index if isinstance(values, pd.Series) else ROWS
    return pd.DataFrame([[1.0, 2.0, v, 4.0] for v in values], index=index)


def clustermap(*annotations, cols=(), **kw):
    return gf.clustermap(DATA, row_cluster=False, col_cluster=False, row_annotations=list(annotations),
                         col_annotations=list(cols), **kw)


# --- limits ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("limits,text", [
    ((5, 0), "Bars(limits=...): low must be below high, got (5, 0)"),
    ((5, 5), "Bars(limits=...): low must be below high, got (5, 5)"),
    ((0, np.inf), "Bars(limits=...): expected (low, high) as finite numbers or None"),
    ((0, "1"), "Bars(limits=...): expected (low, high) as finite numbers or None"),
    ((0, 1, 2), "Bars(limits=...): expected (low, high)"),
])
def test_bad_limits_are_refused_when_the_panel_is_made(limits, text):
    refused_clearly(lambda: gf.Bars(values=[1, 2, 3, 4, 5, 6], limits=limits), gf.InputError, text)


@pytest.mark.parametrize("panel,text", [
    (lambda: gf.Bars(values=[1, 2, 3, 4, 5, 6], limits=(7, None)),
     "Bars(limits=...): the low end 7 is not below the data's high end 6"),
    (lambda: gf.Points(values=[1, 2, 3, 4, 5, 6], limits=(None, 1)),
     "Points(limits=...): the high end 1 is not above the data's low end 1"),
])
def test_one_end_given_past_the_data_is_refused_before_drawing(panel, text):
    refused_clearly(lambda: clustermap(panel()), gf.InputError, text)


# --- infinite values: refused by every value panel, naming the panel and the rows -------------------------

WITH_INF = [1.0, 2.0, np.inf, 3.0, -np.inf, 5.0]
INFINITE = [
    ("bars", lambda v: gf.Bars(values=v)),
    ("bars", lambda v: gf.Bars(values=pd.Series(v, index=ROWS))),
    ("bars", lambda v: gf.Bars(values=pd.DataFrame({"x": v, "y": 1.0}, index=ROWS))),  # stacked
    ("points", lambda v: gf.Points(values=v)),
    ("lines", lambda v: gf.Lines(values=v)),
    ("area", lambda v: gf.Area(values=v)),
    ("box", lambda v: gf.Box(values=distributions(v))),
    ("violin", lambda v: gf.Violin(values=distributions(v))),
    ("histogram", lambda v: gf.Histogram(values=distributions(v))),
    ("numbers", lambda v: gf.Numbers(values=v)),
]


@pytest.mark.parametrize("name,make", INFINITE, ids=[f"{n}-{k}" for k, (n, _) in enumerate(INFINITE)])
def test_infinite_values_are_refused_naming_the_panel_and_the_rows(name, make):
    refused_clearly(lambda: clustermap(make(WITH_INF)), gf.InputError,
                    f"{name}: 2 rows have infinite values: 'r2', 'r4'")


@pytest.mark.parametrize("values", [WITH_INF, pd.Series(WITH_INF, index=ROWS, name="score")], ids=["list", "series"])
def test_a_colour_scale_strip_refuses_infinite_values_too(values):
    """Before, the scale ran to infinity: every finite row took one colour, the infinite ones the missing grey."""
    name = "score" if isinstance(values, pd.Series) else "row_colors"
    error = refused_clearly(lambda: clustermap(row_colors=values), gf.InputError,
                            "2 rows have infinite values: 'r2', 'r4'")
    assert str(error).startswith(f"{name}: ")


def test_infinite_values_of_columns_are_named_as_columns():
    refused_clearly(lambda: clustermap(cols=[gf.Bars(values=[0.0, np.inf, 1.0, 2.0])]), gf.InputError,
                    "bars: 1 columns have infinite values: 'c1'")


@pytest.mark.parametrize("make", [lambda: gf.Bars(values=[1.0], baseline=np.inf),
                                  lambda: gf.Area(values=[1.0], baseline=-np.inf)], ids=["bars", "area"])
def test_an_infinite_baseline_is_refused_when_the_panel_is_made(make):
    refused_clearly(make, gf.InputError, "(baseline=...): expected a baseline value (finite), got")


def test_unlabelled_data_names_the_positions():
    tree = gf.Cross(core=gf.Heatmap(data=np.zeros((3, 2))), left=[gf.Points(values=[0.0, 1.0, np.inf])])
    refused_clearly(lambda: gf.render(tree, figsize=(3, 3)), gf.InputError,
                    "points: 1 rows have infinite values: positions 2")


# --- Numbers' fmt ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,kind,text", [
    ("%d", gf.InputError, "Numbers(fmt=...): '%d' is not a format spec for numbers"),
    ("%.2f", gf.InputError, "Numbers(fmt=...): '%.2f' is not a format spec for numbers"),
    ("s", gf.InputError, "Numbers(fmt=...): 's' is not a format spec for numbers"),
    ("{x:.1f}", gf.InputError, "Numbers(fmt=...): '{x:.1f}' is not a format spec for numbers"),
    (2, gf.InputTypeError, "Numbers(fmt=...): expected a format spec such as '.2f', got int 2"),
])
def test_a_bad_fmt_is_refused_when_numbers_are_made(fmt, kind, text):
    refused_clearly(lambda: gf.Numbers(values=[1, 2, 3, 4, 5, 6], fmt=fmt), kind, text)


@pytest.mark.parametrize("fmt,expected", [
    ("d", ["1", "2000", "", "-3", "40", "6"]),
    (",d", ["1", "2,000", "", "-3", "40", "6"]),
    ("{:d} x", ["1 x", "2000 x", "", "-3 x", "40 x", "6 x"]),
])
def test_an_integer_fmt_writes_whole_numbers(fmt, expected):
    g = clustermap(gf.Numbers(values=[1, 2000, np.nan, -3, 40, 6], fmt=fmt, show="all"))
    assert [t.get_text() for t in g.axes["left/numbers"].texts] == expected


def test_an_integer_fmt_refuses_fractions_naming_fmt_and_the_rows():
    refused_clearly(lambda: clustermap(gf.Numbers(values=[1, 2.5, 3, 4, 5.25, 6], fmt="d")), gf.InputError,
                    "numbers: fmt='d' writes whole numbers, but 2 rows have a fraction: 'r1', 'r4'; use '.0f'")


# --- the warning about rows a labelled annotation lacks says what each panel does -----------------------

LACKING = pd.Series([1.0, 2.0, 3.0, 4.0], index=["r0", "r1", "r2", "r5"])
MISSING = [
    (lambda: gf.Bars(values=LACKING), "get no bar"),
    (lambda: gf.Bars(values=pd.DataFrame({"x": LACKING, "y": LACKING})), "get no bar"),
    (lambda: gf.Points(values=LACKING), "get no point"),
    (lambda: gf.Points(values=LACKING, line=True), "get no point and break the line"),
    (lambda: gf.Lines(values=LACKING), "break the line"),
    (lambda: gf.Area(values=LACKING), "break the line and the area"),
    (lambda: gf.Box(values=distributions(LACKING)), "get no box"),
    (lambda: gf.Violin(values=distributions(LACKING)), "get no violin"),
    (lambda: gf.Histogram(values=distributions(LACKING)), "get no histogram"),
    (lambda: gf.Numbers(values=LACKING), "are left blank"),
    (lambda: gf.Numbers(values=LACKING, missing="n/a"), "are written as 'n/a'"),
    (lambda: gf.Text(values=LACKING), "are left blank"),
]


@pytest.mark.parametrize("make,says", MISSING, ids=[s.replace(" ", "-") + f"-{k}" for k, (_, s) in enumerate(MISSING)])
def test_the_missing_label_warning_says_what_the_panel_draws(make, says):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clustermap(make())
    texts = [str(w.message) for w in caught if "have no annotation" in str(w.message)]
    assert texts == [f"{make().label}: 2 of 6 data rows have no annotation and {says}: 'r3', 'r4'"]


def test_what_each_warning_says_is_what_is_drawn():
    from matplotlib.colors import to_rgba

    red = pd.Series(["red"] * 4, index=LACKING.index)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = clustermap(gf.Bars(values=LACKING), gf.Numbers(values=LACKING, show="all"),
                       gf.Text(values=ROWS, show="all", color=red),
                       row_colors=pd.Series(list("aabb"), index=LACKING.index))
    said = sorted(str(w.message) for w in caught if "have no annotation" in str(w.message))
    assert said == [f"{who}: 2 of 6 data rows have no annotation and {does}: 'r3', 'r4'" for who, does in [
        ("bars", "get no bar"), ("numbers", "are left blank"), ("row_colors", "are drawn in the missing colour"),
        ("text", "are written in the text colour")]]
    # rows in data order (no clustering): r3 and r4 have no bar, no number, text in the text colour
    assert [np.isfinite(p.get_width()) for p in g.axes["left/bars"].patches] == [True] * 3 + [False] * 2 + [True]
    assert [t.get_text() for t in g.axes["left/numbers"].texts] == ["1", "2", "3", "", "", "4"]
    texts = g.axes["left/text"].texts
    assert [t.get_text() for t in texts] == ROWS
    black = to_rgba("black")  # the default style's text colour
    assert [to_rgba(t.get_color()) for t in texts] == [to_rgba("red")] * 3 + [black] * 2 + [to_rgba("red")]
    # and the strip paints them in the missing colour
    strip = g.axes["left/row_colors"].images[0].get_array()
    missing = np.round(to_rgba(gf.Theme().missing_color), 3)
    assert [bool(np.allclose(strip[i, 0], missing, atol=1e-3)) for i in range(6)] == [False] * 3 + [True] * 2 + [False]
