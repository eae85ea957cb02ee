"""Where batches run: in this process, or in a pool of worker processes.

``--engine dask`` lives in ``dask_engine``. Every engine calls the same
``batch.process_batch`` and hands each ``BatchResult`` to the ``Sink``.
"""
from __future__ import annotations

import os
from collections import deque
from typing import Iterator

from .batch import BatchTask, prepare_process, process_batch
from .publish import Sink
from .settings import Settings


def run_serial(tasks: Iterator[BatchTask], sink: Sink, settings: Settings) -> None:
    for task in tasks:
        sink.add(process_batch(task))


def _init_worker(model: str, stage_names: tuple[str, ...]) -> None:
    prepare_process(model, stage_names)  # once per worker process; never shipped in a task


def run_pool(tasks: Iterator[BatchTask], sink: Sink, settings: Settings, stage_names: tuple[str, ...]) -> None:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # N processes on N cores: keep BLAS/OpenMP single-threaded in each.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    ctx = mp.get_context("spawn")  # fork after pyarrow's threads started is unsafe
    with ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings.model, stage_names)) as pool:
        pending: deque = deque()
        for task in tasks:
            pending.append(pool.submit(process_batch, task))
            # bounded: at most two batches per worker in flight (memory stays flat)
            while len(pending) >= 2 * settings.workers:
                sink.add(pending.popleft().result())
        while pending:
            sink.add(pending.popleft().result())
