"""The ``pipeline`` command (typer): one module per command, errors mapped to
exit codes in ``app``."""
from __future__ import annotations

import atexit
import os
import signal
import sys

from .. import worker_server

# `pipeline run --workers N`: the workers' fork server imports and loads the
# model while this process does its own imports (below), not after them.
worker_server.start_for_command_line(sys.argv)

from . import evaluate, export, match, report, run, serve, train  # noqa: E402,F401  (each registers its command on ``app``)
from .app import INTERRUPTED, app, console  # noqa: E402

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        console.print(INTERRUPTED, highlight=False, markup=False)  # outside a command (``app.command``)
        _exit(130)
    except SystemExit as exc:
        _exit(exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1))


def _exit(code: int) -> None:
    """End the process once the command is done and its output flushed, without
    tearing down every object of the loaded model one by one (about a second
    after a one-worker run). Everything a command writes is closed (atomic
    writes) and its worker processes are shut down before this point.

    What the interpreter runs at exit (``atexit``) still runs: ``os._exit`` alone
    skipped it, so every run with worker processes (local or Dask) left
    multiprocessing's temporary folder (``$TMPDIR/pymp-*``, which holds the fork
    server's socket) behind, and the semaphores of the pool's queues, when the
    pool was still referenced (by the traceback of a Ctrl-C), were reported by
    the resource tracker as leaked. A second Ctrl-C meanwhile ends at once."""
    sys.stdout.flush()
    sys.stderr.flush()
    signal.signal(signal.SIGINT, lambda signum, frame: os._exit(code))
    atexit._run_exitfuncs()  # (multiprocessing's, weakref.finalize's, logging's ...)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
