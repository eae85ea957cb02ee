"""The reranker: a logistic model over pair features, its weights in plain JSON.

``reranker.json`` (beside this module) holds ``features`` (names, see ``search.FEATURES``),
``mean`` and ``scale`` (the standardisation), ``coef``, ``intercept``, ``params``
(``n_candidates``: BM25 candidates per claim; ``emb_candidates``: extra candidates by embedding
cosine), and how it was trained and cross-validated (``trained_on``, ``cv``). It is written by
``benchmarks/claim_matching.py export``; ``MODEL_CARD.md`` beside it says what it was trained on
and how well it does.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from ..errors import ModelError

DEFAULT_MODEL = Path(__file__).with_name("reranker.json")
_REQUIRED = ("features", "mean", "scale", "coef", "intercept")


class Reranker:
    """score(features) = logistic(intercept + sum coef * (feature - mean) / scale), in 0..1."""

    def __init__(self, spec: dict, source: str = "<memory>"):
        missing = [k for k in _REQUIRED if k not in spec]
        if missing:
            raise ModelError(f"{source}: reranker model lacks {', '.join(missing)}")
        self.spec = spec
        self.features = list(spec["features"])
        self.mean = np.asarray(spec["mean"], dtype=np.float64)
        self.scale = np.asarray(spec["scale"], dtype=np.float64)
        self.coef = np.asarray(spec["coef"], dtype=np.float64)
        self.intercept = float(spec["intercept"])
        self.params = dict(spec.get("params", {}))
        if not (len(self.features) == len(self.mean) == len(self.scale) == len(self.coef)):
            raise ModelError(f"{source}: reranker model has {len(self.features)} features but "
                             f"{len(self.mean)}/{len(self.scale)}/{len(self.coef)} means/scales/weights")

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> "Reranker":
        path = Path(path)
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{path}: the reranker model is unreadable ({exc}); reinstall claimex") from None
        return cls(spec, source=str(path))

    @property
    def uses_embeddings(self) -> bool:
        return any(f.startswith("emb_") for f in self.features) or bool(self.params.get("emb_candidates"))

    @property
    def n_candidates(self) -> int:
        return int(self.params.get("n_candidates", 50))

    @property
    def emb_candidates(self) -> int:
        return int(self.params.get("emb_candidates", 0))

    def score(self, features: dict[str, np.ndarray]) -> np.ndarray:
        z = np.full(len(next(iter(features.values()))), self.intercept)
        for k, name in enumerate(self.features):
            z += self.coef[k] * (features[name] - self.mean[k]) / self.scale[k]
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # the logistic function, without overflow

    def fingerprint(self) -> str:
        keys = (*_REQUIRED, "params")
        return hashlib.sha256(json.dumps({k: self.spec.get(k) for k in keys}, sort_keys=True).encode()).hexdigest()
