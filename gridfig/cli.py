"""The ``gridfig`` command line.

Commands
--------
gridfig clustermap TABLE -o OUT [options]
    Read a numeric table (CSV/TSV text, possibly compressed, Parquet or Excel;
    ``-`` reads CSV/TSV text from standard input), cluster it and save an
    annotated clustered heatmap. By default the first column holds the row
    labels and the header the column labels. Annotation tables
    (``--row-annotations`` / ``--col-annotations``) are matched to the rows /
    columns by the labels in their first column; every other column becomes
    one coloured strip.
gridfig demo [-o OUT]
    Save the built-in example figure (:func:`gridfig.demo.seed_figure`).
gridfig --version
    Print the version.

The format of OUT follows its extension (png, pdf, svg, tif, jpg, ...) or
``--format``; ``-o -`` writes to standard output (png unless ``--format``).
Progress goes to stderr as ``gridfig: <step> ...`` lines unless ``--quiet``.
Errors are one line on stderr, ``gridfig: error: <message>``, with exit
status 2 for bad usage or input (1 for an unexpected failure, with the full
traceback under ``--debug``); warnings are ``gridfig: warning: <message>``
lines. Every input is read and checked before anything is drawn. Files are
written atomically (:func:`gridfig.output.save_reproducibly`), so a failed or
interrupted run never leaves a partial file. ``python -m gridfig`` is the
same command.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import os
import re
import sys
import warnings

from . import __version__
from .clustering.memory import VECTOR_METHODS, matrix_bytes, no_fastcluster_note
from .clustering.memory import readable as _gib
from .errors import GridfigError, InputError, OutOfMemory, quote_some
from .units import to_inches

AXES = {"rows": 0, "columns": 1}
SPLIT_ORDERS = ("natural", "cluster")
#: The library's names of the split arguments, as the command spells them (longest first).
SPLIT_OPTIONS = {"row_split_order": "--row-split-order", "col_split_order": "--col-split-order",
                 "split_order": "--split-order", "row_split_titles": "--split-titles",
                 "col_split_titles": "--split-titles", "row_split": "--row-split", "col_split": "--col-split",
                 "split_gap": "--split-gap", "row_cut": "--row-cut", "col_cut": "--col-cut"}
_SPLIT_NAME = re.compile(r"\b(" + "|".join(SPLIT_OPTIONS) + r")\b(?:=('[^']*'|[^\s,;)]*))?")
LABELS = {"auto": "auto", "all": True, "none": False}

#: Limits, so that a typo ends in a clear message instead of a MemoryError or a FreeType error.
MAX_DPI = 2400
MAX_FONTSIZE = 72
MAX_PIXELS = 2**28  # 268 million pixels: 1 GiB of RGBA
MAX_SIDE = 2**16 - 1  # matplotlib's Agg cannot draw 65536 pixels or more along a side
MAX_LINE = 4 * 2**20  # characters in one line of a text table
#: Formats drawn as pixels (the pixel limits apply to them).
RASTER = {"png", "jpg", "jpeg", "tif", "tiff", "webp", "raw", "rgba"}
#: Without fastcluster, warn when the condensed distance matrix of one axis would take this much.
MATRIX_WARN_BYTES = 2**30

COMPRESSION = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zip": "zip"}
TEXT, PARQUET, EXCEL = "text", "parquet", "excel"
KINDS = {".parquet": PARQUET, ".pq": PARQUET, ".xlsx": EXCEL, ".xlsm": EXCEL}
#: The optional package each kind of file needs, and the extra that installs it.
NEEDS = {PARQUET: ("pyarrow", "parquet"), EXCEL: ("openpyxl", "excel")}
SEPARATORS = ("\t", ",", ";", "|")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line instead of argparse's usage block
        self.exit(2, f"gridfig: error: {' '.join(message.split())} (see {self.prog} --help)\n")


def _number(text: str, low: float, high: float, what: str) -> float:
    with contextlib.suppress(ValueError):
        value = float(text)
        if low < value <= high:
            return value
        if math.isfinite(value) and value > high:
            raise argparse.ArgumentTypeError(f"{text!r} is over the limit of {high:g}{what}")
    raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")


def _positive(text: str) -> float:
    return _number(text, 0, math.inf, "")


def _dpi(text: str) -> float:
    return _number(text, 0, MAX_DPI, " dots per inch")


def _fontsize(text: str) -> float:
    return _number(text, 0, MAX_FONTSIZE, " points")


def _finite(text: str) -> float:
    with contextlib.suppress(ValueError):
        if math.isfinite(value := float(text)):
            return value
    raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")


def _count(text: str) -> int:
    with contextlib.suppress(ValueError):
        if (value := int(text)) >= 1:
            return value
    raise argparse.ArgumentTypeError(f"expected a whole number of clusters (1 or more), got {text!r}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``gridfig`` command."""
    p = _Parser(prog="gridfig", description="Annotated clustered heatmaps from tables.")
    p.add_argument("--version", action="version", version=f"gridfig {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    common.add_argument("--debug", action="store_true",
                        help="print the full traceback of an unexpected error, not one line")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    cm = sub.add_parser("clustermap", parents=[common], help="draw a clustered heatmap of a table",
                        description="Cluster a numeric table (first column = row labels, header = "
                        "column labels) and save an annotated heatmap; the format follows OUT's extension.")
    cm.add_argument("table", metavar="TABLE",
                    help="CSV/TSV text (.csv; .tsv/.tab; otherwise the separator is detected), optionally "
                    ".gz/.bz2/.xz/.zip compressed; .parquet/.pq (needs pyarrow); .xlsx/.xlsm (needs openpyxl); "
                    "- for CSV/TSV text on standard input")
    cm.add_argument("-o", "--output", required=True, metavar="OUT",
                    help="output file (.png, .pdf, .svg, ...); - for standard output")
    cm.add_argument("--format", metavar="FMT", help="output format instead of OUT's extension "
                    "(default for -o -: png)")
    cm.add_argument("--sep", help=r"field separator of TABLE, instead of detecting it (',', ';', 'tab', ...)")
    cm.add_argument("--index-col", metavar="COL", default="0",
                    help="the column of row labels: a name or a 0-based number (default: 0, the first)")
    cm.add_argument("--columns", metavar="A,B,...", help="draw only these data columns, in this order")
    cm.add_argument("--transpose", action="store_true", help="swap rows and columns after reading")
    cm.add_argument("--order-out", metavar="FILE",
                    help="also write the drawn order as CSV: axis,position,label,group (- for standard output)")
    g = cm.add_argument_group("clustering")
    g.add_argument("--metric", default="euclidean", help="distance metric (scipy name; default: euclidean)")
    g.add_argument("--method", default="average", help="linkage method (default: average)")
    scale = g.add_mutually_exclusive_group()
    scale.add_argument("--z-score", choices=AXES, help="z-score each row or column first")
    scale.add_argument("--standard-scale", choices=AXES, help="scale each row or column to 0..1 first")
    g.add_argument("--no-row-cluster", dest="row_cluster", action="store_false", help="keep the row order")
    g.add_argument("--no-col-cluster", dest="col_cluster", action="store_false", help="keep the column order")
    g.add_argument("--optimal-ordering", action="store_true", help="optimal leaf ordering (slower)")
    g.add_argument("--row-cut", type=_count, metavar="K", help="colour the row tree cut into K clusters")
    g.add_argument("--col-cut", type=_count, metavar="K", help="colour the column tree cut into K clusters")
    for axis, what in (("row", "rows"), ("col", "columns")):
        g.add_argument(f"--{axis}-split", metavar="SPLIT",
                       help=f"split the {what} into groups drawn apart, each clustered on its own: a column of "
                            f"--{axis}-annotations, K (cut the tree into K) or kmeans:K")
    g.add_argument("--split-gap", metavar="LENGTH", help="space between groups (default: 2mm)")
    g.add_argument("--split-order", choices=SPLIT_ORDERS,
                   help="order of the groups of every split: natural (the groups' own order) or cluster (by "
                        "their centroids, with the tree between them drawn); default: natural, cluster for "
                        "kmeans:K")
    for axis, what in (("row", "rows"), ("col", "columns")):
        g.add_argument(f"--{axis}-split-order", choices=SPLIT_ORDERS,
                       help=f"the same for the {what} alone")
    g.add_argument("--split-titles", action="store_true", help="write each group's name beside it")
    g = cm.add_argument_group("annotations")
    for axis in ("row", "col"):
        g.add_argument(f"--{axis}-annotations", metavar="FILE",
                       help=f"table: first column = {axis} labels, one strip per other column")
    g = cm.add_argument_group("appearance", "Lengths are inches or strings such as 180mm, 12cm, 7in, 500pt.")
    g.add_argument("--width", metavar="LENGTH", help="figure width (give --height too)")
    g.add_argument("--height", metavar="LENGTH", help="figure height (give --width too)")
    g.add_argument("--cell-size", metavar="LENGTH",
                   help="fixed cell edge; the figure size follows unless --width/--height are given")
    g.add_argument("--cmap", help="colormap (default: viridis, or RdBu_r with --center)")
    for name, where in (("center", "centre"), ("vmin", "low end"), ("vmax", "high end")):
        g.add_argument(f"--{name}", type=_finite, help=f"data value at the colormap's {where}")
    g.add_argument("--cbar-label", metavar="TEXT", help="title of the colour scale")
    g.add_argument("--gap", metavar="LENGTH", default="1mm", help="space between panels (default: 1mm)")
    g.add_argument("--fontsize", type=_fontsize, metavar="PT", help=f"font size in points (at most {MAX_FONTSIZE})")
    g.add_argument("--row-labels", choices=LABELS, default="auto", help="row labels (default: auto = as fit)")
    g.add_argument("--col-labels", choices=LABELS, default="auto", help="column labels (default: auto)")
    g.add_argument("--dpi", type=_dpi, help=f"resolution of raster output (at most {MAX_DPI}; "
                   "default: matplotlib's)")
    cm.set_defaults(run=make_clustermap)

    demo = sub.add_parser("demo", parents=[common], help="draw the built-in example figure",
                          description="Save the built-in example (gridfig.demo.seed_figure()).")
    demo.add_argument("-o", "--output", default="gridfig-demo.png", metavar="OUT",
                      help="output file (default: gridfig-demo.png); - for standard output")
    demo.add_argument("--format", metavar="FMT", help="output format instead of OUT's extension")
    demo.add_argument("--dpi", type=_dpi, help=f"resolution of raster output (at most {MAX_DPI})")
    demo.set_defaults(run=make_demo)
    return p


# -- progress ------------------------------------------------------------------------------------

class _Progress:
    """The ``gridfig: <step> ...`` lines on stderr, and what the current step is (for error messages)."""

    def __init__(self, quiet: bool = True):
        self.quiet = quiet
        self.step: tuple = ("starting",)

    def __call__(self, text: str, *step) -> None:
        self.step = step or (text,)
        if not self.quiet:
            print(f"gridfig: {text}", file=sys.stderr, flush=True)


_QUIET = _Progress()


# -- reading tables ------------------------------------------------------------------------------

def _shown(path: str) -> str:
    return "standard input" if path == "-" else repr(path)


def table_kind(path: str) -> tuple[str, str | None]:
    """(kind, compression) of ``path`` from its extensions: ``t.csv.gz`` is (text, gzip)."""
    stem, ext = os.path.splitext(path.lower())
    compression = COMPRESSION.get(ext)
    if compression:
        ext = os.path.splitext(stem)[1]
    return KINDS.get(ext, TEXT), compression


def _raw_bytes(path: str, compression: str | None, what: str) -> bytes:
    """The bytes of ``path`` (standard input for ``-``), decompressed as its extension says."""
    if path == "-":
        return sys.stdin.buffer.read()
    if not os.path.isfile(path):
        raise InputError(f"{what}: {'not a file' if os.path.exists(path) else 'no such file'}: {path!r}")
    try:
        if compression == "zip":
            import zipfile

            with zipfile.ZipFile(path) as z:
                names = [n for n in z.namelist() if not n.endswith("/")]
                if len(names) != 1:
                    raise InputError(f"{what}: {path!r} holds {len(names)} files "
                                     f"({quote_some(names, 3)}); a zipped table must be its only file")
                return z.read(names[0])
        opener = {"gzip": "gzip", "bz2": "bz2", "xz": "lzma"}.get(compression)
        if opener is None:
            with open(path, "rb") as fh:
                return fh.read()
        import importlib

        with importlib.import_module(opener).open(path, "rb") as fh:
            return fh.read()
    except (OSError, EOFError, ValueError) as e:  # BadGzipFile is an OSError, BadZipFile a ValueError
        if isinstance(e, InputError):
            raise
        how = f"as {compression} data" if compression else "it"
        raise InputError(f"{what}: cannot read {how} from {path!r}: {_line(e)}") from None


def _text(raw: bytes, path: str, what: str) -> str:
    """``raw`` as UTF-8 text (a byte-order mark is dropped), with every line checked to be bounded."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{what}: {_shown(path)} is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset "
                         f"{e.start}); Parquet and Excel tables are read by their extension "
                         f"(.parquet, .xlsx)") from None
    lengths = [len(line) for line in text.split("\n")]
    if max(lengths) > MAX_LINE:
        first = next(i for i, n in enumerate(lengths) if n > MAX_LINE)
        raise InputError(f"{what}: line {first + 1} of {_shown(path)} has {lengths[first]:,} characters, "
                         f"over the limit of {MAX_LINE:,}; is it a table with one row per line?")
    return text


def _separator(path: str, sep: str | None, text: str) -> str | None:
    """The separator: ``sep``; else by extension (.csv, .tsv, .tab); else detected from the first lines."""
    if sep:
        return "\t" if sep in ("tab", "\\t", "\t") else sep
    name = path.lower()
    stem, ext = os.path.splitext(name)
    if ext in COMPRESSION:
        name = stem
    if name.endswith(".csv"):
        return ","
    if name.endswith((".tsv", ".tab")):
        return "\t"
    lines = [line for line in text.split("\n", 20)[:20] if line.strip()]
    if len(lines) > 1 and len(text) > sum(map(len, lines)) + 20:
        lines = lines[:-1]  # the last one may be cut short by the split
    def score(candidate):  # found on every line; the same number of times on each; most often
        counts = [line.count(candidate) for line in lines]
        return min(counts) > 0, len(set(counts)) == 1, min(counts)

    best = max(SEPARATORS, key=score)  # ties: the first of SEPARATORS
    return best if score(best)[0] else None


def _read_text(text: str, sep: str | None, path: str, what: str, index_col):
    """(frame of strings and numbers with columns 0..n-1, the header row as read (not renamed), label column)."""
    import pandas as pd

    if not text.strip():
        raise InputError(f"{what}: cannot read {_shown(path)} as a table: it is empty")
    if sep is None:
        raise InputError(f"{what}: cannot detect the field separator of {_shown(path)} (tried tab, comma, "
                         "semicolon and |); set it with --sep")
    options = dict(sep=sep, engine="c" if len(sep) == 1 else "python")  # python: a regular expression
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)  # a row longer than the header
            header = pd.read_csv(io.StringIO(text), header=None, nrows=1, dtype=str, keep_default_na=False,
                                 **options).iloc[0].tolist()
            k = _index_position(index_col, header, path)
            frame = pd.read_csv(io.StringIO(text), header=None, skiprows=1, names=range(len(header)),
                                index_col=False, dtype={k: str}, **options)  # labels stay text: 007 is not 7
    except (pd.errors.ParserWarning, ValueError) as e:  # ParserError, EmptyDataError are ValueErrors
        if isinstance(e, InputError):
            raise
        why = "a row has more fields than the header" if isinstance(e, Warning) else _line(e)
        raise InputError(f"{what}: cannot read {_shown(path)} as a table: {why}") from None
    return frame, header, k


def _optional(kind: str, path: str, what: str):
    """Import the package reading ``kind`` files, or say which to install."""
    import importlib

    package, extra = NEEDS[kind]
    try:
        importlib.import_module(package)
    except ImportError:
        raise InputError(f"{what}: reading {path!r} needs the {package} package, which is not installed: "
                         f'pip install "gridfig[{extra}]"') from None


def _read_binary(kind: str, raw: bytes, path: str, what: str):
    """A Parquet or Excel table as (frame with columns 0..n-1, header row)."""
    import pandas as pd

    _optional(kind, path, what)
    try:
        if kind == PARQUET:
            frame = pd.read_parquet(io.BytesIO(raw))
            if not isinstance(frame.index, pd.RangeIndex):  # a stored index is the first column
                frame = frame.reset_index()
            header = [str(c) for c in frame.columns]
            frame.columns = range(len(header))
            return frame, header
        frame = pd.read_excel(io.BytesIO(raw), header=None, dtype=object)  # the first sheet
    except (ValueError, OSError, ImportError, KeyError) as e:
        raise InputError(f"{what}: cannot read {path!r} as {kind}: {_line(e)}") from None
    if frame.empty:
        raise InputError(f"{what}: cannot read {path!r} as a table: its first sheet is empty")
    header = ["" if pd.isna(v) else str(v) for v in frame.iloc[0]]
    frame = frame.iloc[1:].reset_index(drop=True).infer_objects()
    return frame, header


def _index_position(index_col, header: list, path: str) -> int:
    """The position of the label column: ``index_col`` is a name of the header or a 0-based number."""
    if index_col is None or index_col == "":
        return 0
    text = str(index_col)
    if text in header:
        return header.index(text)
    if re.fullmatch(r"\d+", text.strip()):
        if (k := int(text)) < len(header):
            return k
        raise InputError(f"--index-col: {text} is not a column number of {_shown(path)}, which has "
                         f"{len(header)} columns (0 to {len(header) - 1})")
    raise InputError(f"--index-col: {_shown(path)} has no column {text!r}; its columns are "
                     f"{quote_some(header, 8)}")


def read_table(path: str, sep: str | None = None, what: str = "TABLE", index_col=None, columns=None):
    """Read a labelled table: the index column (default: the first) as row labels (text), the header as
    column labels. ``columns`` (a list of names) keeps only those data columns, in that order.

    The kind of file follows the extension (see :func:`table_kind`); ``-`` is CSV/TSV text on
    standard input. Duplicate column names are refused (pandas would rename the second ``s2.1``).
    """
    import pandas as pd

    kind, compression = table_kind(path) if path != "-" else (TEXT, None)
    if kind != TEXT and path != "-":
        _optional(kind, path, what)
    raw = _raw_bytes(path, compression, what)
    if kind == TEXT:
        text = _text(raw, path, what)
        frame, header, k = _read_text(text, _separator(path, sep, text), path, what, index_col)
    else:
        frame, header = _read_binary(kind, raw, path, what)
        k = _index_position(index_col, header, path)
    names = [h if h != "" or i == k else f"Unnamed: {i}" for i, h in enumerate(header)]
    seen: dict = {}
    for i, name in enumerate(names):
        if i != k and name in seen:
            raise InputError(f"{what}: the column name {name!r} appears twice in the header of "
                             f"{_shown(path)} (columns {seen[name]} and {i}, counted from 0); "
                             "column names must be unique")
        seen.setdefault(name, i)
    frame.columns = names
    label = names[k]
    frame[label] = frame[label].astype(object).where(frame[label].notna(), "").astype(str)
    frame = frame.set_index(label)
    if frame.shape[1] == 0:
        how = f" (split on {_separator(path, sep, text)!r}); set the separator with --sep" if kind == TEXT else ""
        raise InputError(f"{what}: {_shown(path)} has no columns besides the labels{how}")
    if frame.shape[0] == 0:
        raise InputError(f"{what}: {_shown(path)} has a header but no rows")
    if columns is not None:
        unknown = [c for c in columns if c not in frame.columns]
        if unknown:
            raise InputError(f"--columns: {_shown(path)} has no column{'s' if len(unknown) > 1 else ''} "
                             f"{quote_some(unknown, 8)}; its data columns are "
                             f"{quote_some(list(frame.columns), 8)}")
        frame = frame[columns]
    frame.index = pd.Index(frame.index.astype(str), name=frame.index.name)
    frame.columns = frame.columns.astype(str)
    return frame


def _column_list(text: str | None) -> list | None:
    if text is None:
        return None
    names = [c.strip() for c in text.split(",")]
    if any(not c for c in names):
        raise InputError(f"--columns: expected comma-separated column names, got {text!r}")
    twice = sorted({c for c in names if names.count(c) > 1})
    if twice:
        raise InputError(f"--columns: {quote_some(twice)} named more than once in {text!r}")
    return names


def _numeric(frame, path: str):
    import pandas as pd

    types = pd.api.types
    bad = [c for c in frame.columns if types.is_bool_dtype(frame[c]) or not types.is_numeric_dtype(frame[c])]
    if bad:
        values = frame[bad[0]]
        odd = values[pd.to_numeric(values, errors="coerce").isna() & values.notna()]
        at = f"row {odd.index[0]!r} holds {odd.iloc[0]!r}" if len(odd) else f"its type is {values.dtype}"
        more = f" ({len(bad) - 1} more columns are not numeric)" if len(bad) > 1 else ""
        raise InputError(f"TABLE: column {bad[0]!r} of {_shown(path)} is not numeric: {at}{more}")
    return frame


def _annotations(path: str, labels, what: str, option: str):
    """The annotation table at ``path`` (its separator detected), checked against the data's labels."""
    ann = read_table(path, None, option)
    if not ann.index.isin(list(labels)).any():
        raise InputError(f"{option}: none of the labels of {_shown(path)} ({quote_some(ann.index.tolist(), 3)}) "
                         f"match the table's {what} ({quote_some(list(labels), 3)})")
    return ann


# -- checking the output -------------------------------------------------------------------------

def _figsize(args):
    """(width, height) in inches, or None to size the figure from the data."""
    if (args.width is None) != (args.height is None):
        given, lacking = ("--width", "--height") if args.height is None else ("--height", "--width")
        raise InputError(f"{given} needs {lacking} too (give both, or neither to size from the data)")
    if args.width is not None:
        return _length(args.width, "--width"), _length(args.height, "--height")
    return None


def _length(text: str, option: str, positive: bool = True) -> float:
    inches = to_inches(text, option)
    if positive and not inches > 0:
        raise InputError(f"{option}: expected a length over 0, got {text!r}")
    return inches


def output_format(args) -> str:
    """The format of the output, from ``--format`` or OUT's extension, checked to be one matplotlib writes."""
    from matplotlib.backend_bases import FigureCanvasBase

    path = args.output
    ext = "" if path == "-" else os.path.splitext(path)[1].lower().lstrip(".")
    fmt = (args.format or ext or ("png" if path == "-" else "")).lower().lstrip(".")
    known = FigureCanvasBase.get_supported_filetypes()
    if fmt not in known:
        said = (f"--format {args.format!r} is not a known format" if args.format else
                f"the extension .{ext} is not a known format" if ext else "it has no extension")
        raise InputError(f"OUT: cannot tell the format of {path!r}: {said}; use one of "
                         f"{', '.join('.' + k for k in sorted(known))} (or --format)")
    return fmt


def _check_writable(path: str, what: str) -> None:
    """Refuse, before drawing, an output that cannot be written (naming it, not a temporary file)."""
    from .output import check_writable

    if path == "-":
        return
    if os.path.isdir(path) or not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        why = "it is a folder" if os.path.isdir(path) else "its folder does not exist"
        raise InputError(f"{what}: cannot write {path!r}: {why}")
    check_writable(path)


def _check_pixels(size, dpi: float, fmt: str, when: str) -> None:
    """Refuse a raster output over the pixel limits (checked before drawing when the size is known)."""
    if fmt not in RASTER:
        return
    w, h = (math.ceil(v * dpi) for v in size)
    if max(w, h) > MAX_SIDE or w * h > MAX_PIXELS:
        raise InputError(f"--dpi: {when} {size[0]:.3g} x {size[1]:.3g} in at {dpi:g} dpi would be {w:,} x "
                         f"{h:,} pixels, over the limit of {MAX_SIDE:,} along a side and {MAX_PIXELS:,} "
                         "in all; lower --dpi, make the figure smaller, or save a vector format (.pdf, .svg)")


# -- the commands --------------------------------------------------------------------------------

def _dpi_of(args) -> float:
    import matplotlib

    dpi = args.dpi or matplotlib.rcParams["figure.dpi"]
    return float(dpi)


def make_clustermap(args, progress: _Progress = _QUIET):
    """Draw what ``gridfig clustermap`` draws, from parsed arguments; returns the ClusterMap."""
    from .clustermap import ClusterMap, clustered_heatmap
    from .layout import render
    from .panels import Theme

    fmt = output_format(args) if args.output else "png"
    figsize = _figsize(args)
    dpi = _dpi_of(args)
    if figsize is not None:
        _check_pixels(figsize, dpi, fmt, "the figure of")
    lengths = {"gap": _length(args.gap, "--gap", positive=False)}
    if args.cell_size is not None:
        lengths["cell_size"] = _length(args.cell_size, "--cell-size")
    for option, path in (("--row-annotations", args.row_annotations), ("--col-annotations", args.col_annotations)):
        if path == "-" and args.table == "-":
            raise InputError(f"{option}: standard input is already TABLE; give the annotations as a file")
    progress(f"reading {'standard input' if args.table == '-' else args.table} ...", "reading")
    data = read_table(args.table, args.sep, index_col=args.index_col, columns=_column_list(args.columns))
    data = _numeric(data, args.table)
    if args.transpose:
        data = data.T
    if "cell_size" in lengths:
        _check_pixels((lengths["cell_size"] * data.shape[1], lengths["cell_size"] * data.shape[0]), dpi, fmt,
                      "the heatmap alone, of")
    colors = {f"{axis}_colors": _annotations(path, labels, what, f"--{axis}-annotations")
              for axis, path, labels, what in (("row", args.row_annotations, data.index, "row labels"),
                                               ("col", args.col_annotations, data.columns, "column labels"))
              if path is not None}
    splits = _splits(args, colors)
    sizes = [(n, word) for n, word, flag in ((data.shape[0], "rows", args.row_cluster),
                                             (data.shape[1], "columns", args.col_cluster)) if flag]
    if sizes:
        _advise_fastcluster(args.method, args.metric, sizes)
        said = " and ".join(f"{n} {word}" for n, word in sizes)
        progress(f"clustering {said} (method {args.method}, metric {args.metric}) ...", "clustering", *max(sizes))
    cross = clustered_heatmap(
        data, metric=args.metric, method=args.method, z_score=AXES.get(args.z_score),
        standard_scale=AXES.get(args.standard_scale), row_cluster=args.row_cluster,
        col_cluster=args.col_cluster, optimal_ordering=args.optimal_ordering, cmap=args.cmap,
        center=args.center, vmin=args.vmin, vmax=args.vmax, cbar_label=args.cbar_label,
        row_cut=args.row_cut, col_cut=args.col_cut, yticklabels=LABELS[args.row_labels],
        xticklabels=LABELS[args.col_labels], sized=figsize is None, **lengths, **colors, **splits)
    progress("drawing ...", "drawing")
    theme = Theme(fontsize=args.fontsize) if args.fontsize is not None else Theme()
    result = ClusterMap.from_rendered(render(cross, figsize=figsize, dpi=args.dpi, theme=theme))
    _check_pixels(result.figure.get_size_inches(), dpi, fmt, "the figure of")
    return result


def _splits(args, colors: dict) -> dict:
    """The split arguments of ``clustered_heatmap`` from the split options (refused without a split)."""
    splits = {f"{axis}_split": _split(spec, colors.get(f"{axis}_colors"), f"--{axis}-split", f"--{axis}-annotations")
              for axis, spec in (("row", args.row_split), ("col", args.col_split)) if spec is not None}
    for option, given in (("--split-gap", args.split_gap is not None), ("--split-titles", args.split_titles)):
        if given and not splits:
            raise InputError(f"{option}: neither --row-split nor --col-split is given, so there are no groups")
    if args.split_gap is not None:
        splits["split_gap"] = _length(args.split_gap, "--split-gap", positive=False)
    for name in ("split_order", "row_split_order", "col_split_order"):
        if getattr(args, name) is not None:  # checked against the splits by the library
            splits[name] = getattr(args, name)
    if args.split_titles:
        splits.update({f"{k[:3]}_split_titles": True for k in list(splits) if k.endswith("_split")})
    return splits


def option_names(message: str) -> str:
    """A library message about the split arguments in the command's words: ``row_split`` is
    ``--row-split``, ``row_split=3`` is ``--row-split 3``, ``split_order='cluster'`` is
    ``--split-order cluster``."""
    def spell(m):
        option, value = SPLIT_OPTIONS[m.group(1)], m.group(2)
        return option if not value else f"{option} {value.strip(chr(39))}"

    return _SPLIT_NAME.sub(spell, message)


def _split(spec: str, table, option: str, annotations: str):
    """``--row-split``'s value: K, kmeans:K, or a column of the annotation table (a Series by label)."""
    text = spec.strip()
    if text.isdigit():
        return int(text)
    if text.lower().startswith("kmeans"):
        return text
    if table is None:
        raise InputError(f"{option}: {spec!r} is not K or kmeans:K, so it names a column of {annotations}, "
                         f"but no {annotations} table was given")
    if text not in table.columns:
        raise InputError(f"{option}: {annotations} has no column {spec!r}; its columns: "
                         f"{quote_some([str(c) for c in table.columns])}")
    return table[text]


def _advise_fastcluster(method: str, metric: str, sizes: list[tuple[int, str]]) -> None:
    """Without fastcluster, warn when a distance matrix of this size is needed that fastcluster would avoid."""
    n, word = max(sizes)
    if method in VECTOR_METHODS and metric == "euclidean" and not _has_fastcluster() \
            and matrix_bytes(n) >= MATRIX_WARN_BYTES:
        # the library says the same from 2 GiB on: the same text, so it is printed once
        warnings.warn(no_fastcluster_note(n, word, method))


def _has_fastcluster() -> bool:
    try:
        import fastcluster  # noqa: F401
    except ImportError:
        return False
    return True


def make_demo(args, progress: _Progress = _QUIET):
    """Draw the built-in example figure; returns the ClusterMap."""
    from .demo import seed_figure

    output_format(args)
    progress("drawing the demo figure ...", "drawing")
    return seed_figure(dpi=args.dpi)


def write_order(result, path: str) -> None:
    """Write the drawn order of ``result`` (a ClusterMap) as CSV: ``axis,position,label,group``.

    ``position`` counts from the top (rows) or the left (columns); ``label`` is the data's label;
    ``group`` is the row's or column's group (``result.row_groups`` / ``col_groups`` when the result
    has them, else the cluster of ``--row-cut`` / ``--col-cut``), or empty.
    """
    import csv

    from .output import write_atomically

    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["axis", "position", "label", "group"])
    for axis, order, labels in (("row", result.row_order, result.data.index),
                                ("col", result.col_order, result.data.columns)):
        group = _groups(result, axis)
        for position, i in enumerate(order):
            out.writerow([axis, position, labels[i], group.get(int(i), "")])
    if path == "-":
        sys.stdout.write(buf.getvalue())
        sys.stdout.flush()
        return
    write_atomically(path, lambda fh: fh.write(buf.getvalue().encode("utf-8")))


def _groups(result, axis: str) -> dict:
    """Data position -> group label on ``axis`` ('row' or 'col'), or {} when there are none."""
    groups = getattr(result, f"{axis}_groups")
    if len(groups) > 1:  # a split: the groups as drawn
        return {int(i): str(label) for label, members in groups for i in members}
    from .panels import Dendrogram

    leaves = getattr(result, f"{axis}_leaves")
    for side in (("left", "right") if axis == "row" else ("top", "bottom")):
        for panel in getattr(result.layout, side, ()):
            if isinstance(panel, Dendrogram) and panel.cut is not None:
                return {i: str(c) for i, c in enumerate(panel.clusters(leaves))}
    return {}


def _save(result, args, fmt: str) -> None:
    """Save through gridfig's one save (atomic for files); ``-`` writes the finished bytes to stdout."""
    import matplotlib

    from .output import save_reproducibly

    with matplotlib.rc_context({"savefig.bbox": "standard", "savefig.transparent": False}):
        if args.output != "-":
            save_reproducibly(result.figure, args.output, format=fmt, dpi=result.figure.dpi if args.dpi is None
                              else args.dpi)
            return
        buf = io.BytesIO()  # whole, so a failure writes nothing
        save_reproducibly(result.figure, buf, format=fmt, dpi=args.dpi or result.figure.dpi)
    stdout = getattr(sys.stdout, "buffer", sys.stdout)
    stdout.write(buf.getvalue())
    stdout.flush()


def _line(text) -> str:
    return " ".join(str(text).split())


def _out_of_memory(progress: _Progress) -> str:
    if progress.step[0] == "clustering":
        n, word = progress.step[1:]
        return (f"out of memory while clustering {n:,} {word}: the condensed distance matrix alone "
                f"needs n(n-1)/2 x 8 bytes = {_gib(matrix_bytes(n))}; with fastcluster installed "
                f'(pip install "gridfig[fast]") the methods ward, centroid, median and single need no '
                "distance matrix (Euclidean metric, no missing values)")
    return f"out of memory while {progress.step[0]}; try a smaller figure, a lower --dpi or fewer rows"


def main(argv=None) -> int:
    """Run the ``gridfig`` command; returns the exit status."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # --help, --version, usage errors
        return e.code if isinstance(e.code, int) else 0
    progress = _Progress(quiet=args.quiet)
    before, code, message = set(plt.get_fignums()), 0, None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning):
            warnings.simplefilter("ignore", category)  # for developers, not for users of the command
        try:
            fmt = output_format(args)
            _check_writable(args.output, "OUT")
            order_out = getattr(args, "order_out", None)
            if order_out is not None:
                if order_out == "-" == args.output:
                    raise InputError("--order-out: standard output already takes the figure (-o -); "
                                     "give the order a file")
                _check_writable(order_out, "--order-out")
            result = args.run(args, progress)
            progress(f"saving {'standard output' if args.output == '-' else args.output} ...", "saving")
            _save(result, args, fmt)
            if order_out is not None:
                write_order(result, order_out)
            progress(f"saved {'standard output' if args.output == '-' else args.output}"
                     f"{f' and {order_out}' if order_out else ''}", "done")
        except MemoryError as e:  # before GridfigError: OutOfMemory is both, and not bad input
            code, message = 1, _line(e) if isinstance(e, OutOfMemory) else _out_of_memory(progress)
        except (GridfigError, ValueError, TypeError) as e:
            code, message = 2, option_names(_line(e))
        except OSError as e:
            code, message = 2, _line(f"{e.strerror or e}: {e.filename}" if e.filename else e)
        except KeyboardInterrupt:
            code, message = 130, "interrupted"
        except Exception as e:  # noqa: BLE001 - one line, never a traceback (unless --debug)
            code, message = 1, _line(f"unexpected {type(e).__name__}: {e}")
            if args.debug:  # the traceback instead of the line
                import traceback

                traceback.print_exc(file=sys.stderr)
                message = None
        finally:
            for num in set(plt.get_fignums()) - before:
                plt.close(num)
    for text in dict.fromkeys(option_names(_line(w.message)) for w in caught):  # each once, in order
        print(f"gridfig: warning: {text}", file=sys.stderr)
    if message is not None:
        print(f"gridfig: error: {message}", file=sys.stderr)
    return code
