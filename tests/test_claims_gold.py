"""The claims stage against the seeds' gold labels (``pipeline eval``), held to FLOORS["claims"]."""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT
from tests.floors import FLOORS

GOLD = ROOT / "data" / "gold" / "claims.jsonl"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pipeline.evaluate") is None or not GOLD.is_file(),
    reason="the scorer (pipeline/evaluate.py) or data/gold/claims.jsonl is not on this branch yet",
)


@pytest.mark.parametrize("metric", sorted(FLOORS["claims"]))
def test_claims_gold_floor(seed_run, metric):
    from pipeline import evaluate

    out, _ = seed_run
    report = evaluate.report_as_dict(evaluate.evaluate(out))
    claims = report.get("claims")
    assert claims is not None and metric in claims, f"scorer report has no claims/{metric}: {sorted(report)}"
    assert claims[metric] >= FLOORS["claims"][metric], f"claims {metric} {claims[metric]:.3f} < floor"
