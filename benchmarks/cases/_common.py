"""Small helpers shared by the case scripts (argument parsing, the data, the
label-thinning rule, the group palette, phase timing).

Everything here is cheap and identical for every case, so it does not bias the
comparison. Heavy imports (matplotlib, scipy, seaborn, ...) belong in the case
scripts themselves so that each case pays exactly for what it uses.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

T0 = time.perf_counter()  # as early as the case can measure itself

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(BENCH_DIR)
if BENCH_DIR not in sys.path:
    sys.path.insert(0, BENCH_DIR)

FIGSIZE = (10.0, 8.0)  # inches, every case
DPI = 100
CMAP = "RdBu_r"
LABEL_FONTSIZE = 5.0  # points, tick/row/column labels in every case
MAX_LABELS = 100  # more leaves than this: label every k-th one only

# Category colours, same in every case that lets us choose them
# (gridfig picks its own from the categorical Series it is given).
ROW_PALETTE = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3"]
COL_PALETTE = ["#937860", "#DA8BC3", "#8C8C8C", "#CCB974", "#64B5CD"]


def parse_args(description: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--cols", type=int, required=True)
    p.add_argument("--method", default="average")
    p.add_argument("--metric", default="euclidean")
    p.add_argument("--format", default="png", choices=["png", "pdf"])
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args()


def load(args):
    """The benchmark data: (df, row_groups, col_groups)."""
    from data import make_data

    return make_data(args.rows, args.cols, seed=args.seed)


def label_step(n: int) -> int:
    """Label every k-th leaf: all of them up to MAX_LABELS, else ~MAX_LABELS."""
    return 1 if n <= MAX_LABELS else math.ceil(n / MAX_LABELS)


def lut(categories, palette) -> dict:
    """category -> colour, in category order."""
    return {c: palette[i % len(palette)] for i, c in enumerate(categories)}


class Phases:
    """Wall-clock checkpoints, reported to the driver as one JSON line.

    ``start`` is the moment this module was imported (just after interpreter
    start-up); the driver separately measures the whole process.
    """

    def __init__(self):
        self.last = T0
        self.phases: dict[str, float] = {}

    def mark(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = self.phases.get(name, 0.0) + (now - self.last)
        self.last = now

    def report(self) -> None:
        print("PHASES " + json.dumps({k: round(v, 4) for k, v in self.phases.items()}),
              flush=True)
