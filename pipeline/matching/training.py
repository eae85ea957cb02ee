"""Fitting and cross-validating the reranker (numpy + scipy only).

Used by ``benchmarks/claim_matching.py`` (``cv``, ``export``, ``threshold``) on the CheckThat!
2020 English train queries. The protocol: queries shuffled with numpy seed 0 and dealt into 5
folds; the logistic weights are fitted on 4 folds and score the 5th; BM25 statistics come from
the archive alone. Metrics (one relevant archive claim per query): AP@5 = 1/rank if the gold
claim is in the top 5, else 0; reciprocal rank over the candidate list (0 when the gold claim is
not a candidate). A hit on a deduplicated entry expands to its archive rows in file order, so a
query whose gold claim is a later copy counts at rank + 1.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.optimize as so

from .reranker import Reranker
from .search import Matcher


def folds(n: int, k: int = 5, seed: int = 0) -> list[np.ndarray]:
    perm = np.random.default_rng(seed).permutation(n)
    return [np.sort(perm[i::k]) for i in range(k)]


def fit_logistic(X: np.ndarray, y: np.ndarray, C: float = 1.0, weight: np.ndarray | None = None) -> dict:
    """L2-regularised logistic regression on standardised features (intercept not penalised),
    fitted with scipy's L-BFGS; returns the reranker's mean, scale, coef and intercept."""
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1
    Z = (X - mean) / scale
    n, F = Z.shape
    w8 = np.ones(n) if weight is None else weight

    def loss(theta):
        w, b = theta[:F], theta[F]
        z = Z @ w + b
        nll = np.logaddexp(0, -z) * y + np.logaddexp(0, z) * (1 - y)
        g = (0.5 * (1 + np.tanh(0.5 * z)) - y) * w8
        return (w8 * nll).sum() + 0.5 / C * (w @ w), np.r_[Z.T @ g + w / C, g.sum()]

    res = so.minimize(loss, np.zeros(F + 1), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return {"mean": mean.tolist(), "scale": scale.tolist(), "coef": res.x[:F].tolist(), "intercept": float(res.x[F])}


@dataclass
class Featurized:
    """Candidates (queries x K, -1 = padding) and the features of every (query, candidate) pair."""

    cand: np.ndarray
    F: dict[str, np.ndarray]

    def X(self, features: list[str]) -> np.ndarray:
        return np.stack([self.F[f] for f in features], 1)


def featurize(matcher: Matcher, texts: list[str], features: list[str], batch: int = 400) -> Featurized:
    cands, Fs = [], []
    for s in range(0, len(texts), batch):
        c, F = matcher.features(texts[s:s + batch], need=features)
        cands.append(c)
        Fs.append(F)
    return Featurized(np.vstack(cands), {k: np.concatenate([f[k] for f in Fs]) for k in features})


def gold_entries(matcher: Matcher, gold_ids: list[str]) -> np.ndarray:
    entry_of = np.empty(len(matcher.index.ids), dtype=np.int64)
    for e, mem in enumerate(matcher.index.members):
        entry_of[mem] = e
    return np.array([entry_of[matcher.row_of(g)] for g in gold_ids])


def gold_ranks(matcher: Matcher, order: np.ndarray, gold_ids: list[str]) -> np.ndarray:
    """1-based rank of each gold archive row in the expanded hit list (0 = not a candidate)."""
    members = matcher.index.members
    sizes = np.array([len(m) for m in members])
    entries = gold_entries(matcher, gold_ids)
    out = np.zeros(len(gold_ids), dtype=np.int64)
    for i, (g, e) in enumerate(zip(gold_ids, entries)):
        hit = np.flatnonzero(order[i] == e)
        if len(hit):
            before = order[i, :hit[0]]
            out[i] = sizes[before[before >= 0]].sum() + 1 + members[e].index(matcher.row_of(g))
    return out


def ap5_rr(rank: np.ndarray) -> tuple[float, float]:
    ap5 = np.where((rank > 0) & (rank <= 5), 1.0 / np.maximum(rank, 1), 0.0)
    rr = np.where(rank > 0, 1.0 / np.maximum(rank, 1), 0.0)
    return float(ap5.mean()), float(rr.mean())


def fold_metrics(rank: np.ndarray, parts: list[np.ndarray]) -> dict:
    per = np.array([ap5_rr(rank[f]) for f in parts])
    return {"map5": round(float(per[:, 0].mean()), 4), "map5_sd": round(float(per[:, 0].std()), 4),
            "map5_folds": per[:, 0].round(4).tolist(), "mrr": round(float(per[:, 1].mean()), 4),
            "mrr_sd": round(float(per[:, 1].std()), 4), "p1": round(float((rank == 1).mean()), 4),
            "recall": round(float((rank > 0).mean()), 4)}


def training_rows(data: Featurized, gold: np.ndarray | None, features: list[str], rows=None):
    """(X, y) over the valid pairs of the queries ``rows`` (all by default); gold None: all labels 0."""
    cand = data.cand if rows is None else data.cand[rows]
    K = data.cand.shape[1]
    X = data.X(features).reshape(len(data.cand), K, -1)
    X = X if rows is None else X[rows]
    valid = (cand >= 0).ravel()
    y = np.zeros(cand.shape) if gold is None else (cand == (gold if rows is None else gold[rows])[:, None])
    return X.reshape(-1, X.shape[2])[valid], y.astype(float).ravel()[valid]


def fit(data: Featurized, gold: np.ndarray, features: list[str], rows=None, negatives: Featurized | None = None,
        neg_weight: float = 3.0, C: float = 1.0) -> dict:
    X, y = training_rows(data, gold, features, rows)
    w8 = np.ones(len(y))
    if negatives is not None:
        Xn, yn = training_rows(negatives, None, features)
        X, y, w8 = np.vstack([X, Xn]), np.r_[y, yn], np.r_[w8, np.full(len(yn), neg_weight)]
    return fit_logistic(X, y, C=C, weight=w8)


def pair_scores(model: dict, features: list[str], data: Featurized, rows=None) -> np.ndarray:
    """Scores (queries x K) of a fitted model; -inf for padding."""
    cand = data.cand if rows is None else data.cand[rows]
    K = data.cand.shape[1]
    X = data.X(features).reshape(len(data.cand), K, -1)
    X = X if rows is None else X[rows]
    rr = Reranker({"features": features, **model})
    s = rr.score({f: X[:, :, j].ravel() for j, f in enumerate(features)}).reshape(cand.shape)
    return np.where(cand >= 0, s, -np.inf)


def cross_validate(matcher: Matcher, data: Featurized, gold_ids: list[str], features: list[str],
                   negatives: Featurized | None = None, neg_weight: float = 3.0, C: float = 1.0, k: int = 5):
    """Out-of-fold scores (queries x K), the candidates in score order, and the fold metrics."""
    gold = gold_entries(matcher, gold_ids)
    parts = folds(len(gold_ids), k)
    scores = np.full(data.cand.shape, -np.inf)
    models = []
    for f in parts:
        train = np.setdiff1d(np.arange(len(gold_ids)), f)
        model = fit(data, gold, features, train, negatives, neg_weight, C)
        models.append(model)
        scores[f] = pair_scores(model, features, data, f)
    order = np.take_along_axis(data.cand, np.argsort(-scores, axis=1, kind="stable"), 1)
    return scores, order, fold_metrics(gold_ranks(matcher, order, gold_ids), parts), models
