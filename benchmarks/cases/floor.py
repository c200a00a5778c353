"""Floor: the fastest honest hand-written scipy + matplotlib clustered heatmap.

What it draws (the same content as every other case):
  * body: the reordered matrix as ONE ``imshow`` (interpolation="none", so a
    PDF embeds every cell unresampled, and a PNG samples cells like Agg
    samples a pcolormesh);
  * row dendrogram (left) and column dendrogram (top): each ONE
    ``LineCollection`` of U-shaped 4-point polylines, coordinates computed
    iteratively from the linkage (no recursion, no scipy ``dendrogram()``);
  * one categorical strip per side, each a one-column/one-row ``imshow``;
  * colour bar and the two group legends in the top-left corner;
  * row labels (right) and column labels (bottom), thinned to every k-th leaf
    when there are more than 100, as a reasonable user would;
  * one ``savefig`` at 10 x 8 in, 100 dpi.

Clustering: ``fastcluster.linkage_vector`` where it is exact and memory-light
(ward/centroid/median with euclidean, single), else ``pdist`` +
fastcluster's linkage on that matrix *in place* (see ``cluster`` below: the
public ``fastcluster.linkage`` copies it first, doubling peak memory); scipy
``linkage`` if fastcluster is missing. Leaf order from ``leaves_list``. The values are made C-contiguous once
(``np.ascontiguousarray(df.to_numpy())``): ``pdist`` on the Fortran-ordered
array a DataFrame gives runs about half as fast.

Nothing is skipped that the other cases do: both axes are clustered, every
leaf is placed, every cell of the data is in the output.
"""

from _common import (CMAP, DPI, FIGSIZE, LABEL_FONTSIZE, Phases, COL_PALETTE,
                     ROW_PALETTE, label_step, load, lut, parse_args)

args = parse_args(__doc__.splitlines()[0])
ph = Phases()

import numpy as np  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from scipy.cluster.hierarchy import leaves_list  # noqa: E402
from scipy.spatial.distance import pdist  # noqa: E402

try:
    import fastcluster
except ImportError:  # plain scipy fallback
    fastcluster = None
    from scipy.cluster.hierarchy import linkage as scipy_linkage
try:
    # fastcluster.linkage(D, preserve_input=False) still copies D (its first
    # line is ``array(X, subok=True)``), so the condensed matrix would be held
    # twice; the extension it wraps clusters D in place. Same algorithm, same
    # result, half the peak memory. Public API if the internals ever move.
    from _fastcluster import linkage_wrap as _linkage_wrap
    from fastcluster import mthidx as _mthidx
except ImportError:
    _linkage_wrap = None

ph.mark("import")

df, row_groups, col_groups = load(args)
ph.mark("data")

VECTOR_METHODS = {"ward", "centroid", "median"}


def cluster(X, method, metric):
    if fastcluster is None:
        return scipy_linkage(X, method=method, metric=metric)
    if method == "single" or (metric == "euclidean" and method in VECTOR_METHODS):
        return fastcluster.linkage_vector(X, method=method, metric=metric)
    D = pdist(X, metric)  # float64, C-contiguous, n(n-1)/2
    if _linkage_wrap is None or method not in _mthidx:
        return fastcluster.linkage(D, method=method, preserve_input=False)
    Z = np.empty((len(X) - 1, 4))
    _linkage_wrap(len(X), D, Z, _mthidx[method])  # overwrites D
    return Z


def dendrogram_segments(Z, order):
    """U-shaped polylines of a dendrogram, shape (n-1, 4, 2), iteratively.

    Leaves sit at 0.5, 1.5, ... in ``order``; a merge sits at the mean of its
    children's positions (scipy's convention) at height Z[i, 2]. Returns
    (position, height) pairs; the caller swaps them for a row dendrogram.
    """
    n = len(order)
    pos = np.empty(2 * n - 1)
    pos[order] = np.arange(n) + 0.5
    height = np.zeros(2 * n - 1)
    height[n:] = Z[:, 2]
    kids = Z[:, :2].astype(np.intp)
    p = pos.tolist()  # plain floats: the merge loop is ~10x faster on lists
    for i, (a, b) in enumerate(kids.tolist()):
        p[n + i] = 0.5 * (p[a] + p[b])
    pos = np.asarray(p)
    a, b = kids[:, 0], kids[:, 1]
    h = height[n:]
    seg = np.empty((n - 1, 4, 2))
    seg[:, 0, 0] = pos[a]
    seg[:, 0, 1] = height[a]
    seg[:, 1, 0] = pos[a]
    seg[:, 1, 1] = h
    seg[:, 2, 0] = pos[b]
    seg[:, 2, 1] = h
    seg[:, 3, 0] = pos[b]
    seg[:, 3, 1] = height[b]
    return seg


# C-ordered: DataFrame.to_numpy() of a float frame is Fortran-ordered, and pdist
# walks rows (2x slower on it at 5000 x 200); an expert converts once.
X = np.ascontiguousarray(df.to_numpy(dtype=float))
Zr = cluster(X, args.method, args.metric)
Zc = cluster(np.ascontiguousarray(X.T), args.method, args.metric)
ro, co = leaves_list(Zr), leaves_list(Zc)
ph.mark("cluster")

nr, nc = X.shape
W, H = FIGSIZE
fig = Figure(figsize=FIGSIZE, dpi=DPI)


def axes(x0, y0, w, h):
    """Axes from a rectangle in inches (origin bottom-left)."""
    return fig.add_axes((x0 / W, y0 / H, w / W, h / H))


# Fixed physical layout (inches): no tight/constrained layout pass needed.
M = 0.15  # outer margin
DEN_W, DEN_H, STRIP, GAP = 1.3, 1.1, 0.18, 0.03
x_body = M + DEN_W + GAP + STRIP + GAP
w_body = W - x_body - 0.55 - M  # room for row labels on the right
y_body = 0.55  # room for column labels at the bottom
h_body = H - M - DEN_H - GAP - STRIP - GAP - y_body

# body
ax = axes(x_body, y_body, w_body, h_body)
im = ax.imshow(X[ro][:, co], cmap=CMAP, aspect="auto", interpolation="none",
               extent=(0, nc, nr, 0))
kr, kc = label_step(nr), label_step(nc)
ax.set_yticks(np.arange(0, nr, kr) + 0.5, labels=df.index.to_numpy()[ro][::kr],
              fontsize=LABEL_FONTSIZE)
ax.set_xticks(np.arange(0, nc, kc) + 0.5, labels=df.columns.to_numpy()[co][::kc],
              fontsize=LABEL_FONTSIZE, rotation=90)
ax.yaxis.tick_right()
ax.tick_params(length=2, width=0.5, pad=1)
for s in ax.spines.values():
    s.set_visible(False)

# dendrograms: one LineCollection each
line_kw = dict(linewidths=0.5, colors=(0.2, 0.2, 0.2))
seg = dendrogram_segments(Zr, ro)
ax_rd = axes(M, y_body, DEN_W, h_body)
ax_rd.add_collection(LineCollection(seg[:, :, ::-1], **line_kw), autolim=False)
ax_rd.set_xlim(Zr[-1, 2] * 1.02, 0)
ax_rd.set_ylim(nr, 0)
ax_rd.set_axis_off()

seg = dendrogram_segments(Zc, co)
ax_cd = axes(x_body, H - M - DEN_H, w_body, DEN_H)
ax_cd.add_collection(LineCollection(seg, **line_kw), autolim=False)
ax_cd.set_xlim(0, nc)
ax_cd.set_ylim(0, Zc[-1, 2] * 1.02)
ax_cd.set_axis_off()

# group strips: one-column / one-row imshow of category codes
rcats, ccats = list(row_groups.cat.categories), list(col_groups.cat.categories)
rlut, clut = lut(rcats, ROW_PALETTE), lut(ccats, COL_PALETTE)
ax_rs = axes(M + DEN_W + GAP, y_body, STRIP, h_body)
ax_rs.imshow(row_groups.cat.codes.to_numpy()[ro][:, None], aspect="auto",
             interpolation="none", cmap=ListedColormap(list(rlut.values())),
             vmin=-0.5, vmax=len(rcats) - 0.5, extent=(0, 1, nr, 0))
ax_rs.set_axis_off()
ax_cs = axes(x_body, y_body + h_body + GAP, w_body, STRIP)
ax_cs.imshow(col_groups.cat.codes.to_numpy()[co][None, :], aspect="auto",
             interpolation="none", cmap=ListedColormap(list(clut.values())),
             vmin=-0.5, vmax=len(ccats) - 0.5, extent=(0, nc, 1, 0))
ax_cs.set_axis_off()

# colour bar + group legends in the top-left corner
cax = axes(M + 0.1, H - M - DEN_H - 0.1, 0.12, DEN_H)
cb = fig.colorbar(im, cax=cax)
cb.ax.tick_params(labelsize=LABEL_FONTSIZE + 1, length=2, width=0.5)
leg_kw = dict(fontsize=LABEL_FONTSIZE + 1, title_fontsize=LABEL_FONTSIZE + 1,
              frameon=False, handlelength=1, handleheight=1, borderpad=0,
              labelspacing=0.2, loc="upper left")
fig.legend(handles=[Patch(color=c, label=k) for k, c in rlut.items()],
           title="row group", bbox_to_anchor=(0.65 / W, 1 - M / H), **leg_kw)
fig.legend(handles=[Patch(color=c, label=k) for k, c in clut.items()],
           title="col group", bbox_to_anchor=(1.3 / W, 1 - M / H), **leg_kw)
ph.mark("draw")

fig.savefig(args.out, dpi=DPI, format=args.format)
ph.mark("save")
ph.report()
