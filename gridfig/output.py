"""Saving figures: reproducible bytes, written atomically.

:func:`save_reproducibly` is the one save of gridfig (``Rendered.savefig``,
``ClusterMap.savefig`` and the ``gridfig`` command all use it):

- **Reproducible.** SVG and PDF carry no date, and SVG ids are made with a
  fixed hash salt (``"gridfig"``, unless ``svg.hashsalt`` is set), so the same
  figure gives the same bytes every time.
- **Atomic.** Given a path, the file is written to a temporary file in the
  same folder (``.gridfig-<random>.<ext>``), flushed to disk (``fsync``) and
  moved over the target with ``os.replace``. An exception or a SIGTERM, SIGHUP
  or SIGINT during the save leaves the old file (or none) and no temporary
  file; the signal is then delivered as it would have been (by default
  SIGTERM and SIGHUP end the process, SIGINT raises KeyboardInterrupt).
  File-like objects (``io.BytesIO``, ...) are written directly.
- **Thread-safe.** matplotlib reads the SVG salt from the process-wide
  ``rcParams["svg.hashsalt"]`` while it writes ids
  (``backend_svg.RendererSVG._make_id``). It is set only while an SVG is
  written, under a lock, and put back afterwards, so SVG saves from several
  threads give the same ids as saves one after the other and leave
  ``rcParams`` as they were. (Another thread writing an SVG *without*
  gridfig at that moment would use gridfig's salt too.)
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import signal
import stat
import threading

#: The signals that abort a save cleanly (those this platform has).
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
#: Temporary files are named ``TEMP_PREFIX + <random> + .<ext>``, next to the target.
TEMP_PREFIX = ".gridfig-"
SALT = "gridfig"

_SALT_LOCK = threading.RLock()
_log = logging.getLogger("gridfig")


def save_reproducibly(fig, fname, **kwargs):
    """``fig.savefig(fname, **kwargs)``: reproducible bytes, atomic for paths (see the module)."""
    fmt, target = output_target(fname, kwargs.get("format"))
    kwargs["format"] = fmt
    if fmt in ("svg", "svgz"):
        kwargs.setdefault("metadata", {"Date": None})
    elif fmt == "pdf":
        kwargs.setdefault("metadata", {"CreationDate": None, "ModDate": None})
    from .layout.engine import one_draw

    root = fig.get_figure(root=True) if hasattr(fig, "get_figure") else fig
    with _svg_salt(fmt), one_draw(root, fmt, kwargs.get("dpi")):
        if target is None:
            _log.info("saving %s to a file object ...", fmt)
            return fig.savefig(fname, **kwargs)
        _log.info("saving %s ...", target)
        result = write_atomically(target, lambda fh: fig.savefig(fh, **kwargs))
        _log.info("saved %s", target)
        return result


def output_target(fname, fmt: str | None = None) -> tuple[str, str | None]:
    """``(format, path)`` of a save as matplotlib does it; path is None for a file-like object.

    The format is ``fmt``, else the path's extension, else ``rcParams["savefig.format"]``
    (and then, as matplotlib does, that extension is added to the path).
    """
    import matplotlib

    if not isinstance(fname, (str, os.PathLike)):
        return (fmt or matplotlib.rcParams["savefig.format"]).lower(), None
    path = os.fspath(fname)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    ext = os.path.splitext(path)[1][1:]
    if fmt is None and not ext:
        fmt = matplotlib.rcParams["savefig.format"]
        path = f"{path.rstrip('.')}.{fmt}"
    return (fmt or ext).lower(), path


@contextlib.contextmanager
def _svg_salt(fmt: str):
    """Set ``svg.hashsalt`` (if unset) for one SVG save, under a lock; put it back after."""
    if fmt not in ("svg", "svgz"):
        yield
        return
    import matplotlib

    rc = matplotlib.rcParams
    with _SALT_LOCK:
        before = rc["svg.hashsalt"]
        if before is None:
            rc["svg.hashsalt"] = SALT
        try:
            yield
        finally:
            rc["svg.hashsalt"] = before


def write_atomically(path: str, write) -> object:
    """Call ``write(binary_file)`` on a temporary file beside ``path``, then move it onto ``path``.

    On any exception, or one of :data:`SIGNALS`, the temporary file is removed and
    ``path`` is untouched. OSErrors about the temporary file, or about no file
    (a full disk while writing), name ``path`` instead.
    """
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    with _signals_abort() as caught:
        try:
            fd, tmp = _create_temp(folder, os.path.splitext(path)[1])
            with os.fdopen(fd, "wb") as fh:
                result = write(fh)
                fh.flush()
                os.fsync(fh.fileno())
            with contextlib.suppress(OSError):  # an existing file keeps its permissions
                os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
            if caught:  # the handler's exception was dropped on its way (a finalizer ran it): abort all the same
                raise _Signalled(caught[0])
            os.replace(tmp, path)
            tmp = None
            _fsync_folder(folder)
            return result
        except BaseException as e:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if isinstance(e, OSError) and (_about_temp(e) or (e.filename is None and e.errno)):
                raise OSError(e.errno, e.strerror, path) from None  # about the file being written
            raise


def check_writable(path: str) -> None:
    """Raise the OSError a save to ``path`` would meet in creating its temporary file (naming ``path``)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = _create_temp(folder, os.path.splitext(path)[1])
    except OSError as e:
        if _about_temp(e):
            raise OSError(e.errno, e.strerror, path) from None
        raise
    os.close(fd)
    os.unlink(tmp)


def _create_temp(folder: str, suffix: str) -> tuple[int, str]:
    """A new file ``folder/.gridfig-<random><suffix>``, created by this call, mode 0666 less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(6)}{suffix}")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file in {folder!r}")


def _about_temp(e: OSError) -> bool:
    """Whether ``e`` names a temporary file of ours (the user never asked for that name)."""
    return any(isinstance(n, str) and os.path.basename(n).startswith(TEMP_PREFIX) for n in (e.filename, e.filename2))


def _fsync_folder(folder: str) -> None:
    """Make the rename durable (where folders can be opened; best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _Signalled(BaseException):
    """A signal arrived during a save (raised by the temporary handler, caught by :func:`_signals_abort`)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_abort():
    """While the body runs, SIGNALS raise an exception in it (so it cleans up); afterwards they are delivered.

    Yields the list of signals caught so far. Python runs a handler at the next
    bytecode, which may be a finalizer's, and an exception raised there is
    dropped: the body checks the list before its last step too.

    Only on the main thread (the only one Python lets set handlers); ignored
    signals stay ignored. The previous handlers are put back before the signal
    is delivered again, so they do what they would have done: by default
    SIGTERM and SIGHUP end the process and SIGINT raises KeyboardInterrupt.
    """
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    armed, aborted = True, False

    def handler(signum, frame):
        caught.append(signum)
        if armed and len(caught) == 1:
            raise _Signalled(signum)

    previous = {}
    instead = None
    try:
        for sig in SIGNALS:
            if signal.getsignal(sig) not in (signal.SIG_IGN, None):  # None: set outside Python; leave it
                previous[sig] = signal.signal(sig, handler)
        yield caught
    except _Signalled:
        aborted = True  # the body has cleaned up; the signal is delivered below
    except BaseException as e:
        if not caught:
            raise
        # The handler's exception came out as another: pybind11 (matplotlib's transforms)
        # reports any exception met while converting arguments as a TypeError.
        aborted, instead = True, e
    finally:
        armed = False
        for sig, old in previous.items():
            signal.signal(sig, old)
    if caught:
        for signum in dict.fromkeys(caught):
            signal.raise_signal(signum)  # the previous handler runs now
        if aborted:  # and it returned: the caller still has to learn that nothing was saved
            name = signal.Signals(caught[0]).name
            raise InterruptedError(f"the save was interrupted by {name}; the file was not written") from instead
