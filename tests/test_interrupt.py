"""Ctrl-C reaches a long clustering at once (the C call runs in a worker thread the caller waits on)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pytest

import gridfig as gf
from gridfig.clustering._interrupt import interruptible

ROOT = Path(__file__).resolve().parents[1]

CODE = """
import sys, time
import numpy as np
import gridfig as gf
X = np.random.default_rng(0).normal(size=(14000, 40))
print("ready", flush=True)
t0 = time.perf_counter()
try:
    gf.cluster(X, metric="cityblock", method="average")   # pdist + fastcluster: several seconds
except KeyboardInterrupt:
    print(f"interrupted after {time.perf_counter() - t0:.2f}", flush=True)
    sys.exit(3)
print("finished", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a child process")
def test_ctrl_c_during_a_long_clustering_acts_at_once():
    pytest.importorskip("fastcluster")  # scipy's own linkage holds the interpreter (documented)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    proc = subprocess.Popen([sys.executable, "-c", CODE], env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(1.0)  # inside the distance computation by now
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    waited = time.perf_counter() - sent
    assert proc.returncode == 3, out
    assert out.startswith("interrupted") and waited < 2.0, (out, waited)


def test_results_errors_and_warnings_come_back_as_from_a_direct_call():
    assert interruptible(sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        interruptible(lambda: 1 / 0)

    def noisy():
        warnings.warn("from the worker", UserWarning)
        return 1

    with pytest.warns(UserWarning, match="from the worker") as seen:
        assert interruptible(noisy) == 1
    assert seen[0].filename == __file__  # said again in the caller's thread, at the caller's line
    X = np.array([[1.0, np.nan], [2.0, 3.0], [0.0, 1.0]])
    with pytest.warns(UserWarning, match="missing") as seen:
        gf.cluster(X)
    assert seen[0].filename == __file__
