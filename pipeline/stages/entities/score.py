"""Scoring the entities stage against the gold set: exact span + label (and
span only) P/R/F1 over all labels, over names and per label; canonical
accuracy on span-matched names; canonical consistency (one predicted canonical
per gold entity) and purity (one gold entity per predicted canonical).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from ...evaluation.gold import DocAnchors, Gold, GoldSpan, anchor_alt_spans
from ...evaluation.metrics import (PRF, Row, StageReport, anchor, f1_of, gold_by_doc, norm_key, not_located,
                                   scored_preds, trim)
from .rules import NAME_LABELS  # canonical names are scored on the labels that name something


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
        main = anchor(s, anchors)
        alts = [trim(da.text, a.start, a.end) for a in anchor_alt_spans(s, da)] if da else []
        if main is None and not s.get("optional"):
            rep.notes.append(not_located("mention", s, anchors))
        cands = ([main] if main else []) + alts
        labels = {s.get("label")} | set(s.get("alt_labels") or ())
        canon = {norm_key(s.get("canonical"))} | {norm_key(c) for c in s.get("alt_canonicals") or ()}
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


def score(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds_by_doc = scored_preds(df, anchors)
    strict, loose = PRF(), PRF()
    gold_per_label: Counter = Counter()
    pred_per_label: Counter = Counter()
    tp_gold_label: Counter = Counter()
    tp_pred_label: Counter = Counter()
    canon_ok = canon_n = 0
    by_entity: dict[str, list[str]] = defaultdict(list)  # gold canonical -> predicted canonicals
    pred_to_entities: dict[str, set[str]] = defaultdict(set)
    for doc_id, spans in gold_by_doc(gold.spans["entities"], gold).items():
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
            got = norm_key(rec.get("canonical"))
            if got in g.canonicals:
                canon_ok += 1
            key = norm_key(g.span.get("canonical"))
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
        # (undefined without predictions or gold of the label, as ``PRF``'s figures)
        p = tp_pred_label[label] / pred_per_label[label] if pred_per_label[label] else None
        r = tp_gold_label[label] / gold_per_label[label] if gold_per_label[label] else None
        f = f1_of(p, r)
        rep.rows.append(Row(f"  {label}", p=p, r=r, f=f, support=gold_per_label[label], predicted=pred_per_label[label]))
        rep.metrics[f"f1[{label}]"] = f
    rep.add_value("canonical_accuracy", "canonical accuracy (matched names)", canon_ok, canon_n)
    multi = {k: v for k, v in by_entity.items() if len(v) >= 2}
    consistent = sum(1 for v in multi.values() if len(set(v)) == 1)
    rep.add_value("canonical_consistency", "one canonical per entity", consistent, len(multi))
    pure = sum(1 for v in pred_to_entities.values() if len(v) == 1)
    rep.add_value("canonical_purity", "one entity per canonical", pure, len(pred_to_entities))
