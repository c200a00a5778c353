"""Exception types raised by gridfig.

Every error raised for bad input derives from :class:`GridfigError` and from the
built-in type a user would expect (``ValueError`` or ``TypeError``), so both
``except ValueError`` and ``except gridfig.GridfigError`` work.
"""

from __future__ import annotations

from typing import Iterable


class GridfigError(Exception):
    """Base class of every error gridfig raises for bad input."""


class InputError(GridfigError, ValueError):
    """A value has the right type but cannot be used (shape, labels, content)."""


class InputTypeError(GridfigError, TypeError):
    """A value has a type gridfig cannot use."""


class LayoutError(GridfigError, ValueError):
    """The layout cannot be solved (for example, the figure is too small)."""


class LayoutFailed(GridfigError, RuntimeError):
    """A drawn figure could not be laid out again at the dpi or size it is being drawn at.

    Raised by gridfig's layout engine while matplotlib draws the figure (a
    save, a resize). It is not a ``ValueError``, which matplotlib would swallow
    and leave a stale layout behind; the message says what size would fit.
    """


class OutOfMemory(GridfigError, MemoryError):
    """Clustering ran out of memory; the message says how much the distance matrix needs and what
    needs none. A ``MemoryError``, so ``except MemoryError`` catches it too."""


class GridfigWarning(UserWarning):
    """Something was adapted to fit, or not everything asked for is shown (the message says what)."""


def quote_some(items: Iterable[object], most: int = 5) -> str:
    """Quote the first few items and count the rest, for error messages.

    >>> quote_some(["a", "b", "c"], most=2)
    "'a', 'b' and 1 more"
    """
    items = list(items)
    shown = ", ".join(repr(x) if isinstance(x, str) else str(x) for x in items[:most])
    rest = len(items) - most
    return f"{shown} and {rest} more" if rest > 0 else shown


def warn(message: str, category: type = UserWarning) -> None:
    """Warn, attributed to the first caller outside gridfig (the user's line)."""
    import os
    import sys
    import warnings

    import attr

    import matplotlib

    here = os.path.dirname(os.path.abspath(__file__)) + os.sep
    attrs_dir = os.path.dirname(os.path.abspath(attr.__file__)) + os.sep
    # a layout adapted while matplotlib draws (a save, a resize) is blamed on the user's call
    mpl_dir = os.path.dirname(os.path.abspath(matplotlib.__file__)) + os.sep
    # and one said in a context manager (output's one_draw) on the user's ``with`` or save line
    import contextlib

    ctx_file = os.path.abspath(contextlib.__file__)
    level, frame = 2, sys._getframe(1)  # stacklevel 2 is the caller of warn()
    def ours(filename: str) -> bool:
        # gridfig's files, attrs' own (evolve) and the __init__ methods it generates
        path = os.path.abspath(filename)
        return (filename.startswith("<attrs generated") or path.startswith(here) or path.startswith(attrs_dir)
                or path.startswith(mpl_dir) or path == ctx_file)

    while frame is not None and ours(frame.f_code.co_filename):
        frame = frame.f_back
        level += 1
    warnings.warn(message, category, stacklevel=level)
