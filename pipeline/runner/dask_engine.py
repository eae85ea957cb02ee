"""``--engine dask``: the same batches and stage functions, on a Dask cluster.

Optional: ``pip install '.[dask]'`` (dask[dataframe,distributed]). Without
``--scheduler ADDRESS`` a ``LocalCluster`` of ``--workers`` worker *processes*
(one thread each: the parse holds the GIL) is started for the run and closed
after it.

How it runs (``DaskEngine``): the cluster is started, and a worker plugin
loads the model and the stages' setup in every worker (once per worker
process, never pickled into a task: tasks carry the model *name*), in a
thread while the driver lists the inputs. Then each ``batch.BatchTask`` is one
Dask task (``client.submit``) running ``batch.process_batch`` - exactly the
function the local engine runs: the worker reads the batch's files, takes
them through every stage and writes the batch's Parquet parts and DocBin part
into the run's staging folder; the driver only collects the small results,
as they finish, a few per worker in flight. Workers read and write under
``--out``, so with a remote scheduler ``--out`` (and ``--input``) must be on
a file system every worker sees at the same path (NFS, a shared volume).

Workers of a local cluster are forked from the local engine's preloaded fork
server (``worker_server``), so they start with the model in memory,
and they end when the run's process is gone. A batch whose workers die each
time Dask runs it (``KilledWorker``) runs again one document at a time; only
a document that kills a worker alone is left out (``worker_died``).
"""
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Iterable

from .batch import BatchTask, part_stem, prepare_process, process_batch
from .collector import freeze_loaded
from .. import worker_server
from .engines import Tracked, exit_with_parent
from .settings import EngineError

if TYPE_CHECKING:
    from .publish import Sink
    from .settings import Settings


try:  # dask is an optional extra; importing this module without it still works
    from distributed import WorkerPlugin as _WorkerPluginBase
except ImportError:  # pragma: no cover - exercised only without the extra
    _WorkerPluginBase = object

class _LoadModel(_WorkerPluginBase):
    """Worker plugin: load the spaCy model and the stages' setup once when each worker starts."""

    idempotent = True

    def __init__(self, model: str, stage_names: tuple[str, ...], watch_pid: int | None):
        self.model = model
        self.stage_names = stage_names
        self.watch_pid = watch_pid
        self.name = f"claimex-load-{model}"

    def setup(self, worker) -> None:
        if self.watch_pid is not None:
            exit_with_parent(self.watch_pid)
        prepare_process(self.model, self.stage_names)  # preloaded by the fork server: instant
        if self.watch_pid is not None:  # a worker of the run's own cluster, not a user's
            freeze_loaded()


def _client(settings: "Settings", stage_names: tuple[str, ...]):
    import dask
    from distributed import Client, LocalCluster
    from distributed.utils import get_mp_context

    if settings.scheduler:
        try:
            return Client(settings.scheduler), None
        except (OSError, ValueError) as exc:  # a timeout is an OSError; a scheme without a server a ValueError
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise EngineError(f"--scheduler {settings.scheduler}: no Dask scheduler answered there ({reason}); "
                              f"start one (`dask scheduler`) or check the address, or leave --scheduler out "
                              f"for a local cluster") from None
    # The local cluster's workers are forked from the same preloaded fork
    # server as the local engine's (``worker_server``): they start with
    # the model in memory instead of importing spaCy and loading it.
    method = {"distributed.worker.multiprocessing-method": "forkserver"}
    if worker_server.start(settings.model, stage_names, ("distributed",)) is None:
        method = {}
    with dask.config.set(method):
        get_mp_context()  # lets distributed record its preload as done; ours is set
        cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=40)
    return Client(cluster), cluster


class DaskEngine:
    """A Dask client (and local cluster) with the model loaded on every worker."""

    def __init__(self, settings: "Settings", stage_names: tuple[str, ...] = ()):
        self.settings = settings
        self.stage_names = stage_names
        self.client = self.cluster = None
        self._error: BaseException | None = None
        self._ready = threading.Thread(target=self._start, name="claimex-dask-start", daemon=True)
        self._ready.start()

    def _start(self) -> None:
        try:
            self.client, self.cluster = _client(self.settings, self.stage_names)
            watch = os.getpid() if self.cluster is not None else None
            self.client.register_plugin(_LoadModel(self.settings.model, self.stage_names, watch))
        except BaseException as exc:  # re-raised in the run's thread by ``run``
            self._error = exc

    def _workers(self) -> int:
        try:
            return max(1, len(self.client.scheduler_info()["workers"]))
        except (KeyError, TypeError, OSError):
            return self.settings.workers

    def run(self, tasks: Iterable[BatchTask], sink: "Sink") -> None:
        from distributed import KilledWorker, wait

        self._ready.join()
        if self._error is not None:
            raise self._error
        tracked = Tracked(lambda task: self.client.submit(process_batch, task, pure=False,
                                                          key=f"claimex-{part_stem(task.number, task.sub)}-{id(self)}"),
                          wait, KilledWorker, sink)
        # Dask ran a lost batch again on other workers, and each died: its documents
        # alone, so that only a document that does it is left out (as the local engine)
        for task in tracked.run(tasks, 2 * self._workers()):
            tracked.documents_alone(task)

    def close(self) -> None:
        self._ready.join()
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
