"""Make the images of docs/heatmap.md by running its code blocks in docs/images:
``python docs/gallery_heatmap.py``."""

import os
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

HERE = Path(__file__).parent


def main() -> None:
    blocks = re.findall(r"```python\n(.*?)```", (HERE / "heatmap.md").read_text(), re.S)
    os.chdir(HERE / "images")
    namespace: dict = {"__name__": "__gallery__"}
    for code in blocks:
        exec(compile(code, "docs/heatmap.md", "exec"), namespace)


if __name__ == "__main__":
    main()
