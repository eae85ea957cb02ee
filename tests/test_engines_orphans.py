"""`kill -9` of `pipeline run --workers 2` leaves no worker process behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")]


def _descendants(pid: int) -> list[int]:
    """Every process started by ``pid``, directly or not (workers may be forked
    from a fork server the run started)."""
    parent = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = [], [pid]
    while frontier:
        p = frontier.pop()
        kids = [k for k, pp in parent.items() if pp == p]
        found += kids
        frontier += kids
    return found


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def test_engines_workers_exit_when_the_run_is_killed(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for k in range(8):
        for p in sorted(SEEDS.glob("*.txt")):
            (corpus / f"c{k}_{p.name}").write_text(p.read_text(encoding="utf-8") + f"\nCopy {k}.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "all", "--input", str(corpus),
                             "--out", str(tmp_path / "out"), "--workers", "2", "--batch-size", "4", "--no-progress"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started: list[int] = []
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        # the resource tracker and two workers (and a fork server, when there is one)
        started = _descendants(proc.pid)
        if len(started) >= 3:
            break
        time.sleep(0.2)
    assert len(started) >= 3, "the run did not start its workers"
    time.sleep(3)  # the workers are loading the model or parsing
    workers = _descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 15
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, f"processes {left} of {workers} outlived the killed run"
