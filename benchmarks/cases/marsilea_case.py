"""Marsilea: the same annotated clustered heatmap with Marsilea's board API.

``ma.Heatmap`` (colour bar via Marsilea's legend system) + a ``Colors`` strip
and a dendrogram on the left and on top (strips added first so they sit next
to the body, dendrograms outside them, as in the other cases) + ``Labels`` on
the right and bottom + ``add_legends()`` for the colour bar and both group
legends; saved with ``Heatmap.save`` (Marsilea's default
``bbox_inches="tight"``). Marsilea sizes the figure from its parts, so the body
is given the size that makes the whole figure about 10 x 8 in.

Labels follow the same rule as the other cases: all of them up to 100 leaves
(``Labels``), else every k-th one, drawn with ``AnnoLabels(mark=...)`` --
Marsilea's documented way to "annotate a few rows or columns" of a large
heatmap (it spreads the marked labels out and draws a short pointer to each
row). ``Labels`` with blank strings for the others would create one Text
artist per row (100,000 at 100000x10, twice: once to measure, once to draw),
which no Marsilea user would do. Marsilea reorders labels itself, so the
k-th leaves are picked in input order: the same number of labels, not evenly
spaced after clustering.
"""

from _common import (CMAP, DPI, LABEL_FONTSIZE, Phases, COL_PALETTE,
                     ROW_PALETTE, label_step, load, lut, parse_args)

args = parse_args(__doc__.splitlines()[0])
ph = Phases()

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import marsilea as ma  # noqa: E402
import marsilea.plotter as mp  # noqa: E402

ph.mark("import")

df, row_groups, col_groups = load(args)
ph.mark("data")


def labels(names):
    names = np.asarray(names, dtype=object)
    k = label_step(len(names))
    if k == 1:
        return mp.Labels(names, fontsize=LABEL_FONTSIZE)
    return mp.AnnoLabels(names, mark=names[::k], fontsize=LABEL_FONTSIZE,
                         linewidth=0.5, pointer_size=POINTER)


POINTER = 0.3  # inches of pointer lines that AnnoLabels adds


# body size chosen so the finished figure is ~10 x 8 in like the others
nr, nc = df.shape
h = ma.Heatmap(df, cmap=CMAP, label="value",
               width=6.55 - (POINTER + 0.1) * (label_step(nr) > 1),
               height=6.1 - (POINTER + 0.1) * (label_step(nc) > 1))
h.add_left(mp.Colors(row_groups, palette=lut(row_groups.cat.categories, ROW_PALETTE),
                     label="row group"), size=0.18, pad=0.03)
h.add_top(mp.Colors(col_groups, palette=lut(col_groups.cat.categories, COL_PALETTE),
                    label="col group"), size=0.18, pad=0.03)
h.add_dendrogram("left", method=args.method, metric=args.metric, size=1.3,
                 linewidth=0.5, colors=(0.2, 0.2, 0.2))
h.add_dendrogram("top", method=args.method, metric=args.metric, size=1.1,
                 linewidth=0.5, colors=(0.2, 0.2, 0.2))
h.add_right(labels(df.index), pad=0.03)
h.add_bottom(labels(df.columns), pad=0.03)
h.add_legends()
h.render()
ph.mark("draw")

h.save(args.out, dpi=DPI, format=args.format)
ph.mark("save")
print("figsize", tuple(round(float(v), 2) for v in h.figure.get_size_inches()))
ph.report()
