"""Importing matplotlib's drawing modules while the clustering computes.

In a fresh process the first figure pays about 0.25 s for importing
``matplotlib.figure`` (and with it the Axes, axis, text and image modules)
and pyplot.
fastcluster's linkage runs in C without the interpreter, in a worker thread
(see :mod:`gridfig.clustering._interrupt`), while the calling thread only
waits; :func:`clustering_meanwhile` has the calling thread do this import
there instead. With a second core free it then costs no time.

The import runs in the calling thread and only during the linkage, not in a
thread of its own from the start: importing while the distances were computed
slowed them from 0.43 s to 0.68 s at 5000 x 200 (each of their numpy calls
waits for the interpreter again; beside a busy Python loop they took 20x as
long), and imports in one thread cannot meet half-initialised modules of another.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator

from ..clustering._interrupt import meanwhile

#: what the first figure imports (pyplot makes the new figure); nothing is done once they are there
MODULES = ("matplotlib.figure", "matplotlib.pyplot")


def import_drawing_modules() -> None:
    """Import :data:`MODULES` (no-ops when imported already)."""
    for name in MODULES:
        importlib.import_module(name)


@contextlib.contextmanager
def clustering_meanwhile(clusters: bool) -> Iterator[None]:
    """While the block's clustering links its tree, import the drawing modules."""
    if not clusters or all(m in sys.modules for m in MODULES):
        yield
        return
    with meanwhile(import_drawing_modules):
        yield
