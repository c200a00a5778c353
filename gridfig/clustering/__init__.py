"""Hierarchical clustering for heatmaps, with no drawing.

:func:`cluster` orders the rows of a matrix (pass the transpose for columns),
:func:`dendrogram_segments` turns the tree into line segments aligned with
heatmap cells, :func:`leaf_order` gives a tree's leaves from left to right (as
scipy's ``leaves_list``), and :func:`scale` standardises rows or columns beforehand.

Importing this package is cheap: scipy and fastcluster are imported by the
functions that need them, and pandas and matplotlib never are.
"""

from .dendrogram import dendrogram_segments
from ._order import leaf_order
from .linkage import Clustering, cluster
from .scaling import scale

__all__ = ["cluster", "Clustering", "dendrogram_segments", "leaf_order", "scale"]
