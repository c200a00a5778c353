#!/usr/bin/env python
"""Benchmark driver: time gridfig against a hand-written floor and its peers.

Each case (``benchmarks/cases/<case>.py``) draws the same annotated clustered
heatmap in a fresh Python process, so imports are part of the cost. For each
size and format the cases are run in turn, ``--repeat`` times (the order is
rotated every repeat so no case always runs first). For every child process
the driver records wall time, peak RSS (``ru_maxrss`` from ``os.wait4``) and
the output file size, then prints a Markdown table with medians and ratios to
the floor: ratios are *paired*, each run divided by the floor's run of the same
repeat (adjacent in time, so a burst of load from elsewhere hits both), and
the table gives the minimum and the median of those per-repeat ratios.

    python benchmarks/run.py                       # everything (slow)
    python benchmarks/run.py --quick               # 100x50 + 1000x100, png, 1 repeat
    python benchmarks/run.py --sizes 100x50,1000x100,5000x200 --formats png,pdf \\
        --cases floor,seaborn,marsilea,gridfig --repeat 3

A size is ``ROWSxCOLS``, ``ROWSxCOLS:method`` or ``ROWSxCOLS:method:metric``
(default method: ``ward`` for 100000x10, else ``--method``; default metric
``--metric``). Cases whose library is not installed are
skipped with a message; cases that would need an n^2 distance matrix that does
not fit in memory are skipped with the reason; a case that errors is reported
as ``failed: <last line of its traceback>``; one that runs past ``--timeout``
is killed and reported as ``timeout``.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import importlib.util
import json
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(BENCH_DIR, "cases")

# case name -> (script, python module it needs, or None)
CASES = {
    "floor": ("floor.py", None),
    "seaborn": ("seaborn_case.py", "seaborn"),
    "marsilea": ("marsilea_case.py", "marsilea"),
    "gridfig": ("gridfig_case.py", None),  # always tried; failures are reported
}
DEFAULT_SIZES = "100x50,1000x100,5000x200,5000x200:average:correlation,20000x50,100000x10:ward"
QUICK_SIZES = "100x50,1000x100"
SIZE_METHOD = {(100000, 10): "ward"}
VECTOR_METHODS = ("ward", "centroid", "median")  # fastcluster.linkage_vector, euclidean only


# --------------------------------------------------------------------------- helpers

def parse_sizes(text: str, default_method: str, default_metric: str = "euclidean"):
    """``"5000x200:average:correlation,100x50"`` -> [(rows, cols, method, metric), ...]."""
    out = []
    for item in filter(None, (s.strip() for s in text.split(","))):
        dims, _, rest = item.partition(":")
        method, _, metric = rest.partition(":")
        r, c = (int(v) for v in dims.lower().split("x"))
        out.append((r, c, method or SIZE_METHOD.get((r, c), default_method), metric or default_metric))
    return out


def paired_ratios(res: "Result", floor: "Result") -> list[float]:
    """Each run's time over the floor's run of the same repeat."""
    return [t / f for t, f in zip(res.times, floor.times)]


def meminfo_bytes(key: str) -> int | None:
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def version(dist: str) -> str:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"


def distance_matrix_bytes(case: str, rows: int, cols: int, method: str,
                          metric: str, fastcluster: bool) -> int:
    """Bytes of the condensed distance matrices a peer/floor case must hold.

    floor, seaborn and marsilea all use ``fastcluster.linkage_vector`` (O(n)
    memory) for single linkage and for ward/centroid/median with euclidean
    distances, and ``pdist`` + linkage (n(n-1)/2 doubles) otherwise, or always
    when fastcluster is missing (scipy). gridfig is never pre-skipped: its
    memory is what is under test, and the rlimit/timeout catch it.
    """
    if case == "gridfig":
        return 0
    vector = fastcluster and (method == "single" or
                              (metric == "euclidean" and method in VECTOR_METHODS))
    if vector:
        return 0
    return 8 * (rows * (rows - 1) // 2 + cols * (cols - 1) // 2)


class Result:
    def __init__(self):
        self.times: list[float] = []
        self.rss: list[float] = []  # MiB
        self.size: list[float] = []  # MiB
        self.phases: list[dict] = []
        self.body = ""  # how the last PDF stores the body (see pdf_body)
        self.status = "ok"  # ok | failed: ... | timeout | skipped: ...

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.times)


def run_child(cmd: list[str], timeout: float, mem_limit: int | None, env: dict):
    """Run one case; return (status, wall_s, maxrss_MiB, stdout, stderr)."""
    def limit():
        if mem_limit:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (mem_limit, mem_limit))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env,
                                start_new_session=True, preexec_fn=limit)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    rss = ru.ru_maxrss / 1024  # KiB on Linux
    if timed_out.is_set():
        return f"timeout (> {timeout:g} s)", wall, rss, stdout, stderr
    if proc.returncode != 0:
        lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
        if proc.returncode < 0:
            why = f"killed by {signal.Signals(-proc.returncode).name}"
            if lines:
                why += f" ({lines[-1][:120]})"
        else:
            why = lines[-1][:160] if lines else f"exit code {proc.returncode}"
        return f"failed: {why}", wall, rss, stdout, stderr
    return "ok", wall, rss, stdout, stderr


def parse_phases(stdout: str) -> dict:
    for line in reversed(stdout.splitlines()):
        if line.startswith("PHASES "):
            try:
                return json.loads(line[7:])
            except ValueError:
                return {}
    return {}


def fmt_phases(results: Result) -> str:
    if not results.phases:
        return ""
    keys = list(results.phases[0])
    short = {"import": "imp", "data": "data", "cluster": "clu", "draw": "draw", "save": "save"}
    parts = []
    for k in keys:
        vals = [p[k] for p in results.phases if k in p]
        parts.append(f"{short.get(k, k)} {statistics.median(vals):.2f}")
    return " · ".join(parts)


def pdf_body(path: str, rows: int, cols: int) -> str:
    """How a PDF stores the heatmap body, read from its image XObjects.

    "image RxC" -- every cell is in the file (one image pixel per cell);
    "resampled WxH" -- the body was rasterised at output resolution, so with
    more rows/columns than pixels some cells are not in the file at all;
    "vector" -- no large image: cells are drawn as vector shapes.
    matplotlib writes image dictionaries uncompressed, so a regex suffices.
    """
    import re

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return "?"
    sizes = []
    for m in re.finditer(rb"/Subtype\s*/Image", data):
        head = data[data.rfind(b" obj", 0, m.start()):data.find(b"stream", m.end())]
        w, h = re.search(rb"/Width (\d+)", head), re.search(rb"/Height (\d+)", head)
        if w and h:
            sizes.append((int(w.group(1)), int(h.group(1))))
    if (cols, rows) in sizes:
        return f"image {rows}x{cols}"
    big = max(sizes, key=lambda wh: wh[0] * wh[1], default=None)
    if big and big[0] * big[1] >= 100 * 100:
        return f"resampled {big[1]}x{big[0]}"
    return "vector"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("--sizes", help=f"comma list of RxC[:method[:metric]] (default {DEFAULT_SIZES})")
    ap.add_argument("--formats", help="comma list of png,pdf (default png,pdf)")
    ap.add_argument("--cases", default=",".join(CASES),
                    help=f"comma list from {','.join(CASES)} (default all)")
    ap.add_argument("--repeat", type=int, help="runs per case (default 3)")
    ap.add_argument("--quick", action="store_true",
                    help=f"defaults become --sizes {QUICK_SIZES} --formats png --repeat 1")
    ap.add_argument("--method", default="average", help="linkage method where the size gives none")
    ap.add_argument("--metric", default="euclidean", help="metric where the size gives none")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per child (default 600)")
    ap.add_argument("--mem-limit", type=float, default=None,
                    help="address-space limit per child in GiB (default 80%% of RAM)")
    ap.add_argument("--outdir", help="where figures go (default: a temp dir, deleted)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the figures of the last repeat (always kept with --outdir)")
    ap.add_argument("--no-warmup", action="store_true",
                    help="skip the untimed warm-up run of each case (pyc, page cache)")
    ap.add_argument("--python", default=sys.executable, help="interpreter for the cases")
    ap.add_argument("--markdown", help="also write the report to this file")
    args = ap.parse_args(argv)

    sizes = parse_sizes(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES), args.method,
                        args.metric)
    formats = [f.strip() for f in (args.formats or ("png" if args.quick else "png,pdf")).split(",") if f.strip()]
    repeat = args.repeat or (1 if args.quick else 3)
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        ap.error(f"unknown case(s) {unknown}; choose from {list(CASES)}")
    bad = [f for f in formats if f not in ("png", "pdf")]
    if bad:
        ap.error(f"unknown format(s) {bad}")

    total = meminfo_bytes("MemTotal")
    mem_limit = int(args.mem_limit * 2**30) if args.mem_limit else (int(0.8 * total) if total else None)
    has_fc = have("fastcluster")
    if not has_fc:
        log("note: fastcluster is not installed; floor/seaborn/marsilea fall back to scipy linkage")

    runnable, not_installed = [], []
    for c in cases:
        mod = CASES[c][1]
        if mod and not have(mod):
            not_installed.append(f"{c} ({mod} is not installed: pip install '.[bench]')")
            log(f"skipping {not_installed[-1]}")
            continue
        runnable.append(c)
    if not runnable:
        log("nothing to run")
        return 1

    outdir = args.outdir or tempfile.mkdtemp(prefix="gridfig-bench-")
    os.makedirs(outdir, exist_ok=True)
    # Children get bytecode caching (like any installed package) but in a
    # private prefix, so nothing is written into the source tree; the warm-up
    # run fills it. MPLBACKEND pins Agg for cases that import pyplot.
    env = dict(os.environ, MPLBACKEND="Agg",
               PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), "gridfig-bench-pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    load_before = os.getloadavg()

    def command(case, r, c, method, metric, fmt):
        out = os.path.join(outdir, f"{case}_{r}x{c}_{method}_{metric}.{fmt}")
        script = os.path.join(CASES_DIR, CASES[case][0])
        return [args.python, script, "--rows", str(r), "--cols", str(c), "--method", method,
                "--metric", metric, "--format", fmt, "--out", out], out

    if not args.no_warmup:
        for case in runnable:
            cmd, _ = command(case, 100, 50, "average", "euclidean", "png")
            st, *_ = run_child(cmd, args.timeout, mem_limit, env)
            log(f"warm-up {case}: {st}")

    budget = int(0.6 * (meminfo_bytes("MemAvailable") or total or 0))
    results: dict[tuple, Result] = {}
    for (r, c, method, metric) in sizes:
        for fmt in formats:
            todo = []
            for case in runnable:
                res = results[(r, c, method, metric, fmt, case)] = Result()
                need = distance_matrix_bytes(case, r, c, method, metric, has_fc)
                prior = [results.get((r, c, method, metric, f, case)) for f in formats if f != fmt]
                timed_out = next((p for p in prior if p and p.status.startswith("timeout")), None)
                if budget and need > budget:
                    res.status = (f"skipped: needs a {need / 2**30:.0f} GiB distance matrix "
                                  f"({method} linkage on {r} rows{'' if has_fc else ', no fastcluster'})"
                                  f" > {budget / 2**30:.0f} GiB budget")
                    log(f"{r}x{c} {fmt} {case}: {res.status}")
                elif timed_out is not None:
                    res.status = "skipped: timed out at the other format"
                    log(f"{r}x{c} {fmt} {case}: {res.status}")
                else:
                    todo.append(case)
            for rep in range(repeat):
                k = rep % len(todo) if todo else 0
                for case in todo[k:] + todo[:k]:
                    res = results[(r, c, method, metric, fmt, case)]
                    if res.status != "ok":
                        continue  # failed or timed out earlier: don't repeat it
                    cmd, out = command(case, r, c, method, metric, fmt)
                    if os.path.exists(out):
                        os.remove(out)
                    st, wall, rss, so, se = run_child(cmd, args.timeout, mem_limit, env)
                    if st == "ok" and not os.path.exists(out):
                        st = "failed: no output file written"
                    log(f"{r}x{c} {method} {metric} {fmt} #{rep + 1} {case}: "
                        f"{st if st != 'ok' else f'{wall:.2f} s, {rss:.0f} MiB'}")
                    if st != "ok":
                        res.status = st
                        continue
                    res.times.append(wall)
                    res.rss.append(rss)
                    res.size.append(os.path.getsize(out) / 2**20)
                    res.phases.append(parse_phases(so))
                    if fmt == "pdf":
                        res.body = pdf_body(out, r, c)

    # ---------------------------------------------------------------- report
    lines = []
    cli = " ".join(shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    lines.append(f"Command: `{('python benchmarks/run.py ' + cli).strip()}`")
    lines.append("")
    lines.append(f"Machine: {os.cpu_count()} CPUs, {total / 2**30:.1f} GiB RAM, {platform.platform()}; "
                 f"Python {platform.python_version()}; "
                 + ", ".join(f"{d} {version(d)}" for d in
                             ("numpy", "scipy", "pandas", "matplotlib", "fastcluster", "seaborn", "marsilea", "gridfig")))
    lines.append(f"Repeats: {repeat} (median and min shown; ratios paired per repeat); "
                 f"timeout {args.timeout:g} s; figsize 10x8 in, 100 dpi; load average "
                 f"{load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after.")
    if not_installed:
        lines.append("Skipped: " + "; ".join(not_installed) + ".")
    lines.append("")
    lines.append("| size | method | metric | format | case | median s | min s | peak MiB | file MiB "
                 "| time × floor, min | time × floor, median | mem × floor | PDF body | phases (median s) |")
    lines.append("|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for (r, c, method, metric) in sizes:
        for fmt in formats:
            floor = results.get((r, c, method, metric, fmt, "floor"))
            fm = statistics.median(floor.rss) if floor and floor.ok else None
            for case in runnable:
                res = results[(r, c, method, metric, fmt, case)]
                head = f"| {r}x{c} | {method} | {metric} | {fmt} | {case} |"
                if not res.ok:
                    lines.append(f"{head} {res.status} | — | — | — | — | — | — | — | | |")
                    continue
                t = statistics.median(res.times)
                m = statistics.median(res.rss)
                s = statistics.median(res.size)
                pr = paired_ratios(res, floor) if fm else []
                tmin = f"{min(pr):.2f}" if pr else "—"
                tmed = f"{statistics.median(pr):.2f}" if pr else "—"
                mr = f"{m / fm:.2f}" if fm else "—"
                lines.append(f"{head} {t:.2f} | {min(res.times):.2f} | {m:.0f} | {s:.2f} | {tmin} "
                             f"| {tmed} | {mr} | {res.body} | {fmt_phases(res)} |")
    lines.append("")
    lines.append("PDF body: `image RxC` = every cell stored (one image pixel per cell); "
                 "`resampled HxW` = body rasterised at output resolution (cells beyond the pixel "
                 "count are not in the file); `vector` = every cell a vector shape.")
    lines.append("Phases are measured inside the case: imp = imports of the plotting libraries, "
                 "data = benchmark data generation (incl. pandas import for the floor), clu = clustering "
                 "(floor only; the peers cluster inside draw), draw = building the figure, save = savefig. "
                 "Process start-up (~0.05 s) is in the wall time but in no phase.")
    report = "\n".join(lines)
    print(report)
    if args.markdown:
        with open(args.markdown, "w") as fh:
            fh.write(report + "\n")
    if args.keep or args.outdir:
        log(f"figures of the last repeat are in {outdir}")
    else:
        shutil.rmtree(outdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
