"""Component time of spaCy's attribute_ruler against the compiled rules (issue 6).

    PYTHONPATH=. python benchmarks/attribute_rules_speed.py [--docs 400] [--repeats 3] [--bbc DIR]

The BBC sample of ``benchmarks/throughput.py`` (``--docs`` articles spread over
the five categories, raw texts, from ``../shared/data/news/bbc/``) is parsed
once up to the rules (tok2vec, tagger, sentence rules, parser) and kept as a
DocBin. Each repeat rebuilds fresh Docs from it and times one component over
all of them - spaCy's ``attribute_ruler``, then ``claimex_attribute_rules``
(its memo warm from the previous repeats, as in a long run) - alternating, so
machine noise hits both alike. Reports the best of ``--repeats`` per side.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.tokens import DocBin

import benchmarks.throughput as throughput
from pipeline.nlp.attribute_rules import COMPONENT, ORIGINAL
from pipeline.registry import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--bbc", type=Path, default=throughput.BBC)
    args = ap.parse_args()
    throughput.BBC_DIR[0] = args.bbc
    texts = throughput.raw_texts(throughput.bbc_files(args.docs))
    nlp = load_pipeline()
    names = nlp.pipe_names
    t0 = time.perf_counter()
    data = DocBin(docs=nlp.pipe(texts, disable=names[names.index(COMPONENT):])).to_bytes()
    print(f"parsed {len(texts)} BBC articles up to the rules in {time.perf_counter() - t0:.1f} s")
    components = {"spaCy attribute_ruler": nlp.get_pipe(ORIGINAL), COMPONENT: nlp.get_pipe(COMPONENT)}
    best = {name: float("inf") for name in components}
    n_tokens = 0
    for _ in range(args.repeats):
        for name, component in components.items():
            docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
            n_tokens = sum(len(d) for d in docs)
            t = time.perf_counter()
            for doc in docs:
                component(doc)
            best[name] = min(best[name], time.perf_counter() - t)
    print(f"{n_tokens:,} tokens, best of {args.repeats}:")
    for name, seconds in best.items():
        print(f"  {name:24s} {seconds:6.3f} s  {seconds / n_tokens * 1e6:5.2f} us/token")
    stock, compiled = best.values()
    print(f"  speed-up {stock / compiled:.1f}x, {stock - compiled:.2f} s saved")


if __name__ == "__main__":
    main()
