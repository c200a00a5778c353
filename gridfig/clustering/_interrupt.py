"""Long C calls that Ctrl-C can reach.

Python handles a signal only between bytecodes of the main thread, so a
minute-long distance or linkage computation in C ignores Ctrl-C until it
ends. :func:`interruptible` runs such a call in a worker thread and waits in
short steps, so a KeyboardInterrupt reaches the caller at once. The call
itself cannot be stopped from outside: it runs on in the background until it
ends, and its result is dropped. This works for the calls that release the
interpreter while they compute -- scipy's ``pdist``, fastcluster's linkage
and BLAS products -- but not for scipy's own ``linkage``, which holds it: without
fastcluster, Ctrl-C waits for that step (between steps it is checked).

The caller's thread only waits meanwhile. For a call that frees the
interpreter from start to end (:func:`interpreter_free`), it can do Python
work instead: :func:`meanwhile` gives it a task for the next such call
(clustermap imports matplotlib's drawing modules there, see
:mod:`gridfig.layout.preload`).
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Iterator
from typing import Any, Callable

#: tasks to run in the waiting thread during the next call that frees the interpreter
_pending: contextvars.ContextVar[list | None] = contextvars.ContextVar("gridfig_pending", default=None)


@contextlib.contextmanager
def meanwhile(task: Callable[[], Any] | None) -> Iterator[None]:
    """Run ``task`` (once) while the next :func:`interpreter_free` call computes.

    The caller's thread would only wait there; a task of Python work (such as
    importing the drawing modules) then costs no time where a second core is
    free. It runs in the caller's thread, so nothing else changes: its errors
    other than Ctrl-C are dropped (a task is a head start, done again later).
    A task never run (no such call came) is dropped when the block ends.
    """
    token = _pending.set([task] if task is not None else [])
    try:
        yield
    finally:
        _pending.reset(token)


def interpreter_free(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """:func:`interruptible` for a C call that releases the interpreter from start to end
    (fastcluster's linkage), running a task of :func:`meanwhile` while it computes."""
    return _wait(fn, args, kwargs, idle=True)


def interruptible(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, with Ctrl-C reaching the caller while it runs (see the module doc)."""
    return _wait(fn, args, kwargs, idle=False)


def _wait(fn: Callable[..., Any], args: tuple, kwargs: dict, idle: bool) -> Any:
    if threading.current_thread() is not threading.main_thread():
        return fn(*args, **kwargs)  # signals go to the main thread only: nothing to wait for
    import warnings

    box: dict = {}

    def call():
        try:
            box["value"] = fn(*args, **kwargs)
        except BaseException as e:  # handed to the caller, as if called directly
            box["error"] = e

    def work():
        if idle:
            # a call in C that says nothing; the warning filters are process-wide, so
            # catching them here would also catch (and change) those of the task below
            call()
            return
        # warnings are said again by the caller's thread, so they point at the user's line
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            call()
        box["warnings"] = said

    worker = threading.Thread(target=work, name="gridfig-clustering", daemon=True)
    worker.start()
    tasks = _pending.get() if idle else None
    while tasks:
        task = tasks.pop()
        try:
            task()
        except Exception:
            pass
    while worker.is_alive():
        worker.join(0.05)  # a KeyboardInterrupt raised here ends the wait, not the C call
    from ..errors import warn

    for w in box.get("warnings", ()):
        warn(str(w.message), w.category)
    if "error" in box:
        raise box["error"]
    return box["value"]
