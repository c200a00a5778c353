import numpy as np
import gridfig as gf
from _data import mutations

alter = mutations()           # genes x patients, None = none
kinds = ["missense", "truncating", "amplification",
         "deletion"]
colors = {"missense": "#2a9d8f", "truncating": "#222222",
          "amplification": "#e63946", "deletion": "#457b9d"}

# oncoPrint's sort: most altered genes first, then the
# patients by their alterations, gene by gene
hit = alter.notna().to_numpy()
rows = np.argsort(-hit.sum(axis=1), kind="stable")
cols = np.lexsort([~hit[r] for r in rows[::-1]])
per_gene = (alter.apply(lambda r: r.value_counts(), axis=1)
            .reindex(columns=kinds).fillna(0))

tree = gf.Cross(
    core=gf.CategoryHeatmap.from_frame(
        alter, colors=colors, categories=kinds,
        legend_title="alteration", linewidths=1.5),
    rows=gf.Leaves.in_order(rows, labels=alter.index),
    cols=gf.Leaves.in_order(cols, labels=alter.columns),
    left=[gf.Labels()],
    right=[gf.Bars(values=per_gene, colors=colors,
                   title="patients", size="14mm"),
           gf.Legends()],
    top=[gf.Bars(values=hit.sum(axis=0), title="altered",
                 color="0.45")],
    width="100mm", height="45mm")
out = gf.render(tree)
