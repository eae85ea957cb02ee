"""--engine dask: the same stage functions on a two-worker LocalCluster give the
local engine's tables. Real worker processes (processes=True): the test proves
the model is loaded inside each worker and that results cross process borders."""
from __future__ import annotations

import pytest

from pipeline.registry import stage_names
from pipeline.runner import Settings, run
from pipeline.runner.settings import EngineError
from tests.conftest import SEEDS
from tests.test_runner_streaming import assert_same_tables

pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_engine_tables_equal_local_engine(tmp_path, seed_tables):
    # batch_size=2: the 5 seeds become 3 partitions spread over the 2 workers
    summary = run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=2, workers=2, engine="dask"))
    assert summary.processed == 5
    assert len(list((tmp_path / "sentences.parquet").iterdir())) == 3
    assert_same_tables(tmp_path, seed_tables)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary files left behind"
    # the DocBin parts the workers wrote serve a later single-stage run
    run(["entities"], Settings(input=SEEDS, out=tmp_path))
    assert_same_tables(tmp_path, seed_tables, ("entities",))


def test_dask_engine_runs_only_from_clean(tmp_path):
    with pytest.raises(EngineError, match="--engine dask runs from the clean stage"):
        run(["entities"], Settings(input=SEEDS, out=tmp_path, engine="dask"))


def test_dask_engine_missing_extra_is_a_usage_error(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    with pytest.raises(EngineError, match=r"pip install '\.\[dask\]'"):
        run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, engine="dask"))
    assert not list(tmp_path.iterdir()), "nothing is written before the settings are checked"
