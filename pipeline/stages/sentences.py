"""Sentences stage: the segments of each cleaned text.

Segmentation itself happens inside the one spaCy parse
(``nlp.sentence_rules`` presets boundaries the parser respects), so every later
stage sees the same sentences. This stage turns ``doc.sents`` into rows.
"""
from __future__ import annotations

from typing import Mapping

import pandas as pd
from spacy.tokens import Doc

from ..errors import DOCUMENT_ERRORS, ErrorLog
from ..tables import empty_frame

STAGE = "sentences"

_SENTENCE_END = ".!?…:;\"”’'»)]"


def sentence_rows(doc_id: str, doc: Doc) -> list[tuple]:
    rows = []
    text = doc.text
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


def split_sentences(documents: pd.DataFrame, docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    rows: list[tuple] = []
    for doc_id, path in zip(documents["doc_id"], documents["path"]):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        try:
            rows.extend(sentence_rows(doc_id, doc))
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, STAGE, exc)
    if not rows:
        return empty_frame("sentences")
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "is_heading"])
