"""Room for a figure's own titles: ``suptitle``, ``supxlabel``, ``supylabel``, and Axes titles at the top.

A layout that fills a whole figure (a new one, or ``ax=`` a Figure or SubFigure)
would run under a title the figure is given. So, as matplotlib's constrained
layout does, each of the figure's ``suptitle`` / ``supxlabel`` / ``supylabel``
left at its default place (no ``x``/``y`` given) and kept in the layout
(``get_in_layout()``) is moved to :data:`PAD` from its edge of the figure, and a
band of its measured size plus :data:`PAD` on both sides is taken from that edge
before the layout is solved (the layout's own margin then follows). Titles set
with ``Axes.set_title`` on gridfig's Axes at the top of the layout get the room
they stick out above it in the same band. Everything is measured at the dpi the
figure is drawn at, without drawing.

A region of a figure given as ``ax=`` an Axes or SubplotSpec is not moved: the
rest of that figure is the user's, laid out by the user, and a figure title over
it is placed (and made room for) the way the user places the other Axes.
"""

from __future__ import annotations

import functools

#: Space (inches) between a figure title and the figure's edge, and between it and the layout:
#: matplotlib's constrained-layout default ``h_pad`` / ``w_pad`` (3 points).
PAD = 3 / 72

#: Figure-level texts: attribute, the figure edge it sits at.
SUPS = (("_suptitle", "top"), ("_supxlabel", "bottom"), ("_supylabel", "left"))


@functools.lru_cache(maxsize=8)
def _scratch(dpi: float):
    """A never-drawn Text on an off-screen Agg figure at ``dpi``, and its renderer."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1, 1), dpi=dpi)
    return FigureCanvasAgg(fig).get_renderer(), fig.text(0, 0, "")


def text_size(text, dpi: float) -> tuple[float, float]:
    """``(width, height)`` in inches of ``text`` drawn at ``dpi`` (its font, rotation, spacing), not drawing it.

    Measured on a copy, so the figure the text belongs to is not touched (not even its dpi).
    """
    renderer, scratch = _scratch(float(dpi))
    scratch.update_from(text)
    # what update_from copied that places (not sizes) the text would keep the user's figure alive here
    scratch.set_transform(scratch.get_figure(root=True).transFigure)
    scratch.set_clip_box(None)
    scratch.set_clip_path(None)
    scratch.set_parse_math(getattr(text, "_parse_math", True))
    scratch.set_text(text.get_text())
    box = scratch.get_window_extent(renderer)
    return box.width / dpi, box.height / dpi


def _shown(text) -> bool:
    return text is not None and text.get_visible() and text.get_in_layout() and bool(text.get_text())


def sup_texts(fig):
    """``(Text, edge)`` for each figure-level title of ``fig`` that gets room: shown and at its default place."""
    out = []
    for attr, edge in SUPS:
        t = getattr(fig, attr, None)
        if _shown(t) and getattr(t, "_autopos", False):
            out.append((t, edge))
    return out


def bands(fig, dpi: float, overhang: float = 0.0) -> dict:
    """Inches to take from each edge (``left``, ``bottom``, ``top``) of ``fig`` for its titles at ``dpi``.

    ``overhang`` is how far Axes titles stick out above the layout's top (see :func:`title_overhang`).
    """
    out = {"left": 0.0, "bottom": 0.0, "top": 0.0}
    for t, edge in sup_texts(fig):
        w, h = text_size(t, dpi)
        out[edge] = (w if edge == "left" else h) + 2 * PAD
    if overhang > 0:
        out["top"] += overhang + (PAD if out["top"] == 0 else 0.0)
    return out


def place(fig, size: tuple) -> list:
    """Where the titles of :func:`sup_texts` go: ``(Text, (x, y))`` at :data:`PAD` from their edge.

    ``size`` is ``fig``'s size in inches (positions are fractions of it).
    """
    W, H = size
    out = []
    for t, edge in sup_texts(fig):
        x, y = t.get_position()
        if edge == "top":
            y = 1 - PAD / H
        elif edge == "bottom":
            y = PAD / H
        else:
            x = PAD / W
        out.append((t, (x, y)))
    return out


def title_overhang(axes: dict, solution, region_height: float, dpi: float) -> float:
    """How far (inches) the titles set on gridfig's Axes stick out above the top of the layout's region.

    A title sits its Axes' title pad above the Axes' top; an Axes whose top is that far (plus the
    title's height) from the region's top needs no room.
    """
    import matplotlib

    most = 0.0
    for path, ax in axes.items():
        rect = solution.cells.get(path)
        if rect is None:
            continue
        for t in (ax.title, ax._left_title, ax._right_title):
            if not _shown(t):
                continue
            offset = getattr(ax.titleOffsetTrans, "_t", (0.0, matplotlib.rcParams["axes.titlepad"] / 72))
            need = float(offset[1]) + text_size(t, dpi)[1] - (region_height - rect.top)
            most = max(most, need)
    return most


def unseen_labels(axes: dict) -> list:
    """``(path, 'x' or 'y', text)`` for each axis label set on a gridfig Axes whose axis is not drawn.

    gridfig's panels turn their Axes' axis off (ticks and labels are panels of their own), so
    ``set_xlabel`` / ``set_ylabel`` on them would draw nothing, silently.
    """
    out = []
    for path, ax in axes.items():
        if ax.axison:
            continue
        for which, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            text = axis.label.get_text()
            if text and axis.label.get_visible():
                out.append((path, which, text))
    return out


def warn_unseen(job) -> None:
    """Say once per label (:func:`unseen_labels`) what draws it instead."""
    from ..errors import GridfigWarning, warn

    for path, which, text in unseen_labels(job.builder.axes):
        key = (path, which, text)
        if key in job.said_labels:
            continue
        job.said_labels.add(key)
        sup, names = ("supxlabel", "columns") if which == "x" else ("supylabel", "index")
        warn(f"{path}: set_{which}label({text!r}) is not drawn: gridfig's Axes draw no axis (their ticks "
             f"and labels are panels of their own); use figure.{sup}({text!r}), which the layout makes room "
             f"for, or name the data's {names} (data.{names}.name = ...) for a title beside the labels",
             GridfigWarning)
