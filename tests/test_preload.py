"""The drawing modules are imported while fastcluster links the tree, in the caller's thread."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import numpy as np
import pytest

from gridfig.clustering import _gram
from gridfig.clustering._interrupt import interpreter_free, interruptible, meanwhile

ROOT = Path(__file__).resolve().parents[1]


def test_the_task_runs_in_the_callers_thread_while_the_call_computes():
    started, task_done = threading.Event(), threading.Event()
    seen = {}

    def call():  # returns only once the task has run: the two overlap, or this times out
        started.set()
        seen["overlapped"] = task_done.wait(10)
        return 7

    def task():
        seen["call was running"] = started.wait(10)
        seen["thread"] = threading.current_thread()
        task_done.set()

    with meanwhile(task):
        assert interpreter_free(call) == 7
    assert seen == {"call was running": True, "thread": threading.main_thread(), "overlapped": True}


def test_the_task_runs_once_and_only_for_calls_that_free_the_interpreter():
    runs = []
    with meanwhile(lambda: runs.append(1)):
        interruptible(sum, [1, 2])  # may hold the interpreter: no task
        assert runs == []
        interpreter_free(sum, [1, 2])
        interpreter_free(sum, [1, 2])
    assert runs == [1]
    interpreter_free(sum, [1, 2])  # outside the block: nothing pending
    assert runs == [1]


def test_a_failing_task_changes_nothing_and_the_warning_filters_stay():
    filters = list(warnings.filters)
    seen = []

    def task():
        seen.append(list(warnings.filters) == filters)  # the worker did not replace them meanwhile
        raise ImportError("no such module")

    with meanwhile(task):
        assert interpreter_free(lambda: 5) == 5
    assert seen == [True] and list(warnings.filters) == filters


# In a fresh process: which thread imports matplotlib.figure, and what the clustering is doing then.
CODE = """
import json, sys, threading
import numpy as np
import gridfig as gf
events = []
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name in ("matplotlib.figure", "matplotlib.pyplot"):
            events.append({"module": name, "thread": threading.current_thread().name,
                           "linking": any(t.name == "gridfig-clustering" for t in threading.enumerate())})
        return None
sys.meta_path.insert(0, Spy())
import time
import gridfig.clustering.linkage as L
real = L._fast_linkage
def slow(*args, **kwargs):  # a linkage that surely outlasts the start of the import
    time.sleep(0.5)
    return real(*args, **kwargs)
L._fast_linkage = slow
X = np.random.default_rng(0).normal(size=(300, 30))
g = gf.clustermap(X, figsize=(5, 4))
print(json.dumps({"events": events, "fastcluster": L._has_fastcluster(),
                  "rows": [int(v) for v in g.dendrogram_row.reordered_ind]}))
"""


@pytest.mark.parametrize("before", ["", "import matplotlib.figure\n"], ids=["fresh", "figure module already in"])
def test_clustermap_imports_the_figure_module_while_linking_in_a_fresh_process(before):
    pytest.importorskip("fastcluster")
    env = {"PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", before + CODE], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["fastcluster"]
    # each imported once, by the main thread, while the worker thread was linking the rows' tree
    # (pyplot still, when the figure module was imported before: it makes the new figure)
    wanted = ["matplotlib.pyplot"] if before else ["matplotlib.figure", "matplotlib.pyplot"]
    assert got["events"] == [{"module": m, "thread": "MainThread", "linking": True} for m in wanted]
    from gridfig.clustering import cluster

    X = np.random.default_rng(0).normal(size=(300, 30))
    assert got["rows"] == list(cluster(X).order)  # the same tree as without the head start


def test_the_blas_thread_controller_is_made_once(monkeypatch):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    made = []

    class Counting(threadpoolctl.ThreadpoolController):
        def __init__(self):
            made.append(1)
            super().__init__()

    monkeypatch.setattr(threadpoolctl, "ThreadpoolController", Counting)
    monkeypatch.setattr(_gram, "_controller", None)
    monkeypatch.setattr(_gram, "THREADS_MIN_WORK", 0)
    X = np.random.default_rng(3).normal(size=(60, 12))
    first, second = _gram.condensed(X, "euclidean"), _gram.condensed(X, "correlation")
    assert made == [1]
    from scipy.spatial.distance import pdist

    np.testing.assert_allclose(first, pdist(X), rtol=1e-12)
    np.testing.assert_allclose(second, pdist(X, "correlation"), rtol=1e-12, atol=1e-15)
