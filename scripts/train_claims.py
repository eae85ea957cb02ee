"""Train the claim model: ``python scripts/train_claims.py [--data DIR] [--out DIR] [--seed N]``.

Same as ``pipeline train-claims``; reads ../shared/data/claims (never copied into
the repo), prints dev scores, writes pipeline/models/claims/{claims_model.npz,model.json}.
See pipeline/claim_training.py and pipeline/models/claims/MODEL_CARD.md.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.claim_training import TrainSettings, train

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "claims")
    ap.add_argument("--out", type=Path, default=ROOT / "pipeline" / "models" / "claims")
    ap.add_argument("--seed", type=int, default=TrainSettings.seed)
    ap.add_argument("--no-cv", action="store_true", help="skip the news-subjectivity cross-validation")
    args = ap.parse_args()
    train(args.data, args.out, TrainSettings(seed=args.seed), cross_validate=not args.no_cv)


if __name__ == "__main__":
    main()
