"""Imported first by the worker pool's fork server (``worker_server``): Ctrl-C ends
the server and every worker forked from it at once and quietly.

Ctrl-C sends SIGINT to every process of the terminal's process group. The run's
own process reports it in one line (``interrupted: ...``, exit 130: ``cli.app``),
but the fork server, still importing and loading the model (``runner.preload``),
printed a KeyboardInterrupt traceback of some 60 lines, and a worker waiting for
its next batch printed one of its queue. Here the server takes SIGINT as "end
now" before it imports anything heavy; once it serves it ignores SIGINT itself
(``multiprocessing.forkserver``) and gives each worker it forks this handler,
so a worker ends the same way, busy or idle. Nothing is lost: the run's process
ends too, and a run that was not interrupted treats a worker ended alone like
any dead worker (its batches run again: ``runner.engines.WorkerPool``).
A run that ignores SIGINT (a background job of a non-interactive shell, ``nohup``-like
wrappers: the server inherits SIG_IGN through exec) keeps ignoring it here: the workers
were ended by a SIGINT the run's process went on through, and their batches ran again as
if they had crashed.
Standard library only, and imported by the server only.
"""
from __future__ import annotations

import os
import signal


def _end(signum: int, frame) -> None:
    os._exit(128 + signum)  # at once: no traceback, no clean-up of a process that holds nothing of its own


if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
    signal.signal(signal.SIGINT, _end)
if hasattr(signal, "pthread_sigmask"):
    # the server starts with SIGINT blocked (``worker_server._sigint_held``): a Ctrl-C before this
    # handler reached an interpreter starting up ("Fatal Python error"); one held meanwhile ends it now
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
