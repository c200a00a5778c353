"""
A categorical matrix: an oncoPrint-like alteration map
======================================================

:class:`~gridfig.CategoryHeatmap` colours a matrix of categories: here the
kind of alteration found in each gene of each patient, empty where none was.
The colours are given per category (a dict), and the legend gets a block in
that order. Bars on top count the alterations per patient and bars on the
right the patients per gene, stacked by kind -- the layout of ComplexHeatmap's
``oncoPrint``, built from ordinary panels. Patients and genes are sorted by
how often they are altered, as an oncoPrint does.
"""

import numpy as np
import pandas as pd

import gridfig as gf

rng = np.random.default_rng(5)
genes = ["TP53", "PIK3CA", "KRAS", "PTEN", "CDKN2A", "EGFR", "MYC", "RB1", "APC", "BRAF"]
patients = [f"P{k:02d}" for k in range(30)]
kinds = ["missense", "truncating", "amplification", "deletion"]
colors = {"missense": "#2a9d8f", "truncating": "#222222", "amplification": "#e63946", "deletion": "#457b9d"}
rate = np.linspace(0.6, 0.1, len(genes))
hit = rng.uniform(size=(len(genes), len(patients))) < rate[:, None]
alter = pd.DataFrame(np.where(hit, rng.choice(kinds, size=hit.shape, p=[.5, .2, .2, .1]), None),
                     index=genes, columns=patients)

counts = pd.DataFrame({k: (alter == k).sum(axis=1) for k in kinds})          # per gene, by kind
per_patient = alter.notna().sum(axis=0)
rows = np.argsort(-alter.notna().sum(axis=1).to_numpy(), kind="stable")
cols = np.lexsort([~hit[r] for r in rows[::-1]])                              # the oncoPrint's sort

tree = gf.Cross(
    core=gf.CategoryHeatmap.from_frame(alter, colors=colors, categories=kinds, legend_title="alteration",
                                       linewidths=1.5, linecolor="white"),
    rows=gf.Leaves.in_order(rows, labels=genes), cols=gf.Leaves.in_order(cols, labels=patients),
    left=[gf.Labels(fontsize=8)],
    right=[gf.Bars(values=counts, colors=[colors[k] for k in kinds], title="patients", size="15mm"),
           gf.Legends()],  # the bars use the heatmap's colours: its legend block stands for both
    top=[gf.Bars(values=per_patient.to_numpy(), title="alterations", color="0.45")],
    bottom=[gf.Labels(rotation=90)],
    width="135mm", height="50mm")
out = gf.render(tree)
