"""Where batches run: in this process, or in a pool of worker processes.

``--engine dask`` lives in ``dask_engine``. Every engine calls the same
``batch.process_batch`` and hands each ``BatchResult`` to the ``Sink``.

Worker processes load the model and every stage's setup once, when they
start (``prepare_process``), before they take a batch. They are started
before the run reads its inputs, so loading overlaps with the rest of the
start-up. Batches are handed out as workers finish them, a few per worker
in flight, so a slow batch never holds the others up. Each worker watches
the process that started it and exits when that process is gone (a
``kill -9`` of ``pipeline run`` used to leave the workers running).
"""
from __future__ import annotations

import os
import threading
import time
from typing import Iterator

from .batch import BatchTask, prepare_process, process_batch
from .publish import Sink
from .settings import Settings

#: how often a worker checks that the process that started it is alive (seconds)
PARENT_CHECK_SECONDS = 0.5


def run_serial(tasks: Iterator[BatchTask], sink: Sink, settings: Settings) -> None:
    for task in tasks:
        sink.add(process_batch(task))


def exit_with_parent(parent_pid: int) -> None:
    """Start a daemon thread that ends this process when ``parent_pid`` is gone
    (its parent changes: the orphan is adopted by init or a subreaper)."""
    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="claimex-parent-watch", daemon=True).start()


def _init_worker(model: str, stage_names: tuple[str, ...], parent_pid: int) -> None:
    exit_with_parent(parent_pid)
    prepare_process(model, stage_names)  # once per worker process; never shipped in a task


class WorkerPool:
    """``--workers`` processes that have loaded the model; start it early, use it once."""

    def __init__(self, settings: Settings, stage_names: tuple[str, ...]):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # N processes on N cores: keep BLAS/OpenMP single-threaded in each.
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        ctx = mp.get_context("spawn")  # fork after pyarrow's threads started is unsafe
        self.workers = settings.workers
        self.pool = ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_init_worker,
                                        initargs=(settings.model, stage_names, os.getpid()))
        # Start every worker now (the executor starts them on demand): model
        # loading runs while this process lists the inputs.
        for f in [self.pool.submit(os.getpid) for _ in range(settings.workers)]:
            f.add_done_callback(lambda _f: None)

    def run(self, tasks: Iterator[BatchTask], sink: Sink) -> None:
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: set = set()
        for task in tasks:
            pending.add(self.pool.submit(process_batch, task))
            # bounded: at most two batches per worker in flight (memory stays flat);
            # results are taken as they come (the sink orders them by batch number)
            while len(pending) >= 2 * self.workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    sink.add(f.result())
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                sink.add(f.result())

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)
