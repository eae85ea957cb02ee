"""Quote attribution on PolNeAR, side by side with textacy, in two scoring modes.

    PYTHONPATH=. python benchmarks/quote_attribution.py [--split dev|train] [--limit N] [--sample N]
        [--dump FILE] [--parse-cache FILE] [--no-textacy]

Reads ``../shared/data/polnear/<split>`` (never copied into the repo). For each
article it takes one annotator file (the first by name), parses the raw text
once with ``load_pipeline()`` and runs the entities and quotes stages on those Docs
(PolNeAR offsets index the raw text, so the clean stage is skipped). textacy
0.13's ``direct_quotations`` runs on the very same Docs; its per-document
failures are caught and counted (they count as finding nothing).

Gold (README of the data): an attribution is *speech* when its cue contains a
speech verb (``SPEECH_CUES`` below, frozen; matched by crude inflection) or
``according to``; it is *direct* when its Content starts with a quotation mark.
Tokens are ``\\w+`` runs of the raw text.

* direct recall: gold direct quotes found by a predicted *direct* quote; the row
  ``direct recall, by a quote of any kind`` reads the issue's "the system quotes" with
  no kind, so a mixed quote (`said "budget reforms" and the collection of unpaid taxes
  would help`, a gold "direct" content by its first character) is found by the
  indirect quote of its clause
* indirect (speech) recall: gold non-direct speech attributions found by any predicted quote
* precision: predicted quotes that are right against some gold attribution content
  (any kind, any cue: beliefs and thoughts count)
* speaker accuracy (direct / indirect): among found gold quotes, the share whose
  best-matching predicted quote has the right speaker mention

Two modes say what "found", "right" and "right speaker" mean:

* **strict**: a gold content is found when one predicted quote has token F1 >= 0.5
  with it; a predicted quote is right when it has token F1 >= 0.5 with some gold
  content; the speaker is right when the predicted mention (as written) has token
  F1 >= 0.5 with the gold Source or ends with the same word. "Or last word" also
  reads as "the mention's last word (its head) lies inside the Source"; that
  reading is reported on its own rows (``last word in Source``).
* **overlap** (the mode citron and GenderGapTracker publish): a gold content is
  found when the predicted quotes lying mostly (more than half of their tokens)
  inside it cover half of its tokens; a predicted quote is right when half of its
  tokens lie inside one gold content; the speaker is right when the head word of
  the predicted mention lies inside the gold Source span (as ``\\w+`` tokens, so
  the token `Jr.` lies inside `Biden Jr`), or the mention is the noun phrase right
  before a gold Source that is a relative "who" (``Mr. Clarke, who said ...``).

A found gold quote whose attribution has no Source (PolNeAR leaves it out of 4%
of speech attributions: ``when asked ...``) counts as a wrong speaker, as the
definitions say; the rows ``..., gold with a Source`` give the accuracies over the
others.
"""
from __future__ import annotations

import argparse
import bisect
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
# ``../shared/data`` beside the repo; from a git worktree one folder deeper, look one level higher too.
DATA = next((p / "shared" / "data" / "polnear" for p in (ROOT.parent, ROOT.parent.parent)
             if (p / "shared" / "data" / "polnear").is_dir()), ROOT.parent / "shared" / "data" / "polnear")
_WORD = re.compile(r"\w+")
_QUOTE_START = set("\"“‘'`«„")
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "written": "write",
              "thought": "think", "felt": "feel", "knew": "know", "known": "know", "spoke": "speak",
              "spoken": "speak", "swore": "swear", "sworn": "swear"}
MODES = ("strict", "overlap")


@dataclass
class GoldAtt:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue_text: str
    content_text: str
    source_text: str
    cue: list[tuple[int, int]] = field(default_factory=list)
    speech: bool = False
    direct: bool = False


@dataclass
class Pred:
    kind: str
    start: int
    end: int
    speaker: str | None
    speaker_span: tuple[int, int] | None   # the mention as written
    text: str = ""
    head: tuple[int, int] | None = None    # the mention's head word (char span)


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


# A span's text may run over a line break (train has one): only `T<n><TAB>` and
# `E<n><TAB>` start a record, whatever the next line starts with.
_SPAN_LINE = re.compile(r"T\d+\t")
_EVENT_LINE = re.compile(r"E\d+\t")


def read_ann(path: Path) -> list[GoldAtt]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if _SPAN_LINE.match(line):
            tid, mid, txt = (line.split("\t") + ["", ""])[:3]
            typ, _, offs = mid.partition(" ")
            spans[tid] = (typ, _spans(offs), txt)
        elif _EVENT_LINE.match(line):
            parts = line.split("\t")[1].split()
            rels.append(dict(p.split(":", 1) for p in parts if ":" in p))
    out = []
    for r in rels:
        c = spans.get(r.get("Content", ""))
        if c is None:
            continue
        s = spans.get(r.get("Source", ""))
        cue = spans.get(r.get("Cue", ""))
        out.append(GoldAtt(c[1], s[1] if s else [], cue[2] if cue else "", c[2], s[2] if s else "",
                           cue[1] if cue else []))
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


def load_split(split: str, limit: int | None = None, sample: int | None = None, seed: int = 0) -> list[Article]:
    """Articles of ``split`` with their gold; ``limit``: the first N by name;
    ``sample``: N drawn at random (``seed``), for a quick look at train."""
    base = DATA / split
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        stem = p.name.rsplit("_", 1)[0]
        anns.setdefault(stem, p)  # one annotator file per article
    names = [tp for tp in sorted((base / "text").glob("*.txt")) if tp.stem in anns]
    if sample:
        names = sorted(random.Random(seed).sample(names, min(sample, len(names))))
    if limit:
        names = names[:limit]
    lemmas = speech_cue_words()
    arts = []
    for tp in names:
        art = Article(tp.stem, tp.read_text(encoding="utf-8"), read_ann(anns[tp.stem]))
        for g in art.gold:
            g.speech = is_speech(g.cue_text, lemmas)
            g.direct = g.content_text.lstrip()[:1] in _QUOTE_START
        arts.append(art)
    return arts


# --- tokens -----------------------------------------------------------------------


class Tokens:
    """The ``\\w+`` tokens of one text, by index."""

    def __init__(self, text: str):
        self.text = text
        found = list(_WORD.finditer(text))
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]

    def ids(self, spans) -> set[int]:
        out: set[int] = set()
        for a, b in spans:
            i = bisect.bisect_left(self.ends, a + 1)
            while i < len(self.starts) and self.starts[i] < b:
                out.add(i)
                i += 1
        return out

    def words(self, ids: set[int]) -> list[str]:
        return [self.text[self.starts[i]:self.ends[i]].lower() for i in sorted(ids)]


def token_f1(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def share_inside(p: set[int], g: set[int]) -> float:
    """The share of ``p``'s tokens that lie inside ``g``."""
    return len(p & g) / len(p) if p else 0.0


def strict_found(g: set[int], preds: list[set[int]]) -> int | None:
    """Index of the predicted quote with the best token F1 >= 0.5 with gold ``g``, or None."""
    best = max(range(len(preds)), key=lambda j: token_f1(preds[j], g), default=None)
    return best if best is not None and token_f1(preds[best], g) >= 0.5 else None


def overlap_found(g: set[int], preds: list[set[int]]) -> int | None:
    """Overlap mode: the predicted quotes lying mostly inside gold ``g`` must cover half
    of its tokens; returns the one with the most tokens inside, or None."""
    inside = [j for j, p in enumerate(preds) if share_inside(p, g) > 0.5]
    covered = set().union(*(preds[j] & g for j in inside)) if inside else set()
    if not g or len(covered) < 0.5 * len(g):
        return None
    return max(inside, key=lambda j: len(preds[j] & g))


def strict_right(p: set[int], golds: list[set[int]]) -> bool:
    return any(token_f1(p, g) >= 0.5 for g in golds)


def overlap_right(p: set[int], golds: list[set[int]]) -> bool:
    return bool(p) and any(share_inside(p, g) >= 0.5 for g in golds)


_BETWEEN_NAME_AND_WHO = re.compile(r"[\s,]*")


def speaker_strict(pred: Pred, gold: GoldAtt, toks: Tokens, head_reading: bool = False) -> bool:
    """The mention as written matches the gold Source: token F1 >= 0.5 or by its last
    word. The issue's "or last word" reads two ways: the two end with the same word
    (the default, a match of heads when both are plain noun phrases), or, with
    ``head_reading``, the mention's last word (its head) lies inside the Source
    (`Smith` for `Steve Smith, a veteran editor`). Both are reported."""
    if pred.speaker_span is None or not gold.source:
        return False
    mine, theirs = toks.ids([pred.speaker_span]), toks.ids(gold.source)
    if token_f1(mine, theirs) >= 0.5:
        return True
    if not mine or not theirs:
        return False
    if head_reading:
        return max(mine) in theirs
    w1, w2 = toks.words(mine), toks.words(theirs)
    return w1[-1] == w2[-1]


def speaker_overlap(pred: Pred, gold: GoldAtt, toks: Tokens) -> bool:
    """The mention's head word lies inside the gold Source, or the mention is the noun
    phrase right before a gold Source that is a relative "who" (`Mr. Clarke, who said`,
    `the 30 percent of voters who said`). Words are compared as ``\\w+`` tokens, like
    the contents: the head token `Jr.` lies inside the Source `Joseph R. Biden Jr`; a
    head with no word in it is compared by its characters (`%` in `26%`), in a mention
    that shares a word with the Source."""
    if pred.head is None or not gold.source:
        return False
    head, source = toks.ids([pred.head]), toks.ids(gold.source)
    if head and head <= source:
        return True
    if not head and pred.speaker_span and toks.ids([pred.speaker_span]) & source and any(
            s <= pred.head[0] and pred.head[1] <= e for s, e in gold.source):
        return True
    if gold.source_text.strip().lower() == "who":
        s0 = gold.source[0][0]
        end = max(pred.head[1], pred.speaker_span[1] if pred.speaker_span else 0)
        return end <= s0 and _BETWEEN_NAME_AND_WHO.fullmatch(toks.text[end:s0]) is not None
    return False


def speaker_right(mode: str, pred: Pred, gold: GoldAtt, toks: Tokens) -> bool:
    return speaker_strict(pred, gold, toks) if mode == "strict" else speaker_overlap(pred, gold, toks)


# --- systems ----------------------------------------------------------------------


def parse(arts: list[Article], nlp, model: str, cache: Path | None):
    """``{name: Doc}`` of the articles, from ``cache`` (a DocBin file of this very
    parse: same texts and parse key) when it has them, else parsed and cached there."""
    import hashlib
    import json

    from pipeline.runner.fingerprint import parse_key
    from pipeline.runner.parse_cache import docbin_bytes, docs_from_bytes

    key = parse_key(model) + hashlib.sha1("\n\0".join(a.text for a in arts).encode()).hexdigest()
    meta = cache.with_suffix(cache.suffix + ".key") if cache else None
    if cache and cache.is_file() and meta.is_file() and json.loads(meta.read_text()) == key:
        docs = docs_from_bytes(cache.read_bytes(), nlp.vocab)
        return {a.name: d for a, d in zip(arts, docs) if d is not None and len(d)}
    docs = []
    for k in range(0, len(arts), 32):
        chunk = arts[k:k + 32]
        try:
            got = list(nlp.pipe((a.text for a in chunk), batch_size=32))
        except ValueError:
            # a document the parse components fail on fails alone, as in the pipeline's
            # runner: it counts as a document failure (no quotes); an empty Doc stands in
            # for it in the cache
            for a in chunk:
                try:
                    docs.append(nlp(a.text))
                except ValueError as exc:
                    print(f"parse failed on {a.name}: {str(exc)[:120]}", file=sys.stderr)
                    docs.append(nlp.make_doc(""))
            continue
        docs.extend(got)
    if cache:
        cache.write_bytes(docbin_bytes(docs))
        meta.write_text(json.dumps(key))
    return {a.name: d for a, d in zip(arts, docs) if len(d)}


def _head_of(doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    return root.idx, root.idx + len(root.text)


def run_claimex(arts: list[Article], cache: Path | None = None):
    from pipeline.errors import ErrorLog
    from pipeline.nlp.loader import DEFAULT_MODEL
    from pipeline.registry import load_pipeline
    from pipeline.stages.entities.stage import extract_entities
    from pipeline.stages.quotes.stage import extract_quotes
    from pipeline.stages.sentences.stage import split_sentences

    nlp = load_pipeline(DEFAULT_MODEL)
    documents = pd.DataFrame({"doc_id": [a.name for a in arts], "path": [a.name for a in arts],
                              "text": [a.text for a in arts]})
    t0 = time.perf_counter()
    docs = parse(arts, nlp, DEFAULT_MODEL, cache)
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
        head = _head_of(docs[r.doc_id], *span) if span else None
        preds[r.doc_id].append(Pred(r.kind, int(r.start), int(r.end), r.speaker, span, r.text, head))
    times = {"parse" + (" (cached)" if cache and t_parse < 5 else ""): t_parse, "sentences+entities": t_ents,
             "quotes": t_quotes}
    return docs, preds, errors, times


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
                span = head = None
                if sp:
                    span = (sp[0].idx, sp[-1].idx + len(sp[-1].text))
                    ids = {t.i for t in sp}
                    root = next((t for t in sp if t.head.i not in ids or t.head.i == t.i), sp[0])
                    head = (root.idx, root.idx + len(root.text))
                out.append(Pred("direct", c.start_char, c.end_char, " ".join(t.text for t in sp) if sp else None,
                                span, c.text, head))
        except (ValueError, IndexError, KeyError, TypeError, AttributeError, RuntimeError) as exc:
            failed += 1
            out = []
            del exc
        preds[a.name] = out
    return preds, failed, time.perf_counter() - t0


# --- scoring ----------------------------------------------------------------------


def score(arts: list[Article], preds: dict[str, list[Pred]], mode: str, dump=None, label="") -> dict[str, float]:
    """The figures of one system in one mode (``strict`` or ``overlap``)."""
    found_fn = strict_found if mode == "strict" else overlap_found
    right_fn = strict_right if mode == "strict" else overlap_right
    n = {"direct": 0, "direct_hit": 0, "direct_spk": 0, "ind": 0, "ind_hit": 0, "ind_spk": 0, "pred": 0, "pred_ok": 0,
         "direct_src": 0, "direct_src_spk": 0, "ind_src": 0, "ind_src_spk": 0, "direct_head": 0, "ind_head": 0,
         "direct_any_hit": 0}
    tag = f"{label}\t{mode}"
    for a in arts:
        toks = Tokens(a.text)
        gold_ids = [toks.ids(g.content) for g in a.gold]
        ps = preds.get(a.name, [])
        pred_ids = [toks.ids([(p.start, p.end)]) for p in ps]
        for p, pid in zip(ps, pred_ids):
            n["pred"] += 1
            ok = right_fn(pid, gold_ids)
            n["pred_ok"] += ok
            if dump is not None and not ok:
                dump.write(f"FP\t{tag}\t{a.name}\t{p.kind}\t{p.speaker}\t{p.start}\t{a.text[p.start:p.end][:300]!r}\n")
        direct_js = [j for j, p in enumerate(ps) if p.kind == "direct"]
        for g, gid in zip(a.gold, gold_ids):
            if g.direct:
                js, key = direct_js, "direct"
            elif g.speech:
                js, key = list(range(len(ps))), "ind"
            else:
                continue
            n[key] += 1
            k = found_fn(gid, [pred_ids[j] for j in js])
            if g.direct:
                # the wording ("the system quotes lying mostly inside it"), which
                # names no kind: a mixed quote (`said "budget reforms" and the collection of
                # unpaid taxes would help`) found by the indirect quote of its clause (found
                # among the direct quotes, it is found among all: asked only when not)
                n["direct_any_hit"] += k is not None or found_fn(gid, pred_ids) is not None
            start = g.content[0][0]
            if k is None:
                if dump is not None:
                    dump.write(f"FN\t{tag}\t{a.name}\t{key}\tcue={g.cue_text!r}\tsrc={g.source_text!r}\t{start}\t"
                               f"{g.content_text[:300]!r}\n")
                continue
            n[key + "_hit"] += 1
            best = ps[js[k]]
            spk = speaker_right(mode, best, g, toks)
            n[key + "_spk"] += spk
            if g.source:  # the same accuracy over found quotes whose gold names a Source
                n[key + "_src"] += 1
                n[key + "_src_spk"] += spk
            if mode == "strict":
                n[key + "_head"] += speaker_strict(best, g, toks, head_reading=True)
            if dump is not None and not spk:
                got = a.text[best.speaker_span[0]:best.speaker_span[1]] if best.speaker_span else None
                dump.write(f"SPK\t{tag}\t{a.name}\t{key}\tpred={got!r}\tgold={g.source_text!r}\t{start}\t"
                           f"{g.content_text[:200]!r}\n")

    def div(x, y):
        return x / y if y else float("nan")

    return {
        "direct recall": div(n["direct_hit"], n["direct"]),
        "direct speaker accuracy": div(n["direct_spk"], n["direct_hit"]),
        "indirect (speech) recall": div(n["ind_hit"], n["ind"]),
        "indirect speaker accuracy": div(n["ind_spk"], n["ind_hit"]),
        "precision": div(n["pred_ok"], n["pred"]),
        "direct recall, by a quote of any kind": div(n["direct_any_hit"], n["direct"]),
        "gold direct": n["direct"], "gold indirect speech": n["ind"], "predicted": n["pred"],
        # the same speaker accuracies over found gold quotes that have a Source (PolNeAR
        # leaves it out of 4% of speech attributions: `when asked ...`); strict mode also
        # with its other reading of "last word" (the mention's last word inside the Source)
        "direct speaker, gold with a Source": div(n["direct_src_spk"], n["direct_src"]),
        "indirect speaker, gold with a Source": div(n["ind_src_spk"], n["ind_src"]),
        "direct speaker, last word in Source": div(n["direct_head"], n["direct_hit"]) if mode == "strict"
        else float("nan"),
        "indirect speaker, last word in Source": div(n["ind_head"], n["ind_hit"]) if mode == "strict"
        else float("nan"),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--sample", type=int, default=None, help="N articles drawn at random (--seed)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dump", type=Path, default=None, help="write misses (FN/FP/SPK) to this TSV file")
    ap.add_argument("--parse-cache", type=Path, default=None,
                    help="keep the parse in this DocBin file and reuse it while texts and parse key are unchanged")
    ap.add_argument("--no-textacy", action="store_true")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"PolNeAR not found at {DATA}", file=sys.stderr)
        return 2
    arts = load_split(args.split, args.limit, args.sample, args.seed)
    docs, ours, errors, times = run_claimex(arts, args.parse_cache)
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    systems = {"claimex": ours}
    failed = None
    if not args.no_textacy:
        tx, failed, t_tx = run_textacy(arts, docs)
        systems["textacy 0.13"] = tx
        times["textacy"] = t_tx
    res = {f"{name} {mode}": score(arts, p, mode, dump, name) for name, p in systems.items() for mode in MODES}
    if dump:
        dump.close()
    warned = sum(1 for r in errors.records if r.error.startswith("warning:"))
    print(f"PolNeAR {args.split}: {len(arts)} articles (one annotator file each)")
    table = pd.DataFrame(res)
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 160):
        print(table.to_string())
    if failed is not None:
        print(f"textacy failed on {failed} of {len(arts)} documents (counted as no quotes)")
    unparsed = sum(1 for a in arts if a.name not in docs)
    print(f"claimex: {sum(1 for r in errors.records if not r.error.startswith('warning:')) + unparsed} document "
          f"failures ({unparsed} in the parse), "
          f"{warned} documents with unbalanced-quote warnings")
    parse_s = next(v for k, v in times.items() if k.startswith("parse"))
    print("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in times.items())
          + (f"; quotes stage = {100 * times['quotes'] / parse_s:.1f}% of parse time" if parse_s >= 5 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
