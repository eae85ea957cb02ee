"""Shared fixtures: the seeds run once per test session, the loaded model, and
a marker for tests that need ``../shared/data`` (skipped when it is absent)."""
from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"

requires_shared = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not present")


class Blocked(Exception):
    """Raised by ``fails_if_it_blocks``: not an OSError, which readers report as a row."""


@contextmanager
def fails_if_it_blocks(seconds: int):
    """Run the block under an alarm (POSIX), so code that blocks (reading a named pipe)
    fails its test instead of hanging the suite."""
    def blocked(*_):
        raise Blocked(f"blocked for {seconds} s")

    previous = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.registry import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """Run every stage on seeds/ into a temporary folder; return (out_dir, summary)."""
    from pipeline.registry import stage_names
    from pipeline.runner import Settings, run

    out = tmp_path_factory.mktemp("seed_run")
    summary = run(list(stage_names()), Settings(input=SEEDS, out=out))
    return out, summary


@pytest.fixture(scope="session")
def seed_tables(seed_run) -> dict[str, pd.DataFrame]:
    from pipeline.schemas import SCHEMAS
    from pipeline.tables import read_table

    out, _ = seed_run
    return {name: read_table(out, name) for name in SCHEMAS}


@pytest.fixture
def resource_text(monkeypatch):
    """``resource_text(text)``: every resource file reads as ``text`` for the rest of the test
    (the caches of ``pipeline.resources``' readers are cleared then, and again at the end).
    Only those: a cache built from them elsewhere (``claims.clusters._frame_words``, say) would
    keep the fake text, so a test using this calls the readers alone."""
    from pipeline import resources

    def clear() -> None:
        for f in vars(resources).values():
            if callable(getattr(f, "cache_clear", None)):
                f.cache_clear()

    def use(text: str) -> None:
        monkeypatch.setattr(resources, "_read", lambda name: text)
        clear()

    yield use
    clear()
