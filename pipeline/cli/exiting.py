"""How the ``pipeline`` command ends: Ctrl-C and SIGTERM as one line, and the exit itself.

Standard library only: the command line imports it before its own imports (typer,
rich, spaCy, pandas, pyarrow: one to four seconds), so that a Ctrl-C in those
seconds prints the one ``interrupted: ...`` line (exit 130) too, not the
KeyboardInterrupt traceback of whichever import it fell in.

SIGTERM (``kill``, a job scheduler, a container stopping) ends a run as Ctrl-C
does, with exit 143: the run's staging folder and lock are cleaned up and the
worker processes shut down. Its default action ended the process on the spot,
and the resource tracker then reported the worker pool's semaphores as leaked
("There appear to be 5 leaked semaphore objects").
"""
from __future__ import annotations

import atexit
import os
import signal
import sys

#: what Ctrl-C prints (exit 130); the worker processes end quietly (``pipeline/worker_interrupt.py``)
INTERRUPTED = "interrupted: tables written before the interruption are intact; rerun to finish"


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread: a run ends as after Ctrl-C (every
    ``except KeyboardInterrupt`` and clean-up on the way runs), with exit 143."""

    signum = signal.SIGTERM


def _terminate(signum, frame) -> None:
    raise Terminated()


def on_signals() -> None:
    """The command line's SIGTERM: ``Terminated`` (where it has its default action:
    a SIGTERM the caller ignores stays ignored)."""
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminate)


def exit_code(exc: KeyboardInterrupt) -> int:
    """130 after Ctrl-C, 143 after SIGTERM (128 + the signal, as a shell reports it)."""
    return 128 + int(getattr(exc, "signum", signal.SIGINT))


def interrupted_while_starting(exc: KeyboardInterrupt) -> None:
    """Ctrl-C or SIGTERM before the command's own error handling is imported: the one line."""
    sys.stderr.write(INTERRUPTED + "\n")
    end(exit_code(exc))


def end(code: int) -> None:
    """End the process once the command is done and its output flushed, without
    tearing down every object of the loaded model one by one (about a second
    after a one-worker run). Everything a command writes is closed (atomic
    writes) and its worker processes are shut down before this point.

    What the interpreter runs at exit (``atexit``) still runs: ``os._exit`` alone
    skipped it, so every run with worker processes (local or Dask) left
    multiprocessing's temporary folder (``$TMPDIR/pymp-*``, which holds the fork
    server's socket) behind, and the semaphores of the pool's queues, when the
    pool was still referenced (by the traceback of a Ctrl-C), were reported by
    the resource tracker as leaked. A second Ctrl-C or SIGTERM meanwhile ends at once."""
    sys.stdout.flush()
    sys.stderr.flush()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda signum, frame: os._exit(code))
    atexit._run_exitfuncs()  # (multiprocessing's, weakref.finalize's, logging's ...)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
