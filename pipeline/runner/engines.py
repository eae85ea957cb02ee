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
gone (a ``kill -9`` of ``pipeline run`` used to leave the workers running);
a worker that dies is replaced and its batches run again (``WorkerPool``).
"""
from __future__ import annotations

import os
import threading
import time
from typing import Any, Callable, Iterable, Iterator

from .. import worker_server
from ..errors import ClaimexError, ErrorRecord, UsageError
from .batch import BatchResult, BatchTask, document_tasks, prepare_process, process_batch
from .collector import freeze_loaded
from .publish import Sink
from .settings import Settings

#: how often a worker checks that the process that started it is alive (seconds)
PARENT_CHECK_SECONDS = 0.5


def run_serial(tasks: Iterator[BatchTask], sink: Sink, settings: Settings) -> None:
    for task in tasks:
        sink.add(process_batch(task))


def run_bounded(tasks: Iterable[BatchTask], submit: Callable[[BatchTask], Any], wait: Callable, in_flight: int,
                take: Callable[[Any, BatchTask], None]) -> None:
    """Submit ``tasks`` with at most ``in_flight`` batches in flight (memory stays
    flat) and hand each future, with its batch, to ``take`` as it finishes (the sink
    orders results by batch number). ``submit`` returns a future; ``wait`` is
    ``concurrent.futures.wait`` or ``distributed.wait``."""
    pending: dict = {}  # future -> its batch

    def collect() -> None:
        done, _ = wait(set(pending), return_when="FIRST_COMPLETED")
        for f in done:
            take(f, pending.pop(f))

    for task in tasks:
        pending[submit(task)] = task
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
    try:
        prepare_process(model, stage_names)  # preloaded: instant; else once per worker, never in a task
    except ClaimexError:
        # the worker stays up: its first batch raises the same error, which reaches the
        # run as itself (a worker that ended here would read as a crash: ``WorkerPool``)
        return
    freeze_loaded()  # a worker of the run's own: the loaded model is never collected anyway


class WorkerPool:
    """``--workers`` processes that have loaded the model; start it early, use it once.

    A worker process that dies (the out-of-memory killer, a crash in a C
    extension) breaks the whole ``ProcessPoolExecutor``: every batch in flight
    fails with ``BrokenProcessPool``. The pool then starts again and the run goes
    on. A lost batch runs again with the others; lost a second time, it runs
    alone; lost alone, each of its documents runs alone, and a document that
    takes its worker down alone is recorded as failed (``worker_died``) - so a
    run loses at most the documents that kill a worker, never the run. Workers
    that die before their first task (a script that calls the library without
    an ``if __name__ == "__main__":`` guard: the workers import the main module)
    stop the run with one line.
    """

    def __init__(self, settings: Settings, stage_names: tuple[str, ...]):
        self._model, self._stage_names = settings.model, stage_names
        self.workers = settings.workers
        self.notes: list[str] = []  # for the run summary
        self.pool = self._start()

    def _start(self):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # the running fork server, or a new one where it died with the workers
        ctx = worker_server.start(self._model, self._stage_names) or mp.get_context("spawn")
        pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self._model, self._stage_names, os.getpid()))
        # Start every worker now (the executor starts them on demand): the
        # server preloads while this process lists the inputs.
        self._probes = [pool.submit(os.getpid) for _ in range(self.workers)]
        return pool

    def _restart(self) -> None:
        """A new executor in place of a broken one; stop the run if its workers
        cannot even start (twice in a row, so one unlucky kill is not taken for it)."""
        from concurrent.futures import wait
        from concurrent.futures.process import BrokenProcessPool

        for _ in range(2):
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = self._start()
            wait(self._probes)
            if not any(isinstance(f.exception(), BrokenProcessPool) for f in self._probes):
                return
        raise UsageError("worker processes end as soon as they start (the lines above may say why); a script that "
                         "calls extract() or run() with workers > 1 must do so under `if __name__ == \"__main__\":` "
                         "(each worker imports the main module), or use workers=1")

    def _submit(self, fn, *args):
        from concurrent.futures.process import BrokenProcessPool

        for _ in range(2):
            try:
                return self.pool.submit(fn, *args)
            except BrokenProcessPool:  # a worker died since the last submit
                self._restart()
        return self.pool.submit(fn, *args)

    def run(self, tasks: Iterator[BatchTask], sink: Sink) -> None:
        from concurrent.futures import wait
        from concurrent.futures.process import BrokenProcessPool

        tracked = Tracked(lambda task: self._submit(process_batch, task), wait, BrokenProcessPool, sink)
        lost = tracked.run(tasks, 2 * self.workers)
        if not lost:
            return
        for task in tracked.run(lost, 2 * self.workers):  # with the others: most were only in flight
            if tracked.run([task], 1):  # lost twice, then alone too
                tracked.documents_alone(task)
        self.notes.append(f"worker processes ended abruptly (killed, e.g. out of memory, or crashed): the {len(lost)} "
                          "batch(es) in flight ran again")

    def close(self, cancel: bool = False, abort: bool = False) -> None:
        """Shut the workers down; ``abort`` (the run failed or was interrupted): end them now.
        After a Ctrl-C they are gone already (it reaches the whole process group), but a
        SIGTERM reaches the run's process alone, which waited for the batches in flight
        (10 s for batches of 100 BBC articles)."""
        if abort:
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=cancel)


class Tracked:
    """Batches run through ``run_bounded``, remembering those lost with their worker
    process: ``died`` is what an engine's future raises then (``BrokenProcessPool``,
    Dask's ``KilledWorker``)."""

    def __init__(self, submit: Callable[[BatchTask], Any], wait: Callable, died: type[BaseException], sink: Sink):
        self._submit, self._wait, self._died, self._sink = submit, wait, died, sink
        self._lost: list[BatchTask] = []

    def run(self, tasks: Iterable[BatchTask], in_flight: int) -> list[BatchTask]:
        """Run ``tasks``, each result to the sink; the batches lost on the way."""
        run_bounded(tasks, self._submit, self._wait, in_flight, self._take)
        lost, self._lost = self._lost, []
        return lost

    def documents_alone(self, task: BatchTask) -> None:
        """Each document of ``task`` on its own; one lost alone is recorded as failed."""
        for one in document_tasks(task):
            if self.run([one], 1):
                self._sink.add(_worker_died(one))

    def _take(self, f, task: BatchTask) -> None:
        try:
            result = f.result()
        except self._died:
            self._lost.append(task)
            return
        self._sink.add(result)


def _worker_died(task: BatchTask) -> BatchResult:
    """The result of a one-document task that took its worker process down alone:
    no rows, one error record."""
    (doc_id, path), = task.documents()
    stage = task.stages[0] if task.stages else "run"
    error = ErrorRecord(doc_id, path, stage, "worker_died",
                        "the worker process ended abruptly each time this document's batch ran, and with this document "
                        "alone (killed, e.g. out of memory, or crashed); the document was left out")
    return BatchResult(task.number, {}, [error], None, [], {}, 1, [], sub=task.sub)
