"""Time the pure solver on a large composed tree: ``python benchmarks/layout_solve.py``.

Builds a Column of Rows of 40 clustered-heatmap-shaped Crosses (a core and
four side panels each: 200 panels), and solves it (no Figure, no text:
fixed sizes) repeatedly, printing the median time. Target: under 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import ClassVar

import attrs

import gridfig as gf
from gridfig.layout.tree import walk


@attrs.frozen(kw_only=True)
class Box(gf.Panel):
    """A panel that only takes room."""

    kind: ClassVar[str] = "box"

    def draw(self, ax, ctx):  # pragma: no cover - never drawn here
        pass


def tree(crosses: int = 40, per_row: int = 5) -> gf.Column:
    nodes = [gf.Cross(core=Box(name="core"), left=[Box(size="12mm"), Box(size="4mm")],
                      top=[Box(size="12mm")], right=[Box(size="10mm")], name=f"n{i}")
             for i in range(crosses)]
    rows = [gf.Row(*nodes[i:i + per_row], gap="3mm") for i in range(0, crosses, per_row)]
    return gf.Column(*rows, gap="3mm")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crosses", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    t = tree(args.crosses)
    panels = sum(isinstance(obj, gf.Panel) for _, obj in walk(t))
    gf.solve(t, (30, 30))  # warm up
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        gf.solve(t, (30, 30))
        times.append(time.perf_counter() - start)
    print("| tree | panels | median ms | min ms | target |")
    print("|---|---:|---:|---:|---|")
    print(f"| {args.crosses} Crosses in {args.crosses // 5} Rows | {panels} | "
          f"{statistics.median(times) * 1e3:.2f} | {min(times) * 1e3:.2f} | < 20 ms |")


if __name__ == "__main__":
    main()
