"""The library says its stages on the "gridfig" logger (the CLI prints its own progress lines)."""

from __future__ import annotations

import logging

import matplotlib.pyplot as plt

import gridfig as gf


def test_clustering_layout_and_saving_are_logged(caplog, tmp_path):
    data, groups, _ = gf.demo.seed_data()
    with caplog.at_level(logging.INFO, logger="gridfig"):
        g = gf.clustermap(data, method="ward", row_colors=groups)
        g.savefig(tmp_path / "seed.png")
    said = [r.getMessage() for r in caplog.records if r.name == "gridfig"]
    assert "clustering 13 rows x 20 values (method ward, metric euclidean) ..." in said
    assert "clustering 20 columns x 13 values (method ward, metric euclidean) ..." in said
    assert any(m.startswith("clustered 13 rows in ") for m in said)
    assert any(m.startswith("laying out ") for m in said)
    assert any(m.startswith("laid out and drawn in ") for m in said)
    assert any(m.startswith("saved ") and m.endswith("seed.png") for m in said)
    # in order: both axes clustered before the layout, saved last
    first = {key: next(i for i, m in enumerate(said) if m.startswith(key))
             for key in ("clustering 13", "clustering 20", "laying out", "saved")}
    assert first["clustering 13"] < first["clustering 20"] < first["laying out"] < first["saved"]
    plt.close(g.figure)


def test_nothing_is_printed_by_default(capfd):
    data, _, _ = gf.demo.seed_data()
    g = gf.clustermap(data)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("gridfig").handlers)
    plt.close(g.figure)
