"""Hierarchical clustering for heatmaps, with no drawing.

:func:`cluster` orders the rows of a matrix (pass the transpose for columns),
:func:`dendrogram_segments` turns the tree into line segments aligned with
heatmap cells, and :func:`scale` standardises rows or columns beforehand.

Importing this package is cheap: scipy and fastcluster are imported by the
functions that need them, and pandas and matplotlib never are.
"""

from .dendrogram import dendrogram_segments
from .linkage import Clustering, cluster
from .scaling import scale

__all__ = ["cluster", "Clustering", "dendrogram_segments", "scale"]
