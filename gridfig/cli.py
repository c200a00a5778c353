"""The ``gridfig`` command line.

Commands
--------
gridfig clustermap TABLE -o OUT [options]
    Read a numeric table (CSV or TSV: the first column holds the row labels,
    the header the column labels), cluster it and save an annotated clustered
    heatmap (:func:`gridfig.clustermap`). Annotation tables
    (``--row-annotations`` / ``--col-annotations``) are matched to the rows /
    columns by the labels in their first column; every other column becomes
    one coloured strip.
gridfig demo [-o OUT]
    Save the built-in example figure (:func:`gridfig.demo.seed_figure`).
gridfig --version
    Print the version.

The format of OUT follows its extension (png, pdf, svg, tif, jpg, ...).
Errors are one line on stderr, ``gridfig: error: <message>``, with exit
status 2 for bad usage or input (1 for an unexpected failure); warnings are
``gridfig: warning: <message>`` lines. The figure is written to a temporary
file next to OUT and moved into place only when complete, so a failed run
never leaves a partial file. ``python -m gridfig`` is the same command.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
import warnings

from . import __version__
from .errors import GridfigError, InputError, quote_some
from .units import to_inches

AXES = {"rows": 0, "columns": 1}
LABELS = {"auto": "auto", "all": True, "none": False}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line instead of argparse's usage block
        self.exit(2, f"gridfig: error: {' '.join(message.split())} (see {self.prog} --help)\n")


def _positive(text: str) -> float:
    with contextlib.suppress(ValueError):
        if 0 < (value := float(text)) < float("inf"):
            return value
    raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``gridfig`` command."""
    p = _Parser(prog="gridfig", description="Annotated clustered heatmaps from tables.")
    p.add_argument("--version", action="version", version=f"gridfig {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    cm = sub.add_parser("clustermap", help="draw a clustered heatmap of a CSV/TSV table",
                        description="Cluster a numeric table (first column = row labels, header = "
                        "column labels) and save an annotated heatmap; the format follows OUT's extension.")
    cm.add_argument("table", metavar="TABLE", help="CSV or TSV file (.csv; .tsv/.tab; otherwise sniffed)")
    cm.add_argument("-o", "--output", required=True, metavar="OUT", help="output file (.png, .pdf, .svg, ...)")
    cm.add_argument("--sep", help=r"field separator of TABLE, instead of detecting it (',', ';', 'tab', ...)")
    g = cm.add_argument_group("clustering")
    g.add_argument("--metric", default="euclidean", help="distance metric (scipy name; default: euclidean)")
    g.add_argument("--method", default="average", help="linkage method (default: average)")
    scale = g.add_mutually_exclusive_group()
    scale.add_argument("--z-score", choices=AXES, help="z-score each row or column first")
    scale.add_argument("--standard-scale", choices=AXES, help="scale each row or column to 0..1 first")
    g.add_argument("--no-row-cluster", dest="row_cluster", action="store_false", help="keep the row order")
    g.add_argument("--no-col-cluster", dest="col_cluster", action="store_false", help="keep the column order")
    g.add_argument("--optimal-ordering", action="store_true", help="optimal leaf ordering (slower)")
    g = cm.add_argument_group("annotations")
    for axis in ("row", "col"):
        g.add_argument(f"--{axis}-annotations", metavar="FILE",
                       help=f"CSV/TSV: first column = {axis} labels, one strip per other column")
    g = cm.add_argument_group("appearance", "Lengths are inches or strings such as 180mm, 12cm, 7in, 500pt.")
    g.add_argument("--width", metavar="LENGTH", help="figure width (give --height too)")
    g.add_argument("--height", metavar="LENGTH", help="figure height (give --width too)")
    g.add_argument("--cell-size", metavar="LENGTH",
                   help="fixed cell edge; the figure size follows unless --width/--height are given")
    g.add_argument("--cmap", help="colormap (default: viridis, or RdBu_r with --center)")
    for name, where in (("center", "centre"), ("vmin", "low end"), ("vmax", "high end")):
        g.add_argument(f"--{name}", type=float, help=f"data value at the colormap's {where}")
    g.add_argument("--cbar-label", metavar="TEXT", help="title of the colour scale")
    g.add_argument("--gap", metavar="LENGTH", default="1mm", help="space between panels (default: 1mm)")
    g.add_argument("--fontsize", type=_positive, metavar="PT", help="font size in points")
    g.add_argument("--row-labels", choices=LABELS, default="auto", help="row labels (default: auto = as fit)")
    g.add_argument("--col-labels", choices=LABELS, default="auto", help="column labels (default: auto)")
    g.add_argument("--dpi", type=_positive, help="resolution of raster output (default: matplotlib's)")
    cm.set_defaults(run=make_clustermap)

    demo = sub.add_parser("demo", help="draw the built-in example figure",
                          description="Save the built-in example (gridfig.demo.seed_figure()).")
    demo.add_argument("-o", "--output", default="gridfig-demo.png", metavar="OUT",
                      help="output file (default: gridfig-demo.png)")
    demo.add_argument("--dpi", type=_positive, help="resolution of raster output")
    demo.set_defaults(run=make_demo)
    return p


def _separator(path: str, sep: str | None):
    """The separator to split ``path`` with (None: let pandas sniff)."""
    if sep:
        return "\t" if sep in ("tab", "\\t", "\t") else sep
    name = re.sub(r"\.(gz|bz2|xz|zip|zst)$", "", path.lower())
    return "," if name.endswith(".csv") else "\t" if name.endswith((".tsv", ".tab")) else None


def read_table(path: str, sep: str | None = None, what: str = "TABLE"):
    """Read a labelled table: first column = row labels (as strings), header = column labels."""
    import pandas as pd

    if not os.path.isfile(path):
        raise InputError(f"{what}: {'not a file' if os.path.exists(path) else 'no such file'}: {path!r}")
    sep = _separator(path, sep)
    options = dict(sep=sep, engine="c" if sep and len(sep) == 1 else "python")  # python: sniff, or a regex
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)  # a row longer than the header
            first = pd.read_csv(path, nrows=0, **options).columns[0]  # labels are read as text
            frame = pd.read_csv(path, index_col=False, dtype={first: str}, **options).set_index(first)
    except (pd.errors.ParserWarning, ValueError, OSError) as e:  # ParserError, UnicodeError are ValueErrors
        why = "a row has more fields than the header" if isinstance(e, Warning) else str(e).strip()
        raise InputError(f"{what}: cannot read {path!r} as a table: {why}") from None
    if frame.shape[1] == 0:
        how = "the separator could not be detected" if sep is None else f"split on {sep!r}"
        raise InputError(f"{what}: {path!r} has no columns besides the labels ({how}); "
                         "set the separator with --sep")
    if frame.shape[0] == 0:
        raise InputError(f"{what}: {path!r} has a header but no rows")
    frame.index = frame.index.fillna("").astype(str)
    frame.columns = frame.columns.astype(str)
    return frame


def _numeric(frame, path: str):
    import pandas as pd

    types = pd.api.types
    bad = [c for c in frame.columns if types.is_bool_dtype(frame[c]) or not types.is_numeric_dtype(frame[c])]
    if bad:
        values = frame[bad[0]]
        odd = values[pd.to_numeric(values, errors="coerce").isna() & values.notna()]
        at = f"row {odd.index[0]!r} holds {odd.iloc[0]!r}" if len(odd) else f"its type is {values.dtype}"
        more = f" ({len(bad) - 1} more columns are not numeric)" if len(bad) > 1 else ""
        raise InputError(f"TABLE: column {bad[0]!r} of {path!r} is not numeric: {at}{more}")
    return frame


def _annotations(path: str, labels, what: str, option: str):
    """The annotation table at ``path`` (its separator detected), checked against the data's labels."""
    ann = read_table(path, None, option)
    if not ann.index.isin(list(labels)).any():
        raise InputError(f"{option}: none of the labels of {path!r} ({quote_some(ann.index.tolist(), 3)}) "
                         f"match the table's {what} ({quote_some(list(labels), 3)})")
    return ann


def _figsize(args):
    """(width, height) in inches, or None to size the figure from the data."""
    if (args.width is None) != (args.height is None):
        given, lacking = ("--width", "--height") if args.height is None else ("--height", "--width")
        raise InputError(f"{given} needs {lacking} too (give both, or neither to size from the data)")
    if args.width is not None:
        return to_inches(args.width, "--width"), to_inches(args.height, "--height")
    return None


def _check_output(path: str) -> str:
    """The format of ``path`` from its extension, after checking it can be written."""
    from matplotlib.backend_bases import FigureCanvasBase

    ext = os.path.splitext(path)[1].lower().lstrip(".")
    known = FigureCanvasBase.get_supported_filetypes()
    if ext not in known:
        said = f"the extension .{ext} is not a known format" if ext else "it has no extension"
        raise InputError(f"OUT: cannot tell the format of {path!r}: {said}; use one of "
                         f"{', '.join('.' + k for k in sorted(known))}")
    if os.path.isdir(path) or not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        why = "it is a folder" if os.path.isdir(path) else "its folder does not exist"
        raise InputError(f"OUT: cannot write {path!r}: {why}")
    return ext


def make_clustermap(args):
    """Draw what ``gridfig clustermap`` draws, from parsed arguments; returns the ClusterMap."""
    from .clustermap import clustermap

    figsize = _figsize(args)
    lengths = {name: to_inches(getattr(args, name), f"--{name.replace('_', '-')}")
               for name in ("cell_size", "gap") if getattr(args, name) is not None}
    data = _numeric(read_table(args.table, args.sep), args.table)
    colors = {f"{axis}_colors": _annotations(path, labels, what, f"--{axis}-annotations")
              for axis, path, labels, what in (("row", args.row_annotations, data.index, "row labels"),
                                               ("col", args.col_annotations, data.columns, "column labels"))
              if path is not None}
    return clustermap(
        data, metric=args.metric, method=args.method, z_score=AXES.get(args.z_score),
        standard_scale=AXES.get(args.standard_scale), row_cluster=args.row_cluster,
        col_cluster=args.col_cluster, optimal_ordering=args.optimal_ordering, figsize=figsize,
        cmap=args.cmap, center=args.center, vmin=args.vmin, vmax=args.vmax, cbar_label=args.cbar_label,
        dpi=args.dpi, fontsize=args.fontsize, yticklabels=LABELS[args.row_labels],
        xticklabels=LABELS[args.col_labels], **lengths, **colors)


def make_demo(args):
    """Draw the built-in example figure; returns the ClusterMap."""
    from .demo import seed_figure

    return seed_figure(dpi=args.dpi)


def save(figure, path: str) -> None:
    """Save ``figure`` to ``path`` atomically: a temporary file beside it, then ``os.replace``."""
    import matplotlib

    fmt = _check_output(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".gridfig-", suffix=f".{fmt}", dir=folder)
    os.close(fd)
    try:
        with matplotlib.rc_context({"savefig.bbox": "standard", "savefig.transparent": False}):
            figure.savefig(tmp, format=fmt, dpi=figure.dpi)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError) and e.filename == tmp:  # name the file asked for, not the temporary
            raise OSError(e.errno, e.strerror, path) from None
        raise


def _line(text) -> str:
    return " ".join(str(text).split())


def main(argv=None) -> int:
    """Run the ``gridfig`` command; returns the exit status."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # --help, --version, usage errors
        return e.code if isinstance(e.code, int) else 0
    before, code, message = set(plt.get_fignums()), 0, None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning):
            warnings.simplefilter("ignore", category)  # for developers, not for users of the command
        try:
            _check_output(args.output)
            save(args.run(args).figure, args.output)
        except (GridfigError, ValueError, TypeError) as e:
            code, message = 2, _line(e)
        except OSError as e:
            code, message = 2, _line(f"{e.strerror or e}: {e.filename}" if e.filename else e)
        except KeyboardInterrupt:
            code, message = 130, "interrupted"
        except Exception as e:  # noqa: BLE001 - one line, never a traceback
            code, message = 1, _line(f"unexpected {type(e).__name__}: {e}")
        finally:
            for num in set(plt.get_fignums()) - before:
                plt.close(num)
    for text in dict.fromkeys(_line(w.message) for w in caught):  # each once, in order
        print(f"gridfig: warning: {text}", file=sys.stderr)
    if message is not None:
        print(f"gridfig: error: {message}", file=sys.stderr)
    return code
