"""Sentences stage: the segments of each cleaned text.

Segmentation itself happens inside the one spaCy parse
(``rules.sentence_rules`` presets boundaries the parser respects), so every later
stage sees the same sentences. This stage turns ``doc.sents`` into rows.
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd
from spacy.tokens import Doc

from ...errors import DOCUMENT_ERRORS, ErrorLog
from ...nlp.docs import doc_text
from ...tables import empty_frame
from .rules import MAX_SENT_TOKENS

STAGE = "sentences"

_SENTENCE_END = ".!?…:;\"”’'»)]"


def sentence_rows(doc_id: str, doc: Doc, text: str | None = None) -> list[tuple]:
    """Rows for one document. ``text`` is ``documents.text`` when the caller has
    it (the parse cache guarantees it equals the Doc's text); else built from the Doc."""
    rows = []
    if text is None:
        text = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # Trim whitespace tokens at the edges; a segment of only whitespace is no sentence.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        seg = text[start:end]
        own_line = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
        is_heading = own_line and seg[-1] not in _SENTENCE_END and len(seg.split()) <= 12
        rows.append((doc_id, len(rows), start, end, seg, is_heading))
    return rows


def bounded_cuts(doc: Doc) -> int:
    """Number of sentences ended by the MAX_SENT_TOKENS bound, not by punctuation
    or a line break (the next sentence starts right after a non-space token)."""
    cuts = 0
    for sent in doc.sents:
        if sent.end < len(doc) and len(sent) >= MAX_SENT_TOKENS:
            last = doc[sent.end - 1]
            if not last.is_space and not last.whitespace_.count("\n") and not last.text.endswith((".", "!", "?", "…")):
                cuts += 1
    return cuts


def split_sentences(documents: pd.DataFrame, docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    rows: list[tuple] = []
    for doc_id, path, text in zip(documents["doc_id"], documents["path"], documents["text"]):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        try:
            rows.extend(sentence_rows(doc_id, doc, text))
            cut = bounded_cuts(doc)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, STAGE, exc)
            continue
        if cut:
            # docs/spec.md "Bad input": a document without sentence punctuation gets a
            # clear message; its sentences are still rows, of bounded length.
            errors.warn(
                doc_id, path, STAGE, "no_sentence_punctuation",
                f"{cut} segment(s) reached {MAX_SENT_TOKENS} tokens with no sentence punctuation "
                f"and were cut there (nlp.MAX_SENT_TOKENS); their boundaries are arbitrary",
            )
    if not rows:
        return empty_frame("sentences")
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "is_heading"])
