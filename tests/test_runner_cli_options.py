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
    # regression: an OverflowError traceback, and the lock of a new --out left behind
    (["run", "all", "--workers", "99999999999"], "--workers 99999999999 must be a whole number of at most 1,024"),
    (["run", "all", "--workers", "1025"], "at most 1,024"),
    # regression: every stage ran, then an OverflowError; the lock and docs.spacy/ were left
    (["run", "all", "--batch-size", "99999999999999999999"], "at most 100,000"),
    (["run", "all", "--batch-size", "100001"], "at most 100,000"),
])
def test_runner_cli_bad_options_exit_2(tmp_path, args, message):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, [*args, "--input", str(SEEDS), "--out", str(out)])
    assert result.exit_code == UsageError.exit_code, result.output
    assert message in result.output
    assert not out.exists(), "a rejected run writes nothing"


@pytest.mark.parametrize("args, workers, batches", [
    (["--workers", "3"], 1, 1),                       # 5 articles: one batch of at most 8
    (["--workers", "4", "--batch-size", "2"], 3, 3),  # three batches: three processes
    (["--workers", "2", "--batch-size", "2"], 2, 3),  # fewer workers than batches: as asked
])
def test_runner_cli_workers_no_more_processes_than_batches(tmp_path, monkeypatch, args, workers, batches):
    """Regression: `--workers 8` on 5 articles started 8 processes, each loading the model, for one batch."""
    from pipeline.runner import driver

    started = []
    real = driver.WorkerPool

    def pool(settings, names):
        started.append(settings.workers)
        return real(settings, names)

    monkeypatch.setattr(driver, "WorkerPool", pool)
    result = CliRunner().invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path), "--timings", *args])
    assert result.exit_code == 0, result.output
    assert started == [workers]
    assert f'"workers": {workers}' in result.output
    documents = tmp_path / "documents.parquet"
    assert (len(list(documents.iterdir())) if documents.is_dir() else 1) == batches
    assert ("note: --workers" in result.output) == (workers < int(args[1])), result.output


def test_runner_cli_batch_size_and_incremental_rerun(tmp_path):
    runner = CliRunner()
    first = runner.invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path), "--batch-size", "2"])
    assert first.exit_code == 0, first.output
    assert len(list((tmp_path / "documents.parquet").iterdir())) == 3
    second = runner.invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path), "--batch-size", "2"])
    assert second.exit_code == 0, second.output
    assert "incremental: 5 unchanged documents kept, 0 processed" in second.output
    assert len(pd.read_parquet(tmp_path / "documents.parquet")) == 5


def _a_failure_and_a_warning(tmp_path, monkeypatch):
    """An input folder of two articles, one whose quotes stage fails (a stand-in stage raises on
    its text) and one with a warning (an unclosed quotation mark), and the --out beside it."""
    import dataclasses
    import functools

    from pipeline import registry
    from pipeline.registry import stages

    real = registry.get_stage("quotes").function

    @functools.wraps(real)  # the registry reads a stage's inputs from its parameters
    def quotes(**kwargs):
        if kwargs["documents"]["text"].str.contains("Qwerzly").any():
            raise ValueError("boom")
        return real(**kwargs)

    monkeypatch.setattr(registry, "_STAGES", [dataclasses.replace(s, function=quotes) if s.name == "quotes" else s
                                              for s in stages()])
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "bad.txt").write_text("Plan\n\nMr Qwerzly said the plan failed.\n")
    (inp / "warn.txt").write_text('Plan\n\n"We will win, Jane Doe said. The plan is good.\n')
    return inp, out


def test_runner_cli_incremental_rerun_counts_and_lists_the_kept_failures(tmp_path, monkeypatch):
    """An unchanged document that failed is kept by an incremental rerun (not processed again) with its
    errors.parquet rows, but the summary said "0 documents failed, 0 warnings": it counts and lists them."""
    inp, out = _a_failure_and_a_warning(tmp_path, monkeypatch)
    args = ["run", "all", "--input", str(inp), "--out", str(out), "--batch-size", "1"]
    first = CliRunner().invoke(app, args)
    assert "errors           1 documents failed, 1 warnings" in first.output, first.output
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "incremental: 2 unchanged documents kept, 0 processed" in second.output
    assert (f"errors           1 documents failed, 1 warnings  {out / 'errors.parquet'}  (1 failed, 1 warnings kept "
            f"from the earlier run: unchanged)") in second.output, second.output
    assert f"  - quotes (earlier run): {inp / 'bad.txt'}: ValueError: boom" in second.output
    assert len(pd.read_parquet(out / "errors.parquet")) == 2


def test_runner_cli_single_stage_counts_the_other_stages_errors_it_keeps(tmp_path, monkeypatch):
    """A single stage keeps the other stages' rows of errors.parquet, but its summary said "0 documents
    failed, 0 warnings" beside them: it counts every row of the table, and says how many were kept."""
    inp, out = _a_failure_and_a_warning(tmp_path, monkeypatch)
    first = CliRunner().invoke(app, ["run", "all", "--input", str(inp), "--out", str(out), "--batch-size", "1"])
    assert "errors           1 documents failed, 1 warnings" in first.output, first.output
    for stage in ("sentences", "claims"):
        again = CliRunner().invoke(app, ["run", stage, "--out", str(out)])
        assert again.exit_code == 0, again.output
        assert (f"errors           1 documents failed, 1 warnings  {out / 'errors.parquet'}  (1 failed, 1 warnings "
                f"kept from the earlier run: stages not run)") in again.output, again.output
        assert len(pd.read_parquet(out / "errors.parquet")) == 2


def test_runner_cli_single_stage_keeps_the_model_the_tables_were_built_with(tmp_path):
    import json

    import spacy

    from pipeline.errors import ModelError
    from pipeline.nlp.loader import DEFAULT_MODEL

    model = tmp_path / "mdl"  # the default model's files, at a path: another model to claimex
    package = spacy.util.get_package_path(DEFAULT_MODEL)
    model.symlink_to(next(p for p in package.iterdir() if (p / "config.cfg").is_file()))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mine.txt").write_text('Election\n\n"We will win," Jane Doe said.\n')
    out = tmp_path / "out"
    runner = CliRunner()
    built = runner.invoke(app, ["run", "all", "--input", str(tmp_path / "in"), "--out", str(out), "--model", str(model)])
    assert built.exit_code == 0, built.output
    again = runner.invoke(app, ["run", "quotes", "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert f"note: model {model}: the one the tables in --out were built with (run.json)" in again.output
    assert json.loads((out / "run.json").read_text())["model"] == str(model)
    model.unlink()  # the model is gone: a single stage says which one it needs
    gone = runner.invoke(app, ["run", "quotes", "--out", str(out)])
    assert gone.exit_code == ModelError.exit_code, gone.output
    assert f"were built with the spaCy model '{model}' (run.json), which is not installed here" in gone.output


def test_runner_cli_ctrl_c_is_one_line_and_exit_130(tmp_path, monkeypatch):
    """Ctrl-C during a command: typer turned it into exit 130 with an empty line, so the
    interruption was never reported (the workers end quietly: test_runner_worker_death)."""
    from pipeline.cli import run as run_command

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(run_command, "run", interrupted)
    result = CliRunner().invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path)])
    assert result.exit_code == 130, result.output
    assert result.output.strip() == "interrupted: tables written before the interruption are intact; rerun to finish"


def test_runner_cli_input_count_agrees_with_the_read_lines(tmp_path):
    """The summary said "1 files or records not read (listed below)" over three `read:` lines: it counted
    what the listing found (a wrong suffix), not the empty or binary files the batch's reader found."""
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "mine.txt").write_text('Election\n\n"We will win," Jane Doe said.\n')
    (inp / "empty.txt").write_bytes(b"")
    (inp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (inp / "notes.md").write_text("notes\n")
    result = CliRunner().invoke(app, ["run", "all", "--input", str(inp), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    read = [line for line in result.output.splitlines() if line.startswith("  - read: ")]
    assert [line.split(": ")[2] for line in read] == ["unsupported_type", "empty", "binary"]
    assert "input            3 files or records not read (listed below)" in result.output, result.output
