"""gridfig: publication figures composed from declarative panels.

The pieces::

    gridfig.layout   the tree (Cross, Row, Column), the solver, realisation
    gridfig.panels   Heatmap, Dendrogram, AnnotationStrip, Labels, ScaleBar, Legends,
                     Bars, Points, Lines, Area, Box, Violin, Histogram, Numbers, Text
    gridfig.clustering  clustering as its own step (no drawing): gridfig.cluster(), scale()
"""

import logging as _logging

from . import demo
from .clustering import Clustering, cluster, scale
from .clustermap import ClusterMap, clustered_heatmap, clustermap
from .errors import (GridfigError, GridfigWarning, InputError, InputTypeError, LayoutError, LayoutFailed,
                     OutOfMemory)
from .layout import Column, Cross, Plan, Rect, Rendered, Row, Solution, plan, render, solve
from .leaves import Chunk, Leaves
from .panels import (AnnotationStrip, CategoryHeatmap, CategoryLegend, Cells, Dendrogram, DotHeatmap, LegendBlock,
                     DrawContext, Extent, GroupDendrogram, Heatmap, Labels, Legends, Marks, Outline, ScaleLegend, SizeLegend,
                     MeasureContext, Panel, Plot, ScaleBar, SideLegends, Theme, align_series)
from .panels import Area, Bars, Box, Histogram, Lines, Numbers, Points, Text, ValuePanel, Violin
from .units import to_inches

__version__ = "0.1.0"

# gridfig logs its stages (clustering, layout, saving) at INFO on the "gridfig" logger;
# nothing is printed unless the application configures logging
_logging.getLogger("gridfig").addHandler(_logging.NullHandler())

__all__ = [
    "ClusterMap", "Clustering", "cluster", "clustered_heatmap", "clustermap", "demo", "scale", "Plot",
    "AnnotationStrip", "Chunk", "Column", "Cross", "Dendrogram", "DrawContext", "Extent", "GridfigError",
    "GridfigWarning", "LayoutFailed", "OutOfMemory", "GroupDendrogram", "Heatmap", "InputError",
    "InputTypeError", "Labels", "LayoutError", "Leaves", "Legends", "MeasureContext", "Panel", "Plan", "Rect",
    "Rendered", "Row", "ScaleBar", "Solution", "Theme", "align_series", "plan", "render", "solve", "to_inches",
    "Area", "Bars", "Box", "Histogram", "Lines", "Numbers", "Points", "Text", "ValuePanel", "Violin",
    "CategoryHeatmap", "CategoryLegend", "Cells", "DotHeatmap", "LegendBlock", "Marks", "Outline",
    "ScaleLegend", "SideLegends", "SizeLegend",
]
