#!/usr/bin/env python
"""Deep and large trees: what recursive dendrogram code cannot draw.

1. A 100,000-leaf *chain* linkage (every merge adds one leaf to the growing
   cluster, so the tree is 99,999 levels deep). scipy's ``dendrogram()`` walks
   the tree recursively and raises ``RecursionError`` on it (shown in-process,
   at the default recursion limit); gridfig must draw it:
   ``gridfig.clustermap(data, row_linkage=Z, col_cluster=False, ...)``.
2. 100,000 x 10 data clustered with ward linkage (rows and columns), with
   group strips, through ``gridfig.clustermap``.

Each gridfig drawing runs in its own process; wall time and peak RSS of that
process are printed. Exits non-zero if any gridfig drawing fails.

    python benchmarks/deep_tree.py [--leaves 100000] [--format png] [--timeout 900]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)


def chain_linkage(n: int):
    """Linkage of a caterpillar tree ((((0,1),2),3),...): merge i joins leaf
    i+1 to the cluster made by merge i-1; heights 1..n-1, so it is valid and
    monotonic."""
    import numpy as np

    Z = np.empty((n - 1, 4))
    Z[0, :2] = 0, 1
    Z[1:, 0] = np.arange(2, n)
    Z[1:, 1] = n + np.arange(n - 2)
    Z[:, 2] = np.arange(1, n, dtype=float)
    Z[:, 3] = np.arange(2, n + 1)
    return Z


# ----------------------------------------------------------------- child side

def child(kind: str, n: int, out: str) -> None:
    try:
        import gridfig
    except ImportError:
        sys.path.insert(0, REPO_DIR)
        import gridfig
    from data import make_data

    t = time.perf_counter()
    if kind == "chain":
        df, _, _ = make_data(n, 10)
        Z = chain_linkage(n)
        g = gridfig.clustermap(df, row_linkage=Z, col_cluster=False,
                               figsize=(10, 8), cmap="RdBu_r")
    else:
        df, rg, cg = make_data(n, 10)
        g = gridfig.clustermap(df, method="ward", metric="euclidean",
                               row_colors=rg, col_colors=cg,
                               figsize=(10, 8), cmap="RdBu_r")
    t_draw = time.perf_counter() - t
    g.savefig(out, dpi=100)
    print(f"draw {t_draw:.2f} s, save {time.perf_counter() - t - t_draw:.2f} s", flush=True)


# ---------------------------------------------------------------- parent side

def run(kind: str, n: int, fmt: str, timeout: float, outdir: str) -> bool:
    from run import run_child  # the benchmark driver's wait4-based runner

    out = os.path.join(outdir, f"deep_{kind}_{n}.{fmt}")
    cmd = [sys.executable, os.path.abspath(__file__), "--child", kind,
           "--leaves", str(n), "--out", out]
    status, wall, rss, stdout, _ = run_child(cmd, timeout, None,
                                             dict(os.environ, MPLBACKEND="Agg"))
    if status != "ok":
        print(f"  gridfig {kind}: {status}")
        return False
    size = os.path.getsize(out) / 2**20 if os.path.exists(out) else float("nan")
    print(f"  gridfig {kind}: {wall:.2f} s wall, peak RSS {rss:.0f} MiB, "
          f"{size:.2f} MiB file ({stdout.strip()})")
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leaves", type=int, default=100_000)
    ap.add_argument("--format", default="png", choices=["png", "pdf"])
    ap.add_argument("--timeout", type=float, default=900.0)
    ap.add_argument("--outdir", default=None, help="keep the figures here")
    ap.add_argument("--child", choices=["chain", "ward"], help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.leaves, args.out)
        return 0

    n = args.leaves
    print(f"1. chain-shaped linkage, {n} leaves (depth {n - 1})")
    from scipy.cluster.hierarchy import dendrogram, is_valid_linkage

    Z = chain_linkage(n)
    assert is_valid_linkage(Z)
    t = time.perf_counter()
    try:
        dendrogram(Z, no_plot=True)
    except RecursionError as exc:
        print(f"  scipy dendrogram(): RecursionError after {time.perf_counter() - t:.2f} s "
              f"(recursion limit {sys.getrecursionlimit()}): {exc}")
    else:
        print("  scipy dendrogram(): did NOT raise RecursionError (unexpected)")

    outdir = args.outdir or tempfile.mkdtemp(prefix="gridfig-deep-")
    os.makedirs(outdir, exist_ok=True)
    ok = run("chain", n, args.format, args.timeout, outdir)
    print(f"2. {n} x 10 data, ward linkage on rows and columns")
    ok = run("ward", n, args.format, args.timeout, outdir) and ok
    if args.outdir:
        print(f"figures in {outdir}")
    else:
        shutil.rmtree(outdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
