"""What a claim is about, where its content is, and what kind of source asserts it
(docs/guidelines.md §5 ``about``; docs/spec.md: ``about``, ``content_start``/``content_end``,
``speaker_kind``).

* **content** (``content_start``/``content_end``): the asserted content inside the
  claim's span, without the attribution frame. A claim drawn from a quote
  (``quote_id``) has the part of the quote inside its span ("X said that <content>",
  "<content>," X said); otherwise the sentence, less a leading "According to X,"
  or a reporting frame the parse shows (``claims.cues.content_span``). Quotation
  marks, and punctuation at either end, are not content.
* **about**: the canonical names of the named entities inside the content
  (persons, organisations, countries and regions, events, documents and laws;
  not nationalities, dates or numbers), plus the entities the content names by a
  description the text makes unambiguous: "our organization" / "the organization"
  -> the last organisation named before whose name or expansion has that noun
  (a delegate at the OSCE: OSCE), "this document" / "the charter" -> the last
  document or law named before. The speaker and the attribution frame ("Igor
  Sekreta said at the OSCE Ministerial Council in Vienna", "BelTA has learned")
  are outside the content, so they are not what the claim is about, unless the
  content names them.
* **speaker_kind**: the kind of the quote the claim comes from; a claim with a
  speaker but no quote ("He also criticized ...") takes the kind that speaker has
  in the document's quotes; no speaker: ``unknown`` (the publication asserts it).

Scored by ``claims.score`` against ``data/gold/claims.jsonl`` (``about``, ``content``).
"""
from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from ...resources import QUOTE_CHARS
from ..entities.canonical import alias_kind, known_acronyms
from .cues import content_span

#: entity labels a claim can be about (docs/guidelines.md §5: persons, organisations,
#: countries and regions, named events, documents and laws); NORP only when the alias
#: list calls the name an organisation ("Tories" -> Conservative Party)
ABOUT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "LAW", "FAC", "WORK_OF_ART"})
#: nouns of a description that names an organisation, and of one that names a document
#: or law, the article named before ("our organization", "this charter")
BODY_NOUNS = frozenset({"organization", "organisation", "alliance", "union", "bloc", "assembly", "council",
                        "committee", "party", "agency", "commission", "bank", "fund", "court"})
DOCUMENT_NOUNS = frozenset({"document", "charter", "treaty", "act", "agreement", "accord", "accords",
                            "declaration", "convention", "pact", "resolution", "bill"})
_DESCRIBING = frozenset({"the", "this", "that", "our", "its", "their", "these"})
_TRIM = set(QUOTE_CHARS) | set(" \n\t,.;:!?-–—")

NEW_COLUMNS = ("speaker_kind", "about", "content_start", "content_end")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def content_of(doc: Doc | None, text: str, start: int, end: int, quote: tuple[int, int] | None) -> tuple[int, int]:
    """Characters of the asserted content of the claim [start, end) (module docstring)."""
    if quote is not None:
        a, b = max(start, quote[0]), min(end, quote[1])
        if b > a:
            return _trim(text, a, b)
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            c = content_span(span)
            if (c.start, c.end) != (span.start, span.end):
                return _trim(text, max(start, c.start_char), min(end, c.end_char))
    return _trim(text, start, end)


class _DocEntities:
    """One document's entity mentions, in order, with what a claim can be about."""

    def __init__(self, rows: pd.DataFrame | None):
        if rows is None or not len(rows):
            self.starts = np.zeros(0, dtype=np.int64)
            self.rows: list[tuple[int, int, str, str]] = []
            return
        rows = rows.sort_values("start")
        canon = rows["canonical"].where(rows["canonical"].notna(), rows["text"])
        self.rows = list(zip(rows["start"].astype(int), rows["end"].astype(int), rows["label"].astype(str),
                             canon.astype(str)))
        self.starts = np.asarray([r[0] for r in self.rows], dtype=np.int64)

    def inside(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        lo = int(np.searchsorted(self.starts, a, side="left"))
        hi = int(np.searchsorted(self.starts, b, side="left"))
        return [r for r in self.rows[lo:hi] if r[1] <= b]

    def before(self, pos: int) -> list[tuple[int, int, str, str]]:
        """Mentions ending before ``pos``, nearest first."""
        hi = int(np.searchsorted(self.starts, pos, side="left"))
        return [r for r in reversed(self.rows[:hi]) if r[1] <= pos]


def aboutable(label: str, name: str) -> bool:
    return label in ABOUT_LABELS or (label == "NORP" and alias_kind(name) == "organisation")


def _name_words(name: str) -> set[str]:
    words = {w.lower() for w in name.replace("-", " ").split()}
    expansion = known_acronyms().get(name)
    if expansion:
        words |= {w.lower() for w in expansion.replace("-", " ").split()}
    return words


def described(doc: Doc | None, ents: _DocEntities, a: int, b: int) -> list[str]:
    """Entities the content [a, b) names by a description ("our organization" -> OSCE)."""
    if doc is None:
        return []
    span = doc.char_span(a, b, alignment_mode="contract")
    if span is None:
        return []
    out = []
    for t in span:
        low = t.lower_
        if t.pos_ != "NOUN" or t.ent_type_ or not (low in BODY_NOUNS or low in DOCUMENT_NOUNS):
            continue
        if not any(c.dep_ in ("det", "poss") and c.lower_ in _DESCRIBING for c in t.children):
            continue
        for s, e, label, name in ents.before(t.idx):
            if low in BODY_NOUNS and label == "ORG" and low in _name_words(name):
                out.append(name)
                break
            if low in DOCUMENT_NOUNS and label == "LAW" and (low in ("document", "bill") or low in _name_words(name)):
                out.append(name)
                break
    return out


def about_names(doc: Doc | None, ents: _DocEntities, a: int, b: int) -> list[str]:
    """Canonical names the content [a, b) is about, in text order, each once."""
    names = [name for s, e, label, name in ents.inside(a, b) if aboutable(label, name)]
    names += described(doc, ents, a, b)
    return list(dict.fromkeys(names))


def annotate_claims(claims: pd.DataFrame, quotes: pd.DataFrame, entities: pd.DataFrame,
                    documents: pd.DataFrame, docs: Mapping[str, Doc]) -> pd.DataFrame:
    """``claims`` with ``speaker_kind``, ``about``, ``content_start`` and ``content_end``."""
    out = claims.copy()
    if not len(out):
        for col in NEW_COLUMNS:
            out[col] = pd.Series(dtype=object if col in ("speaker_kind", "about") else "Int64")
        return out
    texts = dict(zip(documents["doc_id"], documents["text"]))
    q_by_doc = {d: g for d, g in quotes.groupby("doc_id", sort=False)} if len(quotes) else {}
    e_by_doc = {d: g for d, g in entities.groupby("doc_id", sort=False)} if len(entities) else {}
    kinds, abouts, c0s, c1s = [], [], [], []
    cache: dict[str, tuple] = {}
    for doc_id, start, end, speaker, quote_id in zip(out["doc_id"], out["start"], out["end"], out["speaker"],
                                                      out["quote_id"]):
        if doc_id not in cache:
            q = q_by_doc.get(doc_id)
            q_kinds = (q["speaker_kind"] if "speaker_kind" in q.columns else pd.Series(None, index=q.index)) \
                if q is not None else None
            by_id = {int(i): (int(s), int(e), k) for i, s, e, k in
                     zip(q["quote_id"], q["start"], q["end"], q_kinds)} if q is not None else {}
            kind_of = {} if q is None else dict(zip(q["speaker"], q_kinds))
            cache[doc_id] = (by_id, kind_of, _DocEntities(e_by_doc.get(doc_id)))
        by_id, kind_of, ents = cache[doc_id]
        quote = by_id.get(int(quote_id)) if pd.notna(quote_id) else None
        text = texts.get(doc_id, "")
        a, b = content_of(docs.get(doc_id), text, int(start), int(end), quote[:2] if quote else None)
        c0s.append(a)
        c1s.append(b)
        abouts.append(about_names(docs.get(doc_id), ents, a, b))
        if quote is not None:
            kinds.append(quote[2] or "unknown")
        elif isinstance(speaker, str):
            kinds.append(kind_of.get(speaker) or "unknown")
        else:
            kinds.append("unknown")
    out["speaker_kind"] = kinds
    out["about"] = abouts
    out["content_start"] = pd.array(c0s, dtype="Int64")
    out["content_end"] = pd.array(c1s, dtype="Int64")
    return out


def sync_sources(claims: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The claims stage's corpus-wide ``finalize``: a claim drawn from a quote has that
    quote's speaker and speaker_kind, as the quotes' own corpus pass left them
    (:func:`pipeline.stages.quotes.roles.resolve_roles`)."""
    if not len(claims) or not len(quotes) or "speaker_kind" not in quotes.columns:
        return claims
    src = quotes[["doc_id", "quote_id", "speaker", "speaker_kind"]].rename(
        columns={"speaker": "_speaker", "speaker_kind": "_kind"})
    src = src.astype({"quote_id": "int64"})
    keyed = claims[["doc_id", "quote_id"]].copy()
    has = keyed["quote_id"].notna()
    keyed["quote_id"] = keyed["quote_id"].fillna(-1).astype("int64")
    merged = keyed.merge(src, on=["doc_id", "quote_id"], how="left")
    out = claims.copy()
    take = has.to_numpy() & merged["_kind"].notna().to_numpy()
    out.loc[take, "speaker"] = merged.loc[take, "_speaker"].to_numpy()
    out.loc[take, "speaker_kind"] = merged.loc[take, "_kind"].to_numpy()
    return out
