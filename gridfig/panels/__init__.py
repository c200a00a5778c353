"""Panels: the things a layout places and that draw themselves."""

from .base import DrawContext, Extent, MeasureContext, Panel, Theme
from .dendrogram import Dendrogram, GroupDendrogram
from .heatmap import Heatmap
from .labels import Labels
from .legend import CategoryLegend, Legends, ScaleBar, ScaleLegend
from .match import align_series
from .plot import Plot
from .strip import AnnotationStrip

__all__ = [
    "AnnotationStrip", "CategoryLegend", "Dendrogram", "DrawContext", "Extent", "GroupDendrogram", "Heatmap",
    "Labels", "Legends", "MeasureContext", "Panel", "Plot", "ScaleBar", "ScaleLegend", "Theme", "align_series",
]
