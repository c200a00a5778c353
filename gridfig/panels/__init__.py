"""Panels: the things a layout places and that draw themselves."""

from .base import DrawContext, Extent, MeasureContext, Panel, Theme
from .dendrogram import Dendrogram, GroupDendrogram
from .distributions import Box, Histogram, Violin
from .heatmap import Heatmap
from .labels import Labels
from .legend import CategoryLegend, Legends, ScaleBar, ScaleLegend
from .match import align_series
from .numeric import Area, Bars, Lines, Points, ValuePanel
from .plot import Plot
from .strip import AnnotationStrip
from .texts import Numbers, Text

__all__ = [
    "Area", "Bars", "Box", "Histogram", "Lines", "Numbers", "Points", "Text", "ValuePanel", "Violin",
    "AnnotationStrip", "CategoryLegend", "Dendrogram", "DrawContext", "Extent", "GroupDendrogram", "Heatmap",
    "Labels", "Legends", "MeasureContext", "Panel", "Plot", "ScaleBar", "ScaleLegend", "Theme", "align_series",
]
