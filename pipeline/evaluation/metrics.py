"""Shared scoring machinery for ``pipeline eval``: counts, report rows,
anchoring predictions and gold spans, token overlap.

Each stage's scorer lives in its stage package (``stages/<stage>/score.py``)
and is named in the stage's registry entry; the driver is
``pipeline.evaluation.evaluate``. Metric definitions: ``data/gold/README.md``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import pandas as pd

from .gold import DocAnchors, Gold, GoldSpan

#: a prediction matches a gold quote when their word-token sets have Dice >= this
QUOTE_MATCH_DICE = 0.5

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def f1_of(p: float | None, r: float | None) -> float | None:
    """F1 of a precision and a recall, either undefined (None): 0 when either is 0 (all missed,
    or all false alarms), else undefined when either is (a label predicted right only by a gold
    alternative has no gold of its own: P 1, R n/a)."""
    if p == 0 or r == 0:
        return 0.0
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    # A figure without a denominator is undefined (None, printed "n/a", null in JSON), not 0:
    # a stage with nothing to find and nothing found scored 0.000 on every line

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        return f1_of(self.precision, self.recall)

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

    @property
    def is_value(self) -> bool:
        """A single figure (an accuracy), not P/R/F1."""
        return self.prf is None and self.p is None and self.r is None and self.f is None


@dataclass
class StageReport:
    stage: str
    status: str  # "ok", "no gold", "no table"
    rows: list[Row] = field(default_factory=list)
    metrics: dict[str, float | None] = field(default_factory=dict)  # flat names, used by tests/floors.py
    notes: list[str] = field(default_factory=list)

    def add_prf(self, key: str, name: str, prf: PRF, support: int | None = None) -> None:
        self.rows.append(Row(name, prf=prf, support=prf.tp + prf.fn if support is None else support, predicted=prf.tp + prf.fp))
        self.metrics[f"{key}precision"] = prf.precision
        self.metrics[f"{key}recall"] = prf.recall
        self.metrics[f"{key}f1"] = prf.f1

    def add_value(self, key: str, name: str, correct: int, total: int) -> None:
        value = correct / total if total else None
        self.rows.append(Row(name, value=value, support=total))
        self.metrics[key] = value


@dataclass
class Report:
    out_dir: str
    gold_dir: str
    stages: dict[str, StageReport]


def norm(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def norm_key(s: str | None) -> str:
    """Comparison key for names: case- and whitespace-insensitive."""
    return norm(s).casefold()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def rows_by_doc(df: pd.DataFrame) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    if df is None or df.empty or "doc_id" not in df.columns:
        return out
    for rec in df.to_dict("records"):
        out[rec["doc_id"]].append(rec)
    return out


def pred_span(rec: dict, text: str) -> tuple[int, int] | None:
    try:
        start, end = int(rec["start"]), int(rec["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (0 <= start <= end <= len(text)):
        return None
    return trim(text, start, end)


def scored_preds(df: pd.DataFrame, anchors: Mapping[str, DocAnchors]) -> dict[str, list[tuple[tuple[int, int], dict]]]:
    """Predictions per gold document with their trimmed spans; standfirst ones dropped.

    Rows of documents that are not in the gold set are not scored.
    """
    out: dict[str, list] = defaultdict(list)
    for doc_id, recs in rows_by_doc(df).items():
        da = anchors.get(doc_id)
        if da is None:
            continue
        for rec in recs:
            span = pred_span(rec, da.text)
            if span is None or span[0] == span[1] or da.in_unscored(*span):
                continue
            out[doc_id].append((span, rec))
    return out


def gold_by_doc(spans: Iterable[GoldSpan], gold: Gold) -> dict[str, list[GoldSpan]]:
    """Gold spans per document, without those inside a standfirst (not scored). Every
    document of the gold set is there: one without spans of the stage has none, so what is
    predicted in it is a false alarm (an annotator who deleted every wrong quote of an
    article is credited for it)."""
    out: dict[str, list[GoldSpan]] = {doc_id: [] for doc_id in gold.documents or ()}
    out = defaultdict(list, out)
    for s in spans:
        doc = gold.documents.get(s.doc_id)
        if doc is not None and doc.region(s.raw_start, s.raw_end) == "unscored":
            continue
        out[s.doc_id].append(s)
    return out


def anchor(span: GoldSpan, anchors: Mapping[str, DocAnchors]) -> tuple[int, int] | None:
    da = anchors.get(span.doc_id)
    if da is None:
        return None
    a = da.locate(span.text, span.raw_start)
    return trim(da.text, a.start, a.end) if a else None


def not_located(what: str, span: GoldSpan, anchors: Mapping[str, DocAnchors], width: int | None = None) -> str:
    """The note for a gold span ``anchor`` placed nowhere in the run's text, saying why (a gold
    mention found in the text used to read "not in text")."""
    da = anchors.get(span.doc_id)
    why = da.why_not_located(span.text, span.raw_start) if da else "its document is not in the run"
    return f"{span.doc_id}: gold {what} not placed in the run's text ({why}): {span.text[:width]!r}"


def tokens(text: str, span: tuple[int, int]) -> frozenset[int]:
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


def speaker_matches(gold: GoldSpan, rec: dict) -> bool:
    want = {norm_key(gold.get("speaker"))} | {norm_key(s) for s in gold.get("alt_speakers") or ()}
    return norm_key(rec.get("speaker")) in want
