"""Import time of gridfig against its floor: ``python benchmarks/import_time.py``.

Each import runs in a fresh interpreter, alternating, several times; the
table shows the median wall time of the process. Target: ``import gridfig``
no slower than ``import matplotlib, numpy, scipy.cluster.hierarchy``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "floor: matplotlib, numpy, scipy.cluster.hierarchy": "import matplotlib, numpy, scipy.cluster.hierarchy",
    "gridfig": "import gridfig",
    "empty interpreter": "pass",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(args.repeat):
        for name, code in CASES.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[name].append(time.perf_counter() - start)
    floor = statistics.median(times[next(iter(CASES))])
    print("| import | median s | x floor |")
    print("|---|---:|---:|")
    for name, ts in times.items():
        print(f"| {name} | {statistics.median(ts):.3f} | {statistics.median(ts) / floor:.2f} |")


if __name__ == "__main__":
    main()
