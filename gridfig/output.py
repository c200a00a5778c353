"""Saving figures: reproducible bytes (no dates, a fixed SVG hash salt)."""

from __future__ import annotations


def save_reproducibly(fig, fname, **kwargs):
    """``fig.savefig`` with no dates in the file and a fixed SVG hash salt."""
    import os

    import matplotlib

    fmt = (kwargs.get("format") or os.path.splitext(str(fname))[1].lstrip(".") or "png").lower()
    if fmt in ("svg", "svgz"):
        kwargs.setdefault("metadata", {"Date": None})
    elif fmt == "pdf":
        kwargs.setdefault("metadata", {"CreationDate": None, "ModDate": None})
    salt = matplotlib.rcParams["svg.hashsalt"] or "gridfig"
    with matplotlib.rc_context({"svg.hashsalt": salt}):
        return fig.savefig(fname, **kwargs)
