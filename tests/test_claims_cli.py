"""`pipeline train-claims`: a missing data folder is a one-line error with exit code 3, not a traceback."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError


def test_claims_cli_train_missing_data(tmp_path):
    pytest.importorskip("sklearn")
    result = CliRunner().invoke(app, ["train-claims", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m")])
    assert result.exit_code == InputError.exit_code, result.output
    assert "ct24_checkworthy_train.tsv" in result.output
    assert not (tmp_path / "m").exists()
