"""A split clustermap costs no more than the unsplit one (issue: splits).

Runs, in fresh processes and alternating (paired), the same 20,000 x 50
clustermap (average linkage, euclidean, the benchmark data's row and column
strips, 10 x 8 in PNG at 100 dpi) unsplit and with ``row_split=`` the row
strip's 4 categories, and prints wall time and peak memory of each and their
ratio. Usage::

    python benchmarks/split_cost.py [--rows 20000] [--cols 50] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {here!r})
t0 = time.perf_counter()
import matplotlib
matplotlib.use("Agg")
import gridfig
from data import make_data
df, rows, cols = make_data({rows}, {cols})
kw = dict(row_split=rows) if {split} else {{}}
g = gridfig.clustermap(df, row_colors=rows, col_colors=cols, figsize=(10, 8), cmap="RdBu_r", **kw)
g.savefig({out!r}, dpi=100)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": time.perf_counter() - t0, "peak_mib": peak}}))
"""


def run(rows: int, cols: int, split: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        code = CHILD.format(here=HERE, rows=rows, cols=cols, split=split, out=os.path.join(tmp, "out.png"))
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=20000)
    p.add_argument("--cols", type=int, default=50)
    p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()
    results: dict = {False: [], True: []}
    for _ in range(a.repeats):
        for split in (False, True):  # paired: one of each per round
            results[split].append(run(a.rows, a.cols, split))
    best = {k: min(v, key=lambda r: r["seconds"]) for k, v in results.items()}
    peak = {k: max(r["peak_mib"] for r in v) for k, v in results.items()}
    print(f"{a.rows} x {a.cols}, average/euclidean, PNG 10x8 in @100 dpi, best of {a.repeats} paired runs")
    print("| case | seconds | peak MiB |")
    print("|---|---|---|")
    print(f"| unsplit | {best[False]['seconds']:.2f} | {peak[False]:.0f} |")
    print(f"| row_split (4 groups) | {best[True]['seconds']:.2f} | {peak[True]:.0f} |")
    print(f"| split / unsplit | {best[True]['seconds'] / best[False]['seconds']:.2f} | "
          f"{peak[True] / peak[False]:.2f} |")


if __name__ == "__main__":
    main()
