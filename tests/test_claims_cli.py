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


def test_claims_cli_train_malformed_data(tmp_path):
    """A malformed file of the claim data (``protocol.ClaimDataError``) is one line with exit
    code 3 too, naming the file; any other ValueError is not taken for bad input."""
    pytest.importorskip("sklearn")
    from pipeline.stages.claims.protocol import CLAIM_FILES

    claims = tmp_path / "data" / "claims"
    claims.mkdir(parents=True)
    for name in CLAIM_FILES:
        (claims / name).write_text("[]" if name.endswith(".json") else "no rows here\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["train-claims", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "m")])
    assert result.exit_code == InputError.exit_code, result.output
    assert "ct24_checkworthy_train.tsv" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m").exists()
