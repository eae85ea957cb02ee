"""The fork server that worker processes are forked from, with the model preloaded.

Standard library only, so that the command line can start the server before
its own imports (spaCy, pandas, pyarrow take about a second): the server
imports them in parallel and loads the model while the command starts up.
``runner.engines.WorkerPool`` and the Dask engine's local cluster fork their
workers from it (``start``); the server imports ``worker_interrupt`` first
(Ctrl-C ends it and its workers quietly), then ``runner.preload``. Never plain ``fork``: a process with pyarrow's or BLAS threads running
must not fork; the server forks before any such thread exists.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
from pathlib import Path

#: JSON ``[model, [stage, ...]]`` the server loads (empty: the default model, every stage)
PRELOAD_ENV = "CLAIMEX_WORKER_PRELOAD"
#: the module the server imports to load the model (``pipeline/runner/preload.py``)
PRELOAD_MODULE = "pipeline.runner.preload"
#: the module the server imports before anything else: Ctrl-C ends it and its workers quietly
#: (``pipeline/worker_interrupt.py``)
INTERRUPT_MODULE = "pipeline.worker_interrupt"
#: set in the server and the workers it forks: they import the ``pipeline``
#: console script again (multiprocessing prepares ``__main__`` from its path),
#: and must not start a server of their own from it
INSIDE_ENV = "CLAIMEX_WORKER_SERVER"


def start(model: str = "", stage_names=(), modules: tuple[str, ...] = ()):
    """The ``forkserver`` context, its server started now (``None`` where there is
    none: Windows). The server is one per process: when it is running already
    it is reused as it is, and workers load a model it lacks themselves."""
    import multiprocessing as mp
    from multiprocessing import forkserver, resource_tracker

    if "forkserver" not in mp.get_all_start_methods():
        return None
    # N processes on N cores: keep BLAS/OpenMP single-threaded in each (set
    # before the server starts, so no thread pool exists when it forks).
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([INTERRUPT_MODULE, *modules, PRELOAD_MODULE])
    os.environ[PRELOAD_ENV] = json.dumps([model, list(stage_names)])
    os.environ[INSIDE_ENV] = "1"
    try:
        # the resource tracker first: starting its own process, it unblocks SIGINT
        resource_tracker.ensure_running()
        with _sigint_held():
            forkserver.ensure_running()  # the server inherits what to preload from the environment
    finally:
        os.environ.pop(PRELOAD_ENV, None)
        os.environ.pop(INSIDE_ENV, None)
    return ctx


@contextlib.contextmanager
def _sigint_held():
    """SIGINT blocked in this thread while the server process starts, which inherits the block
    (as multiprocessing's resource tracker does): a Ctrl-C between the server's start and its
    handler (``worker_interrupt``, which unblocks it) reached an interpreter still starting up, which
    printed "Fatal Python error: init_import_site" and its traceback. Held here, a Ctrl-C meanwhile
    is delivered when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _option(args: list[str], *names: str) -> str | None:
    for i, a in enumerate(args):
        for name in names:
            if a == name and i + 1 < len(args):
                return args[i + 1]
            if a.startswith(name + "="):
                return a.split("=", 1)[1]
    return None


def _locked(out: Path) -> bool:
    """Whether another run holds the lock of ``out`` (``runner.store.TableStore.lock``:
    ``flock`` on ``<out>/_claimex/lock``); anything unexpected reads as not locked."""
    try:
        import fcntl

        fd = os.open(out / "_claimex" / "lock", os.O_RDONLY)
    except (ImportError, OSError):
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def is_command_line(argv: list[str]) -> bool:
    """Whether this process is the ``pipeline`` command (its console script, or ``python -m
    pipeline``): not the server or a worker preparing ``__main__`` from it, nor a library user."""
    if os.environ.get(INSIDE_ENV):
        return False
    prog = Path(argv[0]) if argv else Path()
    return prog.name == "pipeline" or prog.parts[-2:] == ("pipeline", "__main__.py")


def start_for_command_line(argv: list[str]) -> None:
    """Start the server at once when the command line is ``pipeline run ...``
    with several local workers (or a local Dask cluster); anything else, or
    anything unexpected, starts nothing (the run starts it later)."""
    if not is_command_line(argv):
        return
    args = argv[1:]
    if not args or args[0] != "run" or "--help" in args or "-h" in args:
        return
    workers = _option(args, "--workers", "-w") or "1"
    try:
        n = (os.cpu_count() or 1) if workers.strip().lower() == "auto" else int(workers)
    except ValueError:
        return
    engine = (_option(args, "--engine") or "local").lower()
    if n < 2 or engine not in ("local", "dask") or _option(args, "--scheduler"):
        return
    model = _option(args, "--model", "-m")
    if model is None and args[1:2] != ["all"]:
        return  # a single stage takes the model of the tables in --out (``driver.choose_model``)
    if _locked(Path(_option(args, "--out", "-o") or "data")):
        return  # the run stops at once (exit 7): no model to load for it
    start(model or "", (), ("distributed",) if engine == "dask" else ())
