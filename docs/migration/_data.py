"""Made-up data shared by the migration guides' scripts (docs/migration/*.py)."""

import numpy as np
import pandas as pd


def expression():
    """(data, pathway, condition, replicates): 36 genes x 18 samples, three pathways, three conditions."""
    rng = np.random.default_rng(42)
    pathways = np.repeat(["glycolysis", "hypoxia", "interferon"], [14, 12, 10])
    genes = [f"{p[:3].upper()}{i}" for i, p in enumerate(pathways)]
    samples = [f"S{j:02d}" for j in range(18)]
    condition = np.repeat(["control", "treated", "relapse"], 6)
    effect = {"glycolysis": "treated", "hypoxia": "relapse", "interferon": "control"}
    x = rng.normal(size=(36, 18))
    for i, p in enumerate(pathways):
        x[i] += 1.6 * (condition == effect[p])
    data = pd.DataFrame(x, index=genes, columns=samples)
    pathway = pd.Series(pathways, index=genes, name="pathway")
    replicates = pd.DataFrame(rng.normal(x.mean(axis=1)[:, None], 1.0, (36, 25)), index=genes)
    return data, pathway, pd.Series(condition, index=samples, name="condition"), replicates


def correlation():
    """(corr, pvalue): a 10 x 10 correlation matrix and made-up p-values of the same labels."""
    rng = np.random.default_rng(1)
    base = rng.normal(size=(80, 3))
    table = pd.DataFrame(base @ rng.normal(size=(3, 10)) + rng.normal(scale=1.4, size=(80, 10)),
                         columns=[f"m{k}" for k in range(10)])
    corr = table.corr()
    pvalue = pd.DataFrame(np.exp(-40 * corr.abs().to_numpy() ** 2), index=corr.index, columns=corr.columns)
    return corr, pvalue


def mutations():
    """A 8 genes x 24 patients table of alteration kinds (None where unaltered)."""
    rng = np.random.default_rng(5)
    genes = ["TP53", "PIK3CA", "KRAS", "PTEN", "CDKN2A", "EGFR", "MYC", "RB1"]
    patients = [f"P{k:02d}" for k in range(24)]
    rate = np.linspace(0.55, 0.12, len(genes))
    hit = rng.uniform(size=(len(genes), len(patients))) < rate[:, None]
    kinds = rng.choice(["missense", "truncating", "amplification", "deletion"], size=hit.shape, p=[.5, .2, .2, .1])
    return pd.DataFrame(np.where(hit, kinds, None), index=genes, columns=patients)
