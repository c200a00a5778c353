"""Realisation: a solution's grids become nested GridSpecs, one Axes per cell.

The solver hands over, for the figure and for every node, a :class:`~gridfig.layout.solver.Grid`
of tracks in inches. Each becomes one ``GridSpecFromSubplotSpec`` with those
tracks as its width and height ratios and ``wspace = hspace = 0``: gaps are
tracks of their own, so GridSpec's spacing rule (a fraction of the mean cell
size, different across and down) never applies and every gap is exactly the
length asked for. The figure-level grid is pinned at left/right/top/bottom
of the region drawn into, so rcParams cannot leak in.

Tracks of length 0 are kept, so a new solution of the same tree (another dpi
or size) has the same structure: :meth:`Builder.update` sets new ratios and
moves each Axes to its subplot spec's new position. There is no other way an
Axes is placed.
"""

from __future__ import annotations

from .solver import Grid, Solution


def _ratios(lengths) -> list[float]:
    # GridSpec needs one positive ratio somewhere; an all-zero grid draws nothing anyway
    lengths = [float(v) for v in lengths]
    return lengths if sum(lengths) > 0 else [1.0] * len(lengths)


class Builder:
    """Makes the GridSpecs and Axes of a solution, and moves them to a new solution of the same tree."""

    def __init__(self, fig, solution: Solution):
        self.fig = fig
        self.solution = solution
        self.axes: dict = {}
        self.specs: dict = {}  # grid key (None for the figure's) -> GridSpecFromSubplotSpec

    def build(self, cell) -> None:
        """Create everything inside ``cell`` (the SubplotSpec of the region drawn into)."""
        self._grid(cell, None, self.solution.frame)

    def _grid(self, cell, key, grid: Grid) -> None:
        from matplotlib.gridspec import GridSpecFromSubplotSpec

        gs = GridSpecFromSubplotSpec(len(grid.heights), len(grid.widths), subplot_spec=cell, wspace=0,
                                     hspace=0, width_ratios=_ratios(grid.widths),
                                     height_ratios=_ratios(grid.heights))
        self.specs[key] = gs
        for c in grid.cells:
            sub = gs[c.rows[0]:c.rows[1], c.cols[0]:c.cols[1]]
            if c.nested:
                self._grid(sub, c.key, self.solution.grids[c.key])
            else:
                self.axes[c.key] = self.fig.add_subplot(sub, label=c.key)

    def update(self, solution: Solution) -> None:
        """Move everything to a new solution of the same tree: new ratios, same Axes."""
        self.solution = solution
        for key, gs in self.specs.items():
            grid = solution.frame if key is None else solution.grids[key]
            gs.set_width_ratios(_ratios(grid.widths))
            gs.set_height_ratios(_ratios(grid.heights))
        for ax in self.axes.values():
            ax._set_position(ax.get_subplotspec().get_position(ax.figure))

