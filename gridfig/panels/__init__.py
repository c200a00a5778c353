"""Panels: the things a layout places and that draw themselves."""

from .base import DrawContext, Extent, MeasureContext, Panel, Theme
from .dendrogram import Dendrogram, GroupDendrogram
from .distributions import Box, Histogram, Violin
from .heatmap import CategoryHeatmap, Cells, DotHeatmap, Heatmap, Marks, Outline
from .labels import Labels
from .legend import CategoryLegend, LegendBlock, Legends, ScaleBar, ScaleLegend, SideLegends, SizeLegend
from .match import align_series
from .numeric import Area, Bars, Lines, Points, ValuePanel
from .plot import Plot
from .strip import AnnotationStrip
from .texts import Numbers, Text

__all__ = [
    "Area", "Bars", "Box", "Histogram", "Lines", "Numbers", "Points", "Text", "ValuePanel", "Violin",
    "AnnotationStrip", "CategoryHeatmap", "CategoryLegend", "Cells", "DotHeatmap", "LegendBlock", "Marks",
    "Outline", "SizeLegend", "Dendrogram", "DrawContext", "Extent", "GroupDendrogram", "Heatmap",
    "Labels", "Legends", "SideLegends", "MeasureContext", "Panel", "Plot", "ScaleBar", "ScaleLegend", "Theme", "align_series",
]
