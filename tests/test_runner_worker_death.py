"""A worker process that dies (out-of-memory killer, a crash in a C extension)
costs the run at most the documents that kill it, never the run; workers that
cannot start stop the run with one line (``runner.engines.WorkerPool``)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pandas as pd
import pytest

from pipeline.errors import UsageError
from pipeline.registry import stage_names
from pipeline.runner import Settings, driver, engines, run
from pipeline.runner.batch import BatchTask, document_tasks, part_stem
from pipeline.inputs.readers import plan_inputs

from .conftest import SEEDS
from .test_runner_streaming import assert_same_tables

ALL = list(stage_names())
VICTIM = sorted(p.stem for p in SEEDS.glob("*.txt"))[2]


class _DyingExecutor:
    """Runs each task here, at once. A task that holds ``killer`` (or every task,
    with ``dead_on_start``) breaks it the way a dead worker breaks a
    ``ProcessPoolExecutor``: its future fails and so does every later submit."""

    def __init__(self, killer: str | None, dead_on_start: bool = False):
        self.killer, self.broken = killer, dead_on_start

    def submit(self, fn, *args):
        if self.broken:
            raise BrokenProcessPool("a child process terminated abruptly")
        f: Future = Future()
        if args and self.killer in [d for d, _ in args[0].documents()]:
            self.broken = True
            f.set_exception(BrokenProcessPool("a child process terminated abruptly"))
        else:
            f.set_result(fn(*args))
        return f

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def _fake_pool(killer: str | None, dead_on_start: bool = False):
    class Pool(engines.WorkerPool):
        started = 0

        def __init__(self, settings, names):  # no fork server: the executor runs tasks here
            self.workers, self.notes = settings.workers, []
            self.pool = self._start()

        def _start(self):
            Pool.started += 1
            ex = _DyingExecutor(killer, dead_on_start)
            self._probes = [] if dead_on_start else [ex.submit(os.getpid)]
            if dead_on_start:
                f: Future = Future()
                f.set_exception(BrokenProcessPool("a child process terminated abruptly"))
                self._probes = [f]
            return ex

    return Pool


def test_runner_worker_death_document_that_kills_its_worker_is_the_only_loss(tmp_path, monkeypatch, seed_tables):
    pool = _fake_pool(VICTIM)
    monkeypatch.setattr(driver, "WorkerPool", pool)
    summary = run(ALL, Settings(input=SEEDS, out=tmp_path, workers=2, batch_size=2, incremental=False))
    failed = [(r.doc_id, r.stage, r.error) for r in summary.errors.records if not r.error.startswith("warning:")]
    assert failed == [(VICTIM, "clean", "worker_died")]
    assert any("ran again" in n for n in summary.notes), summary.notes
    kept = {t: df[df["doc_id"] != VICTIM] for t, df in seed_tables.items() if t in ("documents", "sentences")}
    assert_same_tables(tmp_path, kept, ("documents", "sentences"), ignore=("path",))
    for t in ("entities", "quotes", "claims"):  # the same spans (corpus-wide names may change without the victim)
        spans = {tuple(r) for r in pd.read_parquet(tmp_path / f"{t}.parquet")[["doc_id", "start", "end"]].values}
        want = seed_tables[t][seed_tables[t]["doc_id"] != VICTIM]
        assert spans == {tuple(r) for r in want[["doc_id", "start", "end"]].values}, t
    # the victim's batch partner ran alone, its part named after the batch: the parts keep document order
    names = sorted(p.name for p in (tmp_path / "sentences.parquet").iterdir())
    assert names == ["part-00000.parquet", "part-00001-00001.parquet", "part-00002.parquet"]


def test_runner_worker_death_workers_that_cannot_start_stop_the_run_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(driver, "WorkerPool", _fake_pool(None, dead_on_start=True))
    with pytest.raises(UsageError, match='__name__ == "__main__"'):
        run(ALL, Settings(input=SEEDS, out=tmp_path, workers=2, batch_size=2, incremental=False))
    assert not (tmp_path / "documents.parquet").exists()


def test_runner_worker_death_document_tasks_and_part_names():
    files = list(plan_inputs(SEEDS))[:3]
    task = BatchTask(7, ("clean",), "m", files=files, previous={files[1].doc_id: ("h", "p")})
    ones = document_tasks(task)
    assert [(t.sub, [f.doc_id for f in t.files]) for t in ones] == [(k, [f.doc_id]) for k, f in enumerate(files)]
    assert ones[1].previous == {files[1].doc_id: ("h", "p")} and ones[0].previous == {}
    assert part_stem(7, None) == "part-00007"
    # a document run alone sorts after the batch before and before the next
    assert "part-00006.parquet" < part_stem(7, 0) + ".parquet" < part_stem(7, 12) + ".parquet" < "part-00008.parquet"


@pytest.mark.slow
def test_runner_worker_death_killed_worker_costs_nothing(tmp_path, monkeypatch, seed_tables):
    """A real worker process killed (SIGKILL, as the out-of-memory killer does):
    the run starts the pool again and every document is in the tables."""
    real_run = engines.WorkerPool.run

    def kill_one_then_run(self, tasks, sink):
        pid = self._probes[0].result(timeout=120)  # a worker's pid
        os.kill(pid, signal.SIGKILL)
        return real_run(self, tasks, sink)

    monkeypatch.setattr(engines.WorkerPool, "run", kill_one_then_run)
    summary = run(ALL, Settings(input=SEEDS, out=tmp_path, workers=2, batch_size=1, incremental=False))
    assert not summary.errors.failed_ids()
    assert_same_tables(tmp_path, seed_tables, ignore=("path",))


@pytest.mark.slow
def test_runner_worker_death_unguarded_script_gets_one_line(tmp_path):
    """Regression: a script calling ``extract(..., workers=2)`` without a
    ``__main__`` guard died with a ``BrokenProcessPool`` traceback: each worker
    imports the main module, which starts a run of its own."""
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(f"""
        from pipeline import extract
        extract({str(SEEDS)!r}, workers=2)
    """))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert proc.returncode != 0
    assert 'UsageError: worker processes end as soon as they start' in proc.stderr, proc.stderr[-3000:]


def test_runner_worker_death_a_worker_that_cannot_load_stays_up_to_report_it(monkeypatch):
    """A worker whose initializer fails (a broken claim model) used to end, which the
    run can only read as a crash; it stays up, and its first batch raises the error
    itself, which reaches the run as that error (exit 4), not as a start-up failure."""
    from pipeline.errors import ModelError

    def fails(model, names):
        raise ModelError("claim model unreadable")

    monkeypatch.setattr(engines, "prepare_process", fails)
    engines._init_worker("a-model", ("claims",), os.getpid())  # returns instead of raising


def test_runner_worker_death_dask_batch_that_kills_its_workers_loses_only_its_document(tmp_path, monkeypatch,
                                                                                         seed_tables):
    """``--engine dask``: Dask retries a task whose worker dies on other workers, then
    gives up with ``KilledWorker``, which used to end the run; the batch now runs one
    document at a time, and only the document that kills a worker alone is left out."""
    distributed = pytest.importorskip("distributed")
    from concurrent.futures import wait as futures_wait

    from pipeline.runner import dask_engine

    class Client:
        def submit(self, fn, task, pure=False, key=None):
            f: Future = Future()
            if VICTIM in [d for d, _ in task.documents()]:
                f.set_exception(distributed.KilledWorker(key, "tcp://worker", 3))
            else:
                f.set_result(fn(task))
            return f

        def scheduler_info(self):
            return {"workers": {"a": {}, "b": {}}}

        def close(self):
            pass

    class Engine(dask_engine.DaskEngine):
        def _start(self):  # no cluster: the client runs each task here
            self.client = Client()

    monkeypatch.setattr(dask_engine, "DaskEngine", Engine)
    monkeypatch.setattr(distributed, "wait", futures_wait)
    summary = run(ALL, Settings(input=SEEDS, out=tmp_path, workers=2, batch_size=2, engine="dask", incremental=False))
    failed = [(r.doc_id, r.error) for r in summary.errors.records if not r.error.startswith("warning:")]
    assert failed == [(VICTIM, "worker_died")]
    kept = {t: df[df["doc_id"] != VICTIM] for t, df in seed_tables.items() if t in ("documents", "sentences")}
    assert_same_tables(tmp_path, kept, ("documents", "sentences"), ignore=("path",))


@pytest.mark.slow
def test_runner_worker_death_ctrl_c_ends_the_fork_server_and_its_workers_quietly(tmp_path):
    """Regression: Ctrl-C (SIGINT to the whole process group) while the fork server
    loaded the model printed its KeyboardInterrupt traceback (some 60 lines), and a
    worker waiting for a batch printed one of its queue; both now end at once, quietly
    (the run's own process reports the interruption in one line)."""
    (tmp_path / "slow_preload.py").write_text("import time\ntime.sleep(60)\n")  # the server, busy loading
    script = tmp_path / "interrupt.py"
    script.write_text(textwrap.dedent("""
        import os, signal, time
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import forkserver
        from pipeline import worker_server

        def wait_gone(pid):  # the worker is the server's child: its pid goes once the server reaps it
            for _ in range(200):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.05)
            raise SystemExit(f"process {pid} still runs")

        if __name__ == "__main__":
            worker_server.start("", (), ("slow_preload",))
            time.sleep(1)  # the server is in its preload now
            server = forkserver._forkserver._forkserver_pid
            os.kill(server, signal.SIGINT)
            os.waitid(os.P_PID, server, os.WEXITED | os.WNOWAIT)  # ended (multiprocessing reaps it)
            ctx = worker_server.start("/no/such/model", ())  # a new server: a model that fails to load is quick
            pool = ProcessPoolExecutor(1, mp_context=ctx)
            worker = pool.submit(os.getpid).result()  # then waits for its next batch
            os.kill(worker, signal.SIGINT)
            wait_gone(worker)
            print("both ended")
    """))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path])))
    assert "both ended" in proc.stdout, proc.stdout + proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and "KeyboardInterrupt" not in proc.stderr, proc.stderr[-3000:]


@pytest.mark.slow
def test_runner_worker_death_sigint_ignored_by_the_run_is_ignored_by_its_workers(tmp_path):
    """Regression: a run started with SIGINT ignored (`cmd &` in a script: the shell ignores it for
    background jobs) went on through `kill -INT`, but its fork server and workers ended, and the
    batches ran again with "worker processes ended abruptly". They ignore it as the run does."""
    (tmp_path / "slow_preload.py").write_text("import time\ntime.sleep(2)\n")  # the server, busy loading
    script = tmp_path / "ignored.py"
    script.write_text(textwrap.dedent("""
        import os, signal, time
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import forkserver
        from pipeline import worker_server

        if __name__ == "__main__":
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # as the shell starts a background job
            ctx = worker_server.start("/no/such/model", (), ("slow_preload",))
            server = forkserver._forkserver._forkserver_pid
            time.sleep(0.5)  # the server is in its preload now
            os.kill(server, signal.SIGINT)
            pool = ProcessPoolExecutor(1, mp_context=ctx)
            worker = pool.submit(os.getpid).result()
            assert forkserver._forkserver._forkserver_pid == server, "the server was started again"
            os.kill(worker, signal.SIGINT)
            time.sleep(0.5)
            assert pool.submit(os.getpid).result() == worker, "the worker was replaced"
            print("both still run")
    """))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path])))
    assert "both still run" in proc.stdout, proc.stdout + proc.stderr[-3000:]
