"""Check that the compiled attribute rules annotate exactly as spaCy's attribute_ruler.

Each text (the cleaned ``documents.text`` the pipeline parses) is parsed once
by ``load_pipeline``'s pipeline up to the parser (the compiled rules, the lemmatizer
and the NER components off; none of them feeds the ruler). The Doc is copied;
spaCy's ``attribute_ruler`` annotates one copy, ``claimex_attribute_rules`` the
other, and ``Doc.to_array`` of POS, TAG, MORPH, LEMMA, DEP, HEAD and NORM must
be equal token for token. Batches run inside ``nlp.memory_zone()`` as in the
pipeline, so the compiled rules' memo is also exercised across zones.

Corpora: the seeds, ``news/bbc`` (2,225 articles) and PolNeAR ``train`` +
``dev`` texts (924), read from ``../shared/data`` (never copied into the repo).

Usage: PYTHONPATH=$PWD python scripts/check_attribute_rules.py [--data ../shared/data]
           [--corpus seeds bbc polnear] [--limit N]
Exit code 0 when no token differs, 1 otherwise (the first differences are printed).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG

from pipeline.nlp.attribute_rules import COMPONENT, ORIGINAL
from pipeline.errors import ErrorLog
from pipeline.registry import load_pipeline
from pipeline.inputs.readers import RawDocument, iter_inputs
from pipeline.stages.clean.stage import clean_documents

ROOT = Path(__file__).resolve().parents[1]
ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, NORM]
ATTR_NAMES = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "NORM"]
BATCH = 64


def corpus_dirs(data: Path) -> dict[str, list[Path]]:
    return {
        "seeds": [ROOT / "seeds"],
        "bbc": [data / "news" / "bbc"],
        "polnear": [data / "polnear" / "train" / "text", data / "polnear" / "dev" / "text"],
    }


def cleaned_texts(dirs: list[Path], limit: int | None) -> list[tuple[str, str]]:
    raws = []
    for d in dirs:
        if not d.is_dir():
            sys.exit(f"corpus folder {d} is missing (pass --data, the shared data folder)")
        raws.extend(r for r in iter_inputs(d) if isinstance(r, RawDocument))
    raws = raws[:limit] if limit else raws
    docs = clean_documents(raws, ErrorLog())
    return list(zip(docs["doc_id"], docs["text"]))


def check(nlp, texts: list[tuple[str, str]], name: str, show: int = 5) -> dict:
    stock, compiled = nlp.get_pipe(ORIGINAL), nlp.get_pipe(COMPONENT)
    multi_rules = {i for i, p in enumerate(stock.patterns) if any(len(x) > 1 for x in p["patterns"])}
    disable = [p for p in nlp.pipe_names if nlp.pipe_names.index(p) >= nlp.pipe_names.index(COMPONENT)]
    stats = Counter()
    diff_attrs = Counter()
    for b in range(0, len(texts), BATCH):
        batch = texts[b:b + BATCH]
        with nlp.memory_zone():
            for (doc_id, _), doc in zip(batch, nlp.pipe([t for _, t in batch], disable=disable)):
                before = doc.to_array(ATTRS)
                ours = doc.copy()
                # what AttributeRuler.__call__ does, keeping the matches to count them
                matches = stock.match(doc)
                stock.set_annotations(doc, matches)
                compiled(ours)
                a, c = doc.to_array(ATTRS), ours.to_array(ATTRS)
                stats["docs"] += 1
                stats["tokens"] += len(doc)
                stats["tokens changed by the ruler"] += int((a != before).any(axis=1).sum())
                stats["multi-token rule matches"] += sum(1 for m in matches if m[0] in multi_rules)
                bad = np.flatnonzero((a != c).any(axis=1))
                if len(bad):
                    stats["mismatching docs"] += 1
                    stats["mismatching tokens"] += len(bad)
                    diff_attrs.update(ATTR_NAMES[j] for j in np.flatnonzero((a != c).any(axis=0)))
                    for i in bad[:show]:
                        print(f"  {name} {doc_id} token {i} {doc[i].text!r}: stock {a[i].tolist()} "
                              f"compiled {c[i].tolist()}", file=sys.stderr)
                    show = max(0, show - len(bad))
    stats.setdefault("mismatching docs", 0)
    stats.setdefault("mismatching tokens", 0)
    if diff_attrs:
        print(f"  {name}: differing attributes {dict(diff_attrs)}", file=sys.stderr)
    return dict(stats)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--corpus", nargs="+", choices=["seeds", "bbc", "polnear"], default=["seeds", "bbc", "polnear"])
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per corpus")
    args = ap.parse_args(argv)
    nlp = load_pipeline()
    if COMPONENT not in nlp.pipe_names:
        print(f"{COMPONENT} is not in the pipeline (the model's rules could not be compiled)", file=sys.stderr)
        return 1
    dirs = corpus_dirs(args.data)
    failed = False
    for name in args.corpus:
        t0 = time.perf_counter()
        stats = check(nlp, cleaned_texts(dirs[name], args.limit), name)
        failed = failed or stats["mismatching tokens"] > 0
        print(f"{name}: " + ", ".join(f"{k} {v:,}" for k, v in stats.items()) + f" ({time.perf_counter() - t0:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
