"""Score a run's tables against the gold set (``pipeline eval``).

Every metric is defined here and in ``data/gold/README.md`` (keep them in
step). Gold spans are anchored into the run's ``documents.text`` by
``pipeline.gold``; a gold span that cannot be anchored (its paragraph was
dropped by cleaning) counts as missed. Predictions inside a standfirst
(``unscored_lines``) are ignored: the guidelines let a standfirst stay or go.

Per stage:

* **clean**: line-level P/R/F1. TP = a gold body line found in ``text``;
  FN = a body line missing; FP = a boilerplate line (or the dateline) still in
  ``text``, or a paragraph of ``text`` that is no gold line at all. Plus
  accuracy of ``title``, ``source``, ``published``, ``dateline``.
* **sentences**: exact span match (whitespace at either end trimmed).
* **entities**: exact span + label (and span only) P/R/F1 over all labels,
  over names and per label; canonical accuracy on span-matched names; and
  canonical consistency (one predicted canonical per gold entity).
* **quotes**: token-overlap matching; a prediction matches a gold quote when
  their word-token sets have Dice (overlap F1) >= 0.5, one-to-one, greedily
  by best overlap. P/R/F1 overall, per kind, and requiring the right speaker.
* **claims**: one decision per gold sentence: the type of the claim rows that
  overlap it (several: guideline precedence), none = no-claim. Accuracy,
  per-class P/R/F1, macro-F1 over the classes, check-worthy F1, speaker accuracy.

A stage whose gold file is missing reports ``no gold``; a stage whose table
is missing or empty is scored as predicting nothing. Nothing here raises on
odd tables except a missing ``documents`` table (nothing can be anchored).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from .gold import DocAnchors, Gold, GoldSpan, anchor_alt_spans, anchor_document, load_gold
from .schemas import CLAIM_TYPES
from .tables import MissingTableError, read_table

STAGE_ORDER = ("clean", "sentences", "entities", "quotes", "claims")
STAGE_TABLE = {"clean": "documents", "sentences": "sentences", "entities": "entities", "quotes": "quotes", "claims": "claims"}

#: entity labels that name something (canonical names are scored on these);
#: the others (DATE, CARDINAL, ...) are values whose canonical is their text
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "LAW", "FAC", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
NO_CLAIM = "no-claim"
CLAIM_CLASSES = (*CLAIM_TYPES, NO_CLAIM)
#: GUIDELINES section 5: "the first that applies in this order wins"
CLAIM_PRECEDENCE = ("prescriptive", "predictive", "evaluative", "factual")
#: a gold sentence that is not in the cleaned text at all: always wrong
MISSING = "<missing>"
QUOTE_MATCH_DICE = 0.5

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


# ---------------------------------------------------------------- records

@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Row:
    """One printed line: either P/R/F1 (``prf``) or a single ``value`` (accuracy)."""

    name: str
    prf: PRF | None = None
    value: float | None = None
    support: int = 0  # gold items the figure is computed over
    predicted: int | None = None
    p: float | None = None  # explicit P/R/F1 when not derived from counts (per-label)
    r: float | None = None
    f: float | None = None

    @property
    def precision(self) -> float | None:
        return self.p if self.p is not None else (self.prf.precision if self.prf else None)

    @property
    def recall(self) -> float | None:
        return self.r if self.r is not None else (self.prf.recall if self.prf else None)

    @property
    def f1(self) -> float | None:
        return self.f if self.f is not None else (self.prf.f1 if self.prf else None)


@dataclass
class StageReport:
    stage: str
    status: str  # "ok", "no gold", "no table"
    rows: list[Row] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)  # flat names, used by tests/floors.py
    notes: list[str] = field(default_factory=list)

    def add_prf(self, key: str, name: str, prf: PRF, support: int | None = None) -> None:
        self.rows.append(Row(name, prf=prf, support=prf.tp + prf.fn if support is None else support, predicted=prf.tp + prf.fp))
        self.metrics[f"{key}precision"] = prf.precision
        self.metrics[f"{key}recall"] = prf.recall
        self.metrics[f"{key}f1"] = prf.f1

    def add_value(self, key: str, name: str, correct: int, total: int) -> None:
        value = correct / total if total else 0.0
        self.rows.append(Row(name, value=value, support=total))
        self.metrics[key] = value


@dataclass
class Report:
    out_dir: str
    gold_dir: str
    stages: dict[str, StageReport]


# ---------------------------------------------------------------- entry points

def evaluate(out_dir: Path | str, gold_dir: Path | str | None = None) -> Report:
    """Read the tables in ``out_dir`` and score them against the gold set."""
    gold = load_gold(gold_dir)
    tables: dict[str, pd.DataFrame | None] = {}
    tables["documents"] = read_table(out_dir, "documents", stage_hint="clean")
    for stage in STAGE_ORDER[1:]:
        try:
            tables[STAGE_TABLE[stage]] = read_table(out_dir, STAGE_TABLE[stage], stage_hint=stage)
        except MissingTableError:
            tables[STAGE_TABLE[stage]] = None
    report = evaluate_tables(tables, gold)
    report.out_dir = str(out_dir)
    return report


def evaluate_tables(tables: Mapping[str, pd.DataFrame | None], gold: Gold) -> Report:
    """Score DataFrames (keyed by table name; None = table absent) against ``gold``."""
    documents = tables.get("documents")
    if documents is None:
        raise MissingTableError("table 'documents' is needed to score anything; run `pipeline run clean` first")
    texts = {d: t if isinstance(t, str) else "" for d, t in zip(documents["doc_id"], documents["text"])}
    anchors = {d.doc_id: anchor_document(d, texts[d.doc_id]) for d in (gold.documents or {}).values() if d.doc_id in texts}
    stages: dict[str, StageReport] = {}
    scorers = {"sentences": _score_sentences, "entities": _score_entities, "quotes": _score_quotes, "claims": _score_claims}
    for stage in STAGE_ORDER:
        if not gold.has(stage) or gold.documents is None:
            missing = "documents.jsonl" if gold.documents is None else f"{stage} gold file"
            stages[stage] = StageReport(stage, "no gold", notes=[f"{missing} not in {gold.directory}"])
            continue
        df = tables.get(STAGE_TABLE[stage])
        status = "ok"
        if df is None:
            status = "no table"
            df = pd.DataFrame()
        rep = StageReport(stage, status)
        if status == "no table":
            rep.notes.append(f"table {STAGE_TABLE[stage]!r} is missing: scored as predicting nothing")
        if stage == "clean":
            _score_clean(rep, documents, gold)
        else:
            scorers[stage](rep, df, gold, anchors)
        stages[stage] = rep
    return Report(out_dir="", gold_dir=str(gold.directory), stages=stages)


# ---------------------------------------------------------------- helpers

def _norm(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def _norm_key(s: str | None) -> str:
    """Comparison key for names: case- and whitespace-insensitive."""
    return _norm(s).casefold()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _rows_by_doc(df: pd.DataFrame) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    if df is None or df.empty or "doc_id" not in df.columns:
        return out
    for rec in df.to_dict("records"):
        out[rec["doc_id"]].append(rec)
    return out


def _pred_span(rec: dict, text: str) -> tuple[int, int] | None:
    try:
        start, end = int(rec["start"]), int(rec["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (0 <= start <= end <= len(text)):
        return None
    return _trim(text, start, end)


def _scored_preds(df: pd.DataFrame, anchors: Mapping[str, DocAnchors]) -> dict[str, list[tuple[tuple[int, int], dict]]]:
    """Predictions per gold document with their trimmed spans; standfirst ones dropped.

    Rows of documents that are not in the gold set are not scored.
    """
    out: dict[str, list] = defaultdict(list)
    for doc_id, recs in _rows_by_doc(df).items():
        da = anchors.get(doc_id)
        if da is None:
            continue
        for rec in recs:
            span = _pred_span(rec, da.text)
            if span is None or span[0] == span[1] or da.in_unscored(*span):
                continue
            out[doc_id].append((span, rec))
    return out


def _gold_by_doc(spans: Iterable[GoldSpan], gold: Gold) -> dict[str, list[GoldSpan]]:
    """Gold spans per document, without those inside a standfirst (not scored)."""
    out: dict[str, list[GoldSpan]] = defaultdict(list)
    for s in spans:
        doc = gold.documents.get(s.doc_id)
        if doc is not None and doc.region(s.raw_start, s.raw_end) == "unscored":
            continue
        out[s.doc_id].append(s)
    return out


def _anchor(span: GoldSpan, anchors: Mapping[str, DocAnchors]) -> tuple[int, int] | None:
    da = anchors.get(span.doc_id)
    if da is None:
        return None
    a = da.locate(span.text, span.raw_start)
    return _trim(da.text, a.start, a.end) if a else None


# ---------------------------------------------------------------- clean

def _text_lines(text: str) -> list[str]:
    return [n for n in (_norm(line) for line in text.split("\n")) if n]


def _norm_dateline(s: str | None) -> str:
    # "MINSK, 5 December (BelTA) -" and "MINSK, 5 December (BelTA)" name the
    # same dateline ("/TASS/." and "/TASS/" too): the trailing separator is
    # not part of what is compared
    return _norm(s).rstrip(" -–—:.").casefold()


def _score_clean(rep: StageReport, documents: pd.DataFrame, gold: Gold) -> None:
    by_id = {r["doc_id"]: r for r in documents.to_dict("records")}
    lines = PRF()
    fields = {f: [0, 0] for f in ("title", "source", "published", "dateline")}
    for doc in gold.documents.values():
        row = by_id.get(doc.doc_id)
        text = row["text"] if row is not None and isinstance(row.get("text"), str) else ""
        if row is None:
            rep.notes.append(f"{doc.doc_id}: not in the documents table")
        flat = _norm(text)
        body = [_norm(b) for b in doc.body_lines]
        for b, raw_line in zip(body, doc.body_lines):
            if b in flat:
                lines.tp += 1
            else:
                lines.fn += 1
                rep.notes.append(f"{doc.doc_id}: body line missing: {raw_line[:70]!r}")
        tlines = _text_lines(text)
        available = Counter(tlines)
        # what is left of the text once the body lines are taken out (longest
        # first, so a heading is not cut out of a paragraph that quotes it):
        # furniture is looked for there, not inside the body it may resemble
        residual = flat
        for b in sorted((b for b in body if b in flat), key=len, reverse=True):
            residual = residual.replace(b, " \u00b6 ", 1)
        must_go = [(_norm(k), k) for k in doc.boilerplate_lines]
        if doc.dateline:
            must_go.append((_norm(doc.dateline), doc.dateline))
        for k, raw_k in must_go:
            if available[k] > 0:
                available[k] -= 1
            elif len(k.split()) >= 4 and k in residual:
                # long furniture glued to a paragraph (a dateline left in
                # front of the first one) still counts as kept
                residual = residual.replace(k, " \u00b6 ", 1)
            else:
                continue
            lines.fp += 1
            rep.notes.append(f"{doc.doc_id}: boilerplate kept: {raw_k[:70]!r}")
        known = body + [_norm(u) for u in doc.unscored_lines]
        furniture = {k for k, _ in must_go}
        for line in tlines:
            if line in furniture:
                continue
            if not any(line in g or g in line for g in known):
                lines.fp += 1
                rep.notes.append(f"{doc.doc_id}: unexpected paragraph kept: {line[:70]!r}")
        if row is not None:
            got = {
                "title": _norm(row.get("title")), "source": _norm(row.get("source")),
                "published": _norm(row.get("published")), "dateline": _norm_dateline(row.get("dateline")),
            }
        else:
            got = None
        want = {"title": _norm(doc.title), "source": _norm(doc.source), "published": _norm(doc.published),
                "dateline": _norm_dateline(doc.dateline)}
        for f in fields:
            fields[f][1] += 1
            if got is not None and got[f] == want[f]:
                fields[f][0] += 1
            elif got is not None:
                rep.notes.append(f"{doc.doc_id}: {f} = {row.get(f)!r}, gold {getattr(doc, f)!r}")
    rep.add_prf("line_", "body lines (P: no boilerplate kept)", lines)
    for f, (ok, n) in fields.items():
        rep.add_value(f"{f}_accuracy", f"{f} accuracy", ok, n)
    rep.add_value("fields_accuracy", "all four fields", sum(v[0] for v in fields.values()), sum(v[1] for v in fields.values()))


# ---------------------------------------------------------------- sentences

def _score_sentences(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds = _scored_preds(df, anchors)
    prf = PRF()
    headings_ok = headings = 0
    for doc_id, spans in _gold_by_doc(gold.spans["sentences"], gold).items():
        gold_set = Counter()
        pred_set = Counter(span for span, _ in preds.get(doc_id, ()))
        for s in spans:
            a = _anchor(s, anchors)
            if a is None:
                prf.fn += 1
                rep.notes.append(f"{doc_id}: gold sentence not in text: {s.text[:60]!r}")
            else:
                gold_set[a] += 1
            if s.get("heading"):
                # GUIDELINES 2: a heading is its own segment, never glued to the next sentence
                headings += 1
                headings_ok += a is not None and a in pred_set
        tp = sum((gold_set & pred_set).values())
        prf.tp += tp
        prf.fn += sum(gold_set.values()) - tp
        prf.fp += sum(pred_set.values()) - tp
        da = anchors.get(doc_id)
        for span in sorted(set(pred_set) - set(gold_set)):
            if da is not None:
                rep.notes.append(f"{doc_id}: predicted sentence not in gold: {da.text[span[0]:span[1]][:70]!r}")
    rep.add_prf("", "exact span", prf)
    rep.add_value("heading_accuracy", "headings as their own segment", headings_ok, headings)


# ---------------------------------------------------------------- entities

@dataclass
class _GoldMention:
    span: GoldSpan
    spans: list[tuple[int, int]]  # main first, then alternatives
    labels: set[str]
    canonicals: set[str]
    optional: bool


def _gold_mentions(spans: list[GoldSpan], anchors: Mapping[str, DocAnchors], rep: StageReport) -> list[_GoldMention | None]:
    out = []
    for s in spans:
        da = anchors.get(s.doc_id)
        main = _anchor(s, anchors)
        alts = [_trim(da.text, a.start, a.end) for a in anchor_alt_spans(s, da)] if da else []
        if main is None and not s.get("optional"):
            rep.notes.append(f"{s.doc_id}: gold mention not in text: {s.text!r}")
        cands = ([main] if main else []) + alts
        labels = {s.get("label")} | set(s.get("alt_labels") or ())
        canon = {_norm_key(s.get("canonical"))} | {_norm_key(c) for c in s.get("alt_canonicals") or ()}
        out.append(_GoldMention(s, cands, labels, canon, bool(s.get("optional"))) if cands or not s.get("optional") else None)
    return [m for m in out if m is not None]


def _match_mentions(golds: list[_GoldMention], preds: list[tuple[tuple[int, int], dict]], use_label: bool):
    """Greedy one-to-one matching against the required gold mentions: exact
    main spans first, then alternative spans.

    Returns (pairs of (gold index, pred index), indexes of the unmatched preds
    that sit exactly on an optional gold mention and are therefore ignored).
    """
    gold_taken: set[int] = set()
    pred_taken: set[int] = set()
    pairs = []
    for alt_round in (False, True):
        for pi, (span, rec) in enumerate(preds):
            if pi in pred_taken:
                continue
            for gi, g in enumerate(golds):
                if g.optional or gi in gold_taken or not g.spans:
                    continue
                ok_span = (span in g.spans[1:]) if alt_round else (span == g.spans[0])
                if ok_span and (not use_label or rec.get("label") in g.labels):
                    gold_taken.add(gi)
                    pred_taken.add(pi)
                    pairs.append((gi, pi))
                    break
    optional_spans = {sp for g in golds if g.optional for sp in g.spans}
    ignored = {pi for pi, (span, _) in enumerate(preds) if pi not in pred_taken and span in optional_spans}
    return pairs, ignored


def _score_entities(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds_by_doc = _scored_preds(df, anchors)
    strict, loose = PRF(), PRF()
    gold_per_label: Counter = Counter()
    pred_per_label: Counter = Counter()
    tp_gold_label: Counter = Counter()
    tp_pred_label: Counter = Counter()
    canon_ok = canon_n = 0
    by_entity: dict[str, list[str]] = defaultdict(list)  # gold canonical -> predicted canonicals
    pred_to_entities: dict[str, set[str]] = defaultdict(set)
    for doc_id, spans in _gold_by_doc(gold.spans["entities"], gold).items():
        golds = _gold_mentions(spans, anchors, rep)
        preds = preds_by_doc.get(doc_id, [])
        required = [g for g in golds if not g.optional]
        pairs_s, ignored_s = _match_mentions(golds, preds, use_label=True)
        pairs_l, ignored_l = _match_mentions(golds, preds, use_label=False)
        n_pred_s = len(preds) - len(ignored_s)
        n_pred_l = len(preds) - len(ignored_l)
        strict.add(PRF(len(pairs_s), n_pred_s - len(pairs_s), len(required) - len(pairs_s)))
        loose.add(PRF(len(pairs_l), n_pred_l - len(pairs_l), len(required) - len(pairs_l)))
        for g in required:
            gold_per_label[g.span.get("label")] += 1
        for pi, (_, rec) in enumerate(preds):
            if pi not in ignored_s:
                pred_per_label[rec.get("label")] += 1
        for gi, pi in pairs_s:
            tp_gold_label[golds[gi].span.get("label")] += 1
            tp_pred_label[preds[pi][1].get("label")] += 1
        for gi, pi in pairs_l:
            g, rec = golds[gi], preds[pi][1]
            if g.span.get("label") not in NAME_LABELS:
                continue
            canon_n += 1
            got = _norm_key(rec.get("canonical"))
            if got in g.canonicals:
                canon_ok += 1
            key = _norm_key(g.span.get("canonical"))
            by_entity[key].append(got)
            pred_to_entities[got].add(key)
        da = anchors.get(doc_id)
        matched = {pi for _, pi in pairs_s} | ignored_s
        span_match = {pi: golds[gi] for gi, pi in pairs_l}
        for pi, (span, rec) in enumerate(preds):
            if pi in matched or da is None:
                continue
            mention = f"{rec.get('label')} {da.text[span[0]:span[1]]!r}"
            if pi in span_match:
                rep.notes.append(f"{doc_id}: predicted {mention}, gold label {span_match[pi].span.get('label')}")
            else:
                rep.notes.append(f"{doc_id}: predicted {mention} not in gold")
        found = {gi for gi, _ in pairs_l}
        for gi, g in enumerate(golds):
            if not g.optional and gi not in found:
                rep.notes.append(f"{doc_id}: missed {g.span.get('label')} {g.span.text!r}")
    names_tp = sum(tp_gold_label[l] for l in NAME_LABELS)
    names_strict = PRF(tp=names_tp,
                       fp=sum(pred_per_label[l] for l in NAME_LABELS) - sum(tp_pred_label[l] for l in NAME_LABELS),
                       fn=sum(gold_per_label[l] for l in NAME_LABELS) - names_tp)
    rep.add_prf("", "span + label, all labels", strict)
    rep.add_prf("span_", "span only, all labels", loose)
    rep.add_prf("names_", "span + label, names", names_strict)
    for label in sorted(set(gold_per_label) | set(pred_per_label), key=str):
        p = tp_pred_label[label] / pred_per_label[label] if pred_per_label[label] else 0.0
        r = tp_gold_label[label] / gold_per_label[label] if gold_per_label[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rep.rows.append(Row(f"  {label}", p=p, r=r, f=f, support=gold_per_label[label], predicted=pred_per_label[label]))
        rep.metrics[f"f1[{label}]"] = f
    rep.add_value("canonical_accuracy", "canonical accuracy (matched names)", canon_ok, canon_n)
    multi = {k: v for k, v in by_entity.items() if len(v) >= 2}
    consistent = sum(1 for v in multi.values() if len(set(v)) == 1)
    rep.add_value("canonical_consistency", "one canonical per entity", consistent, len(multi))
    pure = sum(1 for v in pred_to_entities.values() if len(v) == 1)
    rep.add_value("canonical_purity", "one entity per canonical", pure, len(pred_to_entities))


# ---------------------------------------------------------------- quotes

def _tokens(text: str, span: tuple[int, int]) -> frozenset[int]:
    """Start offsets of the word tokens inside ``span`` (the unit of overlap)."""
    return frozenset(m.start() for m in _TOKEN_RE.finditer(text, span[0], span[1]))


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def greedy_match(gold_tokens: list[frozenset[int]], pred_tokens: list[frozenset[int]], allowed=None) -> list[tuple[int, int]]:
    """One-to-one pairs (gold i, pred j) with Dice >= 0.5, best overlaps first."""
    cands = []
    for i, g in enumerate(gold_tokens):
        for j, p in enumerate(pred_tokens):
            if allowed is not None and not allowed(i, j):
                continue
            d = dice(g, p)
            if d >= QUOTE_MATCH_DICE:
                cands.append((-d, i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _speaker_ok(gold: GoldSpan, rec: dict) -> bool:
    want = {_norm_key(gold.get("speaker"))} | {_norm_key(s) for s in gold.get("alt_speakers") or ()}
    return _norm_key(rec.get("speaker")) in want


def _score_quotes(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds_by_doc = _scored_preds(df, anchors)
    groups = {"": None, "direct_": "direct", "indirect_": "indirect"}
    span_prf = {k: PRF() for k in groups}
    spk_prf = {k: PRF() for k in groups}
    speaker_ok = speaker_n = kind_ok = 0
    for doc_id, spans in _gold_by_doc(gold.spans["quotes"], gold).items():
        da = anchors.get(doc_id)
        text = da.text if da else ""
        golds = [(s, _anchor(s, anchors)) for s in spans]
        for s, a in golds:
            if a is None and not s.get("optional"):
                rep.notes.append(f"{doc_id}: gold quote not in text: {s.text[:60]!r}")
        preds = preds_by_doc.get(doc_id, [])
        for key, kind in groups.items():
            sel = [(s, a) for s, a in golds if kind is None or s.get("kind") == kind]
            g_sel = [(s, a) for s, a in sel if not s.get("optional")]
            g_opt = [(s, a) for s, a in sel if s.get("optional")]
            p_sel = [(sp, r) for sp, r in preds if kind is None or r.get("kind") == kind]
            g_tok = [_tokens(text, a) if a else frozenset() for _, a in g_sel]
            p_tok = [_tokens(text, sp) for sp, _ in p_sel]
            # an optional gold quote (a borderline case) costs nothing when
            # missed, and a prediction that matches it is not a false alarm
            o_tok = [_tokens(text, a) if a else frozenset() for _, a in g_opt]
            pairs = greedy_match(g_tok, p_tok)
            spk_pairs = greedy_match(g_tok, p_tok, allowed=lambda i, j: _speaker_ok(g_sel[i][0], p_sel[j][1]))
            for pairs_, prf in ((pairs, span_prf[key]), (spk_pairs, spk_prf[key])):
                taken = {j for _, j in pairs_}
                rest = [j for j in range(len(p_sel)) if j not in taken]
                ignored = greedy_match(o_tok, [p_tok[j] for j in rest])
                fp = len(rest) - len(ignored)
                prf.add(PRF(len(pairs_), fp, len(g_sel) - len(pairs_)))
            if kind is None:
                for i, j in pairs:
                    speaker_n += 1
                    speaker_ok += _speaker_ok(g_sel[i][0], p_sel[j][1])
                    kind_ok += g_sel[i][0].get("kind") == p_sel[j][1].get("kind")
                matched = {j for _, j in pairs}
                for j, (sp, r) in enumerate(p_sel):
                    if j not in matched:
                        rep.notes.append(f"{doc_id}: predicted {r.get('kind')} quote not in gold: {text[sp[0]:sp[1]][:60]!r}")
    names = {"": "all quotes", "direct_": "direct", "indirect_": "indirect"}
    for key in groups:
        rep.add_prf(key, f"{names[key]} (span)", span_prf[key])
        rep.add_prf(f"{key}speaker_", f"{names[key]} (span + speaker)", spk_prf[key])
    rep.add_value("speaker_accuracy", "speaker accuracy (matched)", speaker_ok, speaker_n)
    rep.add_value("kind_accuracy", "kind accuracy (matched)", kind_ok, speaker_n)


# ---------------------------------------------------------------- claims

def _overlapping(rows: list[tuple[tuple[int, int], dict]], span: tuple[int, int]) -> list[int]:
    """Indexes of the predicted rows whose span overlaps ``span`` by at least one character."""
    return [k for k, (sp, _) in enumerate(rows) if min(span[1], sp[1]) - max(span[0], sp[0]) > 0]


def _predicted_claim(hits: list[dict]) -> tuple[str, dict | None, bool]:
    """(type, row it comes from, any check-worthy) for the claim rows ``hits`` overlapping a gold claim."""
    if not hits:
        return NO_CLAIM, None, False
    worthy = any(bool(r.get("check_worthy")) for r in hits)
    for t in CLAIM_PRECEDENCE:
        for r in hits:
            if r.get("claim_type") == t:
                return t, r, worthy
    return str(hits[0].get("claim_type")), hits[0], worthy


def _score_claims(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds_by_doc = _scored_preds(df, anchors)
    confusion: Counter = Counter()  # (gold class, predicted class)
    correct = total = 0
    worthy = PRF()
    spk_ok = spk_n = 0
    for doc_id, spans in _gold_by_doc(gold.spans["claims"], gold).items():
        rows = preds_by_doc.get(doc_id, [])
        covered = [False] * len(rows)
        for s in spans:
            want = s.get("claim_type") or NO_CLAIM
            accept = {want} | {t or NO_CLAIM for t in s.get("alt_claim_types") or ()}
            a = _anchor(s, anchors)
            if a is None:
                got, row, got_worthy = MISSING, None, False
            else:
                hit = _overlapping(rows, a)
                for k in hit:
                    covered[k] = True
                got, row, got_worthy = _predicted_claim([rows[k][1] for k in hit])
            total += 1
            if got in accept:
                correct += 1
                confusion[(got, got)] += 1
            else:
                confusion[(want, got)] += 1
            gw = bool(s.get("check_worthy"))
            worthy.tp += gw and got_worthy
            worthy.fn += gw and not got_worthy
            worthy.fp += (not gw) and got_worthy
            if want != NO_CLAIM and row is not None:
                spk_n += 1
                spk_ok += _speaker_ok(s, row)
        outside = sum(1 for c in covered if not c)
        if outside:
            rep.notes.append(f"{doc_id}: {outside} claim row(s) overlap no gold sentence")
    rep.add_value("accuracy", "accuracy (per gold sentence)", correct, total)
    f1s = []
    for c in CLAIM_CLASSES:
        tp = confusion[(c, c)]
        fn = sum(v for (g, p), v in confusion.items() if g == c and p != c)
        fp = sum(v for (g, p), v in confusion.items() if p == c and g != c)
        prf = PRF(tp, fp, fn)
        rep.add_prf(f"{c}_", f"  {c}", prf)
        if tp + fn + fp:
            # a class absent from both gold and predictions has no F1 to average
            f1s.append(prf.f1)
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    rep.rows.append(Row(f"macro-F1 over {len(f1s)} classes", value=macro, support=total))
    rep.metrics["macro_f1"] = macro
    rep.add_prf("check_worthy_", "check-worthy", worthy)
    rep.add_value("speaker_accuracy", "speaker accuracy (both claim)", spk_ok, spk_n)


# ---------------------------------------------------------------- output

def report_as_dict(report: Report) -> dict:
    def row(r: Row) -> dict:
        d = {"name": r.name.strip(), "support": r.support}
        if r.value is not None:
            d["value"] = round(r.value, 4)
        else:
            d.update(precision=round(r.precision or 0.0, 4), recall=round(r.recall or 0.0, 4),
                     f1=round(r.f1 or 0.0, 4), predicted=r.predicted)
        return d

    return {
        "out": report.out_dir,
        "gold": report.gold_dir,
        "stages": {
            name: {
                "status": s.status,
                "metrics": {k: round(v, 4) for k, v in s.metrics.items()},
                "rows": [row(r) for r in s.rows],
                "notes": s.notes,
            }
            for name, s in report.stages.items()
        },
    }


def print_report(report: Report, console, max_notes: int = 12) -> None:
    from rich.markup import escape
    from rich.table import Table

    console.print(f"gold: {report.gold_dir}   tables: {report.out_dir}", highlight=False)
    for name, s in report.stages.items():
        if s.status == "no gold":
            console.print(f"[bold]{name}[/]: no gold ({escape('; '.join(s.notes))})", highlight=False)
            continue
        title = f"{name} ({STAGE_TABLE[name]})" + ("  [yellow]table missing[/]" if s.status == "no table" else "")
        t = Table(title=title, title_justify="left")
        t.add_column("metric")
        for col in ("P", "R", "F1", "value"):
            t.add_column(col, justify="right")
        t.add_column("support", justify="right")
        t.add_column("pred", justify="right")
        fmt = lambda v: "" if v is None else f"{v:.3f}"  # noqa: E731
        for r in s.rows:
            if r.value is not None:
                t.add_row(escape(r.name), "", "", "", fmt(r.value), str(r.support), "")
            else:
                t.add_row(escape(r.name), fmt(r.precision), fmt(r.recall), fmt(r.f1), "", str(r.support),
                          "" if r.predicted is None else str(r.predicted))
        console.print(t)
        for note in s.notes[:max_notes]:
            # notes quote article text, which may hold "[of countries]": not markup
            console.print(f"  - {escape(note)}", highlight=False, soft_wrap=True)
        if len(s.notes) > max_notes:
            console.print(f"  ... {len(s.notes) - max_notes} more (use --json for all)", highlight=False)
