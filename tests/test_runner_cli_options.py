"""`pipeline run` options of the streaming runner: exit codes and wiring."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import UsageError
from tests.conftest import SEEDS


@pytest.mark.parametrize("args, message", [
    (["run", "entities", "--engine", "dask"], "--engine dask runs from the clean stage"),
    (["run", "all", "--engine", "spark"], "spark"),
    (["run", "all", "--workers", "0"], "--workers 0 must be at least 1"),
    (["run", "all", "--workers", "two"], "is not a number"),
    (["run", "all", "--batch-size", "0"], "0"),
    (["run", "all", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
])
def test_runner_cli_bad_options_exit_2(tmp_path, args, message):
    result = CliRunner().invoke(app, [*args, "--input", str(SEEDS), "--out", str(tmp_path)])
    assert result.exit_code == UsageError.exit_code, result.output
    assert message in result.output
    assert not list(tmp_path.glob("*.parquet")), "a rejected run must not write tables"


def test_runner_cli_batch_size_and_incremental_rerun(tmp_path):
    runner = CliRunner()
    first = runner.invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path), "--batch-size", "2"])
    assert first.exit_code == 0, first.output
    assert len(list((tmp_path / "documents.parquet").iterdir())) == 3
    second = runner.invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path), "--batch-size", "2"])
    assert second.exit_code == 0, second.output
    assert "incremental: 5 unchanged documents kept, 0 processed" in second.output
    assert len(pd.read_parquet(tmp_path / "documents.parquet")) == 5
