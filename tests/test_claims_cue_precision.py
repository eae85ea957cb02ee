"""The measured precision of the claim-type cues, which is the ``confidence`` of a
cue-typed claim: the packaged file, the estimate, and one-line errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import ModelError
from pipeline.stages.claims.cues import CUE_KINDS, CuePrecisionError, cue_precision, read_cue_precision

ROOT = Path(__file__).resolve().parents[1]


def test_claims_cue_precision_packaged_file_covers_every_kind_and_matches_the_labels():
    """The packaged counts are those of the hand-labeled BBC sample (benchmarks/data)."""
    prec = cue_precision()
    assert set(prec) == set(CUE_KINDS) and all(0.0 < p < 1.0 for p in prec.values())
    labels = [json.loads(line) for line in (ROOT / "benchmarks" / "data" / "bbc_claim_cues.jsonl").read_text().splitlines()]
    counts = json.loads((ROOT / "pipeline" / "stages" / "claims" / "trained" / "cue_precision.json").read_text())
    for kind in CUE_KINDS:
        mine = [r for r in labels if r["cue"] == kind]
        assert counts[kind]["n"] == len(mine)
        assert counts[kind]["correct"] == sum(r["label"] == kind for r in mine)


@pytest.mark.parametrize("correct,n,expected", [(27, 50, 28 / 52), (50, 50, 51 / 52), (0, 3, 0.2)])
def test_claims_cue_precision_estimate_never_claims_certainty(tmp_path, correct, n, expected):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({k: {"n": n, "correct": correct} for k in CUE_KINDS}))
    assert read_cue_precision(path)["predictive"] == pytest.approx(expected)


@pytest.mark.parametrize("content,why", [
    ("{not json", "JSONDecodeError"),
    (json.dumps({"prescriptive": {"n": 5, "correct": 3}}), "KeyError"),
    (json.dumps({k: {"n": 2, "correct": 3} for k in CUE_KINDS}), "3 correct of 2"),
    (json.dumps({k: {"n": 0, "correct": 0} for k in CUE_KINDS}), "0 correct of 0"),
])
def test_claims_cue_precision_broken_file_is_one_line_model_error(tmp_path, content, why):
    path = tmp_path / "p.json"
    path.write_text(content)
    with pytest.raises(CuePrecisionError, match=why) as exc:
        read_cue_precision(path)
    assert isinstance(exc.value, ModelError) and "\n" not in str(exc.value)
