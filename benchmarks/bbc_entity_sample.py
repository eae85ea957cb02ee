"""BBC check for the entity rules (issue 3 item 4): do the rules lower precision
outside the seeds?

    python benchmarks/bbc_entity_sample.py --sample     # print the 50 sampled sentences (fixed seed)
    python benchmarks/bbc_entity_sample.py              # score bare model vs model + rules
    python benchmarks/bbc_entity_sample.py --speed 200  # nlp.pipe time on 200 BBC articles, bare vs rules

The sentences are drawn with a fixed seed from ``../shared/data/news/bbc/`` and
read from there at run time: the repo never holds their text. Our own hand labels
(OntoNotes labels, docs/guidelines.md §3) are in
``benchmarks/data/bbc_entity_sample.jsonl``, one record per sentence: ``file``,
``start``/``end`` (character offsets of the sentence in that file, read as UTF-8
with replacement), ``sha1`` (first 12 hex digits of the sentence, to detect a
changed corpus) and ``entities`` = [[start, end, label], ...] relative to the
sentence.
Scoring is exact span + label, as for the seeds.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data relative to the repo root; --bbc overrides (e.g. from a git worktree)
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc"
LABELS = ROOT / "benchmarks" / "data" / "bbc_entity_sample.jsonl"
SEED = 20251123
N = 50
_SENT_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”']))\s+(?=[\"“A-Z])")


def sample_sentences(n: int = N, seed: int = SEED) -> list[tuple[str, str]]:  # noqa: D401
    """(relative file, sentence) pairs: one sentence from each of ``n`` random articles."""
    if not BBC.is_dir():
        sys.exit(f"BBC data not found at {BBC}")
    files = sorted(p for p in BBC.rglob("*.txt"))
    rng = random.Random(seed)
    out = []
    for path in rng.sample(files, len(files)):
        body = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[-1]
        sents = [s.strip() for para in body.split("\n") for s in _SENT_END.split(para) if s.strip()]
        sents = [s for s in sents if 8 <= len(s.split()) <= 40]
        if sents:
            out.append((str(path.relative_to(BBC)), rng.choice(sents)))
        if len(out) == n:
            break
    return out


def load_nlp(rules: bool):
    """The pipeline's parse, with or without the entity rules component."""
    from pipeline.nlp.loader import DEFAULT_MODEL, load_nlp as load
    from pipeline.registry import parse_components
    from pipeline.stages.entities import rules as ner_rules

    components = tuple(c for c in parse_components() if rules or c is not ner_rules)
    return load.__wrapped__(DEFAULT_MODEL, components)


def score(nlp, records) -> dict:
    from pipeline.evaluation.metrics import PRF

    prf = PRF()
    errors = []
    for rec, doc in zip(records, nlp.pipe([r["text"] for r in records])):
        gold = {tuple(e) for e in rec["entities"]}
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        prf.add(PRF(tp=len(gold & pred), fp=len(pred - gold), fn=len(gold - pred)))
        errors += [("FP", rec["text"][s:e], lab) for s, e, lab in sorted(pred - gold)]
        errors += [("FN", rec["text"][s:e], lab) for s, e, lab in sorted(gold - pred)]
    return {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1,
            "tp": prf.tp, "fp": prf.fp, "fn": prf.fn, "errors": errors}


def speed(n_docs: int) -> None:
    """Time of the bare pipeline vs the time the rules component adds.

    The machine is shared, so whole-pipeline timings swing by 30% between runs;
    the component is timed on its own, right after the bare parse of the same
    articles, and reported as a share of it (issue 3: stay within ~15%)."""
    from pipeline.stages.entities.rules import COMPONENT

    all_files = sorted(BBC.rglob("*.txt"))
    files = all_files[:: max(1, len(all_files) // n_docs)][:n_docs]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    rules = load_nlp(True).get_pipe(COMPONENT)
    bare = load_nlp(False)
    for _ in range(2):
        t0 = time.perf_counter()
        docs = list(bare.pipe(texts, batch_size=32))
        t_bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        for doc in docs:
            rules(doc)
        t_rules = time.perf_counter() - t0
        print(f"{len(texts)} articles ({sum(map(len, texts))} chars): bare nlp.pipe {t_bare:6.2f} s, "
              f"{COMPONENT} {t_rules:5.2f} s = +{100 * t_rules / t_bare:.1f}%")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", action="store_true", help="print the sampled sentences as JSON lines without labels")
    ap.add_argument("--speed", type=int, default=0, help="time nlp.pipe on this many BBC articles")
    ap.add_argument("--errors", action="store_true", help="list false positives and misses")
    ap.add_argument("--bbc", type=Path, default=None, help="BBC folder (default ../shared/data/news/bbc)")
    args = ap.parse_args()
    if args.bbc is not None:
        globals()["BBC"] = args.bbc
    if args.sample:
        for f, s in sample_sentences():
            print(json.dumps({"file": f, "text": s, "entities": []}, ensure_ascii=False))
        return
    if args.speed:
        speed(args.speed)
        return
    records = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not BBC.is_dir():
        sys.exit(f"BBC data not found at {BBC}; pass --bbc PATH")
    for rec in records:
        raw = (BBC / rec["file"]).read_text(encoding="utf-8", errors="replace")
        rec["text"] = raw[rec["start"]:rec["end"]]
        digest = hashlib.sha1(rec["text"].encode()).hexdigest()[:12]
        if digest != rec["sha1"]:
            sys.exit(f"{rec['file']}[{rec['start']}:{rec['end']}] does not match the labeled sentence (sha1 {digest} != {rec['sha1']}): the BBC corpus differs")
    for rec in records:
        for s, e, _ in rec["entities"]:
            assert 0 <= s < e <= len(rec["text"]), rec
    for name, rules in (("bare en_core_web_sm", False), ("with claimex rules", True)):
        res = score(load_nlp(rules), records)
        print(f"{name:22s} P={res['precision']:.3f} R={res['recall']:.3f} F1={res['f1']:.3f} (tp={res['tp']} fp={res['fp']} fn={res['fn']})")
        if args.errors:
            for e in res["errors"]:
                print("   ", *e)


if __name__ == "__main__":
    main()
