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


@pytest.mark.parametrize("address, why", [
    ("garbage", "missing port number"),
    ("tcp://scheduler-host", "missing port number"),
    ("bogus://host:8786", "unknown address scheme"),
    ("tcp://host:70000", "port 70000"),
    ("", "is empty"),
])
def test_dask_engine_bad_scheduler_address_is_a_usage_error(tmp_path, address, why):
    """Regression: `--scheduler garbage` ended the run with a ValueError traceback, after
    the model had loaded, and left `<out>/_claimex/lock` in a new folder."""
    out = tmp_path / "out"
    with pytest.raises(EngineError, match=why):
        run(list(stage_names()), Settings(input=SEEDS, out=out, engine="dask", scheduler=address))
    assert not out.exists()


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:8786", "tls://[::1]:8786", "127.0.0.1:8786"])
def test_dask_engine_scheduler_address_that_can_be_dialled_passes_the_check(address):
    from pipeline.runner.settings import check_settings

    check_settings(Settings(engine="dask", scheduler=address), "clean")


def test_dask_engine_scheduler_that_does_not_answer_one_line_no_lock(tmp_path):
    """Regression: a scheduler address nobody listens on ended the run with an OSError
    traceback after 30 s and left `<out>/_claimex/lock` in the new folder."""
    import socket

    import dask
    from typer.testing import CliRunner

    from pipeline.cli import app

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "new" / "out"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(out), "--engine", "dask",
                                          "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == EngineError.exit_code, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("error:") and f"tcp://127.0.0.1:{port}" in last, result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "new").exists()
