"""Saving (gridfig/output.py): atomic on paths, clean after exceptions and signals, the same bytes from threads."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.artist import Artist
from matplotlib.figure import Figure

import gridfig as gf
from gridfig import output

ROOT = Path(__file__).resolve().parents[1]


def seed():
    return gf.demo.seed_figure(dpi=40)


def to_bytes(g, fmt) -> bytes:
    buf = io.BytesIO()
    g.savefig(buf, format=fmt)
    return buf.getvalue()


def test_a_path_gets_the_bytes_of_a_file_object_and_no_temporary(tmp_path):
    g = seed()
    (tmp_path / "fig.svg").write_text("old")
    os.chmod(tmp_path / "fig.svg", 0o640)
    g.savefig(tmp_path / "fig.svg")
    g.savefig(str(tmp_path / "fig.pdf"))
    g.savefig(tmp_path / "noext")  # no extension: matplotlib's default format, its extension added
    assert sorted(os.listdir(tmp_path)) == ["fig.pdf", "fig.svg", "noext.png"]
    assert (tmp_path / "fig.svg").read_bytes() == to_bytes(g, "svg")
    assert (tmp_path / "fig.pdf").read_bytes() == to_bytes(g, "pdf")
    assert (tmp_path / "noext.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "fig.svg").stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "fig.pdf").stat().st_mode & 0o777 == 0o666 & ~umask  # a new one: the usual mode


class Boom(Artist):
    """Raises when drawn once the save has opened a file in ``folder`` (the target or a temporary one).

    (matplotlib draws a figure with a layout engine once before it opens the file.)
    """

    def __init__(self, folder: Path, old: bytes):
        super().__init__()
        self.folder, self.old = folder, old

    def draw(self, renderer):
        files = os.listdir(self.folder)
        if len(files) > 1 or (self.folder / files[0]).read_bytes() != self.old:
            raise RuntimeError("boom while drawing")


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_an_exception_while_drawing_leaves_the_old_file(tmp_path, fmt):
    g = seed()
    target = tmp_path / f"fig.{fmt}"
    target.write_bytes(b"the old file")
    g.figure.add_artist(Boom(tmp_path, b"the old file"))
    with pytest.raises(RuntimeError, match="boom while drawing"):
        g.savefig(target)
    assert os.listdir(tmp_path) == [target.name]
    assert target.read_bytes() == b"the old file"
    assert matplotlib.rcParams["svg.hashsalt"] is None  # put back after a failed SVG save too


def test_a_full_disk_while_writing_a_png_leaves_the_old_file(tmp_path, monkeypatch):
    g = seed()
    target = tmp_path / "fig.png"
    target.write_bytes(b"the old file")

    def half_written(fname, *args, **kwargs):  # what Agg's print_png calls once it has drawn
        fname.write(b"\x89PNG partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(matplotlib.image, "imsave", half_written)
    with pytest.raises(OSError, match="No space left"):
        g.savefig(target)
    assert os.listdir(tmp_path) == [target.name]
    assert target.read_bytes() == b"the old file"


def test_saving_is_logged_on_the_gridfig_logger(tmp_path, caplog):
    g = seed()  # made first: making it logs its clustering and layout, not what is tested here
    with caplog.at_level("INFO", logger="gridfig"):
        g.savefig(tmp_path / "a.pdf")
    assert [r.getMessage() for r in caplog.records if r.name == "gridfig"] == [
        f"saving {tmp_path / 'a.pdf'} ...", f"saved {tmp_path / 'a.pdf'}"]


def test_signal_handlers_are_put_back(tmp_path):
    before = {s: signal.getsignal(s) for s in output.SIGNALS}
    seed().savefig(tmp_path / "a.png")
    assert {s: signal.getsignal(s) for s in output.SIGNALS} == before


class _RaisesTheSignalWhenCollected:
    """Python runs a signal's handler at the next bytecode, which can be a finalizer's; an exception
    raised there is reported and dropped, and the code that was running goes on."""

    def __del__(self):
        signal.raise_signal(signal.SIGTERM)


def _dropped(fh):
    obj = _RaisesTheSignalWhenCollected()
    del obj  # the handler's exception is raised in __del__ and lost there


def _turned_into_a_type_error(fh):
    try:  # pybind11 reports any exception met while converting arguments as a TypeError
        signal.raise_signal(signal.SIGTERM)
    except BaseException:
        raise TypeError("affine_transform(): incompatible function arguments") from None


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("meet", [_dropped, _turned_into_a_type_error])
def test_a_signal_whose_exception_is_lost_on_the_way_still_aborts_the_save(tmp_path, meet):
    """Both happened in the subprocess test below, once in a few dozen runs: the file was replaced,
    or the process ended by a TypeError with the signal never delivered."""
    target = tmp_path / "out.bin"
    target.write_bytes(b"the old file")
    delivered = []

    def write(fh):
        fh.write(b"half")
        meet(fh)
        fh.write(b" and the rest")

    previous = signal.signal(signal.SIGTERM, lambda signum, frame: delivered.append(signum))
    try:
        with pytest.raises(InterruptedError, match="SIGTERM"):
            output.write_atomically(str(target), write)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert delivered == [signal.SIGTERM]  # delivered to the previous handler after the cleanup
    assert os.listdir(tmp_path) == ["out.bin"]
    assert target.read_bytes() == b"the old file"


def test_an_unwritable_folder_is_named_by_the_output(tmp_path, monkeypatch):
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if os.path.basename(path).startswith(output.TEMP_PREFIX):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PermissionError) as info:
        seed().savefig(tmp_path / "out.png")
    assert info.value.filename == str(tmp_path / "out.png")
    assert os.listdir(tmp_path) == []


def test_a_real_unwritable_folder():
    """/sys refuses new files even to root (chmod does not stop root, so tests run as root need it)."""
    if not os.path.isdir("/sys"):
        pytest.skip("no /sys")
    with pytest.raises(PermissionError) as info:
        output.check_writable("/sys/out.png")
    assert info.value.filename == "/sys/out.png"


# -- signals during a save, in a separate process ---------------------------------------------

CHILD = textwrap.dedent("""
    import sys
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["path.simplify"] = False
    import numpy as np
    from matplotlib.figure import Figure
    from gridfig.output import save_reproducibly

    fig = Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    rng = np.random.default_rng(0)
    for _ in range(40):
        ax.plot(rng.normal(size=50_000), lw=0.2)   # an SVG of ~100 MB: seconds to write
    print("saving", flush=True)
    try:
        save_reproducibly(fig, sys.argv[1])
    except KeyboardInterrupt:
        print("KeyboardInterrupt", flush=True)
        sys.exit(130)
    print("saved", flush=True)
""")


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_mid_save_leaves_the_old_file_and_no_temporary(tmp_path, signame):
    sig = getattr(signal, signame)
    target = tmp_path / "big.svg"
    target.write_bytes(b"the old file")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "saving\n"
        deadline = time.monotonic() + 60
        while not any(n.startswith(output.TEMP_PREFIX) and (tmp_path / n).stat().st_size > 0
                      for n in os.listdir(tmp_path)):  # the save has begun writing
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
            time.sleep(0.01)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    if sig == signal.SIGINT:  # Python's handler: KeyboardInterrupt, raised after the cleanup
        assert (proc.returncode, out) == (130, "KeyboardInterrupt\n"), err
    else:  # the default action, delivered again after the cleanup: the process ends by the signal
        assert proc.returncode == -sig, err
        assert out == ""
    assert os.listdir(tmp_path) == ["big.svg"]
    assert target.read_bytes() == b"the old file"


# -- threads ----------------------------------------------------------------------------------

def test_svg_from_threads_matches_serial_saves_and_leaves_rcparams():
    figures = [seed() for _ in range(4)]
    serial = [to_bytes(g, "svg") for g in figures]
    assert len(set(serial)) == 1  # the same figure four times: the same bytes
    assert matplotlib.rcParams["svg.hashsalt"] is None
    results: dict = {}
    start = threading.Barrier(len(figures))

    def work(i, g):
        start.wait()
        results[i] = [to_bytes(g, "svg") for _ in range(3)]

    threads = [threading.Thread(target=work, args=(i, g)) for i, g in enumerate(figures)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch often, so saves overlap (the rc_context version failed so)
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert all(b == serial[0] for i in range(len(figures)) for b in results[i])
    assert matplotlib.rcParams["svg.hashsalt"] is None


def test_a_salt_of_ones_own_is_kept():
    g = seed()
    with matplotlib.rc_context({"svg.hashsalt": "mine"}):
        mine = to_bytes(g, "svg")
        assert matplotlib.rcParams["svg.hashsalt"] == "mine"
    assert mine != to_bytes(g, "svg")


def test_a_file_object_is_written_directly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fig = Figure(figsize=(1, 1))
    buf = io.BytesIO()
    output.save_reproducibly(fig, buf, format="png")
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n" and os.listdir(tmp_path) == []
    plt.close("all")
