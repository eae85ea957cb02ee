"""Scoring the sentences stage against the gold set: exact span match
(whitespace at either end trimmed), and headings as their own segment.
"""
from __future__ import annotations

from collections import Counter
from typing import Mapping

import pandas as pd

from ...evaluation.gold import DocAnchors, Gold
from ...evaluation.metrics import PRF, StageReport, anchor, gold_by_doc, not_located, scored_preds

def score(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds = scored_preds(df, anchors)
    prf = PRF()
    headings_ok = headings = 0
    for doc_id, spans in gold_by_doc(gold.spans["sentences"], gold).items():
        gold_set = Counter()
        pred_set = Counter(span for span, _ in preds.get(doc_id, ()))
        for s in spans:
            a = anchor(s, anchors)
            if a is None:
                prf.fn += 1
                rep.notes.append(not_located("sentence", s, anchors, 60))
            else:
                gold_set[a] += 1
            if s.get("heading"):
                # docs/guidelines.md §2: a heading is its own segment, never glued to the next sentence
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
