"""gridfig: the same annotated clustered heatmap through gridfig's public API.

One call, exactly as documented for users: categorical Series for the strips
(gridfig picks the palette, legends, colour bar and label thinning itself),
the shared figsize, method, metric and cmap, then ``g.savefig`` at 100 dpi.
"""

import sys

from _common import (CMAP, DPI, FIGSIZE, REPO_DIR, Phases, load, parse_args)

args = parse_args(__doc__.splitlines()[0])
ph = Phases()

try:
    import gridfig
except ImportError:  # not installed: use the working tree (like `pip install -e .`)
    sys.path.insert(0, REPO_DIR)
    import gridfig

ph.mark("import")

df, row_groups, col_groups = load(args)
ph.mark("data")

g = gridfig.clustermap(df, method=args.method, metric=args.metric,
                       row_colors=row_groups, col_colors=col_groups,
                       figsize=FIGSIZE, cmap=CMAP)
ph.mark("draw")

g.savefig(args.out, dpi=DPI)
ph.mark("save")
ph.report()
