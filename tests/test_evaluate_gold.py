"""The pipeline on the seeds against the hand-labeled gold set: every stage's
figures must stay at or above its floor in tests/floors.py."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError
from pipeline.evaluation.evaluate import evaluate_tables
from pipeline.evaluation.gold import load_gold

from .floors import FLOORS

CASES = [(stage, metric, floor) for stage, metrics in FLOORS.items() for metric, floor in metrics.items()]


@pytest.fixture(scope="module")
def seed_report(seed_tables):
    return evaluate_tables(seed_tables, load_gold())


@pytest.mark.parametrize(("stage", "metric", "floor"), CASES, ids=[f"{s}-{m}" for s, m, _ in CASES])
def test_evaluate_gold_stage_at_or_above_floor(seed_report, stage, metric, floor):
    rep = seed_report.stages[stage]
    assert rep.status == "ok", f"{stage}: {rep.status} ({rep.notes})"
    assert metric in rep.metrics, f"{stage} has no metric {metric!r}; metrics: {sorted(rep.metrics)}"
    value = rep.metrics[metric]
    assert value >= floor, f"{stage} {metric} = {value:.4f} < floor {floor}; first notes: {rep.notes[:8]}"


def test_evaluate_gold_floors_name_real_stages():
    assert set(FLOORS) <= {"clean", "sentences", "entities", "quotes", "claims"}
    for metrics in FLOORS.values():
        for floor in metrics.values():
            assert 0.0 < floor <= 1.0


def test_evaluate_gold_folder_that_is_a_file_says_so(seed_run, tmp_path):
    """Regression: `eval --gold FILE` said the gold folder "does not exist"."""
    out, _ = seed_run
    (tmp_path / "gold.jsonl").write_text("{}\n")
    result = CliRunner().invoke(app, ["eval", "--out", str(out), "--gold", str(tmp_path / "gold.jsonl")])
    assert result.exit_code == InputError.exit_code and "Traceback" not in result.output, result.output
    (line,) = result.output.strip().splitlines()
    assert f"error: gold folder {tmp_path / 'gold.jsonl'} is a file, not a folder; pass --gold DIR" in line


@pytest.mark.parametrize("files", [[], ["README.md"], ["notes.txt", "gold.json"]])
def test_evaluate_gold_folder_without_gold_files_says_so(seed_run, tmp_path, files):
    """Regression: `eval --gold DIR` on a folder without gold files scored "no gold" for every
    stage and exited 0."""
    out, _ = seed_run
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in files:
        (gold / name).write_text("{}\n")
    result = CliRunner().invoke(app, ["eval", "--out", str(out), "--gold", str(gold)])
    assert result.exit_code == InputError.exit_code and "Traceback" not in result.output, result.output
    (line,) = result.output.strip().splitlines()
    assert f"error: gold folder {gold} holds no gold file (documents.jsonl, " in line, line


def test_evaluate_gold_folder_with_one_gold_file_is_scored(seed_run, tmp_path):
    """A gold folder with one stage's file scores that stage (the others: no gold), as before."""
    import shutil

    from pipeline.evaluation.gold import GOLD_DIR

    out, _ = seed_run
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD_DIR / "documents.jsonl", gold)
    result = CliRunner().invoke(app, ["eval", "--out", str(out), "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
