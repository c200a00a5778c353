"""What the value panels and Numbers refuse, and what they say about what they draw.

Every refusal goes through ``refused_clearly``: the right gridfig error, one line naming the panel,
the argument or the offending rows, and no figure drawn. What is accepted is read back from the
drawn figure (patches, texts, their colours).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import gridfig as gf
from helpers import refused_clearly

ROWS = [f"r{i}" for i in range(6)]
COLS = [f"c{j}" for j in range(4)]
DATA = pd.DataFrame(np.random.default_rng(0).normal(size=(6, 4)), index=ROWS, columns=COLS)


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

