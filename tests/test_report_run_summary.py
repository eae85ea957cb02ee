"""Issue 8 item 4: every `pipeline run` ends with one summary line per table
(rows written, path) and the error count, whatever the terminal width."""
from __future__ import annotations

import re
import shutil

import pytest

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.registry import stages

from .conftest import SEEDS


def test_report_run_summary_one_line_per_table_and_the_error_count(tmp_path):
    inp = tmp_path / "a folder with a rather long name so that paths exceed eighty columns" / "input"
    inp.mkdir(parents=True)
    shutil.copy(sorted(SEEDS.glob("*.txt"))[3], inp)
    (inp / "empty.txt").write_text("")  # fails in clean: one failed document
    out = tmp_path / "a folder with a rather long name so that paths exceed eighty columns" / "out"
    result = CliRunner().invoke(app, ["run", "all", "--input", str(inp), "--out", str(out)], terminal_width=60)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for stage in stages():
        path = out / f"{stage.output}.parquet"
        mine = [line for line in lines if line.startswith(f"{stage.output} ")]
        assert len(mine) == 1, (stage.output, lines)
        rows = len(pd.read_parquet(path))
        assert re.match(rf"{stage.output}\s+{rows} rows  {re.escape(str(path))}  \(", mine[0]), mine[0]
    errors = [line for line in lines if line.startswith("errors ")]
    assert len(errors) == 1
    assert re.match(r"errors\s+1 documents failed, \d+ warnings  " + re.escape(str(out / "errors.parquet")) + "$", errors[0]), errors[0]


@pytest.mark.parametrize("folder", ["x[/b]", "[draft]"])
def test_report_run_summary_paths_with_brackets_print_as_named(tmp_path, folder):
    # rich markup: "[draft]" vanished from the printed paths and "[/b]" raised a MarkupError (exit 1)
    inp = tmp_path / "input"
    inp.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[3], inp)
    out = tmp_path / folder
    result = CliRunner().invoke(app, ["run", "all", "--input", str(inp), "--out", str(out)], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for table in [s.output for s in stages()] + ["errors"]:
        assert any(line.startswith(f"{table} ") and f"  {out / table}.parquet" in line for line in lines), lines
