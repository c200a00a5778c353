"""Every Python block in README.md and docs/*.md runs, in order, per file."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)
OPTIONAL = {"polars", "pyarrow", "xarray", "anndata"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_code_blocks_run(path, tmp_path, monkeypatch):
    blocks = BLOCK.findall(path.read_text())
    if not blocks:
        pytest.skip("no python blocks")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    for code in blocks:
        try:
            exec(compile(code, str(path), "exec"), namespace)
        except ModuleNotFoundError as e:
            if e.name not in OPTIONAL:  # docs/inputs.md shows polars and xarray, which gridfig does not need
                raise
            pytest.skip(f"{path.name} shows {e.name}, which is not installed")
    made = [p for p in tmp_path.iterdir() if p.suffix in (".png", ".pdf", ".svg")]
    for p in made:
        assert p.stat().st_size > 1000, p
