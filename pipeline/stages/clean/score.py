"""Scoring the clean stage against the gold set (``pipeline eval``).

Line-level P/R/F1: TP = a gold body line found in ``text``; FN = a body line
missing; FP = a boilerplate line (or the dateline) still in ``text``, or a
paragraph of ``text`` that is no gold line at all. Plus accuracy of ``title``,
``source``, ``published``, ``dateline``.
"""
from __future__ import annotations

from collections import Counter
from typing import Mapping

import pandas as pd

from ...evaluation.gold import DocAnchors, Gold
from ...evaluation.metrics import PRF, StageReport, norm

def _text_lines(text: str) -> list[str]:
    return [n for n in (norm(line) for line in text.split("\n")) if n]


def _norm_dateline(s: str | None) -> str:
    # "MINSK, 5 December (BelTA) -" and "MINSK, 5 December (BelTA)" name the
    # same dateline ("/TASS/." and "/TASS/" too): the trailing separator is
    # not part of what is compared
    return norm(s).rstrip(" -–—:.").casefold()


def score(rep: StageReport, documents: pd.DataFrame, gold: Gold, anchors: Mapping[str, DocAnchors] | None = None) -> None:
    by_id = {r["doc_id"]: r for r in documents.to_dict("records")}
    lines = PRF()
    fields = {f: [0, 0] for f in ("title", "source", "published", "dateline")}
    for doc in gold.documents.values():
        row = by_id.get(doc.doc_id)
        text = row["text"] if row is not None and isinstance(row.get("text"), str) else ""
        if row is None:
            rep.notes.append(f"{doc.doc_id}: not in the documents table")
        flat = norm(text)
        body = [norm(b) for b in doc.body_lines]
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
        must_go = [(norm(k), k) for k in doc.boilerplate_lines]
        if doc.dateline:
            must_go.append((norm(doc.dateline), doc.dateline))
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
        known = body + [norm(u) for u in doc.unscored_lines]
        furniture = {k for k, _ in must_go}
        for line in tlines:
            if line in furniture:
                continue
            if not any(line in g or g in line for g in known):
                lines.fp += 1
                rep.notes.append(f"{doc.doc_id}: unexpected paragraph kept: {line[:70]!r}")
        if row is not None:
            got = {
                "title": norm(row.get("title")), "source": norm(row.get("source")),
                "published": norm(row.get("published")), "dateline": _norm_dateline(row.get("dateline")),
            }
        else:
            got = None
        want = {"title": norm(doc.title), "source": norm(doc.source), "published": norm(doc.published),
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
