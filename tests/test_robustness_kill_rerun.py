"""A run killed mid-stage leaves every table whole, and a rerun finishes the job.

The test starts `pipeline run all` in a subprocess over a corpus that takes a
few seconds, kills it (SIGKILL, no cleanup handlers run) at several points,
and checks after each kill that every table on disk is a complete, readable
table matching the contract (the old one or the new one, never a half-written
file). A final uninterrupted rerun must produce exactly the tables of a run
that was never interrupted.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.schemas import SCHEMAS
from pipeline.tables import read_table

from .conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def _corpus(folder: Path, copies: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for k in range(copies):
        for p in seeds:
            text = p.read_text(encoding="utf-8")
            # Vary each copy a little so no two documents are identical.
            (folder / f"c{k:02d}_{p.stem}.txt").write_text(text + f"\n\nEditor's note {k}: copy {k} of this article.\n", encoding="utf-8")


def _cmd(inp: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", "all", "--input", str(inp), "--out", str(out)]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {t: read_table(out, t) for t in SCHEMAS if (out / f"{t}.parquet").exists()}


def _sorted(df: pd.DataFrame, table: str) -> pd.DataFrame:
    key = [c for c in ("doc_id", "sent_id", "ent_id", "quote_id", "claim_id", "stage", "error") if c in df.columns]
    return df.sort_values(key).reset_index(drop=True) if key else df


def test_robustness_kill_and_rerun_matches_uninterrupted(tmp_path):
    inp = tmp_path / "in"
    _corpus(inp, copies=6)
    reference = tmp_path / "reference"
    subprocess.run(_cmd(inp, reference), check=True, env=_env(), capture_output=True, cwd=ROOT)

    out = tmp_path / "out"
    kills = 0
    for delay in (1.5, 3.0, 4.5):
        proc = subprocess.Popen(_cmd(inp, out), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        # Whatever is on disk now must be whole tables that satisfy the contract.
        for table, df in _tables(out).items():
            if table in ("sentences", "entities", "quotes", "claims") and len(df):
                docs = read_table(out, "documents").set_index("doc_id")["text"]
                known = df[df["doc_id"].isin(docs.index)]
                assert all(docs[r.doc_id][r.start:r.end] == r.text for r in known.itertuples())
    assert kills >= 1, "the run finished before it could be killed; enlarge the corpus"

    subprocess.run(_cmd(inp, out), check=True, env=_env(), capture_output=True, cwd=ROOT)
    got, want = _tables(out), _tables(reference)
    assert set(got) == set(want)
    for table in want:
        pd.testing.assert_frame_equal(_sorted(got[table], table), _sorted(want[table], table), check_dtype=False, obj=table)
    # Temporary files of the killed runs are swept by the next run.
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert not leftovers, leftovers
    # ... and so are their staging folders and unpublished generations
    store = sorted(p.name for p in (out / "_claimex").iterdir())
    assert len(store) == 3 and store[0] == "current" and store[1].startswith("g-") and store[2] == "lock", store
