"""Drawing: each Axes of the plan gets its panel's draw call, with the context of what it shows."""

from __future__ import annotations

from ..frame import CENTER
from ..panels.base import DrawContext, Theme
from .fit import DROPPED
from .planning import CrossPlan, Placed, Plan
from .solver import Solution


def context(axes_path: str, chunk, placed: Placed, cp: CrossPlan, solution: Solution, extents: dict,
            theme: Theme) -> DrawContext:
    """The :class:`~gridfig.DrawContext` of one Axes: its leaves (one group's, or all), size and info."""
    rect = solution.cells[axes_path]
    ext = extents.get(placed.path)
    info = None if ext is None else ext.info
    rows = None if cp.rows is None else cp.rows.order
    cols = None if cp.cols is None else cp.cols.order
    before, after = solution.end_offsets.get(placed.path, (0.0, 0.0))
    if placed.side == CENTER:
        leaves = cp.rows
        if chunk is not None:
            i, j = chunk
            rows, cols = cp.rows.chunks[i].positions, cp.cols.chunks[j].positions
    else:
        leaves = cp.leaves(placed.side)
        if chunk is not None:
            if isinstance(info, tuple) and len(info) == len(leaves.chunks):
                info = info[chunk]
            order = leaves.chunks[chunk].positions
            if placed.side in ("left", "right"):
                rows = order
            else:
                cols = order
            before = before if chunk == 0 else 0.0
            after = after if chunk == len(leaves.chunks) - 1 else 0.0
    return DrawContext(path=axes_path, side=placed.side, rows=rows, cols=cols, width=rect.width,
                       height=rect.height, theme=theme, info=info, end_offset=(before, after),
                       leaves=leaves, chunk=chunk, show_ends=not (ext is not None and ext.ends_left_out),
                       gap=cp.node.gap)


def draw_cell(ax, axes_path: str, chunk, placed: Placed, planned: Plan, solution: Solution, extents: dict,
              theme: Theme) -> None:
    """Draw one Axes: set it up, orient the canonical frame, and let the panel draw."""
    ctx = context(axes_path, chunk, placed, planned.crosses[placed.node], solution, extents, theme)
    if ctx.info is DROPPED:  # left out for want of room (said in a warning when it happened)
        ax.set_axis_off()
        return
    placed.panel.setup_axes(ax, ctx)
    ctx.orient(ax)
    placed.panel.draw(ax, ctx)


def draw_all(planned: Plan, axes: dict, solution: Solution, extents: dict, theme: Theme) -> None:
    """Draw every Axes of the plan."""
    for axes_path, chunk, placed in planned.cells():
        ax = axes.get(axes_path)
        if ax is not None:
            draw_cell(ax, axes_path, chunk, placed, planned, solution, extents, theme)
