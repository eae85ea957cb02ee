"""Claims stage cost relative to the spaCy parse.

    python benchmarks/claims_speed.py [--input DIR] [--limit N]

Parses the articles once (bare ``nlp.pipe``, timed), then times the claims stage
(cue matching, reported content, model inference) on the same Docs, and prints
both and their ratio. The budget (issue 5): the whole pipeline within ~15% of
bare spaCy time, so the claims stage alone should stay at a few percent.
Default input: ../shared/data/polnear/dev/text (84 news articles), else seeds/.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
    ap.add_argument("--input", type=Path, default=default if default.is_dir() else ROOT / "seeds")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles (0 = all)")
    args = ap.parse_args()

    from pipeline.stages.claims.model import load_model
    from pipeline.errors import ErrorLog
    from pipeline.registry import load_pipeline
    from pipeline.inputs.readers import read_inputs
    from pipeline.stages.claims.stage import classify_claims
    from pipeline.stages.clean.stage import clean_documents
    from pipeline.stages.sentences.stage import split_sentences
    from pipeline.tables import empty_frame

    errors = ErrorLog()
    raw, _ = read_inputs(args.input)
    documents = clean_documents(raw, errors)
    if args.limit:
        documents = documents.head(args.limit)
    nlp = load_pipeline()
    load_model()  # loaded once per process; not part of the per-batch cost
    texts = documents["text"].tolist()
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts))
    t_parse = time.perf_counter() - t0
    docs = dict(zip(documents["doc_id"], parsed))
    sentences = split_sentences(documents, docs, errors)
    t0 = time.perf_counter()
    claims = classify_claims(documents, sentences, empty_frame("quotes"), docs, errors)
    t_claims = time.perf_counter() - t0
    n_chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, {n_chars:,} chars, {len(sentences)} sentences -> {len(claims)} claims")
    print(f"spaCy parse   {t_parse:7.2f} s")
    print(f"claims stage  {t_claims:7.2f} s  ({100 * t_claims / t_parse:.1f}% of the parse)")


if __name__ == "__main__":
    main()
