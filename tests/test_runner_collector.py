"""The cyclic collector during a run (``runner.collector``): paused for the finalize,
long-lived objects frozen, and the calling process left as it was."""
from __future__ import annotations

import gc

import pandas as pd
import pytest

from pipeline.registry import get_stage, stage_names
from pipeline.runner import Settings, run
from pipeline.runner.collector import frozen, paused

from tests.conftest import SEEDS


@pytest.fixture
def collector_state():
    """Nothing frozen at the start; the collector restored whatever a test did to it."""
    was_on, threshold = gc.isenabled(), gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    (gc.enable if was_on else gc.disable)()


@pytest.mark.parametrize("on_before", [True, False])
def test_runner_collector_paused_restores_the_state_it_found(collector_state, on_before):
    (gc.enable if on_before else gc.disable)()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled() is on_before


def test_runner_collector_paused_resumes_after_an_exception(collector_state):
    gc.enable()
    with pytest.raises(RuntimeError):
        with paused():
            raise RuntimeError("a finalize failed")
    assert gc.isenabled()


def test_runner_collector_frozen_leaves_out_what_lived_before_and_unfreezes(collector_state):
    before = gc.get_freeze_count()
    kept = [[i] for i in range(1000)]  # tracked containers alive on entry
    with frozen():
        assert gc.get_freeze_count() >= before + len(kept)
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError):
        with frozen():
            raise ValueError("a batch failed")
    assert gc.get_freeze_count() == 0


def test_runner_collector_run_pauses_it_for_the_finalize_and_restores_the_caller(collector_state, tmp_path, monkeypatch):
    """The finalize runs with the collector off; the run leaves the calling process's
    collector on and nothing frozen."""
    seen = []
    entities = get_stage("entities")

    def finalize(table: pd.DataFrame) -> pd.DataFrame:
        seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
        return entities.finalize(table)

    from dataclasses import replace

    import pipeline.registry as registry
    patched = [replace(s, finalize=finalize) if s.name == "entities" else s for s in registry._STAGES]
    monkeypatch.setattr(registry, "_STAGES", patched)
    gc.enable()
    run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=2))
    assert seen == [(False, True)]
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_runner_collector_frozen_leaves_a_callers_own_freeze_alone(collector_state):
    """A process that froze its objects before the run (to fork workers of its own) keeps them
    frozen: the run neither adds to nor releases its permanent generation."""
    kept = [[i] for i in range(100)]
    gc.freeze()
    count = gc.get_freeze_count()  # frozen objects may still die (then the count falls), never rise
    assert count >= len(kept)
    later = [[i] for i in range(1000)]  # tracked objects born after the caller's freeze
    with frozen():
        assert gc.get_freeze_count() <= count, "the run froze objects of its own"
    assert len(kept) <= gc.get_freeze_count() <= count, "the run released the caller's frozen objects"
    assert later


def test_runner_collector_a_local_worker_freezes_what_it_loaded(collector_state, monkeypatch):
    import pipeline.runner.engines as engines

    monkeypatch.setattr(engines, "prepare_process", lambda model, stages: None)
    monkeypatch.setattr(engines, "exit_with_parent", lambda pid: None)
    engines._init_worker("a-model", ("clean",), 1)
    assert gc.get_freeze_count() > 0


@pytest.mark.parametrize("own_cluster", [True, False])
def test_runner_collector_a_dask_worker_is_frozen_only_in_the_runs_own_cluster(collector_state, monkeypatch,
                                                                               own_cluster):
    """A worker of a cluster the run started freezes what it loaded; a worker of a cluster
    given by ``--scheduler`` belongs to its user and is left as it is."""
    pytest.importorskip("distributed")
    import os

    import pipeline.runner.dask_engine as dask_engine

    monkeypatch.setattr(dask_engine, "prepare_process", lambda model, stages: None)
    monkeypatch.setattr(dask_engine, "exit_with_parent", lambda pid: None)
    dask_engine._LoadModel("a-model", ("clean",), os.getpid() if own_cluster else None).setup(worker=None)
    assert (gc.get_freeze_count() > 0) is own_cluster
