"""Quote attribution on PolNeAR, side by side with textacy (issue 4).

    PYTHONPATH=. python benchmarks/quote_attribution.py [--split dev|train] [--limit N] [--dump FILE]

Reads ``../shared/data/polnear/<split>`` (never copied into the repo). For each
article it takes one annotator file (the first by name), parses the raw text
once with ``load_pipeline()`` and runs the entities and quotes stages on those Docs
(PolNeAR offsets index the raw text, so the clean stage is skipped). textacy
0.13's ``direct_quotations`` runs on the very same Docs; its per-document
failures are caught and counted (they count as finding nothing).

Gold (README of the data): an attribution is *speech* when its cue contains a
speech verb (``SPEECH_CUES`` below, frozen; matched by crude inflection) or
``according to``; it is *direct* when its Content starts with a quotation mark.
Matching is by word-token overlap: a prediction matches a gold content when
they share at least half of the tokens of the shorter one.

* direct recall: gold direct quotes matched by a predicted direct quote
* indirect speech recall: gold non-direct speech attributions matched by any predicted quote
* precision: predicted quotes matching some gold attribution content (any kind, any cue)
* speaker accuracy (direct / indirect): among matched gold quotes, the predicted
  speaker mention overlaps the gold Source span, or the predicted speaker name
  shares a capitalised word with the gold Source text
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
# ``../shared/data`` beside the repo; from a worktree (/work/wt/<name>) look one level higher too.
DATA = next((p / "shared" / "data" / "polnear" for p in (ROOT.parent, ROOT.parent.parent)
             if (p / "shared" / "data" / "polnear").is_dir()), ROOT.parent / "shared" / "data" / "polnear")
_WORD = re.compile(r"\w+")
_QUOTE_START = set("\"“‘'`«„")
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "written": "write",
              "thought": "think", "felt": "feel", "knew": "know", "known": "know", "spoke": "speak",
              "spoken": "speak", "swore": "swear", "sworn": "swear"}


@dataclass
class GoldAtt:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue_text: str
    content_text: str
    source_text: str
    speech: bool = False
    direct: bool = False


@dataclass
class Pred:
    kind: str
    start: int
    end: int
    speaker: str | None
    speaker_span: tuple[int, int] | None
    text: str = ""


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAtt] = field(default_factory=list)


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for piece in field_.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[GoldAtt]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, txt = (line.split("\t") + ["", ""])[:3]
            typ, _, offs = mid.partition(" ")
            spans[tid] = (typ, _spans(offs), txt)
        elif line.startswith("E"):
            parts = line.split("\t")[1].split()
            rels.append(dict(p.split(":", 1) for p in parts if ":" in p))
    out = []
    for r in rels:
        c = spans.get(r.get("Content", ""))
        if c is None:
            continue
        s = spans.get(r.get("Source", ""))
        cue = spans.get(r.get("Cue", ""))
        out.append(GoldAtt(c[1], s[1] if s else [], cue[2] if cue else "", c[2], s[2] if s else ""))
    return out


# The benchmark's own, frozen definition of a speech cue (lemmas). It is kept apart
# from the pipeline's reporting_verbs.txt on purpose: growing the extractor's lexicon
# must not move the gold side of the measurement.
SPEECH_CUES = frozenset("""
accuse acknowledge add admit advise affirm agree allege announce answer argue ask assert assess
assure blast boast brag caution charge claim clarify comment complain concede conclude concur
confirm contend continue counter declare demand deny disclose emphasise emphasize estimate exclaim
explain highlight indicate inform insinuate insist joke lament maintain mention muse note observe
opine pledge point posit predict proclaim promise propose protest quip rail recall recognise
recognize recommend recount reiterate remark repeat reply report respond retort reveal say scoff
shout speculate state stress suggest summarise summarize swear telegraph tell testify threaten
tweet underline underscore urge vow warn whisper write yell
""".split())


def speech_cue_words() -> set[str]:
    return set(SPEECH_CUES)


def is_speech(cue: str, lemmas: set[str]) -> bool:
    low = cue.lower()
    if "according to" in low:
        return True
    for w in _WORD.findall(low):
        w = _IRREGULAR.get(w, w)
        if w in lemmas:
            return True
        for suf in ("ing", "ed", "es", "s", "d"):
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                stem = w[: -len(suf)]
                if stem in lemmas or stem + "e" in lemmas or (stem[-1:] == stem[-2:-1] and stem[:-1] in lemmas) \
                        or (stem.endswith("i") and stem[:-1] + "y" in lemmas):
                    return True
    return False


def load_split(split: str, limit: int | None) -> list[Article]:
    base = DATA / split
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        stem = p.name.rsplit("_", 1)[0]
        anns.setdefault(stem, p)  # one annotator file per article
    lemmas = speech_cue_words()
    arts = []
    for tp in sorted((base / "text").glob("*.txt")):
        if tp.stem not in anns:
            continue
        art = Article(tp.stem, tp.read_text(encoding="utf-8"), read_ann(anns[tp.stem]))
        for g in art.gold:
            g.speech = is_speech(g.cue_text, lemmas)
            g.direct = g.content_text.lstrip()[:1] in _QUOTE_START
        arts.append(art)
        if limit and len(arts) >= limit:
            break
    return arts


# --- token overlap --------------------------------------------------------------


class Tokens:
    def __init__(self, text: str):
        self.starts = [m.start() for m in _WORD.finditer(text)]
        self.ends = [m.end() for m in _WORD.finditer(text)]

    def ids(self, spans) -> set[int]:
        import bisect

        out: set[int] = set()
        for a, b in spans:
            i = bisect.bisect_left(self.ends, a + 1)
            while i < len(self.starts) and self.starts[i] < b:
                out.add(i)
                i += 1
        return out


def overlaps(a: set[int], b: set[int]) -> bool:
    if not a or not b:
        return False
    return len(a & b) >= 0.5 * min(len(a), len(b))


def speaker_ok(pred: Pred, gold: GoldAtt, toks: Tokens) -> bool:
    if pred.speaker_span and gold.source and toks.ids([pred.speaker_span]) & toks.ids(gold.source):
        return True
    if pred.speaker and gold.source_text:
        names = {w for w in _WORD.findall(pred.speaker) if w[:1].isupper() and len(w) > 2}
        return bool(names & set(_WORD.findall(gold.source_text)))
    return False


# --- systems ----------------------------------------------------------------------


def run_claimex(arts: list[Article]):
    from pipeline.errors import ErrorLog
    from pipeline.registry import load_pipeline
    from pipeline.stages.entities.stage import extract_entities
    from pipeline.stages.quotes.stage import extract_quotes
    from pipeline.stages.sentences.stage import split_sentences

    nlp = load_pipeline()
    documents = pd.DataFrame({"doc_id": [a.name for a in arts], "path": [a.name for a in arts],
                              "text": [a.text for a in arts]})
    t0 = time.perf_counter()
    docs = dict(zip(documents["doc_id"], nlp.pipe(documents["text"], batch_size=32)))
    t_parse = time.perf_counter() - t0
    errors = ErrorLog()
    t0 = time.perf_counter()
    sents = split_sentences(documents, docs, errors)
    ents = extract_entities(documents, sents, docs, errors)
    t_ents = time.perf_counter() - t0
    t0 = time.perf_counter()
    quotes = extract_quotes(documents, sents, ents, docs, errors)
    t_quotes = time.perf_counter() - t0
    preds: dict[str, list[Pred]] = {a.name: [] for a in arts}
    for r in quotes.itertuples():
        span = (int(r.speaker_start), int(r.speaker_end)) if pd.notna(r.speaker_start) else None
        preds[r.doc_id].append(Pred(r.kind, int(r.start), int(r.end), r.speaker, span, r.text))
    return docs, preds, errors, {"parse": t_parse, "sentences+entities": t_ents, "quotes": t_quotes}


def run_textacy(arts: list[Article], docs):
    from textacy.extract.triples import direct_quotations

    preds: dict[str, list[Pred]] = {}
    failed = 0
    t0 = time.perf_counter()
    for a in arts:
        out = []
        try:
            for tri in direct_quotations(docs[a.name]):
                c = tri.content
                sp = tri.speaker
                span = (sp[0].idx, sp[-1].idx + len(sp[-1].text)) if sp else None
                out.append(Pred("direct", c.start_char, c.end_char, " ".join(t.text for t in sp) if sp else None, span))
        except (ValueError, IndexError, KeyError, TypeError, AttributeError, RuntimeError) as exc:
            failed += 1
            out = []
            del exc
        preds[a.name] = out
    return preds, failed, time.perf_counter() - t0


# --- scoring ----------------------------------------------------------------------


def score(arts: list[Article], preds: dict[str, list[Pred]], dump=None, label="") -> dict[str, float]:
    n = {"direct": 0, "direct_hit": 0, "direct_spk": 0, "ind": 0, "ind_hit": 0, "ind_spk": 0,
         "pred": 0, "pred_ok": 0, "speech_direct": 0, "speech_direct_hit": 0}
    for a in arts:
        toks = Tokens(a.text)
        gold_ids = [toks.ids(g.content) for g in a.gold]
        pred_ids = [toks.ids([(p.start, p.end)]) for p in preds.get(a.name, [])]
        ps = preds.get(a.name, [])
        for p, pid in zip(ps, pred_ids):
            n["pred"] += 1
            ok = any(overlaps(pid, gid) for gid in gold_ids)
            n["pred_ok"] += ok
            if dump is not None and not ok:
                dump.write(f"FP\t{label}\t{a.name}\t{p.kind}\t{p.speaker}\t{a.text[p.start:p.end][:300]!r}\n")
        for g, gid in zip(a.gold, gold_ids):
            if g.direct:
                cands = [(p, pid) for p, pid in zip(ps, pred_ids) if p.kind == "direct" and overlaps(pid, gid)]
                key = "direct"
            elif g.speech:
                cands = [(p, pid) for p, pid in zip(ps, pred_ids) if overlaps(pid, gid)]
                key = "ind"
            else:
                continue
            n[key] += 1
            if g.direct and g.speech:
                n["speech_direct"] += 1
                n["speech_direct_hit"] += bool(cands)
            if cands:
                n[key + "_hit"] += 1
                best = max(cands, key=lambda c: len(c[1] & gid))
                spk = speaker_ok(best[0], g, toks)
                n[key + "_spk"] += spk
                if dump is not None and not spk:
                    dump.write(f"SPK\t{label}\t{a.name}\t{key}\tpred={best[0].speaker!r}\tgold={g.source_text!r}\t{g.content_text[:200]!r}\n")
            elif dump is not None:
                dump.write(f"FN\t{label}\t{a.name}\t{key}\tcue={g.cue_text!r}\tsrc={g.source_text!r}\t{g.content_text[:300]!r}\n")

    def div(a, b):
        return a / b if b else float("nan")

    return {
        "direct recall": div(n["direct_hit"], n["direct"]),
        "direct (speech cue) recall": div(n["speech_direct_hit"], n["speech_direct"]),
        "direct speaker accuracy": div(n["direct_spk"], n["direct_hit"]),
        "indirect speech recall": div(n["ind_hit"], n["ind"]),
        "indirect speaker accuracy": div(n["ind_spk"], n["ind_hit"]),
        "precision": div(n["pred_ok"], n["pred"]),
        "gold direct": n["direct"], "gold indirect speech": n["ind"], "predicted": n["pred"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--dump", type=Path, default=None, help="write misses (FN/FP/SPK) to this TSV file")
    ap.add_argument("--no-textacy", action="store_true")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"PolNeAR not found at {DATA}", file=sys.stderr)
        return 2
    arts = load_split(args.split, args.limit)
    docs, ours, errors, times = run_claimex(arts)
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    res = {"claimex": score(arts, ours, dump, "claimex")}
    failed = None
    if not args.no_textacy:
        tx, failed, t_tx = run_textacy(arts, docs)
        res["textacy 0.13"] = score(arts, tx, dump, "textacy")
        times["textacy"] = t_tx
    if dump:
        dump.close()
    warned = sum(1 for r in errors.records if r.error.startswith("warning:"))
    print(f"PolNeAR {args.split}: {len(arts)} articles (one annotator file each)")
    table = pd.DataFrame(res)
    with pd.option_context("display.float_format", "{:.3f}".format):
        print(table.to_string())
    if failed is not None:
        print(f"textacy failed on {failed} of {len(arts)} documents (counted as no quotes)")
    print(f"claimex: {sum(1 for r in errors.records if not r.error.startswith('warning:'))} document failures, "
          f"{warned} documents with unbalanced-quote warnings")
    print("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in times.items())
          + f"; quotes stage = {100 * times['quotes'] / times['parse']:.1f}% of parse time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
