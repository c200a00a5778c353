"""Checks of the built site, run by Sphinx when the HTML has been written.

Each failure is a Sphinx warning, so ``sphinx-build -W`` fails on it:

* **API coverage.** Every name in ``gridfig.__all__`` is documented as
  ``gridfig.<name>`` in the API reference, and the signature shown for it names
  every parameter of the real object (``inspect.signature``). A name added to
  ``__all__`` but not to ``docs/api.rst``, or a page whose signature lost
  parameters, fails the build.
* **Parameters described.** Every parameter of that signature is described
  in a ``Parameters``, ``Other Parameters`` or ``Attributes`` section of the
  object's numpydoc docstring, or of a gridfig base class's (a panel's
  ``size`` and ``name`` are described once, on :class:`gridfig.Panel`).
* **Links inside the site.** Every ``href`` and ``src`` of every built page
  that points into the site resolves to a file that was written, and a
  ``#fragment`` to an id on that page.
* **Gallery images.** Every ``docs/gallery/plot_*.py`` ran and its page shows
  at least one image that exists in the built site.

``tests/test_api_reference.py`` checks these checks on small made-up pages,
and that ``docs/api.rst`` lists ``gridfig.__all__``, without a build (and without
Sphinx).
"""

from __future__ import annotations

import html
import inspect
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def public_names() -> list[str]:
    import gridfig

    return list(dict.fromkeys(gridfig.__all__))


def signature_parameters(obj) -> list[str]:
    """The parameter names a reader must see for ``obj`` (none for a module)."""
    if inspect.ismodule(obj):
        return []
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return []
    return [p.name for p in sig.parameters.values() if p.name != "self"]


_SECTIONS = ("Parameters", "Other Parameters", "Attributes")


def _described_in(doc: str) -> set[str]:
    """Names described in the numpydoc parameter-like sections of one docstring."""
    names: set[str] = set()
    lines = doc.splitlines()
    i = 0
    while i < len(lines) - 1:
        title, rule = lines[i].strip(), lines[i + 1].strip()
        if title in _SECTIONS and rule and set(rule) == {"-"}:
            i += 2
            while i < len(lines) and not (i + 1 < len(lines) and lines[i + 1].strip()
                                          and set(lines[i + 1].strip()) == {"-"} and lines[i].strip()):
                line = lines[i]
                if line.strip() and not line[:1].isspace():  # an entry: "name : type" or "a, b : type"
                    head = line.split(" : ", 1)[0].rstrip(":").strip()
                    names.update(n.strip().lstrip("*") for n in head.split(","))
                i += 1
            continue
        i += 1
    return names


_DELEGATES = re.compile(r"Every argument of :func:`~?(?:gridfig\.)?(\w+)`")


def described_parameters(obj) -> set[str]:
    """Parameters described in ``obj``'s docstring (and its gridfig base classes' docstrings).

    A function whose docstring says "Every argument of :func:`other`" (``clustermap``
    of ``clustered_heatmap``) has those described on the page it links to.
    """
    import gridfig

    owners = [obj]
    if inspect.isclass(obj):
        owners += [b for b in obj.__mro__[1:] if b.__module__.startswith("gridfig")]
    for name in _DELEGATES.findall(inspect.getdoc(obj) or ""):
        if callable(getattr(gridfig, name, None)) and getattr(gridfig, name) is not obj:
            owners.append(getattr(gridfig, name))
    names: set[str] = set()
    for owner in owners:
        names |= _described_in(inspect.getdoc(owner) or "") if owner.__doc__ else set()
    return names


class _Page(HTMLParser):
    """The ids, links and images of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag in ("a", "link") and a.get("href"):
            self.links.append(a["href"])
        if tag in ("img", "script", "source") and a.get("src"):
            self.links.append(a["src"])
            if tag == "img":
                self.images.append(a["src"])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def check_links(outdir: Path) -> list[str]:
    """Broken links inside the site: '<page>: <link>' for each."""
    pages = {p: _parse(p) for p in outdir.rglob("*.html")}
    problems = []
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
                continue  # outside the site: not checked (the build is offline)
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{path.relative_to(outdir)}: {link} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{path.relative_to(outdir)}: {link} (no id {parts.fragment!r})")
    return problems


_SIG = re.compile(r'<dt class="sig sig-object py" id="(?P<id>[^"]+)">(?P<body>.*?)</dt>', re.S)
_PARAM = re.compile(r'<em class="sig-param">(.*?)</em>', re.S)


def documented_signatures(outdir: Path, docnames=None) -> dict[str, list[str]]:
    """Every documented Python object of the built API pages -> the parameter names its signature shows.

    ``docnames``: only the pages of these documents (the build's own), so that a
    page left in the output folder by an earlier build does not count.
    """
    found: dict[str, list[str]] = {}
    for path in (outdir / "api").rglob("*.html"):
        if docnames is not None and path.relative_to(outdir).with_suffix("").as_posix() not in docnames:
            continue
        for m in _SIG.finditer(path.read_text(encoding="utf-8")):
            names = []
            for p in _PARAM.findall(m["body"]):
                text = html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
                name = re.split(r"[:=]", text, maxsplit=1)[0].strip().lstrip("*")
                if name and name != "/":
                    names.append(name)
            found[m["id"]] = names
    return found


def check_api(outdir: Path, documented_modules: set[str], docnames=None) -> list[str]:
    return api_problems(documented_signatures(outdir, docnames), documented_modules)


def api_problems(shown: dict[str, list[str]], documented_modules: set[str]) -> list[str]:
    """What is missing from the API reference, given what it shows (``documented_signatures``)."""
    import gridfig

    problems = []
    for name in public_names():
        obj = getattr(gridfig, name)
        full = f"gridfig.{name}"
        if inspect.ismodule(obj):
            if obj.__name__ not in documented_modules and full not in documented_modules:
                problems.append(f"{full}: the module is not in the API reference")
            continue
        if full not in shown:
            problems.append(f"{full}: not in the API reference (add it to docs/api.rst)")
            continue
        missing = [p for p in signature_parameters(obj) if p not in shown[full]]
        if missing:
            problems.append(f"{full}: the signature shown lacks {', '.join(missing)}")
        undescribed = [p for p in signature_parameters(obj) if p not in described_parameters(obj)]
        if undescribed:
            problems.append(f"{full}: the docstring does not describe {', '.join(undescribed)}")
    return problems


def check_gallery(srcdir: Path, outdir: Path) -> list[str]:
    problems = []
    for script in sorted((srcdir / "gallery").glob("plot_*.py")):
        page = outdir / "auto_examples" / f"{script.stem}.html"
        if not page.exists():
            problems.append(f"gallery/{script.name}: no page {page.relative_to(outdir)}")
            continue
        images = [src for src in _parse(page).images if "sphx_glr_" + script.stem in src]
        if not images:
            problems.append(f"gallery/{script.name}: its page shows no image of the example")
        for src in images:
            if not (page.parent / unquote(src)).resolve().exists():
                problems.append(f"gallery/{script.name}: image {src} is not in the site")
    return problems


def _run(app, exception):
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    srcdir = Path(app.srcdir)
    py = app.env.domains["py"]
    modules = set(py.data.get("modules", {}))
    checks = [
        ("API reference", check_api(outdir, modules, set(app.env.found_docs))),
        ("links inside the site", check_links(outdir)),
        ("gallery", check_gallery(srcdir, outdir)),
    ]
    for what, problems in checks:
        for p in problems:
            logger.warning("site check (%s): %s", what, p, type="site_checks", subtype=what)
    total = sum(len(p) for _, p in checks)
    logger.info("site checks: %d public names, %d problems", len(public_names()), total)


def setup(app):
    app.connect("build-finished", _run)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
