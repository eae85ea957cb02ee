"""Claim matching on CheckThat! 2020 task 2 (English): MAP@5 and MRR by 5-fold cross-validation.

    python benchmarks/claim_matching.py cv          [--data DIR]   the reranker beside BM25 baselines
    python benchmarks/claim_matching.py export      [--data DIR]   fit on all 800 queries -> reranker.json
    python benchmarks/claim_matching.py threshold   [--data DIR]   out-of-fold scores -> the "no match" threshold
    python benchmarks/claim_matching.py speed --tables DIR [--synthetic N]   a run's claims vs the archive:
                                                        time and peak memory (N: an archive grown to N claims)

Data (``../shared/data`` by default): ``claim_matching/verified_claims.tsv`` (10,375 Snopes
claims with their fact-check titles), ``train_queries.tsv`` (800 tweets that each repeat one
verified claim) and ``train_qrels.tsv``; BBC articles (``news/bbc``) give the no-match queries.
Only the train queries are used (a held-out part of the same data is kept for acceptance).

Protocol (``pipeline.matching.training``): queries shuffled with numpy seed 0 into 5 folds; the
reranker is fitted on 4 and scores the 5th; "±" is the standard deviation of the 5 fold values.
No-match training queries: 3,000 BBC sentences (>= 6 words) from the articles whose headline's
crc32 is odd, all their candidates labelled 0, weight 3 (``threshold`` scores 3,000 sentences of
the even half). BM25 rows rank the whole archive; the reranker rows rank its candidates.

The BM25 variants measured while building stage 1 (5-fold MAP@5, BM25 alone): raw tweet, no
stemming 0.814; + Snowball stemming 0.830; + URLs and the signature's handle dropped 0.810, with
@mentions dropped 0.800, split into words 0.828; signature name kept, mentions kept 0.837;
name kept, mentions and hashtags split (the matcher's ``clean_text``) 0.854. k1 in {0.9, 1.2,
1.5, 2.0} x b in {0.4, 0.75, 1.0}: 0.845-0.855; query term frequencies instead of binary: 0.844.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.matching import Reranker, load_matcher, read_archive  # noqa: E402
from pipeline.matching import training as T  # noqa: E402
from pipeline.matching.index import bm25_weights, binary_rows  # noqa: E402
from pipeline.matching.reranker import DEFAULT_MODEL  # noqa: E402
from pipeline.matching.search import FEATURES  # noqa: E402
from pipeline.matching.text import clean_text, tokens  # noqa: E402

N_NEGATIVES, NEG_WEIGHT, C = 3000, 3.0, 1.0


def load_queries(data: Path) -> tuple[list[str], list[str]]:
    with open(data / "claim_matching" / "train_queries.tsv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    gold = {}
    for line in open(data / "claim_matching" / "train_qrels.tsv", encoding="utf-8"):
        parts = line.split()
        gold[parts[0]] = parts[2]
    return [r[1] for r in rows], [gold[r[0]] for r in rows]


def bbc_sentences(data: Path, n: int, half: int, seed: int = 0) -> list[str]:
    """Sentences (>= 6 words; the headline left out) of the BBC articles whose headline's crc32
    has parity ``half``: duplicate articles share a headline, so the halves share no article."""
    split = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")
    out, seen = [], set()
    for path in sorted((data / "news" / "bbc").glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if zlib.crc32(lines[0].strip().encode()) % 2 != half:
            continue
        for para in lines[1:]:
            for s in split.split(para.strip()):
                s = s.strip()
                if len(s.split()) >= 6 and s not in seen:
                    seen.add(s)
                    out.append(s)
    random.Random(seed).shuffle(out)
    return out[:n]


def bm25_ranks(matcher, queries, gold, tokenize, *, okapi: bool, binary: bool) -> np.ndarray:
    """Rank of each gold row when BM25 alone ranks the whole archive (entries in file order).
    okapi: rank_bm25's ``BM25Okapi`` formula (an idf below 0 becomes 0.25 x the mean idf) over
    claim + title; else the matcher's stage 1. binary: count each query term once."""
    index = matcher.index
    docs = [tokenize(index.claims[r] + " " + index.titles[r]) for r in index.rep_rows]
    vocab: dict[str, int] = {}
    for d in docs:
        for t in d:
            vocab.setdefault(t, len(vocab))
    W, idf = bm25_weights(docs, vocab, 1.5 if okapi else 1.2, 0.75)
    if okapi:
        n = len(docs)
        df = np.bincount(W.indices, minlength=len(vocab))
        raw = np.log((n - df + 0.5) / (df + 0.5))
        raw[raw < 0] = 0.25 * raw.mean()
        W = sp.csr_matrix(W.multiply(1 / np.maximum(idf, 1e-12)).multiply(raw))
    qt = [tokenize(q) for q in queries]
    if binary:
        Q = binary_rows([set(t) for t in qt], vocab, len(vocab))
    else:
        rows = [i for i, t in enumerate(qt) for w in t if w in vocab]
        cols = [vocab[w] for t in qt for w in t if w in vocab]
        Q = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(qt), len(vocab)))
    order = np.argsort(-(Q @ W.T).toarray(), axis=1, kind="stable")
    return T.gold_ranks(matcher, order, gold)


def print_row(label: str, m: dict) -> None:
    print(f"{label:74s} MAP@5 {m['map5']:.3f} ± {m['map5_sd']:.3f}  MRR {m['mrr']:.3f} ± {m['mrr_sd']:.3f}  "
          f"P@1 {m['p1']:.3f}", flush=True)


def prepare(args):
    queries, gold = load_queries(args.data)
    t = time.time()
    model = Reranker.load(args.model)
    matcher = load_matcher(read_archive(args.data / "claim_matching" / "verified_claims.tsv"), model=model)
    print(f"index: {len(matcher.index.ids)} archive rows, {len(matcher.index)} after deduplication, "
          f"built in {time.time() - t:.1f} s", flush=True)
    return matcher, queries, gold


def cmd_cv(args) -> None:
    matcher, queries, gold = prepare(args)
    parts = T.folds(len(queries))
    lower_split = lambda s: s.lower().split()  # noqa: E731
    for label, tok, okapi, binary, clean in [
        ("BM25Okapi (rank_bm25's formula), str.split() tokens, claim + title", str.split, True, False, False),
        ("BM25Okapi (rank_bm25's formula), lower().split() tokens, claim + title", lower_split, True, False, False),
        ("BM25 stage 1 alone (cleaned, stemmed, stop words out, binary query)", tokens, False, True, True),
    ]:
        qs = [clean_text(q) for q in queries] if clean else queries
        print_row(label, T.fold_metrics(bm25_ranks(matcher, qs, gold, tok, okapi=okapi, binary=binary), parts))
    features = list(matcher.reranker.features)
    data = T.featurize(matcher, queries, list(FEATURES))
    negatives = T.featurize(matcher, bbc_sentences(args.data, N_NEGATIVES, half=1), list(FEATURES))
    lexical = [f for f in features if not f.startswith("emb_")]
    for label, feats, neg in [("reranker, lexical features only (no embeddings)", lexical, negatives),
                              ("reranker without the BBC no-match queries", features, None),
                              (f"reranker ({len(features)} features, the shipped configuration)", features, negatives)]:
        _, _, metrics, _ = T.cross_validate(matcher, data, gold, feats, neg, NEG_WEIGHT, C)
        print_row(label, metrics)
    print(f"candidates per query: BM25 top {matcher.reranker.n_candidates} + embedding top "
          f"{matcher.reranker.emb_candidates}; gold among them: {metrics['recall']:.3f}")


def cmd_export(args) -> None:
    matcher, queries, gold = prepare(args)
    features = list(matcher.reranker.features)
    data = T.featurize(matcher, queries, features)
    negatives = T.featurize(matcher, bbc_sentences(args.data, N_NEGATIVES, half=1), features)
    _, _, metrics, _ = T.cross_validate(matcher, data, gold, features, negatives, NEG_WEIGHT, C)
    print_row("cross-validated before export", metrics)
    model = T.fit(data, T.gold_entries(matcher, gold), features, None, negatives, NEG_WEIGHT, C)
    params = {k: matcher.reranker.params[k] for k in ("n_candidates", "emb_candidates") if k in matcher.reranker.params}
    spec = {"features": features, **model, "params": params,
            "trained_on": (f"CheckThat! 2020 task 2 English train queries (800) x verified_claims.tsv (10,375), "
                           f"BM25 top-{matcher.reranker.n_candidates} (+{matcher.reranker.emb_candidates} embedding) "
                           f"candidates, plus {N_NEGATIVES} BBC sentences as no-match queries (weight {NEG_WEIGHT}); "
                           f"logistic, C={C}; embeddings: pipeline.embeddings"),
            "cv": metrics}
    Path(args.out).write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print("wrote", args.out)


def cmd_threshold(args) -> None:
    """Out-of-fold scores of the gold claim, of the best wrong candidate, and the top score of
    BBC sentences (which match nothing in a Snopes archive) per threshold."""
    matcher, queries, gold = prepare(args)
    features = list(matcher.reranker.features)
    data = T.featurize(matcher, queries, features)
    negatives = T.featurize(matcher, bbc_sentences(args.data, N_NEGATIVES, half=1), features)
    held = T.featurize(matcher, bbc_sentences(args.data, N_NEGATIVES, half=0), features)
    scores, order, metrics, models = T.cross_validate(matcher, data, gold, features, negatives, NEG_WEIGHT, C)
    print_row("out-of-fold", metrics)
    parts = np.array_split(np.arange(len(held.cand)), len(models))
    bbc_top = np.concatenate([T.pair_scores(m, features, held, p).max(1) for m, p in zip(models, parts)])
    y = data.cand == T.gold_entries(matcher, gold)[:, None]
    top = scores.max(1)
    correct = np.take_along_axis(y, scores.argmax(1)[:, None], 1).ravel()
    qs = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]
    gold_s = np.where(y.any(1), np.where(y, scores, -np.inf).max(1), np.nan)
    print("quantiles                            ", qs)
    print("gold claim's score                   ", np.round(np.nanquantile(gold_s, qs), 4).tolist())
    print("best wrong candidate's score         ", np.round(np.quantile(np.where(~y & (data.cand >= 0), scores, -1).max(1), qs), 4).tolist())
    print("top score of a BBC sentence          ", np.round(np.quantile(bbc_top, qs), 4).tolist())
    print("threshold | top-1 right & kept | top-1 wrong & kept | top-1 right but cut | BBC sentences kept")
    for t in (0.03, 0.05, 0.1, 0.2, 0.3, 0.5):
        kept = top >= t
        print(f"  {t:4.2f}    |  {np.mean(kept & correct):.3f}  |  {np.mean(kept & ~correct):.3f}  |  "
              f"{np.mean(~kept & correct):.3f}  |  {np.mean(bbc_top >= t):.3f}")


def synthetic_archive(archive, data: Path, n: int, seed: int = 0):
    """The archive grown to ``n`` claims by joining halves of its claims and of BBC sentences
    (realistic lengths and vocabulary; the content does not matter for time and memory)."""
    from pipeline.matching import Archive

    rng = random.Random(seed)
    pool = archive.claims + bbc_sentences(data, 0, 0) + bbc_sentences(data, 0, 1)
    ids, claims, titles = list(archive.ids), list(archive.claims), list(archive.titles)
    while len(ids) < n:
        a, b = rng.choice(pool).split(), rng.choice(pool).split()
        claims.append(" ".join(a[: len(a) // 2] + b[len(b) // 2:]))
        titles.append(rng.choice(archive.titles))
        ids.append(f"s{len(ids)}")
    return Archive(ids, claims, titles, source=f"<synthetic {n}>")


def cmd_speed(args) -> None:
    """Index build and matching of every claim of the run in --out (the work of `pipeline match`,
    without writing the table): wall and CPU seconds, peak RSS."""
    import resource

    from pipeline.matching.table import claim_texts

    archive = read_archive(args.data / "claim_matching" / "verified_claims.tsv")
    if args.synthetic:
        archive = synthetic_archive(archive, args.data, args.synthetic)
    wall, cpu = time.perf_counter(), time.process_time()
    matcher = load_matcher(archive)
    print(f"index: {len(archive):,} archive rows, built in {time.perf_counter() - wall:.1f} s wall, "
          f"{time.process_time() - cpu:.1f} s CPU", flush=True)
    wall, cpu = time.perf_counter(), time.process_time()
    n = hits = 0
    for found in matcher.iter_match(text for _, _, text in claim_texts(args.tables)):
        n += 1
        hits += bool(found) and found[0][2] >= 0.1
    took = time.perf_counter() - wall
    print(f"matched {n:,} claims in {took:.1f} s wall ({n / max(took, 1e-9):,.0f} claims/s), "
          f"{time.process_time() - cpu:.1f} s CPU; {hits:,} with a match >= 0.1; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["cv", "export", "threshold", "speed"])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="the reranker whose features and params to use")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL, help="export: where to write the fitted reranker")
    ap.add_argument("--tables", type=Path, default=ROOT / "data", help="speed: a run's tables folder (its claims)")
    ap.add_argument("--synthetic", type=int, default=0, help="speed: grow the archive to this many claims")
    args = ap.parse_args()
    if not (args.data / "claim_matching" / "verified_claims.tsv").exists():
        sys.exit(f"error: no claim_matching data under {args.data}; pass --data DIR")
    {"cv": cmd_cv, "export": cmd_export, "threshold": cmd_threshold, "speed": cmd_speed}[args.command](args)


if __name__ == "__main__":
    main()
