"""Decorating a solved figure: panel letters, a collected legend area, a debug overlay.

Letters come from a walk of the tree (:func:`~gridfig.layout.tree.lettered`),
never stored by hand on panels: each lettered node keeps room for its letter
above its content, and the letter goes at the top-left of the region the node
was given, so letters line up across a row and down a column.
"""

from __future__ import annotations

import attrs

from ..errors import InputError
from ..panels.base import Theme
from ..units import to_inches
from .measure import TextMeasurer
from .solver import Solution
from .tree import Column, Cross, Node, Row

#: Panel letters are this many times the theme's font size.
LETTER_SCALE = 1.5
LETTER_GAP = "2mm"


def letter_space(units, text: TextMeasurer, theme: Theme) -> dict:
    """Room kept above each lettered node: the letter's height and a gap."""
    if not units:
        return {}
    _, height = text.size("Ag", theme.fontsize * LETTER_SCALE, weight="bold")
    return {p: height + max(getattr(n, "gap", 0.0), to_inches(LETTER_GAP)) for p, n in units}


def letter_text(style: str, i: int) -> str:
    """The i-th letter in ``style``: ``"a"`` -> a, b, ...; ``"(A)"`` -> (A), (B), ..."""
    for base in ("a", "A"):
        if base in style:
            k = style.index(base)
            letter = chr(ord(base) + i % 26) * (1 + i // 26)
            return style[:k] + letter + style[k + 1:]
    raise InputError(f"letters: the style {style!r} needs an 'a' or 'A' to replace, e.g. 'a', 'A', '(a)'")


def draw_letters(fig, units, solution: Solution, origin, style: str, theme: Theme, inner: str = "") -> list:
    # reading order: by the top of each region (rounded to 0.01 mm), then from the left
    regions = [(p, n, solution.regions[p]) for p, n in units]
    regions.sort(key=lambda item: (-round(item[2].top, 4), round(item[2].x, 4)))
    auto = 0
    out = []
    for path, node, r in regions:
        if isinstance(node.letter, str):
            text = node.letter
        else:
            text = letter_text(style, auto)
            auto += 1
        artist = fig.text(origin[0] + r.x, origin[1] + r.top, text, transform=fig.dpi_scale_trans,
                          ha="left", va="top", fontsize=theme.fontsize * LETTER_SCALE, fontweight="bold",
                          color=theme.text_color, parse_math=False, gid=f"letter:{outside(path, inner)}")
        out.append((artist, path))
    return out


def with_legend_area(planned, side: str, gap) -> tuple[Node, str]:
    """The planned tree beside one legend area holding every panel's legends, and the path the tree got.

    Nodes that show their legends in an area of their own are left out, so
    nothing is shown twice. With no legends at all the tree is returned as it is.
    """
    from ..panels.legend import Legends
    from .planning import legend_blocks

    if side not in ("right", "left", "bottom", "top"):
        raise InputError(f"legend: expected 'right', 'left', 'bottom' or 'top', got {side!r}")
    tree = planned.tree
    blocks = legend_blocks(planned)
    if not blocks:
        return tree, ""
    area = Cross(core=Legends(blocks=blocks, flow="down" if side in ("right", "left") else "across"),
                 name="legend", letter=False, bare=True)
    main = attrs.evolve(tree, name="main") if tree.name is None else tree
    kind = Row if side in ("right", "left") else Column
    items = (main, area) if side in ("right", "bottom") else (area, main)
    return kind(*items, gap=gap), main.name


def outside(path: str, inner: str) -> str:
    """A drawn tree's path as a path of the user's tree (which sits at ``inner``)."""
    if not inner:
        return path
    if path == inner:
        return ""
    return path[len(inner) + 1:] if path.startswith(inner + "/") else path


def draw_debug(fig, solution: Solution, origin, inner: str = "") -> list:
    """Outline every solved panel (red) and node region (blue, dashed), labelled by path."""
    from matplotlib.patches import Rectangle

    out = []
    for kind, rects, color, style in (("region", solution.regions, "tab:blue", "--"),
                                      ("panel", solution.panels, "tab:red", "-")):
        for path, r in rects.items():
            box = Rectangle((origin[0] + r.x, origin[1] + r.y), r.width, r.height, fill=False, lw=0.6,
                            ls=style, edgecolor=color, transform=fig.dpi_scale_trans, gid=f"debug-{kind}:{path}")
            fig.add_artist(box)
            out.append(box)
            if kind == "panel":
                fig.text(origin[0] + r.x, origin[1] + r.top, outside(path, inner) or "(root)", fontsize=5,
                         color=color, va="top", ha="left", transform=fig.dpi_scale_trans, parse_math=False,
                         gid=f"debug-label:{path}")
    return out
