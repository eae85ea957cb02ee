"""A run's tables are published together: a reader (or a kill) never sees
`documents` of one run with `sentences` of another, nor a missing table; and
one run at a time writes to an `--out`."""
from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import RunLockedError
from pipeline.registry import stage_names
from pipeline.runner import Settings, run
from pipeline.schemas import SCHEMAS
from pipeline.tables import PartWriter, read_table

from .conftest import SEEDS
from .test_runner_streaming import count_parses  # noqa: F401 (fixture)

ALL = list(stage_names())


@pytest.fixture
def two_inputs(tmp_path):
    """The seeds in two halves: a first run of three, then a run of the other two."""
    seeds = sorted(SEEDS.glob("*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for p in seeds[:3]:
        shutil.copy(p, a / p.name)
    for p in seeds[3:]:
        shutil.copy(p, b / p.name)
    return a, b


def _snapshot(out):
    return {t: read_table(out, t) for t in SCHEMAS if (out / f"{t}.parquet").exists()}


def test_store_kill_between_table_commits_keeps_the_old_generation(tmp_path, two_inputs, monkeypatch):
    a, b = two_inputs
    out = tmp_path / "out"
    run(ALL, Settings(input=a, out=out, batch_size=2))
    before = _snapshot(out)
    real_commit, calls = PartWriter.commit, []

    def dies_after_the_first_table(self):
        calls.append(self.table)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as if killed between two table commits
        return real_commit(self)

    monkeypatch.setattr(PartWriter, "commit", dies_after_the_first_table)
    with pytest.raises(KeyboardInterrupt):
        run(ALL, Settings(input=b, out=out, batch_size=2))
    after = _snapshot(out)
    assert set(after) == set(before)
    for t in before:
        pd.testing.assert_frame_equal(after[t], before[t], obj=t)


def test_store_no_table_is_ever_missing_while_publishing(tmp_path, two_inputs, monkeypatch):
    a, b = two_inputs
    out = tmp_path / "out"
    run(ALL, Settings(input=a, out=out, batch_size=2))  # tables of several parts (folders)
    names = [t for t in SCHEMAS if (out / f"{t}.parquet").exists()]
    real_replace, gaps = os.replace, []

    def watched(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        gaps.extend(t for t in names if not (out / f"{t}.parquet").exists())

    monkeypatch.setattr(os, "replace", watched)
    run(ALL, Settings(input=b, out=out, batch_size=2))
    assert not gaps, f"tables missing during the publish: {sorted(set(gaps))}"
    assert sorted(read_table(out, "documents")["doc_id"]) == sorted(p.stem for p in b.iterdir())


def test_store_generation_folder_holds_one_generation(tmp_path, two_inputs):
    a, b = two_inputs
    out = tmp_path / "out"
    run(ALL, Settings(input=a, out=out))
    run(ALL, Settings(input=b, out=out))
    run(["entities"], Settings(out=out))
    store = sorted(p.name for p in (out / "_claimex").iterdir())
    assert store[0] == "current" and store[2:] == ["lock"] and store[1].startswith("g-"), store
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_store_second_run_fails_fast_naming_the_first(tmp_path):
    out = tmp_path / "out"
    from pipeline.runner.store import TableStore

    with TableStore(out).lock():  # another run holds --out
        result = CliRunner().invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(out)])
        assert result.exit_code == RunLockedError.exit_code, result.output
        assert f"process {os.getpid()}" in result.output
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) <= 6
        assert not (out / "documents.parquet").exists()
    # once the lock is released the run goes ahead
    assert CliRunner().invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(out)]).exit_code == 0


@pytest.mark.parametrize("args", [
    ["run", "all", "--input", str(SEEDS), "--workers", "2"],
    ["run", "sentences"],  # the first run has written no table yet: it said `documents` was missing, exit 5
])
def test_store_second_run_is_refused_before_the_model_loads(tmp_path, monkeypatch, args):
    """A second run on a locked --out loaded the model, set up the stages and started its workers (some
    10 s) before it tried the lock."""
    from pipeline.runner import driver
    from pipeline.runner.store import TableStore

    def loads(*args, **kwargs):
        raise AssertionError("the model loads before the lock is tried")

    monkeypatch.setattr(driver, "choose_model", loads)
    monkeypatch.setattr(driver, "stage_setup", loads)
    out = tmp_path / "out"
    with TableStore(out).lock():
        result = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == RunLockedError.exit_code, result.output
    assert f"another run (process {os.getpid()}) is writing to {out}" in result.output
    assert sorted(p.name for p in out.rglob("*")) == ["_claimex", "lock"]


def test_store_without_symbolic_links_tables_are_moved_into_place(tmp_path, two_inputs, monkeypatch, seed_tables):
    from pipeline.runner import store

    def no_links(*args, **kwargs):
        raise OSError("symbolic links are not supported here")

    monkeypatch.setattr(store.os, "symlink", no_links)
    a, _ = two_inputs
    out = tmp_path / "out"
    run(ALL, Settings(input=a, out=out, batch_size=2))
    assert (out / "documents.parquet").exists() and not (out / "documents.parquet").is_symlink()
    again = run(ALL, Settings(input=a, out=out, batch_size=2))
    assert (again.processed, again.skipped) == (0, 3), "the incremental record survives without links"
    assert sorted(read_table(out, "documents")["doc_id"]) == sorted(p.stem for p in a.iterdir())


def test_store_sweep_removes_only_the_temporaries_claimex_names(tmp_path):
    from pipeline.tables import sweep_temporary

    ours = [".documents.ab1_cd3e.tmp", ".documents.parquet.1a2b3c4d.tmp", ".run.json.k3j4h5g6.tmp",
            ".quotes.parquet.old-0f1e2d3c"]
    mine = [".draft.tmp", ".thesis.parquet.old-v1", ".notes.tmp", "documents.abcdefgh.tmp"]
    for name in ours + mine:
        (tmp_path / name).write_text("x")
    (tmp_path / ".sentences.parts.x9y8z7w6").mkdir()
    (tmp_path / ".photos.parts.2024").mkdir()
    assert sorted(sweep_temporary(tmp_path)) == sorted(ours + [".sentences.parts.x9y8z7w6"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(mine + [".photos.parts.2024"])


def test_store_interrupted_just_after_publishing_leaves_the_record_and_index_of_the_tables(tmp_path, two_inputs,
                                                                                          monkeypatch, count_parses):
    """Regression: run.json and the parse cache's index were written after the tables went live, so a
    Ctrl-C just then left the previous run's run.json (a single stage took the model it named, not the
    one the tables were built with) and index. They go live with the tables now."""
    import json

    import spacy

    from pipeline.nlp.loader import DEFAULT_MODEL
    from pipeline.runner.parse_cache import INDEX_NAME
    from pipeline.runner.store import TableStore

    model = tmp_path / "mdl"  # the default model's files, at a path: another model to claimex
    package = spacy.util.get_package_path(DEFAULT_MODEL)
    model.symlink_to(next(p for p in package.iterdir() if (p / "config.cfg").is_file()))
    a, b = two_inputs
    out = tmp_path / "out"
    run(ALL, Settings(input=a, out=out, batch_size=2))
    real_publish = TableStore.publish

    def interrupted_after(self, *args, **kwargs):
        real_publish(self, *args, **kwargs)
        raise KeyboardInterrupt  # Ctrl-C the moment the new tables are live

    monkeypatch.setattr(TableStore, "publish", interrupted_after)
    with pytest.raises(KeyboardInterrupt):
        run(ALL, Settings(input=b, out=out, batch_size=2, model=str(model)))
    monkeypatch.setattr(TableStore, "publish", real_publish)
    docs = sorted(read_table(out, "documents")["doc_id"])
    assert docs == sorted(p.stem for p in b.iterdir())  # the new tables are live
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert (record["model"], record["documents_processed"], record["rows"]["documents"]) == (str(model), 2, 2)
    assert sorted(json.loads((out / INDEX_NAME).read_text())["docs"]) == docs
    count_parses.clear()
    summary = run(["entities"], Settings(out=out))
    assert summary.notes[0].startswith(f"model {model}: the one the tables in --out were built with")
    assert count_parses == [], "the parses of the live tables were not found"
