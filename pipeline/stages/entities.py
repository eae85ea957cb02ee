"""Entities stage (issue 3): NER mentions with one canonical name per entity."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
from spacy.tokens import Doc

from ..errors import DOCUMENT_ERRORS, ErrorLog
from ..tables import empty_frame

STAGE = "entities"


def extract_entities(documents: pd.DataFrame, sentences: pd.DataFrame, docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    """One row per entity mention (baseline: spaCy's own ``doc.ents``)."""
    rows = []
    for doc_id, path in zip(documents["doc_id"], documents["path"]):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        try:
            sent_index = {s.start_char: i for i, s in enumerate(doc.sents)}
            starts = sorted(sent_index)
            import bisect

            for k, ent in enumerate(doc.ents):
                sid = bisect.bisect_right(starts, ent.start_char) - 1
                rows.append((doc_id, k, sid, ent.start_char, ent.end_char, ent.text, ent.label_, ent.text))
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, STAGE, exc)
    if not rows:
        return empty_frame("entities")
    return pd.DataFrame(rows, columns=["doc_id", "ent_id", "sent_id", "start", "end", "text", "label", "canonical"])
