"""What the static embedding table is worth, on tasks it was not built from.

    python benchmarks/embeddings_quality.py [--data ../shared/data] [--table FILE]

1. **claim matching** (CheckThat! 2020 task 2, the 800 training tweets against the
   10,375 verified claims): rank the claims by the mean of the cosine to the claim
   and to its fact-check title; MAP@5 and MRR. No training, so every query is held out;
2. **the embedding alone as features** (logistic regression, C=1, balanced), on the
   claim model's source-held-out protocol (pipeline/stages/claims/protocol.py):
   check-worthy F1 on the 2016 debates held out and on the debate-grouped CV, and
   news-subjectivity macro-F1 over repeated CV (news sentences only).

Needs the ``train`` extra (scikit-learn) and ``../shared/data``.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def matching(encode, data: Path, k: int = 5) -> tuple[float, float]:
    cm = data / "claim_matching"
    vids, claims, titles = [], [], []
    with open(cm / "verified_claims.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 3 and row[0].isdigit():
                vids.append(int(row[0]))
                claims.append(row[1])
                titles.append(row[2])
    qids, queries = [], []
    with open(cm / "train_queries.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 2 and row[0].isdigit():
                qids.append(int(row[0]))
                queries.append(row[1])
    rel: dict[int, set[int]] = {}
    for line in (cm / "train_qrels.tsv").read_text(encoding="utf-8").splitlines():
        p = line.split()
        if len(p) == 4 and p[0].isdigit():
            rel.setdefault(int(p[0]), set()).add(int(p[2]))
    Q = encode(queries)
    S = 0.5 * (Q @ encode(claims).T) + 0.5 * (Q @ encode(titles).T)
    vids_a = np.asarray(vids)
    ap, rr = [], []
    for i, q in enumerate(qids):
        ranked = vids_a[np.argsort(-S[i], kind="stable")[:100]]
        r = rel.get(q, set())
        hits = [j for j, v in enumerate(ranked) if v in r]
        rr.append(1.0 / (hits[0] + 1) if hits else 0.0)
        prec, h = 0.0, 0
        for j, v in enumerate(ranked[:k]):
            if v in r:
                h += 1
                prec += h / (j + 1)
        ap.append(prec / min(len(r), k) if r else 0.0)
    return float(np.mean(ap)), float(np.mean(rr))


def as_features(encode, data: Path) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    from pipeline.stages.claims import protocol as P

    debates, news = P.load_claim_data(data / "claims")
    E, y = encode(debates.texts), debates.y
    out = {}
    for name, splits in P.debate_splits(debates).items():
        p = np.full(len(y), np.nan)
        for tr, te in splits:
            p[te] = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(E[tr], y[tr]).predict_proba(E[te])[:, 1]
        m = ~np.isnan(p)
        out[name] = P.f1_pos(y[m], (p[m] >= 0.5).astype(int))
    En, yn = encode(news.texts), news.y
    scores = []
    for folds in P.news_splits(yn, np.arange(len(yn)) % 60)["news_rep"]:
        p = np.zeros(len(yn))
        for tr, te in folds:
            p[te] = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(En[tr], yn[tr]).predict_proba(En[te])[:, 1]
        scores.append(P.macro_f1(yn, (p >= 0.5).astype(int)))
    out["news_rep"] = float(np.mean(scores))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--table", type=Path, default=None, help="a table file (default: the packaged one)")
    args = ap.parse_args()
    from pipeline.embeddings import DEFAULT_PATH, load

    table = args.table or DEFAULT_PATH
    emb = load(str(table))
    print(f"table: {table} ({len(emb.table)} rows x {emb.dim} dims)")
    map5, mrr = matching(emb.encode, args.data)
    print(f"claim matching (800 tweets -> 10,375 checked claims): MAP@5 {map5:.3f}, MRR {mrr:.3f}")
    f = as_features(emb.encode, args.data)
    print(f"embedding alone, logistic regression: check-worthy F1 2016 debates {f['ct_new']:.3f}, "
          f"debate-grouped CV {f['ct_group']:.3f}; news subjectivity macro-F1 (repeated CV) {f['news_rep']:.3f}")


if __name__ == "__main__":
    main()
