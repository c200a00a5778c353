"""gridfig: publication figures composed from declarative panels.

The pieces::

    gridfig.layout   the tree (Cross, Row, Column), the solver, realisation
    gridfig.panels   Heatmap, Dendrogram, AnnotationStrip, Labels, ScaleBar, Legends
    gridfig.clustering  clustering as its own step (no drawing): gridfig.cluster(), scale()
"""

from . import demo
from .clustering import Clustering, cluster, scale
from .clustermap import ClusterMap, clustered_heatmap, clustermap
from .errors import GridfigError, InputError, InputTypeError, LayoutError
from .layout import Column, Cross, Rect, Rendered, Row, Solution, render, solve
from .panels import (AnnotationStrip, Dendrogram, DrawContext, Extent, Heatmap, Labels, Legends,
                     MeasureContext, Panel, Plot, ScaleBar, Theme)
from .units import to_inches

__version__ = "0.1.0"

__all__ = [
    "ClusterMap", "Clustering", "cluster", "clustered_heatmap", "clustermap", "demo", "scale", "Plot",
    "AnnotationStrip", "Column", "Cross", "Dendrogram", "DrawContext", "Extent", "GridfigError", "Heatmap",
    "InputError", "InputTypeError", "Labels", "LayoutError", "Legends", "MeasureContext", "Panel", "Rect",
    "Rendered", "Row", "ScaleBar", "Solution", "Theme", "render", "solve", "to_inches",
]
