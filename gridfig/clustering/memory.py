"""What clustering costs in memory, in words for people (used by errors and warnings).

The condensed distance matrix of ``n`` observations is ``n(n-1)/2`` doubles:
1.5 GiB for 20,000 rows, 37 GiB for 100,000. fastcluster's
``linkage_vector`` clusters without it for the methods in
:data:`VECTOR_METHODS` (Euclidean metric; 'single' with most metrics), on
complete data without optimal ordering; every other method needs it.
"""

from __future__ import annotations

#: methods fastcluster clusters without a distance matrix
VECTOR_METHODS = ("ward", "centroid", "median", "single")
#: how to install it
INSTALL = 'pip install "gridfig[fast]"'


def matrix_bytes(n: int) -> int:
    """Bytes of the condensed distance matrix of ``n`` observations: n(n-1)/2 doubles."""
    return n * (n - 1) // 2 * 8


def readable(nbytes: int) -> str:
    """``nbytes`` for people: 120 bytes, 3.5 KiB, 1.2 GiB."""
    for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if nbytes >= size:
            return f"{nbytes / size:.1f} {unit}"
    return f"{nbytes} bytes"


def no_fastcluster_note(n: int, words: str, method: str) -> str:
    """The warning for a big clustering that fastcluster would do without a distance matrix."""
    return (f"clustering {n:,} {words} with method {method!r} builds a {readable(matrix_bytes(n))} "
            f"distance matrix; with fastcluster ({INSTALL}) it needs none")


def out_of_memory_note(n: int, words: str, fastcluster: bool) -> str:
    """What running out of memory while clustering ``n`` observations needed, and what needs less."""
    advice = ("" if fastcluster else f"with fastcluster installed ({INSTALL}) ") + (
        "the methods ward, centroid, median and single need no distance matrix (Euclidean metric, "
        "no missing values, optimal_ordering=False)")
    return (f"out of memory while clustering {n:,} {words}: the condensed distance matrix alone needs "
            f"n(n-1)/2 x 8 bytes = {readable(matrix_bytes(n))}; {advice}; or cluster fewer {words} "
            "(a subset, or a split into groups, each clustered on its own)")
