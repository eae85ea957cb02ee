"""Scoring the claims stage against the gold set: one decision per gold
sentence, the type of the claim rows that overlap it (several: the
guidelines' precedence), none = no-claim. Accuracy, per-class P/R/F1,
macro-F1 over the classes, check-worthy F1, speaker accuracy; ``about``
P/R/F1, ``speaker_kind`` accuracy and the content span (:func:`score_about`).
"""
from __future__ import annotations

from collections import Counter
from typing import Mapping

import pandas as pd

from ...evaluation.gold import DocAnchors, Gold
from ...evaluation.metrics import PRF, Row, StageReport, anchor, dice, gold_by_doc, scored_preds, speaker_matches, tokens
from ...schemas import CLAIM_TYPES

NO_CLAIM = "no-claim"
CLAIM_CLASSES = (*CLAIM_TYPES, NO_CLAIM)
#: docs/guidelines.md §5: "the first that applies in this order wins"
CLAIM_PRECEDENCE = ("prescriptive", "predictive", "evaluative", "factual")
#: a gold sentence that is not in the cleaned text at all: always wrong
MISSING = "<missing>"

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


def score(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds_by_doc = scored_preds(df, anchors)
    confusion: Counter = Counter()  # (gold class, predicted class)
    correct = total = 0
    worthy = PRF()
    spk_ok = spk_n = 0
    for doc_id, spans in gold_by_doc(gold.spans["claims"], gold).items():
        rows = preds_by_doc.get(doc_id, [])
        covered = [False] * len(rows)
        for s in spans:
            want = s.get("claim_type") or NO_CLAIM
            accept = {want} | {t or NO_CLAIM for t in s.get("alt_claim_types") or ()}
            a = anchor(s, anchors)
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
                spk_ok += speaker_matches(s, row)
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
    macro = sum(f1s) / len(f1s) if f1s else None
    rep.rows.append(Row(f"macro-F1 over {len(f1s)} classes", value=macro, support=total))
    rep.metrics["macro_f1"] = macro
    rep.add_prf("check_worthy_", "check-worthy", worthy)
    rep.add_value("speaker_accuracy", "speaker accuracy (both claim)", spk_ok, spk_n)
    score_about(rep, preds_by_doc, gold, anchors)


def _names(value) -> list[str]:
    if value is None or isinstance(value, (str, float)):
        return []
    return [str(v) for v in value]


def score_about(rep: StageReport, preds_by_doc: Mapping[str, list], gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    """``about``, ``speaker_kind`` and the content span, per gold claim sentence
    (data/gold/README.md, claims.jsonl): the predicted ``about`` of a sentence is
    the union over the claim rows overlapping it; a name in the gold
    ``about_optional`` costs nothing either way. The content: token Dice of the
    content of the row the claim type comes from against the gold ``content``."""
    about = PRF()
    kind_ok = kind_n = 0
    dice_sum, dice_n, exact = 0.0, 0, 0
    for doc_id, spans in gold_by_doc(gold.spans["claims"], gold).items():
        rows = preds_by_doc.get(doc_id, [])
        da = anchors.get(doc_id)
        for s in spans:
            if "about" not in s.fields:
                continue
            a = anchor(s, anchors)
            hits = [rows[k][1] for k in _overlapping(rows, a)] if a is not None else []
            want = {n.casefold() for n in s.get("about") or ()} if s.get("claim_type") else set()
            optional = {n.casefold() for n in s.get("about_optional") or ()}
            got = {n.casefold() for r in hits for n in _names(r.get("about"))}
            about.add(PRF(len(got & want), len(got - want - optional), len(want - got)))
            if not s.get("claim_type") or not hits:
                continue
            _, row, _ = _predicted_claim(hits)
            if "speaker_kind" in s.fields:
                kind_n += 1
                kind_ok += (row.get("speaker_kind") or None) == s.get("speaker_kind")
            if s.get("content") is not None and da is not None and a is not None:
                g0 = a[0] + int(s.get("content_start"))
                g = tokens(da.text, (g0, g0 + int(s.get("content_end")) - int(s.get("content_start"))))
                try:
                    p = tokens(da.text, (int(row.get("content_start")), int(row.get("content_end"))))
                except (TypeError, ValueError):
                    p = frozenset()
                d = dice(g, p)
                dice_sum += d
                dice_n += 1
                exact += d == 1.0
    if about.tp + about.fp + about.fn:
        rep.add_prf("about_", "about (names per claim sentence)", about)
    if kind_n:
        rep.add_value("speaker_kind_accuracy", "speaker_kind accuracy (both claim)", kind_ok, kind_n)
    if dice_n:
        rep.rows.append(Row("content span, mean token Dice", value=dice_sum / dice_n, support=dice_n))
        rep.metrics["content_dice"] = dice_sum / dice_n
        rep.add_value("content_exact", "content span, same tokens", exact, dice_n)
