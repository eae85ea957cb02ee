"""scripts/compare_tables.py: two runs' tables, every table of the first, row for row."""
from __future__ import annotations

import importlib.util
import shutil

import pandas as pd
import pytest

from pipeline.tables import read_table, write_table

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("compare_tables", ROOT / "scripts" / "compare_tables.py")
compare_tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_tables)


@pytest.fixture
def two_runs(tmp_path, seed_run):
    """Two copies of the seeds' run (``cp -r``: the links stay links), and a claim_matches table in both."""
    out, _ = seed_run
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        shutil.copytree(out, folder, symlinks=True)
        claims = read_table(folder, "claims").head(3)
        write_table(pd.DataFrame({"doc_id": claims["doc_id"], "claim_id": claims["claim_id"], "rank": 1,
                                  "match_id": ["m1", "m2", "m3"], "match_text": "checked", "score": 0.5,
                                  "match_title": None, "match_url": None, "match_verdict": "false"}),
                    folder, "claim_matches")
    return old, new


def test_compare_tables_every_table_of_the_old_run_is_compared(two_runs, capsys):
    """Regression: without --tables, actors and claim_matches were never compared, and the script said
    "identical" over a changed actors table."""
    old, new = two_runs
    assert compare_tables.main([str(old), str(new)]) == 0
    printed = capsys.readouterr().out
    for table in ("documents", "sentences", "entities", "quotes", "claims", "actors", "errors", "claim_matches"):
        assert f"{table}: " in printed, table
    actors = read_table(new, "actors")
    actors.loc[actors.index[0], "n_mentions"] += 1
    write_table(actors.iloc[::-1], new, "actors")  # another row order: the same table
    assert compare_tables.main([str(old), str(new)]) == 1
    assert "DIFF actors.n_mentions: 1 rows differ" in capsys.readouterr().out
    matches = read_table(new, "claim_matches")
    matches.loc[0, "score"] = 0.9
    write_table(matches, new, "claim_matches")
    compare_tables.main([str(old), str(new)])
    assert "DIFF claim_matches.score: 1 rows differ" in capsys.readouterr().out


def test_compare_tables_names_the_tables_it_did_not_compare(two_runs, capsys):
    old, new = two_runs
    shutil.rmtree(old / "claim_matches.parquet", ignore_errors=True)
    (old / "claim_matches.parquet").unlink(missing_ok=True)
    assert compare_tables.main([str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"identical (not compared: claim_matches (only in {new}))"
    assert compare_tables.main([str(old), str(new), "--tables", "documents,claim_matches"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"identical (not compared: claim_matches (not in {old}))"
