"""Where batches run: in this process, or in a pool of worker processes.

``--engine dask`` lives in ``dask_engine``. Every engine calls the same
``batch.process_batch`` and hands each ``BatchResult`` to the ``Sink``.

Worker processes are forked from a fork server (``pipeline.worker_server``)
that has loaded the model, every stage's setup and warmed up once
(``runner.preload``), so each starts in milliseconds with the model in memory
shared copy-on-write; where there is no fork server (Windows) or it could
not preload, each worker loads the model in its initializer
(``batch.prepare_process``) - always before its first batch. The command
line starts the server before its own imports, the pool starts before the
run lists its inputs, so loading overlaps with the rest of the start-up. Batches are handed out as workers
finish them, a few per worker in flight, so a slow batch never holds the
others up. Each worker exits when the process that started it or the run is
gone (a ``kill -9`` of ``pipeline run`` used to leave the workers running).
"""
from __future__ import annotations

import os
import threading
import time
from typing import Any, Callable, Iterable, Iterator

from .. import worker_server
from .batch import BatchTask, prepare_process, process_batch
from .collector import freeze_loaded
from .publish import Sink
from .settings import Settings

#: how often a worker checks that the process that started it is alive (seconds)
PARENT_CHECK_SECONDS = 0.5


def run_serial(tasks: Iterator[BatchTask], sink: Sink, settings: Settings) -> None:
    for task in tasks:
        sink.add(process_batch(task))


def run_bounded(tasks: Iterable[BatchTask], submit: Callable[[BatchTask], Any], wait: Callable, in_flight: int,
                sink: Sink) -> None:
    """Submit ``tasks`` with at most ``in_flight`` batches in flight (memory stays
    flat) and hand each result to ``sink`` as it finishes (the sink orders them by
    batch number). ``submit`` returns a future; ``wait`` is
    ``concurrent.futures.wait`` or ``distributed.wait``."""
    pending: set = set()

    def collect() -> None:
        nonlocal pending
        done, pending = wait(pending, return_when="FIRST_COMPLETED")
        for f in done:
            sink.add(f.result())

    for task in tasks:
        pending.add(submit(task))
        while len(pending) >= in_flight:
            collect()
    while pending:
        collect()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def exit_with_parent(run_pid: int) -> None:
    """Start a daemon thread that ends this process when its parent (the run,
    or the fork server, which ends with the run) changes - the orphan was
    adopted by init or a subreaper - or the run's process ``run_pid`` is gone."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent or not _alive(run_pid):
                os._exit(1)

    threading.Thread(target=watch, name="claimex-parent-watch", daemon=True).start()


def _init_worker(model: str, stage_names: tuple[str, ...], run_pid: int) -> None:
    exit_with_parent(run_pid)
    prepare_process(model, stage_names)  # preloaded: instant; else once per worker, never in a task
    freeze_loaded()  # a worker of the run's own: the loaded model is never collected anyway


class WorkerPool:
    """``--workers`` processes that have loaded the model; start it early, use it once."""

    def __init__(self, settings: Settings, stage_names: tuple[str, ...]):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        ctx = worker_server.start(settings.model, stage_names) or mp.get_context("spawn")
        self.workers = settings.workers
        self.pool = ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_init_worker,
                                        initargs=(settings.model, stage_names, os.getpid()))
        # Start every worker now (the executor starts them on demand): the
        # server preloads while this process lists the inputs.
        for _ in range(settings.workers):
            self.pool.submit(os.getpid)

    def run(self, tasks: Iterator[BatchTask], sink: Sink) -> None:
        from concurrent.futures import wait

        run_bounded(tasks, lambda task: self.pool.submit(process_batch, task), wait, 2 * self.workers, sink)

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)
