"""Claims stage cost relative to the spaCy parse, wall clock and CPU time.

    python benchmarks/claims_speed.py [--input DIR] [--limit N] [--repeats R]

Parses the articles once (bare ``nlp.pipe`` of the pipeline's model, timed),
runs the entities and quotes stages on the same Docs (the claims stage reads
them), then times the claims stage as a run calls it (``classify_claims``: cues,
reported content, speakers, ``about``) and, separately, its model part (typing
and scoring: the TF-IDF blocks and the static embedding, one vectorised pass per
batch, ``decide``). Prints each as seconds, as a share of the parse, per claim and
per sentence. CPU time (``time.process_time``) is reported beside wall time because
on a shared machine wall time also counts other people's jobs; each timing is the
best of ``--repeats`` runs, the stage in batches of ``--batch-size`` documents as a
run calls it.

The budget: the whole pipeline within ~15% of bare spaCy time (``make bench``,
ratio >= 0.85), so the claims stage alone should stay at a few percent.
Default input: ../shared/data/polnear/dev/text (84 news articles), else seeds/.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _timed(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
    ap.add_argument("--input", type=Path, default=default if default.is_dir() else ROOT / "seeds")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles (0 = all)")
    ap.add_argument("--repeats", type=int, default=3, help="best of this many runs of each timing")
    ap.add_argument("--batch-size", type=int, default=64, help="documents per call of the stage, as in a run")
    args = ap.parse_args()

    from pipeline.errors import ErrorLog
    from pipeline.inputs.readers import read_inputs
    from pipeline.registry import load_pipeline
    from pipeline.stages.claims.stage import claim_candidates, classify_claims, decide, setup
    from pipeline.stages.clean.stage import clean_documents
    from pipeline.stages.entities.stage import extract_entities
    from pipeline.stages.quotes.stage import extract_quotes
    from pipeline.stages.sentences.stage import split_sentences

    errors = ErrorLog()
    raw, _ = read_inputs(args.input)
    documents = clean_documents(raw, errors)
    if args.limit:
        documents = documents.head(args.limit)
    nlp = load_pipeline()
    model = setup()  # loaded once per process; not part of the per-batch cost
    texts = documents["text"].tolist()
    parse = []
    for _ in range(args.repeats):
        parsed, wall, cpu = _timed(lambda: list(nlp.pipe(texts)))
        parse.append((wall, cpu))
    docs = dict(zip(documents["doc_id"], parsed))
    sentences = split_sentences(documents, docs, errors)
    entities = extract_entities(documents, sentences, docs, errors)
    quotes = extract_quotes(documents, sentences, entities, docs, errors)
    batches = []
    ids = documents["doc_id"].tolist()
    for k in range(0, len(ids), args.batch_size):
        keep = set(ids[k:k + args.batch_size])
        batches.append([t[t["doc_id"].isin(keep)] for t in (documents, sentences, quotes, entities)])
    stage, score = [], []
    n_claims = 0
    for r in range(args.repeats + 1):  # the first round warms the per-word caches, as a long run's batches do
        tw = tc = sw = sc = 0.0
        n_claims = 0
        for docs_b, sents_b, quotes_b, ents_b in batches:
            claims, w, c = _timed(lambda: classify_claims(docs_b, sents_b, quotes_b, docs, errors, model, ents_b))
            tw, tc = tw + w, tc + c
            n_claims += len(claims)
            cands = claim_candidates(docs_b, sents_b, quotes_b, docs, errors)
            _, w, c = _timed(lambda: decide(cands, model))
            sw, sc = sw + w, sc + c
        if r:
            stage.append((tw, tc))
            score.append((sw, sc))
    cpu = lambda x: x[1]  # noqa: E731  (the least disturbed run by CPU time)
    (pw, pc), (tw, tc), (sw, sc) = min(parse, key=cpu), min(stage, key=cpu), min(score, key=cpu)
    n_chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, {n_chars:,} chars, {len(sentences)} sentences -> {n_claims} claims; "
          f"best of {args.repeats}, batches of {args.batch_size} documents")
    print(f"{'':30s}{'wall s':>9s}{'CPU s':>9s}{'% of parse (CPU)':>18s}{'CPU us/claim':>14s}{'CPU us/sentence':>17s}")
    rows = [("spaCy parse (bare nlp.pipe)", pw, pc), ("claims stage (classify_claims)", tw, tc),
            ("  of which the model (decide)", sw, sc)]
    for name, w, c in rows:
        share = "" if name.startswith("spaCy") else f"{100 * c / pc:.1f}%"
        print(f"{name:30s}{w:9.2f}{c:9.2f}{share:>18s}{1e6 * c / max(n_claims, 1):14.0f}"
              f"{1e6 * c / max(len(sentences), 1):17.0f}")


if __name__ == "__main__":
    main()
