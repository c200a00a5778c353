"""The API reference lists every public name, and the site's build-time checks catch what they claim to.

The docs build (``sphinx-build -W``, see CONTRIBUTING.md) runs
``docs/_ext/site_checks.py`` on the built HTML. These tests need no Sphinx:
they read ``docs/api.rst`` and feed the checks small made-up pages.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
from pathlib import Path

import gridfig

DOCS = Path(__file__).resolve().parent.parent / "docs"


def site_checks():
    spec = importlib.util.spec_from_file_location("site_checks", DOCS / "_ext" / "site_checks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def api_rst_names() -> list[str]:
    """The names listed in docs/api.rst's autosummary blocks."""
    text = (DOCS / "api.rst").read_text()
    names = []
    for block in re.findall(r"\.\. autosummary::\n((?:   .*\n|\n)+)", text):
        names += [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith(":")]
    return names


def test_api_rst_lists_every_public_name_once_and_nothing_else():
    listed = api_rst_names()
    public = list(dict.fromkeys(gridfig.__all__))
    assert sorted(set(public) - set(listed)) == [], "add these to docs/api.rst"
    assert sorted(set(listed) - set(public)) == [], "not in gridfig.__all__"
    assert len(listed) == len(set(listed)), "listed twice"


def _page(dts: dict[str, list[str]]) -> str:
    """A page shaped like Sphinx's HTML for Python objects: one <dt> per object, a sig-param per parameter."""
    parts = []
    for full, params in dts.items():
        ems = "".join(f'<em class="sig-param"><span class="n"><span class="pre">{p}</span></span>'
                      f'<span class="o"><span class="pre">=</span></span>'
                      f'<span class="default_value"><span class="pre">None</span></span></em>' for p in params)
        parts.append(f'<dt class="sig sig-object py" id="{full}">\n<span class="sig-name">{full}</span>'
                     f'<span class="sig-paren">(</span>{ems}<span class="sig-paren">)</span></dt><dd></dd>')
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def test_every_parameter_of_every_public_name_is_described_in_its_docstring():
    checks = site_checks()
    undescribed = {}
    for name in dict.fromkeys(gridfig.__all__):
        obj = getattr(gridfig, name)
        missing = [p for p in checks.signature_parameters(obj) if p not in checks.described_parameters(obj)]
        if missing:
            undescribed[name] = missing
    assert undescribed == {}, "describe these in a Parameters or Attributes section"


def test_the_description_check_reads_numpydoc_sections():
    checks = site_checks()

    def f(a, b, *args, c=1, **kwargs):
        """Do it.

        Parameters
        ----------
        a, b : int
            Two numbers.
        *args
            More.

        Other Parameters
        ----------------
        c : int
            A third.

        Returns
        -------
        kwargs : this is a return value, not a parameter
        """

    assert checks.described_parameters(f) == {"a", "b", "args", "c"}


def test_the_api_check_reports_a_missing_name_and_a_missing_parameter(tmp_path):
    checks = site_checks()
    shown = {}
    for name in dict.fromkeys(gridfig.__all__):
        obj = getattr(gridfig, name)
        if not inspect.ismodule(obj):
            shown[f"gridfig.{name}"] = checks.signature_parameters(obj)
    assert checks.api_problems(shown, {"gridfig.demo"}) == []

    shown.pop("gridfig.Heatmap")
    shown["gridfig.render"] = [p for p in shown["gridfig.render"] if p != "letters"]
    problems = checks.api_problems(shown, set())
    assert any(p.startswith("gridfig.Heatmap: not in the API reference") for p in problems)
    assert "gridfig.render: the signature shown lacks letters" in problems
    assert "gridfig.demo: the module is not in the API reference" in problems

    # and the parameters are read from HTML shaped like Sphinx's
    api = tmp_path / "api"
    api.mkdir()
    (api / "gridfig.render.html").write_text(_page({"gridfig.render": ["tree", "figsize"]}))
    assert checks.documented_signatures(tmp_path) == {"gridfig.render": ["tree", "figsize"]}


def test_the_link_check_reports_missing_pages_files_and_anchors(tmp_path):
    checks = site_checks()
    (tmp_path / "sub").mkdir()
    (tmp_path / "img.png").write_bytes(b"png")
    (tmp_path / "index.html").write_text(
        '<a href="sub/page.html#there">ok</a> <a href="#top" id="top">self</a> <img src="img.png">'
        ' <a href="https://example.org/missing.html">outside: not checked</a>')
    (tmp_path / "sub" / "page.html").write_text(
        '<h1 id="there">x</h1><a href="../index.html">up</a> <a href="gone.html">gone</a>'
        ' <a href="../index.html#nowhere">bad anchor</a> <img src="../missing.png">')
    problems = checks.check_links(tmp_path)
    assert sorted(problems) == sorted([
        "sub/page.html: gone.html (no such file)",
        "sub/page.html: ../index.html#nowhere (no id 'nowhere')",
        "sub/page.html: ../missing.png (no such file)",
    ])


def test_the_gallery_check_wants_an_image_per_example(tmp_path):
    checks = site_checks()
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "gallery").mkdir(parents=True)
    (out / "auto_examples" / "images").mkdir(parents=True)
    for stem in ("plot_a", "plot_b", "plot_c"):
        (src / "gallery" / f"{stem}.py").write_text('"""\nT\n=\n"""\n')
    (out / "auto_examples" / "images" / "sphx_glr_plot_a_001.png").write_bytes(b"png")
    (out / "auto_examples" / "plot_a.html").write_text('<img src="images/sphx_glr_plot_a_001.png">')
    (out / "auto_examples" / "plot_b.html").write_text("<p>no figure</p>")
    assert checks.check_gallery(src, out) == [
        "gallery/plot_b.py: its page shows no image of the example",
        "gallery/plot_c.py: no page auto_examples/plot_c.html",
    ]
