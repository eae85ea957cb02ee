"""Precision of the claim-type cues on BBC politics claims: what ``confidence`` says
for a claim whose type a cue decided (pipeline/stages/claims/cues.py).

    python benchmarks/claims_cue_precision.py --sample          # print the sample to label (fixed seed)
    python benchmarks/claims_cue_precision.py                   # score the labels
    python benchmarks/claims_cue_precision.py --write           # ... and rewrite trained/cue_precision.json

A cue decides the type of a claim in three ways: a prescriptive cue, a
predictive cue, or a judging verb or predicate (evaluative). From the BBC
politics articles of ``../shared/data/news/bbc/politics`` (parsed with the
pipeline's model, cleaned as a run cleans them, no quotes needed) the script
draws ``--per-kind`` claims of each kind with a fixed seed. We labeled each by
docs/guidelines.md §5 (its type by the precedence prescriptive > predictive >
evaluative > factual, or null for no claim), reading the sentence alone; the
labels are in ``benchmarks/data/bbc_claim_cues.jsonl``: ``file`` (under the BBC
folder), ``start``/``end`` (offsets of the sentence in that file's text, read as
UTF-8 with replacement), ``sha1`` (of the sentence), ``cue`` (the kind that
fired) and ``label``. The repository never holds their text.

Precision of a kind = labels equal to the cue's type / claims of that kind.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc"
LABELS = ROOT / "benchmarks" / "data" / "bbc_claim_cues.jsonl"
OUT = ROOT / "pipeline" / "stages" / "claims" / "trained" / "cue_precision.json"
SEED = 20251204


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cue_candidates(bbc: Path, files: list[str] | None = None):
    """(relative file, candidate, kind) for every cue-typed claim of the politics articles (or ``files``)."""
    from pipeline.errors import ErrorLog
    from pipeline.inputs.readers import read_inputs
    from pipeline.registry import load_pipeline
    from pipeline.stages.claims.stage import claim_candidates
    from pipeline.stages.clean.stage import clean_documents
    from pipeline.stages.sentences.stage import split_sentences
    from pipeline.tables import empty_frame

    errors = ErrorLog()
    raw, _ = read_inputs(bbc / "politics")
    documents = clean_documents(raw, errors)
    rel = {p: Path(p).resolve().relative_to(bbc.resolve()).as_posix() for p in documents["path"]}
    if files is not None:
        documents = documents[[rel[p] in set(files) for p in documents["path"]]].reset_index(drop=True)
    nlp = load_pipeline()
    docs = dict(zip(documents["doc_id"], nlp.pipe(documents["text"].tolist(), batch_size=32)))
    sentences = split_sentences(documents, docs, errors)
    paths = dict(zip(documents["doc_id"], documents["path"]))
    out = []
    for c in claim_candidates(documents, sentences, empty_frame("quotes"), docs, errors):
        kind = c.cue_type or ("evaluative" if c.evaluative_cue else None)
        if kind is not None:
            out.append((rel[paths[c.doc_id]], c, kind))
    return out


def draw_sample(bbc: Path, per_kind: int) -> list[dict]:
    from pipeline.stages.claims.corpus import read_text

    by_kind: dict[str, list] = {}
    for file, c, kind in cue_candidates(bbc):
        by_kind.setdefault(kind, []).append((file, c))
    rng = random.Random(SEED)
    records = []
    for kind in ("prescriptive", "predictive", "evaluative"):
        for file, c in rng.sample(by_kind[kind], min(per_kind, len(by_kind[kind]))):
            raw = read_text(bbc / file)
            start = raw.find(c.text)
            if start < 0:  # cleaning changed the sentence's characters: skip rather than guess
                continue
            records.append({"file": file, "start": start, "end": start + len(c.text), "sha1": _sha1(c.text),
                            "cue": kind, "label": None, "text": c.text})
    return records


def score(bbc: Path, labels: list[dict]) -> dict[str, dict[str, int]]:
    """Per kind: claims labeled, labels equal to the cue's type; checks that each cue still fires."""
    from pipeline.stages.claims.corpus import read_text

    fired = {(f, _sha1(c.text)): kind for f, c, kind in cue_candidates(bbc, sorted({r["file"] for r in labels}))}
    out: dict[str, dict[str, int]] = {}
    for r in labels:
        text = read_text(bbc / r["file"])[r["start"]:r["end"]]
        if _sha1(text) != r["sha1"]:
            raise SystemExit(f"{r['file']}[{r['start']}:{r['end']}] changed (SHA-1); the BBC data is not the labeled one")
        now = fired.get((r["file"], r["sha1"]))
        if now != r["cue"]:
            print(f"note: the {r['cue']} cue no longer decides {r['file']}:{r['start']} (now: {now}); not counted",
                  file=sys.stderr)
            continue
        k = out.setdefault(r["cue"], {"n": 0, "correct": 0})
        k["n"] += 1
        k["correct"] += r["label"] == r["cue"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", type=Path, default=BBC)
    ap.add_argument("--sample", action="store_true", help="print the sample (JSON lines with text) to label")
    ap.add_argument("--per-kind", type=int, default=50)
    ap.add_argument("--write", action="store_true", help=f"rewrite {OUT.relative_to(ROOT)}")
    args = ap.parse_args()
    if args.sample:
        for r in draw_sample(args.bbc, args.per_kind):
            print(json.dumps(r, ensure_ascii=False))
        return
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = score(args.bbc, labels)
    for kind, k in counts.items():
        print(f"{kind:13s} {k['correct']:3d} / {k['n']:3d} correct: precision {k['correct'] / k['n']:.3f} "
              f"(confidence (correct + 1) / (n + 2) = {(k['correct'] + 1) / (k['n'] + 2):.3f})")
    if args.write:
        data = {"source": "benchmarks/claims_cue_precision.py on benchmarks/data/bbc_claim_cues.jsonl "
                          "(BBC politics claims, hand-labeled by docs/guidelines.md §5)", **counts}
        OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
