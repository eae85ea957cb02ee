"""What a run may replace in `--out` (`pipeline/runner/ownership.py`): a Parquet file of the
user's at a table's name is refused unless it is that table; one at any other name is left
where it is; a table rewritten as a folder of partition folders is refused, never published
empty."""
from __future__ import annotations

import json
import os
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import OutputError
from pipeline.runner.ownership import foreign_files
from pipeline.tables import empty_frame, read_table, to_arrow

from .conftest import SEEDS
from .test_cli_output_errors import _one_line_exit_6

runner = CliRunner()


def _files(folder):
    """Every file under ``folder`` (links as their target, not followed), with its bytes."""
    return {p.relative_to(folder).as_posix(): (os.readlink(p) if p.is_symlink() else p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_symlink() or p.is_file()}


def _claimex_table(path, table):
    pq.write_table(to_arrow(empty_frame(table), table), path)


@pytest.mark.parametrize("name, columns, words", [
    # regression: a user's own documents.parquet (valid Parquet) in a new --out was replaced without a word
    ("documents.parquet", {"title": ["my important doc"], "x": [1]},
     "documents.parquet (a Parquet table, but not claimex's documents table: column 'doc_id' is missing"),
    ("errors.parquet", {"doc_id": ["a"], "note": ["mine"]}, "errors.parquet (a Parquet table, but not claimex's errors"),
    ("claim_matches.parquet", {"doc_id": ["a"], "claim_id": [0]}, "claim_matches.parquet (a Parquet table, but not"),
    ("claims.parquet", {"doc_id": [1], "claim_id": [0]}, "column 'doc_id' has type int64, expected string"),
], ids=["documents", "errors", "claim_matches", "claims-of-other-types"])
def test_ownership_a_users_parquet_at_a_tables_name_is_refused(tmp_path, name, columns, words):
    out = tmp_path / "out"
    out.mkdir()
    pd.DataFrame(columns).to_parquet(out / name)
    before = _files(out)
    _one_line_exit_6(runner.invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(out)]),
                     words, "move them or pass another --out")
    assert _files(out) == before


@pytest.mark.parametrize("name", ["claims.parquet", "claim_matches.parquet"])
def test_ownership_a_users_parquet_at_a_tables_name_in_a_run_folder_is_refused(tmp_path, name):
    # review: in a folder a run had written, a user's own claims.parquet was replaced without a word
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", "clean", "--input", str(SEEDS), "--out", str(out)]).exit_code == 0
    (out / name).unlink(missing_ok=True)
    pd.DataFrame({"my_claim": ["x"], "source": ["me"]}).to_parquet(out / name)
    before = _files(out)
    _one_line_exit_6(runner.invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(out)]),
                     f"{name} (a Parquet table, but not claimex's", "move them or pass another --out")
    assert _files(out) == before


def test_ownership_another_packages_table_has_no_schema_to_check(tmp_path):
    # review: a folder of the layout without links whose manifest lists a table of another
    # package (a stage registered elsewhere) ended the check with KeyError: unknown table
    (tmp_path / "_claimex").mkdir()
    (tmp_path / "_claimex" / "manifest.json").write_text(
        json.dumps({"version": 2, "fingerprint": None, "tables": {"extra": [["extra.parquet", 1, 10]]}}))
    pd.DataFrame({"a": [1]}).to_parquet(tmp_path / "extra.parquet")
    assert foreign_files(tmp_path) == []


def test_ownership_a_damaged_table_in_a_run_folder_is_recomputed(tmp_path):
    # ... while one claimex cannot read there is its own, damaged: the run recomputes it
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", "clean", "--input", str(SEEDS), "--out", str(out)]).exit_code == 0
    (out / "documents.parquet").unlink()
    (out / "documents.parquet").write_bytes(b"PAR1 damaged")
    assert foreign_files(out) == []


@pytest.mark.parametrize("table", ["documents", "claims", "errors", "claim_matches"])
def test_ownership_a_claimex_table_at_its_name_is_no_foreign_file(tmp_path, table):
    # a table with the table's columns (copied with `cp -rL`, or written by hand for a stage to read)
    _claimex_table(tmp_path / f"{table}.parquet", table)
    folder = tmp_path / "folder"
    (folder / f"{table}.parquet").mkdir(parents=True)  # a folder of parts, with Spark's marker and a hidden folder
    _claimex_table(folder / f"{table}.parquet" / "part-0.parquet", table)
    (folder / f"{table}.parquet" / "_SUCCESS").write_text("")
    (folder / f"{table}.parquet" / ".cache").mkdir()
    (folder / f"{table}.parquet" / ".cache" / "x.parquet").write_text("not read by a Parquet reader")
    assert foreign_files(tmp_path) == [] and foreign_files(folder) == []


def _users_files(out):
    """Parquet files of the user's at names no table has (regression: each was moved into
    `_claimex/g-*/` and replaced by a link)."""
    pd.DataFrame({"a": [1]}).to_parquet(out / "mydata.parquet")
    pd.DataFrame({"a": [1, 2], "k": ["x", "y"]}).to_parquet(out / "parts.parquet", partition_cols=["k"])
    (out / "notes.parquet").write_text("not Parquet at all")


def test_ownership_a_users_parquet_at_another_name_is_left_where_it_is(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _users_files(out)
    mine = _files(out)
    for args in (["all", "--input", str(SEEDS)], ["all", "--input", str(SEEDS)], ["sentences"]):
        result = runner.invoke(app, ["run", *args, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert {k: v for k, v in _files(out).items() if k in mine} == mine
        assert not any(k.startswith("_claimex/") and k.endswith(("mydata.parquet", "notes.parquet"))
                       for k in _files(out))


def _partitioned(out, table, column):
    """Rewrite ``table`` as pandas writes it with ``partition_cols``: no part file at its top."""
    df = pd.read_parquet(out / f"{table}.parquet")
    (out / f"{table}.parquet").unlink()
    df.to_parquet(out / f"{table}.parquet", partition_cols=[column])
    return df


@pytest.fixture
def run_copy(seed_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_run[0], out, symlinks=True)  # `cp -r`: links stay links
    return out


@pytest.mark.parametrize("table, column, command", [
    # regression: `run sentences` and `run actors` published claims.parquet as a link to an empty folder
    ("claims", "claim_type", ["run", "sentences"]),
    ("claims", "claim_type", ["run", "actors"]),
    ("claims", "claim_type", ["run", "all", "--input", str(SEEDS)]),
    ("entities", "label", ["run", "claims"]),  # a table the stage reads
    # regression: match read the claims as none and wrote claim_matches empty
    ("claims", "claim_type", ["match", "--against", "ARCHIVE"]),
], ids=["run-sentences", "run-actors", "run-all", "run-claims-reading-it", "match"])
def test_ownership_a_table_rewritten_as_partition_folders_is_refused(run_copy, tmp_path, table, column, command):
    from .matching_archive import write_archive

    out = run_copy
    df = _partitioned(out, table, column)
    before = _files(out)
    command = [str(write_archive(tmp_path / "archive.tsv")) if c == "ARCHIVE" else c for c in command]
    result = runner.invoke(app, [*command, "--out", str(out)])
    _one_line_exit_6(result, f"{table}.parquet", "partition folders", f"{column}=", "partition_cols")
    assert _files(out) == before
    assert len(pd.read_parquet(out / f"{table}.parquet")) == len(df)


def test_ownership_a_table_of_another_stage_is_still_carried(run_copy):
    # a table a stage of another package published (a link into the generation) is carried by a run
    # that does not know the stage; a Parquet file of the user's is not (test above)
    out = run_copy
    pq.write_table(pq.read_table(out / "sentences.parquet"), out / "_claimex" / "current" / "word_counts.parquet")
    os.symlink("_claimex/current/word_counts.parquet", out / "word_counts.parquet")
    n = len(pd.read_parquet(out / "word_counts.parquet"))
    result = runner.invoke(app, ["run", "sentences", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert os.readlink(out / "word_counts.parquet") == "_claimex/current/word_counts.parquet"
    assert len(pd.read_parquet(out / "word_counts.parquet")) == n
    assert len(read_table(out, "claims")) > 0


def test_ownership_the_carry_never_drops_partition_folders(run_copy):
    # the check before the run aside (a table rewritten while the run works): carrying it would
    # publish its top-level part files alone, none here
    from pipeline.runner.store import TableStore

    out = run_copy
    _partitioned(out, "claims", "claim_type")
    store = TableStore(out)
    staging = store.staging()
    with pytest.raises(OutputError, match="partition folders"):
        store.carry(staging, ["claims"])


@pytest.mark.parametrize("table, command", [
    ("claim_matches", ["run", "all", "--input", str(SEEDS)]),
    ("claim_matches", ["match", "--against", "ARCHIVE"]),
    ("documents", ["run", "all", "--input", str(SEEDS)]),
], ids=["matches-run-all", "matches-match", "documents-run-all"])
def test_ownership_a_table_folder_holding_other_files_is_refused(run_copy, tmp_path, table, command):
    """A folder at a table's name holding a file that is no Parquet part (a README.txt alone, or
    beside claimex's parts) is the user's: refused with exit 6 and left as it was (regression: a
    claim_matches.parquet/ holding a README.txt alone passed as an empty table, and match and run
    all replaced it, the README deleted). An empty folder is nothing of the user's."""
    from .matching_archive import write_archive

    out, path = run_copy, run_copy / f"{table}.parquet"
    parts = pq.read_table(path) if path.exists() else None
    path.unlink(missing_ok=True)
    path.mkdir()
    (path / "README.txt").write_text("my notes\n")
    if parts is not None:  # beside the table's own part
        pq.write_table(parts, path / "part-00000.parquet")
    before = _files(out)
    command = [str(write_archive(tmp_path / "archive.tsv")) if c == "ARCHIVE" else c for c in command]
    _one_line_exit_6(runner.invoke(app, [*command, "--out", str(out)]),
                     f"{table}.parquet (a folder holding files that are not Parquet part files: README.txt)",
                     "move them or pass another --out")
    assert _files(out) == before
    (path / "README.txt").unlink()
    (path / "part-00000.parquet").unlink(missing_ok=True)
    assert foreign_files(out) == []
