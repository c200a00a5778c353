"""Sphinx configuration of gridfig's documentation site.

Build (from the repository root, after ``pip install ".[docs]"``)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

The build needs no network: no intersphinx inventories are fetched, the theme
ships its own assets, and every gallery example draws from data made in the
script or shipped with an installed package. ``_ext/site_checks.py`` runs after
the HTML is written and turns a missing API entry, a broken link inside the
site or a gallery example without an image into a build warning (an error
under ``-W``).
"""

import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import gridfig  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "gridfig"
author = "gridfig developers"
copyright = "gridfig developers"  # noqa: A001 - Sphinx's name
release = version = gridfig.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "sphinx_design",
    "sphinx_gallery.gen_gallery",
    "matplotlib.sphinxext.plot_directive",
    "site_checks",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# README.md describes this folder for people reading the repository; the
# gallery's sources are turned into pages by sphinx-gallery (auto_examples/).
exclude_patterns = ["_build", "README.md", "gallery/*.rst", "**/GALLERY_HEADER.rst", "sg_execution_times.rst"]
templates_path = ["_templates"]
suppress_warnings = []
nitpicky = False

# --- Markdown (the user guide pages are plain Markdown that GitHub shows too) --
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3  # "page.md#a-heading" links resolve (and are checked)

# --- API reference -----------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = True
autodoc_typehints = "none"  # the signatures show defaults; the docstrings say the types
autoclass_content = "class"
numpydoc_show_class_members = False  # attrs classes: the fields are the parameters
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
numpydoc_validation_checks = set()

# --- gallery -------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": ["gallery"],
    "gallery_dirs": ["auto_examples"],
    "filename_pattern": r"/plot_",  # every plot_*.py runs
    "ignore_pattern": r"__init__\.py",
    "within_subsection_order": "gallery_order.ExampleOrder",
    "download_all_examples": False,
    "remove_config_comments": True,
    "image_scrapers": ("matplotlib",),
    "matplotlib_animations": False,
    "reset_modules": ("matplotlib",),
    "first_notebook_cell": None,
    "show_memory": False,
    "only_warn_on_example_error": False,  # a broken example fails the build
    "abort_on_example_error": False,  # ... after every example has been tried
    "write_computation_times": False,
    "show_signature": False,
    "capture_repr": (),
    "default_thumb_file": None,
    "min_reported_time": 10,
    "backreferences_dir": None,
    "doc_module": (),
}

# --- migration guides: the gridfig side of each comparison is drawn at build time
plot_formats = [("png", 110)]
plot_html_show_source_link = False
plot_html_show_formats = False
plot_include_source = False
plot_rcparams = {}
plot_apply_rcparams = False
plot_working_directory = str(HERE / "migration")

# --- HTML --------------------------------------------------------------------
html_theme = "furo"
html_title = f"gridfig {release}"
html_static_path = ["_static"]
html_css_files = ["gridfig.css"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_theme_options = {"navigation_with_keys": True}

os.environ.setdefault("MPLBACKEND", "Agg")
autosummary_filename_map = {"gridfig.plan": "gridfig.plan-function"}
