"""Layout: the tree of nodes, the pure solver, measuring and realisation."""

from .measure import TextMeasurer, measure
from .planning import Plan, plan
from .realise import Rendered, render
from .solver import Rect, Solution, solve
from .tracks import Track, resolve
from .tree import Column, Cross, Node, Row

__all__ = ["Column", "Cross", "Node", "Plan", "Rect", "Rendered", "Row", "Solution", "TextMeasurer", "Track",
           "measure", "plan", "render", "resolve", "solve"]
