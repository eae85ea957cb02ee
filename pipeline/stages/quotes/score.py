"""Scoring the quotes stage against the gold set: token-overlap matching (a
prediction matches a gold quote when their word-token sets have Dice >= 0.5,
one-to-one, greedily by best overlap). P/R/F1 overall, per kind, and
requiring the right speaker; speaker and ``speaker_kind`` accuracy over the
matched pairs; cross-document consistency: of the gold speakers quoted in two
or more documents, the share whose matched quotes carry one identical, right
name in every document (docs/guidelines.md §4: one name per source across the corpus).
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from ...evaluation.gold import DocAnchors, Gold
from ...evaluation.metrics import (PRF, StageReport, anchor, gold_by_doc, greedy_match, not_located, scored_preds,
                                   speaker_matches, tokens)

def score(rep: StageReport, df: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors]) -> None:
    preds_by_doc = scored_preds(df, anchors)
    groups = {"": None, "direct_": "direct", "indirect_": "indirect"}
    span_prf = {k: PRF() for k in groups}
    spk_prf = {k: PRF() for k in groups}
    speaker_ok = speaker_n = kind_ok = source_kind_ok = source_kind_n = 0
    named: dict[str, dict[str, set]] = {}  # gold speaker -> doc_id -> predicted names
    for doc_id, spans in gold_by_doc(gold.spans["quotes"], gold).items():
        da = anchors.get(doc_id)
        text = da.text if da else ""
        golds = [(s, anchor(s, anchors)) for s in spans]
        for s, a in golds:
            if a is None and not s.get("optional"):
                rep.notes.append(not_located("quote", s, anchors, 60))
        preds = preds_by_doc.get(doc_id, [])
        for key, kind in groups.items():
            sel = [(s, a) for s, a in golds if kind is None or s.get("kind") == kind]
            g_sel = [(s, a) for s, a in sel if not s.get("optional")]
            g_opt = [(s, a) for s, a in sel if s.get("optional")]
            p_sel = [(sp, r) for sp, r in preds if kind is None or r.get("kind") == kind]
            g_tok = [tokens(text, a) if a else frozenset() for _, a in g_sel]
            p_tok = [tokens(text, sp) for sp, _ in p_sel]
            # an optional gold quote (a borderline case) costs nothing when
            # missed, and a prediction that matches it is not a false alarm
            o_tok = [tokens(text, a) if a else frozenset() for _, a in g_opt]
            pairs = greedy_match(g_tok, p_tok)
            spk_pairs = greedy_match(g_tok, p_tok, allowed=lambda i, j: speaker_matches(g_sel[i][0], p_sel[j][1]))
            for pairs_, prf in ((pairs, span_prf[key]), (spk_pairs, spk_prf[key])):
                taken = {j for _, j in pairs_}
                rest = [j for j in range(len(p_sel)) if j not in taken]
                ignored = greedy_match(o_tok, [p_tok[j] for j in rest])
                fp = len(rest) - len(ignored)
                prf.add(PRF(len(pairs_), fp, len(g_sel) - len(pairs_)))
            if kind is None:
                for i, j in pairs:
                    gold_q, pred = g_sel[i][0], p_sel[j][1]
                    speaker_n += 1
                    speaker_ok += speaker_matches(gold_q, pred)
                    kind_ok += gold_q.get("kind") == pred.get("kind")
                    if gold_q.get("speaker_kind"):
                        source_kind_n += 1
                        source_kind_ok += gold_q.get("speaker_kind") == pred.get("speaker_kind")
                    if gold_q.get("speaker"):
                        named.setdefault(gold_q.get("speaker"), {}).setdefault(doc_id, set()).add(
                            pred.get("speaker") if speaker_matches(gold_q, pred) else f"wrong:{pred.get('speaker')}")
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
    if source_kind_n:  # a gold set without speaker_kind (an imported one) is not scored on it
        rep.add_value("speaker_kind_accuracy", "speaker_kind accuracy (matched)", source_kind_ok, source_kind_n)
    multi = {s: by_doc for s, by_doc in named.items() if len(by_doc) >= 2}
    one_name = sum(1 for by_doc in multi.values() if len(set().union(*by_doc.values())) == 1
                   and not any(str(n).startswith("wrong:") for n in set().union(*by_doc.values())))
    if multi:
        rep.add_value("speaker_consistency", "one right name per speaker across documents", one_name, len(multi))
