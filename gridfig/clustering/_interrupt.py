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
"""

from __future__ import annotations

import threading
from typing import Any, Callable


def interruptible(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, with Ctrl-C reaching the caller while it runs (see the module doc)."""
    if threading.current_thread() is not threading.main_thread():
        return fn(*args, **kwargs)  # signals go to the main thread only: nothing to wait for
    import warnings

    box: dict = {}

    def work():
        # warnings are said again by the caller's thread, so they point at the user's line
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            try:
                box["value"] = fn(*args, **kwargs)
            except BaseException as e:  # handed to the caller, as if called directly
                box["error"] = e
        box["warnings"] = said

    worker = threading.Thread(target=work, name="gridfig-clustering", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.05)  # a KeyboardInterrupt raised here ends the wait, not the C call
    from ..errors import warn

    for w in box.get("warnings", ()):
        warn(str(w.message), w.category)
    if "error" in box:
        raise box["error"]
    return box["value"]
